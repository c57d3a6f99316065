#include "demodata.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/store/auditwriter.h"
#include "core/store/jobstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlQuery>

namespace DemoData {

namespace {

struct DemoJob {
    const char *name;
    const char *description;
    int hours;
    bool active;
    // SQL assignments that put the job into its demo state (SQLite times are UTC text).
    const char *state;
};

const DemoJob demoJobs[] = {
    {"limpar_logs_antigos", "Remove registros de log com mais de 90 dias", 24, true,
        "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-20 hours'), "
        "next_run = strftime('%Y-%m-%d %H:%M:%f','now','+4 hours'), total_execucoes = 118, "
        "ultima_duracao_segundos = 12, ultimo_status = 'success', "
        "ultimo_resultado = '{\"linhas_removidas\":48211,\"tabelas\":[\"tenant_logs\","
        "\"access_logs\"]}'"},
    {"backup_banco_noturno", "Backup completo do banco de dados para o storage externo", 24, true,
        "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-27 hours'), "
        "next_run = strftime('%Y-%m-%d %H:%M:%f','now','-3 hours'), total_execucoes = 301, "
        "ultima_duracao_segundos = 1840, ultimo_status = 'running', "
        "running_since = strftime('%Y-%m-%d %H:%M:%f','now','-3 hours','-12 minutes'), "
        "lease_owner = 'srv-backup-01:4812', "
        "lease_expires_at = strftime('%Y-%m-%d %H:%M:%f','now','-3 hours','-11 minutes'), "
        "lease_token = 301"},
    {"enviar_relatorio_semanal", "Envia o relatório semanal de vendas aos gestores", 168, true,
        "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-2 days'), "
        "next_run = strftime('%Y-%m-%d %H:%M:%f','now','+5 days'), total_execucoes = 37, "
        "ultima_duracao_segundos = 9, ultimo_status = 'error', "
        "ultimo_resultado = '{\"error\":\"SMTP 451 4.7.1: servidor temporariamente "
        "indisponível\",\"destinatarios\":14,\"enviados\":0,\"tentativas\":3}', "
        "max_retries = 2, retry_delay_seconds = 300, alert_state = 'failing'"},
    {"sincronizar_estoque", "Atualiza o estoque a partir do ERP", 2, true,
        "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-2 hours','-1 minutes'), "
        "next_run = strftime('%Y-%m-%d %H:%M:%f','now','-1 minutes'), total_execucoes = 2210, "
        "ultima_duracao_segundos = 74, ultimo_status = 'running', "
        "running_since = strftime('%Y-%m-%d %H:%M:%f','now','-40 seconds'), "
        "lease_owner = 'runner-a:2231', "
        "lease_expires_at = strftime('%Y-%m-%d %H:%M:%f','now','+8 hours'), lease_token = 2210"},
    {"importar_precos_fornecedores", "Importa as tabelas de preços dos fornecedores", 6, true,
        "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-7 hours'), "
        "next_run = strftime('%Y-%m-%d %H:%M:%f','now','-1 hours'), total_execucoes = 512, "
        "ultima_duracao_segundos = 203, ultimo_status = 'success', "
        "ultimo_resultado = '{\"fornecedores\":8,\"precos_atualizados\":15320}'"},
    {"aquecer_cache_catalogo", "Pré-carrega o cache do catálogo público", 1, false,
        "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-9 days'), "
        "next_run = strftime('%Y-%m-%d %H:%M:%f','now','-9 days','+1 hours'), "
        "total_execucoes = 4002, ultima_duracao_segundos = 3, ultimo_status = 'success'"},
};

const char *seedJobState
    = "last_run = strftime('%Y-%m-%d %H:%M:%f','now','-3 hours','-17 minutes'), "
      "next_run = strftime('%Y-%m-%d %H:%M:%f','now','+8 hours','+43 minutes'), "
      "total_execucoes = 42, ultima_duracao_segundos = 45, ultimo_status = 'success', "
      "ultimo_resultado = '{\"total_provedores\":12,\"total_novos\":37,"
      "\"total_atualizados\":215}'";

struct DemoRun {
    const char *job;
    const char *action;
    const char *status;
    int duration;
    const char *runner;
    const char *age; // SQLite modifier for created_at
    const char *result; // extra JSON members
};

const DemoRun demoRuns[] = {
    {"sgp_sync_inteligente", "sync_automatico_persistente", "success", 51, "runner-a:2231",
        "-15 hours", "{\"total_provedores\":12,\"total_novos\":20,\"total_atualizados\":198}"},
    {"sgp_sync_inteligente", "sync_automatico_persistente", "success", 45, "runner-a:2231",
        "-3 hours", "{\"total_provedores\":12,\"total_novos\":37,\"total_atualizados\":215}"},
    {"limpar_logs_antigos", "cron_job_success", "success", 12, "runner-a:2231", "-20 hours",
        "{\"linhas_removidas\":48211}"},
    {"enviar_relatorio_semanal", "cron_job_error", "error", 9, "runner-b:1877", "-2 days",
        "{\"error\":\"SMTP 451 4.7.1: servidor temporariamente indisponível\"}"},
    {"importar_precos_fornecedores", "cron_job_success", "success", 203, "runner-b:1877",
        "-7 hours", "{\"fornecedores\":8,\"precos_atualizados\":15320}"},
};

Status exec(Database &database, const QString &sql)
{
    QSqlQuery query(database.handle());
    if (!query.exec(sql))
        return SqlErrors::fromQuery(query, database.backend(), QStringLiteral("demo data"));
    return {};
}

Result<qint64> count(Database &database, const QString &sql)
{
    QSqlQuery query(database.handle());
    if (!query.exec(sql) || !query.next())
        return SqlErrors::fromQuery(query, database.backend(), QStringLiteral("demo data"));
    return query.value(0).toLongLong();
}

} // namespace

Status seedIfEmpty(Database &database)
{
    if (database.backend() != Backend::SQLite)
        return {};
    const auto jobs = count(database, QStringLiteral("SELECT COUNT(*) FROM cron_jobs"));
    if (!jobs)
        return jobs.error();
    const auto logs = count(database, QStringLiteral("SELECT COUNT(*) FROM tenant_logs"));
    if (!logs)
        return logs.error();
    if (*jobs > 1 || *logs > 0)
        return {};

    // Admin actions go through the store, so the demo's audit rows are real ones.
    JobStore store(database);
    ActionOptions options;
    options.reason = QStringLiteral("demo");
    for (const DemoJob &demo : demoJobs) {
        const NewJob job{
            QString::fromUtf8(demo.name), QString::fromUtf8(demo.description), demo.hours, true};
        if (const auto added = store.addJob(job, options); !added)
            return added.error();
        if (!demo.active) {
            if (const auto disabled = store.setActive(job.name, false, options); !disabled)
                return disabled.error();
        }
        if (const Status state = exec(database,
                QStringLiteral("UPDATE cron_jobs SET %1 WHERE nome = '%2'")
                    .arg(QString::fromUtf8(demo.state), job.name));
            !state)
            return state;
    }
    // Jobs only the demo runner runs: one on a cron expression every minute, one that prints a
    // lot of output.
    NewJob queue{QStringLiteral("verificar_fila_pedidos"),
        QStringLiteral("Confere a fila de pedidos pendentes a cada minuto"), 12, true};
    queue.cronExpression = QStringLiteral("* * * * *");
    queue.timeZone = QStringLiteral("America/Sao_Paulo");
    if (const auto added = store.addJob(queue, options); !added)
        return added.error();
    const NewJob catalog{QStringLiteral("exportar_catalogo_completo"),
        QStringLiteral("Gera o arquivo completo do catálogo para parceiros"), 1, true};
    if (const auto added = store.addJob(catalog, options); !added)
        return added.error();

    if (const Status state = exec(database,
            QStringLiteral("UPDATE cron_jobs SET %1 WHERE nome = 'sgp_sync_inteligente'")
                .arg(QString::fromUtf8(seedJobState)));
        !state)
        return state;

    // Executions as a runner writes them: {job, status, duracao_segundos, runner, ...result}.
    for (const DemoRun &run : demoRuns) {
        QJsonObject details = QJsonDocument::fromJson(QByteArray(run.result)).object();
        details.insert(QStringLiteral("job"), QString::fromUtf8(run.job));
        details.insert(QStringLiteral("status"), QString::fromUtf8(run.status));
        details.insert(QStringLiteral("duracao_segundos"), run.duration);
        details.insert(QStringLiteral("runner"), QString::fromUtf8(run.runner));
        if (const Status written
            = AuditWriter::insert(database, QString::fromUtf8(run.action), details);
            !written)
            return written;
        if (const Status dated = exec(database,
                QStringLiteral("UPDATE tenant_logs SET created_at = "
                               "strftime('%Y-%m-%d %H:%M:%f','now','%1') "
                               "WHERE id = (SELECT MAX(id) FROM tenant_logs)")
                    .arg(QString::fromUtf8(run.age)));
            !dated)
            return dated;
    }
    return {};
}

Status makeSomeDue(Database &database)
{
    if (database.backend() != Backend::SQLite)
        return {};
    // Staggered, so they start one after another; a job already running keeps its state.
    // exportar_catalogo_completo has never run, so it starts at once: a next_run 35 s ahead
    // made it run a second time then (interval jobs keep their planned slot).
    const struct {
        const char *name;
        int seconds;
    } due[] = {
        {"sgp_sync_inteligente", 8},
        {"importar_precos_fornecedores", 20},
        {"limpar_logs_antigos", 50},
    };
    for (const auto &job : due) {
        if (const Status moved = exec(database,
                QStringLiteral("UPDATE cron_jobs SET next_run = "
                               "strftime('%Y-%m-%d %H:%M:%f','now','+%1 seconds') "
                               "WHERE nome = '%2' AND ativo = 1 AND "
                               "COALESCE(ultimo_status, '') <> 'running'")
                    .arg(job.seconds)
                    .arg(QLatin1String(job.name)));
            !moved)
            return moved;
    }
    return {};
}

namespace {

QJsonObject shell(const QString &script, int timeoutSeconds)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("command")},
        {QStringLiteral("program"), QStringLiteral("/bin/sh")},
        {QStringLiteral("args"), QJsonArray{QStringLiteral("-c"), script}},
        {QStringLiteral("timeout_seconds"), timeoutSeconds},
    };
}

} // namespace

