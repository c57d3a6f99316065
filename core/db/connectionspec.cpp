#include "core/db/connectionspec.h"

#include "core/util/secretmask.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cctype>

namespace {

// libpq's conninfo quoting: single quotes around values, backslash escapes.
QString quoteConninfo(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// libpq's percent-decoding: %XX escapes only ('+' stays '+'); a bad escape or %00 is an error.
Result<QString> percentDecoded(QStringView part, const QString &url)
{
    for (qsizetype i = 0; i < part.size(); ++i) {
        if (part.at(i) != QLatin1Char('%'))
            continue;
        const auto hex = [&part](qsizetype at) {
            return at < part.size()
                && std::isxdigit(static_cast<unsigned char>(part.at(at).toLatin1()));
        };
        if (!hex(i + 1) || !hex(i + 2) || part.mid(i + 1, 2) == QLatin1String("00"))
            return Error::invalidInput(
                // Not the text itself: it may be part of a password.
                ConnectionSpec::tr("invalid percent-encoding (%XX) in the database URL \"%1\"")
                    .arg(SecretMask::maskUrls(url).left(200)));
        i += 2;
    }
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part.toUtf8()));
}

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return Error::invalidInput(
            ConnectionSpec::tr("invalid port \"%1\" in the database URL").arg(text));
    return port;
}

// libpq's port value: one port, or a list with one entry per host (an empty entry: default).
Status setPorts(ConnectionSpec &spec, const QString &value)
{
    const QStringList ports = value.split(QLatin1Char(','));
    for (const QString &port : ports) {
        if (ports.size() > 1 && port.isEmpty())
            continue;
        if (const auto parsed = parsePort(port); !parsed)
            return parsed.error();
    }
    if (ports.size() == 1) {
        spec.port = value.toInt();
        spec.portList.clear();
    } else {
        spec.port = -1;
        spec.portList = value;
    }
    return {};
}

// postgresql://[user[:password]@][host[:port][,host[:port]…]][/dbname][?key=value&…], parsed the
// way libpq's conninfo_uri_parse_options() does (QUrl takes one host only).
Result<ConnectionSpec> parsePostgres(const QString &text)
{
    ConnectionSpec spec;
    spec.backend = Backend::PostgreSQL;
    const QStringView uri(text);
    const qsizetype authorityStart = text.indexOf(QLatin1String("://")) + 3;
    qsizetype authorityEnd = authorityStart;
    while (authorityEnd < uri.size() && uri.at(authorityEnd) != QLatin1Char('/')
        && uri.at(authorityEnd) != QLatin1Char('?'))
        ++authorityEnd;
    QStringView authority = uri.mid(authorityStart, authorityEnd - authorityStart);
    const auto invalid = [&text](const QString &problem) {
        return Error::invalidInput(ConnectionSpec::tr("invalid PostgreSQL URL \"%1\": %2")
                                       .arg(SecretMask::maskUrls(text).left(200), problem));
    };

    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QStringView userInfo = authority.left(at);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        const auto user = percentDecoded(colon < 0 ? userInfo : userInfo.left(colon), text);
        if (!user)
            return user.error();
        spec.user = *user;
        if (colon >= 0) {
            const auto password = percentDecoded(userInfo.mid(colon + 1), text);
            if (!password)
                return password.error();
            spec.password = *password;
        }
        authority = authority.mid(at + 1);
    }

    QStringList hosts;
    QStringList ports;
    bool anyPort = false;
    qsizetype i = 0;
    do {
        QString host;
        if (i < authority.size() && authority.at(i) == QLatin1Char('[')) {
            const qsizetype close = authority.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return invalid(ConnectionSpec::tr("a \"[\" of an IPv6 address has no \"]\""));
            host = authority.mid(i + 1, close - i - 1).toString();
            if (host.isEmpty())
                return invalid(ConnectionSpec::tr("an IPv6 host address in \"[]\" is empty"));
            i = close + 1;
            if (i < authority.size() && authority.at(i) != QLatin1Char(':')
                && authority.at(i) != QLatin1Char(','))
                return invalid(ConnectionSpec::tr("unexpected \"%1\" after an IPv6 address")
                                   .arg(authority.at(i)));
        } else {
            const qsizetype start = i;
            while (i < authority.size() && authority.at(i) != QLatin1Char(':')
                && authority.at(i) != QLatin1Char(','))
                ++i;
            const auto decoded = percentDecoded(authority.mid(start, i - start), text);
            if (!decoded)
                return decoded.error();
            host = *decoded;
        }
        QString port;
        if (i < authority.size() && authority.at(i) == QLatin1Char(':')) {
            const qsizetype start = ++i;
            while (i < authority.size() && authority.at(i) != QLatin1Char(','))
                ++i;
            port = authority.mid(start, i - start).toString();
            if (!port.isEmpty()) {
                if (const auto parsed = parsePort(port); !parsed)
                    return parsed.error();
                anyPort = true;
            }
        }
        hosts << host;
        ports << port;
    } while (i < authority.size() && authority.at(i++) == QLatin1Char(','));
    spec.host = hosts.join(QLatin1Char(','));
    if (anyPort) {
        if (const Status set = setPorts(spec, ports.join(QLatin1Char(','))); !set)
            return set.error();
    }

    QStringView rest = uri.mid(authorityEnd);
    QStringView query;
    if (const qsizetype question = rest.indexOf(QLatin1Char('?')); question >= 0) {
        query = rest.mid(question + 1);
        rest = rest.left(question);
    }
    if (rest.startsWith(QLatin1Char('/'))) {
        const auto database = percentDecoded(rest.mid(1), text);
        if (!database)
            return database.error();
        spec.database = *database;
    }
    for (const QStringView item : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return invalid(
                ConnectionSpec::tr("the parameter \"%1\" has no value").arg(item.toString()));
        const auto key = percentDecoded(item.left(equals), text);
        const auto value = percentDecoded(item.mid(equals + 1), text);
        if (!key)
            return key.error();
        if (!value)
            return value.error();
        // libpq lets the query string carry the same keys as the authority part.
        if (*key == QLatin1String("host")) {
            spec.host = *value;
        } else if (*key == QLatin1String("port")) {
            if (const Status set = setPorts(spec, *value); !set)
                return set.error();
        } else if (*key == QLatin1String("dbname")) {
            spec.database = *value;
        } else if (*key == QLatin1String("user")) {
            spec.user = *value;
        } else if (*key == QLatin1String("password")) {
            spec.password = *value;
        } else {
            spec.options.insert(*key, *value);
        }
    }
    return spec;
}

