#include "core/db/migrator.h"

#include "core/db/concurrentmigration.h"
#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/db/sqlscript.h"

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

// Any fixed number: migrators on several machines take turns on it.
constexpr qint64 migrationLockKey = 0x63726f6e636f6eLL; // "croncon"

// SQLSTATE raised by a preflight migration that refuses the database as it is (0009).
const QLatin1String refusedState("CC001");

// The whole server message of a refusal (every refused object and the hint), not only the first
// line SqlErrors keeps; the PL/pgSQL context lines say nothing to an operator.
QString refusalText(const QSqlError &error)
{
    QStringList lines;
    for (QString line : error.databaseText().split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QLatin1String("CONTEXT:")))
            break;
        if (line.startsWith(QLatin1String("ERROR:")))
            line = line.mid(6).trimmed();
        if (!line.isEmpty())
            lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

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
        migration.preflight
            = migration.script.startsWith(QLatin1String("-- cron-console: preflight"));
        for (const QString &line : migration.script.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("--")))
                break;
            if (!line.startsWith(QLatin1String("-- cron-console:"))) {
                migration.summary = line.mid(2).trimmed();
                break;
            }
        }
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
    // A migration gives up waiting for a busy table after lock_timeout instead of queueing the
    // platform's queries behind it; it is rolled back whole and tried again a little later.
    constexpr int attempts = 10;
    for (int attempt = 1;; ++attempt) {
        bool lockTimedOut = false;
        Status status = applyOnce(migration, &lockTimedOut);
        if (status || !lockTimedOut)
            return status;
        if (attempt == attempts) {
            Error error = status.error();
            error.message = tr("%1 (tried %2 times: a long transaction holds a table this "
                               "migration changes, see pg_stat_activity; nothing of this "
                               "migration was changed, run migrate again later)")
                                .arg(error.message)
                                .arg(attempts);
            return error;
        }
        QThread::msleep(qMin(500UL * attempt, 3000UL));
    }
}

// PostgreSQL only: SQLite upgrades run in migrateSqlite().
Status Migrator::applyOnce(const Migration &migration, bool *lockTimedOut)
{
    if (!migration.transactional)
        return applyConcurrently(migration, lockTimedOut);
    QSqlQuery query(m_database.handle());
    const Backend backend = m_database.backend();
    const QString what = tr("applying migration %1 (%2)")
                             .arg(migration.version, 4, 10, QLatin1Char('0'))
                             .arg(migration.name);
    const qsizetype reportSize = m_report.size();
    auto fail = [&](const QSqlQuery &failed) {
        m_report.resize(reportSize);
        *lockTimedOut = failed.lastError().nativeErrorCode() == QLatin1String("55P03");
        const Error error = SqlErrors::fromQuery(failed, backend, what);
        QSqlQuery rollback(m_database.handle());
        rollback.exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    if (!query.exec(QStringLiteral("BEGIN")))
        return fail(query);
    // DDL on the platform's busy tables waits for its lock at most this long (a migration may
    // set its own), so platform queries never queue behind an ALTER TABLE; apply() retries.
    if (!query.exec(QStringLiteral("SET LOCAL lock_timeout = '1s'")))
        return fail(query);
    const QStringList statements = SqlScript::split(migration.script);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            if (query.lastError().nativeErrorCode() == refusedState) {
                const QSqlError refusal = query.lastError();
                fail(query);
                return Error::schema(tr("%1: %2").arg(what, refusalText(refusal)));
            }
            return fail(query);
        }
    }
    if (migration.preflight && query.isSelect()) {
        while (query.next())
            m_report << query.value(0).toString();
    }
    QSqlQuery record(m_database.handle());
    record.prepare(QStringLiteral("INSERT INTO cron_console_migrations (version, name) "
                                  "VALUES (:version, :name)"));
    record.bindValue(QStringLiteral(":version"), migration.version);
    record.bindValue(QStringLiteral(":name"), migration.name);
    if (!record.exec())
        return fail(record);
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query);
    return {};
}

