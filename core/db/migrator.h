#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

class Database;

// Applies the schema files under sql/<backend>/ (compiled in as resources) in order and records
// each in cron_console_migrations. Every file is also safe to run again by itself; on SQLite an
// "ALTER TABLE t ADD COLUMN c" whose column exists is skipped (SqliteScriptRunner). Any number
// of programs may migrate a new SQLite file at once (sqlitemigrator.cpp).
class Migrator final {
public:
    struct Migration {
        int version = 0;
        QString name;
        QString script;
        bool transactional = true; // false for CREATE INDEX CONCURRENTLY
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

private:
    Status ensureVersionTable();
    // SQLite (sqlitemigrator.cpp): the version read and every missing migration applied under
    // one write lock, retried while another program holds it.
    Result<QStringList> migrateSqlite();
    Result<QStringList> migrateSqliteOnce(int *foundVersion);
    Status apply(const Migration &migration);
    // One attempt; *lockTimedOut tells a lock_timeout (55P03) apart from other failures.
    Status applyOnce(const Migration &migration, bool *lockTimedOut);

    Database &m_database;
};
