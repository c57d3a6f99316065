#pragma once

#include "runner/boundedbuffer.h"
#include "runner/runneraction.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

// Runs a program in its own process group, so a timeout or a stop kills everything it started.
class CommandAction final : public RunnerAction {
    Q_OBJECT
public:
    explicit CommandAction(const ActionSpec &spec, QObject *parent = nullptr);
    ~CommandAction() override;

    void start() override;
    void kill(const QString &reason) override;

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void killTree();
    void finish(ExecutionResult result);

    ActionSpec m_spec;
    QProcess m_process;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    BoundedBuffer m_stdout{outputLimit};
    BoundedBuffer m_stderr{outputLimit};
    QString m_killReason;
    bool m_done = false;
};
