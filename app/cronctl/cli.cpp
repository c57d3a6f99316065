#include "cli.h"

#include "core/db/connectionspec.h"
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/domain/jobpolicy.h"
#include "core/domain/jobrules.h"
#include "core/runner/jobalerts.h"
#include "core/runner/leasestore.h"
#include "core/schedule/schedule.h"
#include "core/store/jobstore.h"
#include "core/store/pausestore.h"
#include "core/store/statusjson.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <functional>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

// Local time with its offset, so a reader in any zone knows the instant.
QString localTime(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QString describeOutcome(const ActionOutcome &outcome, const QString &done, const QString &already)
{
    return (outcome.changed ? done : already).arg(outcome.job.name);
}

// A strict whole number: "12" yes; "12h", "1.5", "" no.
std::optional<qint64> parseWholeNumber(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

// Columns padded to their widest cell; the last column is not padded.
void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells << (i + 1 < row.size() ? row[i].leftJustified(widths[i]) : row[i]);
        out << cells.join(QStringLiteral("  ")) << '\n';
    }
}

} // namespace

struct Cli::Command {
    QString name;
    QString synopsis;
    QString summary;
    int (Cli::*handler)(const QStringList &);
};

const QList<Cli::Command> &Cli::commands()
{
    static const QList<Command> list{
        {QStringLiteral("migrate"), QStringLiteral("migrate [--dry-run]"),
            Text::tr("create or upgrade the schema (safe to run again)"), &Cli::cmdMigrate},
        {QStringLiteral("status"), QStringLiteral("status [--json]"),
            Text::tr("list every job with its state"), &Cli::cmdStatus},
        {QStringLiteral("add"),
            QStringLiteral("add NAME [--description TEXT] [--interval-hours N | --cron EXPR "
                           "[--timezone TZ]] [--at ISO-8601] [--disabled]"),
            Text::tr("add a job"), &Cli::cmdAdd},
        {QStringLiteral("remove"), QStringLiteral("remove NAME"), Text::tr("delete a job"),
            &Cli::cmdRemove},
        {QStringLiteral("enable"), QStringLiteral("enable NAME"), Text::tr("activate a job"),
            &Cli::cmdEnable},
        {QStringLiteral("disable"), QStringLiteral("disable NAME"), Text::tr("deactivate a job"),
            &Cli::cmdDisable},
        {QStringLiteral("set-description"),
            QStringLiteral("set-description NAME TEXT [--reason TEXT]"),
            Text::tr("change a job's description (\"\" clears it)"), &Cli::cmdSetDescription},
        {QStringLiteral("rename"), QStringLiteral("rename NAME NEW_NAME [--reason TEXT]"),
            Text::tr("rename a job (not while it runs); its history stays under the old name"),
            &Cli::cmdRename},
        {QStringLiteral("set-interval"), QStringLiteral("set-interval NAME HOURS"),
            Text::tr("run a job every HOURS hours (1-8760); the next run moves to now + HOURS"),
            &Cli::cmdSetInterval},
        {QStringLiteral("set-schedule"),
            QStringLiteral("set-schedule NAME (--cron EXPR [--timezone TZ] | --interval-hours N)"),
            Text::tr("run a job on a cron expression in a time zone, or every N hours"),
            &Cli::cmdSetSchedule},
        {QStringLiteral("next-runs"),
            QStringLiteral("next-runs (--cron EXPR [--timezone TZ] | --interval-hours N) "
                           "[--from ISO-8601] [--count N]"),
            Text::tr("print the next run times of a schedule, one ISO-8601 instant per line"),
            &Cli::cmdNextRuns},
        {QStringLiteral("reset"), QStringLiteral("reset NAME [--reason TEXT] [--force]"),
            Text::tr(
                "put a running or stuck job back to pending (--force: also under a live lease)"),
            &Cli::cmdReset},
        {QStringLiteral("run-now"), QStringLiteral("run-now NAME"),
            Text::tr("make a job due now; a runner starts it"), &Cli::cmdRunNow},
        {QStringLiteral("scheduler"), QStringLiteral("scheduler [--config FILE] [--name NAME]"),
            Text::tr("run due jobs on this machine until SIGTERM/SIGINT (the headless runner)"),
            &Cli::cmdScheduler},
        {QStringLiteral("runners"), QStringLiteral("runners [--json]"),
            Text::tr("list the runners, live, stopped and stale"), &Cli::cmdRunners},
        {QStringLiteral("set-policy"),
            QStringLiteral("set-policy NAME [--max-retries N] [--retry-delay S] "
                           "[--retry-backoff F] [--catch-up once|skip|all] "
                           "[--catch-up-window S] [--overdue-after S]"),
            Text::tr("retries, catch-up and the overdue threshold of a job"), &Cli::cmdSetPolicy},
        {QStringLiteral("pause-all"), QStringLiteral("pause-all [--reason TEXT]"),
            Text::tr("hold every runner and the seed's deve_executar_cron until resume-all"),
            &Cli::cmdPauseAll},
        {QStringLiteral("resume-all"), QStringLiteral("resume-all [--reason TEXT]"),
            Text::tr("end pause-all"), &Cli::cmdResumeAll},
        {QStringLiteral("runs"), QStringLiteral("runs NAME [--limit N] [--json]"),
            Text::tr("a job's runs (start, end, status, runner, output), newest first"),
            &Cli::cmdRuns},
        {QStringLiteral("logs"), QStringLiteral("logs NAME [--run ID] [--follow]"),
            Text::tr("a run's output (stdout to stdout, stderr to stderr); --follow until it ends"),
            &Cli::cmdLogs},
        {QStringLiteral("abort"), QStringLiteral("abort NAME [--reason TEXT]"),
            Text::tr("stop the running run of a job, on whichever runner holds it"),
            &Cli::cmdAbort},
        {QStringLiteral("history"), QStringLiteral("history NAME [--limit N] [--json]"),
            Text::tr("a job's executions and admin actions, newest first"), &Cli::cmdHistory},
        {QStringLiteral("export-history"),
            QStringLiteral("export-history [--job NAME] [--since T] [--until T] [--action A] "
                           "[--output FILE|-] [--delimiter ,|;] [--bom] [--locale pt_BR]"),
            Text::tr(
                "cron history as CSV (newest first); T is an ISO-8601 date or date-time, local "
                "without an offset"),
            &Cli::cmdExportHistory},
        {QStringLiteral("prune-history"),
            QStringLiteral("prune-history --older-than-days N [--batch-size 5000] [--dry-run]"),
            Text::tr("delete cron history older than N days in small batches, and audit it"),
            &Cli::cmdPruneHistory},
    };
    return list;
}

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

