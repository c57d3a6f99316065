#pragma once

#include "db/connectionspec.h"
#include "domain/historyentry.h"
#include "export/historyfilter.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

class HistoryWorker;

// What the history pane asks for: the page of `filter` strictly older than `cursor`.
struct HistoryPageRequest {
    HistoryFilter filter;
    HistoryCursor cursor; // null: the newest rows
    int limit = 200;
};

struct HistoryPage {
    QList<HistoryEntry> entries; // newest first
    bool atEnd = false; // fewer rows than asked: nothing older matches
    qint64 elapsedMs = 0; // time spent in the database, for the status line
};

// History reads for the GUI thread. The queries run on a worker thread with its own connection
// (Qt's SQL rule: a connection belongs to the thread that opened it), opened on the first
// request and reopened after a lost connection; answers come back as plain values to callbacks
// that are dropped when their context object is gone. Widget-free.
class HistoryClient final : public QObject {
    Q_OBJECT
public:
    using PageCallback = std::function<void(const Result<HistoryPage> &)>;

    explicit HistoryClient(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~HistoryClient() override;
    Q_DISABLE_COPY_MOVE(HistoryClient)

    const ConnectionSpec &spec() const { return m_spec; }

    // `callback` runs on this thread, and only while `context` lives. Requests are answered in
    // the order they were made.
    void fetchPage(const HistoryPageRequest &request, QObject *context, PageCallback callback);

private:
    friend class HistoryWorker; // answers through deliverPage(), on this thread
    void deliverPage(quint64 id, const Result<HistoryPage> &page);

    struct Pending {
        QPointer<QObject> context;
        PageCallback callback;
    };

    ConnectionSpec m_spec;
    QThread m_thread;
    HistoryWorker *m_worker = nullptr; // lives in m_thread
    quint64 m_nextId = 0;
    QHash<quint64, Pending> m_pending;
};
