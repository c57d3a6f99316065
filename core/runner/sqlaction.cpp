#include "core/runner/sqlaction.h"

#include "core/db/pghandle.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/runner/sqloutput.h"
#include "core/runner/sqlsessionpool.h"
#include "core/util/clientinfo.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlQuery>

#include <dlfcn.h>
#include <libpq-fe.h>
#include <sys/socket.h>

#include <optional>
#include <thread>

namespace {

// A PGcancel kept alive by whoever still needs it: the worker, and a cancel request in flight.
struct CancelHandle {
    explicit CancelHandle(PGcancel *handle)
        : cancel(handle)
    { }
    ~CancelHandle() { PQfreeCancel(cancel); }
    Q_DISABLE_COPY_MOVE(CancelHandle)
    PGcancel *cancel;
};

} // namespace

struct SqlAction::Shared {
    QMutex mutex;
    // Guarded by mutex:
    SqlAction *owner = nullptr; // cleared by the action's destructor
    std::shared_ptr<CancelHandle> cancel; // while a PostgreSQL statement runs
    int socket = -1; // the connection's socket while it is open; -1 before and after
    void *sqlite = nullptr; // the sqlite3* while a SQLite statement runs
    bool cancelled = false;
    ExecutionResult result; // the worker's, once it is done
    // Read without the mutex (it has its own):
    SqlOutput output; // notices and the summary, for the run's stored output
    std::atomic<qint64> backendPid{0};
};

namespace {

// The sqlite3* of a QSQLITE connection.
void *sqliteConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.typeName() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<void *const *>(handle.constData());
}

// sqlite3_interrupt() of the SQLite library the QSQLITE plugin loaded, looked up at run time so
// the build needs no SQLite headers. It may be called from any thread while the connection is
// open (SQLite's documentation).
using SqliteInterrupt = void (*)(void *);
SqliteInterrupt sqliteInterrupt()
{
    void *library = ::dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (!library)
        return nullptr;
    auto *interrupt = reinterpret_cast<SqliteInterrupt>(::dlsym(library, "sqlite3_interrupt"));
    ::dlclose(library); // NOLOAD took one more reference; the plugin keeps it loaded
    return interrupt;
}

// The session's limits, bound values through set_config(). The keepalives and the connection
// check make the server end the statement of a runner that died or was cut off.
Status configureSession(PGconn *conn, const ActionSpec &spec, const QString &applicationName)
{
    QStringList settings{QStringLiteral("statement_timeout"), QStringLiteral("tcp_keepalives_idle"),
        QStringLiteral("tcp_keepalives_interval"), QStringLiteral("tcp_keepalives_count")};
    QStringList values{QString::number(qint64(spec.timeoutSeconds) * 1000),
        QString::number(SqlAction::keepaliveIdleSeconds),
        QString::number(SqlAction::keepaliveIntervalSeconds),
        QString::number(SqlAction::keepaliveCount)};
    // The console's connections are quiet (client_min_messages=warning); a job's notices are
    // its output.
    settings << QStringLiteral("client_min_messages");
    values << QStringLiteral("notice");
    const int version = PQserverVersion(conn);
    if (version >= 120000) { // unacknowledged data (a partition while sending) also ends it
        settings << QStringLiteral("tcp_user_timeout");
        values << QString::number(
            (SqlAction::keepaliveIdleSeconds
                + SqlAction::keepaliveIntervalSeconds * SqlAction::keepaliveCount)
            * 1000);
    }
    if (version >= 140000) { // the server notices a closed socket while the statement runs
        settings << QStringLiteral("client_connection_check_interval");
        values << QStringLiteral("1000");
    }
    if (!applicationName.isEmpty()) { // who this run is, for a takeover (endAbandonedStatement)
        settings << QStringLiteral("application_name");
        values << applicationName;
    }
    // Numbered parameters ($n): one round trip through libpq's unnamed statement.
    // (QSqlQuery::prepare() named one, prepared, ran and deallocated it: three round trips per
    // run, as DISCARD ALL drops what a session would keep prepared.) The application_name is
    // how a runner that takes the job over finds this session (endAbandonedStatement): the run
    // writes no row for it (an UPDATE of its run row here cost 0.4 ms of server time a run).
    QList<QByteArray> params;
    const auto parameter = [&params](const QByteArray &value) {
        params << value;
        return QLatin1Char('$') + QString::number(params.size());
    };
    QString sql;
    QStringList calls;
    for (qsizetype i = 0; i < settings.size(); ++i) {
        const QString name = parameter(settings.at(i).toUtf8());
        calls << QStringLiteral("set_config(%1, %2, false)")
                     .arg(name, parameter(values.at(i).toUtf8()));
    }
    sql += QStringLiteral("SELECT ") + calls.join(QStringLiteral(", "));
    QList<const char *> pointers;
    for (const QByteArray &param : std::as_const(params))
        pointers << param.constData();
    PGresult *result = PQexecParams(conn, sql.toUtf8().constData(), int(pointers.size()), nullptr,
        pointers.constData(), nullptr, nullptr, 0);
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    const QString message
        = ok ? QString() : QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (ok)
        return {};
    const QString text = SqlAction::tr("preparing the session: %1").arg(message);
    return PQstatus(conn) == CONNECTION_OK ? Error::database(text) : Error::connection(text);
}

