#include "ui/dialogs/editjobdialog.h"

#include "core/domain/jobrules.h"
#include "ui/common/messagetext.h"
#include "ui/common/screenfit.h"
#include "ui/common/scrollingform.h"
#include "ui/dialogs/dialogsubmission.h"
#include "ui/dialogs/policyeditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

EditJobDialog::EditJobDialog(const Job &job, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_name(new QLineEdit(job.name, this))
    , m_nameNote(new QLabel(this))
    , m_description(new QPlainTextEdit(job.description, this))
    , m_reason(new QLineEdit(this))
    , m_policy(new PolicyEditor(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("editJobDialog"));
    setWindowTitle(tr("Edit %1").arg(job.name));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(JobRules::maxNameLength * 2); // checked in code points below
    m_nameNote->setObjectName(QStringLiteral("nameNote"));
    m_nameNote->setWordWrap(true);
    m_nameNote->setTextFormat(Qt::PlainText);
    // Room for the rename note (three lines at the dialog's width in English, four in pt_BR).
    m_nameNote->setMinimumHeight(m_nameNote->fontMetrics().lineSpacing() * 4);
    m_nameNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("optional, kept in the audit row"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    if (job.runStatus() == RunStatus::Running)
        m_name->setEnabled(false);
    m_policy->setJob(job);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Reason:"), m_reason);
    // The form scrolls on a short screen; the buttons stay below it, always in view.
    auto *body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->addLayout(form);
    bodyLayout->addWidget(m_policy);
    bodyLayout->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new ScrollingForm(body, this));
    // Below the form, its room kept whether or not there is a note: the dialog grew by three
    // lines under the pointer as soon as a letter of the name changed (walk-through, issue 16).
    layout->addWidget(m_nameNote);
    layout->addWidget(m_buttons);
    ScreenFit::keep(this);

    connect(m_name, &QLineEdit::textChanged, this, &EditJobDialog::validate);
    connect(m_policy, &PolicyEditor::edited, this, &EditJobDialog::validate);
    connect(m_description, &QPlainTextEdit::textChanged, this, &EditJobDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(520, sizeHint().height());
}

QString EditJobDialog::name() const
{
    return m_name->text();
}

QString EditJobDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

QString EditJobDialog::reason() const
{
    return m_reason->text().trimmed();
}

void EditJobDialog::validate()
{
    QString note;
    bool nameOk = true;
    if (m_job.runStatus() == RunStatus::Running) {
        note = tr("The job is running: its runner records the result by name, so the name can "
                  "change once the run has finished.");
    } else if (const QString problem = JobRules::validateName(name()); !problem.isEmpty()) {
        note = MessageText::sentence(problem) + QLatin1Char('.');
        nameOk = false;
    } else if (name() != m_job.name) {
        note = tr("The platform and scripts call jobs by name (deve_executar_cron('%1')): "
                  "change them too. The history so far stays under \"%1\".")
                   .arg(m_job.name);
    }
    m_nameNote->setText(note);
    DialogSubmission::growToFit(this); // a longer note than the room kept (a long old name)
    const bool changed = name() != m_job.name || description() != m_job.description
        || !m_policy->change().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(nameOk && changed);
}
