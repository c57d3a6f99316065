#pragma once

#include <QByteArray>

// Keeps the first `limit` bytes and the last `limit` bytes of a stream of any length, so a
// job printing gigabytes costs a runner a fixed amount of memory.
class BoundedBuffer final {
public:
    explicit BoundedBuffer(qsizetype limit)
        : m_limit(limit)
    { }

    void append(const QByteArray &data);
    bool truncated() const { return m_total > m_head.size() + m_tail.size(); }
    qint64 totalBytes() const { return m_total; }
    // The whole stream when it fitted, else head only.
    const QByteArray &head() const { return m_head; }
    // The last bytes (up to limit) of the stream.
    QByteArray tail() const;

private:
    qsizetype m_limit;
    QByteArray m_head;
    QByteArray m_tail; // ring contents in order, at most m_limit bytes
    qint64 m_total = 0;
};
