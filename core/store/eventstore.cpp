#include "core/store/eventstore.h"

#include "core/db/database.h"
#include "core/store/statusjson.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EventStore)
};

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

namespace EventStore {

Result<bool> add(Database &database, const QString &event, const QString &job,
    const QString &runner, const QString &dedupeKey, QJsonObject payload)
{
    payload.insert(QStringLiteral("event"), event);
    if (!payload.contains(QStringLiteral("at")))
        payload.insert(QStringLiteral("at"), StatusJson::isoTime(QDateTime::currentDateTimeUtc()));
    if (!job.isEmpty())
        payload.insert(QStringLiteral("job"), job);
    if (!runner.isEmpty())
        payload.insert(QStringLiteral("runner"), runner);
    const auto query = database.run(
        QStringLiteral("INSERT INTO cron_events (event, job, runner, dedupe_key, payload) "
                       "VALUES (:event, :job, :runner, :key, %1) ON CONFLICT (dedupe_key) "
                       "DO NOTHING")
            .arg(database.dialect().json(QStringLiteral(":payload"))),
        {{QStringLiteral("event"), event}, {QStringLiteral("job"), nullable(job)},
            {QStringLiteral("runner"), nullable(runner)}, {QStringLiteral("key"), dedupeKey},
            {QStringLiteral("payload"), compact(payload)}},
        Text::tr("adding the %1 event").arg(event));
    if (!query)
        return query.error();
    return (*query)->numRowsAffected() > 0;
}

Result<QList<Event>> claim(Database &database, const QString &owner, int limit, int holdSeconds)
{
    const SqlDialect &d = database.dialect();
    const QString claimable
        = QStringLiteral("delivered_at IS NULL AND attempts < :max AND (claimed_by IS NULL OR "
                         "claim_expires_at IS NULL OR claim_expires_at <= %1)")
              .arg(d.now());
    const QString set = QStringLiteral("claimed_by = :owner, claimed_at = %1, claim_expires_at = "
                                       "%2, attempts = attempts + 1")
                            .arg(d.now(), d.clockPlusSeconds(QStringLiteral(":hold")));
    // PostgreSQL: the picked set fixed once (DESIGN.md), rows another runner is claiming
    // skipped. SQLite: one statement, atomic under the file's write lock.
    const QString sql = d.isPostgres()
        ? QStringLiteral("WITH picked AS MATERIALIZED (SELECT id AS picked_id FROM cron_events "
                         "WHERE %1 ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) "
                         "UPDATE cron_events SET %2 FROM picked WHERE id = picked.picked_id "
                         "RETURNING id, payload::text, attempts")
              .arg(claimable, set)
        : QStringLiteral("UPDATE cron_events SET %2 WHERE id IN (SELECT id FROM cron_events "
                         "WHERE %1 ORDER BY id LIMIT :limit) RETURNING id, payload, attempts")
              .arg(claimable, set);
    const auto query = database.run(sql,
        {{QStringLiteral("owner"), owner}, {QStringLiteral("limit"), limit},
            {QStringLiteral("max"), maxAttempts}, {QStringLiteral("hold"), holdSeconds}},
        Text::tr("claiming events to notify"));
    if (!query)
        return query.error();
    QList<Event> events;
    while ((*query)->next())
        events << Event{(*query)->value(0).toLongLong(),
            QJsonDocument::fromJson((*query)->value(1).toString().toUtf8()).object(),
            (*query)->value(2).toInt()};
    (*query)->finish();
    std::sort(
        events.begin(), events.end(), [](const Event &a, const Event &b) { return a.id < b.id; });
    return events;
}

Status markDelivered(Database &database, qint64 id)
{
    const auto query = database.run(
        QStringLiteral("UPDATE cron_events SET delivered_at = %1, delivery_error = NULL, "
                       "claim_expires_at = NULL WHERE id = :id")
            .arg(database.dialect().now()),
        {{QStringLiteral("id"), id}}, Text::tr("noting a delivered event"));
    if (!query)
        return query.error();
    return {};
}

Status markFailed(Database &database, qint64 id, const QString &error, qint64 retrySeconds)
{
    const auto query = database.run(
        QStringLiteral("UPDATE cron_events SET delivery_error = :error, claim_expires_at = %1 "
                       "WHERE id = :id")
            .arg(database.dialect().clockPlusSeconds(QStringLiteral(":retry"))),
        {{QStringLiteral("error"), error}, {QStringLiteral("retry"), retrySeconds},
            {QStringLiteral("id"), id}},
        Text::tr("noting a failed delivery"));
    if (!query)
        return query.error();
    return {};
}

} // namespace EventStore
