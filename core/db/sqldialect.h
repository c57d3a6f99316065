#pragma once

#include "core/db/backend.h"

#include <QString>

// The few SQL fragments that differ between PostgreSQL and SQLite, so the store keeps one text
// for each statement. Columns of type TIMESTAMP (without zone) hold the writer's local time on
// PostgreSQL (the seed writes NOW() into them) and UTC text on SQLite; the store never reads
// them as dates, only as epoch seconds through epoch().
//
// One clock (issue 11, G4): on PostgreSQL next_run and running_since have instant shadows
// (next_run_tz, running_since_tz, timestamptz) and lease_expires_at and claimable_after are
// timestamptz, so rules and leases never depend on a session's TimeZone. instant() names the
// column to read, assignInstant() writes a column and its shadow together. SQLite has one clock
// (UTC text) and no shadows.
class SqlDialect final {
public:
    explicit SqlDialect(Backend backend)
        : m_backend(backend)
    { }

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::PostgreSQL; }

    // The database clock as a column value.
    QString now() const;
    // A TIMESTAMP column as fractional seconds since the epoch (NULL stays NULL).
    QString epoch(const QString &column) const;
    // A bound epoch-seconds parameter as a value for a TIMESTAMP column.
    QString fromEpoch(const QString &placeholder) const;

    // The column holding `column`'s instant ("next_run" → "next_run_tz" on PostgreSQL; a table
    // alias prefix such as "c.next_run" is kept).
    QString instant(const QString &column) const;
    // `column = value` for a column with an instant shadow (or an instant column), from an
    // instant expression (instantNow(), instantFromEpoch(), …): both written at once.
    QString assignInstant(const QString &column, const QString &instantExpression) const;
    // The database clock as an instant: the transaction's start on PostgreSQL.
    QString instantNow() const;
    // A bound epoch-seconds parameter as an instant.
    QString instantFromEpoch(const QString &placeholder) const;
    // The transaction's now() plus hours, as an instant (the seed's calcular_proximo_run).
    QString instantPlusHours(const QString &hoursExpression) const;
    // The real time now (not the statement's start) plus seconds, as an instant: lease expiries,
    // so a statement that waited on a row lock does not write an expiry already past.
    QString clockPlusSeconds(const QString &secondsExpression) const;
    // now() plus a number of hours given as an SQL expression.
    QString nowPlusHours(const QString &hoursExpression) const;
    // now() plus a number of seconds given as an SQL expression.
    QString nowPlusSeconds(const QString &secondsExpression) const;
    // `column IN (the strings of a bound JSON array)`: a list of names as one bound value.
    QString inJsonArray(const QString &column, const QString &placeholder) const;
    // A bound JSON text parameter as a value for a JSON column.
    QString json(const QString &placeholder) const;
    // Lock the selected row for the rest of the transaction (SQLite locks the whole file at
    // BEGIN IMMEDIATE instead).
    QString forUpdate() const;

private:
    Backend m_backend;
};
