#pragma once

#include "core/runner/boundedbuffer.h"
#include "core/runner/runneraction.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

// Sends the configured request; a 2xx answer is success. The body is kept up to a bound.
// timeout_seconds bounds the whole exchange (wall clock, redirects included). Redirects are
// followed within the request's origin only: the configured headers (tokens, cookies) never go
// to another origin, so a redirect elsewhere is refused with an error naming the target.
// URLs in errors and results are masked (SecretMask). The response body is the run's output
// (stdout lines, URLs masked, up to the job's cap), as it arrives.
class HttpAction final : public RunnerAction {
    Q_OBJECT
public:
    explicit HttpAction(const ActionSpec &spec, QObject *parent = nullptr);
    ~HttpAction() override;

    void start() override;
    void kill(const QString &reason) override;

    static constexpr int maxRedirects = 10;

private:
    void onRedirected(const QUrl &target);
    void onFinished();
    void received(const QByteArray &data);
    void emitLines(bool all);

    ActionSpec m_spec;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    BoundedBuffer m_body{outputLimit};
    QByteArray m_lines; // the body's last partial line, masked and emitted once whole
    QElapsedTimer m_clock;
    QTimer m_deadline;
    QUrl m_currentUrl;
    QString m_killReason;
    bool m_done = false;
};
