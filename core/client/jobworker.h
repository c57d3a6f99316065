#pragma once

#include "client/jobclient.h"

#include <QObject>
#include <QSet>
#include <QSqlDriver>

#include <memory>

class Database;
class JobStore;
class QTimer;

// JobClient's other half: lives on the worker thread, owns the connection and the store, and
// reports back to the client by queued calls. Not for use outside JobClient.
class JobWorker final : public QObject {
    Q_OBJECT
public:
    JobWorker(const ConnectionSpec &spec, const JobClient::Options &options, JobClient *client);
    ~JobWorker() override;
    Q_DISABLE_COPY_MOVE(JobWorker)

    // All of these run on the worker thread.
    void start();
    void reload();
    void perform(quint64 id, const JobAction &action);
    void fetchHistory(quint64 id, const HistoryQuery &query);
    void fetchRunners();

private:
    void connectNow();
    Status openSession();
    void connectionLost(const QString &message);
    void scheduleRetry(const QString &message);
    void checkAlive();
    void onNotification(
        const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void refreshNotified();
    // Connection errors move to Reconnecting; returns whether `error` was one.
    bool handleError(const Error &error);
    void post(std::function<void(JobClient *)> call);
    void detectWritable();

    ConnectionSpec m_spec;
    JobClient::Options m_options;
    JobClient *m_client; // lives on the GUI thread; outlives this worker
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JobStore> m_store;
    QTimer *m_aliveTimer = nullptr; // ping (PostgreSQL) or change poll (SQLite)
    QTimer *m_retryTimer = nullptr;
    QTimer *m_notifyTimer = nullptr; // coalesces a burst of notifications
    QSet<QString> m_notified;
    std::chrono::milliseconds m_retryDelay{0};
    qint64 m_dataVersion = -1; // SQLite's PRAGMA data_version at the last load
    bool m_everConnected = false;
    bool m_demoPrimed = false; // the demo's jobs were made due for this start
    bool m_watchRunners = false; // someone asked for the runners: keep them fresh on NOTIFY
};
