#pragma once

#include "db/backend.h"

#include <QString>

// The few SQL fragments that differ between PostgreSQL and SQLite, so the store keeps one text
// for each statement. Columns of type TIMESTAMP (without zone) hold the writer's local time on
// PostgreSQL (the seed writes NOW() into them) and UTC text on SQLite; the store never reads
// them as dates, only as epoch seconds through epoch().
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
