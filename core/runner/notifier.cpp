#include "core/runner/notifier.h"

#include "core/runner/httpaction.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

Notifier::Notifier(const ActionSpec &spec, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
{ }

void Notifier::deliver(const QByteArray &eventJson, std::function<void(const QString &)> done)
{
    m_busy = true;
    m_done = std::move(done);
    if (m_spec.type == ActionSpec::Type::Http)
        deliverHttp(eventJson);
    else
        deliverCommand(eventJson);
}

void Notifier::finish(const QString &error)
{
    m_busy = false;
    if (auto done = std::exchange(m_done, {}))
        done(error);
}

void Notifier::deliverCommand(const QByteArray &eventJson)
{
    // Not through the guard: it owns the child's standard input, which carries the event here.
    // The notify command is short and runs outside any job's lease.
    auto *process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_spec.env.cbegin(); it != m_spec.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    environment.insert(QStringLiteral("CRON_EVENT"), QString::fromUtf8(eventJson));
    process->setProcessEnvironment(environment);
    if (!m_spec.workingDirectory.isEmpty())
        process->setWorkingDirectory(m_spec.workingDirectory);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const QString message
            = tr("the notify command could not start: %1").arg(process->errorString());
        process->deleteLater();
        finish(message);
    });
    connect(process, &QProcess::finished, this,
        [this, process, timeout](int code, QProcess::ExitStatus status) {
            const bool timedOut = !timeout->isActive();
            timeout->stop();
            process->deleteLater();
            if (status == QProcess::CrashExit)
                finish(timedOut
                        ? tr("the notify command timed out after %1 s").arg(m_spec.timeoutSeconds)
                        : tr("the notify command crashed"));
            else if (code != 0)
                finish(tr("the notify command exited with status %1").arg(code));
            else
                finish({});
        });
    process->start(m_spec.program, m_spec.args);
    process->write(eventJson);
    process->write("\n");
    process->closeWriteChannel();
    timeout->start(std::chrono::seconds(m_spec.timeoutSeconds));
}

void Notifier::deliverHttp(const QByteArray &eventJson)
{
    ActionSpec spec = m_spec;
    spec.body = eventJson;
    if (spec.method == QLatin1String("GET"))
        spec.method = QStringLiteral("POST");
    if (!spec.headers.contains(QStringLiteral("Content-Type")))
        spec.headers.insert(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
    auto *action = new HttpAction(spec, this);
    connect(action, &RunnerAction::finished, this, [this, action](const ExecutionResult &result) {
        action->deleteLater();
        finish(result.success ? QString() : result.error);
    });
    action->start();
}
