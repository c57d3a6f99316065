#pragma once

#include "core/util/result.h"

#include <QStringList>

#include <memory>

class QTextStream;
class Database;
class QCommandLineParser;

// The cronctl command line: parses arguments, runs one command, returns the exit status
// (0 success, 2 invalid input or usage, 1 any other failure) after writing one line to
// stderr that starts with "cronctl: " on failure.
class Cli final {
public:
    Cli(QTextStream &out, QTextStream &err);
    Q_DISABLE_COPY_MOVE(Cli)
    ~Cli();

    int run(const QStringList &arguments);

    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

private:
    struct Command;
    static const QList<Command> &commands();

    int fail(const Error &error);
    int usageError(const QString &message);
    int printUsage();
    Result<std::unique_ptr<Database>> connect(bool migrateIfNeeded);

    int cmdMigrate(const QStringList &args);
    int cmdStatus(const QStringList &args);
    int cmdAdd(const QStringList &args);
    int cmdRemove(const QStringList &args);
    int cmdEnable(const QStringList &args);
    int cmdDisable(const QStringList &args);
    int cmdSetInterval(const QStringList &args);
    int cmdReset(const QStringList &args);
    int cmdRunNow(const QStringList &args);
    int cmdHistory(const QStringList &args);
    int cmdExportHistory(const QStringList &args);
    int cmdPruneHistory(const QStringList &args);
    int cmdScheduler(const QStringList &args);
    int cmdSetSchedule(const QStringList &args);
    int cmdNextRuns(const QStringList &args);
    int cmdRunners(const QStringList &args);
    int cmdSetDescription(const QStringList &args); // editcommands.cpp
    int cmdRename(const QStringList &args); // editcommands.cpp
    int cmdSetPolicy(const QStringList &args);
    int cmdPauseAll(const QStringList &args);
    int cmdResumeAll(const QStringList &args);
    int pauseOrResume(const QStringList &args, bool pause);
    int cmdRuns(const QStringList &args);
    int cmdLogs(const QStringList &args);
    int cmdAbort(const QStringList &args);

    // Parses a subcommand's own options; returns false (and has reported) on a usage error or
    // after printing --help, with the exit status in *exitCode.
    bool parseCommand(QCommandLineParser &parser, const QString &name, const QStringList &args,
        int expectedPositionals, int *exitCode);
    int simpleAction(const QStringList &args, const QString &name,
        const std::function<int(class JobStore &, const QString &job)> &action);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dbUrl;
};
