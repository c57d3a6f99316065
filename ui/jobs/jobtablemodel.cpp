#include "ui/jobs/jobtablemodel.h"

#include "core/client/serverclock.h"
#include "core/domain/jobpolicy.h"
#include "core/domain/jobrules.h"
#include "core/domain/runlabels.h"
#include "core/domain/runstatus.h"
#include "core/schedule/schedule.h"
#include "ui/common/relativetime.h"
#include "ui/common/statusstyle.h"

#include <QFont>

#include <algorithm>
#include <limits>

namespace {

// A reload reads every row again; only a change in what the row holds counts.
bool sameContent(const Job &a, const Job &b)
{
    Job copy = a;
    copy.readAt = b.readAt;
    return copy == b;
}

qint64 msecs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

} // namespace

JobTableModel::JobTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(std::make_shared<ServerClock>())
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &JobTableModel::tick);
    m_ticker.start();
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime JobTableModel::now() const
{
    return m_clock->now();
}

void JobTableModel::setServerClock(std::shared_ptr<ServerClock> clock)
{
    m_clock = std::move(clock);
}

void JobTableModel::setClock(Clock clock)
{
    m_clock->setSource(std::move(clock));
    m_ticker.stop();
}

void JobTableModel::noteServerTime(const Job &job)
{
    if (m_ticker.isActive())
        m_clock->noteServerTime(job.readAt);
}

JobState JobTableModel::stateAt(int row) const
{
    return JobPolicy::displayState(m_jobs.at(row), now());
}

int JobTableModel::countInState(JobState state) const
{
    // The states as of the last change or tick (what the table shows), not computed again.
    return int(std::count(m_states.cbegin(), m_states.cend(), state));
}

std::optional<Job> JobTableModel::jobById(qint64 id) const
{
    const int row = rowOfId(id);
    if (row < 0)
        return std::nullopt;
    return m_jobs.at(row);
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job &job = m_jobs.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(job, column);
    case Qt::ToolTipRole:
        return toolTip(job, column);
    case Qt::DecorationRole:
        if (column == Status)
            return StatusStyle::icon(JobPolicy::displayState(job, now()));
        return {};
    case Qt::TextAlignmentRole:
        if (column == TotalRuns || column == LastDuration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (column == Name && !job.active) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case SortRole:
        return sortValue(job, column);
    case SearchRole: { // the state word too, in the UI language ("stuck", "travado")
        QString text = job.name + QLatin1Char('\n') + job.description + QLatin1Char('\n')
            + job.leaseOwner + QLatin1Char('\n') + StatusStyle::label(JobRules::state(job, now()));
        // An overdue job keeps "due" and gains "overdue" ("atrasado"), the word of its chip.
        if (const JobState shown = JobPolicy::displayState(job, now()); shown == JobState::Overdue)
            text += QLatin1Char('\n') + StatusStyle::label(shown);
        return text;
    }
    case JobIdRole:
        return job.id;
    case StateRole:
        return int(JobPolicy::displayState(job, now()));
    default:
        return {};
    }
}

QVariant JobTableModel::display(const Job &job, int column) const
{
    switch (column) {
    case Name:
        return job.name;
    case Description:
        return job.description.section(QLatin1Char('\n'), 0, 0);
    case Schedule:
        // The same words as cronctl and the logs: "every 12 h" or "0 3 * * 1-5 (zone)".
        return ::Schedule::of(job).describe();
    case Active:
        return job.active ? tr("yes") : tr("no");
    case Status:
        return StatusStyle::label(JobPolicy::displayState(job, now()));
    case LastRun:
        return job.lastRun.isValid() ? RelativeTime::ago(job.lastRun, now()) : tr("never");
    case NextRun: {
        if (!job.active)
            return QStringLiteral("—");
        const JobState state = JobPolicy::displayState(job, now());
        if (state == JobState::Running || state == JobState::Stuck)
            return RunLabels::status(RunStatus::Running);
        if (state == JobState::DueNow || state == JobState::Overdue)
            return tr("due now");
        return RelativeTime::countdown(job.nextRun, now());
    }
    case TotalRuns:
        return job.totalRuns;
    case LastDuration:
        return job.lastDurationSeconds ? RelativeTime::runDuration(*job.lastDurationSeconds)
                                       : QString();
    case Runner:
        if (!job.leaseOwner.isEmpty())
            return job.leaseOwner;
        return job.runStatus() == RunStatus::Running ? tr("(unknown)") : QString();
    default:
        return {};
    }
}

