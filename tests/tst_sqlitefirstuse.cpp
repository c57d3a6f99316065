// The embedded database's first use by several programs at once (issue 12, point 5): a new
// SQLite file opened by cronctl commands, runners and a console started at the same instant.
#include "core/db/connectionspec.h"
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/db/sqlitescriptrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

namespace {

constexpr int tries = 20;
constexpr int runnerSeconds = 1; // how long each runner runs before it is stopped

struct Participant {
    QString label;
    QString program;
    QStringList arguments;
    bool runner = false;
    std::unique_ptr<QProcess> process;
    QByteArray errors; // stderr, read as it comes
    QString failure; // empty: it succeeded
};

QString consolePath()
{
    return QStringLiteral(CRON_CONSOLE_PATH);
}

// Every table, index and trigger as SQLite stores its definition, in a stable order.
QStringList schemaOf(Database &database)
{
    QStringList schema;
    QSqlQuery query(database.handle());
    if (!query.exec(QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM "
                                   "sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, "
                                   "name")))
        return {QStringLiteral("cannot read the schema")};
    while (query.next())
        schema << query.value(0).toString();
    return schema;
}

// True once /proc says the shell of `pid` sleeps with the fifo on its standard input.
bool waitsOnFifo(qint64 pid, const QString &fifo)
{
    const QString link = QFile::symLinkTarget(QStringLiteral("/proc/%1/fd/0").arg(pid));
    if (link != fifo)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')'); // the state follows "(comm)"
    return end > 0 && line.mid(end + 2, 1) == "S";
}

} // namespace

class TestSqliteFirstUse : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void addedColumn_data();
    void addedColumn();
    void eachMigrationRunsTwice();
    void migratorRunsEveryMigrationAgain();
    void openWhileAnotherProgramWrites();
    void manyProgramsOpenANewFileAtOnce();
    void consoleHelpNeedsNoDisplay();

private:
    // One try on a new file; returns an empty string when every program succeeded and the
    // schema is right, else what went wrong.
    QString runTry(int number);

    QTemporaryDir m_dir;
    QString m_configPath;
    QStringList m_referenceSchema;
    int m_latest = 0;
};

void TestSqliteFirstUse::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(CRONCTL_PATH)).isExecutable(), CRONCTL_PATH);
    QVERIFY2(QFileInfo(consolePath()).isExecutable(), CRON_CONSOLE_PATH);
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));

    // A runner with one harmless job, polling often, so it uses the database within its second.
    m_configPath = m_dir.filePath(QStringLiteral("runner.json"));
    QFile config(m_configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    const QJsonObject job{{QStringLiteral("type"), QStringLiteral("command")},
        {QStringLiteral("program"), QStringLiteral("/bin/true")},
        {QStringLiteral("timeout_seconds"), 30}};
    config.write(QJsonDocument(
        QJsonObject{{QStringLiteral("lease_seconds"), 30}, {QStringLiteral("max_poll_seconds"), 1},
            {QStringLiteral("grace_seconds"), 1},
            {QStringLiteral("jobs"), QJsonObject{{QStringLiteral("sgp_sync_inteligente"), job}}}})
                     .toJson());
    config.close();
    QVERIFY(config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    // What one program alone makes of a new file: every try must end with the same schema.
    const QString reference = m_dir.filePath(QStringLiteral("reference.db"));
    auto database = Database::open(ConnectionSpec::sqlite(reference), QStringLiteral("test"));
    QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
    Migrator migrator(*database.value());
    const auto applied = migrator.migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    m_latest = migrator.latestVersion();
    QVERIFY(m_latest >= 5);
    m_referenceSchema = schemaOf(*database.value());
    QVERIFY(m_referenceSchema.size() > 5);
}

void TestSqliteFirstUse::addedColumn_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("table"); // empty: not an ADD COLUMN
    QTest::addColumn<QString>("column");
    QTest::newRow("plain") << "ALTER TABLE cron_jobs ADD COLUMN cron_expression VARCHAR(200)"
                           << "cron_jobs"
                           << "cron_expression";
    QTest::newRow("without COLUMN") << "alter table t add c TEXT"
                                    << "t"
                                    << "c";
    QTest::newRow("quoted")
        << "ALTER TABLE \"my table\" ADD COLUMN [a b] INTEGER NOT NULL DEFAULT 0"
        << "my table"
        << "a b";
    QTest::newRow("name starting with column") << "ALTER TABLE t ADD columnist TEXT"
                                               << "t"
                                               << "columnist";
    QTest::newRow("rename") << "ALTER TABLE t RENAME COLUMN a TO b"
                            << ""
                            << "";
    QTest::newRow("drop") << "ALTER TABLE t DROP COLUMN a"
                          << ""
                          << "";
    QTest::newRow("create") << "CREATE TABLE t (c ADD)"
                            << ""
                            << "";
}

