#include "core/runner/runnerconfig.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace {

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
                    RunnerConfig::tr("unknown key (expected one of: %1)")
                        .arg(allowed.join(QStringLiteral(", "))));
        }
        return {};
    }

    Result<QString> string(const QString &key, bool required, const QString &fallback = {}) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return error(key, RunnerConfig::tr("is required"));
            return fallback;
        }
        if (!value.isString())
            return error(key, RunnerConfig::tr("must be a string"));
        if (required && value.toString().isEmpty())
            return error(key, RunnerConfig::tr("must not be empty"));
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
            return error(key,
                RunnerConfig::tr("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
        return int(number);
    }

    Result<QStringList> stringList(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return QStringList();
        if (!value.isArray())
            return error(key, RunnerConfig::tr("must be an array of strings"));
        QStringList list;
        for (const QJsonValue item : value.toArray()) {
            if (!item.isString())
                return error(key, RunnerConfig::tr("must be an array of strings"));
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
            return error(key, RunnerConfig::tr("must be an object of strings"));
        QMap<QString, QString> map;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString())
                return error(
                    key + QLatin1Char('.') + it.key(), RunnerConfig::tr("must be a string"));
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }

private:
    QString m_file;
    QString m_path;
    QJsonObject m_object;
};

QString userName(uid_t uid)
{
    const passwd *entry = ::getpwuid(uid);
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("uid %1").arg(uid);
}

QString octalMode(mode_t mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

QString whoMayWrite(mode_t mode)
{
    if ((mode & S_IWGRP) && (mode & S_IWOTH))
        return RunnerConfig::tr("its group and everyone");
    return (mode & S_IWGRP) ? RunnerConfig::tr("its group") : RunnerConfig::tr("everyone");
}

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
    // The name is cron_jobs.nome (VARCHAR(100)); PostgreSQL refuses control characters such as
    // U+0000 in text, which would make every registration of the runner fail.
    if (name.isEmpty() || name.size() > 100 || std::any_of(name.cbegin(), name.cend(), [](QChar c) {
            return c.category() == QChar::Other_Control;
        }))
        return Error::config(
            QStringLiteral("%1: %2: %3")
                .arg(file, QString(path).replace(QChar(0), QStringLiteral("\\u0000")),
                    RunnerConfig::tr(
                        "is not a job name: 1 to 100 characters, no control characters")));
    if (!value.isObject())
        return Error::config(
            QStringLiteral("%1: %2: %3").arg(file, path, RunnerConfig::tr("must be an object")));
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
                RunnerConfig::tr(
                    "must be an absolute path (\"%1\"), so PATH cannot change what runs")
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
                RunnerConfig::tr("must be one of %1").arg(methods.join(QStringLiteral(", "))));
        TRY_ASSIGN(spec.url, reader.string(QStringLiteral("url"), true));
        const QUrl url(spec.url, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return reader.error(
                QStringLiteral("url"), RunnerConfig::tr("must be an http:// or https:// URL"));
        TRY_ASSIGN(spec.headers, reader.stringMap(QStringLiteral("headers")));
        QString body;
        TRY_ASSIGN(body, reader.string(QStringLiteral("body"), false));
        spec.body = body.toUtf8();
    } else {
        return reader.error(QStringLiteral("type"),
            RunnerConfig::tr("\"%1\" is not a job type; use command, sql or http").arg(type));
    }
    return spec;
}

} // namespace

QString RunnerConfig::defaultUserPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QLatin1String("/cron-console/runner.json");
}

Status RunnerConfig::checkFilePermissions(const QString &filePath)
{
    char *resolved = ::realpath(QFile::encodeName(filePath).constData(), nullptr);
    if (!resolved)
        return {}; // reading it fails and says why
    const QString real = QFile::decodeName(resolved);
    std::free(resolved);
    const uid_t runner = ::geteuid();
    const auto refuse = [&filePath](const QString &why, const QString &fix) {
        return Error::config(
            tr("%1: refusing this runner configuration: %2. A runner runs what this file says, "
               "so only its owner (root or the runner's user) may change it. Fix: %3")
                .arg(filePath, why, fix));
    };
    struct stat info { };
    if (::stat(QFile::encodeName(real).constData(), &info) != 0)
        return {};
    if (!S_ISREG(info.st_mode))
        return refuse(tr("it is not a regular file"), tr("point --config at the file itself"));
    if (info.st_uid != 0 && info.st_uid != runner)
        return refuse(tr("it belongs to %1, who is neither root nor the runner's user %2")
                          .arg(userName(info.st_uid), userName(runner)),
            QStringLiteral("chown %1 %2").arg(userName(runner), real));
    if (info.st_mode & (S_IWGRP | S_IWOTH))
        return refuse(
            tr("%1 may write it (mode %2)").arg(whoMayWrite(info.st_mode), octalMode(info.st_mode)),
            QStringLiteral("chmod go-w %1").arg(real));
    // Whoever may write a folder on the way can replace the file in it.
    QString folder = QFileInfo(real).absolutePath();
    while (true) {
        if (::stat(QFile::encodeName(folder).constData(), &info) != 0)
            break;
        if (info.st_uid != 0 && info.st_uid != runner)
            return refuse(tr("its folder %1 belongs to %2, who is neither root nor the runner's "
                             "user %3")
                              .arg(folder, userName(info.st_uid), userName(runner)),
                QStringLiteral("chown %1 %2").arg(userName(runner), folder));
        // Sticky: others may create files there but not replace or rename ours.
        if ((info.st_mode & (S_IWGRP | S_IWOTH)) && !(info.st_mode & S_ISVTX))
            return refuse(tr("its folder %1 may be written by %2 (mode %3), who could replace "
                             "the file")
                              .arg(folder, whoMayWrite(info.st_mode), octalMode(info.st_mode)),
                QStringLiteral("chmod go-w %1").arg(folder));
        if (folder == QLatin1String("/"))
            break;
        folder = QFileInfo(folder).absolutePath();
    }
    return {};
}

