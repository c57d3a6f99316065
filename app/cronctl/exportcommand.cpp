// cronctl export-history: the filtered cron history as CSV, to a file or to stdout.
#include "cli.h"
#include "counted.h"

#include "core/db/database.h"
#include "core/export/historyexporter.h"
#include "core/store/jobstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <optional>

#include <unistd.h>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

// An ISO-8601 date ("2025-01-22") or date-time ("2025-01-22T10:30[:00[.123]]", a space instead
// of the T, optionally with Z or ±hh:mm). Without an offset it is the user's local time. A bare
// date means the start of that day for --since and its end (the next day's start) for --until,
// so "--since 2025-01-01 --until 2025-01-31" covers all of January.
std::optional<QDateTime> parseTime(const QString &text, bool endOfDay)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression dateTime(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    const QString trimmed = text.trimmed();
    if (dateOnly.match(trimmed).hasMatch()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        const QDateTime start = (endOfDay ? date.addDays(1) : date).startOfDay();
        return start.isValid() ? std::optional<QDateTime>(start) : std::nullopt;
    }
    if (!dateTime.match(trimmed).hasMatch())
        return std::nullopt;
    QString iso = trimmed;
    iso[10] = QLatin1Char('T');
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    // A local time that does not exist (a daylight saving gap) is refused, not guessed.
    if (!time.isValid())
        return std::nullopt;
    return time;
}

} // namespace

int Cli::cmdExportHistory(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jobOption(QStringLiteral("job"),
        Text::tr("only this job's history (default: all jobs)"), QStringLiteral("NAME"));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
        Text::tr("from this time on (ISO-8601 date or date-time; local time without an offset)"),
        QStringLiteral("T"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
        Text::tr("before this time (a date includes that whole day)"), QStringLiteral("T"));
    const QCommandLineOption actionOption(
        QStringLiteral("action"), Text::tr("only rows with this acao"), QStringLiteral("A"));
    const QCommandLineOption textOption(QStringLiteral("text"),
        Text::tr("only rows whose action or details contain TEXT"), QStringLiteral("TEXT"));
    const QCommandLineOption outputOption(QStringLiteral("output"),
        Text::tr("the CSV file to write, or - for standard output (default)"),
        QStringLiteral("FILE"), QStringLiteral("-"));
    const QCommandLineOption delimiterOption(QStringLiteral("delimiter"),
        Text::tr("field delimiter: , (default) or ; (spreadsheets in pt_BR)"), QStringLiteral("D"),
        QStringLiteral(","));
    const QCommandLineOption bomOption(
        QStringLiteral("bom"), Text::tr("start with a UTF-8 byte order mark (for spreadsheets)"));
    const QCommandLineOption localeOption(QStringLiteral("locale"),
        Text::tr("pt_BR: for spreadsheets in Brazilian Portuguese (';', BOM, decimal commas, "
                 "dd/MM/yyyy UTC times, no formulas); default: RFC 4180 as stored"),
        QStringLiteral("L"));
    parser.addOptions({jobOption, sinceOption, untilOption, actionOption, textOption, outputOption,
        delimiterOption, bomOption, localeOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("export-history"), args, 0, &exitCode))
        return exitCode;

    // Every value is checked before anything is opened or written.
    HistoryExporter::Options options;
    options.filter.job = parser.value(jobOption);
    options.filter.action = parser.value(actionOption);
    options.filter.text = parser.value(textOption);
    options.byteOrderMark = parser.isSet(bomOption);
    if (parser.isSet(jobOption) && options.filter.job.isEmpty())
        return usageError(Text::tr("--job needs a job name"));
    if (parser.isSet(actionOption) && options.filter.action.isEmpty())
        return usageError(Text::tr("--action needs an action name"));
    const QString delimiter = parser.value(delimiterOption);
    if (delimiter != QLatin1String(",") && delimiter != QLatin1String(";"))
        return usageError(Text::tr("--delimiter must be , or ;, not \"%1\"").arg(delimiter));
    options.delimiter = delimiter.at(0).toLatin1();
    if (parser.isSet(localeOption)) {
        const auto locale = SpreadsheetFormat::fromName(parser.value(localeOption));
        if (!locale)
            return usageError(Text::tr("--locale must be pt_BR or rfc4180, not \"%1\"")
                                  .arg(parser.value(localeOption)));
        options.locale = *locale;
        // The spreadsheet format writes ';' (its decimal comma would need quotes after ',').
        if (options.locale == ExportLocale::BrazilianSpreadsheet && parser.isSet(delimiterOption)
            && options.delimiter != ';')
            return usageError(Text::tr("--locale pt_BR writes ';' between fields; leave out "
                                       "--delimiter or give --delimiter ';'"));
    }
    if (parser.isSet(sinceOption)) {
        const auto since = parseTime(parser.value(sinceOption), false);
        if (!since)
            return usageError(
                Text::tr("--since needs an ISO-8601 date or date-time such as 2025-01-22 "
                         "or 2025-01-22T10:30:00, not \"%1\"")
                    .arg(parser.value(sinceOption)));
        options.filter.since = *since;
    }
    if (parser.isSet(untilOption)) {
        const auto until = parseTime(parser.value(untilOption), true);
        if (!until)
            return usageError(
                Text::tr("--until needs an ISO-8601 date or date-time such as 2025-01-22 "
                         "or 2025-01-22T10:30:00, not \"%1\"")
                    .arg(parser.value(untilOption)));
        options.filter.until = *until;
    }
    const QString output = parser.value(outputOption);
    if (output.isEmpty())
        return usageError(Text::tr("--output needs a file name, or - for standard output"));
    if (const Status valid = HistoryExporter::validate(options); !valid)
        return fail(valid.error());

    auto database = connect(true);
    if (!database)
        return fail(database.error());
    if (!options.filter.job.isEmpty()) {
        // A removed job's history is still exportable; a name with neither is a typo.
        JobStore store(*database.value());
        if (const auto found = store.job(options.filter.job); !found) {
            HistoryQuery probe;
            probe.job = options.filter.job;
            probe.limit = 1;
            const auto history = store.history(probe);
            if (!history)
                return fail(history.error());
            if (history->isEmpty())
                return fail(found.error());
        }
    }

    HistoryExporter exporter(*database.value());
    if (output == QLatin1String("-")) {
        m_out.flush();
        QFile standardOutput;
        if (!standardOutput.open(STDOUT_FILENO, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return fail(Error::database(
                Text::tr("cannot write to standard output: %1").arg(standardOutput.errorString())));
        const auto summary = exporter.exportTo(standardOutput, options);
        if (!summary)
            return fail(summary.error());
        if (!standardOutput.flush())
            return fail(Error::database(
                Text::tr("cannot write to standard output: %1").arg(standardOutput.errorString())));
        return Success;
    }
    const auto summary = exporter.exportToFile(output, options);
    if (!summary)
        return fail(summary.error());
    m_out << Text::tr("exported %1 to %2")
                 .arg(counted(summary->rows, "row", "rows"), QDir::toNativeSeparators(output))
          << Qt::endl;
    return Success;
}
