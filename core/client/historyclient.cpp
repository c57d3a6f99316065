#include "client/historyclient.h"

#include "client/historyworker.h"

HistoryClient::HistoryClient(const ConnectionSpec &spec, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
{
    m_thread.setObjectName(QStringLiteral("HistoryClient worker"));
    m_worker = new HistoryWorker(m_spec, this);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

HistoryClient::~HistoryClient()
{
    // The connection must be closed on the thread that opened it.
    HistoryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryClient::fetchPage(
    const HistoryPageRequest &request, QObject *context, PageCallback callback)
{
    const quint64 id = ++m_nextId;
    m_pending.insert(id, {context, std::move(callback)});
    HistoryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, request] { worker->fetchPage(id, request); }, Qt::QueuedConnection);
}

void HistoryClient::deliverPage(quint64 id, const Result<HistoryPage> &page)
{
    const Pending pending = m_pending.take(id);
    if (pending.context && pending.callback)
        pending.callback(page);
}
