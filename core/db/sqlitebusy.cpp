#include "core/db/sqlitebusy.h"

#include <QRandomGenerator>
#include <QThread>

namespace SqliteBusy {

bool isBusy(const Error &error)
{
    // SqlErrors marks busy and locked answers as transient; the text covers errors built from a
    // driver message without a code.
    return error.transient || error.message.contains(QLatin1String("database is locked"))
        || error.message.contains(QLatin1String("database table is locked"));
}

Status retry(const std::function<Status()> &attempt, int attempts)
{
    for (int number = 1;; ++number) {
        const Status status = attempt();
        if (status || number >= attempts || !isBusy(status.error()))
            return status;
        // Jittered, so programs that collided once do not collide again in step.
        const auto pause = 25U * unsigned(number) + QRandomGenerator::global()->bounded(25U);
        QThread::msleep(pause);
    }
}

} // namespace SqliteBusy
