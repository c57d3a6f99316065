// Migrator's SQLite path: the embedded database is created on first use by whichever program
// opens it first, and several may do so at the same instant (a console and a runner started
// together). The version is read and the missing migrations applied under one write lock.
#include "core/db/migrator.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/db/sqlitebusy.h"
#include "core/db/sqlitescriptrunner.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>

Result<QStringList> Migrator::migrateSqlite()
{
    // Up to date, the common case: a read, no lock, so a read-only file opens too.
    Result<int> current = 0;
    const Status read = SqliteBusy::retry([&] {
        current = currentVersion();
        return current ? Status() : Status(current.error());
    });
    if (!read)
        return read.error();
    if (*current > latestVersion())
        return checkUpToDate().error();
    if (*current == latestVersion())
        return QStringList();

    int found = 0;
    Result<QStringList> applied = QStringList();
    const Status done = SqliteBusy::retry([&] {
        applied = migrateSqliteOnce(&found);
        return applied ? Status() : Status(applied.error());
    });
    if (!done)
        return done.error();
    if (found > latestVersion()) // a newer program got there first
        return checkUpToDate().error();
    return applied;
}

Result<QStringList> Migrator::migrateSqliteOnce(int *foundVersion)
{
    const Backend backend = m_database.backend();
    QSqlQuery control(m_database.handle());
    // The write lock before the version is read: whoever holds it sees the version the others
    // left, and nobody else applies anything meanwhile. The busy timeout waits for the holder.
    if (!control.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return SqlErrors::fromQuery(control, backend,
            tr("waiting for other programs using %1").arg(m_database.spec().filePath));
    auto rollback = qScopeGuard([this] {
        QSqlQuery undo(m_database.handle());
        undo.exec(QStringLiteral("ROLLBACK"));
    });
    if (const Status created = ensureVersionTable(); !created)
        return created.error();
    const Result<int> current = currentVersion();
    if (!current)
        return current.error();
    *foundVersion = *current;
    if (*current >= latestVersion())
        return QStringList(); // another program migrated it while we waited for the lock

    // Every missing migration in this one transaction: the file is at the version before or at
    // the latest, never in between.
    QStringList applied;
    for (const Migration &migration : available()) {
        if (migration.version <= *current)
            continue;
        const QString what = tr("applying migration %1 (%2)")
                                 .arg(migration.version, 4, 10, QLatin1Char('0'))
                                 .arg(migration.name);
        if (const Status ran = SqliteScriptRunner::run(m_database, migration.script, what); !ran)
            return ran.error();
        QSqlQuery record(m_database.handle());
        record.prepare(QStringLiteral("INSERT INTO cron_console_migrations (version, name) "
                                      "VALUES (:version, :name)"));
        record.bindValue(QStringLiteral(":version"), migration.version);
        record.bindValue(QStringLiteral(":name"), migration.name);
        if (!record.exec())
            return SqlErrors::fromQuery(record, backend, what);
        applied << QStringLiteral("%1_%2")
                       .arg(migration.version, 4, 10, QLatin1Char('0'))
                       .arg(migration.name);
    }
    if (!control.exec(QStringLiteral("COMMIT")))
        return SqlErrors::fromQuery(
            control, backend, tr("saving the schema of %1").arg(m_database.spec().filePath));
    rollback.dismiss();
    return applied;
}
