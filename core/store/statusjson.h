#pragma once

#include <QJsonObject>
#include <QList>

struct Job;
struct HistoryEntry;

// JSON shapes other programs read: the seed's GET /api/admin/sync-cron response, and the job
// snapshots in audit rows.
namespace StatusJson {

// One element of cron_jobs[] in the seed's response, with its computed fields.
QJsonObject seedJob(const Job &job);
// {"success": true, "versao": "persistente", "cron_jobs": [...]}
QJsonObject seedStatus(const QList<Job> &jobs);
// The job's state before/after an admin action (audit rows).
QJsonObject snapshot(const Job &job);
QJsonObject historyEntry(const HistoryEntry &entry);
// ISO-8601 UTC ("2025-01-22T10:30:00Z"), or null for an invalid time.
QJsonValue isoTime(const QDateTime &time);

} // namespace StatusJson
