#include "ui/history/runsview.h"

#include "core/client/runclient.h"
#include "core/domain/runlabels.h"
#include "core/domain/runstatus.h"
#include "ui/common/relativetime.h"
#include "ui/common/sizetext.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

RunsView::RunsView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderLabels({tr("Run"), tr("Started"), tr("Ended"), tr("Duration"), tr("Runner"),
        tr("Trigger"), tr("Status"), tr("Output")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Runs"));
    m_status->setWordWrap(true); // a long job name must not widen the pane (pt_BR: 16 px)
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    m_status->setText(tr("Select one job to see its runs."));
}

void RunsView::setClient(RunClient *client)
{
    m_client = client;
    ++m_generation;
    m_tree->clear();
    reload();
}

QString RunsView::statusText() const
{
    return m_status->text();
}

void RunsView::setJob(const QString &job)
{
    if (job == m_job)
        return;
    m_job = job;
    m_tree->clear();
    reload();
}

void RunsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload(); // runs end while the view is hidden
}

void RunsView::reload()
{
    const quint64 generation = ++m_generation;
    if (m_job.isEmpty() || !m_client) {
        m_tree->clear();
        m_status->setText(tr("Select one job to see its runs."));
        return;
    }
    if (!isVisible())
        return;
    m_client->fetchRuns(
        m_job, limit, this, [this, generation](const Result<QList<RunRecord>> &runs) {
            if (generation != m_generation)
                return;
            // A live reload keeps the selected run and the scroll position.
            const QString selected
                = m_tree->currentItem() ? m_tree->currentItem()->text(0) : QString();
            const int scroll = m_tree->verticalScrollBar()->value();
            m_tree->clear();
            if (!runs) {
                m_status->setText(tr("Cannot read the runs: %1").arg(runs.error().message));
                return;
            }
            for (const RunRecord &run : *runs) {
                const QDateTime end = run.finishedAt.isValid() ? run.finishedAt : run.readAt;
                QString output = SizeText::bytes(run.outputBytes);
                if (run.droppedBytes > 0)
                    output = tr("%1 (%2 not kept)").arg(output, SizeText::bytes(run.droppedBytes));
                auto *item = new QTreeWidgetItem(m_tree,
                    {QString::number(run.id), RelativeTime::absolute(run.startedAt),
                        run.finishedAt.isValid() ? RelativeTime::absolute(run.finishedAt)
                                                 : RunLabels::status(RunStatus::Running),
                        RelativeTime::runDuration(run.startedAt, end, run.durationSeconds),
                        run.runner.isEmpty() ? tr("platform") : run.runner,
                        RunLabels::trigger(run.trigger), RunLabels::status(run.status), output});
                if (!run.error.isEmpty())
                    item->setToolTip(6, run.error);
                if (item->text(0) == selected)
                    m_tree->setCurrentItem(item);
            }
            m_tree->verticalScrollBar()->setValue(scroll);
            m_status->setText(
                runs->isEmpty() ? tr(
                    "No run records of %1 yet; the history table above lists executions recorded "
                    "without one.")
                                      .arg(m_job)
                                : tr("%n run(s) of %1, newest first.", nullptr, int(runs->size()))
                                      .arg(m_job));
        });
}