Cli::~Cli() = default;

int Cli::fail(const Error &error)
{
    m_err << "cronctl: " << error.message << Qt::endl;
    return error.isUserInput() ? Usage : Failure;
}

int Cli::usageError(const QString &message)
{
    m_err << "cronctl: " << message << Qt::endl;
    return Usage;
}

int Cli::printUsage()
{
    m_out << Text::tr(
        "Usage: cronctl [--db URL] COMMAND [ARGS]\n\n"
        "Administers the persistent cron jobs stored in a database.\n\n"
        "Options:\n"
        "  --db URL      postgresql://… or sqlite:/path/file.db; default: $CRON_CONSOLE_DB,\n"
        "                else the embedded database in the user's data folder\n"
        "  -h, --help    show this help (cronctl COMMAND --help for a command)\n"
        "  -v, --version show the version\n\n"
        "Commands:\n");
    for (const Command &command : commands())
        m_out << QStringLiteral("  %1\n      %2\n").arg(command.synopsis, command.summary);
    m_out << Text::tr("\nExit status: 0 success, 2 invalid input or usage, 1 any other failure.\n");
    m_out.flush();
    return Success;
}

int Cli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption dbOption(
        QStringLiteral("db"), Text::tr("database URL"), QStringLiteral("URL"));
    const QCommandLineOption helpOption(
        {QStringLiteral("h"), QStringLiteral("help")}, Text::tr("help"));
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")}, Text::tr("version"));
    parser.addOptions({dbOption, helpOption, versionOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(versionOption)) {
        m_out << "cronctl " << CRON_CONSOLE_VERSION << Qt::endl;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption))
        return printUsage();
    if (positional.isEmpty())
        return usageError(Text::tr("no command given; see cronctl --help"));
    m_dbUrl = parser.value(dbOption);
    const QString name = positional.first();
    if (name == QLatin1String("help"))
        return printUsage();
    for (const Command &command : commands()) {
        if (command.name == name)
            return (this->*command.handler)(positional.mid(1));
    }
    return usageError(Text::tr("unknown command \"%1\"; see cronctl --help").arg(name));
}

