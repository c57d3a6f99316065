#include "ui/mainwindow/pausebanner.h"

#include "core/client/jobclient.h"
#include "core/store/pausestore.h"
#include "ui/common/messageboxes.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QTimer>

PauseBanner::PauseBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_toggle(new QAction(tr("&Pause all jobs…"), this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("pauseBanner"));
    m_toggle->setObjectName(QStringLiteral("pauseAllAction"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // The overdue purple with white text: unlike the amber connection strip.
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0x8e, 0x44, 0xad));
    colours.setColor(QPalette::WindowText, Qt::white);
    setPalette(colours);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label);
    hide();
    m_toggle->setEnabled(false);
    connect(m_toggle, &QAction::triggered, this, &PauseBanner::toggle);
    // Another console's pause reaches PostgreSQL consoles at once (cron_jobs_changed) and SQLite
    // ones with their change poll; this poll is the fallback for both.
    m_poll->setInterval(5000);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_client && m_client->state() == JobClient::State::Connected)
            m_client->refreshPause();
    });
}

void PauseBanner::setClient(JobClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_paused = false;
    hide();
    m_toggle->setEnabled(client != nullptr);
    if (!client) {
        m_poll->stop();
        return;
    }
    connect(client, &JobClient::pauseLoaded, this, &PauseBanner::show);
    connect(client, &JobClient::stateChanged, this, [this](JobClient::State state) {
        if (state == JobClient::State::Connected && m_client)
            m_client->refreshPause();
    });
    m_poll->start();
    if (client->state() == JobClient::State::Connected)
        client->refreshPause();
}

QString PauseBanner::text() const
{
    return m_label->text();
}

void PauseBanner::show(const PauseState &state)
{
    m_paused = state.paused;
    m_toggle->setText(m_paused ? tr("&Resume all jobs…") : tr("&Pause all jobs…"));
    if (!m_paused) {
        hide();
        return;
    }
    QString text = tr("All jobs are paused: runners start nothing and deve_executar_cron answers "
                      "false.");
    if (!state.reason.isEmpty())
        text += QLatin1Char(' ') + tr("Reason: %1").arg(state.reason);
    if (!state.changedBy.isEmpty())
        text += QLatin1Char(' ') + tr("(by %1)").arg(state.changedBy);
    m_label->setText(text);
    QFrame::show();
}

void PauseBanner::toggle()
{
    if (!m_client)
        return;
    const bool pause = !m_paused;
    QString reason;
    if (pause) {
        bool ok = false;
        reason = QInputDialog::getText(window(), tr("Pause all jobs"),
            tr("No runner will start any job, and the web platform's deve_executar_cron answers "
               "false, until someone resumes. Running jobs finish.\n\nReason (kept in the "
               "audit log):"),
            QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
    } else if (QMessageBox::question(
                   window(), tr("Resume all jobs"), tr("Let runners start due jobs again?"))
        != QMessageBox::Yes) {
        return;
    }
    m_client->setPaused(pause, reason, this, [this](const Result<bool> &changed) {
        if (!changed)
            QMessageBox::warning(window(), tr("Pause all jobs"), changed.error().message);
    });
}
