<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
    <context>
        <name>ElidingLabel</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
    </context>
    <context>
        <name>ActionLabels</name>
        <message>
            <source>Run succeeded</source>
            <translation>Sucesso da execução</translation>
        </message>
        <message>
            <source>Run failed</source>
            <translation>Falha da execução</translation>
        </message>
        <message>
            <source>Run skipped</source>
            <translation>Execução pulada</translation>
        </message>
        <message>
            <source>Succeeded runs</source>
            <translation>Execuções com sucesso</translation>
        </message>
        <message>
            <source>Failed runs</source>
            <translation>Execuções com falha</translation>
        </message>
        <message>
            <source>Skipped runs</source>
            <translation>Execuções puladas</translation>
        </message>
        <message>
            <source>Legacy sync succeeded</source>
            <translation>Sincronização legada com sucesso</translation>
        </message>
        <message>
            <source>Legacy sync failed</source>
            <translation>Sincronização legada com falha</translation>
        </message>
        <message>
            <source>Job added</source>
            <translation>Job adicionado</translation>
        </message>
        <message>
            <source>Job deleted</source>
            <translation>Job excluído</translation>
        </message>
        <message>
            <source>Job enabled</source>
            <translation>Job ativado</translation>
        </message>
        <message>
            <source>Job disabled</source>
            <translation>Job desativado</translation>
        </message>
        <message>
            <source>Interval changed</source>
            <translation>Intervalo alterado</translation>
        </message>
        <message>
            <source>Schedule changed</source>
            <translation>Agendamento alterado</translation>
        </message>
        <message>
            <source>Job reset</source>
            <translation>Job resetado</translation>
        </message>
        <message>
            <source>Run now asked</source>
            <translation>Execução imediata pedida</translation>
        </message>
        <message>
            <source>Job renamed</source>
            <translation>Job renomeado</translation>
        </message>
        <message>
            <source>Description changed</source>
            <translation>Descrição alterada</translation>
        </message>
        <message>
            <source>Policy changed</source>
            <translation>Política alterada</translation>
        </message>
        <message>
            <source>Run aborted</source>
            <translation>Execução abortada</translation>
        </message>
        <message>
            <source>All paused</source>
            <translation>Tudo pausado</translation>
        </message>
        <message>
            <source>All resumed</source>
            <translation>Tudo retomado</translation>
        </message>
        <message>
            <source>History pruned</source>
            <translation>Histórico podado</translation>
        </message>
    </context>
    <context>
        <name>AbortRunAction</name>
        <message>
            <source>&amp;Abort run…</source>
            <translation>&amp;Abortar execução…</translation>
        </message>
        <message>
            <source>Stop the selected job's running run on the runner that holds it</source>
            <translation>Interrompe a execução em andamento do job selecionado no executor que a detém</translation>
        </message>
        <message>
            <source>Abort run</source>
            <translation>Abortar execução</translation>
        </message>
        <message>
            <source>%1 has no running run to abort.</source>
            <translation>%1 não tem execução em andamento para abortar.</translation>
        </message>
        <message>
            <source>Run %1 of %2 was started by the platform (iniciar_execucao_cron) without a lease. No runner holds it, so it cannot be stopped from here.</source>
            <translation>A execução %1 de %2 foi iniciada pela plataforma (iniciar_execucao_cron) sem concessão. Nenhum executor a detém, então ela não pode ser interrompida daqui.</translation>
        </message>
        <message>
            <source>Asked %1 to abort run %2 of %3</source>
            <translation>Pedido a %1 para abortar a execução %2 de %3</translation>
        </message>
    </context>
    <context>
        <name>AbortRunDialog</name>
        <message>
            <source>Abort run</source>
            <translation>Abortar execução</translation>
        </message>
        <message>
            <source>Abort run %1 of &lt;b&gt;%2&lt;/b&gt; on runner &lt;b&gt;%3&lt;/b&gt;? It has run for %4.</source>
            <translation>Abortar a execução %1 de &lt;b&gt;%2&lt;/b&gt; no executor &lt;b&gt;%3&lt;/b&gt;? Ela está rodando há %4.</translation>
        </message>
        <message>
            <source>The runner stops the whole action at once; the run is recorded as aborted.</source>
            <translation>O executor interrompe a ação inteira na hora; a execução é registrada como abortada.</translation>
        </message>
        <message>
            <source>&amp;Reason (optional, recorded in the audit log):</source>
            <translation>&amp;Motivo (opcional, registrado no log de auditoria):</translation>
        </message>
        <message>
            <source>&amp;Abort run</source>
            <translation>&amp;Abortar execução</translation>
        </message>
        <message>
            <source>&amp;Keep it running</source>
            <translation>&amp;Manter em execução</translation>
        </message>
    </context>
    <context>
        <name>AlertTray</name>
        <message>
            <source>%1 failed</source>
            <translation>%1 falhou</translation>
        </message>
        <message>
            <source>%1 is stuck</source>
            <translation>%1 está travado</translation>
        </message>
        <message>
            <source>%1 is overdue</source>
            <translation>%1 está atrasado</translation>
        </message>
        <message>
            <source>Cron Console</source>
            <translation>Cron Console</translation>
        </message>
        <message>
            <source>Cron Console: a job needs attention</source>
            <translation>Cron Console: um job precisa de atenção</translation>
        </message>
        <message>
            <source>Succeeded again: %1</source>
            <translation>Voltou a ter sucesso: %1</translation>
        </message>
        <message>
            <source>No job needs attention</source>
            <translation>Nenhum job precisa de atenção</translation>
        </message>
        <message>
            <source>Jobs needing attention: %1 (%2 failing, %3 stuck, %4 overdue)</source>
            <translation>Jobs que precisam de atenção: %1 (%2 falhando, %3 travados, %4 atrasados)</translation>
        </message>
    </context>
    <context>
        <name>AuditWriter</name>
        <message>
            <source>writing the audit row</source>
            <translation>gravando a linha de auditoria</translation>
        </message>
    </context>
    <context>
        <name>ClampingSpinBox</name>
        <message>
            <source>From %1 to %2</source>
            <translation>De %1 a %2</translation>
        </message>
    </context>
    <context>
        <name>CommandAction</name>
        <message>
            <source>cannot create the output pipes of %1: %2</source>
            <translation>não foi possível criar os pipes de saída de %1: %2</translation>
        </message>
        <message>
            <source>timed out after %1 s</source>
            <translation>tempo esgotado após %1 s</translation>
        </message>
        <message>
            <source>cannot start %1: %2</source>
            <translation>não foi possível iniciar %1: %2</translation>
        </message>
        <message>
            <source>stopped at the lease deadline: the lease could not be renewed in time</source>
            <translation>parado no prazo da concessão: a concessão não pôde ser renovada a tempo</translation>
        </message>
        <message>
            <source>the action guard refused to start %1: %2</source>
            <translation>o guardião de ações recusou-se a iniciar %1: %2</translation>
        </message>
        <message>
            <source>the action guard of %1 ended unexpectedly</source>
            <translation>o guardião de ações de %1 terminou inesperadamente</translation>
        </message>
        <message>
            <source>%1 was killed by signal %2</source>
            <translation>%1 foi encerrado pelo sinal %2</translation>
        </message>
        <message>
            <source>exit code %1</source>
            <translation>código de saída %1</translation>
        </message>
        <message>
            <source>exit code %1: %2</source>
            <translation>código de saída %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ConcurrentMigration</name>
        <message>
            <source>%1, at "%2"</source>
            <translation>%1, em "%2"</translation>
        </message>
        <message>
            <source>; nothing of it was kept, the database is as it was before</source>
            <translation>; nada dela foi mantido, o banco de dados está como antes</translation>
        </message>
        <message>
            <source>; putting the database back as it was failed too (%1): run "cronctl migrate" again, it cleans up what is left</source>
            <translation>; restaurar o banco de dados também falhou (%1): execute "cronctl migrate" de novo, ele limpa o que restou</translation>
        </message>
        <message>
            <source>the functions could not be put back</source>
            <translation>as funções não puderam ser restauradas</translation>
        </message>
        <message>
            <source>index %1 cannot be built again: %2</source>
            <translation>o índice %1 não pode ser reconstruído: %2</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <source>%1
The current connection was kept.</source>
            <translation>%1
A conexão atual foi mantida.</translation>
        </message>
        <message>
            <source>Remove the saved connection profile &quot;%1&quot;? The database itself is not touched.</source>
            <translation>Remover o perfil de conexão salvo &quot;%1&quot;? O banco de dados em si não é alterado.</translation>
        </message>
        <message>
            <source>&amp;Remove profile</source>
            <translation>&amp;Remover perfil</translation>
        </message>
        <message>
            <source>Connect to a database</source>
            <translation>Conectar a um banco de dados</translation>
        </message>
        <message>
            <source>local socket</source>
            <translation>socket local</translation>
        </message>
        <message>
            <source>default</source>
            <translation>padrão</translation>
        </message>
        <message>
            <source>a service from ~/.pg_service.conf</source>
            <translation>um serviço de ~/.pg_service.conf</translation>
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation>&amp;URL:</translation>
        </message>
        <message>
            <source>postgresql://…, postgres://… or sqlite:/path/file.db. Leave the password out: it is read from ~/.pgpass or PGPASSWORD.</source>
            <translation>postgresql://…, postgres://… ou sqlite:/caminho/arquivo.db. Não inclua a senha: ela é lida de ~/.pgpass ou PGPASSWORD.</translation>
        </message>
        <message>
            <source>&amp;Host:</source>
            <translation>&amp;Servidor:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Porta:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;Banco de dados:</translation>
        </message>
        <message>
            <source>U&amp;ser:</source>
            <translation>U&amp;suário:</translation>
        </message>
        <message>
            <source>SSL &amp;mode:</source>
            <translation>&amp;Modo SSL:</translation>
        </message>
        <message>
            <source>Ser&amp;vice:</source>
            <translation>Ser&amp;viço:</translation>
        </message>
        <message>
            <source>By U&amp;RL</source>
            <translation>Por U&amp;RL</translation>
        </message>
        <message>
            <source>By &amp;fields (PostgreSQL)</source>
            <translation>Por &amp;campos (PostgreSQL)</translation>
        </message>
        <message>
            <source>P&amp;rofile:</source>
            <translation>Pe&amp;rfil:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nome:</translation>
        </message>
        <message>
            <source>&amp;Connect</source>
            <translation>&amp;Conectar</translation>
        </message>
        <message>
            <source>Sa&amp;ve profile</source>
            <translation>Sal&amp;var perfil</translation>
        </message>
        <message>
            <source>Remove profile</source>
            <translation>Remover perfil</translation>
        </message>
        <message>
            <source>name for a new profile</source>
            <translation>nome para um novo perfil</translation>
        </message>
        <message>
            <source>The password in the URL is used for this connection only and is not saved; keep it in ~/.pgpass instead.</source>
            <translation>A senha na URL é usada só nesta conexão e não é salva; guarde-a em ~/.pgpass.</translation>
        </message>
        <message>
            <source>Default (prefer)</source>
            <translation>Padrão (prefer)</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>&amp;Testar conexão</translation>
        </message>
        <message>
            <source>Connected now to %1.</source>
            <translation>Conectado agora a %1.</translation>
        </message>
        <message>
            <source>Connected now to %1 as %2.</source>
            <translation>Conectado agora a %1 como %2.</translation>
        </message>
        <message>
            <source>Current connection (not saved)</source>
            <translation>Conexão atual (não salva)</translation>
        </message>
        <message>
            <source>The embedded database is always in the list. Enter a URL to save a profile for it.</source>
            <translation>O banco embutido está sempre na lista. Informe uma URL para salvar um perfil para ela.</translation>
        </message>
        <message>
            <source>Give the profile a name (e.g. "production") to save it.</source>
            <translation>Dê um nome ao perfil (por exemplo, "produção") para salvá-lo.</translation>
        </message>
        <message>
            <source>Testing %1…</source>
            <translation>Testando %1…</translation>
        </message>
        <message>
            <source>Could not connect: %1
