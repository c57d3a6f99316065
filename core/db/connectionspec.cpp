#include "db/connectionspec.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionSpec", text);
}

// libpq's conninfo quoting: single quotes around values, backslash escapes.
QString quoteConninfo(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

Result<ConnectionSpec> parsePostgres(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return Error::invalidInput(
            tr("invalid PostgreSQL URL \"%1\": %2").arg(text.left(200), url.errorString()));
    ConnectionSpec spec;
    spec.backend = Backend::PostgreSQL;
    spec.host = url.host(QUrl::FullyDecoded);
    spec.port = url.port(-1);
    spec.user = url.userName(QUrl::FullyDecoded);
    spec.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    spec.database = path;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key.isEmpty())
            continue;
        // libpq lets the query string carry the same keys as the authority part.
        if (key == QLatin1String("host"))
            spec.host = value;
        else if (key == QLatin1String("port")) {
            bool ok = false;
            spec.port = value.toInt(&ok);
            if (!ok || spec.port <= 0 || spec.port > 65535)
                return Error::invalidInput(
                    tr("invalid port \"%1\" in the database URL").arg(value));
        } else if (key == QLatin1String("dbname"))
            spec.database = value;
        else if (key == QLatin1String("user"))
            spec.user = value;
        else if (key == QLatin1String("password"))
            spec.password = value;
        else
            spec.options.insert(key, value);
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
        return Error::invalidInput(tr("the SQLite URL \"%1\" names no file").arg(text));
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
                                   .arg(text.left(200)));
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
    // Built by hand: QUrl drops the "//" of an empty authority ("postgresql:///db").
    const bool socketHost = host.startsWith(QLatin1Char('/'));
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (!socketHost)
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(database));
    QUrlQuery query;
    if (socketHost)
        query.addQueryItem(QStringLiteral("host"), host);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    return text;
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
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + quoteConninfo(it.value());
    // QPSQL joins connect options with spaces after splitting on ';'.
    return parts.join(QLatin1Char(';'));
}
