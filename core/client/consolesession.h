#pragma once

#include "core/client/jobclient.h"

#include <QObject>

#include <memory>

class HistoryClient;
class RunClient;
class ServerClock;

// Everything the console holds for one database: the connection spec, the job client, the
// history client (the History pane and the details pane read through it) and the one
// server-corrected clock. A new database is a new session, so no answer from the old one
// reaches a widget.
class ConsoleSession final : public QObject {
    Q_OBJECT
public:
    ConsoleSession(
        const ConnectionSpec &spec, const JobClient::Options &options, QObject *parent = nullptr);
    ~ConsoleSession() override;
    Q_DISABLE_COPY_MOVE(ConsoleSession)

    void start() { m_jobs->start(); }

    const ConnectionSpec &spec() const { return m_jobs->spec(); }
    JobClient *jobs() const { return m_jobs; }
    HistoryClient *history() const { return m_history; }
    RunClient *runs() const { return m_runs; }
    const std::shared_ptr<ServerClock> &clock() const { return m_clock; }
    QDateTime now() const;

private:
    JobClient *m_jobs; // child
    HistoryClient *m_history; // child
    RunClient *m_runs; // child: run records, output, abort (issue 14)
    std::shared_ptr<ServerClock> m_clock;
};