Status writeRunnerConfig(const QString &filePath)
{
    QJsonObject jobs;
    jobs.insert(QStringLiteral("sgp_sync_inteligente"),
        shell(QStringLiteral("sleep 4; echo '{\"ok\": true, \"total_provedores\": 12, "
                             "\"total_novos\": 3, \"total_atualizados\": 41}'"),
            60));
    jobs.insert(QStringLiteral("limpar_logs_antigos"),
        shell(QStringLiteral("sleep 3; echo '{\"ok\": true, \"linhas_removidas\": 1532}'"), 60));
    jobs.insert(QStringLiteral("importar_precos_fornecedores"),
        shell(QStringLiteral("sleep 5; echo 'fornecedor 3: tempo esgotado ao baixar a tabela' >&2; "
                             "exit 1"),
            60));
    jobs.insert(QStringLiteral("exportar_catalogo_completo"),
        shell(QStringLiteral("sleep 3; i=0; while [ $i -lt 20000 ]; do "
                             "echo \"produto $i;Produto de demonstração $i;19.90\"; "
                             "i=$((i+1)); done"),
            120));
    jobs.insert(QStringLiteral("verificar_fila_pedidos"),
        shell(QStringLiteral("sleep 2; echo '{\"ok\": true, \"pedidos_pendentes\": 7}'"), 50));
    const QJsonObject config{
        {QStringLiteral("runner_name"), QStringLiteral("demo-workstation")},
        {QStringLiteral("max_poll_seconds"), 10},
        {QStringLiteral("lease_seconds"), 30},
        {QStringLiteral("grace_seconds"), 5},
        {QStringLiteral("max_concurrent_jobs"), 4},
        {QStringLiteral("jobs"), jobs},
    };
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(config).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return Error::config(QStringLiteral("%1: %2").arg(filePath, file.errorString()));
    return {};
}

std::function<Status(Database &)> primer()
{
    return [primed = false](Database &database) mutable -> Status {
        if (const Status seeded = seedIfEmpty(database); !seeded)
            return seeded;
        if (!primed) {
            if (const Status due = makeSomeDue(database); !due)
                return due;
            primed = true;
        }
        return {};
    };
}

} // namespace DemoData
