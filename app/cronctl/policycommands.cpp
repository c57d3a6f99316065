// cronctl set-policy, pause-all and resume-all (issue 17): per-job retries, catch-up and overdue,
// and the switch that holds every runner and the seed's deve_executar_cron.
#include "cli.h"

#include "core/db/database.h"
#include "core/domain/jobpolicy.h"
#include "core/store/jobstore.h"
#include "core/store/pausestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cmath>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

// A strict whole number for `option`, or the message that says what is wrong.
Result<int> wholeNumber(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const QString text = parser.value(option).trimmed();
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < INT_MIN || value > INT_MAX)
        return Error::invalidInput(Text::tr("--%1 needs a whole number, not \"%2\"")
                                       .arg(option.names().constFirst(), parser.value(option)));
    return int(value);
}

} // namespace

int Cli::cmdSetPolicy(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption maxRetries(QStringLiteral("max-retries"),
        Text::tr("attempts after a failed or timed-out run (0-%1; 0: no retries)")
            .arg(JobPolicy::maxMaxRetries),
        QStringLiteral("N"));
    const QCommandLineOption retryDelay(QStringLiteral("retry-delay"),
        Text::tr("seconds before the first retry"), QStringLiteral("SECONDS"));
    const QCommandLineOption retryBackoff(QStringLiteral("retry-backoff"),
        Text::tr("each later delay is this factor times the one before (1-%1)")
            .arg(JobPolicy::maxRetryBackoff),
        QStringLiteral("FACTOR"));
    const QCommandLineOption catchUp(QStringLiteral("catch-up"),
        Text::tr("after downtime: once (run once), skip (skip a slot later than the window), all"),
        QStringLiteral("MODE"));
    const QCommandLineOption catchUpWindow(QStringLiteral("catch-up-window"),
        Text::tr("how late a slot may still run, for --catch-up skip"), QStringLiteral("SECONDS"));
    const QCommandLineOption overdueAfter(QStringLiteral("overdue-after"),
        Text::tr("due for longer than this and not running: overdue (default 300)"),
        QStringLiteral("SECONDS"));
    parser.addOptions({maxRetries, retryDelay, retryBackoff, catchUp, catchUpWindow, overdueAfter});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("set-policy"), args, 1, &exitCode))
        return exitCode;
    PolicyChange change;
    for (const auto &[option, target] : {std::pair{&maxRetries, &change.maxRetries},
             std::pair{&retryDelay, &change.retryDelaySeconds},
             std::pair{&catchUpWindow, &change.catchUpWindowSeconds},
             std::pair{&overdueAfter, &change.overdueAfterSeconds}}) {
        if (!parser.isSet(*option))
            continue;
        const auto value = wholeNumber(parser, *option);
        if (!value)
            return usageError(value.error().message);
        *target = *value;
    }
    if (parser.isSet(retryBackoff)) {
        bool ok = false;
        const double factor = parser.value(retryBackoff).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(factor))
            return usageError(
                Text::tr("--retry-backoff needs a number such as 2 or 1.5, not \"%1\"")
                    .arg(parser.value(retryBackoff)));
        change.retryBackoff = factor;
    }
    if (parser.isSet(catchUp))
        change.catchUp = parser.value(catchUp).trimmed();
    if (change.isEmpty())
        return usageError(Text::tr("set-policy needs at least one of --max-retries, "
                                   "--retry-delay, --retry-backoff, --catch-up, "
                                   "--catch-up-window, --overdue-after"));
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const auto outcome = store.setPolicy(parser.positionalArguments().constFirst(), change);
    if (!outcome)
        return fail(outcome.error());
    const Job &job = outcome->job;
    m_out << (outcome->changed ? Text::tr("policy of %1: ") : Text::tr("policy of %1 unchanged: "))
                 .arg(job.name)
          << Text::tr(
                 "%1 attempt(s), retry delay %2 s, backoff %3, catch-up %4, overdue after %5 s")
                 .arg(JobPolicy::maxAttempts(job))
                 .arg(job.retryDelaySeconds)
                 .arg(job.retryBackoff)
                 .arg(job.catchUp)
                 .arg(job.overdueAfterSeconds)
          << Qt::endl;
    return Success;
}

int Cli::pauseOrResume(const QStringList &args, bool pause)
{
    QCommandLineParser parser;
    const QCommandLineOption reason(
        QStringLiteral("reason"), Text::tr("why (kept in the audit row)"), QStringLiteral("TEXT"));
    parser.addOption(reason);
    int exitCode = Success;
    if (!parseCommand(parser, pause ? QStringLiteral("pause-all") : QStringLiteral("resume-all"),
            args, 0, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    const auto changed = PauseStore::set(*database.value(), pause, parser.value(reason));
    if (!changed)
        return fail(changed.error());
    if (pause)
        m_out << (*changed ? Text::tr("all jobs paused: runners claim nothing and "
                                      "deve_executar_cron answers false until resume-all")
                           : Text::tr("all jobs were paused already"))
              << Qt::endl;
    else
        m_out << (*changed ? Text::tr("all jobs resumed")
                           : Text::tr("all jobs were running already"))
              << Qt::endl;
    return Success;
}

int Cli::cmdPauseAll(const QStringList &args)
{
    return pauseOrResume(args, true);
}

int Cli::cmdResumeAll(const QStringList &args)
{
    return pauseOrResume(args, false);
}
