#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

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
    // Where alerts go (failure, stuck, overdue, recovered, runner_stale); none when unset.
    std::optional<ActionSpec> notify;
    int notifyRetrySeconds = 60; // a failed delivery's first retry; doubled after each

    // Errors name the file and the key: "runner.json: jobs.x.timeout_seconds: …". Refuses a file
    // that others than its owner or root may change (checkFilePermissions).
    static Result<RunnerConfig> load(const QString &filePath);
    // The file decides what runs as the runner's user, so, as sshd does for authorized_keys:
    // it and every folder above it (symbolic links resolved) must belong to root or to the
    // runner's user and be writable by nobody else (a sticky folder such as /tmp may be).
    static Status checkFilePermissions(const QString &filePath);
    // Writes the file atomically (a runner never reads half of it), writable by its owner only:
    // a new file gets 0644, an existing one keeps its mode less go-w.
    static Status save(const QString &filePath, const QByteArray &json);
    static Result<RunnerConfig> parse(const QByteArray &json, const QString &filePath);
    // $XDG_CONFIG_HOME/cron-console/runner.json
    static QString defaultUserPath();
    static QString defaultSystemPath() { return QStringLiteral("/etc/cron-console/runner.json"); }

    Q_DECLARE_TR_FUNCTIONS(RunnerConfig)
};
