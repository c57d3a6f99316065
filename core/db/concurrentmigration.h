#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantList>

class Database;

// Runs a PostgreSQL migration that cannot run inside a transaction (CREATE/DROP INDEX
// CONCURRENTLY, so the platform's writes to a busy table never wait), and makes its failure
// leave the database as it was: every index it built is dropped CONCURRENTLY (an invalid one
// too), an index it dropped is built again, an index it renamed gets its name back, and
// functions it created or replaced in the current schema are dropped or put back.
//
// Script conventions, beyond SqlScript's:
// - the file starts with "-- cron-console: no-transaction" (Migrator's marker);
// - a line "-- cron-console: run-results" makes the next statement a query whose rows (first
//   column, in order) are statements to run one by one; a NULL or empty row is skipped. This is
//   conditional DDL that cannot be CONCURRENTLY inside a DO block.
// Index waits give up after lock_timeout (the session's, or one minute when it has none): the
// failure is then a lock timeout (55P03), which Migrator retries.
class ConcurrentMigration final {
    Q_DECLARE_TR_FUNCTIONS(ConcurrentMigration)
public:
    struct Step {
        QString sql;
        bool runResults = false; // its result rows are the statements to run
    };
    static QList<Step> steps(const QString &script);

    // `what` names the migration in messages ("applying migration 0010 (...)").
    ConcurrentMigration(Database &database, QString what);

    // Runs every step, then `versionInsert` (an INSERT recording the migration, run as is with
    // the two values bound in order). *lockTimedOut tells a lock timeout apart from other
    // failures.
    Status run(const QString &script, const QString &versionInsert, const QVariantList &values,
        bool *lockTimedOut);

private:
    struct IndexState {
        qint64 oid = 0;
        QString qualified; // schema.name, quoted
        QString quotedName;
        QString definition; // pg_get_indexdef
        bool valid = true;
    };
    struct FunctionState {
        qint64 oid = 0;
        QString signature; // oid::regprocedure, quoted
        QString definition; // pg_get_functiondef
    };
    struct Snapshot {
        QList<IndexState> indexes;
        QList<FunctionState> functions;
    };

    Result<Snapshot> snapshot() const;
    Status exec(const QString &sql, bool *lockTimedOut) const;
    Status runStep(const Step &step, bool *lockTimedOut) const;
    // Puts the indexes and functions of `before` back; returns what it could not put back.
    QStringList restore(const Snapshot &before) const;
    Status setLockTimeout(const QString &value) const;

    Database &m_database;
    QString m_what;
};