Status RunnerConfig::save(const QString &filePath, const QByteArray &json)
{
    // Missing folders are made 0755 whatever the umask: a group-writable one is refused too.
    QStringList missing;
    for (QString folder = QFileInfo(filePath).absolutePath(); !QFileInfo::exists(folder);
         folder = QFileInfo(folder).absolutePath())
        missing.prepend(folder);
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                    | QFileDevice::ExeOther))
            return Error::config(tr("%1: cannot create the folder %2").arg(filePath, folder));
    }
    QSaveFile file(filePath);
    // QSaveFile gives a new file 0666 less the umask (0664 under umask 002) and keeps an old
    // file's mode: neither may leave it writable by others, or runners refuse it.
    QFileDevice::Permissions permissions = QFile::exists(filePath) ? QFile::permissions(filePath)
                                                                   : QFileDevice::ReadOwner
            | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    permissions &= ~(QFileDevice::WriteGroup | QFileDevice::WriteOther);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions)
        || file.write(json) != json.size() || !file.commit())
        return Error::config(tr("%1: cannot save: %2").arg(filePath, file.errorString()));
    return {};
}

Result<RunnerConfig> RunnerConfig::load(const QString &filePath)
{
    if (const Status safe = checkFilePermissions(filePath); !safe)
        return safe.error();
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
    if (parseError.error != QJsonParseError::NoError) {
        // Line and column, as an editor shows them (the parser gives a byte offset).
        const QByteArray before = json.left(parseError.offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        return Error::config(tr("%1: not valid JSON at line %2, column %3: %4")
                                 .arg(filePath)
                                 .arg(before.count('\n') + 1)
                                 .arg(QString::fromUtf8(before.mid(lineStart)).size() + 1)
                                 .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return Error::config(tr("%1: the top level must be a JSON object").arg(filePath));
    const Reader reader(filePath, QString(), document.object());
    if (const Status keys
        = reader.onlyKeys({QStringLiteral("runner_name"), QStringLiteral("max_poll_seconds"),
            QStringLiteral("lease_seconds"), QStringLiteral("grace_seconds"),
            QStringLiteral("max_concurrent_jobs"), QStringLiteral("jobs"), QStringLiteral("notify"),
            QStringLiteral("notify_retry_seconds")});
        !keys)
        return keys.error();
    RunnerConfig config;
    config.filePath = filePath;
    TRY_ASSIGN(config.runnerName, reader.string(QStringLiteral("runner_name"), false));
    if (std::any_of(config.runnerName.cbegin(), config.runnerName.cend(),
            [](QChar c) { return c.category() == QChar::Other_Control; })
        || config.runnerName.size() > 200)
        return reader.error(QStringLiteral("runner_name"),
            tr("must be at most 200 characters, no control characters"));
    TRY_ASSIGN(
        config.maxPollSeconds, reader.integer(QStringLiteral("max_poll_seconds"), 60, 1, 3600));
    TRY_ASSIGN(config.leaseSeconds, reader.integer(QStringLiteral("lease_seconds"), 60, 5, 3600));
    TRY_ASSIGN(config.graceSeconds, reader.integer(QStringLiteral("grace_seconds"), 30, 0, 3600));
    TRY_ASSIGN(
        config.maxConcurrentJobs, reader.integer(QStringLiteral("max_concurrent_jobs"), 4, 1, 256));
    TRY_ASSIGN(config.notifyRetrySeconds,
        reader.integer(QStringLiteral("notify_retry_seconds"), 60, 1, 3600));
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
    // Alerts (issue 17): a command (the event on standard input) or an HTTP request (the event
    // as its body), parsed like a job's action.
    if (const QJsonValue notify = document.object().value(QStringLiteral("notify"));
        !notify.isUndefined()) {
        ActionSpec spec;
        TRY_ASSIGN(spec, parseAction(filePath, QStringLiteral("notify"), notify));
        if (spec.type == ActionSpec::Type::Sql)
            return reader.error(QStringLiteral("notify"),
                tr("must be a command or an http action (an sql action cannot receive the "
                   "event)"));
        config.notify = spec;
    }
    return config;
}
