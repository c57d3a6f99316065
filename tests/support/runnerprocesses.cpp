#include "support/runnerprocesses.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <csignal>

RunnerProcesses::RunnerProcesses()
{
    QDir().mkpath(home());
}

RunnerProcesses::~RunnerProcesses()
{
    killAll();
}

QJsonObject RunnerProcesses::shell(const QString &script, int timeoutSeconds)
{
    return {{QStringLiteral("type"), QStringLiteral("command")},
        {QStringLiteral("program"), QStringLiteral("/bin/sh")},
        {QStringLiteral("args"), QJsonArray{QStringLiteral("-c"), script}},
        {QStringLiteral("timeout_seconds"), timeoutSeconds}};
}

QString RunnerProcesses::writeConfig(const QJsonObject &jobs, int leaseSeconds, int graceSeconds,
    int maxPollSeconds, const QJsonObject &extra)
{
    const QString file = m_dir.filePath(QStringLiteral("runner%1.json").arg(++m_configs));
    QFile out(file);
    QJsonObject config{{QStringLiteral("lease_seconds"), leaseSeconds},
        {QStringLiteral("max_poll_seconds"), maxPollSeconds},
        {QStringLiteral("grace_seconds"), graceSeconds}, {QStringLiteral("max_concurrent_jobs"), 8},
        {QStringLiteral("jobs"), jobs}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        config.insert(it.key(), it.value());
    if (out.open(QIODevice::WriteOnly))
        out.write(QJsonDocument(config).toJson());
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file;
}

QProcess *RunnerProcesses::start(
    const QString &name, const QString &databaseUrl, const QString &configPath)
{
    auto *process = new QProcess;
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home());
    environment.remove(QStringLiteral("XDG_DATA_HOME"));
    environment.remove(QStringLiteral("XDG_CONFIG_HOME"));
    if (!environment.contains(QStringLiteral("QT_LOGGING_RULES")))
        environment.insert(
            QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cron.runner.info=false"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), databaseUrl, QStringLiteral("scheduler"),
            QStringLiteral("--config"), configPath, QStringLiteral("--name"), name});
    m_processes << process;
    return process;
}

void RunnerProcesses::killAll()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            ::kill(pid_t(process->processId()), SIGCONT); // a paused runner cannot die otherwise
            process->kill();
            process->waitForFinished(5000);
        }
        delete process;
    }
    m_processes.clear();
}
