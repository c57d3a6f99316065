// cronctl prune-history: retention for cron history in tenant_logs.
#include "cli.h"
#include "counted.h"

#include "core/db/database.h"
#include "core/maintenance/historyretention.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

std::optional<int> parseCount(const QString &text, int minimum, int maximum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

int Cli::cmdPruneHistory(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption daysOption(QStringLiteral("older-than-days"),
        Text::tr("delete cron history older than N days (required)"), QStringLiteral("N"));
    const QCommandLineOption batchOption(QStringLiteral("batch-size"),
        Text::tr("rows per short transaction (default 5000)"), QStringLiteral("N"),
        QStringLiteral("5000"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"), Text::tr("only count what would be deleted"));
    parser.addOptions({daysOption, batchOption, dryRunOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("prune-history"), args, 0, &exitCode))
        return exitCode;
    if (!parser.isSet(daysOption))
        return usageError(Text::tr("prune-history needs --older-than-days N"));
    HistoryRetention::Options options;
    options.dryRun = parser.isSet(dryRunOption);
    const auto days = parseCount(parser.value(daysOption), 1, HistoryRetention::maxDays);
    if (!days)
        return usageError(
            Text::tr("--older-than-days needs a whole number from 1 to %1, not \"%2\"")
                .arg(HistoryRetention::maxDays)
                .arg(parser.value(daysOption)));
    options.olderThanDays = *days;
    const auto batch = parseCount(parser.value(batchOption), 1, HistoryRetention::maxBatchSize);
    if (!batch)
        return usageError(Text::tr("--batch-size needs a whole number from 1 to %1, not \"%2\"")
                              .arg(HistoryRetention::maxBatchSize)
                              .arg(parser.value(batchOption)));
    options.batchSize = *batch;

    auto database = connect(true);
    if (!database)
        return fail(database.error());
    HistoryRetention retention(*database.value());
    retention.setProgressCallback([this](int batchNumber, qint64 deleted) {
        m_err << Text::tr("prune-history: batch %1 done, %2 deleted so far")
                     .arg(batchNumber)
                     .arg(counted(deleted, "row", "rows"))
              << Qt::endl;
    });
    const auto outcome = retention.prune(options);
    if (!outcome)
        return fail(outcome.error());
    if (options.dryRun)
        m_out << Text::tr("would delete %1 of cron history older than %2 in %3")
                     .arg(counted(outcome->deleted, "row", "rows"),
                         counted(options.olderThanDays, "day", "days"),
                         counted(outcome->batches, "batch", "batches"))
              << Qt::endl;
    else
        m_out << Text::tr("deleted %1 of cron history older than %2 in %3")
                     .arg(counted(outcome->deleted, "row", "rows"),
                         counted(options.olderThanDays, "day", "days"),
                         counted(outcome->batches, "batch", "batches"))
              << Qt::endl;
    if (outcome->runsDeleted > 0 || outcome->outputChunksDeleted > 0)
        m_out << (options.dryRun ? Text::tr("would delete %1 and %2 of the same age")
                                 : Text::tr("deleted %1 and %2 of the same age"))
                     .arg(counted(outcome->runsDeleted, "run record", "run records"),
                         counted(outcome->outputChunksDeleted, "output chunk", "output chunks"))
              << Qt::endl;
    return Success;
}
