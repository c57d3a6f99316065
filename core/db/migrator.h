#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class Database;

// Applies the schema files under sql/<backend>/ (compiled in as resources) in order and records
// each in cron_console_migrations. Every file is also safe to run again by itself; on SQLite an
// "ALTER TABLE t ADD COLUMN c" whose column exists is skipped (SqliteScriptRunner). Any number
// of programs may migrate a new SQLite file at once (sqlitemigrator.cpp).
class Migrator final {
    Q_DECLARE_TR_FUNCTIONS(Migrator)
public:
    struct Migration {
        int version = 0;
        QString name;
        QString script;
        bool transactional = true; // false for CREATE INDEX CONCURRENTLY
        // Rehearsed in a rolled-back transaction before anything is applied, so a database it
        // cannot be applied to is refused unchanged; its last statement returns report lines.
        bool preflight = false;
        QString summary; // the file's first comment line
    };

    // What migrate() would do: the migrations still to apply and, from rehearsing the preflight
    // ones, what they would do to the platform's own objects. Changes nothing.
    struct Plan {
        int currentVersion = 0;
        QList<Migration> pending;
        QStringList report;
    };

    explicit Migrator(Database &database);

    QList<Migration> available() const;
    int latestVersion() const;
    // 0 when the version table does not exist yet.
    Result<int> currentVersion() const;
    // Applies what is missing; returns the names applied (empty when up to date).
    Result<QStringList> migrate();
    // An error that says what to do when the schema is not at latestVersion().
    Status checkUpToDate() const;
    Result<Plan> plan();
    // Report lines of the preflight migrations the last migrate() applied.
    QStringList report() const { return m_report; }

private:
    Status ensureVersionTable();
    // SQLite (sqlitemigrator.cpp): the version read and every missing migration applied under
    // one write lock, retried while another program holds it.
    Result<QStringList> migrateSqlite();
    Result<QStringList> migrateSqliteOnce(int *foundVersion);
    Status apply(const Migration &migration);
    // One attempt; *lockTimedOut tells a lock_timeout (55P03) apart from other failures.
    Status applyOnce(const Migration &migration, bool *lockTimedOut);
    // Runs the pending preflight migrations in a transaction it rolls back; their report lines.
    Result<QStringList> rehearse(const QList<Migration> &pending);
    QList<Migration> pendingAfter(int version) const;
    // A no-transaction migration on PostgreSQL (CONCURRENTLY index work): a failure leaves the
    // database as it was (see ConcurrentMigration).
    Status applyConcurrently(const Migration &migration, bool *lockTimedOut);

    Database &m_database;
    QStringList m_report;
};
