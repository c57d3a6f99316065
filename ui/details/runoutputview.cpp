#include "ui/details/runoutputview.h"

#include "core/client/runclient.h"
#include "core/client/runoutputfollower.h"
#include "core/domain/runlabels.h"
#include "core/domain/runstatus.h"
#include "ui/common/relativetime.h"
#include "ui/common/sizetext.h"
#include "ui/common/statusstyle.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

RunOutputView::RunOutputView(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
{
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The keys in the tooltip: the long placeholder was cut ("Enter: next, Sh…").
    m_search->setPlaceholderText(tr("Search the output…"));
    m_search->setToolTip(tr("Enter: next match; Shift+Enter: previous match"));
    m_search->setClearButtonEnabled(true);
    auto *previous = new QPushButton(tr("Previous"), this);
    auto *next = new QPushButton(tr("Next"), this);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setAccessibleName(tr("Run output"));

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(previous);
    searchRow->addWidget(next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(searchRow);
    layout->addWidget(m_text, 1);

    connect(m_search, &QLineEdit::returnPressed, this,
        [this] { findNext(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    m_header->setText(tr("No job selected."));
}

void RunOutputView::setClient(RunClient *client)
{
    delete m_follower;
    m_follower = nullptr;
    m_text->clear();
    m_job.clear();
    if (!client)
        return;
    m_follower = new RunOutputFollower(client, this);
    connect(m_follower, &RunOutputFollower::cleared, this, [this] {
        m_text->clear();
        // The job's count includes executions from before run records (the demo's, the
        // platform's): "no runs" beside "Runs 42" in the table would read as lost history.
        m_header->setText(m_totalRuns > 0
                ? tr("No output of %1 is recorded yet: History lists its %n earlier "
                     "execution(s), without output.",
                    nullptr, m_totalRuns)
                      .arg(m_job)
                : tr("%1 has not run yet.").arg(m_job));
    });
    connect(m_follower, &RunOutputFollower::runChanged, this, &RunOutputView::showRun);
    connect(m_follower, &RunOutputFollower::chunksAdded, this, &RunOutputView::append);
    connect(m_follower, &RunOutputFollower::failed, this, [this](const QString &message) {
        m_header->setText(tr("Cannot read the output: %1").arg(message));
    });
}

void RunOutputView::setJob(const std::optional<Job> &job)
{
    const QString name = job ? job->name : QString();
    const QString status = job ? job->lastStatus : QString();
    m_totalRuns = job ? job->totalRuns : 0;
    if (!m_follower)
        return;
    if (name != m_job) {
        m_job = name;
        m_jobStatus = status;
        m_text->clear();
        m_header->setText(name.isEmpty() ? tr("No job selected.") : tr("Loading…"));
        m_follower->follow(name);
        return;
    }
    // A new run started (or the one shown ended): look for the current run again.
    if (status != m_jobStatus) {
        m_jobStatus = status;
        m_follower->refresh();
    }
}

void RunOutputView::showRun(const RunRecord &run)
{
    const QDateTime end = run.finishedAt.isValid() ? run.finishedAt : run.readAt;
    QStringList parts{
        tr("Run %1, %2").arg(run.id).arg(RunLabels::status(run.status)),
        run.runner.isEmpty() ? tr("started by the platform") : tr("on %1").arg(run.runner),
        tr("started %1").arg(RelativeTime::absolute(run.startedAt)),
        tr("%1 long").arg(RelativeTime::runDuration(run.startedAt, end, run.durationSeconds)),
        tr("output %1").arg(SizeText::bytes(run.outputBytes)),
    };
    if (run.droppedBytes > 0)
        parts << tr("%1 of older output not kept (over the job's cap)")
                     .arg(SizeText::bytes(run.droppedBytes));
    if (!run.abortRequestedBy.isEmpty())
        parts << tr("abort asked by %1").arg(run.abortRequestedBy);
    m_header->setText(parts.join(QStringLiteral(" · ")));
}

void RunOutputView::append(const QList<RunOutputChunk> &chunks)
{
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat normal;
    QTextCharFormat error;
    // stderr: its deep red on a light background, the shared light red on a dark one
    const QColor base = m_text->palette().color(QPalette::Base);
    error.setForeground(
        base.lightness() < 128 ? StatusStyle::errorText(base) : QColor(0xb0, 0x00, 0x20));
    error.setToolTip(tr("standard error"));
    const bool atEnd
        = m_text->verticalScrollBar()->value() == m_text->verticalScrollBar()->maximum();
    for (const RunOutputChunk &chunk : chunks)
        cursor.insertText(chunk.text, chunk.stderrStream ? error : normal);
    if (atEnd)
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
}

void RunOutputView::findNext(bool backwards)
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return;
    const QTextDocument::FindFlags flags
        = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_text->find(needle, flags)) {
        // Wrap around once.
        QTextCursor cursor = m_text->textCursor();
        cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_text->setTextCursor(cursor);
        m_text->find(needle, flags);
    }
}

QString RunOutputView::outputText() const
{
    return m_text->toPlainText();
}

QString RunOutputView::headerText() const
{
    return m_header->text();
}