Check the URL or fields, that the server runs, and that it accepts this user (pg_hba.conf, ~/.pgpass). The current connection was kept.</source>
            <translation>Não foi possível conectar: %1
Confira a URL ou os campos, se o servidor está no ar e se aceita este usuário (pg_hba.conf, ~/.pgpass). A conexão atual foi mantida.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionProbe</name>
        <message>
            <source>The file %1 does not exist and its folder is not writable. Choose a folder you can write to.</source>
            <translation>O arquivo %1 não existe e a pasta dele não permite gravação. Escolha uma pasta em que você possa gravar.</translation>
        </message>
        <message>
            <source>The file %1 does not exist yet: Connect creates it as a new, empty embedded database.</source>
            <translation>O arquivo %1 ainda não existe: Conectar o cria como um banco embutido novo e vazio.</translation>
        </message>
        <message>
            <source>Connected as %1, but %1 may not read cron_jobs. Ask for SELECT on cron_jobs and tenant_logs.</source>
            <translation>Conectado como %1, mas %1 não pode ler cron_jobs. Peça SELECT em cron_jobs e tenant_logs.</translation>
        </message>
        <message>
            <source>Connected to %1 as %2: the schema is up to date.</source>
            <translation>Conectado a %1 como %2: o esquema está atualizado.</translation>
        </message>
        <message numerus="yes">
            <source>No answer within %n s. Check the host, port and firewall.</source>
            <translation>
                <numerusform>Sem resposta em %n s. Confira o host, a porta e o firewall.</numerusform>
                <numerusform>Sem resposta em %n s. Confira o host, a porta e o firewall.</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1 as %2: it can be read.</source>
            <translation>%1 aberto como %2: pode ser lido.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionProfiles</name>
        <message>
            <source>Embedded database (this computer)</source>
            <translation>Banco de dados embutido (este computador)</translation>
        </message>
    </context>
    <context>
        <name>ConnectionSpec</name>
        <message>
            <source>invalid percent-encoding (%XX) in the database URL "%1"</source>
            <translation>codificação percentual (%XX) inválida na URL do banco de dados "%1"</translation>
        </message>
        <message>
            <source>invalid port "%1" in the database URL</source>
            <translation>porta inválida "%1" na URL do banco de dados</translation>
        </message>
        <message>
            <source>invalid PostgreSQL URL "%1": %2</source>
            <translation>URL do PostgreSQL inválida "%1": %2</translation>
        </message>
        <message>
            <source>a "[" of an IPv6 address has no "]"</source>
            <translation>um "[" de endereço IPv6 não tem "]"</translation>
        </message>
        <message>
            <source>an IPv6 host address in "[]" is empty</source>
            <translation>um endereço IPv6 entre "[]" está vazio</translation>
        </message>
        <message>
            <source>unexpected "%1" after an IPv6 address</source>
            <translation>"%1" inesperado após um endereço IPv6</translation>
        </message>
        <message>
            <source>the parameter "%1" has no value</source>
            <translation>o parâmetro "%1" não tem valor</translation>
        </message>
        <message>
            <source>the SQLite URL "%1" names no file</source>
            <translation>a URL SQLite "%1" não indica nenhum arquivo</translation>
        </message>
        <message>
            <source>unsupported database URL "%1": use postgresql://… or sqlite:/path/to/file.db</source>
            <translation>URL de banco de dados não suportada "%1": use postgresql://… ou sqlite:/caminho/para/arquivo.db</translation>
        </message>
    </context>
    <context>
        <name>CronExpression</name>
        <message>
            <source>minute</source>
            <translation>minuto</translation>
        </message>
        <message>
            <source>hour</source>
            <translation>hora</translation>
        </message>
        <message>
            <source>day-of-month</source>
            <translation>dia do mês</translation>
        </message>
        <message>
            <source>month</source>
            <translation>mês</translation>
        </message>
        <message>
            <source>day-of-week</source>
            <translation>dia da semana</translation>
        </message>
        <message>
            <source>%1: %2 is outside %3-%4</source>
            <extracomment>%1 is a field name such as "minute", %2 the number as written, %3-%4 the allowed range</extracomment>
            <translation>%1: %2 está fora de %3-%4</translation>
        </message>
        <message>
            <source>%1: "%2" is not a number or name</source>
            <extracomment>%1 is a field name, %2 the token as written</extracomment>
            <translation>%1: "%2" não é um número nem um nome</translation>
        </message>
        <message>
            <source>%1: step "%2" is not a number</source>
            <extracomment>%1 is a field name, %2 the step as written</extracomment>
            <translation>%1: o passo "%2" não é um número</translation>
        </message>
        <message>
            <source>%1: step %2 must be at least 1</source>
            <extracomment>%1 is a field name, %2 the step as written</extracomment>
            <translation>%1: o passo %2 deve ser pelo menos 1</translation>
        </message>
        <message>
            <source>%1: range %2-%3 is reversed</source>
            <extracomment>%1 is a field name, %2 and %3 the range's ends as written</extracomment>
            <translation>%1: o intervalo %2-%3 está invertido</translation>
        </message>
        <message>
            <source>expected 5 fields, got %1</source>
            <translation>esperados 5 campos, recebidos %1</translation>
        </message>
        <message>
            <source>unknown macro "%1"</source>
            <extracomment>%1 is the macro as written, such as @reboot</extracomment>
            <translation>macro desconhecida "%1"</translation>
        </message>
        <message>
            <source>empty expression</source>
            <translation>expressão vazia</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>preparing a statement</source>
            <translation>preparando um comando</translation>
        </message>
        <message>
            <source>%1: no answer from the server within %2 s</source>
            <translation>%1: sem resposta do servidor em %2 s</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>the Qt SQL driver %1 is not installed (Debian package %2)</source>
            <translation>o driver Qt SQL %1 não está instalado (pacote Debian %2)</translation>
        </message>
        <message>
            <source>cannot connect to %1: %2</source>
            <translation>não foi possível conectar a %1: %2</translation>
        </message>
        <message>
            <source>cannot create the folder %1 for the database</source>
            <translation>não foi possível criar a pasta %1 para o banco de dados</translation>
        </message>
        <message>
            <source>cannot open %1: %2</source>
            <translation>não foi possível abrir %1: %2</translation>
        </message>
        <message>
            <source>checking the privileges on %1</source>
            <translation>verificando os privilégios em %1</translation>
        </message>
        <message>
            <source>cannot read %1 any more</source>
            <translation>não é mais possível ler %1</translation>
        </message>
        <message>
            <source>cannot start a session</source>
            <translation>não foi possível iniciar uma sessão</translation>
        </message>
        <message>
            <source>cannot use %1 as a database</source>
            <translation>não é possível usar %1 como banco de dados</translation>
        </message>
    </context>
    <context>
        <name>DbThreadWorker</name>
        <message>
            <source>not connected to the database; try again when the connection is back</source>
            <translation>sem conexão com o banco de dados; tente de novo quando a conexão voltar</translation>
        </message>
        <message>
            <source>cannot listen for changes on %1</source>
            <translation>não é possível escutar alterações em %1</translation>
        </message>
        <message>
            <source>the connection to %1 was lost</source>
            <translation>a conexão com %1 foi perdida</translation>
        </message>
    </context>
    <context>
        <name>DeleteJobDialog</name>
        <message>
            <source>Delete %1</source>
            <translation>Excluir %1</translation>
        </message>
        <message>
            <source>Delete job &lt;b&gt;%1&lt;/b&gt;? Its history stays in the audit log, but runners stop running it.&lt;br&gt;&lt;br&gt;Type the job's name to confirm:</source>
            <translation>Excluir o job &lt;b&gt;%1&lt;/b&gt;? O histórico continua no log de auditoria, mas os executores deixam de executá-lo.&lt;br&gt;&lt;br&gt;Digite o nome do job para confirmar:</translation>
        </message>
        <message>
            <source>&amp;Delete job</source>
            <translation>&amp;Excluir job</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 is running now&lt;/b&gt;%2. Deleting it does not stop that run; its result will have no job to go to. Consider waiting until it finishes.</source>
            <translation>&lt;b&gt;%1 está em execução agora&lt;/b&gt;%2. Excluí-lo não interrompe essa execução; o resultado dela ficará sem job. Considere esperar até terminar.</translation>
        </message>
        <message>
            <source> on %1</source>
            <translation> em %1</translation>
        </message>
    </context>
    <context>
        <name>DesktopNotifications</name>
        <message>
            <source>Open %1</source>
            <translation>Abrir %1</translation>
        </message>
        <message>
            <source>Cron Console</source>
            <translation>Cron Console</translation>
        </message>
    </context>
    <context>
        <name>DurationChart</name>
        <message>
            <source>Duration (s)</source>
            <translation>Duração (s)</translation>
        </message>
        <message>
            <source>Failed run</source>
            <translation>Execução com falha</translation>
        </message>
        <message>
            <source>Local time</source>
            <translation>Hora local</translation>
        </message>
        <message>
            <source>Local time, %1</source>
            <translation>Hora local, %1</translation>
        </message>
        <message>
            <source>Seconds</source>
            <translation>Segundos</translation>
        </message>
        <message>
            <source>Select a job to see the durations of its runs</source>
            <translation>Selecione um job para ver a duração das execuções</translation>
        </message>
        <message>
            <source>%1: no runs in this range</source>
            <translation>%1: nenhuma execução neste intervalo</translation>
        </message>
        <message numerus="yes">
            <source>%1: last %n run(s)</source>
            <translation>
                <numerusform>%1: última execução</numerusform>
                <numerusform>%1: últimas %n execuções</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EditJobDialog</name>
        <message>
            <source>Edit %1</source>
            <translation>Editar %1</translation>
        </message>
        <message>
            <source>optional, kept in the audit row</source>
            <translation>opcional, fica no registro de auditoria</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Salvar</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nome:</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Descrição:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>The job is running: its runner records the result by name, so the name can change once the run has finished.</source>
            <translation>O job está em execução: o executor registra o resultado pelo nome, então o nome pode mudar quando a execução terminar.</translation>
        </message>
        <message>
            <source>The platform and scripts call jobs by name (deve_executar_cron('%1')): change them too. The history so far stays under "%1".</source>
            <translation>A plataforma e os scripts chamam os jobs pelo nome (deve_executar_cron('%1')): altere-os também. O histórico até agora fica sob "%1".</translation>
        </message>
    </context>
    <context>
        <name>EventStore</name>
        <message>
            <source>adding the %1 event</source>
            <translation>registrando o evento %1</translation>
        </message>
        <message>
            <source>claiming events to notify</source>
            <translation>reservando eventos a notificar</translation>
        </message>
        <message>
            <source>noting a delivered event</source>
            <translation>anotando um evento entregue</translation>
        </message>
        <message>
            <source>noting a failed delivery</source>
            <translation>anotando uma entrega que falhou</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>cron-history-%1.csv</source>
            <extracomment>File name of a history export; %1 is the date as yyyyMMdd. No accents, no spaces.</extracomment>
            <translation>historico-cron-%1.csv</translation>
        </message>
        <message>
            <source>Start with a byte order mark (BOM)</source>
            <translation>Começar com uma marca de ordem de bytes (BOM)</translation>
        </message>
        <message>
            <source>Export history as CSV</source>
            <translation>Exportar histórico como CSV</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Procurar…</translation>
        </message>
        <message>
            <source>Comma (,)</source>
            <translation>Vírgula (,)</translation>
        </message>
        <message>
            <source>Semicolon (;)</source>
            <translation>Ponto e vírgula (;)</translation>
        </message>
        <message>
            <source>Spreadsheets need it to read the file as UTF-8</source>
            <translation>As planilhas precisam dela para ler o arquivo como UTF-8</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Arquivo:</translation>
        </message>
        <message>
            <source>Delimiter:</source>
            <translation>Delimitador:</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
        </message>
        <message>
            <source>CSV (RFC 4180)</source>
            <translation>CSV (RFC 4180)</translation>
        </message>
        <message>
            <source>Spreadsheet (Português do Brasil)</source>
            <translation>Planilha (Português do Brasil)</translation>
        </message>
        <message>
            <source>Spreadsheet: ';', BOM, decimal commas and dd/MM/yyyy times (UTC), so LibreOffice and Excel in Brazilian Portuguese read numbers and dates; cells starting with = + - @ are written as text.</source>
            <translation>Planilha: ';', BOM, vírgula decimal e horários dd/MM/aaaa (UTC), para que o LibreOffice e o Excel em português do Brasil leiam números e datas; células que começam com = + - @ são gravadas como texto.</translation>
        </message>
        <message>
            <source>F&amp;ormat:</source>
            <translation>F&amp;ormato:</translation>
        </message>
        <message>
            <source>The folder %1 does not exist. Choose another folder with Browse….</source>
            <translation>A pasta %1 não existe. Escolha outra pasta em Procurar….</translation>
        </message>
        <message>
            <source>%1 is a folder. Add a file name, e.g. %2.</source>
            <translation>%1 é uma pasta. Acrescente um nome de arquivo, por exemplo %2.</translation>
        </message>
        <message>
            <source>Replace file?</source>
            <translation>Substituir o arquivo?</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it with the exported history?</source>
            <translation>%1 já existe. Substituí-lo pelo histórico exportado?</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Substituir</translation>
        </message>
    </context>
    <context>
        <name>GuardLocator</name>
        <message>
            <source>cannot find cron-console-guard, which runs every command action (looked in %1); reinstall the package or set CRON_CONSOLE_GUARD</source>
            <translation>cron-console-guard não encontrado; ele executa toda ação de comando (procurado em %1); reinstale o pacote ou defina CRON_CONSOLE_GUARD</translation>
        </message>
    </context>
    <context>
        <name>HistoryExport</name>
        <message>
            <source>Replace file?</source>
            <translation>Substituir arquivo?</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it with the exported history?</source>
            <translation>%1 já existe. Substituí-lo pelo histórico exportado?</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Substituir</translation>
        </message>
        <message>
            <source>Exporting history</source>
            <translation>Exportando o histórico</translation>
        </message>
        <message>
            <source>Starting the export…</source>
            <translation>Iniciando a exportação…</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Falha na exportação</translation>
        </message>
        <message>
            <source>The history could not be exported to %1: %2. No file was written.</source>
            <translation>Não foi possível exportar o histórico para %1: %2. Nenhum arquivo foi gravado.</translation>
        </message>
        <message>
            <source>%1 rows written (%2 rows/s, %3/s)</source>
            <translation>%1 linhas gravadas (%2 linhas/s, %3/s)</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>Exportação concluída</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>Exportação cancelada</translation>
        </message>
        <message>
            <source>The export was cancelled. No file was written.</source>
            <translation>A exportação foi cancelada. Nenhum arquivo foi gravado.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) exported to %1.</source>
            <translation>
                <numerusform>%Ln linha exportada para %1.</numerusform>
                <numerusform>%Ln linhas exportadas para %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryExporter</name>
        <message>
            <source>the delimiter must be ',' or ';'</source>
            <translation>o delimitador deve ser ',' ou ';'</translation>
        </message>
        <message>
            <source>the start of the period must be before its end</source>
            <translation>o início do período deve ser anterior ao fim</translation>
        </message>
        <message>
            <source>progress must be reported every 1 row or more</source>
            <translation>o progresso deve ser informado a cada 1 linha ou mais</translation>
        </message>
        <message>
            <source>the export target is not open for writing</source>
            <translation>o destino da exportação não está aberto para escrita</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>não foi possível gravar %1: %2</translation>
        </message>
        <message>
            <source>cannot save %1: %2</source>
            <translation>não foi possível salvar %1: %2</translation>
        </message>
        <message>
            <source>the PostgreSQL driver did not expose its libpq connection</source>
            <translation>o driver PostgreSQL não expôs sua conexão libpq</translation>
        </message>
        <message>
            <source>a filter value cannot be quoted: %1</source>
            <translation>um valor de filtro não pode ser citado: %1</translation>
        </message>
        <message>
            <source>the connection is busy with another query</source>
            <translation>a conexão está ocupada com outra consulta</translation>
        </message>
        <message>
            <source>exporting the history failed: %1</source>
            <translation>a exportação do histórico falhou: %1</translation>
        </message>
        <message>
            <source>cannot write the export: %1</source>
            <translation>não foi possível gravar a exportação: %1</translation>
        </message>
        <message>
            <source>exporting the history</source>
            <translation>exportando o histórico</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <source>to</source>
            <translation>até</translation>
        </message>
        <message>
            <source>Only rows at or after this local time</source>
            <translation>Só linhas a partir deste horário local</translation>
        </message>
        <message>
            <source>Only rows before this local time</source>
            <translation>Só linhas antes deste horário local</translation>
        </message>
        <message>
            <source>Any action</source>
            <translation>Qualquer ação</translation>
        </message>
        <message>
            <source>Show only rows with this action</source>
            <translation>Mostrar só as linhas com esta ação</translation>
        </message>
        <message>
            <source>Search…</source>
            <translation>Buscar…</translation>
        </message>
        <message>
            <source>Search the action and the details of each row</source>
            <translation>Busca na ação e nos detalhes de cada linha</translation>
        </message>
    </context>
    <context>
        <name>HistoryFormat</name>
        <message>
            <source>(none)</source>
            <translation>(nenhum)</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Time</source>
            <translation>Horário</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Ação</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duração</translation>
        </message>
        <message>
            <source>Runner</source>
            <translation>Executor</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Quem</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Resumo</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Job</translation>
        </message>
    </context>
    <context>
        <name>HistoryPager</name>
        <message>
            <source>reading the history</source>
            <translation>lendo o histórico</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Atualizar</translation>
        </message>
        <message>
            <source>Select a row to see its details</source>
            <translation>Selecione uma linha para ver os detalhes</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Detalhes</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duração</translation>
        </message>
        <message>
            <source>Write the rows the filter selects to a CSV file</source>
            <translation>Gravar em um arquivo CSV as linhas que o filtro seleciona</translation>
        </message>
        <message>
            <source>Could not read the history: %1</source>
            <translation>Não foi possível ler o histórico: %1</translation>
        </message>
        <message>
            <source> · last page %1 ms</source>
            <translation> · última página em %1 ms</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s), loading more…</source>
            <translation>
                <numerusform>%Ln linha, carregando mais…</numerusform>
                <numerusform>%Ln linhas, carregando mais…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <translation>
                <numerusform>%Ln linha</numerusform>
                <numerusform>%Ln linhas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) so far (scroll for more)</source>
            <translation>
                <numerusform>%Ln linha até agora (role para ver mais)</numerusform>
                <numerusform>%Ln linhas até agora (role para ver mais)</numerusform>
            </translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Execuções</translation>
        </message>
    </context>
    <context>
        <name>HistoryRetention</name>
        <message>
            <source>the age must be a whole number of days from 1 to %1</source>
            <translation>a idade deve ser um número inteiro de dias de 1 a %1</translation>
        </message>
        <message>
            <source>the batch size must be a whole number from 1 to %1</source>
            <translation>o tamanho do lote deve ser um número inteiro de 1 a %1</translation>
        </message>
        <message>
            <source>deleting old history</source>
            <translation>apagando histórico antigo</translation>
        </message>
    </context>
    <context>
        <name>HttpAction</name>
        <message>
            <source>timed out after %1 s</source>
            <translation>tempo esgotado após %1 s</translation>
        </message>
        <message>
            <source>refused the redirect from %1 to %2: the configured headers must not go to another origin; set the job's url to the target if it is trusted</source>
            <translation>redirecionamento de %1 para %2 recusado: os cabeçalhos configurados não podem ir para outra origem; defina a url do job como o destino se ele for confiável</translation>
        </message>
        <message>
            <source>HTTP %1 from %2</source>
            <translation>HTTP %1 de %2</translation>
        </message>
    </context>
    <context>
        <name>JobActionController</name>
        <message>
            <source>no runner that is up has %1 in its runner config; due jobs wait for one that has</source>
            <translation>nenhum executor ativo tem %1 na sua configuração; jobs devidos esperam por um que tenha</translation>
        </message>
        <message>
            <source>%1: nothing to change</source>
            <translation>%1: nada a alterar</translation>
        </message>
        <message>
            <source>%1 failed</source>
            <translation>%1 falhou</translation>
        </message>
        <message>
            <source>Enabling %1</source>
            <translation>Ativando %1</translation>
        </message>
        <message>
            <source>Disabling %1</source>
            <translation>Desativando %1</translation>
        </message>
        <message>
            <source>Enabled %1</source>
            <translation>Ativado: %1</translation>
        </message>
        <message>
            <source>Disabled %1</source>
            <translation>Desativado: %1</translation>
        </message>
        <message>
            <source>Running %1 now</source>
            <translation>Executando %1 agora</translation>
        </message>
        <message>
            <source>%1 will run at the next runner check</source>
            <translation>%1 será executado na próxima verificação do executor</translation>
        </message>
        <message>
            <source>Changing the schedule of %1</source>
            <translation>Alterando o agendamento de %1</translation>
        </message>
        <message>
            <source>%1 now runs every %2 h</source>
            <translation>%1 agora executa a cada %2 h</translation>
        </message>
        <message>
            <source>Resetting %1</source>
            <translation>Resetando %1</translation>
        </message>
        <message>
            <source>%1 is pending again</source>
            <translation>%1 está pendente de novo</translation>
        </message>
        <message>
            <source>Adding %1</source>
            <translation>Adicionando %1</translation>
        </message>
        <message>
            <source>Added %1</source>
            <translation>%1 adicionado</translation>
        </message>
        <message>
            <source>Deleting %1</source>
            <translation>Excluindo %1</translation>
        </message>
        <message>
            <source>Deleted %1</source>
            <translation>%1 excluído</translation>
        </message>
        <message>
            <source>%1 now runs %2</source>
            <translation>%1 agora executa %2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <source>%1; %n failed</source>
            <translation>
                <numerusform>%1; %n falhou</numerusform>
                <numerusform>%1; %n falharam</numerusform>
            </translation>
        </message>
        <message>
            <source>Changing the description of %1</source>
            <translation>Alterando a descrição de %1</translation>
        </message>
        <message>
            <source>Changed the description of %1</source>
            <translation>Descrição de %1 alterada</translation>
        </message>
        <message>
            <source>Renaming %1</source>
            <translation>Renomeando %1</translation>
        </message>
        <message>
            <source>Renamed %1 to %2</source>
            <translation>%1 renomeado para %2</translation>
        </message>
        <message>
            <source>Renamed %1 to %2 and changed its description</source>
            <translation>%1 renomeado para %2, com a descrição alterada</translation>
        </message>
        <message>
            <source>Changing the policy of %1</source>
            <translation>Alterando a política de %1</translation>
        </message>
        <message>
            <source>%1 has its new policy</source>
            <translation>%1 tem a nova política</translation>
        </message>
    </context>
    <context>
        <name>JobActions</name>
        <message>
            <source>&amp;Enable</source>
            <translation>A&amp;tivar</translation>
        </message>
        <message>
            <source>Enable the selected jobs</source>
            <translation>Ativar os jobs selecionados</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>&amp;Desativar</translation>
        </message>
        <message>
            <source>Disable the selected jobs</source>
            <translation>Desativar os jobs selecionados</translation>
        </message>
        <message>
            <source>R&amp;un now</source>
            <translation>E&amp;xecutar agora</translation>
        </message>
        <message>
            <source>Schedule the job to run at the next runner check</source>
            <translation>Agendar o job para a próxima verificação do executor</translation>
        </message>
        <message>
            <source>Change &amp;schedule…</source>
            <translation>Alterar a&amp;gendamento…</translation>
        </message>
        <message>
            <source>Change how often the job runs</source>
            <translation>Alterar a frequência de execução do job</translation>
        </message>
        <message>
            <source>Re&amp;set…</source>
            <translation>Re&amp;setar…</translation>
        </message>
        <message>
            <source>Put a running or stuck job back to pending</source>
            <translation>Voltar um job em execução ou travado para pendente</translation>
        </message>
        <message>
            <source>&amp;New job…</source>
            <translation>&amp;Novo job…</translation>
        </message>
        <message>
            <source>Add a job</source>
            <translation>Adicionar um job</translation>
        </message>
        <message>
            <source>De&amp;lete job…</source>
            <translation>E&amp;xcluir job…</translation>
        </message>
        <message>
            <source>Delete the job</source>
            <translation>Excluir o job</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>At&amp;ualizar</translation>
        </message>
        <message>
            <source>Read every job again</source>
            <translation>Ler todos os jobs de novo</translation>
        </message>
        <message>
            <source>Run jobs on this &amp;workstation</source>
            <translation>Executar jobs nesta &amp;estação de trabalho</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Not connected to the database: reconnecting…</source>
            <translation>Sem conexão com o banco de dados: reconectando…</translation>
        </message>
        <message>
            <source>This connection may only read jobs.</source>
            <translation>Esta conexão só pode ler os jobs.</translation>
        </message>
        <message>
            <source>Run the jobs named in this workstation's runner config</source>
            <translation>Executar os jobs indicados na configuração do executor desta estação</translation>
        </message>
        <message>
            <source>Ed&amp;it job…</source>
            <translation>Ed&amp;itar job…</translation>
        </message>
        <message>
            <source>Change the job's name or description</source>
            <translation>Alterar o nome ou a descrição do job</translation>
        </message>
    </context>
    <context>
        <name>JobChangeFeed</name>
        <message>
            <source>reading the job list</source>
            <translation>lendo a lista de jobs</translation>
        </message>
    </context>
    <context>
        <name>JobClient</name>
        <message>
            <source>no schedule given</source>
            <translation>nenhum agendamento informado</translation>
        </message>
        <message>
            <source>unknown action</source>
            <translation>ação desconhecida</translation>
        </message>
        <message>
            <source>The database role %1 may not change cron_jobs (read-only access).</source>
            <translation>O papel %1 do banco de dados não pode alterar cron_jobs (acesso somente leitura).</translation>
        </message>
        <message>
            <source>The database file %1 is read-only for you.</source>
            <translation>O arquivo de banco de dados %1 é somente leitura para você.</translation>
        </message>
    </context>
    <context>
        <name>JobDetailsView</name>
        <message>
            <source>When</source>
            <translation>Quando</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Ação</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duração</translation>
        </message>
        <message>
            <source>Runner / user</source>
            <translation>Executor / usuário</translation>
        </message>
        <message>
            <source>59 min ago</source>
            <translation>há 59 min</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Schedule:</source>
            <translation>Agendamento:</translation>
        </message>
        <message>
            <source>Last run:</source>
            <translation>Última execução:</translation>
        </message>
        <message>
            <source>Next run:</source>
            <translation>Próxima execução:</translation>
        </message>
        <message>
            <source>Runner:</source>
            <translation>Executor:</translation>
        </message>
        <message>
            <source>Lease:</source>
            <translation>Concessão:</translation>
        </message>
        <message>
            <source>Last error:</source>
            <translation>Último erro:</translation>
        </message>
        <message>
            <source>Last &amp;result:</source>
            <translation>Último &amp;resultado:</translation>
        </message>
        <message>
            <source>Recent &amp;history:</source>
            <translation>&amp;Histórico recente:</translation>
        </message>
        <message>
            <source>No job selected</source>
            <translation>Nenhum job selecionado</translation>
        </message>
        <message>
            <source>, for %1</source>
            <translation>, há %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <source>unknown (no lease)</source>
            <translation>desconhecido (sem concessão)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>nenhum</translation>
        </message>
        <message>
            <source>expired %1 (%2)</source>
            <translation>expirou %1 (%2)</translation>
        </message>
        <message>
            <source>valid until %1 (%2)</source>
            <translation>válida até %1 (%2)</translation>
        </message>
        <message>
            <source>No result recorded</source>
            <translation>Nenhum resultado registrado</translation>
        </message>
        <message>
            <source>History unavailable: %1</source>
            <translation>Histórico indisponível: %1</translation>
        </message>
    </context>
    <context>
        <name>JobPolicy</name>
        <message>
            <source>--max-retries must be a whole number from 0 to %1, not %2</source>
            <translation>--max-retries deve ser um número inteiro de 0 a %1, não %2</translation>
        </message>
        <message>
            <source>--retry-delay must be a whole number of seconds from 0 to %1, not %2</source>
            <translation>--retry-delay deve ser um número inteiro de segundos de 0 a %1, não %2</translation>
        </message>
        <message>
            <source>--retry-backoff must be a factor from 1 to %1 (1: the same delay each time), not %2</source>
            <translation>--retry-backoff deve ser um fator de 1 a %1 (1: o mesmo intervalo a cada vez), não %2</translation>
        </message>
        <message>
            <source>--catch-up must be once, skip or all, not "%1"</source>
            <translation>--catch-up deve ser once, skip ou all, não "%1"</translation>
        </message>
        <message>
            <source>--catch-up-window must be a whole number of seconds from 1 to %1, not %2</source>
            <translation>--catch-up-window deve ser um número inteiro de segundos de 1 a %1, não %2</translation>
        </message>
        <message>
            <source>--overdue-after must be a whole number of seconds from 1 to %1, not %2</source>
            <translation>--overdue-after deve ser um número inteiro de segundos de 1 a %1, não %2</translation>
        </message>
    </context>
    <context>
        <name>JobRules</name>
        <message>
            <source>the job name must not be empty</source>
            <translation>o nome do job não pode ficar vazio</translation>
        </message>
        <message>
            <source>the job name has %1 characters; at most %2 are allowed</source>
            <translation>o nome do job tem %1 caracteres; são permitidos no máximo %2</translation>
        </message>
        <message>
            <source>the job name must not start or end with white space</source>
            <translation>o nome do job não pode começar nem terminar com espaço</translation>
        </message>
        <message>
            <source>the job name must not contain control characters</source>
            <translation>o nome do job não pode conter caracteres de controle</translation>
        </message>
        <message>
            <source>the interval must be a whole number of hours from %1 to %2, not %3</source>
            <translation>o intervalo deve ser um número inteiro de horas de %1 a %2, não %3</translation>
        </message>
    </context>
    <context>
        <name>JobStore</name>
        <message>
            <source>there is no job named "%1"</source>
            <translation>não existe job chamado "%1"</translation>
        </message>
        <message>
            <source>reading the job list</source>
            <translation>lendo a lista de jobs</translation>
        </message>
        <message>
            <source>reading job "%1"</source>
            <translation>lendo o job "%1"</translation>
        </message>
        <message>
            <source>job "%1" was changed by someone else since it was read (version %2, now %3); reload it and try again</source>
            <translation>o job "%1" foi alterado por outra pessoa desde que foi lido (versão %2, agora %3); recarregue e tente de novo</translation>
        </message>
        <message>
            <source>changing job "%1"</source>
            <translation>alterando o job "%1"</translation>
        </message>
        <message>
            <source>the expression "%1" never fires in the next five years</source>
            <translation>a expressão "%1" não dispara nos próximos cinco anos</translation>
        </message>
        <message>
            <source>changing the schedule of job "%1"</source>
            <translation>alterando o agendamento do job "%1"</translation>
        </message>
        <message>
            <source>job "%1" is running: %2 holds a live lease until %3 (server time, UTC), so a reset now could start a second copy beside it. Wait until it finishes, or force the reset (cronctl reset %1 --force, or Force in the console's reset dialog): %2 is fenced off and nobody starts the job before its lease expires.</source>
            <translation>o job "%1" está em execução: %2 detém uma concessão válida até %3 (hora do servidor, UTC), então um reset agora poderia iniciar uma segunda cópia ao lado dela. Espere terminar ou force o reset (cronctl reset %1 --force, ou Forçar no diálogo de reset do console): %2 é isolado e ninguém inicia o job antes de a concessão expirar.</translation>
        </message>
        <message>
            <source>a runner</source>
            <translation>um executor</translation>
        </message>
        <message>
            <source>resetting job "%1"</source>
            <translation>resetando o job "%1"</translation>
        </message>
        <message>
            <source>job "%1" is disabled; enable it before running it</source>
            <translation>o job "%1" está desativado; ative-o antes de executá-lo</translation>
        </message>
        <message>
            <source>job "%1" is running now (held by %2)</source>
            <translation>o job "%1" está em execução agora (com %2)</translation>
        </message>
        <message>
            <source>another program</source>
            <translation>outro programa</translation>
        </message>
        <message>
            <source>scheduling job "%1" now</source>
            <translation>agendando o job "%1" para agora</translation>
        </message>
        <message>
            <source>adding a job</source>
            <translation>adicionando um job</translation>
        </message>
        <message>
            <source>a job named "%1" already exists</source>
            <translation>já existe um job chamado "%1"</translation>
        </message>
        <message>
            <source>adding job "%1"</source>
            <translation>adicionando o job "%1"</translation>
        </message>
        <message>
            <source>job "%1" was changed by someone else since it was read; reload it and try again</source>
            <translation>o job "%1" foi alterado por outra pessoa desde que foi lido; recarregue e tente de novo</translation>
        </message>
        <message>
            <source>removing job "%1"</source>
            <translation>removendo o job "%1"</translation>
        </message>
        <message>
            <source>the description has %1 characters; at most %2 are allowed</source>
            <translation>a descrição tem %1 caracteres; o máximo permitido é %2</translation>
        </message>
        <message>
            <source>changing the description of job "%1"</source>
            <translation>alterando a descrição do job "%1"</translation>
        </message>
        <message>
            <source>job "%1" is running; rename it once the run has finished (its runner records the result by name)</source>
            <translation>o job "%1" está em execução; renomeie-o quando a execução terminar (o executor registra o resultado pelo nome)</translation>
        </message>
        <message>
            <source>renaming job "%1"</source>
            <translation>renomeando o job "%1"</translation>
        </message>
        <message>
            <source>set-policy needs at least one policy to change</source>
            <translation>set-policy precisa de ao menos uma política a alterar</translation>
        </message>
        <message>
            <source>changing the policy of job "%1"</source>
            <translation>alterando a política do job "%1"</translation>
        </message>
        <message>
            <source>making job "%1" a one-shot</source>
            <translation>tornando o job "%1" de execução única</translation>
        </message>
    </context>
    <context>
        <name>JobSummaryBar</name>
        <message numerus="yes">
            <source>%Ln failing</source>
            <translation>
                <numerusform>%Ln com erro</numerusform>
                <numerusform>%Ln com erro</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stuck</source>
            <translation>
                <numerusform>%Ln travado</numerusform>
                <numerusform>%Ln travados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln overdue</source>
            <translation>
                <numerusform>%Ln atrasado</numerusform>
                <numerusform>%Ln atrasados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln running</source>
            <translation>
                <numerusform>%Ln em execução</numerusform>
                <numerusform>%Ln em execução</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln due</source>
            <translation>
                <numerusform>%Ln a executar</numerusform>
                <numerusform>%Ln a executar</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln disabled</source>
            <translation>
                <numerusform>%Ln desativado</numerusform>
                <numerusform>%Ln desativados</numerusform>
            </translation>
        </message>
        <message>
            <source>Show only the %1 jobs (click again to show all)</source>
            <translation>Mostrar só os jobs com status %1 (clique de novo para mostrar todos)</translation>
        </message>
    </context>
    <context>
        <name>JobTableModel</name>
        <message>
            <source>yes</source>
            <translation>sim</translation>
        </message>
        <message>
            <source>no</source>
            <translation>não</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <source>due now</source>
            <translation>a executar</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(desconhecido)</translation>
        </message>
        <message>
            <source>Running since %1 on %2</source>
            <translation>Em execução desde %1 em %2</translation>
        </message>
        <message>
            <source>an unknown runner</source>
            <translation>um executor desconhecido</translation>
        </message>
        <message>
            <source>Still marked running since %1 (%2), past its lease or the 2-hour limit; Reset puts it back to pending</source>
            <translation>Ainda marcado em execução desde %1 (%2), além da concessão ou do limite de 2 horas; Resetar o volta para pendente</translation>
        </message>
        <message>
            <source>A runner will start it at its next check</source>
            <translation>Um executor o iniciará na próxima verificação</translation>
        </message>
        <message>
            <source>Lease until %1</source>
            <translation>Concessão até %1</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Descrição</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Agendamento</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Ativo</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>Última</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>Próxima</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Execs.</translation>
        </message>
        <message>
            <source>Runner</source>
            <translation>Executor</translation>
        </message>
        <message>
            <source>When the job last ran</source>
            <translation>Quando o job executou pela última vez</translation>
        </message>
        <message>
            <source>When the job runs next</source>
            <translation>Quando o job executa da próxima vez</translation>
        </message>
        <message>
            <source>How many times the job ran</source>
            <translation>Quantas vezes o job executou</translation>
        </message>
        <message>
            <source>How long the last run took</source>
            <translation>Quanto tempo durou a última execução</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duração</translation>
        </message>
        <message>
            <source>Due since %1 and not started: is a runner configured for it and running?</source>
            <translation>Devido desde %1 e não iniciado: há um executor configurado para ele e em execução?</translation>
        </message>
    </context>
    <context>
        <name>JobsView</name>
        <message>
            <source>59 min ago</source>
            <translation>há 59 min</translation>
        </message>
        <message>
            <source>in 47 h 59 min</source>
            <translation>em 47 h 59 min</translation>
        </message>
        <message numerus="yes">
            <source>every %n h</source>
            <translation>
                <numerusform>a cada %n h</numerusform>
                <numerusform>a cada %n h</numerusform>
            </translation>
        </message>
        <message>
            <source>3 min 20 s</source>
            <translation>3 min 20 s</translation>
        </message>
        <message>
            <source>Search jobs by name, description, runner or status (Ctrl+F)</source>
            <translation>Buscar por nome, descrição, executor ou status (Ctrl+F)</translation>
        </message>
    </context>
    <context>
        <name>LeaseStore</name>
        <message>
            <source>noting the runner's jobs</source>
            <translation>registrando os jobs do executor</translation>
        </message>
        <message numerus="yes">
            <source>recording %n run(s)</source>
            <translation>
                <numerusform>registrando %n execução</numerusform>
                <numerusform>registrando %n execuções</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 of %3 jobs changed</source>
            <translation>%1: %2 de %3 jobs alterados</translation>
        </message>
        <message>
            <source>%1: %2 of %3 run rows found</source>
            <translation>%1: %2 de %3 linhas de execução encontradas</translation>
        </message>
        <message>
            <source>reading the runner's jobs</source>
            <translation>lendo os jobs do executor</translation>
        </message>
        <message>
            <source>claiming due jobs</source>
            <translation>reivindicando jobs devidos</translation>
        </message>
        <message>
            <source>claiming job "%1"</source>
            <translation>reivindicando o job "%1"</translation>
        </message>
        <message>
            <source>claiming job "%1": the row is gone</source>
            <translation>reivindicando o job "%1": a linha não existe mais</translation>
        </message>
        <message>
            <source>renewing the lease of "%1"</source>
            <translation>renovando a concessão de "%1"</translation>
        </message>
        <message>
            <source>recording the run of "%1"</source>
            <translation>registrando a execução de "%1"</translation>
        </message>
        <message>
            <source>noting the statement of "%1"</source>
            <translation>anotando o comando de "%1"</translation>
        </message>
        <message>
            <source>ending the statement of an abandoned run</source>
            <translation>encerrando o comando de uma execução abandonada</translation>
        </message>
        <message>
            <source>giving "%1" back</source>
            <translation>devolvendo "%1"</translation>
        </message>
        <message>
            <source>the run could not be recorded: %1</source>
            <translation>a execução não pôde ser registrada: %1</translation>
        </message>
        <message>
            <source>releasing "%1"</source>
            <translation>liberando "%1"</translation>
        </message>
        <message>
            <source>registering the runner</source>
            <translation>registrando o executor</translation>
        </message>
        <message>
            <source>sending the runner heartbeat</source>
            <translation>enviando o sinal de vida do executor</translation>
        </message>
        <message>
            <source>deregistering the runner</source>
            <translation>cancelando o registro do executor</translation>
        </message>
        <message>
            <source>reading the runners</source>
            <translation>lendo os executores</translation>
        </message>
        <message>
            <source>job %1 failed (attempt %2 of %3): %4</source>
            <translation>o job %1 falhou (tentativa %2 de %3): %4</translation>
        </message>
        <message>
            <source>job %1 succeeded again</source>
            <translation>o job %1 voltou a ter sucesso</translation>
        </message>
        <message>
            <source>skipping a missed slot of "%1"</source>
            <translation>pulando um horário perdido de "%1"</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Jobs</source>
            <translation>Jobs</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Arquivo</translation>
        </message>
        <message>
            <source>&amp;Connect to…</source>
            <translation>&amp;Conectar a…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Sair</translation>
        </message>
        <message>
            <source>&amp;Job</source>
            <translation>&amp;Job</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>E&amp;xibir</translation>
        </message>
        <message>
            <source>&amp;Find job</source>
            <translation>&amp;Localizar job</translation>
        </message>
        <message>
            <source>Go to the job &amp;table</source>
            <translation>Ir para a &amp;tabela de jobs</translation>
        </message>
        <message>
            <source>Job &amp;details</source>
            <translation>&amp;Detalhes do job</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aj&amp;uda</translation>
        </message>
        <message>
            <source>&amp;About Cron Console</source>
            <translation>&amp;Sobre o Cron Console</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Sobre o &amp;Qt</translation>
        </message>
        <message>
            <source>%1 as %2</source>
            <translation>%1 como %2</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>somente leitura</translation>
        </message>
        <message>
            <source>The job list could not be read:</source>
            <translation>Não foi possível ler a lista de jobs:</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Conectando…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>Reconectando…</translation>
        </message>
        <message>
            <source>About Cron Console</source>
            <translation>Sobre o Cron Console</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Cron Console %1&lt;/h3&gt;&lt;p&gt;Administration console for the persistent cron system: jobs in &lt;code&gt;cron_jobs&lt;/code&gt;, history and audit in &lt;code&gt;tenant_logs&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;&lt;p&gt;Copyright 2026 The Cron Console developers. MIT License.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Cron Console %1&lt;/h3&gt;&lt;p&gt;Console de administração do sistema de cron persistente: jobs em &lt;code&gt;cron_jobs&lt;/code&gt;, histórico e auditoria em &lt;code&gt;tenant_logs&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Feito com Qt %2.&lt;/p&gt;&lt;p&gt;Copyright 2026 dos desenvolvedores do Cron Console. Licença MIT.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Detalhes</translation>
        </message>
        <message>
            <source>Runners</source>
            <translation>Executores</translation>
        </message>
        <message>
            <source>Runner config</source>
            <translation>Configuração</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Parando…</translation>
        </message>
        <message>
            <source>Show the job d&amp;etails</source>
            <translation>Mostrar os d&amp;etalhes do job</translation>
        </message>
        <message>
            <source>Show the &amp;runners</source>
            <translation>Mostrar os &amp;executores</translation>
        </message>
        <message>
            <source>Edit the runner &amp;config</source>
            <translation>Editar a &amp;configuração do executor</translation>
        </message>
        <message>
            <source>Quit Cron Console</source>
            <translation>Sair do Cron Console</translation>
        </message>
        <message numerus="yes">
            <source>This workstation is running jobs as %1 (%n running now). Quitting stops the runner: running jobs get their grace time to finish.</source>
            <translation>
                <numerusform>Esta estação está executando jobs como %1 (%n em execução agora). Sair para o executor: os jobs em execução têm o tempo de tolerância para terminar.</numerusform>
                <numerusform>Esta estação está executando jobs como %1 (%n em execução agora). Sair para o executor: os jobs em execução têm o tempo de tolerância para terminar.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Stop the runner and quit</source>
            <translation>&amp;Parar o executor e sair</translation>
        </message>
        <message>
            <source>Show the &amp;history</source>
            <translation>Mostrar o &amp;histórico</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Histórico</translation>
        </message>
        <message>
            <source>E&amp;xport the history as CSV…</source>
            <translation>E&amp;xportar o histórico como CSV…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln jobs</source>
            <translation>
                <numerusform>%Ln job</numerusform>
                <numerusform>%Ln jobs</numerusform>
            </translation>
        </message>
        <message>
            <source>Tray icon and &amp;notifications</source>
            <translation>Ícone na bandeja e &amp;notificações</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Saída</translation>
        </message>
        <message numerus="yes">
            <source>%Ln overdue</source>
            <translation>
                <numerusform>%Ln atrasado</numerusform>
                <numerusform>%Ln atrasados</numerusform>
            </translation>
        </message>
        <message>
            <source>Show the run &amp;output</source>
            <translation>Mostrar a &amp;saída da execução</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>Migrator</name>
        <message>
            <source>reading the schema version</source>
            <translation>lendo a versão do esquema</translation>
        </message>
        <message>
            <source>the database schema is at version %1, newer than this program knows (%2); upgrade Cron Console</source>
            <translation>o esquema do banco de dados está na versão %1, mais nova do que este programa conhece (%2); atualize o Cron Console</translation>
        </message>
        <message>
            <source>the database schema is at version %1 of %2; run "cronctl migrate" with a role that may create tables and functions</source>
            <translation>o esquema do banco de dados está na versão %1 de %2; execute "cronctl migrate" com um papel que possa criar tabelas e funções</translation>
        </message>
        <message>
            <source>creating the schema version table</source>
            <translation>criando a tabela de versão do esquema</translation>
        </message>
        <message>
            <source>%1 (tried %2 times: a long transaction holds a table this migration changes, see pg_stat_activity; nothing of this migration was changed, run migrate again later)</source>
            <translation>%1 (tentado %2 vezes: uma transação longa segura uma tabela que esta migração altera, veja pg_stat_activity; nada desta migração foi alterado, execute migrate de novo mais tarde)</translation>
        </message>
        <message>
            <source>applying migration %1 (%2)</source>
            <translation>aplicando a migração %1 (%2)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>rehearsing the migration</source>
            <translation>ensaiando a migração</translation>
        </message>
        <message>
            <source>checking migration %1 (%2)</source>
            <translation>verificando a migração %1 (%2)</translation>
        </message>
        <message>
            <source>%1: nothing was changed: %2</source>
            <translation>%1: nada foi alterado: %2</translation>
        </message>
        <message>
            <source>%1; nothing was changed</source>
            <translation>%1; nada foi alterado</translation>
        </message>
        <message>
            <source>waiting for other migrators</source>
            <translation>aguardando outros migradores</translation>
        </message>
        <message>
            <source>waiting for other programs using %1</source>
            <translation>aguardando outros programas que usam %1</translation>
        </message>
        <message>
            <source>saving the schema of %1</source>
            <translation>salvando o esquema de %1</translation>
        </message>
    </context>
    <context>
        <name>NewJobDialog</name>
        <message>
            <source>Start &amp;active</source>
            <translation>Iniciar &amp;ativo</translation>
        </message>
        <message>
            <source>New job</source>
            <translation>Novo job</translation>
        </message>
        <message>
            <source>for example limpar_logs_antigos</source>
            <translation>por exemplo limpar_logs_antigos</translation>
        </message>
        <message>
            <source>&amp;Add job</source>
            <translation>&amp;Adicionar job</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nome:</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Descrição:</translation>
        </message>
        <message>
            <source>Schedule:</source>
            <translation>Agendamento:</translation>
        </message>
    </context>
    <context>
        <name>NextRunText</name>
        <message>
            <source>after the current run (due since %1)</source>
            <translation>depois da execução atual (prevista desde %1)</translation>
        </message>
        <message>
            <source>none (disabled)</source>
            <translation>nenhuma (desativado)</translation>
        </message>
        <message>
            <source>now: it has never run, so a runner starts it at its next check</source>
            <translation>agora: nunca executou, então um executor o inicia na próxima verificação</translation>
        </message>
        <message>
            <source>now: due since %1</source>
            <translation>agora: pendente desde %1</translation>
        </message>
        <message>
            <source>as soon as a runner checks</source>
            <translation>assim que um executor verificar</translation>
        </message>
        <message>
            <source>%1 (%2), held back until %3</source>
            <translation>%1 (%2), retido até %3</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <source>the notify command could not start: %1</source>
            <translation>o comando de notificação não pôde iniciar: %1</translation>
        </message>
        <message>
            <source>the notify command timed out after %1 s</source>
            <translation>o comando de notificação excedeu o tempo limite após %1 s</translation>
        </message>
        <message>
            <source>the notify command crashed</source>
            <translation>o comando de notificação travou</translation>
        </message>
        <message>
            <source>the notify command exited with status %1</source>
            <translation>o comando de notificação terminou com o código %1</translation>
        </message>
    </context>
    <context>
        <name>PauseBanner</name>
        <message>
            <source>&amp;Pause all jobs…</source>
            <translation>&amp;Pausar todos os jobs…</translation>
        </message>
        <message>
            <source>&amp;Resume all jobs…</source>
            <translation>&amp;Retomar todos os jobs…</translation>
        </message>
        <message>
            <source>All jobs are paused: runners start nothing and deve_executar_cron answers false.</source>
            <translation>Todos os jobs estão pausados: os executores não iniciam nada e deve_executar_cron responde false.</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Motivo: %1</translation>
        </message>
        <message>
            <source>(by %1)</source>
            <translation>(por %1)</translation>
        </message>
        <message>
            <source>Pause all jobs</source>
            <translation>Pausar todos os jobs</translation>
        </message>
        <message>
            <source>No runner will start any job, and the web platform's deve_executar_cron answers false, until someone resumes. Running jobs finish.

Reason (kept in the audit log):</source>
            <translation>Nenhum executor iniciará qualquer job, e deve_executar_cron da plataforma web responderá false, até que alguém retome. Os jobs em execução terminam.

Motivo (guardado no log de auditoria):</translation>
        </message>
        <message>
            <source>Resume all jobs</source>
            <translation>Retomar todos os jobs</translation>
        </message>
        <message>
            <source>Let runners start due jobs again?</source>
            <translation>Permitir que os executores voltem a iniciar os jobs devidos?</translation>
        </message>
    </context>
    <context>
        <name>PauseStore</name>
        <message>
            <source>reading whether all jobs are paused</source>
            <translation>verificando se todos os jobs estão pausados</translation>
        </message>
        <message>
            <source>pausing all jobs</source>
            <translation>pausando todos os jobs</translation>
        </message>
        <message>
            <source>resuming all jobs</source>
            <translation>retomando todos os jobs</translation>
        </message>
    </context>
    <context>
        <name>PolicyEditor</name>
        <message>
            <source>Run once for all missed slots</source>
            <translation>Executar uma vez por todos os horários perdidos</translation>
        </message>
        <message>
            <source>Skip a slot missed by more than the window</source>
            <translation>Pular um horário perdido há mais que a janela</translation>
        </message>
        <message>
            <source>Run every missed slot (at most %1)</source>
            <translation>Executar cada horário perdido (no máximo %1)</translation>
        </message>
        <message>
            <source>After downti&amp;me:</source>
            <translation>Após &amp;indisponibilidade:</translation>
        </message>
        <message>
            <source>Catch-up &amp;window:</source>
            <translation>&amp;Janela de recuperação:</translation>
        </message>
        <message>
            <source>Policy</source>
            <translation>Política</translation>
        </message>
        <message>
            <source>no retries</source>
            <translation>sem novas tentativas</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Re&amp;tries after a failure:</source>
            <translation>Novas &amp;tentativas após uma falha:</translation>
        </message>
        <message>
            <source>First retry a&amp;fter:</source>
            <translation>Primeira nova tentati&amp;va após:</translation>
        </message>
        <message>
            <source>Each later delay:</source>
            <translation>Cada espera seguinte:</translation>
        </message>
        <message>
            <source>&amp;Overdue when due for:</source>
            <translation>Atrasado após &amp;estar devido por:</translation>
        </message>
    </context>
    <context>
        <name>RelativeTime</name>
        <message>
            <source>in %1</source>
            <translation>em %1</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>agora</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>há %n min</numerusform>
                <numerusform>há %n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>há %n h</numerusform>
                <numerusform>há %n h</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation>
                <numerusform>há %n dia</numerusform>
                <numerusform>há %n dias</numerusform>
            </translation>
        </message>
        <message>
            <source>now</source>
            <translation>agora</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1 d %2 h</translation>
        </message>
    </context>
    <context>
        <name>ResetDialog</name>
        <message>
            <source>Reset %1</source>
            <translation>Resetar %1</translation>
        </message>
        <message>
            <source>a program that does not identify itself (no lease)</source>
            <translation>um programa que não se identifica (sem concessão)</translation>
        </message>
        <message>
            <source>Held by %1, running for %2 (since %3).</source>
            <translation>Com %1, em execução há %2 (desde %3).</translation>
        </message>
        <message>
            <source>Its lease expired %1.</source>
            <translation>A concessão expirou %1.</translation>
        </message>
        <message>
            <source>Its lease is valid until %1: the runner may still be working, so a reset is refused unless you force it.</source>
            <translation>A concessão vale até %1: o executor ainda pode estar trabalhando, por isso o reset é recusado a menos que você o force.</translation>
        </message>
        <message>
            <source>Not running now (last status: %1).</source>
            <translation>Não está em execução (último status: %1).</translation>
        </message>
        <message>
            <source>none</source>
            <translation>nenhum</translation>
        </message>
        <message>
            <source>Reset puts the job back to pending. A runner still working on it can no longer record its result.</source>
            <translation>Resetar volta o job para pendente. Um executor que ainda esteja trabalhando nele não poderá mais registrar o resultado.</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Motivo (fica no log de auditoria)</translation>
        </message>
        <message>
            <source>&amp;Reset job</source>
            <translation>&amp;Resetar job</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>&amp;Force: fence off %1 now; nobody starts the job before its lease expires (%2)</source>
            <translation>&amp;Forçar: isolar %1 agora; ninguém inicia o job antes de a concessão expirar (%2)</translation>
        </message>
        <message numerus="yes">
            <source>Reset %n jobs</source>
            <translation>
                <numerusform>Resetar %n job</numerusform>
                <numerusform>Resetar %n jobs</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <source>Reset puts the %n jobs back to pending. A runner still working on one of them can no longer record its result.</source>
            <translation>
                <numerusform>Resetar volta o job para pendente. Um executor que ainda esteja trabalhando nele não poderá mais registrar o resultado.</numerusform>
                <numerusform>Resetar volta os %n jobs para pendente. Um executor que ainda esteja trabalhando em um deles não poderá mais registrar o resultado.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Reset %n jobs</source>
            <translation>
                <numerusform>&amp;Resetar %n job</numerusform>
                <numerusform>&amp;Resetar %n jobs</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 on %2</source>
            <translation>%1 em %2</translation>
        </message>
        <message>
            <source>&amp;Force: fence off %1 now; nobody starts these jobs before their leases expire (the last at %2)</source>
            <translation>&amp;Forçar: isolar %1 agora; ninguém inicia esses jobs antes de as concessões expirarem (a última em %2)</translation>
        </message>
    </context>
    <context>
        <name>ResultJournal</name>
        <message>
            <source>cannot create the result journal folder %1</source>
            <translation>não foi possível criar a pasta do diário de resultados %1</translation>
        </message>
        <message>
            <source>cannot open the result journal %1</source>
            <translation>não foi possível abrir o diário de resultados %1</translation>
        </message>
        <message>
            <source>the result journal is not open</source>
            <translation>o diário de resultados não está aberto</translation>
        </message>
        <message>
            <source>cannot write the result journal %1: %2</source>
            <translation>não foi possível gravar o diário de resultados %1: %2</translation>
        </message>
    </context>
    <context>
        <name>RunLabels</name>
        <message>
            <source>pending</source>
            <translation>pendente</translation>
        </message>
        <message>
            <source>running</source>
            <translation>em execução</translation>
        </message>
        <message>
            <source>success</source>
            <translation>sucesso</translation>
        </message>
        <message>
            <source>error</source>
            <translation>erro</translation>
        </message>
        <message>
            <source>timed out</source>
            <translation>tempo esgotado</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>interrompida</translation>
        </message>
        <message>
            <source>aborted</source>
            <translation>abortada</translation>
        </message>
        <message>
            <source>lease lost</source>
            <translation>concessão perdida</translation>
        </message>
        <message>
            <source>fenced</source>
            <translation>barrada</translation>
        </message>
        <message>
            <source>schedule</source>
            <translation>agendamento</translation>
        </message>
        <message>
            <source>run now</source>
            <translation>execução imediata</translation>
        </message>
        <message>
            <source>retry</source>
            <translation>nova tentativa</translation>
        </message>
        <message>
            <source>takeover</source>
            <translation>assumida</translation>
        </message>
        <message>
            <source>platform</source>
            <translation>plataforma</translation>
        </message>
    </context>
    <context>
        <name>RunOutputView</name>
        <message>
            <source>Previous</source>
            <translation>Anterior</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Próxima</translation>
        </message>
        <message>
            <source>Run output</source>
            <translation>Saída da execução</translation>
        </message>
        <message>
            <source>No job selected.</source>
            <translation>Nenhum job selecionado.</translation>
        </message>
        <message numerus="yes">
            <source>No output of %1 is recorded yet: History lists its %n earlier execution(s), without output.</source>
            <translation>
                <numerusform>Nenhuma saída de %1 registrada ainda: o Histórico lista sua execução anterior, sem saída.</numerusform>
                <numerusform>Nenhuma saída de %1 registrada ainda: o Histórico lista suas %n execuções anteriores, sem saída.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 has not run yet.</source>
            <translation>%1 ainda não foi executado.</translation>
        </message>
        <message>
            <source>Cannot read the output: %1</source>
            <translation>Não foi possível ler a saída: %1</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Carregando…</translation>
        </message>
        <message>
            <source>Run %1, %2</source>
            <translation>Execução %1, %2</translation>
        </message>
        <message>
            <source>started by the platform</source>
            <translation>iniciada pela plataforma</translation>
        </message>
        <message>
            <source>on %1</source>
            <translation>em %1</translation>
        </message>
        <message>
            <source>started %1</source>
            <translation>iniciada %1</translation>
        </message>
        <message>
            <source>%1 long</source>
            <translation>duração %1</translation>
        </message>
        <message>
            <source>output %1</source>
            <translation>saída %1</translation>
        </message>
        <message>
            <source>%1 of older output not kept (over the job's cap)</source>
            <translation>%1 de saída mais antiga não guardados (acima do limite do job)</translation>
        </message>
        <message>
            <source>abort asked by %1</source>
            <translation>abortar pedido por %1</translation>
        </message>
        <message>
            <source>standard error</source>
            <translation>saída de erro</translation>
        </message>
        <message>
            <source>Search the output…</source>
            <translation>Buscar na saída…</translation>
        </message>
        <message>
            <source>Enter: next match; Shift+Enter: previous match</source>
            <translation>Enter: próxima ocorrência; Shift+Enter: ocorrência anterior</translation>
        </message>
    </context>
    <context>
        <name>RunRetention</name>
        <message>
            <source>deleting old runs</source>
            <translation>excluindo execuções antigas</translation>
        </message>
    </context>
    <context>
        <name>RunStore</name>
        <message numerus="yes">
            <source>writing the output of %n run(s)</source>
            <translation>
                <numerusform>gravando a saída de %n execução</numerusform>
                <numerusform>gravando a saída de %n execuções</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>trimming the output of %n run(s)</source>
            <translation>
                <numerusform>aparando a saída de %n execução</numerusform>
                <numerusform>aparando a saída de %n execuções</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>recording the start of %n run(s)</source>
            <translation>
                <numerusform>registrando o início de %n execução</numerusform>
                <numerusform>registrando o início de %n execuções</numerusform>
            </translation>
        </message>
        <message>
            <source>recording the start of "%1"</source>
            <translation>registrando o início de "%1"</translation>
        </message>
        <message>
            <source>recording the end of "%1"</source>
            <translation>registrando o fim de "%1"</translation>
        </message>
        <message>
            <source>writing the output of run %1</source>
            <translation>gravando a saída da execução %1</translation>
        </message>
        <message>
            <source>trimming the output of run %1</source>
            <translation>cortando a saída da execução %1</translation>
        </message>
        <message>
            <source>reading abort requests</source>
            <translation>lendo pedidos de aborto</translation>
        </message>
        <message>
            <source>reading runs</source>
            <translation>lendo execuções</translation>
        </message>
        <message>
            <source>reading the output of run %1</source>
            <translation>lendo a saída da execução %1</translation>
        </message>
        <message>
            <source>job "%1" has no running run to abort</source>
            <translation>o job "%1" não tem execução em andamento para abortar</translation>
        </message>
        <message>
            <source>run %1 of "%2" was started by the platform (iniciar_execucao_cron) without a lease: no runner holds it, so it cannot be stopped from here</source>
            <translation>a execução %1 de "%2" foi iniciada pela plataforma (iniciar_execucao_cron) sem concessão: nenhum executor a detém, por isso não pode ser parada daqui</translation>
        </message>
        <message>
            <source>asking to abort "%1"</source>
            <translation>pedindo para abortar "%1"</translation>
        </message>
    </context>
    <context>
        <name>RunnerConfig</name>
        <message>
            <source>unknown key (expected one of: %1)</source>
            <translation>chave desconhecida (esperada uma de: %1)</translation>
        </message>
        <message>
            <source>is required</source>
            <translation>é obrigatório</translation>
        </message>
        <message>
            <source>must be a string</source>
            <translation>deve ser um texto</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>não pode ficar vazio</translation>
        </message>
        <message>
            <source>must be a whole number from %1 to %2</source>
            <translation>deve ser um número inteiro de %1 a %2</translation>
        </message>
        <message>
            <source>must be an array of strings</source>
            <translation>deve ser uma lista de textos</translation>
        </message>
        <message>
            <source>must be an object of strings</source>
            <translation>deve ser um objeto de textos</translation>
        </message>
        <message>
            <source>its group and everyone</source>
            <translation>seu grupo e todos</translation>
        </message>
        <message>
            <source>its group</source>
            <translation>seu grupo</translation>
        </message>
        <message>
            <source>everyone</source>
            <translation>todos</translation>
        </message>
        <message>
            <source>is not a job name: 1 to 100 characters, no control characters</source>
            <translation>não é um nome de job: 1 a 100 caracteres, sem caracteres de controle</translation>
        </message>
        <message>
            <source>must be an object</source>
            <translation>deve ser um objeto</translation>
        </message>
        <message>
            <source>must be an absolute path ("%1"), so PATH cannot change what runs</source>
            <translation>deve ser um caminho absoluto ("%1"), para que o PATH não mude o que é executado</translation>
        </message>
        <message>
            <source>must be one of %1</source>
            <translation>deve ser um de %1</translation>
        </message>
        <message>
            <source>must be an http:// or https:// URL</source>
            <translation>deve ser uma URL http:// ou https://</translation>
        </message>
        <message>
            <source>"%1" is not a job type; use command, sql or http</source>
            <translation>"%1" não é um tipo de job; use command, sql ou http</translation>
        </message>
        <message>
            <source>%1: refusing this runner configuration: %2. A runner runs what this file says, so only its owner (root or the runner's user) may change it. Fix: %3</source>
            <translation>%1: configuração do executor recusada: %2. Um executor executa o que este arquivo diz, então só o seu dono (root ou o usuário do executor) pode alterá-lo. Correção: %3</translation>
        </message>
        <message>
            <source>it is not a regular file</source>
            <translation>não é um arquivo comum</translation>
        </message>
        <message>
            <source>point --config at the file itself</source>
            <translation>aponte --config para o próprio arquivo</translation>
        </message>
        <message>
            <source>it belongs to %1, who is neither root nor the runner's user %2</source>
            <translation>pertence a %1, que não é root nem o usuário do executor %2</translation>
        </message>
        <message>
            <source>%1 may write it (mode %2)</source>
            <translation>%1 pode gravá-lo (modo %2)</translation>
        </message>
        <message>
            <source>its folder %1 belongs to %2, who is neither root nor the runner's user %3</source>
            <translation>sua pasta %1 pertence a %2, que não é root nem o usuário do executor %3</translation>
        </message>
        <message>
            <source>its folder %1 may be written by %2 (mode %3), who could replace the file</source>
            <translation>sua pasta %1 pode ser gravada por %2 (modo %3), que poderia substituir o arquivo</translation>
        </message>
        <message>
            <source>%1: cannot create the folder %2</source>
            <translation>%1: não foi possível criar a pasta %2</translation>
        </message>
        <message>
            <source>%1: cannot save: %2</source>
            <translation>%1: não foi possível salvar: %2</translation>
        </message>
        <message>
            <source>%1: cannot read the runner configuration: %2</source>
            <translation>%1: não foi possível ler a configuração do executor: %2</translation>
        </message>
        <message>
            <source>%1: the top level must be a JSON object</source>
            <translation>%1: o nível superior deve ser um objeto JSON</translation>
        </message>
        <message>
            <source>must be at most 200 characters, no control characters</source>
            <translation>deve ter no máximo 200 caracteres, sem caracteres de controle</translation>
        </message>
        <message>
            <source>is required: an object from job name to what the job runs</source>
            <translation>é obrigatório: um objeto do nome do job para o que o job executa</translation>
        </message>
        <message>
            <source>%1: not valid JSON at line %2, column %3: %4</source>
            <translation>%1: JSON inválido na linha %2, coluna %3: %4</translation>
        </message>
        <message>
            <source>must be a command or an http action (an sql action cannot receive the event)</source>
            <translation>deve ser uma ação command ou http (uma ação sql não pode receber o evento)</translation>
        </message>
    </context>
    <context>
        <name>RunnerConfigEditor</name>
        <message>
            <source>Insert &amp;template</source>
            <translation>Inserir &amp;modelo</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>Re&amp;verter</translation>
        </message>
        <message>
            <source>Sa&amp;ve</source>
            <translation>Sal&amp;var</translation>
        </message>
        <message>
            <source>Save the runner config (%1); a running workstation runner restarts with it</source>
            <translation>Salvar a configuração do executor (%1); um executor da estação em execução reinicia com ela</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>Arquivo: %1</translation>
        </message>
        <message numerus="yes">
            <source>Valid: %n job(s). Not saved yet.</source>
            <translation>
                <numerusform>Válida: %n job. Ainda não salva.</numerusform>
                <numerusform>Válida: %n jobs. Ainda não salva.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Valid: %n job(s).</source>
            <translation>
                <numerusform>Válida: %n job.</numerusform>
                <numerusform>Válida: %n jobs.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 is empty; insert the template to start a runner config.</source>
            <translation>%1 está vazio; insira o modelo para começar uma configuração de executor.</translation>
        </message>
        <message>
            <source>There is no runner config at %1 yet; insert the template to start one.</source>
            <translation>Ainda não há configuração de executor em %1; insira o modelo para começar uma.</translation>
        </message>
    </context>
    <context>
        <name>RunnersPanel</name>
        <message>
            <source>degraded</source>
            <translation>degradado</translation>
        </message>
        <message>
            <source>Last error (%1): %2</source>
            <translation>Último erro (%1): %2</translation>
        </message>
        <message>
            <source>Runner</source>
            <translation>Executor</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>Máquina</translation>
        </message>
        <message>
            <source>PID</source>
            <translation>PID</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versão</translation>
        </message>
        <message>
            <source>Heartbeat</source>
            <translation>Sinal de vida</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Running jobs</source>
            <translation>Jobs em execução</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Job</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Executa</translation>
        </message>
        <message>
            <source>This workstation's job actions</source>
            <translation>Ações de jobs desta estação</translation>
        </message>
        <message>
            <source>Runners registered in this database</source>
            <translation>Executores registrados neste banco de dados</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>parado</translation>
        </message>
        <message>
            <source>stale</source>
            <translation>sem sinal</translation>
        </message>
        <message>
            <source>live</source>
            <translation>ativo</translation>
        </message>
        <message>
            <source>%1 ago</source>
            <translation>há %1</translation>
        </message>
        <message>
            <source>Stopped at %1</source>
            <translation>Parado em %1</translation>
        </message>
        <message>
            <source>%1 on %2, PID %3, version %4</source>
            <translation>%1 em %2, PID %3, versão %4</translation>
        </message>
        <message>
            <source>Started at %1; configured jobs: %2</source>
            <translation>Iniciado em %1; jobs configurados: %2</translation>
        </message>
        <message>
            <source>The runners could not be read: %1</source>
            <translation>Não foi possível ler os executores: %1</translation>
        </message>
        <message>
            <source>This workstation's job actions (%1)</source>
            <translation>Ações de jobs desta estação (%1)</translation>
        </message>
        <message>
            <source>This workstation's job actions: %1</source>
            <translation>Ações de jobs desta estação: %1</translation>
        </message>
    </context>
    <context>
        <name>RunsView</name>
        <message>
            <source>Run</source>
            <translation>Execução</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Início</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Fim</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duração</translation>
        </message>
        <message>
            <source>Runner</source>
            <translation>Executor</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>Gatilho</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Saída</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Execuções</translation>
        </message>
        <message>
            <source>Select one job to see its runs.</source>
            <translation>Selecione um job para ver suas execuções.</translation>
        </message>
        <message>
            <source>Cannot read the runs: %1</source>
            <translation>Não foi possível ler as execuções: %1</translation>
        </message>
        <message>
            <source>%1 (%2 not kept)</source>
            <translation>%1 (%2 não guardados)</translation>
        </message>
        <message>
            <source>platform</source>
            <translation>plataforma</translation>
        </message>
        <message>
            <source>No run records of %1 yet; the history table above lists executions recorded without one.</source>
            <translation>Ainda não há registros de execução de %1; a tabela de histórico acima lista as execuções registradas sem um.</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) of %1, newest first.</source>
            <translation>
                <numerusform>%n execução de %1, a mais recente primeiro.</numerusform>
                <numerusform>%n execuções de %1, as mais recentes primeiro.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Schedule</name>
        <message>
            <source> or </source>
            <translation> ou </translation>
        </message>
        <message>
            <source>"%1" is not a time zone name; did you mean %2?</source>
            <translation>"%1" não é um nome de fuso horário; você quis dizer %2?</translation>
        </message>
        <message>
            <source>unknown time zone "%1"; use an IANA name such as America/Sao_Paulo or UTC</source>
            <translation>fuso horário desconhecido "%1"; use um nome IANA como America/Sao_Paulo ou UTC</translation>
        </message>
        <message>
            <source>the expression "%1" never fires (no such date in the next five years)</source>
            <translation>a expressão "%1" nunca dispara (essa data não existe nos próximos cinco anos)</translation>
        </message>
        <message numerus="yes">
            <source>every %n h</source>
            <translation>
                <numerusform>a cada %n h</numerusform>
                <numerusform>a cada %n h</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScheduleDialog</name>
        <message>
            <source>Change schedule of %1</source>
            <translation>Alterar o agendamento de %1</translation>
        </message>
        <message>
            <source>&amp;Change schedule</source>
            <translation>&amp;Alterar agendamento</translation>
        </message>
        <message>
            <source>Job &lt;b&gt;%1&lt;/b&gt; runs %2 now.</source>
            <translation>O job &lt;b&gt;%1&lt;/b&gt; executa %2 atualmente.</translation>
        </message>
    </context>
    <context>
        <name>ScheduleEditor</name>
        <message>
            <source>Every N &amp;hours</source>
            <translation>A cada N &amp;horas</translation>
        </message>
        <message>
            <source>C&amp;ron expression</source>
            <translation>Expressão c&amp;ron</translation>
        </message>
        <message>
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <source>minute hour day month weekday, e.g. 0 3 * * 1-5</source>
            <translation>minuto hora dia mês dia-da-semana, p. ex. 0 3 * * 1-5</translation>
        </message>
        <message>
            <source>Time &amp;zone:</source>
            <translation>&amp;Fuso horário:</translation>
        </message>
        <message>
            <source>Enter a whole number of hours from %1 to %2.</source>
            <translation>Informe um número inteiro de horas de %1 a %2.</translation>
        </message>
        <message>
            <source>Type an expression such as 0 3 * * 1-5 or @daily.</source>
            <translation>Digite uma expressão como 0 3 * * 1-5 ou @daily.</translation>
        </message>
        <message>
            <source>The next run moves to %1 (%2 from now).</source>
            <translation>A próxima execução passa para %1 (daqui a %2).</translation>
        </message>
        <message>
            <source>The expression never fires in the next five years.</source>
            <translation>A expressão não dispara nos próximos cinco anos.</translation>
        </message>
        <message numerus="yes">
            <source>Next %n run(s):</source>
            <translation>
                <numerusform>Próxima execução:</numerusform>
                <numerusform>Próximas %n execuções:</numerusform>
            </translation>
        </message>
        <message>
            <source>at once</source>
            <translation>imediatamente</translation>
        </message>
        <message numerus="yes">
            <source>It has never run, so it runs at once (at a runner's next check), then every %n h.</source>
            <translation>
                <numerusform>Nunca executou, então executa imediatamente (na próxima verificação de um executor) e depois a cada %n h.</numerusform>
                <numerusform>Nunca executou, então executa imediatamente (na próxima verificação de um executor) e depois a cada %n h.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (your time: %2)</source>
            <translation>%1 (seu horário: %2)</translation>
        </message>
    </context>
    <context>
        <name>Scheduler</name>
        <message>
            <source>announcing the jobs this runner changed</source>
            <translation>anunciando os jobs que este executor alterou</translation>
        </message>
        <message>
            <source>interrupted: the runner stopped</source>
            <translation>interrompido: o executor parou</translation>
        </message>
        <message>
            <source>configuring the runner's session</source>
            <translation>configurando a sessão do executor</translation>
        </message>
        <message>
            <source>checking that the server accepts writes</source>
            <translation>verificando se o servidor aceita gravações</translation>
        </message>
        <message>
            <source>%1 is a read-only server (a standby?); a runner needs the primary: list every host in the URL with target_session_attrs=read-write</source>
            <translation>%1 é um servidor somente leitura (um standby?); um executor precisa do primário: liste todos os hosts na URL com target_session_attrs=read-write</translation>
        </message>
        <message>
            <source>cannot record the run of %1: %2</source>
            <translation>não foi possível registrar a execução de %1: %2</translation>
        </message>
        <message>
            <source>abandoned: runner %1 stopped renewing its lease; what the run did before it was stopped is unknown</source>
            <translation>abandonado: o executor %1 parou de renovar sua concessão; não se sabe o que a execução fez antes de parar</translation>
        </message>
        <message>
            <source>cannot end the statement of the abandoned run of %1; the job waits (the runner's role needs pg_signal_backend, or to be the same role)</source>
            <translation>não foi possível encerrar o comando da execução abandonada de %1; o job aguarda (o papel do executor precisa de pg_signal_backend, ou ser o mesmo papel)</translation>
        </message>
        <message>
            <source>lease lost: the job was reset or taken over</source>
            <translation>concessão perdida: o job foi resetado ou assumido por outro</translation>
        </message>
        <message>
            <source>stopped at the lease deadline: the lease could not be renewed in time</source>
            <translation>parado no prazo da concessão: a concessão não pôde ser renovada a tempo</translation>
        </message>
        <message>
            <source>aborted by %1</source>
            <translation>abortado por %1</translation>
        </message>
        <message>
            <source>aborted by %1: %2</source>
            <translation>abortado por %1: %2</translation>
        </message>
        <message>
            <source>job %1 is stuck: running since %2 past its lease</source>
            <translation>o job %1 está travado: em execução desde %2, além da sua concessão</translation>
        </message>
        <message>
            <source>job %1 is overdue: due since %2 and no runner can run it</source>
            <translation>o job %1 está atrasado: devido desde %2 e nenhum executor pode executá-lo</translation>
        </message>
        <message>
            <source>job %1 is overdue: due since %2 and not started</source>
            <translation>o job %1 está atrasado: devido desde %2 e não iniciado</translation>
        </message>
        <message>
            <source>runner %1 on %2 has sent no heartbeat since %3</source>
            <translation>o executor %1 em %2 não envia sinal de vida desde %3</translation>
        </message>
    </context>
    <context>
        <name>SqlAction</name>
        <message>
            <source>preparing the session: %1</source>
            <translation>preparando a sessão: %1</translation>
        </message>
        <message>
            <source>preparing the session: no PostgreSQL connection</source>
            <translation>preparando a sessão: sem conexão PostgreSQL</translation>
        </message>
        <message>
            <source>rows returned: %1</source>
            <translation>linhas retornadas: %1</translation>
        </message>
        <message>
            <source>first value: %1</source>
            <translation>primeiro valor: %1</translation>
        </message>
        <message>
            <source>rows affected: %1</source>
            <translation>linhas afetadas: %1</translation>
        </message>
        <message>
            <source>preparing the session</source>
            <translation>preparando a sessão</translation>
        </message>
        <message>
            <source>cancelled before it started</source>
            <translation>cancelado antes de começar</translation>
        </message>
        <message>
            <source>timed out after %1 s</source>
            <translation>tempo esgotado após %1 s</translation>
        </message>
    </context>
    <context>
        <name>SqlErrors</name>
        <message>
            <source>the connection to the server was lost</source>
            <translation>a conexão com o servidor foi perdida</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>SqliteScriptRunner</name>
        <message>
            <source>reading the columns of %1</source>
            <translation>lendo as colunas de %1</translation>
        </message>
    </context>
    <context>
        <name>SizeText</name>
        <message>
            <source>%1 B</source>
            <translation>%1 B</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 KiB</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 MiB</translation>
        </message>
    </context>
    <context>
        <name>StatusStyle</name>
        <message>
            <source>disabled</source>
            <translation>desativado</translation>
        </message>
        <message>
            <source>due now</source>
            <translation>a executar</translation>
        </message>
        <message>
            <source>stuck</source>
            <translation>travado</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>atrasado</translation>
        </message>
    </context>
    <context>
        <name>MessageText</name>
        <message>
            <source>Choose another name and try again.</source>
            <translation>Escolha outro nome e tente de novo.</translation>
        </message>
        <message>
            <source>The console reconnects by itself; what you entered is kept. Try again once the connection is back.</source>
            <translation>O console se reconecta sozinho; o que você digitou é mantido. Tente de novo quando a conexão voltar.</translation>
        </message>
        <message>
            <source>Change the value, or reload to see what changed, and try again.</source>
            <translation>Altere o valor, ou recarregue para ver o que mudou, e tente de novo.</translation>
        </message>
        <message>
            <source>Correct the value and try again.</source>
            <translation>Corrija o valor e tente de novo.</translation>
        </message>
        <message>
            <source>Ask an administrator for the privilege, or connect as a role that has it.</source>
            <translation>Peça o privilégio a um administrador, ou conecte-se com um papel que o tenha.</translation>
        </message>
        <message>
            <source>The job may have been deleted meanwhile: reload the list.</source>
            <translation>O job pode ter sido excluído nesse meio-tempo: recarregue a lista.</translation>
        </message>
    </context>
    <context>
        <name>Transaction</name>
        <message>
            <source>starting a transaction</source>
            <translation>iniciando uma transação</translation>
        </message>
        <message>
            <source>saving the change</source>
            <translation>salvando a alteração</translation>
        </message>
    </context>
    <context>
        <name>WorkstationRunner</name>
        <message>
            <source>the workstation runner is already running</source>
            <translation>o executor da estação já está em execução</translation>
        </message>
    </context>
    <context>
        <name>WorkstationSwitch</name>
        <message>
            <source>Workstation runner: %1; retrying</source>
            <translation>Executor da estação: %1; tentando de novo</translation>
        </message>
        <message>
            <source>This workstation ran %1</source>
            <translation>Esta estação executou %1</translation>
        </message>
        <message>
            <source>This workstation ran %1: %2</source>
            <translation>Esta estação executou %1: %2</translation>
        </message>
        <message>
            <source>No runner config</source>
            <translation>Sem configuração do executor</translation>
        </message>
        <message>
            <source>This workstation has no runner config at %1 yet. The runner only runs the jobs that file names.

Create it from a small template and open the editor?</source>
            <translation>Esta estação ainda não tem configuração do executor em %1. O executor só executa os jobs que esse arquivo indica.

Criá-la a partir de um pequeno modelo e abrir o editor?</translation>
        </message>
        <message>
            <source>&amp;Create and edit</source>
            <translation>&amp;Criar e editar</translation>
        </message>
        <message>
            <source>The workstation runner cannot start</source>
            <translation>O executor da estação não pode iniciar</translation>
        </message>
        <message>
            <source>Running jobs on this workstation as %1</source>
            <translation>Executando jobs nesta estação como %1</translation>
        </message>
        <message>
            <source>The workstation runner stopped</source>
            <translation>O executor da estação parou</translation>
        </message>
        <message>
            <source>Run the jobs named in this workstation's runner config (%1)</source>
            <translation>Executar os jobs indicados na configuração do executor desta estação (%1)</translation>
        </message>
        <message>
            <source>This workstation runs jobs as %1; click to stop it gracefully</source>
            <translation>Esta estação executa jobs como %1; clique para pará-lo com segurança</translation>
        </message>
        <message>
            <source>Runner: connecting…</source>
            <translation>Executor: conectando…</translation>
        </message>
        <message>
            <source>Runner: on, idle</source>
            <translation>Executor: ligado, ocioso</translation>
        </message>
        <message numerus="yes">
            <source>Runner: %n running</source>
            <translation>
                <numerusform>Executor: %n em execução</numerusform>
                <numerusform>Executor: %n em execução</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Stopping… (waiting for %n running job(s))</source>
            <translation>
                <numerusform>Parando… (aguardando %n job em execução)</numerusform>
                <numerusform>Parando… (aguardando %n jobs em execução)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Administration console for the persistent cron system.</source>
            <translation>Console de administração do sistema de cron persistente.</translation>
        </message>
        <message>
            <source>Open this database (postgresql://… or sqlite:/path).</source>
            <translation>Abrir este banco de dados (postgresql://… ou sqlite:/caminho).</translation>
        </message>
        <message>
            <source>Select this job when the list loads.</source>
            <translation>Selecionar este job quando a lista carregar.</translation>
        </message>
        <message>
            <source>Open a separate demo database with a few jobs (created on first use) and run its harmless demo actions on this workstation.</source>
            <translation>Abrir um banco de dados de demonstração separado, com alguns jobs (criado no primeiro uso), e executar suas ações de demonstração inofensivas nesta estação.</translation>
        </message>
    </context>
</TS>
