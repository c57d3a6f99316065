#pragma once

#include <QtGlobal>

#include <ctime>

// Milliseconds on CLOCK_BOOTTIME: monotonic and counting time suspended, so a lease deadline
// measured on it is never later than the server's expiry, even across a laptop's sleep. The
// action guard process reads the same clock, so deadlines pass between processes as numbers.
namespace BootClock {

inline qint64 nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

} // namespace BootClock
