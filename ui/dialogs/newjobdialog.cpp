#include "dialogs/newjobdialog.h"

#include "domain/jobrules.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

NewJobDialog::NewJobDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_nameError(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_hours(new QSpinBox(this))
    , m_active(new QCheckBox(tr("Start &active"), this))
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
    m_hours->setObjectName(QStringLiteral("hours"));
    m_hours->setRange(JobRules::minIntervalHours, JobRules::maxIntervalHours);
    m_hours->setValue(12);
    m_hours->setSuffix(tr(" h"));
    m_active->setChecked(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add job"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Run &every:"), m_hours);
    form->addRow(QString(), m_active);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &NewJobDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(480, sizeHint().height());
}

NewJob NewJobDialog::newJob() const
{
    return {m_name->text(), m_description->toPlainText().trimmed(), m_hours->value(),
        m_active->isChecked()};
}

void NewJobDialog::validate()
{
    // An empty field is not an error yet, just not done.
    const QString problem
        = m_name->text().isEmpty() ? QString() : JobRules::validateName(m_name->text());
    m_nameError->setText(problem);
    m_nameError->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().isEmpty() && problem.isEmpty());
}