QVariant JobTableModel::sortValue(const Job &job, int column) const
{
    switch (column) {
    case Name:
        return job.name;
    case Description:
        return job.description;
    case Schedule:
        return job.intervalHours;
    case Active:
        return job.active;
    case Status:
        return StatusStyle::severity(JobPolicy::displayState(job, now()));
    case LastRun:
        return msecs(job.lastRun);
    case NextRun:
        return job.active ? msecs(job.nextRun) : std::numeric_limits<qint64>::max();
    case TotalRuns:
        return job.totalRuns;
    case LastDuration:
        return job.lastDurationSeconds.value_or(-1);
    case Runner:
        return job.leaseOwner;
    default:
        return {};
    }
}

bool JobTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    const Job &left = m_jobs.at(leftRow);
    const Job &right = m_jobs.at(rightRow);
    const auto text = [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    };
    switch (column) {
    case Name:
        return text(left.name, right.name);
    case Description:
        return text(left.description, right.description);
    case Runner:
        return text(left.leaseOwner, right.leaseOwner);
    case Status: // the state the row shows, kept by tick(), which re-sorts when it changes
        return StatusStyle::severity(m_states.at(leftRow))
            < StatusStyle::severity(m_states.at(rightRow));
    default:
        return QVariant::compare(sortValue(left, column), sortValue(right, column))
            == QPartialOrdering::Less;
    }
}

QVariant JobTableModel::toolTip(const Job &job, int column) const
{
    switch (column) {
    case Name:
    case Description:
        return job.description.isEmpty() ? job.name : job.description;
    case Status: {
        const QDateTime current = now();
        switch (JobPolicy::displayState(job, current)) {
        case JobState::Running:
            return tr("Running since %1 on %2")
                .arg(RelativeTime::absolute(job.runningSince),
                    job.leaseOwner.isEmpty() ? tr("an unknown runner") : job.leaseOwner);
        case JobState::Stuck:
            return tr("Still marked running since %1 (%2), past its lease or the 2-hour limit; "
                      "Reset puts it back to pending")
                .arg(RelativeTime::absolute(
                         job.runningSince.isValid() ? job.runningSince : job.updatedAt),
                    job.leaseOwner.isEmpty() ? tr("an unknown runner") : job.leaseOwner);
        case JobState::DueNow:
            return tr("A runner will start it at its next check");
        case JobState::Overdue:
            return tr("Due since %1 and not started: is a runner configured for it and "
                      "running?")
                .arg(RelativeTime::absolute(JobPolicy::dueSince(job, current)));
        default:
            return StatusStyle::label(JobPolicy::displayState(job, current));
        }
    }
    case LastRun:
        return RelativeTime::absolute(job.lastRun);
    case NextRun:
        return RelativeTime::absolute(job.nextRun);
    case Runner:
        return job.leaseExpiresAt.isValid()
            ? tr("Lease until %1").arg(RelativeTime::absolute(job.leaseExpiresAt))
            : QVariant();
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == LastRun)
            return tr("When the job last ran");
        if (section == NextRun)
            return tr("When the job runs next");
        if (section == TotalRuns)
            return tr("How many times the job ran");
        if (section == LastDuration)
            return tr("How long the last run took");
        return {};
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Description:
        return tr("Description");
    case Schedule:
        return tr("Schedule");
    case Active:
        return tr("Active");
    case Status:
        return tr("Status");
    case LastRun:
        return tr("Last run");
    case NextRun:
        return tr("Next run");
    case TotalRuns:
        return tr("Runs");
    case LastDuration:
        return tr("Duration");
    case Runner:
        return tr("Runner");
    default:
        return {};
    }
}

void JobTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_jobs.size());
    for (int row = 0; row < m_jobs.size(); ++row)
        m_rowById.insert(m_jobs.at(row).id, row);
}

