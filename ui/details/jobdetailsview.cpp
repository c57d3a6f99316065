#include "ui/details/jobdetailsview.h"

#include "core/domain/jobrules.h"
#include "core/domain/runstatus.h"
#include "core/schedule/schedule.h"
#include "ui/common/columnfitter.h"
#include "ui/common/elidingheaderview.h"
#include "ui/common/elidinglabel.h"
#include "ui/common/nextruntext.h"
#include "ui/common/relativetime.h"
#include "ui/common/statusstyle.h"
#include "ui/history/actionlabels.h"
#include "ui/history/historyformat.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

ElidingLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new ElidingLabel(parent);
    label->setObjectName(name);
    // Not wrapped (QFormLayout cuts wrapped labels short in a narrow pane): a long value ends in
    // "…", its tooltip and Copy hold all of it (a clipped value read as whole).
    label->setElideMode(Qt::ElideRight);
    label->makeCopyable();
    return label;
}

} // namespace

JobDetailsView::JobDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_state(valueLabel(this, QStringLiteral("detailsState")))
    , m_schedule(valueLabel(this, QStringLiteral("detailsSchedule")))
    , m_lastRun(valueLabel(this, QStringLiteral("detailsLastRun")))
    , m_nextRun(valueLabel(this, QStringLiteral("detailsNextRun")))
    , m_runner(valueLabel(this, QStringLiteral("detailsRunner")))
    , m_lease(valueLabel(this, QStringLiteral("detailsLease")))
    , m_error(valueLabel(this, QStringLiteral("detailsError")))
    , m_result(new QPlainTextEdit(this))
    , m_history(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("jobDetails"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setMinimumWidth(1);

    m_result->setObjectName(QStringLiteral("detailsResult"));
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_result->setTabChangesFocus(true);

    m_history->setObjectName(QStringLiteral("detailsHistory"));
    // Titles of narrowed columns end in "…" ("Executor / usuário" was cut mid-word).
    m_history->setHeader(new ElidingHeaderView(Qt::Horizontal, m_history));
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    m_history->setHeaderLabels(
        {tr("When"), tr("Action"), tr("Status"), tr("Duration"), tr("Runner / user")});
    m_history->header()->setStretchLastSection(true);
    const QDateTime epoch = QDateTime::fromSecsSinceEpoch(0);
    const int when = std::max(fontMetrics().horizontalAdvance(tr("59 min ago")),
        fontMetrics().horizontalAdvance(RelativeTime::ago(epoch, epoch))); // "just now"
    m_history->setColumnWidth(0, when + 16);
    // The runner's and the console's actions fit; the legacy sync's longer one is cut (the
    // History tab has room for it), so Duration stays in the pane at the default size.
    m_history->setColumnWidth(
        1, fontMetrics().horizontalAdvance(QStringLiteral("cron_admin_run_now")) + 16);
    int status = 0;
    for (const QString &text : {QStringLiteral("success"), QStringLiteral("error")})
        status
            = std::max(status, fontMetrics().horizontalAdvance(HistoryFormat::statusLabel(text)));
    m_history->setColumnWidth(2, status + 36); // the icon and margins
    m_history->setColumnWidth(
        3, fontMetrics().horizontalAdvance(QStringLiteral("3 min 20 s")) + 16);
    // A narrow pane: Runner / user, then Action give up width (their text elided, whole in the
    // History tab); the runner steps aside when even that is not enough.
    const int charWidth = fontMetrics().averageCharWidth();
    ColumnFitter::attach(
        m_history, m_history->header(), {{4, 1}, charWidth * 8, charWidth * 12, {4}});

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Status:"), m_state);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(tr("Last run:"), m_lastRun);
    form->addRow(tr("Next run:"), m_nextRun);
    form->addRow(tr("Runner:"), m_runner);
    form->addRow(tr("Lease:"), m_lease);
    form->addRow(tr("Last error:"), m_error);

    auto *resultLabel = new QLabel(tr("Last &result:"), this);
    resultLabel->setBuddy(m_result);
    auto *historyLabel = new QLabel(tr("Recent &history:"), this);
    historyLabel->setBuddy(m_history);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(resultLabel);
    layout->addWidget(m_result, 2);
    layout->addWidget(historyLabel);
    layout->addWidget(m_history, 3);
    setJob(std::nullopt, {});
}

QString JobDetailsView::errorFromResult(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (const char *key : {"error", "erro", "message", "mensagem", "stderr_tail", "stderr"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isObject())
            return QString::fromUtf8(
                QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString JobDetailsView::prettyJson(const QByteArray &json)
{
    if (json.isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isNull())
        return QString::fromUtf8(json);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

void JobDetailsView::setJob(const std::optional<Job> &job, const QDateTime &now)
{
    setEnabled(job.has_value());
    refreshHistoryTimes(now);
    if (!job) {
        m_title->setText(tr("No job selected"));
        for (ElidingLabel *label :
            {m_state, m_schedule, m_lastRun, m_nextRun, m_runner, m_lease, m_error})
            label->setFullText(QString());
        m_result->clear();
        m_history->clear();
        return;
    }
    m_title->setText(job->name);
    const JobState state = JobRules::state(*job, now);
    QString stateText = StatusStyle::label(state);
    if (state == JobState::Running || state == JobState::Stuck) {
        const QDateTime since = job->runningSince.isValid() ? job->runningSince : job->updatedAt;
        stateText += tr(", for %1").arg(RelativeTime::duration(qMax<qint64>(0, since.secsTo(now))));
    }
    m_state->setFullText(stateText);
    m_schedule->setFullText(Schedule::of(*job).describe()); // the same words as the table
    m_lastRun->setFullText(job->lastRun.isValid()
            ? tr("%1 (%2)").arg(
                RelativeTime::absolute(job->lastRun), RelativeTime::ago(job->lastRun, now))
            : tr("never"));
    m_nextRun->setFullText(NextRunText::describe(*job, now)); // agrees with the state
    m_runner->setFullText(job->leaseOwner.isEmpty()
            ? (job->runStatus() == RunStatus::Running ? tr("unknown (no lease)") : tr("none"))
            : job->leaseOwner);
    if (job->leaseExpiresAt.isValid())
        m_lease->setFullText(job->leaseExpiresAt <= now
                ? tr("expired %1 (%2)")
                      .arg(RelativeTime::ago(job->leaseExpiresAt, now),
                          RelativeTime::absolute(job->leaseExpiresAt))
                : tr("valid until %1 (%2)")
                      .arg(RelativeTime::absolute(job->leaseExpiresAt),
                          RelativeTime::countdown(job->leaseExpiresAt, now)));
    else
        m_lease->setFullText(tr("none"));
    const QString error
        = job->runStatus() == RunStatus::Error ? errorFromResult(job->lastResultJson) : QString();
    m_error->setFullText(error.isEmpty() ? tr("none") : error);
    const QString result = prettyJson(job->lastResultJson);
    if (m_result->toPlainText() != result)
        m_result->setPlainText(result);
    m_result->setPlaceholderText(tr("No result recorded"));
}

void JobDetailsView::setHistory(const QList<HistoryEntry> &entries, const QDateTime &now)
{
    m_history->clear();
    QList<QTreeWidgetItem *> items;
    for (const HistoryEntry &entry : entries) {
        QString duration;
        if (entry.durationSeconds)
            duration = RelativeTime::runDuration(*entry.durationSeconds);
        auto *item = new QTreeWidgetItem({RelativeTime::ago(entry.createdAt, now),
            ActionLabels::label(entry.action), HistoryFormat::statusLabel(entry.status), duration,
            entry.runner.isEmpty() ? entry.who : entry.runner});
        item->setToolTip(0, RelativeTime::absolute(entry.createdAt));
        item->setData(0, Qt::UserRole, entry.createdAt);
        item->setToolTip(1, prettyJson(entry.detailsJson));
        if (!entry.status.isEmpty()) {
            const JobState state = runStatusFromText(entry.status) == RunStatus::Error
                ? JobState::Error
                : JobState::Success;
            item->setIcon(2, StatusStyle::icon(state));
        }
        items.append(item);
    }
    m_history->addTopLevelItems(items);
}

void JobDetailsView::refreshHistoryTimes(const QDateTime &now)
{
    // "just now" becomes "1 min ago" as the countdowns tick, as in every other view.
    for (int i = 0; i < m_history->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_history->topLevelItem(i);
        const QDateTime at = item->data(0, Qt::UserRole).toDateTime();
        if (const QString text = RelativeTime::ago(at, now); at.isValid() && item->text(0) != text)
            item->setText(0, text);
    }
}

void JobDetailsView::setHistoryError(const QString &message)
{
    m_history->clear();
    m_history->addTopLevelItem(new QTreeWidgetItem({tr("History unavailable: %1").arg(message)}));
}

QString JobDetailsView::resultText() const
{
    return m_result->toPlainText();
}

QString JobDetailsView::errorText() const
{
    return m_error->lineText();
}

QString JobDetailsView::runnerText() const
{
    return m_runner->lineText();
}
