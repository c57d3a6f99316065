#pragma once

#include "core/domain/job.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class ServerClock;

// The job table over plain Job values. Updates are applied in place, by job id, with exact
// insert/remove/dataChanged signals, so views keep their selection, sort and scroll position.
class JobTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Description,
        Schedule,
        Active,
        Status,
        LastRun,
        NextRun,
        TotalRuns,
        LastDuration,
        Runner,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value behind the column
        SearchRole, // the text the search field matches
        JobIdRole,
        StateRole, // JobState as int
    };

    using Clock = std::function<QDateTime()>;

    explicit JobTableModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(JobTableModel)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The whole list: rows are updated, added and removed to match it.
    void setJobs(const QList<Job> &jobs);
    // One job changed or appeared.
    void updateJob(const Job &job);
    void updateJobs(const QList<Job> &jobs); // changed in place, or appended
    void removeJob(const QString &name);
    void clear();

    const Job &jobAt(int row) const { return m_jobs.at(row); }
    // The proxy's sort, without a QVariant per comparison (10,000 rows take ~140,000 of them).
    bool lessThan(int leftRow, int rightRow, int column) const;
    int rowOfId(qint64 id) const { return m_rowById.value(id, -1); }
    std::optional<Job> jobById(qint64 id) const;
    JobState stateAt(int row) const;
    // The state the table shows (as of the last change or tick), without computing it again.
    JobState shownStateAt(int row) const { return m_states.at(row); }
    // How many rows are in this display state, as shown (the status bar's overdue count).
    int countInState(JobState state) const;

    // The server's clock as best known here (the client's clock corrected by the skew seen in
    // the last load), which states and countdowns are computed against.
    QDateTime now() const;
    // The console session's clock, which this model corrects as rows arrive.
    void setServerClock(std::shared_ptr<ServerClock> clock);
    // Tests: a fixed clock; also stops the ticking.
    void setClock(Clock clock);
    // Refreshes the time columns and any state that time changed (the ticker calls it).
    void tick();

signals:
    // Every tick: the "ago" and countdown texts of LastRun and NextRun moved on. Not a
    // dataChanged: the rows' data (and so sorting, filters and counts) stays the same, and a
    // dataChanged over every row had each open console's proxy, tray and counts walk a thousand
    // rows every second (issue 15). Views repaint those cells; the details pane refreshes.
    void countdownsTicked();

private:
    QVariant display(const Job &job, int column) const;
    QVariant sortValue(const Job &job, int column) const;
    QVariant toolTip(const Job &job, int column) const;
    void rebuildIndex();
    // One dataChanged per contiguous block of these rows: a burst's hundreds of rows (or every
    // row turning due at a boundary) re-sort and re-filter once, not once per row.
    void emitRowsChanged(QList<int> rows);
    // The row takes the fresh read; false when its content is the same (only readAt moves).
    bool replaceRow(int row, const Job &fresh, const QDateTime &current);
    void noteServerTime(const Job &job);

    QList<Job> m_jobs;
    QList<JobState> m_states; // as of the last tick, to see which rows time changed
    QHash<qint64, int> m_rowById;
    std::shared_ptr<ServerClock> m_clock;
    QTimer m_ticker; // one timer for every countdown
};
