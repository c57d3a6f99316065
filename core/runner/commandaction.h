#pragma once

#include "core/runner/boundedbuffer.h"
#include "core/runner/outputpipe.h"
#include "core/runner/runneraction.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

// Runs a program under cron-console-guard, which keeps the whole process tree it starts within
// reach: a timeout, a stop, a lost lease or the runner's own death kills every descendant, and the
// guard enforces the lease deadline even while the runner cannot (paused, hung, cut off).
class CommandAction final : public RunnerAction {
    Q_OBJECT
public:
    explicit CommandAction(const ActionSpec &spec, QObject *parent = nullptr);
    ~CommandAction() override;

    void start() override;
    void kill(const QString &reason) override;
    void setHardDeadline(qint64 bootMs) override;

    // How long before the hard deadline the guard sends SIGTERM, so a program can clean up.
    static constexpr qint64 termBeforeMs = 1000;

private:
    struct GuardReport {
        bool valid = false;
        int code = -1;
        int signal = 0;
        double durationSeconds = 0;
        QString reason;
        int leftovers = 0;
    };

    void onStdout(const QByteArray &data);
    void onStderr(const QByteArray &data);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void send(const QByteArray &line);
    GuardReport readReport();
    void finish(ExecutionResult result);

    ActionSpec m_spec;
    QProcess m_process;
    OutputPipe m_stdoutPipe; // read in big blocks, not by QProcess (see OutputPipe)
    OutputPipe m_stderrPipe;
    QTimer m_timeout;
    QTimer m_killFallback; // the guard itself did not exit after "kill"
    QElapsedTimer m_clock;
    BoundedBuffer m_stdout{outputLimit};
    BoundedBuffer m_stderr{outputLimit};
    QString m_reportPath;
    qint64 m_deadline = -1;
    QString m_killReason;
    bool m_timedOut = false;
    bool m_done = false;
};