QList<Migrator::Migration> Migrator::pendingAfter(int version) const
{
    QList<Migration> pending;
    for (const Migration &migration : available()) {
        if (migration.version > version)
            pending << migration;
    }
    return pending;
}

Result<QStringList> Migrator::rehearse(const QList<Migration> &pending)
{
    QStringList report;
    if (m_database.backend() != Backend::PostgreSQL)
        return report;
    QSqlQuery query(m_database.handle());
    auto rollback = qScopeGuard([&] {
        QSqlQuery end(m_database.handle());
        end.exec(QStringLiteral("ROLLBACK"));
    });
    // Earlier pending migrations are not rehearsed with it, so the objects a preflight file
    // refers to may not exist yet: do not check function bodies against them.
    if (!query.exec(QStringLiteral("BEGIN"))
        || !query.exec(QStringLiteral("SET LOCAL check_function_bodies = off"))
        || !query.exec(QStringLiteral("SET LOCAL lock_timeout = '1s'")))
        return SqlErrors::fromQuery(query, Backend::PostgreSQL, tr("rehearsing the migration"));
    for (const Migration &migration : pending) {
        if (!migration.preflight)
            continue;
        for (const QString &statement : SqlScript::split(migration.script)) {
            if (query.exec(statement))
                continue;
            const QString what = tr("checking migration %1 (%2)")
                                     .arg(migration.version, 4, 10, QLatin1Char('0'))
                                     .arg(migration.name);
            if (query.lastError().nativeErrorCode() == refusedState)
                return Error::schema(
                    tr("%1: nothing was changed: %2").arg(what, refusalText(query.lastError())));
            Error error = SqlErrors::fromQuery(query, Backend::PostgreSQL, what);
            error.message = tr("%1; nothing was changed").arg(error.message);
            return error;
        }
        if (query.isSelect()) {
            while (query.next())
                report << query.value(0).toString();
        }
    }
    return report;
}

Result<Migrator::Plan> Migrator::plan()
{
    Plan result;
    const Result<int> current = currentVersion();
    if (!current)
        return current.error();
    result.currentVersion = *current;
    if (*current > latestVersion())
        return checkUpToDate().error();
    result.pending = pendingAfter(*current);
    const Result<QStringList> report = rehearse(result.pending);
    if (!report)
        return report.error();
    result.report = *report;
    return result;
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
    m_report.clear();
    const Backend backend = m_database.backend();
    if (backend == Backend::SQLite)
        return migrateSqlite(); // one write lock for the whole upgrade (sqlitemigrator.cpp)
    // Session-level, so it also covers the migrations that run outside a transaction.
    QSqlQuery lock(m_database.handle());
    lock.prepare(QStringLiteral("SELECT pg_advisory_lock(:key)"));
    lock.bindValue(QStringLiteral(":key"), migrationLockKey);
    if (!lock.exec())
        return SqlErrors::fromQuery(lock, backend, tr("waiting for other migrators"));
    auto unlock = qScopeGuard([&] {
        QSqlQuery unlockQuery(m_database.handle());
        unlockQuery.prepare(QStringLiteral("SELECT pg_advisory_unlock(:key)"));
        unlockQuery.bindValue(QStringLiteral(":key"), migrationLockKey);
        unlockQuery.exec();
    });

    const Result<int> current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return checkUpToDate().error();
    if (*current == latestVersion())
        return QStringList(); // up to date: no DDL at all, so a read-only role may call this
    // A database some migration cannot be applied to is refused before the first one runs.
    if (const Result<QStringList> rehearsed = rehearse(pendingAfter(*current)); !rehearsed)
        return rehearsed.error();
    if (const Status created = ensureVersionTable(); !created)
        return created.error();
    QStringList applied;
    for (const Migration &migration : pendingAfter(*current)) {
        if (const Status status = apply(migration); !status)
            return status.error();
        applied << QStringLiteral("%1_%2")
                       .arg(migration.version, 4, 10, QLatin1Char('0'))
                       .arg(migration.name);
    }
    return applied;
}
