// cronctl set-schedule and next-runs: cron expressions with time zones, or whole-hour intervals.
#include "cli.h"

#include "core/db/database.h"
#include "core/schedule/schedule.h"
#include "core/store/jobstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimeZone>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

struct ScheduleOptions {
    QCommandLineOption cron{
        QStringLiteral("cron"), Text::tr("a 5-field cron expression"), QStringLiteral("EXPR")};
    QCommandLineOption zone{QStringLiteral("timezone"),
        Text::tr("IANA time zone of --cron (default UTC)"), QStringLiteral("TZ")};
    QCommandLineOption interval{QStringLiteral("interval-hours"),
        Text::tr("every N whole hours (1-8760)"), QStringLiteral("N")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({cron, zone, interval}); }

    // Exactly one of --cron and --interval-hours; the message says what is wrong.
    Result<Schedule> read(const QCommandLineParser &parser) const
    {
        const bool hasCron = parser.isSet(cron);
        if (hasCron == parser.isSet(interval))
            return Error::invalidInput(Text::tr("give either --cron EXPR [--timezone TZ] or "
                                                "--interval-hours N"));
        if (hasCron)
            return Schedule::cron(parser.value(cron), parser.value(zone));
        if (parser.isSet(zone))
            return Error::invalidInput(Text::tr("--timezone goes with --cron"));
        bool ok = false;
        const qint64 hours = parser.value(interval).trimmed().toLongLong(&ok);
        if (!ok)
            return Error::invalidInput(
                Text::tr("--interval-hours needs a whole number of hours, not "
                         "\"%1\"")
                    .arg(parser.value(interval)));
        return Schedule::interval(hours);
    }
};

// "2025-03-09T03:00:00-04:00": the instant on the zone's wall clock, with its offset.
QString isoWithOffset(const QDateTime &instant, const QTimeZone &zone)
{
    const QDateTime local = instant.toTimeZone(zone);
    const int offset = zone.offsetFromUtc(instant);
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2")
              .arg(minutes / 60, 2, 10, QLatin1Char('0'))
              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int Cli::cmdSetSchedule(const QStringList &args)
{
    QCommandLineParser parser;
    const ScheduleOptions options;
    options.addTo(parser);
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("set-schedule"), args, 1, &exitCode))
        return exitCode;
    const auto schedule = options.read(parser);
    if (!schedule)
        return usageError(schedule.error().message);
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const QString job = parser.positionalArguments().constFirst();
    const auto outcome = store.setSchedule(job, *schedule);
    if (!outcome)
        return fail(outcome.error());
    m_out << Text::tr("%1 now runs %2; next run %3")
                 .arg(job, schedule->describe(),
                     isoWithOffset(outcome->job.nextRun,
                         schedule->isCron() ? schedule->zone() : QTimeZone::systemTimeZone()))
          << Qt::endl;
    return Success;
}

int Cli::cmdNextRuns(const QStringList &args)
{
    QCommandLineParser parser;
    const ScheduleOptions options;
    options.addTo(parser);
    const QCommandLineOption fromOption(QStringLiteral("from"),
        Text::tr("start after this ISO-8601 time (default now; no offset means local time)"),
        QStringLiteral("TIME"));
    const QCommandLineOption countOption(QStringLiteral("count"),
        Text::tr("how many (1-1000, default 5)"), QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({fromOption, countOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("next-runs"), args, 0, &exitCode))
        return exitCode;
    const auto schedule = options.read(parser);
    if (!schedule)
        return usageError(schedule.error().message);
    bool countOk = false;
    const int count = parser.value(countOption).toInt(&countOk);
    if (!countOk || count < 1 || count > 1000)
        return usageError(Text::tr("--count needs a whole number from 1 to 1000, not \"%1\"")
                              .arg(parser.value(countOption)));
    QDateTime from = QDateTime::currentDateTimeUtc();
    if (parser.isSet(fromOption)) {
        from = QDateTime::fromString(parser.value(fromOption), Qt::ISODateWithMs);
        if (!from.isValid())
            return usageError(
                Text::tr("--from needs an ISO-8601 time such as 2025-03-08T00:00:00Z, "
                         "not \"%1\"")
                    .arg(parser.value(fromOption)));
    }
    const QTimeZone zone = schedule->isCron() ? schedule->zone() : QTimeZone::utc();
    const QList<QDateTime> runs = schedule->nextRuns(from.toUTC(), count);
    for (const QDateTime &run : runs)
        m_out << isoWithOffset(run, zone) << '\n';
    m_out.flush();
    if (runs.size() < count)
        m_err << "cronctl: "
              << Text::tr("the schedule fires only %1 time(s) in the next five years")
                     .arg(runs.size())
              << Qt::endl;
    return Success;
}
