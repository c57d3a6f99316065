#include "core/runner/commandaction.h"

#include "core/runner/guardlocator.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.constLast()).trimmed().left(300);
}

QString uniqueReportPath()
{
    static QAtomicInteger<quint64> counter;
    return QDir::temp().filePath(QStringLiteral("cron-console-guard-%1-%2.report")
                                     .arg(QCoreApplication::applicationPid())
                                     .arg(++counter));
}

} // namespace

CommandAction::CommandAction(const ActionSpec &spec, QObject *parent)
    : RunnerAction(parent)
    , m_spec(spec)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        kill(tr("timed out after %1 s").arg(m_spec.timeoutSeconds));
    });
    m_killFallback.setSingleShot(true);
    connect(&m_killFallback, &QTimer::timeout, this, [this] { m_process.kill(); });
    connect(&m_stdoutPipe, &OutputPipe::data, this, &CommandAction::onStdout);
    connect(&m_stderrPipe, &OutputPipe::data, this, &CommandAction::onStderr);
    connect(&m_process, &QProcess::finished, this, &CommandAction::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &CommandAction::onError);
}

CommandAction::~CommandAction()
{
    if (m_process.state() != QProcess::NotRunning) {
        send("kill\n");
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
    if (!m_reportPath.isEmpty())
        QFile::remove(m_reportPath);
}

void CommandAction::start()
{
    m_clock.start();
    const auto guard = GuardLocator::find();
    if (!guard) {
        finish({false, ExecutionResult::Failure::Error,
            {{QStringLiteral("exit_code"), QJsonValue::Null}}, guard.error().message, 0});
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_spec.env.cbegin(); it != m_spec.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    // Who this execution is, so the program can fence its own writes with the token.
    const ActionContext &run = context();
    environment.insert(QStringLiteral("CRON_CONSOLE_JOB"), run.job);
    environment.insert(QStringLiteral("CRON_CONSOLE_TOKEN"), QString::number(run.token));
    environment.insert(QStringLiteral("CRON_CONSOLE_RUNNER"), run.runner);
    environment.insert(QStringLiteral("CRON_CONSOLE_SCHEDULED_AT"),
        run.scheduledAt.isValid() ? run.scheduledAt.toUTC().toString(Qt::ISODateWithMs)
                                  : QString());
    m_process.setProcessEnvironment(environment);
    if (!m_spec.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_spec.workingDirectory);
    // The guard gets its own session: a terminal's Ctrl-C reaches the runner (which stops
    // gracefully), not the actions. It needs no death signal: its standard input closing is the
    // runner's death, and it then kills the whole tree.
    if (!m_stdoutPipe.open() || !m_stderrPipe.open()) {
        finish({false, ExecutionResult::Failure::Error,
            {{QStringLiteral("exit_code"), QJsonValue::Null}},
            tr("cannot create the output pipes of %1: %2")
                .arg(m_spec.program, QString::fromLocal8Bit(std::strerror(errno))),
            0});
        return;
    }
    // The output goes to our own pipes (QProcess's are pointed at /dev/null, then replaced).
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardErrorFile(QProcess::nullDevice());
    const int out = m_stdoutPipe.writeEnd();
    const int err = m_stderrPipe.writeEnd();
    m_process.setChildProcessModifier([out, err] {
        ::setsid();
        ::dup2(out, STDOUT_FILENO); // dup2 clears close-on-exec on the copies only
        ::dup2(err, STDERR_FILENO);
    });
    m_reportPath = uniqueReportPath();
    QStringList arguments{QStringLiteral("--deadline"), QString::number(m_deadline),
        QStringLiteral("--term-before"), QString::number(termBeforeMs), QStringLiteral("--report"),
        m_reportPath, QStringLiteral("--")};
    arguments << m_spec.program << m_spec.args;
    m_timeout.start(std::chrono::seconds(m_spec.timeoutSeconds));
    m_process.start(*guard, arguments);
    m_stdoutPipe.startReading();
    m_stderrPipe.startReading();
}

void CommandAction::onStdout(const QByteArray &data)
{
    m_stdout.append(data);
    emit output(false, data);
}

void CommandAction::onStderr(const QByteArray &data)
{
    m_stderr.append(data);
    emit output(true, data);
}

void CommandAction::setHardDeadline(qint64 bootMs)
{
    m_deadline = bootMs;
    if (m_process.state() != QProcess::NotRunning)
        send(QByteArray("deadline ") + QByteArray::number(bootMs) + '\n');
}

void CommandAction::send(const QByteArray &line)
{
    if (m_process.state() == QProcess::Running)
        m_process.write(line);
}

void CommandAction::kill(const QString &reason)
{
    if (m_done)
        return;
    if (m_killReason.isEmpty())
        m_killReason = reason;
    if (m_process.state() == QProcess::NotRunning) {
        finish({false, ExecutionResult::Failure::Error, {}, reason, m_clock.elapsed() / 1000.0});
        return;
    }
    send("kill\n"); // onFinished reports it
    if (!m_killFallback.isActive())
        m_killFallback.start(5000);
}

CommandAction::GuardReport CommandAction::readReport()
{
    GuardReport report;
    QFile file(m_reportPath);
    if (!file.open(QIODevice::ReadOnly))
        return report;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = line.left(equals);
        const QByteArray value = line.mid(equals + 1);
        if (key == "code")
            report.code = value.toInt();
        else if (key == "signal")
            report.signal = value.toInt();
        else if (key == "duration_ms")
            report.durationSeconds = value.toLongLong() / 1000.0;
        else if (key == "reason")
            report.reason = QString::fromLatin1(value);
        else if (key == "leftovers")
            report.leftovers = value.toInt();
    }
    file.close();
    file.remove();
    report.valid = !report.reason.isEmpty();
    return report;
}

void CommandAction::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // the others arrive with finished()
    finish(
        {false, ExecutionResult::Failure::Error, {{QStringLiteral("exit_code"), QJsonValue::Null}},
            tr("cannot start %1: %2").arg(m_process.program(), m_process.errorString()),
            m_clock.elapsed() / 1000.0});
}

