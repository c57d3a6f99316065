#pragma once

#include "core/domain/job.h"

#include <QObject>

#include <optional>

class QAction;
class QWidget;
class RunClient;

// Job ▸ Abort run: stops the selected job's running run on whichever runner holds it, after a
// confirmation that names the runner and how long the run has gone on (with an optional reason).
// A run the platform started without a lease cannot be stopped from here: it says so.
class AbortRunAction final : public QObject {
    Q_OBJECT
public:
    explicit AbortRunAction(QWidget *window);
    Q_DISABLE_COPY_MOVE(AbortRunAction)

    QAction *action() const { return m_action; }
    void setClient(RunClient *client) { m_client = client; }
    // The selection: enabled for one running job while the database takes writes.
    void update(const QList<Job> &selected, bool writable);

signals:
    void statusMessage(const QString &message);

private:
    void trigger();

    QWidget *m_window;
    QAction *m_action;
    RunClient *m_client = nullptr;
    std::optional<Job> m_job;
};
