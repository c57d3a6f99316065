#include "ui/mainwindow/alerttray.h"

#include "ui/common/statusstyle.h"
#include "ui/jobs/jobtablemodel.h"
#include "ui/mainwindow/desktopnotifications.h"

#include <QIcon>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

#include <array>
#include <utility>

AlertTray::AlertTray(JobTableModel *model, QWidget *window)
    : QObject(window)
    , m_model(model)
    , m_window(window)
    , m_desktop(new DesktopNotifications(this))
{
    const auto open = [this](const QString &job) {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
        if (!job.isEmpty())
            emit openJob(job);
    };
    connect(m_desktop, &DesktopNotifications::jobRequested, this, open);
    // The service went away between the look and the call: the balloon instead.
    connect(m_desktop, &DesktopNotifications::failed, this,
        [this](const QString &title, const QString &body, const QString &job) {
            showBalloon(title, body, job, true);
        });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setObjectName(QStringLiteral("alertTray"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [open] { open(QString()); });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
            [this, open] { open(m_lastMessageJob); });
    }
    // Rows change one by one (10,000 in a big load): look once per burst, not per row.
    m_recount = new QTimer(this);
    m_recount->setSingleShot(true);
    m_recount->setInterval(200);
    connect(m_recount, &QTimer::timeout, this, &AlertTray::recount);
    const auto later = [this] { m_recount->start(); };
    const auto forgetting = [this] { // jobs went away: the next look drops them from m_seen
        m_forget = true;
        m_recount->start();
    };
    connect(model, &QAbstractItemModel::modelReset, m_recount, forgetting);
    connect(model, &QAbstractItemModel::rowsInserted, m_recount, later);
    connect(model, &QAbstractItemModel::rowsRemoved, m_recount, forgetting);
    connect(model, &QAbstractItemModel::dataChanged, m_recount, later);
    updateIcon();
}

void AlertTray::setEnabled(bool enabled)
{
    m_enabled = enabled;
    updateIcon();
}

bool AlertTray::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

AlertTray::Attention AlertTray::attentionOf(int row) const
{
    switch (m_model->shownStateAt(row)) {
    case JobState::Stuck:
        return Attention::Stuck;
    case JobState::Overdue:
        return Attention::Overdue;
    default:
        break;
    }
    // Failing: the last run failed after its last retry (alert_state), not a retry pending.
    return m_model->jobAt(row).alertState == QLatin1String("failing") ? Attention::Failing
                                                                      : Attention::None;
}

void AlertTray::recount()
{
    const std::array counted{m_failing, m_stuck, m_overdue};
    m_failing = m_stuck = m_overdue = 0;
    // The model's 1 s tick brings a look every second: m_seen is updated in place and built
    // anew only when jobs went away (a new hash per look was a tenth of an idle console's CPU).
    const bool forget = std::exchange(m_forget, false);
    QHash<QString, Attention> fresh;
    if (forget)
        fresh.reserve(m_model->rowCount());
    QStringList entered;
    QString enteredJob;
    QStringList recovered;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString &name = m_model->jobAt(row).name;
        const Attention attention = attentionOf(row);
        m_failing += attention == Attention::Failing ? 1 : 0;
        m_stuck += attention == Attention::Stuck ? 1 : 0;
        m_overdue += attention == Attention::Overdue ? 1 : 0;
        const auto seen = m_seen.find(name);
        const Attention before = seen == m_seen.end() ? Attention::None : *seen;
        if (forget)
            fresh.insert(name, attention);
        else if (seen == m_seen.end())
            m_seen.insert(name, attention);
        else if (attention != before)
            *seen = attention;
        if (attention == before)
            continue;
        if (attention == Attention::Failing) {
            entered << tr("%1 failed").arg(name);
            enteredJob = name;
        } else if (attention == Attention::Stuck) {
            entered << tr("%1 is stuck").arg(name);
            enteredJob = name;
        } else if (attention == Attention::Overdue) {
            entered << tr("%1 is overdue").arg(name);
            enteredJob = name;
        } else if (before == Attention::Failing) {
            recovered << name;
        }
    }
    const bool first = !m_primed && m_model->rowCount() > 0;
    m_primed = m_primed || m_model->rowCount() > 0;
    if (forget)
        m_seen = std::move(fresh);
    m_count = m_failing + m_stuck + m_overdue;
    if (counted != std::array{m_failing, m_stuck, m_overdue})
        updateIcon();
    if (!m_enabled)
        return;
    if (first) {
        if (m_count > 0)
            showMessage(tr("Cron Console"), summary(), m_count == 1 ? enteredJob : QString(), true);
        return;
    }
    if (!entered.isEmpty()) {
        showMessage(tr("Cron Console: a job needs attention"), entered.join(QLatin1Char('\n')),
            entered.size() == 1 ? enteredJob : QString(), true);
    } else if (!recovered.isEmpty()) {
        showMessage(tr("Cron Console"),
            tr("Succeeded again: %1").arg(recovered.join(QStringLiteral(", "))),
            recovered.size() == 1 ? recovered.constFirst() : QString(), false);
    }
}

void AlertTray::showMessage(
    const QString &title, const QString &body, const QString &job, bool warning)
{
    if (m_desktop->isAvailable()) {
        m_lastDelivery = Delivery::Desktop;
        m_desktop->notify(title, body, job,
            warning ? DesktopNotifications::Urgency::Critical
                    : DesktopNotifications::Urgency::Normal);
        return;
    }
    showBalloon(title, body, job, warning);
}

void AlertTray::showBalloon(
    const QString &title, const QString &body, const QString &job, bool warning)
{
    if (!m_tray || !m_tray->isVisible()) {
        m_lastDelivery = Delivery::Nowhere;
        return;
    }
    m_lastDelivery = Delivery::TrayBalloon;
    m_lastMessageJob = job;
    m_tray->showMessage(
        title, body, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

QString AlertTray::summary() const
{
    if (m_count == 0)
        return tr("No job needs attention");
    return tr("Jobs needing attention: %1 (%2 failing, %3 stuck, %4 overdue)")
        .arg(m_count)
        .arg(m_failing)
        .arg(m_stuck)
        .arg(m_overdue);
}

QString AlertTray::toolTip() const
{
    return tr("Cron Console") + QLatin1Char('\n') + summary();
}

void AlertTray::updateIcon()
{
    if (!m_tray)
        return;
    m_tray->setVisible(m_enabled);
    // The application icon with a badge holding the count.
    if (m_appIcon.isNull()) { // rendered once: the SVG costs more than the rest together
        m_appIcon = QIcon(QStringLiteral(":/icons/cron-console.svg")).pixmap(64, 64);
        if (m_appIcon.isNull()) {
            m_appIcon = QPixmap(64, 64);
            m_appIcon.fill(StatusStyle::color(JobState::Pending));
        }
    }
    QPixmap pixmap = m_appIcon;
    if (m_count > 0) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF badge(24, 24, 40, 40);
        painter.setPen(Qt::NoPen);
        painter.setBrush(
            StatusStyle::color(m_stuck + m_failing > 0 ? JobState::Error : JobState::Overdue));
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(m_count > 9 ? 22 : 28);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter,
            m_count > 99 ? QStringLiteral("99+") : QString::number(m_count));
    }
    m_tray->setIcon(QIcon(pixmap));
    m_tray->setToolTip(toolTip());
}
