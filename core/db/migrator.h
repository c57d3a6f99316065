#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

class Database;

// Applies the schema files under sql/<backend>/ (compiled in as resources) in order and records
// each in cron_console_migrations. Every file is also safe to run again by itself.
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
    Status apply(const Migration &migration);
    // One attempt; *lockTimedOut tells a lock_timeout (55P03) apart from other failures.
    Status applyOnce(const Migration &migration, bool *lockTimedOut);
    // A no-transaction migration on PostgreSQL (CONCURRENTLY index work): a failure leaves the
    // database as it was (see ConcurrentMigration).
    Status applyConcurrently(const Migration &migration, bool *lockTimedOut);

    Database &m_database;
};
