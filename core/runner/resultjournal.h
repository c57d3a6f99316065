#pragma once

#include "core/runner/executionresult.h"
#include "core/runner/leasestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// Results finished but not yet recorded, kept on disk until they are (G2): a runner that stops
// or crashes while the database is away records them at its next start. One append-only file
// per runner process, locked while that process lives; a new runner adopts the files of dead
// ones. Recording is idempotent (one history row per job and lease token), so replaying an
// entry that had in fact been recorded writes nothing twice.
class ResultJournal final {
    Q_DECLARE_TR_FUNCTIONS(ResultJournal)
public:
    struct Entry {
        quint64 id = 0;
        Claim claim;
        ExecutionResult result;
    };

    // `databaseKey` keeps entries of one database apart from another's (the URL without secrets).
    ResultJournal(const QString &directory, const QString &databaseKey);
    ~ResultJournal();
    Q_DISABLE_COPY_MOVE(ResultJournal)

    // Opens this process's file and takes over orphaned ones; returns their pending entries.
    Result<QList<Entry>> open();
    // Appends an entry (flushed to disk before it returns); its id goes into `entry`.
    Status append(Entry &entry);
    // Marks an entry recorded. The file is emptied once nothing in it is pending.
    void markDone(quint64 id);
    int pendingCount() const { return int(m_pending.size()); }

    // $XDG_DATA_HOME/cron-console/journal (the service user's home for the system runner).
    static QString defaultDirectory();

private:
    Status writeLine(const QByteArray &line);

    QString m_directory;
    QString m_databaseKey;
    QString m_path;
    int m_fd = -1;
    quint64 m_nextId = 1;
    QList<quint64> m_pending;
};