void TestSqliteFirstUse::addedColumn()
{
    QFETCH(QString, statement);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QString foundTable;
    QString foundColumn;
    QCOMPARE(
        SqliteScriptRunner::addedColumn(statement, &foundTable, &foundColumn), !table.isEmpty());
    QCOMPARE(foundTable, table);
    QCOMPARE(foundColumn, column);
}

void TestSqliteFirstUse::eachMigrationRunsTwice()
{
    const QString path = m_dir.filePath(QStringLiteral("twice.db"));
    auto database = Database::open(ConnectionSpec::sqlite(path), QStringLiteral("test"));
    QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
    const QList<Migrator::Migration> migrations = Migrator(*database.value()).available();
    QCOMPARE(migrations.size(), m_latest);
    for (const Migrator::Migration &migration : migrations) {
        for (int run = 1; run <= 2; ++run) {
            const Status ran
                = SqliteScriptRunner::run(*database.value(), migration.script, migration.name);
            QVERIFY2(ran,
                qPrintable(QStringLiteral("%1 (run %2): %3")
                               .arg(migration.version)
                               .arg(run)
                               .arg(ran ? QString() : ran.error().message)));
        }
    }
    // What one run of each makes, without the version table that only the migrator keeps.
    QStringList expected = m_referenceSchema;
    expected.removeIf([](const QString &line) {
        return line.contains(QLatin1String("cron_console_migrations"));
    });
    QCOMPARE(schemaOf(*database.value()), expected);
    QSqlQuery jobs(database.value()->handle());
    QVERIFY(jobs.exec(QStringLiteral("SELECT COUNT(*) FROM cron_jobs")) && jobs.next());
    QCOMPARE(jobs.value(0).toInt(), 1); // the seed's job, inserted once
}

void TestSqliteFirstUse::migratorRunsEveryMigrationAgain()
{
    // A file whose version records were lost: the migrator applies all of them again over the
    // latest schema, and ends where it was.
    const QString path = m_dir.filePath(QStringLiteral("again.db"));
    auto database = Database::open(ConnectionSpec::sqlite(path), QStringLiteral("test"));
    QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
    Migrator migrator(*database.value());
    auto applied = migrator.migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    QCOMPARE(applied->size(), m_latest);
    QSqlQuery forget(database.value()->handle());
    QVERIFY(forget.exec(QStringLiteral("DELETE FROM cron_console_migrations")));
    applied = migrator.migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    QCOMPARE(applied->size(), m_latest);
    QCOMPARE(schemaOf(*database.value()), m_referenceSchema);
    applied = migrator.migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    QVERIFY(applied->isEmpty()); // up to date
}

