#include "db/migrator.h"

#include "db/concurrentmigration.h"
#include "db/database.h"
#include "db/sqlerrors.h"
#include "db/sqlscript.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Migrator", text);
}

// Any fixed number: migrators on several machines take turns on it.
constexpr qint64 migrationLockKey = 0x63726f6e636f6eLL; // "croncon"

QString folderFor(Backend backend)
{
    return backend == Backend::PostgreSQL ? QStringLiteral(":/sql/postgresql")
                                          : QStringLiteral(":/sql/sqlite");
}

} // namespace

Migrator::Migrator(Database &database)
    : m_database(database)
{ }

QList<Migrator::Migration> Migrator::available() const
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_(.+)\\.sql$"));
    QList<Migration> migrations;
    QDirIterator it(folderFor(m_database.backend()), {QStringLiteral("*.sql")}, QDir::Files);
    while (it.hasNext()) {
        it.next();
        const auto match = namePattern.match(it.fileName());
        if (!match.hasMatch())
            continue;
        QFile file(it.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Migration migration;
        migration.version = match.captured(1).toInt();
        migration.name = match.captured(2);
        migration.script = QString::fromUtf8(file.readAll());
        migration.transactional
            = !migration.script.startsWith(QLatin1String("-- cron-console: no-transaction"));
        migrations << migration;
    }
    std::sort(migrations.begin(), migrations.end(),
        [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return migrations;
}

int Migrator::latestVersion() const
{
    const QList<Migration> all = available();
    return all.isEmpty() ? 0 : all.constLast().version;
}

Result<int> Migrator::currentVersion() const
{
    QSqlQuery query(m_database.handle());
    const QString exists = m_database.backend() == Backend::PostgreSQL
        ? QStringLiteral("SELECT to_regclass('cron_console_migrations') IS NOT NULL")
        : QStringLiteral("SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = "
                         "'cron_console_migrations'");
    if (!query.exec(exists) || !query.next())
        return SqlErrors::fromQuery(query, m_database.backend(), tr("reading the schema version"));
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM cron_console_migrations"))
        || !query.next())
        return SqlErrors::fromQuery(query, m_database.backend(), tr("reading the schema version"));
    return query.value(0).toInt();
}

Status Migrator::checkUpToDate() const
{
    const Result<int> current = currentVersion();
    if (!current)
        return current.error();
    const int latest = latestVersion();
    if (*current == latest)
        return {};
    if (*current > latest)
        return Error::schema(tr("the database schema is at version %1, newer than this program "
                                "knows (%2); upgrade Cron Console")
                                 .arg(*current)
                                 .arg(latest));
    return Error::schema(tr("the database schema is at version %1 of %2; run \"cronctl migrate\" "
                            "with a role that may create tables and functions")
                             .arg(*current)
                             .arg(latest));
}

Status Migrator::ensureVersionTable()
{
    QSqlQuery query(m_database.handle());
    const QString ddl = m_database.backend() == Backend::PostgreSQL
        ? QStringLiteral("CREATE TABLE IF NOT EXISTS cron_console_migrations ("
                         "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         "applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), "
                         "applied_by TEXT NOT NULL DEFAULT current_user)")
        : QStringLiteral(
            "CREATE TABLE IF NOT EXISTS cron_console_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')))");
    if (!query.exec(ddl))
        return SqlErrors::fromQuery(
            query, m_database.backend(), tr("creating the schema version table"));
    return {};
}

Status Migrator::apply(const Migration &migration)
{
    // A migration that sets lock_timeout gives up waiting for a busy table instead of queueing
    // the platform's queries behind it; it is rolled back whole and tried again a few times.
    constexpr int attempts = 5;
    for (int attempt = 1;; ++attempt) {
        bool lockTimedOut = false;
        const Status status = applyOnce(migration, &lockTimedOut);
        if (status || !lockTimedOut || attempt == attempts)
            return status;
        QThread::msleep(500UL * attempt);
    }
}

Status Migrator::applyOnce(const Migration &migration, bool *lockTimedOut)
{
    if (!migration.transactional && m_database.backend() == Backend::PostgreSQL)
        return applyConcurrently(migration, lockTimedOut);
    QSqlQuery query(m_database.handle());
    const Backend backend = m_database.backend();
    const QString what = tr("applying migration %1 (%2)")
                             .arg(migration.version, 4, 10, QLatin1Char('0'))
                             .arg(migration.name);
    auto fail = [&](const QSqlQuery &failed) {
        *lockTimedOut = failed.lastError().nativeErrorCode() == QLatin1String("55P03");
        const Error error = SqlErrors::fromQuery(failed, backend, what);
        if (migration.transactional) {
            QSqlQuery rollback(m_database.handle());
            rollback.exec(QStringLiteral("ROLLBACK"));
        }
        return error;
    };
    if (migration.transactional
        && !query.exec(backend == Backend::SQLite ? QStringLiteral("BEGIN IMMEDIATE")
                                                  : QStringLiteral("BEGIN")))
        return fail(query);
    for (const QString &statement : SqlScript::split(migration.script)) {
        if (!query.exec(statement))
            return fail(query);
    }
    QSqlQuery record(m_database.handle());
    record.prepare(QStringLiteral("INSERT INTO cron_console_migrations (version, name) "
                                  "VALUES (:version, :name)"));
    record.bindValue(QStringLiteral(":version"), migration.version);
    record.bindValue(QStringLiteral(":name"), migration.name);
    if (!record.exec())
        return fail(record);
    if (migration.transactional && !query.exec(QStringLiteral("COMMIT")))
        return fail(query);
    return {};
}

Status Migrator::applyConcurrently(const Migration &migration, bool *lockTimedOut)
{
    const QString what = tr("applying migration %1 (%2)")
                             .arg(migration.version, 4, 10, QLatin1Char('0'))
                             .arg(migration.name);
    ConcurrentMigration run(m_database, what);
    return run.run(migration.script,
        QStringLiteral("INSERT INTO cron_console_migrations (version, name) VALUES (?, ?)"),
        {migration.version, migration.name}, lockTimedOut);
}

Result<QStringList> Migrator::migrate()
{
    const Backend backend = m_database.backend();
    QSqlQuery lock(m_database.handle());
    if (backend == Backend::PostgreSQL) {
        // Session-level, so it also covers the migrations that run outside a transaction.
        lock.prepare(QStringLiteral("SELECT pg_advisory_lock(:key)"));
        lock.bindValue(QStringLiteral(":key"), migrationLockKey);
        if (!lock.exec())
            return SqlErrors::fromQuery(lock, backend, tr("waiting for other migrators"));
    }
    auto unlock = qScopeGuard([&] {
        if (backend == Backend::PostgreSQL) {
            QSqlQuery unlockQuery(m_database.handle());
            unlockQuery.prepare(QStringLiteral("SELECT pg_advisory_unlock(:key)"));
            unlockQuery.bindValue(QStringLiteral(":key"), migrationLockKey);
            unlockQuery.exec();
        }
    });

    const Result<int> current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return checkUpToDate().error();
    if (*current == latestVersion())
        return QStringList(); // up to date: no DDL at all, so a read-only role may call this
    if (const Status created = ensureVersionTable(); !created)
        return created.error();
    QStringList applied;
    for (const Migration &migration : available()) {
        if (migration.version <= *current)
            continue;
        if (const Status status = apply(migration); !status)
            return status.error();
        applied << QStringLiteral("%1_%2")
                       .arg(migration.version, 4, 10, QLatin1Char('0'))
                       .arg(migration.name);
    }
    return applied;
}
