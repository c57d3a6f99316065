#include "runner/runnerconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunnerConfig", text);
}

// Reads one JSON object, remembering where it is for messages.
class Reader {
public:
    Reader(const QString &file, const QString &path, const QJsonObject &object)
        : m_file(file)
        , m_path(path)
        , m_object(object)
    { }

    Error error(const QString &key, const QString &problem) const
    {
        const QString where = m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
        return Error::config(QStringLiteral("%1: %2: %3").arg(m_file, where, problem));
    }

    // Keys this object may have; anything else is probably a typo worth reporting.
    Status onlyKeys(const QStringList &allowed) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!allowed.contains(it.key()))
                return error(it.key(),
                    tr("unknown key (expected one of: %1)")
                        .arg(allowed.join(QStringLiteral(", "))));
        }
        return {};
    }

    Result<QString> string(const QString &key, bool required, const QString &fallback = {}) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return error(key, tr("is required"));
            return fallback;
        }
        if (!value.isString())
            return error(key, tr("must be a string"));
        if (required && value.toString().isEmpty())
            return error(key, tr("must not be empty"));
        return value.toString();
    }

    Result<int> integer(const QString &key, int fallback, int minimum, int maximum) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return fallback;
        const double number = value.toDouble(-1e300);
        if (!value.isDouble() || number != double(qint64(number)) || number < minimum
            || number > maximum)
            return error(key, tr("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
        return int(number);
    }

    Result<QStringList> stringList(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return QStringList();
        if (!value.isArray())
            return error(key, tr("must be an array of strings"));
        QStringList list;
        for (const QJsonValue item : value.toArray()) {
            if (!item.isString())
                return error(key, tr("must be an array of strings"));
            list << item.toString();
        }
        return list;
    }

    Result<QMap<QString, QString>> stringMap(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return QMap<QString, QString>();
        if (!value.isObject())
            return error(key, tr("must be an object of strings"));
        QMap<QString, QString> map;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString())
                return error(key + QLatin1Char('.') + it.key(), tr("must be a string"));
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }

private:
    QString m_file;
    QString m_path;
    QJsonObject m_object;
};

#define TRY_ASSIGN(target, expression)                                                             \
    do {                                                                                           \
        auto result_ = (expression);                                                               \
        if (!result_)                                                                              \
            return result_.error();                                                                \
        target = std::move(result_).value();                                                       \
    } while (false)

