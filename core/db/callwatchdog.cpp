#include "core/db/callwatchdog.h"

#include "core/util/bootclock.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QWaitCondition>

#include <sys/socket.h>

namespace {

class Watchdog final : public QThread {
public:
    Watchdog() { setObjectName(QStringLiteral("db-call-watchdog")); }

    quint64 arm(int socket, qint64 deadline)
    {
        QMutexLocker lock(&m_mutex);
        const quint64 ticket = ++m_next;
        m_armed.insert(ticket, {socket, deadline});
        if (!isRunning())
            start();
        m_changed.wakeOne();
        return ticket;
    }

    bool disarm(quint64 ticket)
    {
        QMutexLocker lock(&m_mutex);
        m_armed.remove(ticket);
        return m_fired.remove(ticket);
    }

protected:
    void run() override
    {
        QMutexLocker lock(&m_mutex);
        for (;;) {
            const qint64 now = BootClock::nowMs();
            qint64 earliest = -1;
            for (auto it = m_armed.begin(); it != m_armed.end();) {
                if (it->deadline <= now) {
                    // Wakes the thread blocked in libpq; libpq then reports a lost connection.
                    ::shutdown(it->socket, SHUT_RDWR);
                    m_fired.insert(it.key());
                    it = m_armed.erase(it);
                    continue;
                }
                if (earliest < 0 || it->deadline < earliest)
                    earliest = it->deadline;
                ++it;
            }
            if (earliest < 0)
                m_changed.wait(&m_mutex);
            else
                m_changed.wait(&m_mutex, QDeadlineTimer(earliest - now));
        }
    }

private:
    struct Armed {
        int socket;
        qint64 deadline;
    };
    QMutex m_mutex;
    QWaitCondition m_changed;
    QHash<quint64, Armed> m_armed;
    QSet<quint64> m_fired;
    quint64 m_next = 0;
};

Watchdog &watchdog()
{
    // Never destroyed: it may be armed until the process exits.
    static Watchdog *instance = new Watchdog;
    return *instance;
}

} // namespace

quint64 CallWatchdog::arm(int socket, qint64 timeoutMs)
{
    return watchdog().arm(socket, BootClock::nowMs() + timeoutMs);
}

bool CallWatchdog::disarm(quint64 ticket)
{
    return watchdog().disarm(ticket);
}
