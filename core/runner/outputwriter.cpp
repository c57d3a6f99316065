#include "core/runner/outputwriter.h"

#include "core/db/database.h"
#include "core/runner/runoutputbuffer.h"
#include "core/store/runstore.h"
#include "core/store/transaction.h"
#include "core/util/bootclock.h"

#include <QLoggingCategory>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcOutput, "cron.runner.output", QtInfoMsg)

namespace {

// Up to `limit` bytes, ending after a newline when there is one in reach.
qsizetype chunkEnd(const QByteArray &data, qsizetype from, qsizetype limit)
{
    if (data.size() - from <= limit)
        return data.size();
    const qsizetype newline = data.lastIndexOf('\n', from + limit - 1);
    return newline >= from ? newline + 1 : from + limit;
}

QString text(const QByteArray &bytes)
{
    // PostgreSQL text refuses NUL; invalid UTF-8 becomes U+FFFD in fromUtf8.
    QString value = QString::fromUtf8(bytes);
    value.replace(QChar(0), QChar(0xFFFD));
    return value;
}

} // namespace

OutputWriter::OutputWriter(const ConnectionSpec &spec, int callTimeoutMs,
    std::shared_ptr<RunOutputBuffer> buffer, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_callTimeoutMs(callTimeoutMs)
    , m_buffer(std::move(buffer))
{ }

OutputWriter::~OutputWriter() = default;

void OutputWriter::start()
{
    // Created here, in the writer's thread.
    m_timer = new QTimer(this);
    m_timer->setInterval(flushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &OutputWriter::flush);
    m_timer->start();
}

void OutputWriter::stop()
{
    if (m_timer)
        m_timer->stop();
    flush();
    m_db.reset();
}

bool OutputWriter::ensureOpen()
{
    if (m_db && m_db->isOpen())
        return true;
    m_db.reset();
    if (BootClock::nowMs() < m_reopenAfterMs)
        return false;
    auto opened = Database::open(m_spec, QStringLiteral("runner-output"));
    if (!opened) {
        ++m_failures;
        m_reopenAfterMs = BootClock::nowMs() + std::min(30'000, 500 << std::min(m_failures, 6));
        qCWarning(lcOutput, "cannot write run output: %s", qPrintable(opened.error().message));
        return false;
    }
    m_db = std::move(opened).value();
    m_db->setCallTimeout(m_callTimeoutMs);
    if (m_db->backend() == Backend::PostgreSQL) {
        // As the scheduler's session: the server ends a transaction this runner left open (cut
        // off mid-write), so its row locks on cron_runs never hold up another runner's finish.
        const QVariantMap settings{
            {QStringLiteral("statement_timeout"), QString::number(m_callTimeoutMs)},
            {QStringLiteral("lock_timeout"), QString::number(std::max(500, m_callTimeoutMs / 2))},
            {QStringLiteral("idle_in_transaction_session_timeout"),
                QString::number(m_callTimeoutMs * 2)},
            {QStringLiteral("tcp_keepalives_idle"), QStringLiteral("5")},
            {QStringLiteral("tcp_keepalives_interval"), QStringLiteral("2")},
            {QStringLiteral("tcp_keepalives_count"), QStringLiteral("3")}};
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            const auto set = m_db->run(QStringLiteral("SELECT set_config(:name, :value, false)"),
                {{QStringLiteral("name"), it.key()}, {QStringLiteral("value"), it.value()}},
                QStringLiteral("configuring the output writer's session"));
            if (!set) {
                qCWarning(lcOutput, "%s", qPrintable(set.error().message));
                m_db.reset();
                return false;
            }
            (*set)->finish();
        }
    }
    m_failures = 0;
    return true;
}

OutputWriter::Planned OutputWriter::plan(const RunOutputBuffer::Batch &batch, const RunState &state)
{
    Planned planned;
    planned.next = state;
    RunState &next = planned.next;
    for (const RunOutputBuffer::Segment &segment : batch.segments) {
        for (qsizetype from = 0; from < segment.data.size();) {
            const qsizetype end = chunkEnd(segment.data, from, chunkBytes);
            const qint64 seq = next.nextSeq++;
            planned.chunks << RunStore::OutputChunk{
                batch.runId, seq, segment.stderrStream, text(segment.data.mid(from, end - from))};
            next.chunks << Stored{seq, end - from};
            next.storedBytes += end - from;
            from = end;
        }
    }
    // The newest `cap` bytes stay; older chunks go.
    qsizetype dropCount = 0;
    while (next.storedBytes > batch.cap && dropCount < next.chunks.size())
        next.storedBytes -= next.chunks.at(dropCount++).bytes;
    if (dropCount > 0) {
        planned.keepFrom
            = dropCount < next.chunks.size() ? next.chunks.at(dropCount).seq : next.nextSeq;
        next.chunks.remove(0, dropCount);
    }
    planned.figures = {batch.runId, batch.printed,
        std::max<qint64>(0, batch.printed - next.storedBytes), batch.closed};
    return planned;
}

void OutputWriter::flush()
{
    const QList<RunOutputBuffer::Batch> batches = m_buffer->take();
    if (batches.isEmpty())
        return;
    const bool usable = ensureOpen();
    // A burst's runs together, in a few statements (issue 15); if that fails (a run row
    // deleted meanwhile, say), one by one, so one run cannot cost the others their output.
    if (!(usable && m_db && batches.size() > 1 && m_db->backend() == Backend::PostgreSQL
            && writeTogether(batches))) {
        for (const RunOutputBuffer::Batch &batch : batches)
            writeOne(batch, usable);
    }
    for (const RunOutputBuffer::Batch &batch : batches) {
        if (batch.closed)
            m_runs.remove(batch.runId);
    }
}

bool OutputWriter::writeTogether(const QList<RunOutputBuffer::Batch> &batches)
{
    QHash<qint64, Planned> planned;
    QList<RunStore::OutputChunk> chunks;
    QHash<qint64, qint64> keepFrom;
    QList<RunStore::OutputFigures> figures;
    for (const RunOutputBuffer::Batch &batch : batches) {
        if (planned.contains(batch.runId))
            return false; // take() gives one batch per run; anything else the plain way
        const Planned one = plan(batch, m_runs.value(batch.runId));
        chunks << one.chunks;
        if (one.keepFrom)
            keepFrom.insert(batch.runId, *one.keepFrom);
        figures << one.figures;
        planned.insert(batch.runId, one);
    }
    const Status written = Transaction::run(*m_db, [&]() -> Status {
        RunStore store(*m_db);
        // A few MiB of text per statement at most: a burst of chatty runs is not one huge JSON.
        QList<RunStore::OutputChunk> part;
        qsizetype partBytes = 0;
        for (const RunStore::OutputChunk &chunk : std::as_const(chunks)) {
            part << chunk;
            partBytes += chunk.text.size();
            if (partBytes >= statementBytes) {
                if (const Status appended = store.appendOutputs(part); !appended)
                    return appended;
                part.clear();
                partBytes = 0;
            }
        }
        if (const Status appended = store.appendOutputs(part); !appended)
            return appended;
        return store.dropOutputsBefore(keepFrom);
    });
    if (!written) {
        qCInfo(lcOutput, "output of %lld runs not written together (%s): one by one",
            qint64(batches.size()), qPrintable(written.error().message));
        return false;
    }
    for (auto it = planned.cbegin(); it != planned.cend(); ++it)
        m_runs[it.key()] = it.value().next;
    // The figures on their own (autocommit), as writeOne() does.
    if (const Status set = RunStore(*m_db).setOutputFigures(figures); !set)
        qCWarning(lcOutput, "output figures of %lld runs: %s", qint64(figures.size()),
            qPrintable(set.error().message));
    return true;
}

void OutputWriter::writeOne(const RunOutputBuffer::Batch &batch, bool usable, bool retry)
{
    if (!usable || !m_db) // (a lost connection below ends writing for this round)
        return;
    RunState &state = m_runs[batch.runId];
    const Planned planned = plan(batch, state);
    const Status written = Transaction::run(*m_db, [&]() -> Status {
        RunStore store(*m_db);
        for (const RunStore::OutputChunk &chunk : planned.chunks) {
            if (const Status appended
                = store.appendOutput(chunk.runId, chunk.seq, chunk.stderrStream, chunk.text);
                !appended)
                return appended;
        }
        if (planned.keepFrom)
            return store.dropOutputBefore(batch.runId, *planned.keepFrom);
        return Status();
    });
    if (!written) {
        // The connection may have died since the last write without this side knowing (the
        // server restarted, an administrator ended the session): the batch goes once more on
        // a new connection. Before, the first run after a restart lost its output.
        const bool gone = !m_db->ping();
        if (gone)
            m_db.reset();
        if (gone && !retry && ensureOpen()) {
            qCInfo(lcOutput, "run %lld: output connection lost (%s); writing on a new one",
                batch.runId, qPrintable(written.error().message));
            writeOne(batch, true, true);
            return;
        }
        // This batch is lost (and counted, on the next write); the run goes on.
        qCWarning(lcOutput, "run %lld: output not written: %s", batch.runId,
            qPrintable(written.error().message));
        return;
    }
    state = planned.next;
    // The figures on their own (autocommit): a transaction that updates the run row would hold
    // its lock across round trips, and a runner cut off mid-transaction would then hold up the
    // finish another runner records for this run. The chunks' foreign key only takes a
    // key-share lock, which that finish does not wait for.
    const RunStore::OutputFigures &f = planned.figures;
    if (const Status figures
        = RunStore(*m_db).setOutputFigures(batch.runId, f.bytes, f.dropped, f.complete);
        !figures)
        qCWarning(lcOutput, "run %lld: %s", batch.runId, qPrintable(figures.error().message));
}
