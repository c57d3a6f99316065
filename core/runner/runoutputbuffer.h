#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>

// The output of the running actions on its way to cron_run_output: the runner's thread appends
// what a command prints, the output writer's thread takes it every half second. Whole lines only
// (a line longer than maxLine is cut), stdout and stderr in arrival order, and never more than a
// run's cap: when a job prints faster than it can be stored, the oldest lines go (and are
// counted). The runner's memory stays flat whatever the job prints.
class RunOutputBuffer final {
public:
    static constexpr qsizetype maxLine = 64 * 1024;

    struct Segment {
        bool stderrStream = false;
        QByteArray data; // whole lines of one stream (the last one may lack its newline at close)
    };
    struct Batch {
        qint64 runId = 0;
        qint64 cap = 0;
        QList<Segment> segments;
        qint64 printed = 0; // every byte the run printed so far
        bool closed = false; // nothing more will come
    };

    void open(qint64 runId, qint64 cap);
    void append(qint64 runId, bool stderrStream, const QByteArray &data);
    // The run ended: its partial lines become segments, and the next take() is its last.
    void close(qint64 runId);
    // Everything pending, per run; closed runs are forgotten.
    QList<Batch> take();
    bool isEmpty() const;

private:
    // Bytes [begin, end) of a block as the action emitted it: a big block is kept shared, not
    // copied (a command's are up to 1 MiB each); take() copies out what is left of it.
    struct Piece {
        bool stderrStream = false;
        QByteArray data;
        qsizetype begin = 0;
        qsizetype end = 0;
        qsizetype size() const { return end - begin; }
    };
    struct Entry {
        qint64 cap = 0;
        QList<Piece> pending;
        qint64 pendingBytes = 0;
        QByteArray partial[2];
        qint64 printed = 0;
        bool closed = false;
    };
    static void push(
        Entry &entry, bool stderrStream, const QByteArray &data, qsizetype begin, qsizetype end);
    static void push(Entry &entry, bool stderrStream, const QByteArray &data)
    {
        push(entry, stderrStream, data, 0, data.size());
    }
    static void trim(Entry &entry);

    mutable QMutex m_mutex;
    QHash<qint64, Entry> m_runs;
};
