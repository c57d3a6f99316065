<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AbortRunAction</name>
    <message>
        <source>&amp;Abort run…</source>
        <translation>&amp;Abortar execução…</translation>
    </message>
    <message>
        <source>Stop the selected job&apos;s running run on the runner that holds it</source>
        <translation>Interrompe a execução em andamento do job selecionado no runner que a detém</translation>
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
        <translation>A execução %1 de %2 foi iniciada pela plataforma (iniciar_execucao_cron) sem lease. Nenhum runner a detém, então ela não pode ser interrompida daqui.</translation>
    </message>
    <message>
        <source>Abort run %1 of %2 on runner %3? It has run for %4.

The runner stops the whole action at once; the run is recorded as aborted.

Reason (optional, recorded in the audit log):</source>
        <translation>Abortar a execução %1 de %2 no runner %3? Ela está rodando há %4.

O runner interrompe a ação inteira na hora; a execução é registrada como abortada.

Motivo (opcional, registrado no log de auditoria):</translation>
    </message>
    <message>
        <source>Asked %1 to abort run %2 of %3</source>
        <translation>Pedido a %1 para abortar a execução %2 de %3</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
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
</context>
<context>
    <name>ConnectionProfiles</name>
    <message>
        <source>Embedded database (this computer)</source>
        <translation>Banco de dados embutido (este computador)</translation>
    </message>
</context>
<context>
    <name>DbThreadWorker</name>
    <message>
        <source>not connected to the database; try again when the connection is back</source>
        <translation type="unfinished">sem conexão com o banco de dados; tente de novo quando a conexão voltar</translation>
    </message>
    <message>
        <source>cannot listen for changes on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation type="unfinished">a conexão com %1 foi perdida</translation>
    </message>
</context>
<context>
    <name>DeleteJobDialog</name>
    <message>
        <source>Delete %1</source>
        <translation>Excluir %1</translation>
    </message>
    <message>
        <source>Delete job &lt;b&gt;%1&lt;/b&gt;? Its history stays in the audit log, but runners stop running it.&lt;br&gt;&lt;br&gt;Type the job&apos;s name to confirm:</source>
        <translation>Excluir o job &lt;b&gt;%1&lt;/b&gt;? O histórico continua no log de auditoria, mas os executores deixam de executá-lo.&lt;br&gt;&lt;br&gt;Digite o nome do job para confirmar:</translation>
    </message>
    <message>
        <source>&amp;Delete job</source>
        <translation>&amp;Excluir job</translation>
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
    <name>ExportDialog</name>
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
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n linha exportada para %1.</numerusform>
            <numerusform>%n linhas exportadas para %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Exportação cancelada</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was written.</source>
        <translation>A exportação foi cancelada. Nenhum arquivo foi gravado.</translation>
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
        <source>Succeeded runs</source>
        <translation>Execuções com sucesso</translation>
    </message>
    <message>
        <source>Failed runs</source>
        <translation>Execuções com falha</translation>
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
        <source>Show only rows with this action</source>
        <translation>Mostrar só as linhas com esta ação</translation>
    </message>
    <message>
        <source>Search action and details…</source>
        <translation>Buscar na ação e nos detalhes…</translation>
    </message>
</context>
<context>
    <name>HistoryFormat</name>
    <message>
        <source>Success</source>
        <translation>Sucesso</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
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
        <source>%1 rows, loading more…</source>
        <translation>%1 linhas, carregando mais…</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 linhas</translation>
    </message>
    <message>
        <source>%1 rows so far (scroll for more)</source>
        <translation>%1 linhas até agora (role para ver mais)</translation>
    </message>
    <message>
        <source> · last page %1 ms</source>
        <translation> · última página em %1 ms</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Execuções</translation>
    </message>
</context>
<context>
    <name>JobActionController</name>
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
        <translation>%1 ativado</translation>
    </message>
    <message>
        <source>Disabled %1</source>
        <translation>%1 desativado</translation>
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
        <source>Not yet: the embedded runner arrives with the Runner work</source>
        <translation type="vanished">Ainda não: o executor embutido chega com o trabalho do Runner</translation>
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
        <source>Run the jobs named in this workstation&apos;s runner config</source>
        <translation>Executar os jobs indicados na configuração do executor desta estação</translation>
    </message>
