#pragma once

#include "core/domain/historyentry.h"
#include "core/export/spreadsheetformat.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

class Database;
class QIODevice;

// Writes the filtered cron history as CSV (newest first) with the columns id, created_at,
// acao, job, status, duracao_segundos, runner, db_user, detalhes. Memory stays flat whatever
// the row count: PostgreSQL streams `COPY … TO STDOUT` from the connection's libpq handle,
// SQLite a forward-only query. Use it on the thread that opened the Database.
class HistoryExporter final {
    Q_DECLARE_TR_FUNCTIONS(HistoryExporter)
public:
    struct Options {
        HistoryFilter filter;
        char delimiter = ','; // ',' or ';' (spreadsheets set to pt_BR want ';')
        bool byteOrderMark = false;
        // BrazilianSpreadsheet: ';', BOM, decimal commas, dd/MM/yyyy times, no formulas
        // (spreadsheetformat.h); delimiter and byteOrderMark are then not used.
        ExportLocale locale = ExportLocale::Rfc4180;
        int progressEveryRows = 5000;
    };

    struct Summary {
        qint64 rows = 0; // data rows written (the header not counted)
        qint64 bytes = 0;
        bool cancelled = false;
    };

    using ProgressCallback = std::function<void(qint64 rows, qint64 bytes)>;

    explicit HistoryExporter(Database &database);
    Q_DISABLE_COPY_MOVE(HistoryExporter)

    // Called every Options::progressEveryRows rows and once at the end.
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    // Checked between chunks and at every progress report; when set, the export stops, the
    // server query is cancelled and the connection stays usable.
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    static Status validate(const Options &options);
    Result<Summary> exportTo(QIODevice &device, const Options &options);
    // Writes to a temporary file beside `path` and renames it over `path` only when the export
    // completed: a cancelled or failed export leaves no file and an existing one untouched.
    Result<Summary> exportToFile(const QString &path, const Options &options);

    // The SELECT the PostgreSQL export copies, with the filter's values as escaped literals
    // (one line, so psql's \copy can run the very same text).
    Result<QString> postgresSelect(
        const HistoryFilter &filter, ExportLocale locale = ExportLocale::Rfc4180);

    static QStringList columnNames(ExportLocale locale = ExportLocale::Rfc4180);

private:
    Result<Summary> exportPostgres(QIODevice &device, const Options &options);
    Result<Summary> exportSqlite(QIODevice &device, const Options &options);
    bool cancelRequested() const;

    Database &m_database;
    ProgressCallback m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};
