#include "core/db/pghandle.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace PgHandle {

pg_conn *of(const QSqlDatabase &database)
{
    if (!database.isValid() || !database.driver())
        return nullptr;
    const QVariant handle = database.driver()->handle();
    const QByteArray type = handle.typeName() ? QByteArray(handle.typeName()) : QByteArray();
    if (type != "PGconn*" && type != "pg_conn*")
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

int socketOf(const QSqlDatabase &database)
{
    PGconn *connection = of(database);
    return connection ? PQsocket(connection) : -1;
}

} // namespace PgHandle
