#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// One tenant_logs row that belongs to cron history (an execution or an admin action).
struct HistoryEntry {
    QVariant id; // tenant_logs.id (integer here; kept as a variant for foreign tables)
    QDateTime createdAt; // UTC instant
    QString action; // acao
    QString job; // detalhes->>'job', or sgp_sync_inteligente for the seed's legacy rows
    QString status; // detalhes->>'status' (success/error) for executions
    std::optional<double> durationSeconds; // detalhes->>'duracao_segundos'
    QString runner; // detalhes->>'runner'
    QString who; // detalhes->>'db_user' for admin actions
    QByteArray detailsJson; // detalhes as compact JSON text
    QString rawCreatedAt; // created_at exactly as stored, for keyset paging
};

// Where a page of history starts: strictly older than (created_at, id) of the last row seen.
// Keyset, not OFFSET, so a page deep in millions of rows costs what the first one does.
struct HistoryCursor {
    QString rawCreatedAt; // empty: start at the newest row
    QVariant id;
    bool isNull() const { return rawCreatedAt.isEmpty(); }
    static HistoryCursor after(const HistoryEntry &entry) { return {entry.rawCreatedAt, entry.id}; }
};

// Which cron history rows a history view, an export or a retention run covers. Empty or invalid
// members do not restrict.
struct HistoryFilter {
    QString job; // empty: all cron history (every row the job rule assigns to a job)
    QStringList jobs; // with `job` empty: any of these jobs (a multi-selection); empty: any
    QDateTime since; // inclusive instant; invalid: open
    QDateTime until; // exclusive instant; invalid: open
    QString action; // acao exactly; empty: any
    QString text; // case-insensitive (ASCII) substring of acao or detalhes; empty: any

    bool operator==(const HistoryFilter &) const = default;
};

// The one history question, from the details pane, the History pane, its chart and cronctl:
// the page of `limit` rows matching the filter, strictly older than `cursor`.
struct HistoryQuery : HistoryFilter {
    HistoryCursor cursor; // null: the newest rows
    int limit = 50;

    static HistoryQuery of(const HistoryFilter &filter, int limit)
    {
        HistoryQuery query;
        static_cast<HistoryFilter &>(query) = filter;
        query.limit = limit;
        return query;
    }
};
