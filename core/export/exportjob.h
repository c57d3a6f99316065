#pragma once

#include "core/db/connectionspec.h"
#include "core/export/historyexporter.h"
#include "core/util/error.h"

#include <QObject>
#include <QRunnable>
#include <QString>

#include <atomic>

// One history export as background work for a thread pool: it opens its own connection in the
// worker thread (connections belong to the thread that opened them), writes a temporary file
// beside the target and renames it only on success. Exactly one of finished(), failed() or
// cancelled() is emitted. Not auto-deleted: the owner deletes it after that signal.
class ExportJob final : public QObject, public QRunnable {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportJob)
public:
    ExportJob(const ConnectionSpec &spec, const QString &targetPath,
        const HistoryExporter::Options &options, QObject *parent = nullptr);
    ~ExportJob() override;

    void run() override;
    // Thread-safe; the export stops at its next chunk.
    void cancel();

    QString targetPath() const { return m_targetPath; }

signals:
    void progress(qint64 rows, double bytesPerSecond);
    void finished(qint64 rows);
    void failed(const Error &error);
    void cancelled();

private:
    ConnectionSpec m_spec;
    QString m_targetPath;
    HistoryExporter::Options m_options;
    std::atomic<bool> m_cancel{false};
};
