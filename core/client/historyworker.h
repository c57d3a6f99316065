#pragma once

#include "client/historyclient.h"

#include <QObject>

#include <memory>

class Database;

// HistoryClient's other half: lives on the worker thread and owns the connection. Not for use
// outside HistoryClient.
class HistoryWorker final : public QObject {
    Q_OBJECT
public:
    HistoryWorker(const ConnectionSpec &spec, HistoryClient *client);
    ~HistoryWorker() override;
    Q_DISABLE_COPY_MOVE(HistoryWorker)

    // Runs on the worker thread.
    void fetchPage(quint64 id, const HistoryPageRequest &request);

private:
    Result<HistoryPage> readPage(const HistoryPageRequest &request);

    ConnectionSpec m_spec;
    HistoryClient *m_client; // lives on the GUI thread; outlives this worker
    std::unique_ptr<Database> m_db;
};
