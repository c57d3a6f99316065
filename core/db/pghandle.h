#pragma once

class QSqlDatabase;
struct pg_conn;

// The libpq connection under a QPSQL connection (nullptr for other drivers). QPSQL in Qt 6.4
// names the handle type "pg_conn*" rather than the documented "PGconn*"; this is the one place
// that knows.
namespace PgHandle {

pg_conn *of(const QSqlDatabase &database);
// The connection's socket, or -1.
int socketOf(const QSqlDatabase &database);

} // namespace PgHandle