Result<ConnectionSpec> parseSqlite(const QString &text)
{
    QString path = text.mid(int(qstrlen("sqlite:")));
    // sqlite:///abs/path and sqlite:/abs/path both mean /abs/path.
    if (path.startsWith(QLatin1String("//")))
        path.remove(0, 2);
    if (path.isEmpty())
        return Error::invalidInput(
            ConnectionSpec::tr("the SQLite URL \"%1\" names no file").arg(text));
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return ConnectionSpec::sqlite(QDir::cleanPath(QDir::current().absoluteFilePath(path)));
}

} // namespace

ConnectionSpec ConnectionSpec::sqlite(const QString &filePath)
{
    ConnectionSpec spec;
    spec.backend = Backend::SQLite;
    spec.filePath = filePath;
    return spec;
}

Result<ConnectionSpec> ConnectionSpec::fromUrl(const QString &url)
{
    const QString text = url.trimmed();
    if (text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive))
        return parsePostgres(text);
    if (text.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive))
        return parseSqlite(text);
    return Error::invalidInput(tr("unsupported database URL \"%1\": use postgresql://… or "
                                  "sqlite:/path/to/file.db")
                                   .arg(SecretMask::maskUrls(text).left(200)));
}

Result<ConnectionSpec> ConnectionSpec::resolve(const QString &dbOption)
{
    if (!dbOption.isEmpty())
        return fromUrl(dbOption);
    const QString fromEnv = qEnvironmentVariable("CRON_CONSOLE_DB");
    if (!fromEnv.isEmpty())
        return fromUrl(fromEnv);
    return sqlite(defaultSqlitePath());
}

QString ConnectionSpec::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QLatin1String("/cron-console/cron-console.db");
}

QString ConnectionSpec::displayUrl() const
{
    if (backend == Backend::SQLite)
        return QLatin1String("sqlite:") + filePath;
    const QStringList hosts = host.split(QLatin1Char(','));
    const QStringList ports = !portList.isEmpty()
        ? portList.split(QLatin1Char(','))
        : (port > 0 ? QStringList{QString::number(port)} : QStringList());
    const bool socketHost = std::any_of(hosts.cbegin(), hosts.cend(),
        [](const QString &name) { return name.startsWith(QLatin1Char('/')); });
    // Ports go next to their hosts when there is one for each; else (sockets, one port for
    // several hosts) hosts and ports go into the query, which libpq reads the same way.
    const bool portsInAuthority = !socketHost && (ports.isEmpty() || ports.size() == hosts.size());
    // Built by hand: QUrl drops the "//" of an empty authority ("postgresql:///db").
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (!socketHost) {
        for (qsizetype i = 0; i < hosts.size(); ++i) {
            if (i > 0)
                text += QLatin1Char(',');
            const QString &name = hosts.at(i);
            text += name.contains(QLatin1Char(':')) ? QLatin1Char('[') + name + QLatin1Char(']')
                                                    : name;
            if (portsInAuthority && i < ports.size() && !ports.at(i).isEmpty())
                text += QLatin1Char(':') + ports.at(i);
        }
    }
    text += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(database));
    QUrlQuery query;
    if (socketHost)
        query.addQueryItem(QStringLiteral("host"), host);
    if (!portsInAuthority && !ports.isEmpty())
        query.addQueryItem(QStringLiteral("port"), ports.join(QLatin1Char(',')));
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    // Options such as sslpassword are secrets too.
    return SecretMask::maskUrls(text);
}

QString ConnectionSpec::qtConnectOptions(const QString &applicationName) const
{
    QStringList parts;
    QMap<QString, QString> all = options;
    if (!all.contains(QStringLiteral("application_name")) && !applicationName.isEmpty())
        all.insert(QStringLiteral("application_name"), applicationName);
    // libpq prints server NOTICEs on stderr; "already exists, skipping" is not news to a user.
    const QString quiet = QStringLiteral("-c client_min_messages=warning");
    QString &serverOptions = all[QStringLiteral("options")];
    if (!serverOptions.contains(QLatin1String("client_min_messages")))
        serverOptions = serverOptions.isEmpty() ? quiet : serverOptions + QLatin1Char(' ') + quiet;
    // QPSQL takes one port number; libpq's list goes here, after it, and wins.
    if (!portList.isEmpty())
        all.insert(QStringLiteral("port"), portList);
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + quoteConninfo(it.value());
    // QPSQL joins connect options with spaces after splitting on ';'.
    return parts.join(QLatin1Char(';'));
}
