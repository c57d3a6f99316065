#pragma once

#include "core/db/connectionspec.h"
#include "core/domain/historyentry.h"
#include "core/export/spreadsheetformat.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ExportJob;
class QProgressDialog;
class QWidget;

// One CSV export from the pane: asks before replacing a file, runs ExportJob on the global
// thread pool with a progress dialog (rows, rate, Cancel) and reports the outcome in a message
// box. A cancelled or failed export leaves no file (ExportJob writes a temporary file and
// renames it only on success).
class HistoryExport final : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Finished, Failed, Cancelled };
    Q_ENUM(Outcome)

    HistoryExport(const ConnectionSpec &spec, const HistoryFilter &filter, QWidget *parent);
    ~HistoryExport() override;

    // Asks first when `path` exists (unless the export dialog already asked: replaceConfirmed);
    // declined, nothing happens (and done() is not emitted).
    void start(const QString &path, char delimiter, bool byteOrderMark,
        ExportLocale locale = ExportLocale::Rfc4180, bool replaceConfirmed = false);
    void cancel();
    QProgressDialog *progressDialog() const;

signals:
    void progress(qint64 rows);
    void done(HistoryExport::Outcome outcome, qint64 rows);

private:
    void run();
    void onProgress(qint64 rows, double bytesPerSecond);
    void finish(Outcome outcome, qint64 rows);

    ConnectionSpec m_spec;
    HistoryFilter m_filter;
    QWidget *m_parent;
    QString m_path;
    char m_delimiter = ',';
    bool m_byteOrderMark = false;
    ExportLocale m_locale = ExportLocale::Rfc4180;
    QPointer<ExportJob> m_job;
    QPointer<QProgressDialog> m_progress; // deletes itself on close
    QElapsedTimer m_clock;
};
