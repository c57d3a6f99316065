#include "ui/jobs/jobfilterproxy.h"

#include "ui/jobs/jobtablemodel.h"

JobFilterProxy::JobFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void JobFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_jobs = qobject_cast<const JobTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void JobFilterProxy::setStateFilter(std::optional<JobState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

bool JobFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_state) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (index.data(JobTableModel::StateRole).toInt() != int(*m_state))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool JobFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_jobs && sortRole() == JobTableModel::SortRole)
        return m_jobs->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}
