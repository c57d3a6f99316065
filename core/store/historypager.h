#pragma once

#include "core/domain/historyentry.h"
#include "core/util/result.h"

#include <QList>

class Database;

// One page of filtered cron history, newest first, strictly older than a cursor: by job (what
// JobStore::history() asks), and for the history pane also by time, action and text. A keyset,
// never OFFSET, so a page deep in millions of rows costs what the first one does.
// Use it on the thread that opened the Database.
class HistoryPager final {
public:
    explicit HistoryPager(Database &database);
    Q_DISABLE_COPY_MOVE(HistoryPager)

    Result<QList<HistoryEntry>> page(const HistoryQuery &query);

private:
    Database &m_database;
};
