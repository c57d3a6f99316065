#pragma once

#include "core/db/connectionspec.h"
#include "core/domain/historyentry.h"
#include "core/export/spreadsheetformat.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class ColumnFitter;
class DurationChart;
class HistoryClient;
class HistoryExport;
class HistoryFilterBar;
class HistoryModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QTimer;
class RunClient;
class RunsView;

// Cron history beside the job table: the selected job's (or all) tenant_logs rows newest
// first, paged off the GUI thread as the user scrolls, with filters, the selected row's JSON,
// a chart of the job's recent durations and a CSV export of what the filter selects.
class HistoryPanel final : public QWidget {
    Q_OBJECT
public:
    // Reads through `client` (the console session's), which it does not own.
    explicit HistoryPanel(HistoryClient *client, QWidget *parent = nullptr);
    // Reads through a client of its own on `spec`.
    explicit HistoryPanel(const ConnectionSpec &spec, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    // Empty: all cron activity.
    void setJob(const QString &job);
    // Several jobs: the history of any of them; none: all cron activity.
    void setJobs(const QStringList &jobs);
    // The one job shown, or empty (all activity or several jobs).
    QString job() const { return m_job; }
    QStringList jobs() const { return m_jobs; }
    // Live updates: `job`'s row changed in cron_jobs (a run started or ended, an admin action),
    // so the newest history rows are read again shortly if the pane shows that job.
    void noteJobChanged(const QString &job);
    // Reads the newest rows again now (also what the periodic poll does).
    void refreshNewest();
    // The poll for history rows no cron_jobs change announces, and for recovering after an
    // error; it runs only while the pane is visible.
    void setPollInterval(int msec);
    void setConnection(const ConnectionSpec &spec);
    void setClient(HistoryClient *client);
    // The Runs view's client (cron_runs, issue 14).
    void setRunClient(RunClient *client);
    RunsView *runsView() const { return m_runs; }
    // The filter bar's conditions plus the job.
    HistoryFilter filter() const;

    // Without the save dialog (tests, or a caller that chose the file itself).
    HistoryExport *exportTo(const QString &path, char delimiter, bool byteOrderMark,
        ExportLocale locale = ExportLocale::Rfc4180, bool replaceConfirmed = false);
    // How many executions the chart asks for.
    static constexpr int chartRuns = 200;

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    HistoryFilterBar *filterBar() const { return m_filterBar; }
    QPlainTextEdit *detailsView() const { return m_details; }
    DurationChart *chart() const { return m_chart; }
    QPushButton *exportButton() const { return m_exportButton; }
    QPushButton *refreshButton() const { return m_refreshButton; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    // The chart has been redrawn from the database (tests wait for it).
    void chartUpdated();
    // A live refresh finished: `rows` new rows shown on top (tests wait for it).
    void refreshed(int rows);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void showSelected();
    void reloadChart();
    void chooseExport();
    void updateStatus();
    void updateJobColumn();

    ConnectionSpec m_spec;
    QString m_job;
    QStringList m_jobs;
    QTimer *m_liveDelay; // coalesces change notifications into one read
    QTimer *m_poll;
    HistoryClient *m_client = nullptr;
    HistoryClient *m_ownClient = nullptr; // made by setConnection()
    HistoryModel *m_model;
    HistoryFilterBar *m_filterBar;
    QTableView *m_view;
    ColumnFitter *m_fitter = nullptr;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_details;
    DurationChart *m_chart;
    QPointer<RunClient> m_runClient; // the chart's runs; unset: tenant_logs only
    RunsView *m_runs;
    QPushButton *m_exportButton;
    QPushButton *m_refreshButton;
    QLabel *m_status;
    QString m_error;
    qint64 m_lastPageMs = -1;
    quint64 m_chartGeneration = 0;
    QPointer<HistoryExport> m_export;
};
