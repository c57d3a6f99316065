#include "ui/jobs/jobsummarybar.h"

#include "ui/common/flowlayout.h"

#include "ui/common/statusstyle.h"
#include "ui/jobs/jobtablemodel.h"

#include <QTimer>
#include <QToolButton>

namespace {

QString buttonText(JobState state, int count)
{
    switch (state) {
    case JobState::Error:
        return JobSummaryBar::tr("%Ln failing", nullptr, count);
    case JobState::Stuck:
        return JobSummaryBar::tr("%Ln stuck", nullptr, count);
    case JobState::Overdue:
        return JobSummaryBar::tr("%Ln overdue", nullptr, count);
    case JobState::Running:
        return JobSummaryBar::tr("%Ln running", nullptr, count);
    case JobState::DueNow:
        return JobSummaryBar::tr("%Ln due", nullptr, count);
    case JobState::Disabled:
        return JobSummaryBar::tr("%Ln disabled", nullptr, count);
    default:
        return {};
    }
}

} // namespace

JobSummaryBar::JobSummaryBar(JobTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_recount(new QTimer(this))
{
    setObjectName(QStringLiteral("jobSummary"));
    // Wraps: six chips in Portuguese in one row kept the window wider than an 800 px screen.
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (const JobState state : states()) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(StatusStyle::icon(state));
        button->setToolTip(
            tr("Show only the %1 jobs (click again to show all)").arg(StatusStyle::label(state)));
        connect(button, &QToolButton::clicked, this, [this, state](bool checked) {
            m_selected = checked ? std::optional<JobState>(state) : std::nullopt;
            updateButtons();
            emit stateFilterChanged(m_selected);
        });
        m_buttons.insert(int(state), button);
        layout->addWidget(button);
    }

    m_recount->setSingleShot(true);
    m_recount->setInterval(100);
    connect(m_recount, &QTimer::timeout, this, &JobSummaryBar::recount);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, m_recount, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::modelReset, m_recount, qOverload<>(&QTimer::start));
    // Countdown ticks change only the time columns; a state change refreshes whole rows.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.column() == 0)
            m_recount->start();
    });
    recount();
}

QList<JobState> JobSummaryBar::states()
{
    // Overdue (issue 16: the status bar counted it, no chip filtered it) after stuck, by severity.
    return {JobState::Error, JobState::Stuck, JobState::Overdue, JobState::Running,
        JobState::DueNow, JobState::Disabled};
}

void JobSummaryBar::clearSelection()
{
    if (!m_selected)
        return;
    m_selected.reset();
    updateButtons();
    emit stateFilterChanged(m_selected);
}

void JobSummaryBar::recount()
{
    m_counts.clear();
    for (int row = 0; row < m_model->rowCount(); ++row)
        ++m_counts[int(m_model->stateAt(row))];
    updateButtons();
}

void JobSummaryBar::updateButtons()
{
    for (const JobState state : states()) {
        QToolButton *button = m_buttons.value(int(state));
        const int n = count(state);
        button->setText(buttonText(state, n));
        button->setChecked(m_selected == state);
        // A zero stays visible only while it is the filter, so the way back is on screen.
        button->setVisible(n > 0 || m_selected == state);
    }
}
