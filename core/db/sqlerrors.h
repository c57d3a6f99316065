#pragma once

#include "core/db/backend.h"
#include "core/util/error.h"

class QSqlError;
class QSqlQuery;

namespace SqlErrors {

// Turn a driver error into an Error a person can act on. `what` says what was being done
// ("reading the job list"); the server's own message is kept, since it is the most precise.
Error fromSqlError(const QSqlError &error, Backend backend, const QString &what);
Error fromQuery(const QSqlQuery &query, Backend backend, const QString &what);

// SQLite's "database is locked" (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT) and PostgreSQL's
// serialization failures and deadlocks: worth retrying the whole transaction.
bool isRetryable(const QSqlError &error, Backend backend);

} // namespace SqlErrors
