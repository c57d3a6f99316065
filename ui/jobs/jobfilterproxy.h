#pragma once

#include "core/domain/job.h"

#include <QSortFilterProxyModel>

#include <optional>

class JobTableModel;

// The job table's sort and filter: the search text (JobTableModel::SearchRole, which holds the
// state word too) and, from the summary bar, one state.
class JobFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit JobFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setStateFilter(std::optional<JobState> state);
    std::optional<JobState> stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const JobTableModel *m_jobs = nullptr; // the source, when it is the job table
    std::optional<JobState> m_state;
};
