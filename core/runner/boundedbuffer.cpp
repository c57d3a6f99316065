#include "core/runner/boundedbuffer.h"

void BoundedBuffer::append(const QByteArray &data)
{
    m_total += data.size();
    qsizetype offset = 0;
    if (m_head.size() < m_limit) {
        offset = std::min(m_limit - m_head.size(), data.size());
        m_head.append(data.constData(), offset);
    }
    if (offset >= data.size())
        return;
    const qsizetype rest = data.size() - offset;
    if (rest >= m_limit) { // the block's end replaces the tail: copy only what stays
        m_tail = QByteArray(data.constData() + data.size() - m_limit, m_limit);
        return;
    }
    if (m_tail.size() + rest > m_limit)
        m_tail.remove(0, m_tail.size() + rest - m_limit);
    m_tail.append(data.constData() + offset, rest);
}

QByteArray BoundedBuffer::tail() const
{
    if (m_tail.isEmpty())
        return m_head.right(m_limit);
    if (m_tail.size() >= m_limit)
        return m_tail;
    // The end of head plus all of the tail.
    return m_head.right(m_limit - m_tail.size()) + m_tail;
}
