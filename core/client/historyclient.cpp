#include "core/client/historyclient.h"

#include "core/client/dbthread.h"
#include "core/store/historypager.h"

#include <QElapsedTimer>

HistoryClient::HistoryClient(const ConnectionSpec &spec, QObject *parent)
    : QObject(parent)
{
    DbThread::Options options;
    options.purpose = QStringLiteral("console-history");
    // Opened like every console connection (SchemaPolicy::MigrateEmbedded): an outdated
    // server schema is reported, not misread.
    options.persistent = false;
    m_db = new DbThread(spec, options, this);
}

HistoryClient::~HistoryClient() = default;

const ConnectionSpec &HistoryClient::spec() const
{
    return m_db->spec();
}

void HistoryClient::fetchPage(const HistoryQuery &query, QObject *context, PageCallback callback)
{
    m_db->call<HistoryPage>(
        context,
        [query](Database &db) -> Result<HistoryPage> {
            QElapsedTimer clock;
            clock.start();
            auto entries = HistoryPager(db).page(query);
            if (!entries)
                return entries.error();
            HistoryPage page;
            page.atEnd = entries->size() < query.limit;
            page.entries = std::move(entries).value();
            page.elapsedMs = clock.elapsed();
            return page;
        },
        std::move(callback));
}
