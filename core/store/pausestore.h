#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class Database;

// "Pause all" (issue 17): one row in cron_pause. While paused no runner claims anything and the
// seed's deve_executar_cron answers false (sql/postgresql/0012_policies.sql).
struct PauseState {
    bool paused = false;
    QString reason;
    QString changedBy;
    QDateTime changedAt;
};

class PauseStore final {
    Q_DECLARE_TR_FUNCTIONS(PauseStore)
public:
    static Result<PauseState> read(Database &database);
    // Pauses or resumes; one transaction with its tenant_logs audit row (cron_admin_pause_all /
    // cron_admin_resume_all). Returns false when it already was so (nothing written).
    static Result<bool> set(Database &database, bool paused, const QString &reason);
};
