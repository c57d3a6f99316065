#include "core/runner/sqlsessionpool.h"

#include "core/db/database.h"

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <thread>

namespace {

struct Worker {
    QMutex mutex;
    QWaitCondition wake;
    SqlSessionPool::Work work; // the next run, guarded by mutex
    bool quit = false;
};

} // namespace

struct SqlSessionPool::State {
    ConnectionSpec spec;
    int idleSeconds = 60;
    mutable QMutex mutex;
    QWaitCondition allGone;
    // Guarded by mutex. The most recently used session is at the back and is used first.
    QList<std::shared_ptr<Worker>> idle;
    int sessions = 0;
    bool closing = false;
};

namespace {

using State = SqlSessionPool::State;

// Waits for the next run; empty when the session should close (idle too long, or the pool is
// closing).
SqlSessionPool::Work nextWork(State &state, const std::shared_ptr<Worker> &worker)
{
    {
        QMutexLocker lock(&state.mutex);
        if (state.closing)
            return {};
        state.idle.append(worker);
    }
    QMutexLocker lock(&worker->mutex);
    QDeadlineTimer idleUntil(std::chrono::seconds(state.idleSeconds));
    while (!worker->work && !worker->quit) {
        if (worker->wake.wait(&worker->mutex, idleUntil))
            continue;
        // Idle too long: leave, unless post() took this session meanwhile (then its run comes).
        lock.unlock();
        bool taken = false;
        {
            QMutexLocker poolLock(&state.mutex);
            taken = !state.idle.removeOne(worker);
        }
        lock.relock();
        if (!taken)
            return {};
        idleUntil = QDeadlineTimer(QDeadlineTimer::Forever);
    }
    if (worker->quit && !worker->work)
        return {};
    return std::exchange(worker->work, {});
}

void serve(std::shared_ptr<State> state, std::shared_ptr<Worker> worker, SqlSessionPool::Work first)
{
    {
        SqlSessionPool::Session session;
        for (SqlSessionPool::Work work = std::move(first); work; work = nextWork(*state, worker)) {
            if (!work(session))
                break;
        }
        // The connection is closed here, in the thread that opened it.
    }
    QMutexLocker lock(&state->mutex);
    --state->sessions;
    state->allGone.wakeAll();
}

} // namespace

SqlSessionPool::SqlSessionPool(const ConnectionSpec &database, int idleSeconds)
    : m_state(std::make_shared<State>())
{
    m_state->spec = database;
    m_state->idleSeconds = std::max(1, idleSeconds);
}

SqlSessionPool::~SqlSessionPool()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->closing = true;
    for (const std::shared_ptr<Worker> &worker : std::as_const(m_state->idle)) {
        QMutexLocker workerLock(&worker->mutex);
        worker->quit = true;
        worker->wake.wakeOne();
    }
    m_state->idle.clear();
    // Idle sessions close at once; a busy one (its run killed, its server unreachable) is not
    // waited for long: it ends on its own and holds only the shared state.
    QDeadlineTimer deadline(2000);
    while (m_state->sessions > 0 && m_state->allGone.wait(&m_state->mutex, deadline)) { }
}

void SqlSessionPool::post(Work work)
{
    std::shared_ptr<Worker> worker;
    {
        QMutexLocker lock(&m_state->mutex);
        if (!m_state->idle.isEmpty()) {
            worker = m_state->idle.takeLast();
        } else {
            // A new session starts with its first run; it offers itself as idle only after.
            ++m_state->sessions;
            std::thread(serve, m_state, std::make_shared<Worker>(), std::move(work)).detach();
            return;
        }
    }
    QMutexLocker lock(&worker->mutex);
    worker->work = std::move(work);
    worker->wake.wakeOne();
}

int SqlSessionPool::sessionCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->sessions;
}

int SqlSessionPool::idleCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return int(m_state->idle.size());
}
