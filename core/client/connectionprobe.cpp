#include "core/client/connectionprobe.h"

#include "core/db/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

#include <memory>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ConnectionProbe)
};

struct Answer {
    bool ok = false;
    QString message;
    bool reached = false; // the server answered: the failure is its schema or our privileges
};

Answer probe(ConnectionSpec spec, std::chrono::milliseconds deadline)
{
    const QString shown = spec.displayUrl(); // as the admin wrote it, without our timeout
    if (spec.backend == Backend::SQLite) {
        const QFileInfo file(spec.filePath);
        if (!file.exists()) {
            const QFileInfo folder(file.absolutePath());
            if (folder.exists() && !folder.isWritable())
                return {false,
                    Text::tr("The file %1 does not exist and its folder is not writable. Choose "
                             "a folder you can write to.")
                        .arg(spec.filePath)};
            return {true,
                Text::tr("The file %1 does not exist yet: Connect creates it as a new, empty "
                         "embedded database.")
                    .arg(spec.filePath)};
        }
    } else if (!spec.options.contains(QStringLiteral("connect_timeout"))) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(deadline).count();
        spec.options.insert(QStringLiteral("connect_timeout"), QString::number(qMax(1, seconds)));
    }
    // PostgreSQL: the console never migrates a shared server, so an outdated schema is a
    // failure here as it would be after Connect. SQLite: the console migrates its own file.
    const auto db = Database::open(spec, QStringLiteral("connection-test"),
        spec.backend == Backend::PostgreSQL ? SchemaPolicy::Check : SchemaPolicy::None);
    if (!db)
        return {false, db.error().message, db.error().kind == Error::Kind::Schema};
    const Result<bool> readable
        = (*db)->hasTablePrivilege(QStringLiteral("cron_jobs"), QStringLiteral("SELECT"));
    if (!readable)
        return {false, readable.error().message, readable.error().kind != Error::Kind::Connection};
    if (!*readable)
        return {false,
            Text::tr("Connected as %1, but %1 may not read cron_jobs. Ask for SELECT on cron_jobs "
                     "and tenant_logs.")
                .arg((*db)->databaseUser()),
            true};
    if (spec.backend == Backend::SQLite) // its schema is brought up to date on Connect
        return {
            true, Text::tr("Opened %1 as %2: it can be read.").arg(shown, (*db)->databaseUser())};
    return {true,
        Text::tr("Connected to %1 as %2: the schema is up to date.")
            .arg(shown, (*db)->databaseUser())};
}

} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_deadline).count();
        deliver(m_attempt, false,
            tr("No answer within %n s. Check the host, port and firewall.", nullptr,
                int(qMax<qint64>(1, seconds))));
    });
}

ConnectionProbe::~ConnectionProbe() = default;

void ConnectionProbe::start(const ConnectionSpec &spec)
{
    const int attempt = ++m_attempt;
    m_running = true;
    m_timer.start(m_deadline);
    // The answer is read when the thread has finished: QThread::finished reaches us queued,
    // and only while we live (Qt drops a connection whose receiver is gone).
    auto answer = std::make_shared<Answer>();
    const std::chrono::milliseconds deadline = m_deadline;
    QThread *thread
        = QThread::create([spec, deadline, answer] { *answer = probe(spec, deadline); });
    connect(thread, &QThread::finished, this, [this, attempt, answer] {
        deliver(attempt, answer->ok, answer->message, answer->reached);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->setObjectName(QStringLiteral("connection-test"));
    thread->start();
}

void ConnectionProbe::deliver(int attempt, bool ok, const QString &message, bool reached)
{
    if (attempt != m_attempt || !m_running)
        return; // an answer to a test already answered or replaced
    m_running = false;
    m_timer.stop();
    emit finished(ok, message, reached);
}
