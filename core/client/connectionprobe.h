#pragma once

#include "core/db/connectionspec.h"

#include <QObject>
#include <QTimer>

#include <chrono>

// "Test connection" and the check before Connect replaces a working connection: opens the
// target once on a thread of its own (never the GUI thread, never the global pool), reads who
// it is and whether the schema fits, and closes it again. Nothing is created or changed: a
// SQLite file that does not exist yet is only reported.
class ConnectionProbe final : public QObject {
    Q_OBJECT
public:
    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;
    Q_DISABLE_COPY_MOVE(ConnectionProbe)

    // Past this, finished(false, …) says the target did not answer; libpq's connect_timeout
    // is set to it too, so the thread ends on its own soon after.
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }
    // Starts a test; a test still under way is forgotten (its answer is dropped).
    void start(const ConnectionSpec &spec);
    bool isRunning() const { return m_running; }

signals:
    // `message` is for the user: who is connected and what was found, or why not. `reached`:
    // the server answered (a failure is its schema or the role's privileges, not the address).
    void finished(bool ok, const QString &message, bool reached);

private:
    void deliver(int attempt, bool ok, const QString &message, bool reached = false);

    std::chrono::milliseconds m_deadline{std::chrono::seconds(15)};
    QTimer m_timer;
    int m_attempt = 0;
    bool m_running = false;
};
