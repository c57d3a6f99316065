#include "core/util/secretmask.h"

#include <QRegularExpression>
#include <QUrl>

namespace {

// "k=v&k2=v2" with the values of sensitive keys masked; separators and order are kept.
QString maskParameters(const QString &parameters)
{
    static const QRegularExpression separator(QStringLiteral("([&;])"));
    QString out;
    qsizetype start = 0;
    while (start <= parameters.size()) {
        qsizetype end = parameters.indexOf(separator, start);
        if (end < 0)
            end = parameters.size();
        const QString item = parameters.mid(start, end - start);
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        const QString key = equals < 0 ? item : item.left(equals);
        if (equals >= 0 && SecretMask::isSensitiveKey(QUrl::fromPercentEncoding(key.toUtf8()))
            && equals + 1 < item.size())
            out += key + QLatin1Char('=') + SecretMask::mask;
        else
            out += item;
        if (end < parameters.size())
            out += parameters.at(end);
        start = end + 1;
    }
    return out;
}

QString maskOneUrl(const QString &url)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return url;
    const qsizetype authorityStart = schemeEnd + 3;
    qsizetype authorityEnd = authorityStart;
    while (authorityEnd < url.size() && !QStringLiteral("/?#").contains(url.at(authorityEnd)))
        ++authorityEnd;
    QString out = url.left(authorityStart);
    if (!url.mid(authorityStart, authorityEnd - authorityStart).contains(QLatin1Char('@'))) {
        // A password with an unencoded '/' ends the authority early ("u:pa/ss@h"): when an '@'
        // follows before the query, take what precedes it as the userinfo. A path with '@' and
        // a port before it is then masked too much, which is the side to err on.
        qsizetype queryStart = authorityEnd;
        while (queryStart < url.size() && url.at(queryStart) != QLatin1Char('?')
            && url.at(queryStart) != QLatin1Char('#'))
            ++queryStart;
        const qsizetype at = url.lastIndexOf(QLatin1Char('@'), queryStart - 1);
        if (at > authorityStart
            && url.mid(authorityStart, at - authorityStart).contains(QLatin1Char(':'))) {
            const qsizetype slash = url.indexOf(QLatin1Char('/'), at);
            authorityEnd = slash < 0 || slash > queryStart ? queryStart : slash;
        }
    }
    const QString authority = url.mid(authorityStart, authorityEnd - authorityStart);
    // The last '@': an unencoded '@' in a password must not leave the rest of it visible.
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        out += colon < 0 ? userInfo : userInfo.left(colon + 1) + SecretMask::mask;
        out += authority.mid(at);
    } else {
        out += authority;
    }
    QString rest = url.mid(authorityEnd);
    const qsizetype hash = rest.indexOf(QLatin1Char('#'));
    QString fragment;
    if (hash >= 0) {
        fragment = rest.mid(hash + 1);
        rest.truncate(hash);
    }
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    if (question >= 0)
        out += rest.left(question + 1) + maskParameters(rest.mid(question + 1));
    else
        out += rest;
    // OAuth's implicit flow puts access_token into the fragment.
    if (hash >= 0)
        out += QLatin1Char('#') + maskParameters(fragment);
    return out;
}

} // namespace

bool SecretMask::isSensitiveKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    static const QStringList exact{QStringLiteral("key"), QStringLiteral("sig"),
        QStringLiteral("pwd"), QStringLiteral("pass"), QStringLiteral("code"),
        QStringLiteral("auth"), QStringLiteral("jwt"), QStringLiteral("session"),
        QStringLiteral("sid")};
    if (exact.contains(k))
        return true;
    static const QStringList parts{QStringLiteral("token"), QStringLiteral("secret"),
        QStringLiteral("passw"), QStringLiteral("signature"), QStringLiteral("credential"),
        QStringLiteral("apikey"), QStringLiteral("api_key"), QStringLiteral("api-key"),
        QStringLiteral("access_key"), QStringLiteral("private"), QStringLiteral("authorization")};
    for (const QString &part : parts) {
        if (k.contains(part))
            return true;
    }
    // sslkey is a file name, not a secret; "…_key"/"…-key" names are usually keys.
    return k != QLatin1String("sslkey")
        && (k.endsWith(QLatin1String("_key")) || k.endsWith(QLatin1String("-key")));
}

QString SecretMask::maskUrls(const QString &text)
{
    // A scheme, "://", then anything up to white space or a quote or bracket that ends URLs
    // in prose and JSON.
    static const QRegularExpression url(
        QStringLiteral(R"([A-Za-z][A-Za-z0-9+.\-]*://[^\s"'<>`]*)"));
    QString out;
    qsizetype last = 0;
    for (auto it = url.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += maskOneUrl(match.captured());
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}
