#pragma once

#include "core/runner/runnerconfig.h"

#include <QByteArray>
#include <QObject>

#include <functional>

// Delivers one alert with the runner's notify action (issue 17): an http action gets the event
// JSON as its body (POST unless configured otherwise, Content-Type application/json), a command
// gets it on standard input and in CRON_EVENT. Bounded by the action's timeout_seconds.
class Notifier final : public QObject {
    Q_OBJECT
public:
    Notifier(const ActionSpec &spec, QObject *parent = nullptr);

    bool isBusy() const { return m_busy; }
    // `done` gets an empty string on success, else why the delivery failed.
    void deliver(const QByteArray &eventJson, std::function<void(const QString &error)> done);

private:
    void deliverCommand(const QByteArray &eventJson);
    void deliverHttp(const QByteArray &eventJson);
    void finish(const QString &error);

    ActionSpec m_spec;
    std::function<void(const QString &)> m_done;
    bool m_busy = false;
};
