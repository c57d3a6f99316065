#include "core/runner/httpaction.h"

#include "core/util/secretmask.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

// Scheme, host and port, as browsers compare them.
bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort
        = [](const QUrl &url) { return url.scheme() == QLatin1String("https") ? 443 : 80; };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QJsonValue masked(const QJsonValue &value);

QJsonObject masked(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), masked(it.value()));
    return out;
}

// Strings in a server's answer may carry signed URLs; they go to tenant_logs masked.
QJsonValue masked(const QJsonValue &value)
{
    if (value.isString())
        return SecretMask::maskUrls(value.toString());
    if (value.isObject())
        return masked(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue item : value.toArray())
            out.append(masked(item));
        return out;
    }
    return value;
}

} // namespace

HttpAction::HttpAction(const ActionSpec &spec, QObject *parent)
    : RunnerAction(parent)
    , m_spec(spec)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this,
        [this] { kill(tr("timed out after %1 s").arg(m_spec.timeoutSeconds)); });
}

HttpAction::~HttpAction()
{
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void HttpAction::start()
{
    m_clock.start();
    // Wall clock for the whole exchange; setTransferTimeout() is only an idle timeout.
    m_deadline.start(std::chrono::seconds(m_spec.timeoutSeconds));
    m_currentUrl = QUrl(m_spec.url, QUrl::StrictMode);
    QNetworkRequest request(m_currentUrl);
    // We decide each redirect (onRedirected): Qt would resend every header to any origin.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(maxRedirects);
    for (auto it = m_spec.headers.cbegin(); it != m_spec.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    m_reply = m_network.sendCustomRequest(request, m_spec.method.toLatin1(), m_spec.body);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (m_reply->isOpen())
            received(m_reply->readAll());
    });
    connect(m_reply, &QNetworkReply::redirected, this, &HttpAction::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &HttpAction::onFinished);
}

void HttpAction::received(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    m_body.append(data);
    m_lines.append(data);
    emitLines(false);
}

void HttpAction::emitLines(bool all)
{
    // Whole lines only, so a URL is masked in one piece; a line with no end in sight (a
    // one-line JSON body) goes out in pieces of the output's longest line.
    constexpr qsizetype longest = 64 * 1024;
    qsizetype end = all ? m_lines.size() : m_lines.lastIndexOf('\n') + 1;
    if (end == 0 && m_lines.size() >= longest)
        end = m_lines.size();
    if (end <= 0)
        return;
    const QString text = SecretMask::maskUrls(QString::fromUtf8(m_lines.constData(), end));
    m_lines.remove(0, end);
    emit output(false, text.toUtf8());
}

void HttpAction::onRedirected(const QUrl &target)
{
    if (m_done || !m_reply)
        return;
    const QUrl next = m_currentUrl.resolved(target);
    if (sameOrigin(m_currentUrl, next)) {
        m_currentUrl = next;
        emit m_reply->redirectAllowed();
        return;
    }
    kill(tr("refused the redirect from %1 to %2: the configured headers must not go to another "
            "origin; set the job's url to the target if it is trusted")
             .arg(SecretMask::maskUrls(m_currentUrl.toString()),
                 SecretMask::maskUrls(next.toString())));
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
    m_deadline.stop();
    if (m_reply->isOpen()) // not after abort()
        received(m_reply->readAll());
    emitLines(true);
    ExecutionResult result;
    result.durationSeconds = m_clock.elapsed() / 1000.0;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QJsonDocument document
        = m_body.truncated() ? QJsonDocument() : QJsonDocument::fromJson(m_body.head());
    if (document.isObject())
        result.result = masked(document.object());
    else
        result.result.insert(
            QStringLiteral("body_tail"), SecretMask::maskUrls(QString::fromUtf8(m_body.tail())));
    result.result.insert(QStringLiteral("status_code"), status);
    result.result.insert(QStringLiteral("output_kept"), QStringLiteral("response body"));
    if (!m_killReason.isEmpty())
        result.error = m_killReason;
    else if (status >= 200 && status < 300)
        result.success = true;
    else if (status > 0)
        result.error
            = tr("HTTP %1 from %2").arg(QString::number(status), SecretMask::maskUrls(m_spec.url));
    else
        result.error = SecretMask::maskUrls(m_reply->errorString()); // Qt's text names the URL
    m_reply->deleteLater();
    emit finished(result);
}