bool Cli::parseCommand(QCommandLineParser &parser, const QString &name, const QStringList &args,
    int expectedPositionals, int *exitCode)
{
    const QCommandLineOption helpOption(
        {QStringLiteral("h"), QStringLiteral("help")}, Text::tr("show this help"));
    parser.addOption(helpOption);
    if (!parser.parse(QStringList{QStringLiteral("cronctl ") + name} + args)) {
        QString text = QStringLiteral("%1: %2").arg(name, parser.errorText());
        // Job names may start with "-" (the platform allows them): say how to pass one.
        if (!parser.unknownOptionNames().isEmpty())
            text += QLatin1Char(' ')
                + Text::tr("(a name that starts with \"-\" goes after --, as in: cronctl %1 -- "
                           "-name)")
                      .arg(name);
        *exitCode = usageError(text);
        return false;
    }
    if (parser.isSet(helpOption)) {
        for (const Command &command : commands()) {
            if (command.name == name)
                m_out << "Usage: cronctl [--db URL] " << command.synopsis << "\n\n"
                      << command.summary << "\n";
        }
        m_out << parser.helpText().section(QLatin1String("\n\n"), 1) << Qt::flush;
        *exitCode = Success;
        return false;
    }
    const qsizetype count = parser.positionalArguments().size();
    if (count != expectedPositionals) {
        for (const Command &command : commands()) {
            if (command.name == name)
                *exitCode
                    = usageError(Text::tr("%1 expects %2 argument(s), got %3; usage: cronctl %4")
                                     .arg(name)
                                     .arg(expectedPositionals)
                                     .arg(count)
                                     .arg(command.synopsis));
        }
        return false;
    }
    return true;
}

Result<std::unique_ptr<Database>> Cli::connect(bool migrateIfNeeded)
{
    const Result<ConnectionSpec> spec = ConnectionSpec::resolve(m_dbUrl);
    if (!spec)
        return spec.error();
    // The embedded database belongs to this user and is created on first use; a shared
    // PostgreSQL schema changes only when someone runs "cronctl migrate".
    return Database::open(*spec, QStringLiteral("cli"),
        migrateIfNeeded ? SchemaPolicy::MigrateEmbedded : SchemaPolicy::Check);
}

int Cli::cmdMigrate(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
        Text::tr("print what migrate would do (rehearsed in a transaction that is rolled back)"));
    parser.addOption(dryRunOption);
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("migrate"), args, 0, &exitCode))
        return exitCode;
    const Result<ConnectionSpec> spec = ConnectionSpec::resolve(m_dbUrl);
    if (!spec)
        return fail(spec.error());
    const auto database = Database::open(*spec, QStringLiteral("migrate"), SchemaPolicy::None);
    if (!database)
        return fail(database.error());
    Migrator migrator(*database.value());
    if (parser.isSet(dryRunOption)) {
        const Result<Migrator::Plan> plan = migrator.plan();
        if (!plan)
            return fail(plan.error());
        m_out << Text::tr("schema version %1 of %2 on %3")
                     .arg(plan->currentVersion)
                     .arg(migrator.latestVersion())
                     .arg(spec->displayUrl())
              << '\n';
        if (plan->pending.isEmpty())
            m_out << Text::tr("nothing to do") << '\n';
        for (const Migrator::Migration &migration : plan->pending)
            m_out << Text::tr("would apply %1_%2: %3")
                         .arg(migration.version, 4, 10, QLatin1Char('0'))
                         .arg(migration.name, migration.summary)
                  << '\n';
        for (const QString &line : plan->report)
            m_out << "  " << line << '\n';
        m_out << Text::tr("nothing was changed") << Qt::endl;
        return Success;
    }
    const Result<QStringList> applied = migrator.migrate();
    if (!applied)
        return fail(applied.error());
    for (const QString &name : *applied)
        m_out << Text::tr("applied %1").arg(name) << '\n';
    for (const QString &line : migrator.report())
        m_out << "  " << line << '\n';
    m_out << Text::tr("schema is up to date (version %1) on %2")
                 .arg(migrator.latestVersion())
                 .arg(spec->displayUrl())
          << Qt::endl;
    return Success;
}

