#pragma once

#include <QtGlobal>

// Bounds database calls that must keep time (the runner's). libpq blocks without a deadline: a
// dropped network or a stalled backend (SIGSTOP) hangs a call for minutes, and a timer on the
// blocked thread cannot fire. One watchdog thread holds every armed call; when one overruns it
// shuts the connection's socket down, which ends the blocked call at once with a connection
// error that the caller handles like any lost connection.
class CallWatchdog final {
public:
    // Arms a deadline for the call about to run on `socket`; returns a ticket for disarm().
    static quint64 arm(int socket, qint64 timeoutMs);
    // Returns true when the watchdog shut the socket down (the call overran).
    static bool disarm(quint64 ticket);
};