void TestSqliteFirstUse::openWhileAnotherProgramWrites()
{
    // A file not yet in WAL mode whose write lock another program holds: SQLite refuses the
    // switch to WAL at once ("database is locked"), whatever the busy timeout.
    const QString path = m_dir.filePath(QStringLiteral("held.db"));
    {
        QSqlDatabase holder
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(path);
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(QStringLiteral("CREATE TABLE other_program (x INTEGER)")));
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(lock.exec(QStringLiteral("INSERT INTO other_program VALUES (1)")));

        QProcess cronctl;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        cronctl.setProcessEnvironment(environment);
        cronctl.start(QStringLiteral(CRONCTL_PATH),
            {QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("status")});
        QVERIFY(cronctl.waitForStarted(10'000));
        QTest::qWait(300); // the other program's write lasts this long (the fault, not a wait)
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        // waitForFinished() is false for a process that ended during the wait above.
        QVERIFY(cronctl.state() == QProcess::NotRunning || cronctl.waitForFinished(30'000));
        QVERIFY2(cronctl.exitCode() == 0, cronctl.readAllStandardError().constData());
        lock.finish();
        holder.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    auto database = Database::open(ConnectionSpec::sqlite(path), QStringLiteral("test"));
    QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
    QSqlQuery mode(database.value()->handle());
    QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
    QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    const Result<int> version = Migrator(*database.value()).currentVersion();
    QVERIFY(version);
    QCOMPARE(*version, m_latest);
}

void TestSqliteFirstUse::manyProgramsOpenANewFileAtOnce()
{
    int successes = 0;
    QStringList failures;
    for (int number = 1; number <= tries; ++number) {
        const QString failure = runTry(number);
        if (failure.isEmpty())
            ++successes;
        else
            failures << QStringLiteral("try %1: %2").arg(number).arg(failure);
    }
    qInfo("%d of %d tries succeeded (6 programs each on a new file)", successes, tries);
    for (const QString &failure : std::as_const(failures))
        qInfo("%s", qPrintable(failure));
    QCOMPARE(successes, tries);
}

QString TestSqliteFirstUse::runTry(int number)
{
    const QString folder = m_dir.filePath(QStringLiteral("try%1").arg(number));
    if (!QDir().mkpath(folder))
        return QStringLiteral("cannot create %1").arg(folder);
    const QString file = folder + QStringLiteral("/cron-console.db");
    const QString url = QStringLiteral("sqlite:") + file;
    const QString fifo = folder + QStringLiteral("/go");
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        return QStringLiteral("cannot create the fifo %1").arg(fifo);
    // Held open for writing (and reading, so opening never blocks) until every program has
    // started: the shells' reads wait on it, and a shell that reads late still finds its byte.
    const int gate = ::open(QFile::encodeName(fifo).constData(), O_RDWR | O_CLOEXEC);
    if (gate < 0)
        return QStringLiteral("cannot open the fifo %1").arg(fifo);
    auto closeGate = qScopeGuard([gate] { ::close(gate); });

    const QString cronctl = QStringLiteral(CRONCTL_PATH);
    std::vector<Participant> participants;
    participants.push_back({QStringLiteral("status"), cronctl,
        {QStringLiteral("--db"), url, QStringLiteral("status")}});
    participants.push_back({QStringLiteral("runners"), cronctl,
        {QStringLiteral("--db"), url, QStringLiteral("runners")}});
    participants.push_back({QStringLiteral("history"), cronctl,
        {QStringLiteral("--db"), url, QStringLiteral("history"),
            QStringLiteral("sgp_sync_inteligente")}});
    for (const QString &name : {QStringLiteral("runner-a"), QStringLiteral("runner-b")})
        participants.push_back({name, cronctl,
            {QStringLiteral("--db"), url, QStringLiteral("scheduler"), QStringLiteral("--config"),
                m_configPath, QStringLiteral("--name"), name},
            true});
    participants.push_back({QStringLiteral("console"), consolePath(),
        {QStringLiteral("--db"), url, QStringLiteral("--exit-when-loaded")}});

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    environment.remove(QStringLiteral("XDG_DATA_HOME"));
    environment.remove(QStringLiteral("XDG_CONFIG_HOME"));
    environment.remove(QStringLiteral("CRON_CONSOLE_DB"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The runner says "registered" once it has used the database.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cron.runner.info=true"));
    for (Participant &participant : participants) {
        participant.process = std::make_unique<QProcess>();
        participant.process->setProcessEnvironment(environment);
        // The barrier: each program starts when its shell reads one byte from the fifo.
        participant.process->start(QStringLiteral("/bin/sh"),
            QStringList{QStringLiteral("-c"), QStringLiteral("read go < \"$0\" && exec \"$@\""),
                fifo, participant.program}
                + participant.arguments);
    }
    auto killAll = qScopeGuard([&] {
        for (Participant &participant : participants) {
            if (participant.process->state() != QProcess::NotRunning) {
                participant.process->kill();
                participant.process->waitForFinished(5000);
            }
        }
    });
    QElapsedTimer waiting;
    waiting.start();
    for (Participant &participant : participants) {
        if (!participant.process->waitForStarted(10'000))
            return QStringLiteral("%1 did not start").arg(participant.label);
        while (!waitsOnFifo(participant.process->processId(), fifo)) {
            if (waiting.hasExpired(10'000))
                return QStringLiteral("%1 never reached the barrier").arg(participant.label);
            QTest::qWait(5); // polling /proc, with a deadline
        }
    }
    const QByteArray go(qsizetype(participants.size()), '\n');
    if (::write(gate, go.constData(), size_t(go.size())) != go.size())
        return QStringLiteral("cannot release the programs");
    QElapsedTimer running;
    running.start();

    // The one-shot programs end by themselves.
    for (Participant &participant : participants) {
        if (participant.runner)
            continue;
        QProcess &process = *participant.process;
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(60'000))
            participant.failure = QStringLiteral("still running after 60 s");
        participant.errors = process.readAllStandardError();
        if (participant.failure.isEmpty()
            && (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0))
            participant.failure = QStringLiteral("exit code %1: %2")
                                      .arg(process.exitCode())
                                      .arg(QString::fromUtf8(participant.errors).trimmed());
    }
    // The runners: registered, a second of work, then stopped as systemd would.
    for (Participant &participant : participants) {
        if (!participant.runner)
            continue;
        QProcess &process = *participant.process;
        QElapsedTimer deadline;
        deadline.start();
        while (!participant.errors.contains("registered")
            && !participant.errors.contains("cannot use the database")
            && process.state() != QProcess::NotRunning && !deadline.hasExpired(30'000)) {
            process.waitForReadyRead(100);
            participant.errors += process.readAllStandardError();
        }
        if (process.state() == QProcess::NotRunning) {
            participant.errors += process.readAllStandardError();
            participant.failure = QStringLiteral("exited early (code %1)").arg(process.exitCode());
            continue;
        }
        const qint64 left = runnerSeconds * 1000 - running.elapsed();
        if (left > 0 && process.waitForFinished(int(left))) {
            participant.failure = QStringLiteral("exited during its second");
            continue;
        }
        ::kill(pid_t(process.processId()), SIGTERM);
        if (!process.waitForFinished(15'000))
            participant.failure = QStringLiteral("did not stop on SIGTERM");
        participant.errors += process.readAllStandardError();
        if (participant.errors.contains("cannot use the database") && participant.failure.isEmpty())
            participant.failure = QStringLiteral("could not use the database at first");
        else if (!participant.errors.contains("registered") && participant.failure.isEmpty())
            participant.failure = QStringLiteral("never registered");
        else if (participant.failure.isEmpty() && process.exitCode() != 0)
            participant.failure = QStringLiteral("exit code %1").arg(process.exitCode());
    }

    QStringList problems;
    for (const Participant &participant : participants) {
        if (participant.failure.isEmpty())
            continue;
        QString detail = QString::fromUtf8(participant.errors).trimmed();
        // The first warning is the informative part of a runner's log.
        const qsizetype warning = detail.indexOf(QLatin1String("cannot use the database"));
        if (participant.runner && warning >= 0)
            detail = detail.mid(warning);
        detail = detail.section(QLatin1Char('\n'), 0, 0).left(300);
        problems << QStringLiteral("%1 %2%3").arg(participant.label, participant.failure,
            participant.runner && !detail.isEmpty() ? QStringLiteral(" (%1)").arg(detail)
                                                    : QString());
    }

    // The schema every program saw: the latest, recorded once per version.
    auto database = Database::open(ConnectionSpec::sqlite(file), QStringLiteral("check"));
    if (!database) {
        problems << database.error().message;
        return problems.join(QStringLiteral("; "));
    }
    QSqlQuery versions(database.value()->handle());
    if (!versions.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version), MIN(version), "
                                      "MAX(version) FROM cron_console_migrations"))
        || !versions.next()) {
        problems << QStringLiteral("no cron_console_migrations table");
    } else if (versions.value(0).toInt() != m_latest || versions.value(1).toInt() != m_latest
        || versions.value(2).toInt() != 1 || versions.value(3).toInt() != m_latest) {
        problems << QStringLiteral("cron_console_migrations holds %1 rows, %2 versions %3..%4")
                        .arg(versions.value(0).toInt())
                        .arg(versions.value(1).toInt())
                        .arg(versions.value(2).toInt())
                        .arg(versions.value(3).toInt());
    }
    if (schemaOf(*database.value()) != m_referenceSchema)
        problems << QStringLiteral("the schema differs from a file migrated by one program");
    return problems.join(QStringLiteral("; "));
}

// `cron-console --help` over ssh or in a script: no display, no platform chosen. It printed
// nothing and aborted in the xcb plugin.
void TestSqliteFirstUse::consoleHelpNeedsNoDisplay()
{
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    console.setProcessEnvironment(environment);
    for (const QString &option : {QStringLiteral("--help"), QStringLiteral("--version")}) {
        console.start(consolePath(), {option});
        QVERIFY(console.waitForFinished(20000));
        const QString out = QString::fromUtf8(console.readAllStandardOutput());
        QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
            qPrintable(option + QLatin1Char(' ') + console.readAllStandardError()));
        QVERIFY2(option == QLatin1String("--help") ? out.contains(QLatin1String("--demo"))
                                                   : out.contains(QLatin1String("cron-console")),
            qPrintable(out));
    }
}

QTEST_GUILESS_MAIN(TestSqliteFirstUse)
#include "tst_sqlitefirstuse.moc"