</context>
<context>
    <name>JobClient</name>
    <message>
        <source>no schedule given</source>
        <translation type="unfinished">nenhum agendamento informado</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation type="unfinished">ação desconhecida</translation>
    </message>
    <message>
        <source>The database role %1 may not change cron_jobs (read-only access).</source>
        <translation type="unfinished">O papel %1 do banco de dados não pode alterar cron_jobs (acesso somente leitura).</translation>
    </message>
    <message>
        <source>The database file %1 is read-only for you.</source>
        <translation type="unfinished">O arquivo de banco de dados %1 é somente leitura para você.</translation>
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
        <translation>Lease:</translation>
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
        <source>every %1 h</source>
        <translation type="vanished">a cada %1 h</translation>
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
        <source>none (disabled)</source>
        <translation>nenhuma (desativado)</translation>
    </message>
    <message>
        <source>as soon as a runner checks</source>
        <translation>assim que um executor verificar</translation>
    </message>
    <message>
        <source>unknown (no lease)</source>
        <translation>desconhecido (sem lease)</translation>
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
        <translation>válido até %1 (%2)</translation>
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
    <name>JobTableModel</name>
    <message numerus="yes">
        <source>every %n days</source>
        <translation type="vanished">
            <numerusform>a cada %n dia</numerusform>
            <numerusform>a cada %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>every %1 h</source>
        <translation type="vanished">a cada %1 h</translation>
    </message>
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
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>executar agora</translation>
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
        <translation>Ainda marcado em execução desde %1 (%2), além do lease ou do limite de 2 horas; Resetar o volta para pendente</translation>
    </message>
    <message>
        <source>A runner will start it at its next check</source>
        <translation>Um executor o iniciará na próxima verificação</translation>
    </message>
    <message>
        <source>Lease until %1</source>
        <translation>Lease até %1</translation>
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
        <translation>Última execução</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Próxima execução</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Execuções</translation>
    </message>
    <message>
        <source>Last duration</source>
        <translation>Última duração</translation>
    </message>
    <message>
        <source>Runner</source>
        <translation>Executor</translation>
    </message>
