#include "core/store/auditwriter.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/util/clientinfo.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {

// This file's user-visible strings, in the "AuditWriter" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AuditWriter)
};

} // namespace

namespace AuditWriter {

Status insert(Database &database, const QString &action, const QJsonObject &details)
{
    const auto query = database.prepared(
        QStringLiteral("INSERT INTO tenant_logs (acao, detalhes) VALUES (:acao, %1)")
            .arg(database.dialect().json(QStringLiteral(":detalhes"))));
    if (!query)
        return query.error();
    QSqlQuery &insert = **query;
    insert.bindValue(QStringLiteral(":acao"), action);
    insert.bindValue(QStringLiteral(":detalhes"),
        QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!insert.exec())
        return SqlErrors::fromQuery(insert, database.backend(), Text::tr("writing the audit row"));
    return {};
}

Status adminAction(Database &database, const QString &action, const QString &job,
    const QJsonValue &before, const QJsonValue &after, const QString &reason,
    const QJsonObject &extras)
{
    QJsonObject details{
        {QStringLiteral("job"), job},
        {QStringLiteral("action"), action},
        {QStringLiteral("before"), before},
        {QStringLiteral("after"), after},
        {QStringLiteral("db_user"), database.databaseUser()},
        {QStringLiteral("os_user"), ClientInfo::osUser()},
        {QStringLiteral("host"), ClientInfo::hostName()},
        {QStringLiteral("client"), ClientInfo::programWithVersion()},
    };
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    for (auto it = extras.begin(); it != extras.end(); ++it)
        details.insert(it.key(), it.value());
    return insert(database, QStringLiteral("cron_admin_") + action, details);
}

} // namespace AuditWriter
