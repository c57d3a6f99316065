#include "ui/history/historymodel.h"

#include "core/client/historyclient.h"
#include "ui/history/actionlabels.h"
#include "ui/history/historyformat.h"

#include <utility>

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HistoryModel::setClient(HistoryClient *client)
{
    m_client = client;
    reload();
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    ++m_generation;
    m_refreshing = false;
    m_refreshAgain = false;
    beginResetModel();
    m_entries.clear();
    m_atEnd = false;
    m_failed = false;
    endResetModel();
    setLoading(false);
    // The view asks for more only once it has shown rows; the first page is ours to request.
    fetchMore();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const HistoryEntry &entry = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return HistoryFormat::localTime(entry);
        case JobColumn:
            return entry.job;
        case ActionColumn:
            return ActionLabels::label(entry.action);
        case StatusColumn:
            return HistoryFormat::statusLabel(entry.status);
        case DurationColumn:
            return HistoryFormat::duration(entry.durationSeconds);
        case RunnerColumn:
            return entry.runner;
        case WhoColumn:
            return entry.who;
        case SummaryColumn:
            return HistoryFormat::summary(entry);
        }
    } else if (role == Qt::DecorationRole && index.column() == StatusColumn) {
        return HistoryFormat::statusIcon(entry.status);
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == TimeColumn)
            return entry.createdAt.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == SummaryColumn)
            return HistoryFormat::summary(entry);
        if (index.column() == ActionColumn)
            return entry.action; // the code stored in tenant_logs
    } else if (role == Qt::TextAlignmentRole && index.column() == DurationColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case JobColumn:
        return tr("Job");
    case ActionColumn:
        return tr("Action");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case RunnerColumn:
        return tr("Runner");
    case WhoColumn:
        return tr("Who");
    case SummaryColumn:
        return tr("Summary");
    }
    return {};
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_client && !m_atEnd && !m_loading && !m_failed;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    HistoryQuery request = HistoryQuery::of(m_filter, m_pageSize);
    if (!m_entries.isEmpty())
        request.cursor = HistoryCursor::after(m_entries.constLast());
    setLoading(true);
    const quint64 generation = m_generation;
    m_client->fetchPage(request, this, [this, generation](const Result<HistoryPage> &page) {
        if (generation != m_generation)
            return; // the filter or the connection changed meanwhile
        setLoading(false);
        if (!page) {
            m_failed = true;
            emit loadFailed(page.error().message);
            return;
        }
        m_atEnd = page->atEnd;
        if (!page->entries.isEmpty()) {
            beginInsertRows(
                {}, int(m_entries.size()), int(m_entries.size() + page->entries.size()) - 1);
            m_entries.append(page->entries);
            endInsertRows();
        }
        emit pageLoaded(int(page->entries.size()), page->elapsedMs);
    });
}

void HistoryModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

namespace {

// How many of the newest rows a live refresh reads; more new rows than this reload the view.
constexpr int refreshRows = 50;

bool sameRow(const HistoryEntry &a, const HistoryEntry &b)
{
    return a.id == b.id && a.rawCreatedAt == b.rawCreatedAt;
}

} // namespace

void HistoryModel::refreshNewest()
{
    if (!m_client)
        return;
    if (m_failed || (m_entries.isEmpty() && !m_loading)) {
        reload(); // nothing shown to join: start again (also after a lost connection)
        return;
    }
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    const quint64 generation = m_generation;
    m_client->fetchPage(HistoryQuery::of(m_filter, refreshRows), this,
        [this, generation](const Result<HistoryPage> &page) {
            if (generation != m_generation)
                return;
            m_refreshing = false;
            if (!page) {
                // Shown rows stay; the next refresh starts again from the newest.
                m_failed = true;
                emit loadFailed(page.error().message);
                return;
            }
            mergeNewest(page->entries, page->atEnd);
            if (std::exchange(m_refreshAgain, false))
                refreshNewest();
        });
}

void HistoryModel::mergeNewest(const QList<HistoryEntry> &newest, bool atEnd)
{
    if (m_entries.isEmpty()) {
        // The first page is still on its way (answers come in order): it will hold these.
        emit newestRefreshed(0);
        return;
    }
    const HistoryEntry &top = m_entries.constFirst();
    qsizetype fresh = -1;
    for (qsizetype i = 0; i < newest.size(); ++i) {
        if (sameRow(newest.at(i), top)) {
            fresh = i;
            break;
        }
    }
    if (fresh < 0) {
        // The top row is not among the newest: many rows arrived (or retention removed it).
        ++m_generation;
        beginResetModel();
        m_entries = newest;
        m_atEnd = atEnd;
        m_failed = false;
        endResetModel();
        setLoading(false);
        emit newestRefreshed(int(newest.size()));
        return;
    }
    if (fresh > 0) {
        beginInsertRows({}, 0, int(fresh) - 1);
        m_entries = newest.first(fresh) + m_entries;
        endInsertRows();
    }
    emit newestRefreshed(int(fresh));
}
