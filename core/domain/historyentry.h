#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
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

struct HistoryQuery {
    QString job; // empty: all cron history
    HistoryCursor cursor;
    int limit = 50;
};
