// JobClient's pause all (issue 17): read and set cron_pause on the database thread.
#include "core/client/dbthread.h"
#include "core/client/jobclient.h"
#include "core/db/database.h"

#include <QPointer>

void JobClient::refreshPause()
{
    m_watchPause = true;
    m_db->call<PauseState>(
        this, [](Database &db) { return PauseStore::read(db); },
        [this](const Result<PauseState> &state) {
            if (state)
                emit pauseLoaded(*state);
        });
}

void JobClient::setPaused(bool paused, const QString &reason, QObject *context,
    std::function<void(const Result<bool> &)> callback)
{
    m_db->call<bool>(
        this, [paused, reason](Database &db) { return PauseStore::set(db, paused, reason); },
        [this, guard = QPointer<QObject>(context), callback = std::move(callback)](
            const Result<bool> &changed) {
            refreshPause();
            if (guard && callback)
                callback(changed);
        });
}
