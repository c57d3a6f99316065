#include "ui/dialogs/abortrundialog.h"

#include "core/domain/run.h"
#include "ui/common/relativetime.h"
#include "ui/common/screenfit.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AbortRunDialog::AbortRunDialog(const RunRecord &run, QWidget *parent)
    : QDialog(parent)
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("abortRunDialog"));
    setWindowTitle(tr("Abort run"));
    auto *question = new QLabel(this);
    question->setWordWrap(true);
    question->setText(
        tr("Abort run %1 of <b>%2</b> on runner <b>%3</b>? It has run for %4.")
            .arg(QString::number(run.id), run.jobName.toHtmlEscaped(), run.runner.toHtmlEscaped(),
                RelativeTime::duration(run.startedAt.secsTo(run.readAt))));
    auto *effect = new QLabel(
        tr("The runner stops the whole action at once; the run is recorded as aborted."), this);
    effect->setWordWrap(true);
    auto *label = new QLabel(tr("&Reason (optional, recorded in the audit log):"), this);
    label->setWordWrap(true);
    label->setBuddy(m_reason);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setMaxLength(500);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Abort run"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep it running"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(effect);
    layout->addSpacing(layout->spacing());
    layout->addWidget(label);
    layout->addWidget(m_reason);
    layout->addStretch();
    layout->addWidget(m_buttons);
    m_reason->setFocus();
    // Wrapped labels: the height they need at this width, not at their narrow size hint.
    constexpr int width = 460;
    resize(width, heightForWidth(width));
    ScreenFit::keep(this);
}

QString AbortRunDialog::reason() const
{
    return m_reason->text().trimmed();
}
