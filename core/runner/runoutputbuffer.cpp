#include "core/runner/runoutputbuffer.h"

#include <QMutexLocker>

void RunOutputBuffer::open(qint64 runId, qint64 cap)
{
    QMutexLocker lock(&m_mutex);
    m_runs[runId].cap = std::max<qint64>(0, cap);
}

void RunOutputBuffer::push(Entry &entry, bool stderrStream, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    // Consecutive lines of one stream share a segment (one chunk row later).
    if (!entry.pending.isEmpty() && entry.pending.constLast().stderrStream == stderrStream
        && entry.pending.constLast().data.size() < maxLine)
        entry.pending.last().data += data;
    else
        entry.pending << Segment{stderrStream, data};
    entry.pendingBytes += data.size();
}

void RunOutputBuffer::trim(Entry &entry)
{
    // The newest `cap` bytes stay, cut at a line start where there is one.
    while (entry.pendingBytes > entry.cap && !entry.pending.isEmpty()) {
        Segment &front = entry.pending.first();
        const qint64 excess = entry.pendingBytes - entry.cap;
        if (front.data.size() <= excess) {
            entry.pendingBytes -= front.data.size();
            entry.pending.removeFirst();
            continue;
        }
        qsizetype cut = front.data.indexOf('\n', qsizetype(excess - 1));
        cut = cut < 0 ? front.data.size() : cut + 1;
        entry.pendingBytes -= cut;
        front.data.remove(0, cut);
        if (front.data.isEmpty())
            entry.pending.removeFirst();
    }
}

void RunOutputBuffer::append(qint64 runId, bool stderrStream, const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_runs.find(runId);
    if (found == m_runs.end() || found->closed || data.isEmpty())
        return;
    Entry &entry = *found;
    entry.printed += data.size();
    if (entry.cap == 0)
        return; // output not kept for this job: counted only
    QByteArray &partial = entry.partial[stderrStream ? 1 : 0];
    if (data.size() > entry.cap + maxLine) {
        // This block alone is over the cap: what is pending goes, and only its newest whole
        // lines are copied (one copy, no shifting of what is kept).
        const qsizetype from = data.indexOf('\n', data.size() - entry.cap - 1);
        const qsizetype last = data.lastIndexOf('\n');
        if (from >= 0 && last > from) {
            entry.pending.clear();
            entry.pendingBytes = 0;
            partial.clear();
            push(entry, stderrStream, data.sliced(from + 1, last - from));
            partial = data.sliced(last + 1);
            return;
        }
    }
    const qsizetype newline = data.lastIndexOf('\n');
    if (newline < 0) {
        partial += data;
        if (partial.size() >= maxLine) // a very long line is cut, so it cannot grow without end
            push(entry, stderrStream, std::exchange(partial, {}));
    } else {
        push(entry, stderrStream, partial + data.left(newline + 1));
        partial = data.mid(newline + 1);
    }
    trim(entry);
}

void RunOutputBuffer::close(qint64 runId)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_runs.find(runId);
    if (found == m_runs.end())
        return;
    for (int stream = 0; stream < 2; ++stream)
        push(*found, stream == 1, std::exchange(found->partial[stream], {}));
    trim(*found);
    found->closed = true;
}

QList<RunOutputBuffer::Batch> RunOutputBuffer::take()
{
    QMutexLocker lock(&m_mutex);
    QList<Batch> batches;
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        Entry &entry = *it;
        if (!entry.pending.isEmpty() || entry.closed) {
            batches << Batch{
                it.key(), entry.cap, std::exchange(entry.pending, {}), entry.printed, entry.closed};
            entry.pendingBytes = 0;
        }
        if (entry.closed)
            it = m_runs.erase(it);
        else
            ++it;
    }
    return batches;
}

bool RunOutputBuffer::isEmpty() const
{
    QMutexLocker lock(&m_mutex);
    return m_runs.isEmpty();
}