// Runs the statement on an open connection (the session's limits set first) and says whether
// the connection is still fit for another run.
ExecutionResult execute(Database &database, const ActionSpec &spec,
    const std::shared_ptr<SqlAction::Shared> &shared, const QString &applicationName,
    bool *reusable)
{
    ExecutionResult result;
    *reusable = false;
    PGconn *conn = nullptr;
    // Notices are the run's output, as they arrive (the first of a batch wakes the action); the
    // capture ends with this run, before a pooled session goes on to the next.
    std::optional<SqlOutput::Capture> notices;
    if (database.backend() == Backend::PostgreSQL) {
        conn = PgHandle::of(database.handle());
        notices.emplace(conn, &shared->output, [shared = shared.get()] {
            QMutexLocker lock(&shared->mutex);
            if (shared->owner)
                QMetaObject::invokeMethod(
                    shared->owner, [owner = shared->owner] { owner->flushOutput(); },
                    Qt::QueuedConnection);
        });
        if (!conn) { // cannot happen with QPSQL; its handle is a PGconn
            result.error = SqlAction::tr("preparing the session: no PostgreSQL connection");
            return result;
        }
        if (const Status configured = configureSession(conn, spec, applicationName); !configured) {
            result.error = configured.error().message;
            return result;
        }
        if (conn) {
            QMutexLocker lock(&shared->mutex);
            shared->cancel = std::make_shared<CancelHandle>(PQgetCancel(conn));
            shared->socket = PQsocket(conn);
            shared->backendPid = PQbackendPID(conn);
            // Posted under the mutex: the owner cannot be destroyed meanwhile, and Qt drops
            // events posted to an object that is destroyed later.
            if (shared->owner) {
                const qint64 pid = shared->backendPid;
                QMetaObject::invokeMethod(
                    shared->owner,
                    [owner = shared->owner, pid] { emit owner->backendStarted(pid); },
                    Qt::QueuedConnection);
            }
        }
    }
    {
        QMutexLocker lock(&shared->mutex);
        if (database.backend() == Backend::SQLite)
            shared->sqlite = sqliteConnection(database.handle());
        if (shared->cancelled) {
            shared->socket = -1;
            shared->sqlite = nullptr;
            shared->cancel.reset();
            result.error = SqlAction::tr("cancelled before it started");
            return result;
        }
    }
    bool ok = false;
    {
        // The statement comes from the runner's own configuration file, not from the database.
        QSqlQuery query(database.handle());
        ok = query.exec(spec.sql);
        {
            // From here on kill() leaves the socket alone: it is closed or reused below and its
            // number may then belong to anything.
            QMutexLocker lock(&shared->mutex);
            shared->socket = -1;
            shared->sqlite = nullptr;
            shared->cancel.reset();
            // A cancelled run's connection is shut down; one left inside a transaction (the job's
            // SQL began one) or broken is not handed to the next run either.
            *reusable = !shared->cancelled && conn && PQstatus(conn) == CONNECTION_OK
                && PQtransactionStatus(conn) == PQTRANS_IDLE;
        }
        if (!ok) {
            result.error = SqlErrors::fromQuery(query, database.backend(), QString()).message;
            return result;
        }
        result.success = true;
        result.result.insert(QStringLiteral("rows_affected"), query.numRowsAffected());
        if (query.isSelect() && query.next())
            result.result.insert(
                QStringLiteral("first_value"), QJsonValue::fromVariant(query.value(0)));
        // The summary line of the output (QSQLITE knows no row count).
        QStringList summary;
        if (query.isSelect()) {
            if (query.size() >= 0)
                summary << SqlAction::tr("rows returned: %1").arg(query.size());
            if (query.isValid())
                summary
                    << SqlAction::tr("first value: %1").arg(query.value(0).toString().left(300));
        } else if (query.numRowsAffected() >= 0) {
            summary << SqlAction::tr("rows affected: %1").arg(query.numRowsAffected());
        }
        shared->output.append(false, summary.join(QStringLiteral("; ")).toUtf8());
    }
    return result;
}

ExecutionResult runSql(const ActionSpec &spec, const ConnectionSpec &target,
    const std::shared_ptr<SqlAction::Shared> &shared)
{
    auto opened = Database::open(target, QStringLiteral("job-sql"));
    if (!opened) {
        ExecutionResult result;
        result.error = opened.error().message;
        return result;
    }
    bool reusable = false;
    return execute(*opened.value(), spec, shared, QString(), &reusable);
}

// What the next run on a pooled session must not inherit from this one (SET, temporary tables,
// LISTEN, prepared statements, advisory locks): what a connection pooler does between clients.
bool resetSession(Database &database)
{
    QSqlQuery query(database.handle());
    return query.exec(QStringLiteral("DISCARD ALL"));
}

