#include "core/store/statusjson.h"

#include "core/domain/historyentry.h"
#include "core/domain/jobrules.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace StatusJson {

QJsonValue isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    const QDateTime utc = time.toUTC();
    return utc.time().msec() == 0 ? utc.toString(Qt::ISODate) : utc.toString(Qt::ISODateWithMs);
}

namespace {

QJsonValue jsonOrNull(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(text); // keep what was stored rather than lose it
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QString::fromUtf8(text);
}

QJsonValue optionalInt(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject seedJob(const Job &job)
{
    const QDateTime now = job.readAt.isValid() ? job.readAt : QDateTime::currentDateTimeUtc();
    return QJsonObject{
        {QStringLiteral("nome"), job.name},
        {QStringLiteral("descricao"), job.description},
        {QStringLiteral("intervalo_horas"), job.intervalHours},
        {QStringLiteral("ativo"), job.active},
        {QStringLiteral("last_run"), isoTime(job.lastRun)},
        {QStringLiteral("next_run"), isoTime(job.nextRun)},
        {QStringLiteral("total_execucoes"), job.totalRuns},
        {QStringLiteral("ultima_duracao_segundos"), optionalInt(job.lastDurationSeconds)},
        {QStringLiteral("ultimo_status"),
            job.lastStatus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.lastStatus)},
        {QStringLiteral("deve_executar_agora"), JobRules::shouldRun(job, now)},
        {QStringLiteral("status_descricao"), JobRules::seedStatusDescription(job, now)},
    };
}

QJsonObject seedStatus(const QList<Job> &jobs)
{
    QJsonArray array;
    for (const Job &job : jobs)
        array.append(seedJob(job));
    return QJsonObject{
        {QStringLiteral("success"), true},
        {QStringLiteral("versao"), QStringLiteral("persistente")},
        {QStringLiteral("cron_jobs"), array},
    };
}

QJsonObject snapshot(const Job &job)
{
    QJsonObject object = seedJob(job);
    object.remove(QStringLiteral("deve_executar_agora"));
    object.remove(QStringLiteral("status_descricao"));
    object.insert(QStringLiteral("row_version"), job.rowVersion);
    object.insert(QStringLiteral("lease_owner"),
        job.leaseOwner.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.leaseOwner));
    object.insert(QStringLiteral("lease_expires_at"), isoTime(job.leaseExpiresAt));
    object.insert(QStringLiteral("running_since"), isoTime(job.runningSince));
    object.insert(QStringLiteral("cron_expression"),
        job.cronExpression.isEmpty() ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(job.cronExpression));
    object.insert(QStringLiteral("schedule_timezone"),
        job.timeZone.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.timeZone));
    // Only after a forced reset, so the shape of earlier audit rows stays as it was.
    if (job.claimableAfter.isValid())
        object.insert(QStringLiteral("claimable_after"), isoTime(job.claimableAfter));
    return object;
}

QJsonObject historyEntry(const HistoryEntry &entry)
{
    return QJsonObject{
        {QStringLiteral("id"), QJsonValue::fromVariant(entry.id)},
        {QStringLiteral("created_at"), isoTime(entry.createdAt)},
        {QStringLiteral("acao"), entry.action},
        {QStringLiteral("job"), entry.job},
        {QStringLiteral("status"),
            entry.status.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.status)},
        {QStringLiteral("duracao_segundos"),
            entry.durationSeconds ? QJsonValue(*entry.durationSeconds)
                                  : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("runner"),
            entry.runner.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.runner)},
        {QStringLiteral("detalhes"), jsonOrNull(entry.detailsJson)},
    };
}

} // namespace StatusJson
