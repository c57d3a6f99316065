#pragma once

#include "db/backend.h"
#include "util/result.h"

#include <QMap>
#include <QString>

// Where the database is, parsed from a URL. PostgreSQL URLs follow libpq's URI form; whatever
// the URL leaves out (host, user, password, …) libpq fills from PG* variables, service files
// and ~/.pgpass, so no password has to be written anywhere.
struct ConnectionSpec {
    Backend backend = Backend::SQLite;
    // PostgreSQL
    QString host; // empty: libpq default (PGHOST or the local socket)
    int port = -1; // -1: libpq default
    QString database;
    QString user;
    QString password; // only when the URL carried one; never written anywhere by us
    QMap<QString, QString> options; // sslmode, service, connect_timeout, application_name, …
    // SQLite
    QString filePath;

    // Parse "postgresql://…", "postgres://…" or "sqlite:/path/file.db" (also "sqlite:///path").
    static Result<ConnectionSpec> fromUrl(const QString &url);
    // --db if given, else $CRON_CONSOLE_DB, else the embedded database in the user's data folder.
    static Result<ConnectionSpec> resolve(const QString &dbOption);
    // The embedded database: <GenericDataLocation>/cron-console/cron-console.db.
    static QString defaultSqlitePath();
    static ConnectionSpec sqlite(const QString &filePath);

    // The URL without any password, for titles, logs and messages.
    QString displayUrl() const;
    // QPSQL connect options: everything libpq takes besides host/port/dbname/user/password.
    QString qtConnectOptions(const QString &applicationName) const;
};
