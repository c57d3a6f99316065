#pragma once

#include <QtGlobal>

// When a console reads again after change notifications (issue 15). A lone job's change shows
// within 20 ms. Several jobs changed at once after a quiet spell is how a burst starts (a minute
// boundary: the runners' claims, then their finishes, announced every 250 ms each): that read
// waits until the changes pause for 400 ms, 1 s at most, so the consoles read once the burst is
// over instead of in its busiest second. While changes keep coming, a read when they pause, or
// 2 s after the last one at the latest. Times are milliseconds of one monotonic clock.
class ChangeCoalescer final {
public:
    static constexpr qint64 loneMs = 20;
    static constexpr qint64 pauseMs = 400;
    static constexpr qint64 firstBurstMs = 1000;
    static constexpr qint64 quietMs = 2000; // less than this after a read: a burst goes on
    static constexpr qint64 staleMs = 2000;

    // A notification at `now`; `severalJobs` for one that names no single job. Returns when the
    // pending changes are to be read (never before `now`).
    qint64 notified(bool severalJobs, qint64 now);
    // The pending changes were read at `now`.
    void reported(qint64 now);

private:
    qint64 m_lastReport = -1; // -1: never
    qint64 m_deadline = -1; // -1: nothing pending
};
