#include "core/store/historypager.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/store/historyfilter.h"
#include "core/store/jobrow.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HistoryPager)
};

HistoryEntry readEntry(const QSqlQuery &query)
{
    HistoryEntry entry;
    entry.id = query.value(0);
    entry.rawCreatedAt = query.value(1).toString();
    entry.createdAt = JobRow::fromEpoch(query.value(2));
    entry.action = query.value(3).toString();
    entry.job = query.value(4).toString();
    entry.detailsJson = query.value(5).toString().toUtf8();
    const QJsonObject details = QJsonDocument::fromJson(entry.detailsJson).object();
    entry.status = details.value(QStringLiteral("status")).toString();
    const QJsonValue duration = details.value(QStringLiteral("duracao_segundos"));
    if (duration.isDouble())
        entry.durationSeconds = duration.toDouble();
    entry.runner = details.value(QStringLiteral("runner")).toString();
    entry.who = details.value(QStringLiteral("db_user")).toString();
    return entry;
}

} // namespace

HistoryPager::HistoryPager(Database &database)
    : m_database(database)
{ }

Result<QList<HistoryEntry>> HistoryPager::page(const HistoryQuery &request)
{
    const HistoryCursor &cursor = request.cursor;
    const int limit = request.limit;
    const SqlDialect &d = m_database.dialect();
    HistoryFilters::Bound bound = HistoryFilters::bound(request, d);
    QString where = bound.where;
    if (!cursor.isNull()) {
        // Keyset on the (created_at, id) index; the raw text round-trips exactly what is stored.
        where += QStringLiteral(" AND (tenant_logs.created_at, tenant_logs.id) < (?, ?)");
        bound.values << cursor.rawCreatedAt << cursor.id;
    }
    bound.values << qBound(1, limit, 10000);
    // The created_at_raw alias matters: an output column named created_at would make ORDER BY
    // sort that text instead of walking the index.
    const QString sql
        = QStringLiteral("SELECT tenant_logs.id, %1, %2, acao, %3, %4 FROM tenant_logs WHERE %5 "
                         "ORDER BY tenant_logs.created_at DESC, tenant_logs.id DESC LIMIT ?")
              .arg(d.isPostgres() ? QStringLiteral("tenant_logs.created_at::text AS created_at_raw")
                                  : QStringLiteral("tenant_logs.created_at AS created_at_raw"),
                  d.epoch(QStringLiteral("tenant_logs.created_at")),
                  HistoryFilters::jobExpression(d),
                  d.isPostgres() ? QStringLiteral("detalhes::text") : QStringLiteral("detalhes"),
                  where);
    // Kept prepared: a filter combination is one statement text, reused for every page.
    const auto prepared = m_database.prepared(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = **prepared;
    for (int i = 0; i < bound.values.size(); ++i)
        query.bindValue(i, bound.values.at(i));
    if (!query.exec())
        return SqlErrors::fromQuery(query, m_database.backend(), Text::tr("reading the history"));
    QList<HistoryEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    if (query.lastError().isValid())
        return SqlErrors::fromQuery(query, m_database.backend(), Text::tr("reading the history"));
    query.finish();
    return entries;
}
