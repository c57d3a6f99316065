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

Result<QList<Event>> claim(Database &database, const QString &owner, int limit)
{
    const SqlDialect &d = database.dialect();
    // PostgreSQL: the picked set fixed once (DESIGN.md), rows another runner is claiming
    // skipped. SQLite: one statement, atomic under the file's write lock.
    const QString sql = d.isPostgres()
        ? QStringLiteral("WITH picked AS MATERIALIZED (SELECT id AS picked_id FROM cron_events "
                         "WHERE claimed_by IS NULL ORDER BY id LIMIT :limit "
                         "FOR UPDATE SKIP LOCKED) "
                         "UPDATE cron_events SET claimed_by = :owner, claimed_at = %1 "
                         "FROM picked WHERE id = picked.picked_id AND claimed_by IS NULL "
                         "RETURNING id, payload::text")
              .arg(d.now())
        : QStringLiteral("UPDATE cron_events SET claimed_by = :owner, claimed_at = %1 "
                         "WHERE id IN (SELECT id FROM cron_events WHERE claimed_by IS NULL "
                         "ORDER BY id LIMIT :limit) AND claimed_by IS NULL "
                         "RETURNING id, payload")
              .arg(d.now());
    const auto query
        = database.run(sql, {{QStringLiteral("owner"), owner}, {QStringLiteral("limit"), limit}},
            Text::tr("claiming events to notify"));
    if (!query)
        return query.error();
    QList<Event> events;
    while ((*query)->next())
        events << Event{(*query)->value(0).toLongLong(),
            QJsonDocument::fromJson((*query)->value(1).toString().toUtf8()).object()};
    (*query)->finish();
    std::sort(
        events.begin(), events.end(), [](const Event &a, const Event &b) { return a.id < b.id; });
    return events;
}

Status markDelivered(Database &database, qint64 id, const QString &error)
{
    const auto query = database.run(
        QStringLiteral("UPDATE cron_events SET delivered_at = %1, delivery_error = :error "
                       "WHERE id = :id")
            .arg(database.dialect().now()),
        {{QStringLiteral("error"), nullable(error)}, {QStringLiteral("id"), id}},
        Text::tr("noting a delivered event"));
    if (!query)
        return query.error();
    return {};
}

} // namespace EventStore
