#pragma once

#include "db/connectionspec.h"
#include "runner/runneraction.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>

#include <atomic>
#include <memory>

// Runs the configured SQL on its own connection in a pool thread, with a server-side statement
// timeout on PostgreSQL; kill() cancels the statement on the server.
class SqlAction final : public RunnerAction {
    Q_OBJECT
public:
    SqlAction(const ActionSpec &spec, const ConnectionSpec &database, QObject *parent = nullptr);
    ~SqlAction() override;

    void start() override;
    void kill(const QString &reason) override;

    struct Shared; // state shared with the worker thread

private:
    void finish(ExecutionResult result);

    ActionSpec m_spec;
    ConnectionSpec m_database;
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<ExecutionResult> m_watcher;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    QString m_killReason;
    bool m_done = false;
};
