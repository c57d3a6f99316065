#include "client/historyworker.h"

#include "db/database.h"
#include "store/historypager.h"

#include <QElapsedTimer>

HistoryWorker::HistoryWorker(const ConnectionSpec &spec, HistoryClient *client)
    : m_spec(spec)
    , m_client(client)
{ }

HistoryWorker::~HistoryWorker() = default;

void HistoryWorker::fetchPage(quint64 id, const HistoryPageRequest &request)
{
    Result<HistoryPage> page = readPage(request);
    // A lost connection is reopened by the next request (the user scrolls or refreshes).
    if (!page && page.error().kind == Error::Kind::Connection)
        m_db.reset();
    HistoryClient *client = m_client;
    QMetaObject::invokeMethod(
        client, [client, id, page = std::move(page)] { client->deliverPage(id, page); },
        Qt::QueuedConnection);
}

Result<HistoryPage> HistoryWorker::readPage(const HistoryPageRequest &request)
{
    if (!m_db || !m_db->isOpen()) {
        m_db.reset();
        auto opened = Database::open(m_spec, QStringLiteral("console-history"));
        if (!opened)
            return opened.error();
        m_db = std::move(opened).value();
    }
    QElapsedTimer clock;
    clock.start();
    HistoryPager pager(*m_db);
    auto entries = pager.page(request.filter, request.cursor, request.limit);
    if (!entries)
        return entries.error();
    HistoryPage page;
    page.atEnd = entries->size() < request.limit;
    page.entries = std::move(entries).value();
    page.elapsedMs = clock.elapsed();
    return page;
}
