#pragma once

#include "runner/boundedbuffer.h"
#include "runner/runneraction.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>

class QNetworkReply;

// Sends the configured request; a 2xx answer is success. The body is kept up to a bound.
class HttpAction final : public RunnerAction {
    Q_OBJECT
public:
    explicit HttpAction(const ActionSpec &spec, QObject *parent = nullptr);
    ~HttpAction() override;

    void start() override;
    void kill(const QString &reason) override;

private:
    void onFinished();

    ActionSpec m_spec;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    BoundedBuffer m_body{outputLimit};
    QElapsedTimer m_clock;
    QString m_killReason;
    bool m_done = false;
};
