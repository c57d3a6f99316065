#pragma once

#include "core/domain/run.h"

#include <QList>
#include <QObject>
#include <QTimer>

class RunClient;

// The output of one job's current run as it arrives (the console's live output): finds the
// running run (else the latest), then reads its new chunks every half second while it runs and
// once more when it has ended. Widget-free; the Details pane's output view shows what it emits.
class RunOutputFollower final : public QObject {
    Q_OBJECT
public:
    explicit RunOutputFollower(RunClient *client, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunOutputFollower)

    static constexpr int pollIntervalMs = 500;

    // Follows `job` (empty: nothing). Starts over with the job's current run.
    void follow(const QString &job);
    // Looks again for the job's current run (a new run may have started).
    void refresh();

    QString job() const { return m_job; }
    const std::optional<RunRecord> &run() const { return m_run; }
    const QList<RunOutputChunk> &chunks() const { return m_chunks; }

signals:
    void cleared(); // a new run (or none): drop what was shown
    void runChanged(const RunRecord &run); // its status, figures
    void chunksAdded(const QList<RunOutputChunk> &chunks);
    void failed(const QString &message);

private:
    void poll();

    RunClient *m_client;
    QString m_job;
    std::optional<RunRecord> m_run;
    QList<RunOutputChunk> m_chunks;
    qint64 m_lastSeq = 0;
    quint64 m_generation = 0; // answers for an earlier follow() are dropped
    bool m_inFlight = false;
    QTimer m_timer;
};
