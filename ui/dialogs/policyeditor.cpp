#include "ui/dialogs/policyeditor.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <cmath>

PolicyEditor::PolicyEditor(QWidget *parent)
    : QGroupBox(tr("Policy"), parent)
    , m_maxRetries(new QSpinBox(this))
    , m_retryDelay(new QSpinBox(this))
    , m_retryBackoff(new QDoubleSpinBox(this))
    , m_overdueAfter(new QSpinBox(this))
{
    setObjectName(QStringLiteral("policyEditor"));
    m_maxRetries->setObjectName(QStringLiteral("maxRetries"));
    m_maxRetries->setRange(0, JobPolicy::maxMaxRetries);
    m_maxRetries->setSpecialValueText(tr("no retries"));
    m_retryDelay->setObjectName(QStringLiteral("retryDelay"));
    m_retryDelay->setRange(0, JobPolicy::maxRetryDelaySeconds);
    m_retryDelay->setSuffix(tr(" s"));
    m_retryBackoff->setObjectName(QStringLiteral("retryBackoff"));
    m_retryBackoff->setRange(1.0, JobPolicy::maxRetryBackoff);
    m_retryBackoff->setSingleStep(0.5);
    m_retryBackoff->setDecimals(2);
    m_retryBackoff->setPrefix(QStringLiteral("× "));
    m_overdueAfter->setObjectName(QStringLiteral("overdueAfter"));
    m_overdueAfter->setRange(1, JobPolicy::maxOverdueAfterSeconds);
    m_overdueAfter->setSuffix(tr(" s"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Retries after a failure:"), m_maxRetries);
    form->addRow(tr("First retry &after:"), m_retryDelay);
    form->addRow(tr("Each later delay:"), m_retryBackoff);
    form->addRow(tr("&Overdue when due for:"), m_overdueAfter);
    const auto enableRetryFields = [this](int retries) {
        m_retryDelay->setEnabled(retries > 0);
        m_retryBackoff->setEnabled(retries > 0);
    };
    connect(m_maxRetries, &QSpinBox::valueChanged, this, enableRetryFields);
    enableRetryFields(0);
}

void PolicyEditor::setJob(const Job &job)
{
    m_job = job;
    m_maxRetries->setValue(job.maxRetries);
    m_retryDelay->setValue(job.retryDelaySeconds);
    m_retryBackoff->setValue(job.retryBackoff);
    m_overdueAfter->setValue(job.overdueAfterSeconds);
}

PolicyChange PolicyEditor::change() const
{
    PolicyChange change;
    if (m_maxRetries->value() != m_job.maxRetries)
        change.maxRetries = m_maxRetries->value();
    if (m_retryDelay->value() != m_job.retryDelaySeconds)
        change.retryDelaySeconds = m_retryDelay->value();
    if (std::abs(m_retryBackoff->value() - m_job.retryBackoff) > 1e-9)
        change.retryBackoff = m_retryBackoff->value();
    if (m_overdueAfter->value() != m_job.overdueAfterSeconds)
        change.overdueAfterSeconds = m_overdueAfter->value();
    return change;
}
