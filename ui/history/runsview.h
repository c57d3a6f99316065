#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;
class RunClient;

// The History pane's Runs view: one job's executions from cron_runs (start, end, duration,
// runner, trigger, status, output size), newest first, beside the tenant_logs view.
class RunsView final : public QWidget {
    Q_OBJECT
public:
    explicit RunsView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunsView)

    static constexpr int limit = 200;

    void setClient(RunClient *client);
    void setJob(const QString &job);
    void reload();

    QTreeWidget *tree() const { return m_tree; }
    QString statusText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    RunClient *m_client = nullptr;
    QString m_job;
    QLabel *m_status;
    QTreeWidget *m_tree;
    quint64 m_generation = 0;
};
