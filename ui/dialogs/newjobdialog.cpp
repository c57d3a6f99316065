#include "ui/dialogs/newjobdialog.h"

#include "core/domain/jobrules.h"
#include "ui/common/screenfit.h"
#include "ui/common/scrollingform.h"
#include "ui/dialogs/policyeditor.h"
#include "ui/dialogs/scheduleeditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

NewJobDialog::NewJobDialog(const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_nameError(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_schedule(new ScheduleEditor(now, this))
    , m_active(new QCheckBox(tr("Start &active"), this))
    , m_policy(new PolicyEditor(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newJobDialog"));
    setWindowTitle(tr("New job"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(JobRules::maxNameLength * 2); // checked in code points below
    m_name->setPlaceholderText(tr("for example limpar_logs_antigos"));
    m_nameError->setWordWrap(true);
    m_nameError->setTextFormat(Qt::PlainText);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4);
    m_schedule->setHours(12);
    m_active->setChecked(true);
    m_policy->setJob(Job{}); // the columns' defaults: only what the admin changes is set
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add job"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(QString(), m_active);
    // The form scrolls on a short screen; the buttons stay below it, always in view.
    auto *body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->addLayout(form);
    bodyLayout->addWidget(m_policy);
    bodyLayout->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new ScrollingForm(body, this));
    layout->addWidget(m_buttons);
    ScreenFit::keep(this);

    connect(m_name, &QLineEdit::textChanged, this, &NewJobDialog::validate);
    connect(m_schedule, &ScheduleEditor::validityChanged, this, &NewJobDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(560, sizeHint().height());
}

NewJob NewJobDialog::newJob() const
{
    NewJob job{m_name->text(), m_description->toPlainText().trimmed(), m_schedule->hours(),
        m_active->isChecked()};
    if (m_schedule->isCron()) {
        job.cronExpression = m_schedule->expression();
        job.timeZone = m_schedule->zoneId();
    }
    return job;
}

QSpinBox *NewJobDialog::hoursField() const
{
    return m_schedule->hoursField();
}

void NewJobDialog::validate()
{
    // An empty field is not an error yet, just not done.
    const QString problem
        = m_name->text().isEmpty() ? QString() : JobRules::validateName(m_name->text());
    m_nameError->setText(problem);
    m_nameError->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().isEmpty() && problem.isEmpty() && m_schedule->isValid());
}
