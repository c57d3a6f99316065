#pragma once

#include "core/client/serverclock.h"
#include "core/runner/leasestore.h"
#include "core/runner/runnerconfig.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class ColumnFitter;
class JobClient;
class QLabel;
class QTableWidget;
class QTimer;

// Every registered runner as the JobClient worker reads cron_runners (refreshed every few
// seconds and on cron_jobs_changed), and what this workstation's runner config runs.
class RunnersPanel final : public QWidget {
    Q_OBJECT
public:
    // What an admin looks for first comes first: a narrow pane (800x500) showed Host, PID and
    // Version and left State off screen.
    enum RunnerColumn {
        Name,
        State,
        Heartbeat,
        RunningJobs,
        Host,
        Pid,
        Version,
        RunnerColumnCount
    };

    explicit RunnersPanel(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunnersPanel)

    // `clock`: the session's, for the heartbeat ages.
    void setClient(JobClient *client, std::shared_ptr<const ServerClock> clock);
    void setRefreshInterval(int milliseconds);
    void refresh();
    // The jobs of the workstation's config (as parsed by the editor or loaded at start).
    void setWorkstationConfig(const RunnerConfig &config);
    void setWorkstationConfigError(const QString &message);
    // Which runner row is this console's own (shown in bold).
    void setOwnRunnerName(const QString &name);

    QList<RunnerInfo> runners() const { return m_runners; }
    static QString stateText(const RunnerInfo &runner);
    QTableWidget *runnersTable() const { return m_runnersTable; }
    QTableWidget *actionsTable() const { return m_actionsTable; }

private:
    void showRunners(const QList<RunnerInfo> &runners);
    void showError(const QString &message);

    QPointer<JobClient> m_client;
    std::shared_ptr<const ServerClock> m_clock = std::make_shared<ServerClock>(); // never null
    QTimer *m_timer;
    QLabel *m_error;
    QTableWidget *m_runnersTable;
    ColumnFitter *m_runnersFitter = nullptr;
    QLabel *m_actionsHeading;
    QTableWidget *m_actionsTable;
    QList<RunnerInfo> m_runners;
    QString m_ownName;
};
