#pragma once

#include "runner/executionresult.h"
#include "runner/runnerconfig.h"

#include <QObject>

#include <memory>

struct ConnectionSpec;

// One running execution of a job's configured action. Emits finished() exactly once, also
// after kill() (then with an error result).
class RunnerAction : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RunnerAction() override = default;

    virtual void start() = 0;
    // Stop now: the process tree is killed, the request aborted. `reason` ends up in the error.
    virtual void kill(const QString &reason) = 0;

    // The right action for the spec. `database` is where sql actions connect (their own
    // connection, in their own thread).
    static std::unique_ptr<RunnerAction> create(
        const ActionSpec &spec, const ConnectionSpec &database, QObject *parent = nullptr);

    // Bytes of output kept from each stream; more is counted and dropped, never held.
    static constexpr qsizetype outputLimit = 64 * 1024;

signals:
    void finished(const ExecutionResult &result);
};
