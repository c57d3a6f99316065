#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

class Database;

// Alerts for the runners' notify action (issue 17), in cron_events. Each event exists once
// (its dedupe key: one failure per streak, one overdue per slot) and is delivered by the runner
// that claims it, however many share the database. A claim holds the event for a while: when
// its runner dies or is cut off before it says how the delivery went, the event is claimed
// again once the hold has passed; a failed delivery is tried again after a backoff, at most
// maxAttempts times in all.
namespace EventStore {

struct Event {
    qint64 id = 0;
    QJsonObject payload; // event, job or runner, at, message, outcome…
    int attempts = 0; // this one included
};

constexpr int maxAttempts = 5;

// Adds the event unless one with this key exists; true when it was added. The payload gets
// "event", "at" (the database clock, ISO-8601) and the job or runner.
Result<bool> add(Database &database, const QString &event, const QString &job,
    const QString &runner, const QString &dedupeKey, QJsonObject payload);
// Claims up to `limit` undelivered events, oldest first: unclaimed ones and those whose hold
// expired, with attempts left. Each is held for `holdSeconds` (the delivery's own timeout plus
// a margin, so a live claimer is never overtaken).
Result<QList<Event>> claim(Database &database, const QString &owner, int limit, int holdSeconds);
// After the notify action: delivered.
Status markDelivered(Database &database, qint64 id);
// The delivery failed: kept with its error, tried again after `retrySeconds`.
Status markFailed(Database &database, qint64 id, const QString &error, qint64 retrySeconds);

} // namespace EventStore
