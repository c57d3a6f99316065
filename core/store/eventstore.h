#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

class Database;

// Alerts for the runners' notify action (issue 17), in cron_events. Each event exists once
// (its dedupe key: one failure per streak, one overdue per slot) and is delivered once: the
// runner that claims it delivers it, however many share the database.
namespace EventStore {

struct Event {
    qint64 id = 0;
    QJsonObject payload; // event, job or runner, at, message, outcome…
};

// Adds the event unless one with this key exists; true when it was added. The payload gets
// "event", "at" (the database clock, ISO-8601) and the job or runner.
Result<bool> add(Database &database, const QString &event, const QString &job,
    const QString &runner, const QString &dedupeKey, QJsonObject payload);
// Claims up to `limit` events nobody has claimed, oldest first.
Result<QList<Event>> claim(Database &database, const QString &owner, int limit);
// After the notify action: delivered (error empty) or why not.
Status markDelivered(Database &database, qint64 id, const QString &error);

} // namespace EventStore
