#pragma once

#include "core/db/connectionspec.h"
#include "core/db/sqldialect.h"
#include "core/util/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

#include <memory>

class QSqlQuery;

// What open() does to the schema before handing the connection out.
enum class SchemaPolicy {
    None, // nothing: `cronctl migrate` and the platform harness look at it themselves
    Check, // fail unless the schema is at the latest version
    Migrate, // apply what is missing
    // Migrate the embedded SQLite file (it is ours, created on first use); Check a shared
    // PostgreSQL server, whose schema changes only through `cronctl migrate`.
    MigrateEmbedded,
};

// One open connection, owned by the thread that opened it (Qt's SQL rule). Each thread or
// worker opens its own; the destructor closes it and removes it from Qt's registry.
class Database final {
public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // `purpose` names the connection in logs and in pg_stat_activity (application_name).
    static Result<std::unique_ptr<Database>> open(
        const ConnectionSpec &spec, const QString &purpose);
    // open(), then the schema as `policy` says.
    static Result<std::unique_ptr<Database>> open(
        const ConnectionSpec &spec, const QString &purpose, SchemaPolicy policy);

    QSqlDatabase handle() const;
    Backend backend() const { return m_spec.backend; }
    const ConnectionSpec &spec() const { return m_spec; }
    const SqlDialect &dialect() const { return m_dialect; }
    QString connectionName() const { return m_name; }
    // The role statements run as (current_user), or the OS user on SQLite.
    QString databaseUser() const { return m_databaseUser; }
    // False once the driver noticed the connection is gone.
    bool isOpen() const;
    // Round trip to the server; false when the connection is lost.
    bool ping() const;
    // Whether current_user holds `privilege` on `table` (PostgreSQL); SQLite has no roles: true.
    Result<bool> hasTablePrivilege(const QString &table, const QString &privilege);
    // SQLite's PRAGMA data_version: moves when another connection commits to the file. 0 on
    // PostgreSQL, which reports changes through NOTIFY instead.
    Result<qint64> dataVersion();
    // A prepared statement for `sql`, prepared once and kept for the connection's life. Kept
    // statements are reused, and are never deallocated inside a failed transaction (which
    // QPSQL reports as a warning on stderr).
    Result<QSqlQuery *> prepared(const QString &sql);
    // Runs a kept prepared statement with named values (keys without the colon); `what` says
    // what was being done, for the error message.
    Result<QSqlQuery *> run(const QString &sql, const QVariantMap &values, const QString &what);

    // Every call through this connection must answer within `milliseconds` (0: no limit, the
    // default). Past it the socket is shut down and the call fails as a lost connection; see
    // CallWatchdog. PostgreSQL only: SQLite calls do not block on a network.
    void setCallTimeout(int milliseconds) { m_callTimeoutMs = milliseconds; }
    int callTimeout() const { return m_callTimeoutMs; }

    // Arms the call timeout for the statements run while it lives (for code that executes
    // QSqlQuery itself, such as transaction control).
    class CallScope final {
    public:
        explicit CallScope(const Database &database);
        ~CallScope();
        Q_DISABLE_COPY_MOVE(CallScope)
        // True once the watchdog ended the call (it overran).
        bool overran();

    private:
        quint64 m_ticket = 0;
        bool m_overran = false;
    };

private:
    Database(const ConnectionSpec &spec, const QString &name);
    Status configurePostgres();
    Error noAnswer(const QString &what) const;
    Status configureSqlite();
    Status applySqlitePragmas(); // one attempt

    ConnectionSpec m_spec;
    SqlDialect m_dialect;
    QString m_name;
    QString m_databaseUser;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    int m_callTimeoutMs = 0;
};
