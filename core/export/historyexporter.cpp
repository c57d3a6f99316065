#include "core/export/historyexporter.h"

#include "core/db/pghandle.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/export/csvwriter.h"
#include "core/store/historyfilter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace {

constexpr qsizetype chunkBytes = 64 * 1024;

PGconn *libpqHandle(const Database &database)
{
    return PgHandle::of(database.handle());
}

QString libpqMessage(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

// Asks the server to stop the running statement, then reads whatever is still in flight, so
// the connection is idle (and usable) again.
void cancelAndDrain(PGconn *conn)
{
    if (PGcancel *cancel = PQgetCancel(conn)) {
        char error[256];
        PQcancel(cancel, error, sizeof error);
        PQfreeCancel(cancel);
    }
    char *row = nullptr;
    while (PQgetCopyData(conn, &row, 0) > 0)
        PQfreemem(row);
    while (PGresult *result = PQgetResult(conn))
        PQclear(result);
}

Error connectionOrDatabase(PGconn *conn, const QString &message)
{
    return PQstatus(conn) == CONNECTION_BAD ? Error::connection(message) : Error::database(message);
}

} // namespace

HistoryExporter::HistoryExporter(Database &database)
    : m_database(database)
{ }

QStringList HistoryExporter::columnNames(ExportLocale locale)
{
    return {QStringLiteral("id"), SpreadsheetFormat::timeColumnName(locale), QStringLiteral("acao"),
        QStringLiteral("job"), QStringLiteral("status"), QStringLiteral("duracao_segundos"),
        QStringLiteral("runner"), QStringLiteral("db_user"), QStringLiteral("detalhes")};
}

Status HistoryExporter::validate(const Options &options)
{
    if (options.delimiter != ',' && options.delimiter != ';')
        return Error::invalidInput(tr("the delimiter must be ',' or ';'"));
    if (options.filter.since.isValid() && options.filter.until.isValid()
        && options.filter.since >= options.filter.until)
        return Error::invalidInput(tr("the start of the period must be before its end"));
    if (options.progressEveryRows < 1)
        return Error::invalidInput(tr("progress must be reported every 1 row or more"));
    return {};
}

bool HistoryExporter::cancelRequested() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

Result<HistoryExporter::Summary> HistoryExporter::exportTo(
    QIODevice &device, const Options &options)
{
    if (const Status valid = validate(options); !valid)
        return valid.error();
    if (!device.isWritable())
        return Error::invalidInput(tr("the export target is not open for writing"));
    return m_database.dialect().isPostgres() ? exportPostgres(device, options)
                                             : exportSqlite(device, options);
}

