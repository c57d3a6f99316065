// cronctl runs, logs and abort (issue 14): the run records, their output, stopping a run.
#include "cli.h"

#include "core/db/database.h"
#include "core/store/jobstore.h"
#include "core/store/runstore.h"
#include "core/util/bootclock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

constexpr int followPollMs = 500;
// A finished run whose last output chunks never come (its writer lost the database).
constexpr qint64 outputGraceMs = 5000;

QString localTime(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QJsonValue isoOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString duration(double seconds)
{
    const qint64 whole = qint64(seconds);
    if (whole < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    if (whole < 3600)
        return QStringLiteral("%1 min %2 s").arg(whole / 60).arg(whole % 60);
    return QStringLiteral("%1 h %2 min").arg(whole / 3600).arg(whole % 3600 / 60);
}

QString bytes(qint64 count)
{
    if (count < 1024)
        return QStringLiteral("%1 B").arg(count);
    if (count < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(count / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(count / (1024.0 * 1024.0), 0, 'f', 1);
}

double elapsed(const RunRecord &run)
{
    if (run.durationSeconds)
        return *run.durationSeconds;
    const QDateTime end = run.finishedAt.isValid() ? run.finishedAt : run.readAt;
    return std::max<qint64>(0, run.startedAt.msecsTo(end)) / 1000.0;
}

QJsonObject runJson(const RunRecord &run)
{
    return {{QStringLiteral("id"), double(run.id)}, {QStringLiteral("job"), run.jobName},
        {QStringLiteral("trigger"), run.trigger}, {QStringLiteral("attempt"), run.attempt},
        {QStringLiteral("runner"), run.runner.isEmpty() ? QJsonValue() : QJsonValue(run.runner)},
        {QStringLiteral("host"), run.host}, {QStringLiteral("lease_token"), double(run.leaseToken)},
        {QStringLiteral("scheduled_for"), isoOrNull(run.scheduledFor)},
        {QStringLiteral("started_at"), isoOrNull(run.startedAt)},
        {QStringLiteral("finished_at"), isoOrNull(run.finishedAt)},
        {QStringLiteral("status"), run.status},
        {QStringLiteral("exit_code"), run.exitCode ? QJsonValue(*run.exitCode) : QJsonValue()},
        {QStringLiteral("http_status"),
            run.httpStatus ? QJsonValue(*run.httpStatus) : QJsonValue()},
        {QStringLiteral("duration_seconds"), elapsed(run)},
        {QStringLiteral("error"), run.error.isEmpty() ? QJsonValue() : QJsonValue(run.error)},
        {QStringLiteral("output_bytes"), double(run.outputBytes)},
        {QStringLiteral("output_dropped_bytes"), double(run.droppedBytes)},
        {QStringLiteral("abort_requested_at"), isoOrNull(run.abortRequestedAt)},
        {QStringLiteral("abort_requested_by"),
            run.abortRequestedBy.isEmpty() ? QJsonValue() : QJsonValue(run.abortRequestedBy)},
        {QStringLiteral("abort_reason"),
            run.abortReason.isEmpty() ? QJsonValue() : QJsonValue(run.abortReason)}};
}

} // namespace

int Cli::cmdRuns(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        Text::tr("how many runs (1-10000, default 20)"), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Text::tr("print JSON"));
    parser.addOptions({limitOption, jsonOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("runs"), args, 1, &exitCode))
        return exitCode;
    bool ok = false;
    const int limit = parser.value(limitOption).trimmed().toInt(&ok);
    if (!ok || limit < 1 || limit > 10000)
        return usageError(Text::tr("--limit needs a whole number from 1 to 10000, not \"%1\"")
                              .arg(parser.value(limitOption)));
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    const QString job = parser.positionalArguments().constFirst();
    if (const auto found = JobStore(*database.value()).job(job); !found)
        return fail(found.error());
    const auto runs = RunStore(*database.value()).runs(job, limit);
    if (!runs)
        return fail(runs.error());
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const RunRecord &run : *runs)
            array.append(runJson(run));
        const QJsonObject root{{QStringLiteral("success"), true}, {QStringLiteral("job_name"), job},
            {QStringLiteral("runs"), array}};
        m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (runs->isEmpty())
        m_out << Text::tr("%1 has no runs yet").arg(job) << '\n';
    for (const RunRecord &run : *runs) {
        QStringList parts{QString::number(run.id), localTime(run.startedAt),
            localTime(run.finishedAt), duration(elapsed(run)), run.status, run.trigger,
            run.runner.isEmpty() ? Text::tr("platform") : run.runner, bytes(run.outputBytes)};
        if (run.droppedBytes > 0)
            parts << Text::tr("(%1 dropped)").arg(bytes(run.droppedBytes));
        m_out << parts.join(QStringLiteral("  ")) << '\n';
    }
    m_out.flush();
    return Success;
}

int Cli::cmdLogs(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption runOption(QStringLiteral("run"),
        Text::tr("this run (default: the running one, else the latest)"), QStringLiteral("ID"));
    const QCommandLineOption followOption(
        QStringLiteral("follow"), Text::tr("keep printing new output until the run ends"));
    parser.addOptions({runOption, followOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("logs"), args, 1, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    const QString job = parser.positionalArguments().constFirst();
    if (const auto found = JobStore(*database.value()).job(job); !found)
        return fail(found.error());
    RunStore store(*database.value());
    std::optional<RunRecord> run;
    if (parser.isSet(runOption)) {
        bool ok = false;
        const qint64 id = parser.value(runOption).toLongLong(&ok);
        if (!ok || id < 1)
            return usageError(Text::tr("--run needs a run id (see cronctl runs %1), not \"%2\"")
                                  .arg(job, parser.value(runOption)));
        auto found = store.run(id);
        if (!found)
            return fail(found.error());
        if (!*found || (*found)->jobName != job)
            return fail(Error::notFound(Text::tr("%1 has no run %2").arg(job).arg(id)));
        run = *found;
    } else {
        auto found = store.current(job);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(Error::notFound(Text::tr("%1 has no runs yet").arg(job)));
        run = *found;
    }
    m_err << Text::tr("run %1 of %2 on %3, started %4, %5")
                 .arg(QString::number(run->id), job,
                     run->runner.isEmpty() ? Text::tr("the platform") : run->runner,
                     localTime(run->startedAt), run->status)
          << Qt::endl;
    const bool follow = parser.isSet(followOption);
    qint64 after = 0;
    bool droppedSaid = false;
    qint64 finishedSeenMs = 0;
    while (true) {
        const auto chunks = store.output(run->id, after);
        if (!chunks)
            return fail(chunks.error());
        for (const RunOutputChunk &chunk : *chunks) {
            // stderr to stderr, so a pipe or 2>/dev/null tells them apart.
            QTextStream &to = chunk.stderrStream ? m_err : m_out;
            to << chunk.text;
            to.flush();
            after = chunk.seq;
        }
        if (chunks->size() >= 1000)
            continue; // more is waiting
        const auto now = store.run(run->id);
        if (!now)
            return fail(now.error());
        if (!*now)
            return fail(Error::notFound(Text::tr("run %1 was deleted").arg(run->id)));
        run = *now;
        if (run->droppedBytes > 0 && !droppedSaid && (!run->isRunning() || !follow)) {
            m_err << Text::tr("[%1 of older output not kept: over the job's output cap, or not "
                              "written in time]")
                         .arg(bytes(run->droppedBytes))
                  << Qt::endl;
            droppedSaid = true;
        }
        if (!follow)
            break;
        if (!run->isRunning()) {
            if (run->outputComplete)
                break;
            if (finishedSeenMs == 0)
                finishedSeenMs = BootClock::nowMs();
            else if (BootClock::nowMs() - finishedSeenMs > outputGraceMs)
                break;
        }
        QThread::msleep(followPollMs); // the poll interval of --follow
    }
    if (follow && !run->isRunning())
        m_err << Text::tr("run %1 ended: %2").arg(run->id).arg(run->status) << Qt::endl;
    return Success;
}

int Cli::cmdAbort(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        Text::tr("why, recorded with the run and in the audit row"), QStringLiteral("TEXT"));
    parser.addOptions({reasonOption});
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("abort"), args, 1, &exitCode))
        return exitCode;
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    const QString job = parser.positionalArguments().constFirst();
    if (const auto found = JobStore(*database.value()).job(job); !found)
        return fail(found.error());
    RunStore store(*database.value());
    const auto asked = store.requestAbort(job, parser.value(reasonOption));
    if (!asked) {
        if (asked.error().kind == Error::Kind::Conflict)
            return usageError(asked.error().message);
        return fail(asked.error());
    }
    m_out << Text::tr("asked %1 to abort run %2 of %3 (running for %4)")
                 .arg(asked->runner, QString::number(asked->id), job, duration(elapsed(*asked)))
          << Qt::endl;
    // Wait a little for the runner to say it stopped, so the answer is the outcome.
    const qint64 until = BootClock::nowMs() + 10'000;
    while (BootClock::nowMs() < until) {
        const auto now = store.run(asked->id);
        if (!now)
            return fail(now.error());
        if (*now && !(*now)->isRunning()) {
            m_out << Text::tr("run %1 ended: %2").arg(asked->id).arg((*now)->status) << Qt::endl;
            return Success;
        }
        QThread::msleep(100);
    }
    m_out << Text::tr("run %1 is still running; %2 will stop it when it sees the request (is it "
                      "connected? see cronctl runners)")
                 .arg(QString::number(asked->id), asked->runner)
          << Qt::endl;
    return Success;
}
