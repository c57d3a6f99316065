#include "client/jobclient.h"

#include "client/jobworker.h"

JobClient::JobClient(const ConnectionSpec &spec, QObject *parent)
    : JobClient(spec, Options(), parent)
{ }

JobClient::JobClient(const ConnectionSpec &spec, const Options &options, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("JobClient worker"));
    m_worker = new JobWorker(m_spec, m_options, this);
    m_worker->moveToThread(&m_thread);
}

JobClient::~JobClient()
{
    if (m_thread.isRunning()) {
        // The connection must be closed on the thread that opened it.
        JobWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void JobClient::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &JobWorker::start, Qt::QueuedConnection);
}

void JobClient::reload()
{
    QMetaObject::invokeMethod(m_worker, &JobWorker::reload, Qt::QueuedConnection);
}

void JobClient::perform(const JobAction &action, QObject *context, ActionCallback callback)
{
    const quint64 id = ++m_nextId;
    m_actions.insert(id, {context, std::move(callback)});
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, action] { worker->perform(id, action); }, Qt::QueuedConnection);
}

void JobClient::fetchHistory(const HistoryQuery &query, QObject *context, HistoryCallback callback)
{
    const quint64 id = ++m_nextId;
    m_histories.insert(id, {context, std::move(callback)});
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, query] { worker->fetchHistory(id, query); }, Qt::QueuedConnection);
}

void JobClient::refreshRunners()
{
    QMetaObject::invokeMethod(m_worker, &JobWorker::fetchRunners, Qt::QueuedConnection);
}

void JobClient::deliverState(State state, const QString &message)
{
    if (state == m_state && message == m_stateMessage)
        return;
    m_state = state;
    m_stateMessage = message;
    emit stateChanged(state, message);
}

void JobClient::deliverSession(bool writable, const QString &reason, const QString &databaseUser)
{
    m_databaseUser = databaseUser;
    if (writable == m_writable && reason == m_readOnlyReason)
        return;
    m_writable = writable;
    m_readOnlyReason = reason;
    emit writableChanged(writable, reason);
}

void JobClient::deliverAction(quint64 id, const Result<ActionOutcome> &outcome)
{
    const Pending<ActionCallback> pending = m_actions.take(id);
    if (pending.context && pending.callback)
        pending.callback(outcome);
}

void JobClient::deliverHistory(quint64 id, const Result<QList<HistoryEntry>> &history)
{
    const Pending<HistoryCallback> pending = m_histories.take(id);
    if (pending.context && pending.callback)
        pending.callback(history);
}
