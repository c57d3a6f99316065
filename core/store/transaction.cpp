#include "core/store/transaction.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

// This file's user-visible strings, in the "Transaction" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Transaction)
};

} // namespace

namespace Transaction {

namespace {

constexpr int maxAttempts = 6;

} // namespace

Status run(Database &database, const std::function<Status()> &work)
{
    const Backend backend = database.backend();
    for (int attempt = 1;; ++attempt) {
        QSqlQuery control(database.handle());
        const QString begin = backend == Backend::SQLite ? QStringLiteral("BEGIN IMMEDIATE")
                                                         : QStringLiteral("BEGIN");
        bool begun = false;
        {
            const Database::CallScope scope(database);
            begun = control.exec(begin);
        }
        if (!begun) {
            if (attempt < maxAttempts && SqlErrors::isRetryable(control.lastError(), backend)) {
                QThread::msleep(20 * attempt); // backoff before retrying a busy database
                continue;
            }
            return SqlErrors::fromQuery(control, backend, Text::tr("starting a transaction"));
        }
        const Status status = work();
        if (!status) {
            {
                const Database::CallScope scope(database);
                control.exec(QStringLiteral("ROLLBACK"));
            }
            if (attempt < maxAttempts && status.error().transient) {
                QThread::msleep(20 * attempt);
                continue;
            }
            return status;
        }
        bool committed = false;
        {
            const Database::CallScope scope(database);
            committed = control.exec(QStringLiteral("COMMIT"));
        }
        if (committed)
            return {};
        const QSqlError commitError = control.lastError();
        control.exec(QStringLiteral("ROLLBACK"));
        if (attempt < maxAttempts && SqlErrors::isRetryable(commitError, backend)) {
            QThread::msleep(20 * attempt);
            continue;
        }
        return SqlErrors::fromSqlError(commitError, backend, Text::tr("saving the change"));
    }
}

} // namespace Transaction
