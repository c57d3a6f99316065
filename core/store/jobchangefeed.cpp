#include "core/store/jobchangefeed.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/store/jobrow.h"

#include <QSqlError>
#include <QSqlQuery>

Result<JobChanges> JobChangeFeed::read(Database &database, const QString &since)
{
    // One statement, so the snapshot, the count and the rows are one view of the table. The
    // LEFT JOIN returns a row even when nothing changed: it carries the new snapshot.
    const bool everything = since.isEmpty();
    const QString sql = QStringLiteral(
        "WITH seen AS (SELECT pg_current_snapshot()::text AS snapshot, "
        "(SELECT count(*) FROM cron_jobs) AS total) "
        "SELECT %1, seen.snapshot, seen.total FROM seen LEFT JOIN cron_jobs ON %2 ORDER BY nome")
                            .arg(JobRow::selectList(database.dialect()),
                                everything ? QStringLiteral("TRUE")
                                           : QStringLiteral("NOT pg_visible_in_snapshot("
                                                            "cron_jobs.change_xid, "
                                                            "CAST(:since AS pg_snapshot))"));
    QVariantMap values;
    if (!everything)
        values.insert(QStringLiteral("since"), since);
    const QString what = tr("reading the job list");
    const auto query = database.run(sql, values, what);
    if (!query)
        return query.error();
    QSqlQuery &rows = **query;
    const int snapshotColumn = JobRow::columnCount();
    JobChanges changes;
    while (rows.next()) {
        if (changes.snapshot.isEmpty()) {
            changes.snapshot = rows.value(snapshotColumn).toString();
            changes.total = rows.value(snapshotColumn + 1).toLongLong();
        }
        if (!rows.value(0).isNull()) // the one row of "nothing changed"
            changes.jobs.append(JobRow::read(rows));
    }
    if (rows.lastError().isValid())
        return SqlErrors::fromQuery(rows, database.backend(), what);
    rows.finish();
    return changes;
}
