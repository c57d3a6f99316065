#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// Real `cronctl scheduler` processes for one test, with their configs and a shared HOME (so a
// restarted runner finds the result journal of the one before). Everything is killed when the
// object goes.
class RunnerProcesses final {
public:
    RunnerProcesses();
    ~RunnerProcesses();
    Q_DISABLE_COPY_MOVE(RunnerProcesses)

    // A runner.json with these jobs (name -> action object) and settings, owner-writable only;
    // `extra` adds top-level keys (such as "notify").
    QString writeConfig(const QJsonObject &jobs, int leaseSeconds, int graceSeconds = 1,
        int maxPollSeconds = 2, const QJsonObject &extra = {});
    QProcess *start(const QString &name, const QString &databaseUrl, const QString &configPath);
    // The folder every runner of this object uses as HOME.
    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void killAll();

    // A command action: /bin/sh -c SCRIPT.
    static QJsonObject shell(const QString &script, int timeoutSeconds = 120);

private:
    QTemporaryDir m_dir;
    QList<QProcess *> m_processes;
    int m_configs = 0;
};
