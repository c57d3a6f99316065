#pragma once

#include "core/domain/historyentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

class HistoryClient;

// Cron history rows for a table view, newest first. The view pulls pages as the user scrolls
// (canFetchMore/fetchMore); each page is read by HistoryClient off the GUI thread and appended
// when it arrives. Answers for an older filter or connection are dropped.
class HistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        JobColumn, // hidden while one job is shown
        ActionColumn,
        StatusColumn,
        DurationColumn,
        RunnerColumn,
        WhoColumn,
        SummaryColumn,
        ColumnCount
    };

    explicit HistoryModel(QObject *parent = nullptr);

    // Both restart from the newest row.
    void setClient(HistoryClient *client);
    void setFilter(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    void reload();
    // Live: reads the newest rows again and puts the ones not shown yet on top (a full reload
    // when too many arrived to join them, or after an error, which is how the pane recovers).
    void refreshNewest();

    void setPageSize(int rows) { m_pageSize = rows; }
    const HistoryEntry &entryAt(int row) const { return m_entries.at(row); }
    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

signals:
    void loadingChanged(bool loading);
    void pageLoaded(int rows, qint64 elapsedMs);
    void loadFailed(const QString &message);
    // refreshNewest() put `rows` new rows on top (0: nothing new).
    void newestRefreshed(int rows);

private:
    void setLoading(bool loading);
    void mergeNewest(const QList<HistoryEntry> &newest, bool atEnd);

    QPointer<HistoryClient> m_client;
    HistoryFilter m_filter;
    QList<HistoryEntry> m_entries;
    int m_pageSize = 200;
    quint64 m_generation = 0; // bumped on every restart; older answers are ignored
    bool m_loading = false;
    bool m_atEnd = false;
    bool m_failed = false; // stop pulling after an error until reload()
    bool m_refreshing = false; // a refreshNewest() answer is on its way
    bool m_refreshAgain = false; // asked again meanwhile
};
