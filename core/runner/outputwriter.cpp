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

void OutputWriter::flush()
{
    const QList<RunOutputBuffer::Batch> batches = m_buffer->take();
    if (batches.isEmpty())
        return;
    const bool usable = ensureOpen();
    for (const RunOutputBuffer::Batch &batch : batches) {
        RunState &state = m_runs[batch.runId];
        if (usable && m_db) { // (a lost connection below ends writing for this round)
            RunState next = state;
            const Status written = Transaction::run(*m_db, [&]() -> Status {
                next = state;
                RunStore store(*m_db);
                for (const RunOutputBuffer::Segment &segment : batch.segments) {
                    for (qsizetype from = 0; from < segment.data.size();) {
                        const qsizetype end = chunkEnd(segment.data, from, chunkBytes);
                        const qint64 seq = next.nextSeq++;
                        if (const Status appended = store.appendOutput(batch.runId, seq,
                                segment.stderrStream, text(segment.data.mid(from, end - from)));
                            !appended)
                            return appended;
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
                    const qint64 keepFrom = dropCount < next.chunks.size()
                        ? next.chunks.at(dropCount).seq
                        : next.nextSeq;
                    next.chunks.remove(0, dropCount);
                    if (const Status dropped = store.dropOutputBefore(batch.runId, keepFrom);
                        !dropped)
                        return dropped;
                }
                return Status();
            });
            // The figures on their own (autocommit): a transaction that updates the run row
            // would hold its lock across round trips, and a runner cut off mid-transaction would
            // then hold up the finish another runner records for this run. The chunks' foreign
            // key only takes a key-share lock, which that finish does not wait for.
            if (written) {
                if (const Status figures
                    = RunStore(*m_db).setOutputFigures(batch.runId, batch.printed,
                        std::max<qint64>(0, batch.printed - next.storedBytes), batch.closed);
                    !figures)
                    qCWarning(
                        lcOutput, "run %lld: %s", batch.runId, qPrintable(figures.error().message));
            }
            if (written) {
                state = next;
            } else {
                // This batch is lost (and counted, on the next write); the run goes on.
                qCWarning(lcOutput, "run %lld: output not written: %s", batch.runId,
                    qPrintable(written.error().message));
                if (!m_db->ping())
                    m_db.reset();
            }
        }
        if (batch.closed)
            m_runs.remove(batch.runId);
    }
}
