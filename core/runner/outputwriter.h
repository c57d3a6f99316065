#pragma once

#include "core/db/connectionspec.h"
#include "core/runner/runoutputbuffer.h"
#include "core/store/runstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class Database;

// Writes the running actions' output to cron_run_output every half second, on a connection and
// a thread of its own: a slow or unreachable database delays the output (and, past a run's cap,
// drops its oldest lines), never the scheduler's lease guard or an action's stop. Keeps at most
// the run's cap stored (the newest chunks) and writes the figures to cron_runs.
class OutputWriter final : public QObject {
    Q_OBJECT
public:
    OutputWriter(const ConnectionSpec &spec, int callTimeoutMs,
        std::shared_ptr<RunOutputBuffer> buffer, QObject *parent = nullptr);
    ~OutputWriter() override;
    Q_DISABLE_COPY_MOVE(OutputWriter)

    static constexpr int flushIntervalMs = 500;
    static constexpr qsizetype chunkBytes = 64 * 1024;

public slots:
    void start();
    // Writes what is pending now (the runner calls it once more as it stops).
    void flush();
    void stop();

private:
    struct Stored {
        qint64 seq = 0;
        qint64 bytes = 0;
    };
    struct RunState {
        qint64 nextSeq = 1;
        QList<Stored> chunks; // stored, oldest first
        qint64 storedBytes = 0;
    };

    // What one batch adds to a run's stored output, worked out before anything is written.
    struct Planned {
        RunState next;
        QList<RunStore::OutputChunk> chunks;
        std::optional<qint64> keepFrom; // drop the chunks before this seq
        RunStore::OutputFigures figures;
    };
    static constexpr qsizetype statementBytes = 4 * 1024 * 1024;

    bool ensureOpen();
    static Planned plan(const RunOutputBuffer::Batch &batch, const RunState &state);
    bool writeTogether(const QList<RunOutputBuffer::Batch> &batches);
    // retry: this is the second try, on a new connection (the first found it dead).
    void writeOne(const RunOutputBuffer::Batch &batch, bool usable, bool retry = false);

    ConnectionSpec m_spec;
    int m_callTimeoutMs;
    std::shared_ptr<RunOutputBuffer> m_buffer;
    std::unique_ptr<Database> m_db;
    QHash<qint64, RunState> m_runs;
    QTimer *m_timer = nullptr;
    qint64 m_reopenAfterMs = 0;
    int m_failures = 0;
};