Result<HistoryExporter::Summary> HistoryExporter::exportToFile(
    const QString &path, const Options &options)
{
    if (const Status valid = validate(options); !valid)
        return valid.error();
    QSaveFile file(path);
    // Not the "write in place" fallback: a partial file must never take the target's name.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalidInput(
            tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const Result<Summary> summary = exportTo(file, options);
    if (!summary || summary->cancelled) {
        file.cancelWriting(); // the destructor removes the temporary file
        return summary;
    }
    if (!file.commit())
        return Error::database(
            tr("cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return summary;
}

Result<QString> HistoryExporter::postgresSelect(const HistoryFilter &filter, ExportLocale locale)
{
    PGconn *conn = libpqHandle(m_database);
    if (!conn)
        return Error::database(tr("the PostgreSQL driver did not expose its libpq connection"));
    // COPY takes no bind parameters, so every user value becomes a literal quoted by libpq's
    // PQescapeLiteral (which knows the connection's encoding and string settings); raw input is
    // never pasted into the statement.
    bool escapeFailed = false;
    const QString where
        = HistoryFilters::whereClause(filter, m_database.dialect(), [&](const QString &value) {
              const QByteArray utf8 = value.toUtf8();
              char *literal = PQescapeLiteral(conn, utf8.constData(), size_t(utf8.size()));
              if (!literal) {
                  escapeFailed = true;
                  return QStringLiteral("NULL");
              }
              const QString quoted = QString::fromUtf8(literal);
              PQfreemem(literal);
              return quoted;
          });
    if (escapeFailed)
        return Error::invalidInput(
            tr("a filter value cannot be quoted: %1").arg(libpqMessage(conn)));
    // Times are formatted by the server as UTC instants (created_at is wall time in the
    // session's zone), so no row is parsed in C++. detalhes is jsonb's one-line text, as
    // JobStore::history gives it (a regexp to drop the blanks after ',' and ':' costs 12x the
    // whole COPY); cron_log_details() gives it for a json or text detalhes too, never raising
    // (\u0000 becomes U+FFFD; what jsonb cannot hold is exported as stored, fields empty). It is
    // computed once per row (LATERAL … OFFSET 0): 100k json rows export in 0.61 s instead of
    // 1.31 s with one call per field; on jsonb it is the column itself (0.23 s either way).
    // ORDER BY names the table's columns: bare names would sort by the output columns of the
    // same name (the formatted text) and miss the (created_at, id) index.
    // A spreadsheet locale wraps the columns in SpreadsheetFormat's SQL (still one COPY).
    using namespace SpreadsheetFormat;
    const auto field
        = [](const char *key) { return QStringLiteral("parsed.d->>'%1'").arg(QLatin1String(key)); };
    const QStringList columns{QStringLiteral("id"),
        sqlTime(locale, QStringLiteral("created_at::timestamptz AT TIME ZONE 'UTC'"))
            + QLatin1String(" AS ") + timeColumnName(locale),
        sqlText(locale, QStringLiteral("acao")) + QLatin1String(" AS acao"),
        sqlText(locale, HistoryFilters::jobExpression(m_database.dialect()))
            + QLatin1String(" AS job"),
        sqlText(locale, field("status")) + QLatin1String(" AS status"),
        sqlNumber(locale, field("duracao_segundos")) + QLatin1String(" AS duracao_segundos"),
        sqlText(locale, field("runner")) + QLatin1String(" AS runner"),
        sqlText(locale, field("db_user")) + QLatin1String(" AS db_user"),
        sqlText(locale, QStringLiteral("COALESCE(parsed.d::text, detalhes::text)"))
            + QLatin1String(" AS detalhes")};
    return QStringLiteral(
        "SELECT %1 "
        "FROM tenant_logs CROSS JOIN LATERAL (SELECT cron_log_details(detalhes) AS d OFFSET 0) "
        "AS parsed WHERE %2 ORDER BY tenant_logs.created_at DESC, tenant_logs.id DESC")
        .arg(columns.join(QLatin1String(", ")), where);
}

Result<HistoryExporter::Summary> HistoryExporter::exportPostgres(
    QIODevice &device, const Options &options)
{
    PGconn *conn = libpqHandle(m_database);
    if (!conn)
        return Error::database(tr("the PostgreSQL driver did not expose its libpq connection"));
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE)
        return Error::database(tr("the connection is busy with another query"));
    const Result<QString> select = postgresSelect(options.filter, options.locale);
    if (!select)
        return select.error();
    const char delimiter = SpreadsheetFormat::delimiter(options.locale, options.delimiter);
    const QString copy = QStringLiteral("COPY (%1) TO STDOUT WITH (FORMAT csv, HEADER, "
                                        "DELIMITER '%2')")
                             .arg(*select, QString(QLatin1Char(delimiter)));

    Summary summary;
    QByteArray chunk;
    chunk.reserve(chunkBytes + 4096);
    if (SpreadsheetFormat::byteOrderMark(options.locale, options.byteOrderMark))
        chunk.append(CsvWriter::byteOrderMark());

    PGresult *started = PQexec(conn, copy.toUtf8().constData());
    const ExecStatusType startStatus = PQresultStatus(started);
    const QString startError = QString::fromUtf8(PQresultErrorMessage(started)).trimmed();
    PQclear(started);
    if (startStatus != PGRES_COPY_OUT) {
        while (PGresult *rest = PQgetResult(conn))
            PQclear(rest);
        return connectionOrDatabase(conn,
            tr("exporting the history failed: %1")
                .arg(startError.isEmpty() ? libpqMessage(conn) : startError));
    }

    auto flush = [&]() {
        if (chunk.isEmpty())
            return true;
        const bool ok = device.write(chunk) == chunk.size();
        summary.bytes += chunk.size();
        chunk.resize(0);
        return ok;
    };
    bool header = true;
    qint64 nextReport = options.progressEveryRows;
    for (;;) {
        char *row = nullptr;
        const int length = PQgetCopyData(conn, &row, 0); // one CopyData message: one row
        if (length == -1)
            break;
        if (length < 0) {
            const QString message = libpqMessage(conn);
            cancelAndDrain(conn);
            return connectionOrDatabase(conn, tr("exporting the history failed: %1").arg(message));
        }
        chunk.append(row, length);
        PQfreemem(row);
        if (header) {
            header = false;
        } else {
            ++summary.rows;
        }
        const bool report = summary.rows >= nextReport;
        if (chunk.size() >= chunkBytes || report) {
            if (!flush()) {
                cancelAndDrain(conn);
                return Error::database(tr("cannot write the export: %1").arg(device.errorString()));
            }
            if (report) {
                nextReport += options.progressEveryRows;
                if (m_progress)
                    m_progress(summary.rows, summary.bytes);
            }
            if (cancelRequested()) {
                cancelAndDrain(conn);
                summary.cancelled = true;
                return summary;
            }
        }
    }
    // After the last row the statement's own result says whether the COPY completed.
    QString failure;
    while (PGresult *result = PQgetResult(conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && failure.isEmpty())
            failure = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    if (!failure.isEmpty())
        return connectionOrDatabase(conn, tr("exporting the history failed: %1").arg(failure));
    if (!flush())
        return Error::database(tr("cannot write the export: %1").arg(device.errorString()));
    if (m_progress)
        m_progress(summary.rows, summary.bytes);
    return summary;
}

Result<HistoryExporter::Summary> HistoryExporter::exportSqlite(
    QIODevice &device, const Options &options)
{
    const HistoryFilters::Bound condition
        = HistoryFilters::bound(options.filter, m_database.dialect());
    // Times are formatted by SQLite (created_at is UTC text); json() gives compact JSON.
    const QString sql = QStringLiteral(
        "SELECT id, strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at), acao, cron_job, "
        "CAST(json_extract(detalhes, '$.status') AS TEXT), "
        "CAST(json_extract(detalhes, '$.duracao_segundos') AS TEXT), "
        "CAST(json_extract(detalhes, '$.runner') AS TEXT), "
        "CAST(json_extract(detalhes, '$.db_user') AS TEXT), json(detalhes) "
        "FROM tenant_logs WHERE %1 ORDER BY tenant_logs.created_at DESC, tenant_logs.id DESC")
                            .arg(condition.where);
    QSqlQuery query(m_database.handle());
    query.setForwardOnly(true);
    const QString what = tr("exporting the history");
    if (!query.prepare(sql))
        return SqlErrors::fromQuery(query, m_database.backend(), what);
    for (const QVariant &value : condition.values)
        query.addBindValue(value);
    if (!query.exec())
        return SqlErrors::fromQuery(query, m_database.backend(), what);

    Summary summary;
    CsvWriter writer(SpreadsheetFormat::delimiter(options.locale, options.delimiter));
    auto flush = [&]() {
        summary.bytes += writer.size();
        return writer.flushTo(device);
    };
    if (SpreadsheetFormat::byteOrderMark(options.locale, options.byteOrderMark))
        writer.addRaw(CsvWriter::byteOrderMark());
    writer.addRow(columnNames(options.locale));
    constexpr int columns = 9;
    const ExportLocale locale = options.locale;
    qint64 nextReport = options.progressEveryRows;
    while (query.next()) {
        for (int i = 0; i < columns; ++i) {
            const QVariant value = query.value(i);
            const QString cell = value.isNull() ? QString() : value.toString();
            // The same cells as the PostgreSQL COPY writes (SpreadsheetFormat's twins).
            if (i == 0)
                writer.addField(cell);
            else if (i == 1)
                writer.addField(SpreadsheetFormat::time(locale, cell));
            else if (i == 5)
                writer.addField(SpreadsheetFormat::number(locale, cell));
            else
                writer.addField(SpreadsheetFormat::text(locale, cell));
        }
        writer.endRow();
        ++summary.rows;
        const bool report = summary.rows >= nextReport;
        if (writer.size() >= chunkBytes || report) {
            if (!flush())
                return Error::database(tr("cannot write the export: %1").arg(device.errorString()));
            if (report) {
                nextReport += options.progressEveryRows;
                if (m_progress)
                    m_progress(summary.rows, summary.bytes);
            }
            if (cancelRequested()) {
                query.finish();
                summary.cancelled = true;
                return summary;
            }
        }
    }
    if (query.lastError().isValid())
        return SqlErrors::fromQuery(query, m_database.backend(), what);
    if (!flush())
        return Error::database(tr("cannot write the export: %1").arg(device.errorString()));
    if (m_progress)
        m_progress(summary.rows, summary.bytes);
    return summary;
}