void CommandAction::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_killFallback.stop();
    m_stdoutPipe.drain();
    m_stderrPipe.drain();
    m_stdoutPipe.close();
    m_stderrPipe.close();
    const GuardReport report = readReport();

    ExecutionResult result;
    // The guard measured the program itself: right even if this runner was paused meanwhile.
    result.durationSeconds = report.valid ? report.durationSeconds : m_clock.elapsed() / 1000.0;
    QJsonParseError parseError{};
    const QJsonDocument document = m_stdout.truncated()
        ? QJsonDocument()
        : QJsonDocument::fromJson(m_stdout.head(), &parseError);
    const bool jsonObject = !m_stdout.truncated() && parseError.error == QJsonParseError::NoError
        && document.isObject();
    if (jsonObject) {
        result.result = document.object();
    } else {
        result.result.insert(QStringLiteral("stdout_tail"), QString::fromUtf8(m_stdout.tail()));
        result.result.insert(QStringLiteral("stdout_bytes"), double(m_stdout.totalBytes()));
    }
    const bool exited = report.valid ? report.signal == 0 : status == QProcess::NormalExit;
    const int code = report.valid ? report.code : exitCode;
    result.result.insert(
        QStringLiteral("exit_code"), exited ? QJsonValue(code) : QJsonValue(QJsonValue::Null));
    if (report.valid && report.signal != 0)
        result.result.insert(QStringLiteral("signal"), report.signal);
    if (report.leftovers > 0)
        result.result.insert(QStringLiteral("leftover_processes_killed"), report.leftovers);
    result.result.insert(QStringLiteral("stderr_tail"), QString::fromUtf8(m_stderr.tail()));
    result.result.insert(QStringLiteral("output_kept"), QStringLiteral("stdout and stderr"));
    if (m_stdout.truncated() || m_stderr.truncated())
        result.result.insert(QStringLiteral("output_truncated"), true);

    if (report.reason == QLatin1String("deadline")) {
        result.failure = ExecutionResult::Failure::LeaseLost;
        result.error = tr("stopped at the lease deadline: the lease could not be renewed in time");
    } else if (!m_killReason.isEmpty()) {
        result.failure
            = m_timedOut ? ExecutionResult::Failure::Timeout : ExecutionResult::Failure::Error;
        result.error = m_killReason;
    } else if (!report.valid) {
        result.error = status == QProcess::NormalExit && exitCode == 125
            ? tr("the action guard refused to start %1: %2")
                  .arg(m_spec.program, lastLine(m_stderr.tail()))
            : tr("the action guard of %1 ended unexpectedly").arg(m_spec.program);
    } else if (!exited) {
        result.error = tr("%1 was killed by signal %2").arg(m_spec.program).arg(report.signal);
    } else if (code != 0) {
        const QString detail = lastLine(m_stderr.tail());
        result.error = detail.isEmpty() ? tr("exit code %1").arg(code)
                                        : tr("exit code %1: %2").arg(QString::number(code), detail);
    } else {
        result.success = true;
    }
    finish(result);
}

void CommandAction::finish(ExecutionResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    emit finished(result);
}