void JobTableModel::setJobs(const QList<Job> &jobs)
{
    if (!jobs.isEmpty())
        noteServerTime(jobs.first());
    QHash<qint64, const Job *> incoming;
    incoming.reserve(jobs.size());
    for (const Job &job : jobs)
        incoming.insert(job.id, &job);

    // Removals, back to front, one signal per contiguous block.
    for (int row = int(m_jobs.size()) - 1; row >= 0;) {
        if (incoming.contains(m_jobs.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_jobs.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_jobs.remove(first, row - first + 1);
        m_states.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    rebuildIndex();

    // Changes in place.
    const QDateTime current = now();
    QList<int> changedRows;
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (replaceRow(row, *incoming.value(m_jobs.at(row).id), current))
            changedRows.append(row);
    }
    emitRowsChanged(std::move(changedRows));

    // New jobs at the end (the proxy sorts). Copying a Job is not cheap: 10,000 of them once
    // each, into storage reserved up front, and none at all on a first load (shared).
    if (m_jobs.isEmpty() && !jobs.isEmpty()) {
        beginInsertRows({}, 0, int(jobs.size()) - 1);
        m_jobs = jobs;
        m_states.reserve(jobs.size());
        for (const Job &job : jobs)
            m_states.append(JobPolicy::displayState(job, current));
        rebuildIndex();
        endInsertRows();
        return;
    }
    QList<const Job *> added;
    for (const Job &job : jobs) {
        if (!m_rowById.contains(job.id))
            added.append(&job);
    }
    if (!added.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_jobs.reserve(first + added.size());
        m_states.reserve(first + added.size());
        for (const Job *job : std::as_const(added)) {
            m_rowById.insert(job->id, int(m_jobs.size()));
            m_jobs.append(*job);
            m_states.append(JobPolicy::displayState(*job, current));
        }
        endInsertRows();
    }
}

void JobTableModel::updateJob(const Job &job)
{
    updateJobs({job});
}

void JobTableModel::updateJobs(const QList<Job> &jobs)
{
    if (jobs.isEmpty())
        return;
    noteServerTime(jobs.first());
    const QDateTime current = now();
    QList<int> changedRows;
    QList<const Job *> added;
    for (const Job &job : jobs) {
        const int row = rowOfId(job.id);
        if (row < 0)
            added.append(&job);
        else if (replaceRow(row, job, current))
            changedRows.append(row);
    }
    emitRowsChanged(std::move(changedRows));
    for (const Job *job : std::as_const(added)) {
        // A job renamed or re-created keeps no stale twin under the same name.
        const auto twin = std::find_if(m_jobs.cbegin(), m_jobs.cend(),
            [&](const Job &existing) { return existing.name == job->name; });
        if (twin != m_jobs.cend())
            removeJob(job->name);
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first);
        m_rowById.insert(job->id, first);
        m_jobs.append(*job);
        m_states.append(JobPolicy::displayState(*job, current));
        endInsertRows();
    }
}

bool JobTableModel::replaceRow(int row, const Job &fresh, const QDateTime &current)
{
    if (sameContent(m_jobs.at(row), fresh)) {
        m_jobs[row].readAt = fresh.readAt;
        return false;
    }
    m_jobs[row] = fresh;
    m_states[row] = JobPolicy::displayState(fresh, current);
    return true;
}

void JobTableModel::emitRowsChanged(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype last = i;
        while (last + 1 < rows.size() && rows.at(last + 1) == rows.at(last) + 1)
            ++last;
        emit dataChanged(index(rows.at(i), 0), index(rows.at(last), ColumnCount - 1));
        i = last + 1;
    }
}

void JobTableModel::removeJob(const QString &name)
{
    const auto found = std::find_if(
        m_jobs.cbegin(), m_jobs.cend(), [&](const Job &job) { return job.name == name; });
    if (found == m_jobs.cend())
        return;
    const int row = int(found - m_jobs.cbegin());
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    m_states.removeAt(row);
    endRemoveRows();
    rebuildIndex();
}

void JobTableModel::clear()
{
    beginResetModel();
    m_jobs.clear();
    m_states.clear();
    m_rowById.clear();
    endResetModel();
}

void JobTableModel::tick()
{
    if (m_jobs.isEmpty())
        return;
    const QDateTime current = now();
    // A state that time changed (due now, stuck) may move the row in a sorted view: all roles.
    QList<int> changedRows;
    for (int row = 0; row < m_jobs.size(); ++row) {
        const JobState state = JobPolicy::displayState(m_jobs.at(row), current);
        if (state != m_states.at(row)) {
            m_states[row] = state;
            changedRows.append(row);
        }
    }
    emitRowsChanged(std::move(changedRows));
    // Countdowns only change their text: no re-sorting, re-filtering or recounting needed.
    emit countdownsTicked();
}
