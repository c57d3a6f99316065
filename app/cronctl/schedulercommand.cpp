// cronctl scheduler (the headless runner) and cronctl runners.
#include "cli.h"
#include "signalwatcher.h"

#include "core/db/connectionspec.h"
#include "core/db/database.h"
#include "core/runner/leasestore.h"
#include "core/runner/runnerconfig.h"
#include "core/runner/scheduler.h"
#include "core/store/statusjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <csignal>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

// Local time with its offset ("2026-12-02T05:50:13-03:00"): a bare local time is read as
// anybody's zone.
QString withOffset(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    const QDateTime local = time.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

int Cli::cmdScheduler(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption configOption(QStringLiteral("config"),
        Text::tr("the runner configuration (default: %1, else %2)")
            .arg(RunnerConfig::defaultUserPath(), RunnerConfig::defaultSystemPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
        Text::tr("the runner's name (default: runner_name, else host:pid)"),
        QStringLiteral("NAME"));
    parser.addOptions({configOption, nameOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("scheduler"), args, 0, &exitCode))
        return exitCode;
    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = QFileInfo::exists(RunnerConfig::defaultUserPath())
            ? RunnerConfig::defaultUserPath()
            : RunnerConfig::defaultSystemPath();
    auto config = RunnerConfig::load(configPath);
    if (!config)
        return usageError(config.error().message);
    if (parser.isSet(nameOption))
        config.value().runnerName = parser.value(nameOption);
    const Result<ConnectionSpec> spec = ConnectionSpec::resolve(m_dbUrl);
    if (!spec)
        return fail(spec.error());

    // The journal adds its own timestamps; a terminal gets them from us.
    qSetMessagePattern(qEnvironmentVariableIsSet("JOURNAL_STREAM")
            ? QStringLiteral("%{if-warning}<4>%{endif}%{if-critical}<3>%{endif}%{message}")
            : QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{type}: %{message}"));
    Scheduler scheduler(*spec, *config);
    SignalWatcher watcher;
    int signalCount = 0;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &scheduler, [&](int number) {
        if (++signalCount > 1) {
            qWarning("second signal %d: exiting without waiting", number);
            ::_exit(1);
        }
        qInfo("signal %d: stopping", number);
        scheduler.stop();
    });
    QObject::connect(&scheduler, &Scheduler::stopped, qApp, [] { QCoreApplication::exit(0); });
    scheduler.start();
    return QCoreApplication::exec();
}

int Cli::cmdRunners(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"), Text::tr("print JSON"));
    parser.addOption(jsonOption);
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("runners"), args, 0, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    LeaseStore leases(*database.value(), QString(), 0);
    const auto runners = leases.runners();
    if (!runners)
        return fail(runners.error());
    // "degraded": alive (it heartbeats) but it cannot schedule; its last error says why.
    auto state = [](const RunnerInfo &runner) {
        return runner.stoppedAt.isValid()               ? QStringLiteral("stopped")
            : runner.stale                              ? QStringLiteral("stale")
            : runner.state == QLatin1String("degraded") ? QStringLiteral("degraded")
                                                        : QStringLiteral("live");
    };
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const RunnerInfo &runner : *runners) {
            array.append(QJsonObject{{QStringLiteral("runner_name"), runner.name},
                {QStringLiteral("host"), runner.host}, {QStringLiteral("pid"), runner.pid},
                {QStringLiteral("version"), runner.version},
                {QStringLiteral("state"), state(runner)},
                {QStringLiteral("started_at"), StatusJson::isoTime(runner.startedAt)},
                {QStringLiteral("heartbeat_at"), StatusJson::isoTime(runner.heartbeatAt)},
                {QStringLiteral("stopped_at"), StatusJson::isoTime(runner.stoppedAt)},
                {QStringLiteral("jobs"), QJsonArray::fromStringList(runner.jobs)},
                {QStringLiteral("running_jobs"), QJsonArray::fromStringList(runner.runningJobs)},
                {QStringLiteral("last_error"),
                    runner.lastError.isEmpty() ? QJsonValue() : QJsonValue(runner.lastError)},
                {QStringLiteral("last_error_at"), StatusJson::isoTime(runner.lastErrorAt)}});
        }
        m_out << QString::fromUtf8(QJsonDocument(
            QJsonObject{{QStringLiteral("runners"),
                array}}).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (runners->isEmpty())
        m_out << Text::tr("no runner has registered yet") << '\n';
    for (const RunnerInfo &runner : *runners) {
        m_out << QStringLiteral("%1  %2  pid %3  %4  heartbeat %5  running: %6\n")
                     .arg(runner.name, state(runner), QString::number(runner.pid), runner.version,
                         withOffset(runner.heartbeatAt),
                         runner.runningJobs.isEmpty() ? QStringLiteral("-")
                                                      : runner.runningJobs.join(QLatin1Char(',')));
        if (state(runner) == QLatin1String("degraded"))
            m_out << QStringLiteral("    last error (%1): %2\n")
                         .arg(withOffset(runner.lastErrorAt), runner.lastError);
    }
    m_out.flush();
    return Success;
}
