#pragma once

#include "core/db/connectionspec.h"
#include "core/domain/historyentry.h"
#include "core/util/result.h"

#include <QList>
#include <QObject>

#include <functional>

class DbThread;

struct HistoryPage {
    QList<HistoryEntry> entries; // newest first
    bool atEnd = false; // fewer rows than asked: nothing older matches
    qint64 elapsedMs = 0; // time spent in the database, for the status line
};

// History reads for the GUI thread, on a DbThread of their own (a long page must not hold up
// the job table's actions), opened on the first request and reopened after a lost connection.
// Widget-free.
class HistoryClient final : public QObject {
    Q_OBJECT
public:
    using PageCallback = std::function<void(const Result<HistoryPage> &)>;

    explicit HistoryClient(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~HistoryClient() override;
    Q_DISABLE_COPY_MOVE(HistoryClient)

    const ConnectionSpec &spec() const;

    // `callback` runs on this thread, and only while `context` lives. Requests are answered in
    // the order they were made.
    void fetchPage(const HistoryQuery &query, QObject *context, PageCallback callback);

private:
    DbThread *m_db; // child
};