// Stops the statement: on PostgreSQL a cancel request (on a thread of its own, as it may block
// on a dead network) and the socket shut down (the worker's libpq call returns at once); on
// SQLite sqlite3_interrupt().
void stopStatement(SqlAction::Shared &shared)
{
    QMutexLocker lock(&shared.mutex);
    shared.cancelled = true;
    if (shared.cancel) {
        std::thread([cancel = shared.cancel] {
            char message[256];
            PQcancel(cancel->cancel, message, sizeof message);
        }).detach();
    }
    if (shared.socket >= 0)
        ::shutdown(shared.socket, SHUT_RDWR);
    if (shared.sqlite) {
        if (const SqliteInterrupt interrupt = sqliteInterrupt())
            interrupt(shared.sqlite); // the statement fails with SQLITE_INTERRUPT
    }
}

} // namespace

SqlAction::SqlAction(const ActionSpec &spec, const ConnectionSpec &database,
    std::shared_ptr<SqlSessionPool> pool, QObject *parent)
    : RunnerAction(parent)
    , m_spec(spec)
    , m_database(database)
    , m_pool(std::move(pool))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->owner = this;
    m_timeout.setSingleShot(true);
    // Backstop for SQLite, which has no statement timeout: report the failure on time.
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { kill(tr("timed out after %1 s").arg(m_spec.timeoutSeconds)); });
    m_killGrace.setSingleShot(true);
    connect(&m_killGrace, &QTimer::timeout, this, [this] {
        ExecutionResult result;
        result.error = m_killReason;
        finish(result); // the worker is left to end on its own
    });
}

SqlAction::~SqlAction()
{
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->owner = nullptr;
    }
    stopStatement(*m_shared);
    // With the socket closed the worker ends at once (its connection is closed in its own
    // thread). One stuck elsewhere (connecting, a long SQLite statement) is left to end on its
    // own, holding only the shared state: the scheduler's thread must not block on it.
    if (m_thread)
        m_thread->wait(QDeadlineTimer(destroyWaitMs));
}

qint64 SqlAction::backendPid() const
{
    return m_shared->backendPid;
}

QString SqlAction::applicationName(qint64 jobId, qint64 token)
{
    return QStringLiteral("%1#%2.%3/job-sql").arg(ClientInfo::programName()).arg(jobId).arg(token);
}

void SqlAction::start()
{
    m_clock.start();
    m_timeout.start(std::chrono::seconds(m_spec.timeoutSeconds) + std::chrono::seconds(5));
    if (m_pool && m_database.backend == Backend::PostgreSQL) {
        // A session of the runner's pool; its result comes back as a queued call, posted under
        // the mutex like backendStarted.
        m_pool->post([spec = m_spec, target = m_database, shared = m_shared,
                         name = applicationName(context().jobId, context().token)](
                         SqlSessionPool::Session &session) {
            if (!session.database) {
                auto opened = Database::open(target, QStringLiteral("job-sql-pool"));
                if (opened)
                    session.database = std::move(opened.value());
                else
                    session.openError = opened.error().message;
            }
            bool reusable = false;
            ExecutionResult result;
            if (session.database)
                result = execute(*session.database, spec, shared, name, &reusable);
            else
                result.error = session.openError;
            {
                QMutexLocker lock(&shared->mutex);
                shared->result = std::move(result);
                if (shared->owner)
                    QMetaObject::invokeMethod(
                        shared->owner, [owner = shared->owner] { owner->onWorkerDone(); },
                        Qt::QueuedConnection);
            }
            // After the result is on its way: the reset is not part of the run's time.
            return reusable && resetSession(*session.database);
        });
        return;
    }
    m_thread = QThread::create([spec = m_spec, target = m_database, shared = m_shared] {
        ExecutionResult result = runSql(spec, target, shared);
        QMutexLocker lock(&shared->mutex);
        shared->result = std::move(result);
    });
    m_thread->setObjectName(QStringLiteral("sql action"));
    connect(m_thread, &QThread::finished, this, &SqlAction::onWorkerDone);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void SqlAction::kill(const QString &reason)
{
    if (m_done)
        return;
    if (m_killReason.isEmpty())
        m_killReason = reason;
    stopStatement(*m_shared);
    if (!m_killGrace.isActive())
        m_killGrace.start(killGraceMs);
}

void SqlAction::onWorkerDone()
{
    ExecutionResult result;
    {
        QMutexLocker lock(&m_shared->mutex);
        result = m_shared->result;
    }
    if (!m_killReason.isEmpty()) {
        result.success = false;
        result.error = m_killReason;
    }
    finish(result);
}

void SqlAction::flushOutput()
{
    for (const SqlOutput::Line &line : m_shared->output.take())
        emit output(line.stderrStream, line.text);
}

void SqlAction::finish(ExecutionResult result)
{
    if (m_done)
        return;
    m_done = true;
    flushOutput();
    result.result.insert(QStringLiteral("output_kept"),
        m_database.backend == Backend::PostgreSQL ? QStringLiteral("notices and result summary")
                                                  : QStringLiteral("result summary"));
    m_timeout.stop();
    m_killGrace.stop();
    result.durationSeconds = m_clock.elapsed() / 1000.0;
    emit finished(result);
}
