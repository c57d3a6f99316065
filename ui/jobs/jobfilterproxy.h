#pragma once

#include "core/domain/job.h"

#include <QSortFilterProxyModel>

#include <optional>

// The job table's sort and filter: the search text (JobTableModel::SearchRole, which holds the
// state word too) and, from the summary bar, one state.
class JobFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit JobFilterProxy(QObject *parent = nullptr);

    void setStateFilter(std::optional<JobState> state);
    std::optional<JobState> stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<JobState> m_state;
};
