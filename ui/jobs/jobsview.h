#pragma once

#include "core/domain/job.h"

#include <QList>
#include <QWidget>

#include <optional>

class JobFilterProxy;
class JobSummaryBar;
class JobTableModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// The job table with its search field: a sort/filter proxy over JobTableModel.
class JobsView final : public QWidget {
    Q_OBJECT
public:
    explicit JobsView(JobTableModel *model, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(JobsView)

    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    QSortFilterProxyModel *proxy() const;
    JobSummaryBar *summaryBar() const { return m_summary; }

    // The selected jobs as the user sees them now (in view order).
    QList<Job> selectedJobs() const;
    std::optional<Job> currentJob() const;
    // Selects the job with this name, if shown.
    void selectJob(const QString &name);

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray &state);

signals:
    void selectionChanged();
    void contextMenuRequested(const QPoint &globalPos);
    void activated(); // double click or Enter on a row

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showColumnMenu(const QPoint &globalPos); // which columns show
    void useFlexibleDescription();

    JobTableModel *m_model;
    JobFilterProxy *m_proxy;
    JobSummaryBar *m_summary;
    QLineEdit *m_search;
    QTableView *m_table;
};
