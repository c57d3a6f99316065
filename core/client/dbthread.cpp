#include "core/client/dbthread.h"

#include "core/client/changecoalescer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QTimer>

#include <memory>

using namespace std::chrono_literals;

// DbThread's other half: lives on the thread and owns the connection. Reports back only
// through its signals (queued to DbThread), so it knows nothing of its owner.
class DbThreadWorker final : public QObject {
    Q_OBJECT
public:
    DbThreadWorker(const ConnectionSpec &spec, const DbThread::Options &options)
        : m_spec(spec)
        , m_options(options)
    { }
    ~DbThreadWorker() override { m_db.reset(); }
    Q_DISABLE_COPY_MOVE(DbThreadWorker)

    void start();
    void run(const std::function<void(const Result<Database *> &)> &task);
    void handleError(const Error &error);

signals:
    void stateReported(DbThread::State state, const QString &message);
    void changesReported(const QSet<QString> &names);

private:
    void connectNow();
    Status openSession();
    void connectionLost(const QString &message);
    void scheduleRetry(const QString &message);
    void checkAlive();
    void onNotification(
        const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    ConnectionSpec m_spec;
    DbThread::Options m_options;
    std::unique_ptr<Database> m_db;
    QTimer *m_aliveTimer = nullptr; // ping (PostgreSQL) or change poll (SQLite)
    QTimer *m_retryTimer = nullptr;
    QTimer *m_notifyTimer = nullptr; // fires when the notified changes are to be read
    QElapsedTimer m_clock; // the coalescer's
    ChangeCoalescer m_coalescer;
    QSet<QString> m_notified;
    std::chrono::milliseconds m_retryDelay{0};
    qint64 m_dataVersion = -1; // SQLite's PRAGMA data_version when last looked at
    bool m_everConnected = false;
};

void DbThreadWorker::start()
{
    m_aliveTimer = new QTimer(this);
    connect(m_aliveTimer, &QTimer::timeout, this, &DbThreadWorker::checkAlive);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &DbThreadWorker::connectNow);
    m_notifyTimer = new QTimer(this);
    m_notifyTimer->setSingleShot(true);
    m_clock.start();
    connect(m_notifyTimer, &QTimer::timeout, this, [this] {
        m_coalescer.reported(m_clock.elapsed());
        emit changesReported(std::exchange(m_notified, {}));
    });
    connectNow();
}

void DbThreadWorker::run(const std::function<void(const Result<Database *> &)> &task)
{
    if (!m_options.persistent && !(m_db && m_db->isOpen())) {
        m_db.reset();
        auto opened = Database::open(m_spec, m_options.purpose, m_options.schema);
        if (!opened) {
            task(opened.error());
            return;
        }
        m_db = std::move(opened).value();
    }
    if (!m_db) {
        task(Error::connection(
            tr("not connected to the database; try again when the connection is back")));
        return;
    }
    task(m_db.get());
}

void DbThreadWorker::connectNow()
{
    const Status opened = openSession();
    if (!opened) {
        m_db.reset();
        scheduleRetry(opened.error().message);
        return;
    }
    m_everConnected = true;
    m_retryDelay = 0ms;
    emit stateReported(DbThread::State::Connected, {});
    m_aliveTimer->start(
        m_spec.backend == Backend::SQLite ? m_options.pollInterval : m_options.pingInterval);
}

Status DbThreadWorker::openSession()
{
    auto opened = Database::open(m_spec, m_options.purpose, m_options.schema);
    if (!opened)
        return opened.error();
    m_db = std::move(opened).value();
    if (m_options.onOpen)
        if (const Status ready = m_options.onOpen(*m_db); !ready)
            return ready;
    if (m_spec.backend == Backend::SQLite) {
        const Result<qint64> version = m_db->dataVersion();
        if (!version)
            return version.error();
        m_dataVersion = *version;
    } else if (!m_options.changeChannel.isEmpty()) {
        QSqlDriver *driver = m_db->handle().driver();
        if (!driver->subscribeToNotification(m_options.changeChannel))
            return Error::connection(
                tr("cannot listen for changes on %1").arg(m_spec.displayUrl()));
        connect(driver, &QSqlDriver::notification, this, &DbThreadWorker::onNotification);
    }
    return {};
}

void DbThreadWorker::scheduleRetry(const QString &message)
{
    m_aliveTimer->stop();
    m_notifyTimer->stop();
    m_notified.clear();
    m_coalescer = ChangeCoalescer{};
    m_retryDelay = m_retryDelay == 0ms ? m_options.firstRetry
                                       : std::min(m_retryDelay * 2, m_options.maxRetry);
    emit stateReported(
        m_everConnected ? DbThread::State::Reconnecting : DbThread::State::Connecting, message);
    m_retryTimer->start(m_retryDelay);
}

void DbThreadWorker::connectionLost(const QString &message)
{
    m_db.reset();
    m_everConnected = true;
    if (!m_retryTimer->isActive())
        scheduleRetry(message);
}

void DbThreadWorker::handleError(const Error &error)
{
    if (error.kind != Error::Kind::Connection && (!m_db || m_db->isOpen()))
        return;
    if (!m_options.persistent) {
        m_db.reset(); // the next call opens again
        return;
    }
    if (m_retryTimer && (m_db || !m_retryTimer->isActive()))
        connectionLost(error.message);
}

void DbThreadWorker::checkAlive()
{
    if (!m_db)
        return;
    if (m_spec.backend == Backend::PostgreSQL) {
        // A dropped connection is silent in QPSQL: only a round trip tells.
        if (!m_db->ping())
            connectionLost(tr("the connection to %1 was lost").arg(m_spec.displayUrl()));
        return;
    }
    // Another connection's commit moves data_version; our own writes are reported directly.
    const Result<qint64> version = m_db->dataVersion();
    if (!version) {
        connectionLost(version.error().message);
        return;
    }
    if (std::exchange(m_dataVersion, *version) != *version)
        emit changesReported({QString()});
}

void DbThreadWorker::onNotification(
    const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != m_options.changeChannel)
        return;
    const QString jobName = payload.toString();
    m_notified.insert(jobName);
    const qint64 now = m_clock.elapsed();
    m_notifyTimer->start(int(m_coalescer.notified(jobName.isEmpty(), now) - now));
}

DbThread::DbThread(const ConnectionSpec &spec, const Options &options, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
{
    m_thread.setObjectName(QStringLiteral("DbThread %1").arg(options.purpose));
    m_worker = new DbThreadWorker(m_spec, options);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &DbThreadWorker::stateReported, this, &DbThread::setState);
    connect(m_worker, &DbThreadWorker::changesReported, this, &DbThread::changed);
    if (!options.persistent)
        m_thread.start();
}

DbThread::~DbThread()
{
    if (m_thread.isRunning()) {
        // The connection must be closed on the thread that opened it.
        DbThreadWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void DbThread::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &DbThreadWorker::start, Qt::QueuedConnection);
}

void DbThread::runOnThread(std::function<void(const Result<Database *> &)> task)
{
    DbThreadWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, task = std::move(task)] { worker->run(task); }, Qt::QueuedConnection);
}

void DbThread::handleError(const Error &error)
{
    m_worker->handleError(error);
}

void DbThread::deliver(std::function<void()> answer)
{
    QMetaObject::invokeMethod(this, std::move(answer), Qt::QueuedConnection);
}

void DbThread::setState(State state, const QString &message)
{
    m_state = state;
    emit stateChanged(state, message);
}

#include "dbthread.moc"