Result<ActionSpec> parseAction(const QString &file, const QString &name, const QJsonValue &value)
{
    const QString path = QStringLiteral("jobs.") + name;
    if (!value.isObject())
        return Error::config(QStringLiteral("%1: %2: %3").arg(file, path, tr("must be an object")));
    const Reader reader(file, path, value.toObject());
    ActionSpec spec;
    QString type;
    TRY_ASSIGN(type, reader.string(QStringLiteral("type"), true));
    TRY_ASSIGN(spec.timeoutSeconds,
        reader.integer(QStringLiteral("timeout_seconds"), 3600, 1, 7 * 24 * 3600));
    const QStringList common{QStringLiteral("type"), QStringLiteral("timeout_seconds")};
    if (type == QLatin1String("command")) {
        spec.type = ActionSpec::Type::Command;
        if (const Status keys = reader.onlyKeys(common
                + QStringList{QStringLiteral("program"), QStringLiteral("args"),
                    QStringLiteral("env"), QStringLiteral("working_directory")});
            !keys)
            return keys.error();
        TRY_ASSIGN(spec.program, reader.string(QStringLiteral("program"), true));
        if (!QFileInfo(spec.program).isAbsolute())
            return reader.error(QStringLiteral("program"),
                tr("must be an absolute path (\"%1\"), so PATH cannot change what runs")
                    .arg(spec.program));
        TRY_ASSIGN(spec.args, reader.stringList(QStringLiteral("args")));
        TRY_ASSIGN(spec.env, reader.stringMap(QStringLiteral("env")));
        TRY_ASSIGN(
            spec.workingDirectory, reader.string(QStringLiteral("working_directory"), false));
    } else if (type == QLatin1String("sql")) {
        spec.type = ActionSpec::Type::Sql;
        if (const Status keys = reader.onlyKeys(common + QStringList{QStringLiteral("sql")}); !keys)
            return keys.error();
        TRY_ASSIGN(spec.sql, reader.string(QStringLiteral("sql"), true));
    } else if (type == QLatin1String("http")) {
        spec.type = ActionSpec::Type::Http;
        if (const Status keys = reader.onlyKeys(common
                + QStringList{QStringLiteral("method"), QStringLiteral("url"),
                    QStringLiteral("headers"), QStringLiteral("body")});
            !keys)
            return keys.error();
        TRY_ASSIGN(
            spec.method, reader.string(QStringLiteral("method"), false, QStringLiteral("GET")));
        spec.method = spec.method.toUpper();
        static const QStringList methods{QStringLiteral("GET"), QStringLiteral("POST"),
            QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE"),
            QStringLiteral("HEAD")};
        if (!methods.contains(spec.method))
            return reader.error(QStringLiteral("method"),
                tr("must be one of %1").arg(methods.join(QStringLiteral(", "))));
        TRY_ASSIGN(spec.url, reader.string(QStringLiteral("url"), true));
        const QUrl url(spec.url, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return reader.error(QStringLiteral("url"), tr("must be an http:// or https:// URL"));
        TRY_ASSIGN(spec.headers, reader.stringMap(QStringLiteral("headers")));
        QString body;
        TRY_ASSIGN(body, reader.string(QStringLiteral("body"), false));
        spec.body = body.toUtf8();
    } else {
        return reader.error(QStringLiteral("type"),
            tr("\"%1\" is not a job type; use command, sql or http").arg(type));
    }
    return spec;
}

} // namespace

QString RunnerConfig::defaultUserPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QLatin1String("/cron-console/runner.json");
}

Result<RunnerConfig> RunnerConfig::load(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::config(
            tr("%1: cannot read the runner configuration: %2").arg(filePath, file.errorString()));
    return parse(file.readAll(), filePath);
}

Result<RunnerConfig> RunnerConfig::parse(const QByteArray &json, const QString &filePath)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::config(tr("%1: not valid JSON at byte %2: %3")
                                 .arg(filePath)
                                 .arg(parseError.offset)
                                 .arg(parseError.errorString()));
    if (!document.isObject())
        return Error::config(tr("%1: the top level must be a JSON object").arg(filePath));
    const Reader reader(filePath, QString(), document.object());
    if (const Status keys
        = reader.onlyKeys({QStringLiteral("runner_name"), QStringLiteral("max_poll_seconds"),
            QStringLiteral("lease_seconds"), QStringLiteral("grace_seconds"),
            QStringLiteral("max_concurrent_jobs"), QStringLiteral("jobs")});
        !keys)
        return keys.error();
    RunnerConfig config;
    config.filePath = filePath;
    TRY_ASSIGN(config.runnerName, reader.string(QStringLiteral("runner_name"), false));
    TRY_ASSIGN(
        config.maxPollSeconds, reader.integer(QStringLiteral("max_poll_seconds"), 60, 1, 3600));
    TRY_ASSIGN(config.leaseSeconds, reader.integer(QStringLiteral("lease_seconds"), 60, 5, 3600));
    TRY_ASSIGN(config.graceSeconds, reader.integer(QStringLiteral("grace_seconds"), 30, 0, 3600));
    TRY_ASSIGN(
        config.maxConcurrentJobs, reader.integer(QStringLiteral("max_concurrent_jobs"), 4, 1, 256));
    const QJsonValue jobs = document.object().value(QStringLiteral("jobs"));
    if (!jobs.isObject())
        return reader.error(QStringLiteral("jobs"),
            tr("is required: an object from job name to what the job runs"));
    const QJsonObject jobObject = jobs.toObject();
    for (auto it = jobObject.begin(); it != jobObject.end(); ++it) {
        ActionSpec spec;
        TRY_ASSIGN(spec, parseAction(filePath, it.key(), it.value()));
        config.jobs.insert(it.key(), spec);
    }
    return config;
}
