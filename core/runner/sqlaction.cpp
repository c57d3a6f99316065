#include "runner/sqlaction.h"

#include "db/database.h"
#include "db/sqlerrors.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QtConcurrent>

#include <libpq-fe.h>

Q_DECLARE_OPAQUE_POINTER(PGconn *)
Q_DECLARE_METATYPE(PGconn *)

struct SqlAction::Shared {
    QMutex mutex;
    PGcancel *cancel = nullptr; // set while a PostgreSQL statement runs
    std::atomic<bool> cancelled{false};

    ~Shared()
    {
        if (cancel)
            PQfreeCancel(cancel);
    }
};

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SqlAction", text);
}

// QPSQL in Qt 6.4 names the handle type "pg_conn*" rather than the documented "PGconn*".
PGconn *pgConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    const QByteArray type = handle.typeName() ? QByteArray(handle.typeName()) : QByteArray();
    if (type != "PGconn*" && type != "pg_conn*")
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

ExecutionResult runSql(const ActionSpec &spec, const ConnectionSpec &target,
    const std::shared_ptr<SqlAction::Shared> &shared)
{
    ExecutionResult result;
    auto opened = Database::open(target, QStringLiteral("job-sql"));
    if (!opened) {
        result.error = opened.error().message;
        return result;
    }
    Database &database = *opened.value();
    QSqlQuery query(database.handle());
    if (database.backend() == Backend::PostgreSQL) {
        query.exec(
            QStringLiteral("SET statement_timeout = %1").arg(qint64(spec.timeoutSeconds) * 1000));
        QMutexLocker lock(&shared->mutex);
        if (PGconn *conn = pgConnection(database.handle()))
            shared->cancel = PQgetCancel(conn);
    }
    if (shared->cancelled) {
        result.error = tr("cancelled before it started");
        return result;
    }
    // The statement comes from the runner's own configuration file, not from the database.
    const bool ok = query.exec(spec.sql);
    {
        QMutexLocker lock(&shared->mutex);
        if (shared->cancel) {
            PQfreeCancel(shared->cancel);
            shared->cancel = nullptr;
        }
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
    return result;
}

} // namespace

SqlAction::SqlAction(const ActionSpec &spec, const ConnectionSpec &database, QObject *parent)
    : RunnerAction(parent)
    , m_spec(spec)
    , m_database(database)
    , m_shared(std::make_shared<Shared>())
{
    m_timeout.setSingleShot(true);
    // Backstop for SQLite, which has no statement timeout: report the failure on time.
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { kill(tr("timed out after %1 s").arg(m_spec.timeoutSeconds)); });
    connect(&m_watcher, &QFutureWatcher<ExecutionResult>::finished, this, [this] {
        ExecutionResult result = m_watcher.result();
        if (!m_killReason.isEmpty()) {
            result.success = false;
            result.error = m_killReason;
        }
        finish(result);
    });
}

SqlAction::~SqlAction()
{
    kill(tr("runner stopped"));
    m_watcher.waitForFinished();
}

void SqlAction::start()
{
    m_clock.start();
    m_timeout.start(std::chrono::seconds(m_spec.timeoutSeconds) + std::chrono::seconds(5));
    m_watcher.setFuture(QtConcurrent::run(runSql, m_spec, m_database, m_shared));
}

void SqlAction::kill(const QString &reason)
{
    if (m_done)
        return;
    if (m_killReason.isEmpty())
        m_killReason = reason;
    m_shared->cancelled = true;
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->cancel) {
        char message[256];
        PQcancel(m_shared->cancel, message, sizeof message);
    }
}

void SqlAction::finish(ExecutionResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    result.durationSeconds = m_clock.elapsed() / 1000.0;
    emit finished(result);
}
