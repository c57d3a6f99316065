#include "ui/runners/runnerspanel.h"

#include "core/client/jobclient.h"
#include "core/util/secretmask.h"
#include "ui/common/columnfitter.h"
#include "ui/common/elidingheaderview.h"
#include "ui/common/relativetime.h"
#include "ui/common/statusstyle.h"

#include <QDir>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false); // Tab leaves the table
    return table;
}

QTableWidgetItem *item(const QString &text, const QString &toolTip = QString())
{
    auto *cell = new QTableWidgetItem(text);
    cell->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return cell;
}

QString actionType(ActionSpec::Type type)
{
    switch (type) {
    case ActionSpec::Type::Command:
        return QStringLiteral("command");
    case ActionSpec::Type::Sql:
        return QStringLiteral("sql");
    case ActionSpec::Type::Http:
        return QStringLiteral("http");
    }
    return {};
}

QString quoted(const QString &arg)
{
    if (!arg.isEmpty() && !arg.contains(QLatin1Char(' ')) && !arg.contains(QLatin1Char('\'')))
        return arg;
    QString escaped = arg;
    escaped.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString whatItRuns(const ActionSpec &action)
{
    switch (action.type) {
    case ActionSpec::Type::Command: {
        QStringList words{action.program};
        for (const QString &arg : action.args)
            words.append(quoted(arg));
        return words.join(QLatin1Char(' '));
    }
    case ActionSpec::Type::Sql:
        return action.sql.simplified();
    case ActionSpec::Type::Http:
        // On screen (and in screenshots) as in logs: no tokens.
        return action.method + QLatin1Char(' ') + SecretMask::maskUrls(action.url);
    }
    return {};
}

} // namespace

