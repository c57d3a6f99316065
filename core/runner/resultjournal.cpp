#include "core/runner/resultjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

QJsonValue time(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(double(at.toMSecsSinceEpoch())) : QJsonValue();
}

QDateTime time(const QJsonValue &value)
{
    return value.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC)
                            : QDateTime();
}

QJsonObject toJson(const ResultJournal::Entry &entry, const QString &databaseKey)
{
    const Job &job = entry.claim.job;
    return {{QStringLiteral("id"), double(entry.id)}, {QStringLiteral("database"), databaseKey},
        {QStringLiteral("owner"), entry.claim.owner},
        {QStringLiteral("token"), double(entry.claim.token)}, {QStringLiteral("job"), job.name},
        {QStringLiteral("run_id"), double(entry.claim.runId)},
        {QStringLiteral("trigger"), entry.claim.trigger},
        {QStringLiteral("attempt"), entry.claim.attempt},
        {QStringLiteral("job_id"), double(job.id)}, {QStringLiteral("next_run"), time(job.nextRun)},
        {QStringLiteral("read_at"), time(job.readAt)},
        {QStringLiteral("interval_hours"), job.intervalHours},
        {QStringLiteral("cron"), job.cronExpression}, {QStringLiteral("zone"), job.timeZone},
        {QStringLiteral("success_action"), job.successAction},
        {QStringLiteral("error_action"), job.errorAction},
        {QStringLiteral("success"), entry.result.success},
        {QStringLiteral("failure"), int(entry.result.failure)},
        {QStringLiteral("result"), entry.result.result},
        {QStringLiteral("error"), entry.result.error},
        {QStringLiteral("duration"), entry.result.durationSeconds}};
}

ResultJournal::Entry fromJson(const QJsonObject &object)
{
    ResultJournal::Entry entry;
    entry.claim.owner = object.value(QStringLiteral("owner")).toString();
    entry.claim.token = qint64(object.value(QStringLiteral("token")).toDouble());
    entry.claim.runId = qint64(object.value(QStringLiteral("run_id")).toDouble());
    entry.claim.trigger
        = object.value(QStringLiteral("trigger")).toString(QStringLiteral("schedule"));
    entry.claim.attempt = object.value(QStringLiteral("attempt")).toInt(1);
    Job &job = entry.claim.job;
    job.name = object.value(QStringLiteral("job")).toString();
    job.id = qint64(object.value(QStringLiteral("job_id")).toDouble());
    job.nextRun = time(object.value(QStringLiteral("next_run")));
    job.readAt = time(object.value(QStringLiteral("read_at")));
    job.intervalHours = object.value(QStringLiteral("interval_hours")).toInt(12);
    job.cronExpression = object.value(QStringLiteral("cron")).toString();
    job.timeZone = object.value(QStringLiteral("zone")).toString();
    job.successAction = object.value(QStringLiteral("success_action")).toString();
    job.errorAction = object.value(QStringLiteral("error_action")).toString();
    job.leaseToken = entry.claim.token;
    entry.result.success = object.value(QStringLiteral("success")).toBool();
    entry.result.failure
        = ExecutionResult::Failure(object.value(QStringLiteral("failure")).toInt());
    entry.result.result = object.value(QStringLiteral("result")).toObject();
    entry.result.error = object.value(QStringLiteral("error")).toString();
    entry.result.durationSeconds = object.value(QStringLiteral("duration")).toDouble();
    return entry;
}

} // namespace

ResultJournal::ResultJournal(const QString &directory, const QString &databaseKey)
    : m_directory(directory)
    , m_databaseKey(databaseKey)
{ }

ResultJournal::~ResultJournal()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        if (m_pending.isEmpty())
            QFile::remove(m_path);
    }
}

QString ResultJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/cron-console/journal");
}

Result<QList<ResultJournal::Entry>> ResultJournal::open()
{
    if (!QDir().mkpath(m_directory))
        return Error::config(tr("cannot create the result journal folder %1").arg(m_directory));
    QList<Entry> adopted;
    const QStringList files = QDir(m_directory).entryList({QStringLiteral("*.jsonl")}, QDir::Files);
    for (const QString &name : files) {
        const QString path = QDir(m_directory).filePath(name);
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
        if (fd < 0)
            continue;
        // A live runner holds its file's lock; a file we can lock belongs to a dead one.
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            continue;
        }
        QFile file;
        QList<QJsonObject> entries;
        QSet<double> done;
        bool foreign = false;
        if (file.open(fd, QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
            while (!file.atEnd()) {
                const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
                if (line.contains(QStringLiteral("done")))
                    done.insert(line.value(QStringLiteral("done")).toDouble());
                else if (line.value(QStringLiteral("database")).toString() != m_databaseKey)
                    foreign = !line.isEmpty() || foreign;
                else if (!line.isEmpty())
                    entries << line;
            }
            file.close();
        }
        for (const QJsonObject &line : std::as_const(entries)) {
            if (!done.contains(line.value(QStringLiteral("id")).toDouble()))
                adopted << fromJson(line);
        }
        // Another database's entries stay for a runner of that database.
        if (!foreign)
            QFile::remove(path);
        ::close(fd);
    }
    m_path
        = QDir(m_directory)
              .filePath(QStringLiteral("runner-%1-%2.jsonl")
                            .arg(QCoreApplication::applicationPid())
                            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    m_fd = ::open(
        QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
        return Error::config(tr("cannot open the result journal %1").arg(m_path));
    // Adopted entries are pending again, now in our own file.
    for (Entry &entry : adopted) {
        if (const Status written = append(entry); !written)
            return written.error();
    }
    return adopted;
}

Status ResultJournal::writeLine(const QByteArray &line)
{
    if (m_fd < 0)
        return Error::config(tr("the result journal is not open"));
    QByteArray text = line;
    text.append('\n');
    qsizetype offset = 0;
    while (offset < text.size()) {
        const ssize_t n = ::write(m_fd, text.constData() + offset, size_t(text.size() - offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return Error::config(tr("cannot write the result journal %1: %2")
                                     .arg(m_path, QString::fromLocal8Bit(strerror(errno))));
        }
        offset += n;
    }
    ::fdatasync(m_fd);
    return {};
}

Status ResultJournal::append(Entry &entry)
{
    entry.id = m_nextId++;
    const Status written
        = writeLine(QJsonDocument(toJson(entry, m_databaseKey)).toJson(QJsonDocument::Compact));
    if (written)
        m_pending << entry.id;
    return written;
}

void ResultJournal::markDone(quint64 id)
{
    if (!m_pending.removeOne(id))
        return;
    if (m_pending.isEmpty()) {
        // Nothing pending: start the file afresh instead of letting it grow.
        if (::ftruncate(m_fd, 0) == 0)
            return;
    }
    // A failed write only means the entry is replayed once more; recording it is idempotent.
    (void)writeLine(QJsonDocument(QJsonObject{{QStringLiteral("done"), double(id)}})
                        .toJson(QJsonDocument::Compact));
}
