#include "ui/dialogs/deletejobdialog.h"

#include "core/domain/runstatus.h"
#include "ui/common/screenfit.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

DeleteJobDialog::DeleteJobDialog(const Job &job, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_confirm(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("deleteJobDialog"));
    setWindowTitle(tr("Delete %1").arg(job.name));
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(tr("Delete job <b>%1</b>? Its history stays in the audit log, but runners stop "
                      "running it.<br><br>Type the job's name to confirm:")
                       .arg(job.name.toHtmlEscaped()));
    intro->setBuddy(m_confirm);
    // Deleting a job that runs now does not stop the run: say so before it is too late.
    QLabel *running = nullptr;
    if (job.runStatus() == RunStatus::Running) {
        running = new QLabel(this);
        running->setObjectName(QStringLiteral("runningWarning"));
        running->setWordWrap(true);
        running->setText(
            tr("<b>%1 is running now</b>%2. Deleting it does not stop that run; its result "
               "will have no job to go to. Consider waiting until it finishes.")
                .arg(job.name.toHtmlEscaped(),
                    job.leaseOwner.isEmpty() ? QString()
                                             : tr(" on %1").arg(job.leaseOwner.toHtmlEscaped())));
    }
    m_confirm->setObjectName(QStringLiteral("confirmName"));
    m_confirm->setPlaceholderText(job.name);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Delete job"));
    ok->setEnabled(false);
    connect(m_confirm, &QLineEdit::textChanged, ok,
        [this, ok](const QString &text) { ok->setEnabled(text == m_job.name); });

    auto *layout = new QVBoxLayout(this);
    if (running)
        layout->addWidget(running);
    layout->addWidget(intro);
    layout->addWidget(m_confirm);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_confirm->text() == m_job.name)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Wrapped labels: the height they need at this width, not at their narrow size hint
    // (which left gaps between them).
    constexpr int width = 460;
    resize(width, heightForWidth(width));
    ScreenFit::keep(this);
}
