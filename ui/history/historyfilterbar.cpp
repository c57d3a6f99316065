#include "ui/history/historyfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

HistoryFilterBar::HistoryFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_sinceEnabled(new QCheckBox(tr("From"), this))
    , m_since(new QDateTimeEdit(this))
    , m_untilEnabled(new QCheckBox(tr("to"), this))
    , m_until(new QDateTimeEdit(this))
    , m_action(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_textDelay(new QTimer(this))
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setDisplayFormat(format);
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
        edit->setEnabled(false);
    }
    m_since->setDateTime(now.addDays(-7));
    m_until->setDateTime(now.addSecs(3600));
    m_sinceEnabled->setToolTip(tr("Only rows at or after this local time"));
    m_untilEnabled->setToolTip(tr("Only rows before this local time"));

    // The action column holds the status of executions: success and error are actions.
    m_action->addItem(tr("Any action"), QString());
    m_action->addItem(tr("Succeeded runs"), QStringLiteral("cron_job_success"));
    m_action->addItem(tr("Failed runs"), QStringLiteral("cron_job_error"));
    m_action->addItem(tr("Legacy sync succeeded"), QStringLiteral("sync_automatico_persistente"));
    m_action->addItem(tr("Legacy sync failed"), QStringLiteral("sync_automatico_erro"));
    for (const char *admin : {"add", "remove", "enable", "disable", "update_interval",
             "set_schedule", "reset", "run_now"}) {
        const QString action = QStringLiteral("cron_admin_") + QLatin1String(admin);
        m_action->addItem(action, action);
    }
    m_action->setToolTip(tr("Show only rows with this action"));

    m_text->setPlaceholderText(tr("Search action and details…"));
    m_text->setClearButtonEnabled(true);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(300);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sinceEnabled);
    layout->addWidget(m_since);
    layout->addWidget(m_untilEnabled);
    layout->addWidget(m_until);
    layout->addWidget(m_action);
    layout->addWidget(m_text, 1);

    connect(m_sinceEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_since->setEnabled(on);
        emit filterChanged();
    });
    connect(m_untilEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_until->setEnabled(on);
        emit filterChanged();
    });
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_sinceEnabled->isChecked())
            emit filterChanged();
    });
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_untilEnabled->isChecked())
            emit filterChanged();
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::filterChanged);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    connect(m_textDelay, &QTimer::timeout, this, &HistoryFilterBar::filterChanged);
}

HistoryFilter HistoryFilterBar::filter() const
{
    HistoryFilter filter;
    if (m_sinceEnabled->isChecked())
        filter.since = m_since->dateTime();
    if (m_untilEnabled->isChecked())
        filter.until = m_until->dateTime();
    filter.action = m_action->currentData().toString();
    filter.text = m_text->text().trimmed();
    return filter;
}
