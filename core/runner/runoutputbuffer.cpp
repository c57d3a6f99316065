#include "core/runner/runoutputbuffer.h"

#include <QMutexLocker>

void RunOutputBuffer::open(qint64 runId, qint64 cap)
{
    QMutexLocker lock(&m_mutex);
    m_runs[runId].cap = std::max<qint64>(0, cap);
}

void RunOutputBuffer::push(
    Entry &entry, bool stderrStream, const QByteArray &data, qsizetype begin, qsizetype end)
{
    if (end <= begin)
        return;
    // Small consecutive pieces of one stream are joined (one chunk row later); a big piece stays
    // the block it came in.
    if (!entry.pending.isEmpty()) {
        Piece &last = entry.pending.last();
        if (last.stderrStream == stderrStream && last.size() < maxLine && end - begin < maxLine) {
            if (last.begin != 0 || last.end != last.data.size())
                last.data = QByteArray(last.data.constData() + last.begin, last.size());
            last.data.append(data.constData() + begin, end - begin);
            last.begin = 0;
            last.end = last.data.size();
            entry.pendingBytes += end - begin;
            return;
        }
    }
    entry.pending << Piece{stderrStream, data, begin, end};
    entry.pendingBytes += end - begin;
}

void RunOutputBuffer::trim(Entry &entry)
{
    // The newest `cap` bytes stay, cut at a line start where there is one (the front piece's
    // start moves; nothing is copied).
    while (entry.pendingBytes > entry.cap && !entry.pending.isEmpty()) {
        Piece &front = entry.pending.first();
        const qint64 excess = entry.pendingBytes - entry.cap;
        if (front.size() <= excess) {
            entry.pendingBytes -= front.size();
            entry.pending.removeFirst();
            continue;
        }
        qsizetype cut = front.data.indexOf('\n', front.begin + qsizetype(excess) - 1);
        cut = cut < 0 || cut >= front.end ? front.end : cut + 1;
        entry.pendingBytes -= cut - front.begin;
        front.begin = cut;
        if (front.size() == 0)
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
        // lines stay.
        const qsizetype from = data.indexOf('\n', data.size() - entry.cap - 1);
        const qsizetype last = data.lastIndexOf('\n');
        if (from >= 0 && last > from) {
            entry.pending.clear();
            entry.pendingBytes = 0;
            partial.clear();
            push(entry, stderrStream, data, from + 1, last + 1);
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
        // The line the last block left open, completed (a small copy); then the block's whole
        // lines as they are (shared); its open end waits for the next block.
        qsizetype from = 0;
        if (!partial.isEmpty()) {
            from = data.indexOf('\n') + 1;
            partial.append(data.constData(), from);
            push(entry, stderrStream, std::exchange(partial, {}));
        }
        push(entry, stderrStream, data, from, newline + 1);
        partial = newline + 1 < data.size() ? data.sliced(newline + 1) : QByteArray();
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
            // Copied out (at most the cap): consecutive pieces of one stream become one segment.
            QList<Segment> segments;
            for (const Piece &piece : std::as_const(entry.pending)) {
                if (!segments.isEmpty() && segments.constLast().stderrStream == piece.stderrStream
                    && segments.constLast().data.size() < maxLine)
                    segments.last().data.append(piece.data.constData() + piece.begin, piece.size());
                else if (piece.begin == 0 && piece.end == piece.data.size())
                    segments << Segment{piece.stderrStream, piece.data};
                else
                    segments << Segment{piece.stderrStream,
                        QByteArray(piece.data.constData() + piece.begin, piece.size())};
            }
            entry.pending.clear();
            batches << Batch{it.key(), entry.cap, std::move(segments), entry.printed, entry.closed};
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
