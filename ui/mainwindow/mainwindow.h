#pragma once

#include "core/client/jobclient.h"

#include <QMainWindow>

class AbortRunAction;
class ConnectionBanner;
class ElidingLabel;
class PauseBanner;
class AlertTray;
class ConsoleSession;
class JobActionController;
class JobActions;
class JobDetailsView;
class JobTableModel;
class JobsView;
class QLabel;
class QSplitter;
class HistoryPanel;
class QTabWidget;
class RunnerConfigEditor;
class RunnersPanel;
class RunOutputView;
class WorkstationSwitch;

// Wires actions and panels; holds no SQL and does no database work itself.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Replaces the current connection (if any) and starts loading.
    void openDatabase(const ConnectionSpec &spec, const JobClient::Options &options = {});

    // The job selected when the list first loads (by default the first row).
    void setInitialSelection(const QString &name) { m_initialSelection = name; }

    // The runner config "Run jobs on this workstation" uses (default: the user's).
    void setRunnerConfigPath(const QString &path);
    // Turns the workstation runner on if the user left it on last time.
    void restoreRunnerSwitch();

    // Opens a dialog ("schedule", "reset", "delete", "new", "edit", "connect") or a side tab
    // ("history", "runners", "runner-config") once the jobs have loaded: documentation screenshots.
    void showDialogWhenLoaded(const QString &which);

    JobClient *client() const { return m_client; }
    JobTableModel *model() const { return m_model; }
    JobsView *jobsView() const { return m_jobsView; }
    JobActions *actions() const { return m_actions; }
    JobActionController *controller() const { return m_controller; }
    JobDetailsView *details() const { return m_details; }
    ConnectionBanner *banner() const { return m_banner; }
    PauseBanner *pauseBanner() const { return m_pauseBanner; }
    AlertTray *alertTray() const { return m_tray; }
    WorkstationSwitch *workstation() const { return m_workstation; }
    RunnersPanel *runnersPanel() const { return m_runners; }
    RunnerConfigEditor *runnerConfigEditor() const { return m_configEditor; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    RunOutputView *runOutput() const { return m_output; }
    AbortRunAction *abortRun() const { return m_abortRun; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateActions();
    void updateTitle();
    void onStateChanged(JobClient::State state, const QString &message);
    void showSelectedDetails();
    void loadHistory(const Job &job);
    void showContextMenu(const QPoint &globalPos);
    void showAbout();
    void showConnectionDialog();
    void wireRunnerPanels();
    void restoreSettings();
    void saveSettings() const;
    bool showSideTab(const QString &objectName); // false: no tab of that name

    ConsoleSession *m_session = nullptr; // child; one per database
    JobClient *m_client = nullptr; // m_session->jobs()
    JobTableModel *m_model;
    JobActions *m_actions;
    JobsView *m_jobsView;
    JobDetailsView *m_details;
    JobActionController *m_controller;
    ConnectionBanner *m_banner;
    PauseBanner *m_pauseBanner; // pause all (issue 17)
    AlertTray *m_tray; // tray icon and notifications (issue 17)
    RunnersPanel *m_runners;
    RunnerConfigEditor *m_configEditor;
    WorkstationSwitch *m_workstation;
    HistoryPanel *m_history = nullptr;
    QTabWidget *m_sideTabs;
    RunOutputView *m_output = nullptr;
    AbortRunAction *m_abortRun = nullptr;
    QSplitter *m_splitter;
    QLabel *m_runnerLabel;
    ElidingLabel *m_connectionLabel;
    QLabel *m_countLabel;
    QString m_initialSelection;
    QString m_pendingSideTab; // a saved tab that appears once a database opens
    qint64 m_detailsJobId = -1;
    qint64 m_detailsHistoryKey = -1; // total runs + version when history was last fetched
    bool m_closeConfirmed = false; // the user agreed to stop the runner and quit
};
