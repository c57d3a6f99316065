#include "core/db/database.h"

#include "core/db/callwatchdog.h"
#include "core/db/migrator.h"
#include "core/db/pghandle.h"
#include "core/db/sqlerrors.h"
#include "core/db/sqlitebusy.h"
#include "core/util/clientinfo.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Database)
};

QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("cron-%1-%2").arg(purpose).arg(++counter);
}

} // namespace

Database::Database(const ConnectionSpec &spec, const QString &name)
    : m_spec(spec)
    , m_dialect(spec.backend)
    , m_name(name)
{ }

Database::~Database()
{
    // The connection goes first, then the kept statements: with their driver gone they skip the
    // DEALLOCATE round trip (the server drops them with the session anyway), which on a lost
    // connection would print one warning per statement.
    auto statements = std::exchange(m_statements, {});
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    statements.clear();
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_name, false);
}

bool Database::isOpen() const
{
    return handle().isOpen();
}

Database::CallScope::CallScope(const Database &database)
{
    if (database.m_callTimeoutMs <= 0 || database.backend() != Backend::PostgreSQL)
        return;
    const int socket = PgHandle::socketOf(database.handle());
    if (socket >= 0)
        m_ticket = CallWatchdog::arm(socket, database.m_callTimeoutMs);
}

Database::CallScope::~CallScope()
{
    overran();
}

bool Database::CallScope::overran()
{
    if (m_ticket != 0) {
        m_overran = CallWatchdog::disarm(m_ticket);
        m_ticket = 0;
    }
    return m_overran;
}

bool Database::ping() const
{
    const CallScope scope(*this);
    QSqlQuery query(handle());
    return query.exec(QStringLiteral("SELECT 1")) && query.next();
}

Result<QSqlQuery *> Database::prepared(const QString &sql)
{
    if (const auto found = m_statements.constFind(sql); found != m_statements.cend()) {
        found.value()->finish();
        return found.value().get();
    }
    auto query = std::make_shared<QSqlQuery>(handle());
    CallScope scope(*this);
    if (!query->prepare(sql)) {
        if (scope.overran())
            return noAnswer(Text::tr("preparing a statement"));
        return SqlErrors::fromQuery(*query, backend(), Text::tr("preparing a statement"));
    }
    m_statements.insert(sql, query);
    return query.get();
}

Error Database::noAnswer(const QString &what) const
{
    return Error::connection(Text::tr("%1: no answer from the server within %2 s")
                                 .arg(what)
                                 .arg(m_callTimeoutMs / 1000.0, 0, 'g', 3));
}

Result<QSqlQuery *> Database::run(
    const QString &sql, const QVariantMap &values, const QString &what)
{
    const auto query = prepared(sql);
    if (!query)
        return Error{query.error().kind, Text::tr("%1: %2").arg(what, query.error().message)};
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        (*query)->bindValue(QLatin1Char(':') + it.key(), it.value());
    CallScope scope(*this);
    if (!(*query)->exec()) {
        if (scope.overran())
            return noAnswer(what);
        return SqlErrors::fromQuery(**query, backend(), what);
    }
    return query;
}

Result<std::unique_ptr<Database>> Database::open(const ConnectionSpec &spec, const QString &purpose)
{
    const QString name = uniqueConnectionName(purpose);
    std::unique_ptr<Database> database(new Database(spec, name));
    const QString driver
        = spec.backend == Backend::PostgreSQL ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (!db.isValid())
        return Error::connection(
            Text::tr("the Qt SQL driver %1 is not installed (Debian package %2)")
                .arg(driver,
                    spec.backend == Backend::PostgreSQL ? QStringLiteral("libqt6sql6-psql")
                                                        : QStringLiteral("libqt6sql6-sqlite")));

    Status configured;
    if (spec.backend == Backend::PostgreSQL) {
        if (!spec.host.isEmpty())
            db.setHostName(spec.host);
        if (spec.port > 0)
            db.setPort(spec.port);
        if (!spec.database.isEmpty())
            db.setDatabaseName(spec.database);
        if (!spec.user.isEmpty())
            db.setUserName(spec.user);
        if (!spec.password.isEmpty())
            db.setPassword(spec.password);
        db.setConnectOptions(
            spec.qtConnectOptions(ClientInfo::programName() + QLatin1Char('/') + purpose));
        if (!db.open())
            return Error::connection(
                Text::tr("cannot connect to %1: %2")
                    .arg(spec.displayUrl(),
                        SqlErrors::fromSqlError(db.lastError(), spec.backend, QString()).message));
        configured = database->configurePostgres();
    } else {
        const QFileInfo file(spec.filePath);
        if (!QDir().mkpath(file.absolutePath()))
            return Error::connection(
                Text::tr("cannot create the folder %1 for the database").arg(file.absolutePath()));
        db.setDatabaseName(spec.filePath);
        // Waits for another process's write instead of failing at once with "database is locked".
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Error::connection(
                Text::tr("cannot open %1: %2").arg(spec.filePath, db.lastError().text()));
        configured = database->configureSqlite();
    }
    if (!configured)
        return configured.error();
    return database;
}

Result<std::unique_ptr<Database>> Database::open(
    const ConnectionSpec &spec, const QString &purpose, SchemaPolicy policy)
{
    auto opened = open(spec, purpose);
    if (!opened || policy == SchemaPolicy::None)
        return opened;
    Migrator migrator(*opened.value());
    const bool migrate = policy == SchemaPolicy::Migrate
        || (policy == SchemaPolicy::MigrateEmbedded && spec.backend == Backend::SQLite);
    if (migrate) {
        if (const auto applied = migrator.migrate(); !applied)
            return applied.error();
    } else if (const Status upToDate = migrator.checkUpToDate(); !upToDate) {
        return upToDate.error();
    }
    return opened;
}

Result<bool> Database::hasTablePrivilege(const QString &table, const QString &privilege)
{
    if (backend() != Backend::PostgreSQL)
        return true;
    const auto query = run(QStringLiteral("SELECT has_table_privilege(current_user, :table, "
                                          ":privilege)"),
        {{QStringLiteral("table"), table}, {QStringLiteral("privilege"), privilege}},
        Text::tr("checking the privileges on %1").arg(table));
    if (!query)
        return query.error();
    const bool granted = (*query)->next() && (*query)->value(0).toBool();
    (*query)->finish();
    return granted;
}

Result<qint64> Database::dataVersion()
{
    if (backend() != Backend::SQLite)
        return qint64(0);
    const CallScope scope(*this);
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return Error::connection(Text::tr("cannot read %1 any more").arg(m_spec.filePath));
    return query.value(0).toLongLong();
}

Status Database::configurePostgres()
{
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("SELECT current_user")) || !query.next())
        return SqlErrors::fromQuery(query, backend(), Text::tr("cannot start a session"));
    m_databaseUser = query.value(0).toString();
    return {};
}

Status Database::configureSqlite()
{
    // Switching a new file to WAL needs the file to itself for a moment; another program opening
    // it at the same time gets "database is locked" at once, busy timeout or not: try again.
    const Status configured = SqliteBusy::retry([this] { return applySqlitePragmas(); });
    if (!configured)
        return configured;
    m_databaseUser = ClientInfo::osUser();
    return {};
}

Status Database::applySqlitePragmas()
{
    QSqlQuery query(handle());
    // WAL lets a console read while a runner writes; foreign keys are off by default in SQLite.
    const char *pragmas[]
        = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"};
    for (const char *pragma : pragmas) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return SqlErrors::fromQuery(
                query, backend(), Text::tr("cannot use %1 as a database").arg(m_spec.filePath));
    }
    return {};
}