</context>
<context>
    <name>JobWorker</name>
    <message>
        <source>cannot listen for job changes on %1</source>
        <translation type="vanished">não foi possível escutar as mudanças de jobs em %1</translation>
    </message>
    <message>
        <source>The database role %1 may not change cron_jobs (read-only access).</source>
        <translation type="vanished">O papel %1 do banco de dados não pode alterar cron_jobs (acesso somente leitura).</translation>
    </message>
    <message>
        <source>The database file %1 is read-only for you.</source>
        <translation type="vanished">O arquivo de banco de dados %1 é somente leitura para você.</translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation type="vanished">a conexão com %1 foi perdida</translation>
    </message>
    <message>
        <source>cannot read %1 any more</source>
        <translation type="vanished">não é mais possível ler %1</translation>
    </message>
    <message>
        <source>not connected to the database; try again when the connection is back</source>
        <translation type="vanished">sem conexão com o banco de dados; tente de novo quando a conexão voltar</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation type="vanished">ação desconhecida</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="vanished">sem conexão</translation>
    </message>
    <message>
        <source>no schedule given</source>
        <translation type="vanished">nenhum agendamento informado</translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message>
        <source>Search jobs by name, description or runner (Ctrl+F)</source>
        <translation>Buscar jobs por nome, descrição ou executor (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>every %n days</source>
        <translation>
            <numerusform>a cada %n dia</numerusform>
            <numerusform>a cada %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>due now</source>
        <translation>executar agora</translation>
    </message>
    <message>
        <source>59 min ago</source>
        <translation>há 59 min</translation>
    </message>
    <message>
        <source>in 47 h 59 min</source>
        <translation>em 47 h 59 min</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
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
        <translation>Configuração do executor</translation>
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
        <source>Output</source>
        <translation>Saída</translation>
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
        <source> h</source>
        <translation type="vanished"> h</translation>
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
        <source>Run &amp;every:</source>
        <translation type="vanished">Executar a &amp;cada:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Agendamento:</translation>
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
        <translation>agora mesmo</translation>
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
        <source>in %1:%2</source>
        <translation>em %1:%2</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>em %1 h %2 min</translation>
    </message>
    <message>
        <source>in %1 d %2 h</source>
        <translation>em %1 d %2 h</translation>
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
        <translation>um programa que não se identifica (sem lease)</translation>
    </message>
    <message>
        <source>Held by %1, running for %2 (since %3).</source>
        <translation>Com %1, em execução há %2 (desde %3).</translation>
    </message>
    <message>
        <source>Its lease expired %1.</source>
        <translation>O lease expirou %1.</translation>
    </message>
    <message>
        <source>Its lease is valid until %1: the runner may still be working, so a reset is refused unless you force it.</source>
        <translation>O lease vale até %1: o executor ainda pode estar trabalhando, por isso o reset é recusado a menos que você o force.</translation>
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
        <translation>&amp;Forçar: isolar %1 agora; ninguém inicia o job antes de o lease expirar (%2)</translation>
    </message>
</context>
<context>
    <name>RunOutputView</name>
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
    <message>
        <source>Search the output (Enter: next, Shift+Enter: previous)</source>
        <translation>Buscar na saída (Enter: próxima, Shift+Enter: anterior)</translation>
    </message>
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
    <message>
        <source>%1 has no runs yet.</source>
        <translation>%1 ainda não tem execuções.</translation>
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
        <source>%1 of older output not kept (over the job&apos;s cap)</source>
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
    <message>
        <source>There is no runner config yet; insert the template to start one.</source>
        <translation>Ainda não há configuração do executor; insira o modelo para começar uma.</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation type="vanished">%1: não foi possível salvar: %2</translation>
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
        <source>This workstation&apos;s job actions</source>
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
        <source>Started at %1; configured jobs: %2</source>
        <translation>Iniciado em %1; jobs configurados: %2</translation>
    </message>
    <message>
        <source>The runners could not be read: %1</source>
        <translation>Não foi possível ler os executores: %1</translation>
    </message>
    <message>
        <source>This workstation&apos;s job actions (%1)</source>
        <translation>Ações de jobs desta estação (%1)</translation>
    </message>
    <message>
        <source>This workstation&apos;s job actions: %1</source>
        <translation>Ações de jobs desta estação: %1</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
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
        <translation>Runner</translation>
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
        <source>running</source>
        <translation>em andamento</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>plataforma</translation>
    </message>
    <message>
        <source>%1 has no runs yet.</source>
        <translation>%1 ainda não tem execuções.</translation>
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
    <name>ScheduleDialog</name>
    <message>
        <source>Change schedule of %1</source>
        <translation>Alterar o agendamento de %1</translation>
    </message>
    <message>
        <source> h</source>
        <translation type="vanished"> h</translation>
    </message>
    <message>
        <source>&amp;Change schedule</source>
        <translation>&amp;Alterar agendamento</translation>
    </message>
    <message>
        <source>Run &amp;every:</source>
        <translation type="vanished">Executar a &amp;cada:</translation>
    </message>
    <message>
        <source>Job &lt;b&gt;%1&lt;/b&gt; runs every %2 h now.</source>
        <translation type="vanished">O job &lt;b&gt;%1&lt;/b&gt; executa a cada %2 h atualmente.</translation>
    </message>
    <message>
        <source>Enter a whole number of hours from %1 to %2.</source>
        <translation type="vanished">Informe um número inteiro de horas de %1 a %2.</translation>
    </message>
    <message>
        <source>The next run moves to %1 (%2 from now).</source>
        <translation type="vanished">A próxima execução passa para %1 (daqui a %2).</translation>
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
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>disabled</source>
        <translation>desativado</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>executar agora</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>stuck</source>
        <translation>travado</translation>
    </message>
    <message>
        <source>success</source>
        <translation>sucesso</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erro</translation>
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
        <source>Run the jobs named in this workstation&apos;s runner config (%1)</source>
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
        <source>Open a separate demo database with a few jobs (created on first use).</source>
        <translation type="vanished">Abrir um banco de dados de demonstração separado, com alguns jobs (criado no primeiro uso).</translation>
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
