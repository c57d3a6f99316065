#pragma once

#include "util/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

// What this machine's runner may execute. Only this file says what a job runs; the database
// only says when, so nobody who can write cron_jobs can make a runner run a program.
struct ActionSpec {
    enum class Type { Command, Sql, Http };
    Type type = Type::Command;
    int timeoutSeconds = 3600;
    // command
    QString program;
    QStringList args;
    QMap<QString, QString> env;
    QString workingDirectory;
    // sql
    QString sql;
    // http
    QString method = QStringLiteral("GET");
    QString url;
    QMap<QString, QString> headers;
    QByteArray body;
};

struct RunnerConfig {
    QString filePath;
    QString runnerName; // empty: host:pid
    int maxPollSeconds = 60;
    int leaseSeconds = 60;
    int graceSeconds = 30; // on stop, running actions get this long before they are killed
    int maxConcurrentJobs = 4;
    QMap<QString, ActionSpec> jobs;

    // Errors name the file and the key: "runner.json: jobs.x.timeout_seconds: …".
    static Result<RunnerConfig> load(const QString &filePath);
    static Result<RunnerConfig> parse(const QByteArray &json, const QString &filePath);
    // $XDG_CONFIG_HOME/cron-console/runner.json
    static QString defaultUserPath();
    static QString defaultSystemPath() { return QStringLiteral("/etc/cron-console/runner.json"); }
};
