#pragma once

#include "core/db/connectionspec.h"
#include "core/domain/historyentry.h"

#include <QPointer>
#include <QWidget>

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
    QString job() const { return m_job; }
    void setConnection(const ConnectionSpec &spec);
    void setClient(HistoryClient *client);
    // The Runs view's client (cron_runs, issue 14).
    void setRunClient(RunClient *client);
    RunsView *runsView() const { return m_runs; }
    // The filter bar's conditions plus the job.
    HistoryFilter filter() const;

    // Without the save dialog (tests, or a caller that chose the file itself).
    HistoryExport *exportTo(const QString &path, char delimiter, bool byteOrderMark);
    // How many executions the chart asks for.
    static constexpr int chartRuns = 200;

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    HistoryFilterBar *filterBar() const { return m_filterBar; }
    QPlainTextEdit *detailsView() const { return m_details; }
    DurationChart *chart() const { return m_chart; }
    QPushButton *exportButton() const { return m_exportButton; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    // The chart has been redrawn from the database (tests wait for it).
    void chartUpdated();

private:
    void applyFilter();
    void showSelected();
    void reloadChart();
    void chooseExport();
    void updateStatus();

    ConnectionSpec m_spec;
    QString m_job;
    HistoryClient *m_client = nullptr;
    HistoryClient *m_ownClient = nullptr; // made by setConnection()
    HistoryModel *m_model;
    HistoryFilterBar *m_filterBar;
    QTableView *m_view;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_details;
    DurationChart *m_chart;
    RunsView *m_runs;
    QPushButton *m_exportButton;
    QPushButton *m_refreshButton;
    QLabel *m_status;
    QString m_error;
    qint64 m_lastPageMs = -1;
    quint64 m_chartGeneration = 0;
    QPointer<HistoryExport> m_export;
};