RunnersPanel::RunnersPanel(QWidget *parent)
    : QWidget(parent)
    , m_timer(new QTimer(this))
    , m_error(new QLabel(this))
    , m_runnersTable(makeTable({tr("Runner"), tr("State"), tr("Heartbeat"), tr("Running jobs"),
                                   tr("Host"), tr("PID"), tr("Version")},
          this))
    , m_actionsHeading(new QLabel(this))
    , m_actionsTable(makeTable({tr("Job"), tr("Type"), tr("Runs")}, this))
{
    setObjectName(QStringLiteral("runnersPanel"));
    m_runnersTable->setObjectName(QStringLiteral("runnersTable"));
    // A narrow pane: the running jobs and names give up width, then Version, PID and Host step
    // aside (the runner's tooltip names them) before anything is cut or the table scrolls.
    // Titles of narrowed columns end in "…" instead of being clipped at both sides.
    m_runnersTable->setHorizontalHeader(new ElidingHeaderView(Qt::Horizontal, m_runnersTable));
    m_runnersTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int charWidth = fontMetrics().averageCharWidth();
    m_runnersFitter = ColumnFitter::attach(m_runnersTable, m_runnersTable->horizontalHeader(),
        {{RunningJobs, Name, Host}, charWidth * 8, charWidth * 14, {Version, Pid, Host}});
    m_actionsTable->setObjectName(QStringLiteral("workstationJobs"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    m_actionsHeading->setWordWrap(true);
    m_actionsHeading->setTextFormat(Qt::PlainText);
    m_actionsHeading->setText(tr("This workstation's job actions"));

    auto *runnersBox = new QWidget(this);
    auto *runnersLayout = new QVBoxLayout(runnersBox);
    runnersLayout->setContentsMargins(0, 0, 0, 0);
    auto *runnersHeading = new QLabel(tr("Runners registered in this database"), runnersBox);
    runnersLayout->addWidget(runnersHeading);
    runnersLayout->addWidget(m_error);
    runnersLayout->addWidget(m_runnersTable);
    auto *actionsBox = new QWidget(this);
    auto *actionsLayout = new QVBoxLayout(actionsBox);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    actionsLayout->addWidget(m_actionsHeading);
    actionsLayout->addWidget(m_actionsTable);
    for (QLabel *heading : {runnersHeading, m_actionsHeading}) {
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
    }
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(runnersBox);
    splitter->addWidget(actionsBox);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    // Heartbeat ages are shown relative: they need a clock, and the table is small.
    m_timer->setInterval(3000);
    connect(m_timer, &QTimer::timeout, this, &RunnersPanel::refresh);
    m_timer->start();
}

void RunnersPanel::setClient(JobClient *client, std::shared_ptr<const ServerClock> clock)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (clock)
        m_clock = std::move(clock);
    m_runners.clear();
    m_runnersTable->setRowCount(0);
    if (!client)
        return;
    connect(client, &JobClient::runnersLoaded, this, &RunnersPanel::showRunners);
    connect(client, &JobClient::runnersFailed, this, &RunnersPanel::showError);
    connect(client, &JobClient::stateChanged, this, [this](JobClient::State state) {
        if (state == JobClient::State::Connected)
            refresh();
    });
}

void RunnersPanel::setRefreshInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void RunnersPanel::refresh()
{
    if (m_client && m_client->state() == JobClient::State::Connected)
        m_client->refreshRunners();
}

QString RunnersPanel::stateText(const RunnerInfo &runner)
{
    if (runner.stoppedAt.isValid())
        return tr("stopped");
    if (runner.stale)
        return tr("stale");
    if (runner.state == QLatin1String("degraded"))
        return tr("degraded");
    return tr("live");
}

void RunnersPanel::setOwnRunnerName(const QString &name)
{
    m_ownName = name;
    showRunners(m_runners);
}

void RunnersPanel::showRunners(const QList<RunnerInfo> &runners)
{
    m_runners = runners;
    m_error->hide();
    const QDateTime now = m_clock->now();
    m_runnersTable->setRowCount(int(runners.size()));
    for (int row = 0; row < runners.size(); ++row) {
        const RunnerInfo &runner = runners.at(row);
        const QString state = stateText(runner);
        const QString age = runner.heartbeatAt.isValid() ? tr("%1 ago").arg(RelativeTime::duration(
                                std::max<qint64>(0, runner.heartbeatAt.secsTo(now))))
                                                         : QString();
        m_runnersTable->setItem(row, Name,
            item(runner.name,
                tr("%1 on %2, PID %3, version %4")
                    .arg(runner.name, runner.host, QString::number(runner.pid), runner.version)));
        m_runnersTable->setItem(row, Host, item(runner.host));
        m_runnersTable->setItem(row, Pid, item(QString::number(runner.pid)));
        m_runnersTable->setItem(row, Version, item(runner.version));
        m_runnersTable->setItem(
            row, Heartbeat, item(age, RelativeTime::absolute(runner.heartbeatAt)));
        QString stateTip = runner.stoppedAt.isValid()
            ? tr("Stopped at %1").arg(RelativeTime::absolute(runner.stoppedAt))
            : tr("Started at %1; configured jobs: %2")
                  .arg(RelativeTime::absolute(runner.startedAt),
                      runner.jobs.join(QLatin1String(", ")));
        if (!runner.lastError.isEmpty())
            stateTip += QLatin1Char('\n')
                + tr("Last error (%1): %2")
                      .arg(RelativeTime::absolute(runner.lastErrorAt), runner.lastError);
        m_runnersTable->setItem(row, State, item(state, stateTip));
        m_runnersTable->setItem(
            row, RunningJobs, item(runner.runningJobs.join(QLatin1String(", "))));
        const bool own = !m_ownName.isEmpty() && runner.name == m_ownName;
        const bool dim = runner.stoppedAt.isValid();
        for (int column = 0; column < RunnerColumnCount; ++column) {
            QTableWidgetItem *cell = m_runnersTable->item(row, column);
            QFont font = cell->font();
            font.setBold(own);
            cell->setFont(font);
            if (dim)
                cell->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
        // A stale runner (its heartbeat stopped, not stopped cleanly) needs a look: its state
        // and heartbeat in the stuck colour, with its icon, not only a word.
        if (runner.stale && !dim) {
            for (const int column : {int(State), int(Heartbeat)}) {
                m_runnersTable->item(row, column)
                    ->setForeground(StatusStyle::color(JobState::Stuck));
                QFont font = m_runnersTable->item(row, column)->font();
                font.setBold(true);
                m_runnersTable->item(row, column)->setFont(font);
            }
            m_runnersTable->item(row, State)->setIcon(StatusStyle::icon(JobState::Stuck));
        }
    }
    // Each column's preference follows its contents (also while it is hidden for want of room);
    // the fitter keeps them in the pane.
    const QHeaderView *header = m_runnersTable->horizontalHeader();
    for (int column = 0; column < RunnerColumnCount; ++column) {
        m_runnersFitter->prefer(column,
            std::max(static_cast<QAbstractItemView *>(m_runnersTable)->sizeHintForColumn(column),
                header->sectionSizeHint(column)));
    }
}

void RunnersPanel::showError(const QString &message)
{
    if (message.isEmpty())
        return;
    m_error->setText(tr("The runners could not be read: %1").arg(message));
    m_error->show();
}

void RunnersPanel::setWorkstationConfig(const RunnerConfig &config)
{
    m_actionsHeading->setText(
        tr("This workstation's job actions (%1)").arg(QDir::toNativeSeparators(config.filePath)));
    m_actionsTable->setRowCount(int(config.jobs.size()));
    int row = 0;
    for (auto it = config.jobs.cbegin(); it != config.jobs.cend(); ++it, ++row) {
        m_actionsTable->setItem(row, 0, item(it.key()));
        m_actionsTable->setItem(row, 1, item(actionType(it->type)));
        m_actionsTable->setItem(row, 2, item(whatItRuns(*it)));
    }
}

void RunnersPanel::setWorkstationConfigError(const QString &message)
{
    m_actionsHeading->setText(tr("This workstation's job actions: %1").arg(message));
    m_actionsTable->setRowCount(0);
}
