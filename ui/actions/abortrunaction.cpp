#include "ui/actions/abortrunaction.h"

#include "core/client/runclient.h"
#include "ui/actions/actionicons.h"
#include "ui/dialogs/abortrundialog.h"

#include <QAction>
#include <QMessageBox>
#include <QStyle>
#include <QWidget>

AbortRunAction::AbortRunAction(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(tr("&Abort run…"), this))
{
    m_action->setToolTip(tr("Stop the selected job's running run on the runner that holds it"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    (new ActionIcons(window))
        ->set(m_action, QStringLiteral("process-stop"), QStyle::SP_BrowserStop);
    m_action->setEnabled(false);
    connect(m_action, &QAction::triggered, this, &AbortRunAction::trigger);
}

void AbortRunAction::update(const QList<Job> &selected, bool writable)
{
    m_job.reset();
    if (selected.size() == 1)
        m_job = selected.constFirst();
    m_action->setEnabled(
        m_client && writable && m_job && m_job->lastStatus == QLatin1String("running"));
}

void AbortRunAction::trigger()
{
    if (!m_client || !m_job)
        return;
    const QString job = m_job->name;
    m_client->fetchCurrent(job, this, [this, job](const Result<std::optional<RunRecord>> &current) {
        if (!current) {
            QMessageBox::warning(m_window, tr("Abort run"), current.error().message);
            return;
        }
        if (!*current || !(*current)->isRunning()) {
            QMessageBox::information(
                m_window, tr("Abort run"), tr("%1 has no running run to abort.").arg(job));
            return;
        }
        const RunRecord &run = **current;
        if (run.runner.isEmpty()) {
            QMessageBox::information(m_window, tr("Abort run"),
                tr("Run %1 of %2 was started by the platform (iniciar_execucao_cron) without a "
                   "lease. No runner holds it, so it cannot be stopped from here.")
                    .arg(run.id)
                    .arg(job));
            return;
        }
        AbortRunDialog ask(run, m_window);
        if (ask.exec() != QDialog::Accepted)
            return;
        const QString reason = ask.reason();
        m_client->requestAbort(job, reason, this, [this, job](const Result<RunRecord> &asked) {
            if (!asked) {
                QMessageBox::warning(m_window, tr("Abort run"), asked.error().message);
                return;
            }
            emit statusMessage(
                tr("Asked %1 to abort run %2 of %3").arg(asked->runner).arg(asked->id).arg(job));
        });
    });
}
