#pragma once

#include "core/db/backend.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

// Where the database is, parsed from a URL. PostgreSQL URLs follow libpq's URI form; whatever
// the URL leaves out (host, user, password, …) libpq fills from PG* variables, service files
// and ~/.pgpass, so no password has to be written anywhere.
struct ConnectionSpec {
    Backend backend = Backend::SQLite;
    // PostgreSQL
    // libpq's host: one name, address or socket folder, or a comma-separated list of them
    // (libpq tries them in order; target_session_attrs picks one). Empty: libpq default.
    QString host;
    int port = -1; // one port for every host; -1: libpq default
    // libpq's port list when the URL gives ports per host ("5432,5433", "5432," for a default
    // second); when set, `port` is -1.
    QString portList;
    QString database;
    QString user;
    QString password; // only when the URL carried one; never written anywhere by us
    QMap<QString, QString> options; // sslmode, service, connect_timeout, application_name, …
    // SQLite
    QString filePath;

    // Parse "postgresql://…", "postgres://…" (libpq's URI form, multi-host included:
    // "postgresql://u@h1:5432,h2:5433/db?target_session_attrs=read-write", "?host=a,b&port=1,2",
    // "[::1]", percent-encoded socket folders) or "sqlite:/path/file.db" (also "sqlite:///path").
    static Result<ConnectionSpec> fromUrl(const QString &url);
    // --db if given, else $CRON_CONSOLE_DB, else the embedded database in the user's data folder.
    static Result<ConnectionSpec> resolve(const QString &dbOption);
    // The embedded database: <GenericDataLocation>/cron-console/cron-console.db.
    static QString defaultSqlitePath();
    static ConnectionSpec sqlite(const QString &filePath);

    // The URL with every host and without any password (nor other secret option value), for
    // titles, logs and messages.
    QString displayUrl() const;
    // QPSQL connect options: everything libpq takes besides host/port/dbname/user/password.
    QString qtConnectOptions(const QString &applicationName) const;

    Q_DECLARE_TR_FUNCTIONS(ConnectionSpec)
};
