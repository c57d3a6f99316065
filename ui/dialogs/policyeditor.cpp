#include "ui/dialogs/policyeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <cmath>

namespace {
// Shown for a job without a window of its own: an hour late is still worth running.
constexpr int defaultCatchUpWindow = 3600;
} // namespace

PolicyEditor::PolicyEditor(QWidget *parent)
    : QGroupBox(tr("Policy"), parent)
    , m_maxRetries(new QSpinBox(this))
    , m_retryDelay(new QSpinBox(this))
    , m_retryBackoff(new QDoubleSpinBox(this))
    , m_overdueAfter(new QSpinBox(this))
    , m_catchUp(new QComboBox(this))
    , m_catchUpWindow(new QSpinBox(this))
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
    m_catchUp->setObjectName(QStringLiteral("catchUp"));
    m_catchUp->addItem(tr("Run once for all missed slots"), QStringLiteral("once"));
    m_catchUp->addItem(tr("Skip a slot missed by more than the window"), QStringLiteral("skip"));
    m_catchUp->addItem(tr("Run every missed slot (at most %1)").arg(JobPolicy::maxCatchUpSlots),
        QStringLiteral("all"));
    m_catchUpWindow->setObjectName(QStringLiteral("catchUpWindow"));
    m_catchUpWindow->setRange(1, JobPolicy::maxRetryDelaySeconds * 52); // validateCatchUpWindow
    m_catchUpWindow->setSuffix(tr(" s"));
    m_catchUpWindow->setValue(defaultCatchUpWindow);
    // Accelerators clear of the dialogs that hold this group (New job, Edit job, Change
    // schedule: n, d, a, r, s, c, h, z).
    auto *form = new QFormLayout(this);
    form->addRow(tr("Re&tries after a failure:"), m_maxRetries);
    form->addRow(tr("First retry a&fter:"), m_retryDelay);
    form->addRow(tr("Each later delay:"), m_retryBackoff);
    form->addRow(tr("After downti&me:"), m_catchUp);
    form->addRow(tr("Catch-up &window:"), m_catchUpWindow);
    form->addRow(tr("&Overdue when due for:"), m_overdueAfter);
    // Tab in the rows' order (the fields were made in another).
    setTabOrder(m_maxRetries, m_retryDelay);
    setTabOrder(m_retryDelay, m_retryBackoff);
    setTabOrder(m_retryBackoff, m_catchUp);
    setTabOrder(m_catchUp, m_catchUpWindow);
    setTabOrder(m_catchUpWindow, m_overdueAfter);
    const auto enableRetryFields = [this](int retries) {
        m_retryDelay->setEnabled(retries > 0);
        m_retryBackoff->setEnabled(retries > 0);
    };
    connect(m_maxRetries, &QSpinBox::valueChanged, this, enableRetryFields);
    enableRetryFields(0);
    const auto enableWindow = [this] {
        m_catchUpWindow->setEnabled(m_catchUp->currentData() == QStringLiteral("skip"));
    };
    connect(m_catchUp, &QComboBox::currentIndexChanged, this, enableWindow);
    enableWindow();
    for (QSpinBox *field : {m_maxRetries, m_retryDelay, m_overdueAfter, m_catchUpWindow})
        connect(field, &QSpinBox::valueChanged, this, &PolicyEditor::edited);
    connect(m_retryBackoff, &QDoubleSpinBox::valueChanged, this, &PolicyEditor::edited);
    connect(m_catchUp, &QComboBox::currentIndexChanged, this, &PolicyEditor::edited);
}

void PolicyEditor::setCatchUp(const QString &mode)
{
    const int index = m_catchUp->findData(mode);
    m_catchUp->setCurrentIndex(index >= 0 ? index : 0);
}

void PolicyEditor::setJob(const Job &job)
{
    m_job = job;
    m_maxRetries->setValue(job.maxRetries);
    m_retryDelay->setValue(job.retryDelaySeconds);
    m_retryBackoff->setValue(job.retryBackoff);
    m_overdueAfter->setValue(job.overdueAfterSeconds);
    setCatchUp(job.catchUp);
    m_catchUpWindow->setValue(job.catchUpWindowSeconds.value_or(defaultCatchUpWindow));
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
    const QString catchUp = m_catchUp->currentData().toString();
    if (catchUp != m_job.catchUp)
        change.catchUp = catchUp;
    // The window matters for "skip" only; it is stored when skip is chosen (a job that never
    // had one gets the shown default), else left as it was.
    if (catchUp == QLatin1String("skip")
        && m_job.catchUpWindowSeconds != std::optional<int>(m_catchUpWindow->value()))
        change.catchUpWindowSeconds = m_catchUpWindow->value();
    return change;
}
