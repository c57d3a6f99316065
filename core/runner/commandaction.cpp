#include "runner/commandaction.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.constLast()).trimmed().left(300);
}

} // namespace

CommandAction::CommandAction(const ActionSpec &spec, QObject *parent)
    : RunnerAction(parent)
    , m_spec(spec)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { kill(tr("timed out after %1 s").arg(m_spec.timeoutSeconds)); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
        [this] { m_stdout.append(m_process.readAllStandardOutput()); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
        [this] { m_stderr.append(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::finished, this, &CommandAction::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &CommandAction::onError);
}

CommandAction::~CommandAction()
{
    if (m_process.state() != QProcess::NotRunning) {
        killTree();
        m_process.waitForFinished(2000);
    }
}

void CommandAction::start()
{
    m_clock.start();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_spec.env.cbegin(); it != m_spec.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process.setProcessEnvironment(environment);
    if (!m_spec.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_spec.workingDirectory);
    // A new session makes the child a process-group leader: kill(-pid) reaches its children.
    // If the runner itself dies (kill -9), the kernel kills the child too, so a runner taking
    // the job over after the lease never runs beside a leftover.
    const pid_t runner = ::getpid();
    m_process.setChildProcessModifier([runner] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != runner)
            ::_exit(127); // the runner died between fork and prctl
    });
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_timeout.start(std::chrono::seconds(m_spec.timeoutSeconds));
    m_process.start(m_spec.program, m_spec.args);
}

void CommandAction::kill(const QString &reason)
{
    if (m_done)
        return;
    if (m_killReason.isEmpty())
        m_killReason = reason;
    if (m_process.state() == QProcess::NotRunning) {
        finish({false, {}, reason, m_clock.elapsed() / 1000.0});
        return;
    }
    killTree(); // onFinished reports it
}

void CommandAction::killTree()
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), SIGKILL);
    m_process.kill();
}

void CommandAction::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // the others arrive with finished()
    finish({false, {{QStringLiteral("exit_code"), QJsonValue::Null}},
        tr("cannot start %1: %2").arg(m_spec.program, m_process.errorString()),
        m_clock.elapsed() / 1000.0});
}

void CommandAction::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_stdout.append(m_process.readAllStandardOutput());
    m_stderr.append(m_process.readAllStandardError());
    // Whatever the program left behind in its group goes with it.
    if (const qint64 pid = m_process.processId(); pid > 0)
        ::kill(-pid_t(pid), SIGKILL);

    ExecutionResult result;
    result.durationSeconds = m_clock.elapsed() / 1000.0;
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
    result.result.insert(QStringLiteral("exit_code"),
        status == QProcess::NormalExit ? QJsonValue(exitCode) : QJsonValue(QJsonValue::Null));
    result.result.insert(QStringLiteral("stderr_tail"), QString::fromUtf8(m_stderr.tail()));
    if (m_stdout.truncated() || m_stderr.truncated())
        result.result.insert(QStringLiteral("output_truncated"), true);

    if (!m_killReason.isEmpty()) {
        result.error = m_killReason;
    } else if (status != QProcess::NormalExit) {
        result.error = tr("%1 crashed").arg(m_spec.program);
    } else if (exitCode != 0) {
        const QString detail = lastLine(m_stderr.tail());
        result.error = detail.isEmpty()
            ? tr("exit code %1").arg(exitCode)
            : tr("exit code %1: %2").arg(QString::number(exitCode), detail);
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
