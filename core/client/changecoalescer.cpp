#include "core/client/changecoalescer.h"

#include <algorithm>

qint64 ChangeCoalescer::notified(bool severalJobs, qint64 now)
{
    if (m_deadline < 0) {
        const bool quiet = m_lastReport < 0 || now - m_lastReport >= quietMs;
        if (quiet && !severalJobs)
            return m_deadline = now + loneMs;
        m_deadline = quiet ? now + firstBurstMs : m_lastReport + staleMs;
    }
    return std::max(now, std::min(m_deadline, now + pauseMs));
}

void ChangeCoalescer::reported(qint64 now)
{
    m_lastReport = now;
    m_deadline = -1;
}
