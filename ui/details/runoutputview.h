#pragma once

#include "core/domain/job.h"
#include "core/domain/run.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class RunClient;
class RunOutputFollower;

// The selected job's run output in the Details side: the running run's lines as they arrive
// (RunOutputFollower), else the latest run's; searchable, copyable, stderr marked in red.
class RunOutputView final : public QWidget {
    Q_OBJECT
public:
    explicit RunOutputView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunOutputView)

    // A new session's client (nullptr: none).
    void setClient(RunClient *client);
    // The selected job; a job that starts running again shows its new run.
    void setJob(const std::optional<Job> &job);

    // What is shown, for tests.
    QString outputText() const;
    QString headerText() const;
    RunOutputFollower *follower() const { return m_follower; }

private:
    void showRun(const RunRecord &run);
    void append(const QList<RunOutputChunk> &chunks);
    void findNext(bool backwards);

    RunOutputFollower *m_follower = nullptr;
    QLabel *m_header;
    QLineEdit *m_search;
    QPlainTextEdit *m_text;
    QString m_job;
    QString m_jobStatus;
    int m_totalRuns = 0;
};