int Cli::cmdStatus(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), Text::tr("print the seed's GET /api/admin/sync-cron response"));
    parser.addOption(jsonOption);
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("status"), args, 0, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const Result<QList<Job>> jobs = store.listJobs();
    if (!jobs)
        return fail(jobs.error());
    // Issue 17: pause all, and what needs attention per job. The seed's keys stay as they are.
    const auto pause = PauseStore::read(*database.value());
    if (!pause)
        return fail(pause.error());
    LeaseStore leases(*database.value(), QStringLiteral("cronctl"), 60);
    const auto runners = leases.runners();
    if (!runners)
        return fail(runners.error());
    const QSet<QString> runnable = JobAlerts::runnable(*runners);
    if (parser.isSet(jsonOption)) {
        QJsonObject status = StatusJson::seedStatus(*jobs);
        QJsonObject alerts;
        for (const Job &job : *jobs)
            alerts.insert(job.name, JobAlerts::of(job, pause->paused, runnable).toJson(job));
        // Each job gets "overdue" beside the seed's keys; while paused deve_executar_agora is
        // false, as deve_executar_cron answers.
        QJsonArray list = status.value(QStringLiteral("cron_jobs")).toArray();
        for (QJsonValueRef entry : list) {
            QJsonObject job = entry.toObject();
            const QJsonObject alert
                = alerts.value(job.value(QStringLiteral("nome")).toString()).toObject();
            job.insert(QStringLiteral("overdue"), alert.value(QStringLiteral("overdue")).toBool());
            if (pause->paused)
                job.insert(QStringLiteral("deve_executar_agora"), false);
            entry = job;
        }
        status.insert(QStringLiteral("cron_jobs"), list);
        status.insert(QStringLiteral("paused"), pause->paused);
        if (pause->paused && !pause->reason.isEmpty())
            status.insert(QStringLiteral("paused_reason"), pause->reason);
        status.insert(QStringLiteral("job_alerts"), alerts);
        m_out << QString::fromUtf8(QJsonDocument(status).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows{
        {Text::tr("NAME"), Text::tr("ACTIVE"), Text::tr("SCHEDULE"), Text::tr("STATUS"),
            Text::tr("LAST RUN"), Text::tr("NEXT RUN"), Text::tr("RUNS"), Text::tr("ALERTS")}};
    if (pause->paused)
        m_out << (pause->reason.isEmpty()
                ? Text::tr("ALL JOBS PAUSED (cronctl resume-all ends it)")
                : Text::tr("ALL JOBS PAUSED: %1 (cronctl resume-all ends it)").arg(pause->reason))
              << '\n';
    for (const Job &job : *jobs) {
        QString status = job.lastStatus.isEmpty() ? QStringLiteral("pending") : job.lastStatus;
        if (JobRules::isStuck(job, job.readAt))
            status = QStringLiteral("stuck");
        const JobAlert alert = JobAlerts::of(job, pause->paused, runnable);
        if (alert.overdue && status != QLatin1String("stuck"))
            status = QStringLiteral("overdue");
        QStringList notes;
        if (alert.failing)
            notes << Text::tr("failing");
        if (job.retryAt.isValid())
            notes << Text::tr("retry %1 of %2 at %3")
                         .arg(JobPolicy::attemptOf(job))
                         .arg(JobPolicy::maxAttempts(job))
                         .arg(localTime(job.retryAt));
        if (alert.noRunner)
            notes << Text::tr("no runner can run it");
        rows << QStringList{job.name, job.active ? Text::tr("yes") : Text::tr("no"),
            Schedule::of(job).describe(), status, localTime(job.lastRun),
            JobRules::shouldRun(job, job.readAt) ? Text::tr("due now") : localTime(job.nextRun),
            QString::number(job.totalRuns),
            notes.isEmpty() ? QStringLiteral("-") : notes.join(QStringLiteral("; "))};
    }
    printTable(m_out, rows);
    m_out.flush();
    return Success;
}

int Cli::cmdAdd(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption descriptionOption(
        QStringLiteral("description"), Text::tr("what the job does"), QStringLiteral("TEXT"));
    const QCommandLineOption intervalOption(QStringLiteral("interval-hours"),
        Text::tr("run every N hours (1-8760, default 12)"), QStringLiteral("N"),
        QStringLiteral("12"));
    const QCommandLineOption disabledOption(
        QStringLiteral("disabled"), Text::tr("add it inactive"));
    const QCommandLineOption cronOption(QStringLiteral("cron"),
        Text::tr("run on this 5-field cron expression instead of an interval"),
        QStringLiteral("EXPR"));
    const QCommandLineOption zoneOption(QStringLiteral("timezone"),
        Text::tr("IANA time zone of --cron (default UTC)"), QStringLiteral("TZ"));
    const QCommandLineOption atOption(QStringLiteral("at"),
        Text::tr("run once at this time (ISO-8601; local without an offset), then disable itself"),
        QStringLiteral("ISO-8601"));
    parser.addOptions(
        {descriptionOption, intervalOption, disabledOption, cronOption, zoneOption, atOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("add"), args, 1, &exitCode))
        return exitCode;
    NewJob job;
    job.name = parser.positionalArguments().constFirst();
    job.description = parser.value(descriptionOption);
    job.active = !parser.isSet(disabledOption);
    const auto hours = parseWholeNumber(parser.value(intervalOption));
    if (!hours)
        return usageError(Text::tr("--interval-hours needs a whole number of hours, not \"%1\"")
                              .arg(parser.value(intervalOption)));
    job.intervalHours = *hours;
    if (parser.isSet(cronOption) && parser.isSet(intervalOption))
        return usageError(Text::tr("add takes --cron or --interval-hours, not both"));
    if (parser.isSet(zoneOption) && !parser.isSet(cronOption))
        return usageError(Text::tr("--timezone goes with --cron"));
    if (parser.isSet(cronOption)) {
        const auto schedule = Schedule::cron(parser.value(cronOption), parser.value(zoneOption));
        if (!schedule)
            return usageError(schedule.error().message);
        job.cronExpression = schedule->expression();
        job.timeZone = schedule->zoneId();
    }
    if (parser.isSet(atOption)) {
        if (parser.isSet(cronOption))
            return usageError(Text::tr("add takes --cron or --at, not both"));
        job.runAt = QDateTime::fromString(parser.value(atOption).trimmed(), Qt::ISODate);
        if (!job.runAt.isValid())
            return usageError(
                Text::tr("--at needs an ISO-8601 date-time such as 2026-12-24T18:00:00+01:00, "
                         "not \"%1\"")
                    .arg(parser.value(atOption)));
    }
    // Validate before touching the database, so bad input never needs a connection.
    if (const QString problem = JobRules::validateName(job.name); !problem.isEmpty())
        return usageError(problem);
    if (const QString problem = JobRules::validateIntervalHours(job.intervalHours);
        !problem.isEmpty())
        return usageError(problem);
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const auto outcome = store.addJob(job);
    if (!outcome)
        return fail(outcome.error());
    m_out << Text::tr("added %1 (%2, %3)")
                 .arg(outcome->job.name,
                     job.runAt.isValid() ? Text::tr("once at %1").arg(localTime(job.runAt))
                                         : Schedule::of(outcome->job).describe(),
                     outcome->job.active ? Text::tr("active") : Text::tr("disabled"))
          << Qt::endl;
    return Success;
}

int Cli::simpleAction(const QStringList &args, const QString &name,
    const std::function<int(JobStore &, const QString &)> &action)
{
    QCommandLineParser parser;
    int exitCode = Success;
    if (!parseCommand(parser, name, args, 1, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    return action(store, parser.positionalArguments().constFirst());
}

int Cli::cmdRemove(const QStringList &args)
{
    return simpleAction(
        args, QStringLiteral("remove"), [this](JobStore &store, const QString &job) {
            const auto outcome = store.removeJob(job);
            if (!outcome)
                return fail(outcome.error());
            m_out << Text::tr("removed %1").arg(job) << Qt::endl;
            return int(Success);
        });
}

int Cli::cmdEnable(const QStringList &args)
{
    return simpleAction(
        args, QStringLiteral("enable"), [this](JobStore &store, const QString &job) {
            const auto outcome = store.setActive(job, true);
            if (!outcome)
                return fail(outcome.error());
            m_out << describeOutcome(
                *outcome, Text::tr("enabled %1"), Text::tr("%1 was already enabled"))
                  << Qt::endl;
            return int(Success);
        });
}

int Cli::cmdDisable(const QStringList &args)
{
    return simpleAction(
        args, QStringLiteral("disable"), [this](JobStore &store, const QString &job) {
            const auto outcome = store.setActive(job, false);
            if (!outcome)
                return fail(outcome.error());
            m_out << describeOutcome(
                *outcome, Text::tr("disabled %1"), Text::tr("%1 was already disabled"))
                  << Qt::endl;
            return int(Success);
        });
}

int Cli::cmdSetInterval(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("set-interval"), args, 2, &exitCode))
        return exitCode;
    const QString job = parser.positionalArguments().at(0);
    const QString hoursText = parser.positionalArguments().at(1);
    const auto hours = parseWholeNumber(hoursText);
    if (!hours)
        return usageError(
            Text::tr("the interval must be a whole number of hours from %1 to %2, not "
                     "\"%3\"")
                .arg(JobRules::minIntervalHours)
                .arg(JobRules::maxIntervalHours)
                .arg(hoursText));
    if (const QString problem = JobRules::validateIntervalHours(*hours); !problem.isEmpty())
        return usageError(problem);
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const auto outcome = store.updateInterval(job, *hours);
    if (!outcome)
        return fail(outcome.error());
    m_out << Text::tr("%1 now runs every %2 h; next run %3")
                 .arg(job, QString::number(outcome->job.intervalHours),
                     localTime(outcome->job.nextRun))
          << Qt::endl;
    return Success;
}

int Cli::cmdReset(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        Text::tr("why, recorded in the audit row"), QStringLiteral("TEXT"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
        Text::tr("reset even while a runner's lease is live: the runner is fenced off and nobody "
                 "starts the job before that lease expires"));
    parser.addOptions({reasonOption, forceOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("reset"), args, 1, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    ActionOptions options;
    options.reason = parser.value(reasonOption);
    options.force = parser.isSet(forceOption);
    const QString job = parser.positionalArguments().constFirst();
    const auto outcome = store.reset(job, options);
    if (!outcome) {
        // A live lease: the user decides (wait, or --force), as with any refused input.
        if (outcome.error().kind == Error::Kind::Conflict)
            return usageError(outcome.error().message);
        return fail(outcome.error());
    }
    const Job &after = outcome->job;
    if (JobRules::isHeldBack(after, after.readAt))
        m_out << Text::tr(
            "reset %1 to pending; its previous holder was fenced off and may still be "
            "stopping, so nobody starts it before %2")
                     .arg(job, localTime(after.claimableAfter))
              << Qt::endl;
    else
        m_out << Text::tr("reset %1 to pending").arg(job) << Qt::endl;
    return Success;
}

int Cli::cmdRunNow(const QStringList &args)
{
    return simpleAction(
        args, QStringLiteral("run-now"), [this](JobStore &store, const QString &job) {
            const auto outcome = store.runNow(job);
            if (!outcome)
                return fail(outcome.error());
            m_out << Text::tr("%1 is due now; a runner will start it").arg(job) << Qt::endl;
            return int(Success);
        });
}

int Cli::cmdHistory(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        Text::tr("how many rows (1-10000, default 20)"), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Text::tr("print JSON"));
    parser.addOptions({limitOption, jsonOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("history"), args, 1, &exitCode))
        return exitCode;
    const auto limit = parseWholeNumber(parser.value(limitOption));
    if (!limit || *limit < 1 || *limit > 10000)
        return usageError(Text::tr("--limit needs a whole number from 1 to 10000, not \"%1\"")
                              .arg(parser.value(limitOption)));
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const QString job = parser.positionalArguments().constFirst();
    // An unknown job is an error, not an empty history: it is almost always a typo.
    if (const auto found = store.job(job); !found)
        return fail(found.error());
    HistoryQuery query;
    query.job = job;
    query.limit = int(*limit);
    const auto entries = store.history(query);
    if (!entries)
        return fail(entries.error());
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const HistoryEntry &entry : *entries)
            array.append(StatusJson::historyEntry(entry));
        const QJsonObject root{{QStringLiteral("success"), true}, {QStringLiteral("job_name"), job},
            {QStringLiteral("historico"), array}};
        m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (entries->isEmpty())
        m_out << Text::tr("%1 has no history yet").arg(job) << '\n';
    for (const HistoryEntry &entry : *entries) {
        QStringList parts{localTime(entry.createdAt), entry.action};
        if (!entry.status.isEmpty())
            parts << entry.status;
        if (entry.durationSeconds)
            parts << QStringLiteral("%1 s").arg(*entry.durationSeconds);
        if (!entry.runner.isEmpty())
            parts << Text::tr("runner %1").arg(entry.runner);
        if (!entry.who.isEmpty())
            parts << Text::tr("by %1").arg(entry.who);
        m_out << parts.join(QStringLiteral("  ")) << '\n';
    }
    m_out.flush();
    return Success;
}
