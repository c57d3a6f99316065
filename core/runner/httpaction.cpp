#include "runner/httpaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace { } // namespace

HttpAction::HttpAction(const ActionSpec &spec, QObject *parent)
    : RunnerAction(parent)
    , m_spec(spec)
{ }

HttpAction::~HttpAction()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void HttpAction::start()
{
    m_clock.start();
    QNetworkRequest request(QUrl(m_spec.url, QUrl::StrictMode));
    request.setTransferTimeout(m_spec.timeoutSeconds * 1000);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    for (auto it = m_spec.headers.cbegin(); it != m_spec.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    m_reply = m_network.sendCustomRequest(request, m_spec.method.toLatin1(), m_spec.body);
    connect(
        m_reply, &QNetworkReply::readyRead, this, [this] { m_body.append(m_reply->readAll()); });
    connect(m_reply, &QNetworkReply::finished, this, &HttpAction::onFinished);
}

void HttpAction::kill(const QString &reason)
{
    if (m_done)
        return;
    if (m_killReason.isEmpty())
        m_killReason = reason;
    if (m_reply)
        m_reply->abort(); // finished() follows
}

void HttpAction::onFinished()
{
    if (m_done || !m_reply)
        return;
    m_done = true;
    m_body.append(m_reply->readAll());
    ExecutionResult result;
    result.durationSeconds = m_clock.elapsed() / 1000.0;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QJsonDocument document
        = m_body.truncated() ? QJsonDocument() : QJsonDocument::fromJson(m_body.head());
    if (document.isObject())
        result.result = document.object();
    else
        result.result.insert(QStringLiteral("body_tail"), QString::fromUtf8(m_body.tail()));
    result.result.insert(QStringLiteral("status_code"), status);
    if (!m_killReason.isEmpty())
        result.error = m_killReason;
    else if (m_reply->error() == QNetworkReply::OperationCanceledError)
        result.error = tr("timed out after %1 s").arg(m_spec.timeoutSeconds);
    else if (status >= 200 && status < 300)
        result.success = true;
    else if (status > 0)
        result.error = tr("HTTP %1 from %2").arg(QString::number(status), m_spec.url);
    else
        result.error = m_reply->errorString();
    m_reply->deleteLater();
    emit finished(result);
}
