#include "ui/history/historyfilterbar.h"

#include "ui/history/actionlabels.h"

#include "ui/common/flowlayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

#include <utility>

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
    for (const ActionLabels::Choice &choice : ActionLabels::choices())
        m_action->addItem(choice.label, choice.action);
    // The stored action is each item's tooltip.
    for (int i = 1; i < m_action->count(); ++i)
        m_action->setItemData(i, m_action->itemData(i), Qt::ToolTipRole);
    m_action->setToolTip(tr("Show only rows with this action"));
    // As wide as its longest entry, so the chosen one is never cut (the bar wraps instead).
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // Short; the tooltip says what it searches.
    m_text->setPlaceholderText(tr("Search…"));
    m_text->setToolTip(tr("Search the action and the details of each row"));
    m_text->setClearButtonEnabled(true);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(300);

    // Two rows where the pane has room: the dates, then the action and text (and the pane's
    // buttons). A narrower pane wraps them onto more rows instead of cutting or scrolling them:
    // each control keeps its size hint, a check box stays beside its date.
    const auto labelled = [](QWidget *label, QWidget *field) {
        auto *pair = new QHBoxLayout;
        pair->setContentsMargins(0, 0, 0, 0);
        pair->addWidget(label);
        pair->addWidget(field);
        return pair;
    };
    m_layout = new FlowLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(labelled(m_sinceEnabled, m_since));
    m_layout->addLayout(labelled(m_untilEnabled, m_until));
    m_layout->addLineBreak();
    m_layout->addWidget(m_action);
    m_layout->addWidget(m_text, 1); // the spare width of its row
    // The pane's buttons wrap together, not one beside the field and one below it.
    m_buttons = new QHBoxLayout;
    m_buttons->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(m_buttons);

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

void HistoryFilterBar::addToSecondRow(QWidget *widget)
{
    m_buttons->addWidget(widget);
    m_layout->invalidate(); // its remembered heights
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
