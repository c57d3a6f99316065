#include "core/db/sqlerrors.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// This file's user-visible strings, in the "SqlErrors" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqlErrors)
};

} // namespace

namespace SqlErrors {

namespace {

QString serverText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    // libpq prefixes "ERROR:  " and may add a newline with details; keep the first line.
    if (text.startsWith(QLatin1String("ERROR:")))
        text = text.mid(6).trimmed();
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    if (newline > 0)
        text = text.left(newline).trimmed();
    if (text.isEmpty())
        text = Text::tr("the connection to the server was lost");
    return text;
}

Error::Kind classifyPostgres(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (state == QLatin1String("42501") || state == QLatin1String("25006"))
        return Error::Kind::PermissionDenied; // insufficient_privilege, read_only_sql_transaction
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        return Error::Kind::Connection; // connection exceptions, admin shutdown
    if (state == QLatin1String("23505"))
        return Error::Kind::Conflict; // unique_violation
    if (state.startsWith(QLatin1String("22")) || state.startsWith(QLatin1String("23")))
        return Error::Kind::InvalidInput; // data exceptions, constraint violations
    if (state == QLatin1String("42P01") || state == QLatin1String("42703")
        || state == QLatin1String("42883"))
        return Error::Kind::Schema; // undefined table, column or function
    if (state.isEmpty() && error.type() != QSqlError::StatementError)
        return Error::Kind::Connection; // QPSQL reports a dropped connection with no SQLSTATE
    return Error::Kind::Database;
}

Error::Kind classifySqlite(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    switch (code & 0xff) {
    case 3: // SQLITE_PERM
    case 8: // SQLITE_READONLY
    case 23: // SQLITE_AUTH
        return Error::Kind::PermissionDenied;
    case 14: // SQLITE_CANTOPEN
    case 26: // SQLITE_NOTADB
    case 11: // SQLITE_CORRUPT
        return Error::Kind::Connection;
    case 19: // SQLITE_CONSTRAINT
        return (code == 2067 || code == 1555) ? Error::Kind::Conflict : Error::Kind::InvalidInput;
    default:
        break;
    }
    if (error.databaseText().contains(QLatin1String("no such table"))
        || error.databaseText().contains(QLatin1String("no such column")))
        return Error::Kind::Schema;
    return Error::Kind::Database;
}

} // namespace

Error fromSqlError(const QSqlError &error, Backend backend, const QString &what)
{
    const Error::Kind kind
        = backend == Backend::PostgreSQL ? classifyPostgres(error) : classifySqlite(error);
    const QString message
        = what.isEmpty() ? serverText(error) : Text::tr("%1: %2").arg(what, serverText(error));
    Error result{kind, message};
    result.transient = isRetryable(error, backend);
    return result;
}

Error fromQuery(const QSqlQuery &query, Backend backend, const QString &what)
{
    return fromSqlError(query.lastError(), backend, what);
}

bool isRetryable(const QSqlError &error, Backend backend)
{
    const QString code = error.nativeErrorCode();
    if (backend == Backend::SQLite) {
        const int value = code.toInt();
        return (value & 0xff) == 5 || (value & 0xff) == 6; // BUSY (incl. 517), LOCKED
    }
    return code == QLatin1String("40001") || code == QLatin1String("40P01");
}

} // namespace SqlErrors
