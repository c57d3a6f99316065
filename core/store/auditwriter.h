#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>

class Database;

// Writes one tenant_logs row. Admin actions get who/where/which program added to their details;
// the caller is inside the action's transaction, so the row and the change commit together.
namespace AuditWriter {

Status insert(Database &database, const QString &action, const QJsonObject &details);
// acao = cron_admin_<action>; details gain job, before, after, db_user, os_user, host, client,
// and the action's own `extras` (reset: forced).
Status adminAction(Database &database, const QString &action, const QString &job,
    const QJsonValue &before, const QJsonValue &after, const QString &reason,
    const QJsonObject &extras = {});

} // namespace AuditWriter
