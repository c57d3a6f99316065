// cronctl as its users run it: a real process, its exit status, what it prints and what it
// leaves in the database (SQLite and PostgreSQL).

#include "support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <pwd.h>
#include <unistd.h>

#include <memory>

Q_DECLARE_METATYPE(Backend)

namespace {

constexpr int deadlineMs = 30000;
constexpr qint64 toleranceSecs = 60;

// The job every new database starts with (the seed's default).
const QString seedJob = "sgp_sync_inteligente";

const QStringList allCommands{"migrate", "status", "add", "remove", "enable", "disable",
    "set-interval", "reset", "run-now", "history"};

// What one cronctl run did.
struct CliRun {
    QStringList arguments;
    bool finished = false; // exited on its own before the deadline
    int exitCode = -1;
    QString processError; // why it did not finish, when it did not
    QString out;
    QString err;

    // The command and everything it printed, for failure messages.
    QString describe() const
    {
        return QStringLiteral(
            "\n    cronctl %1\n    exit status: %2\n    stdout: %3\n    stderr: %4")
            .arg(arguments.join(' '), finished ? QString::number(exitCode) : processError,
                out.left(3000), err);
    }
};

// The helpers below return an empty string when all is well, else what is wrong; VERIFY_OK
// turns that into a test failure.
#define VERIFY_OK(check)                                                                           \
    do {                                                                                           \
        const QString problem_ = (check);                                                          \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

QString expectSuccess(const CliRun &run)
{
    if (run.finished && run.exitCode == 0)
        return {};
    return "expected exit status 0" + run.describe();
}

// The failure contract: exit status `exitCode` and exactly one line on stderr, which starts
// with "cronctl: " and here must contain `fragment`.
QString expectFailure(const CliRun &run, int exitCode, const QString &fragment)
{
    QStringList lines = run.err.split('\n');
    if (lines.constLast().isEmpty())
        lines.removeLast();
    QString problem;
    if (!run.finished || run.exitCode != exitCode)
        problem = QStringLiteral("expected exit status %1").arg(exitCode);
    else if (lines.size() != 1)
        problem = QStringLiteral("expected exactly one line on stderr, got %1").arg(lines.size());
    else if (!lines.constFirst().startsWith("cronctl: "))
        problem = "the stderr line does not start with \"cronctl: \"";
    else if (!lines.constFirst().contains(fragment))
        problem = QStringLiteral("the stderr line does not contain \"%1\"").arg(fragment);
    return problem.isEmpty() ? problem : problem + run.describe();
}

QString parseObject(const CliRun &run, QJsonObject *object)
{
    if (const QString problem = expectSuccess(run); !problem.isEmpty())
        return problem;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return QStringLiteral("stdout is not a JSON object (%1)").arg(error.errorString())
            + run.describe();
    *object = document.object();
    return {};
}

// The element of "cron_jobs" named `name`; empty when there is none.
QJsonObject jobIn(const QJsonObject &status, const QString &name)
{
    for (const QJsonValue &job : status.value("cron_jobs").toArray()) {
        if (job.toObject().value("nome").toString() == name)
            return job.toObject();
    }
    return {};
}

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// `value` must be an ISO-8601 UTC time ("…Z") within the tolerance of `expected`.
QString expectTimeNear(const QJsonValue &value, const QDateTime &expected, const QString &what)
{
    const QString text = value.toString();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!text.endsWith('Z') || !time.isValid())
        return QStringLiteral("%1 is not an ISO-8601 UTC time: %2")
            .arg(what, QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson()));
    const qint64 offBy = qAbs(time.secsTo(expected));
    if (offBy > toleranceSecs)
        return QStringLiteral("%1 is %2, expected about %3 (off by %4 s)")
            .arg(what, text, expected.toString(Qt::ISODate))
            .arg(offBy);
    return {};
}

QString osUser()
{
    const passwd *entry = getpwuid(geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(geteuid());
}

QString sql(Backend backend, const char *postgres, const char *sqlite)
{
    return QString::fromUtf8(backend == Backend::PostgreSQL ? postgres : sqlite);
}

// Every value of the first column of `query`, read on a connection of its own.
QStringList columnValues(const TestDatabase &db, const QString &query)
{
    const auto connection = db.connect("column");
    if (!connection)
        return {"(cannot connect)"};
    QSqlQuery q(connection->handle());
    if (!q.exec(query))
        return {QStringLiteral("(query failed: %1)").arg(q.lastError().text())};
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

// What a command could change: every job row, whole, and the size and end of the audit log.
QString snapshot(const TestDatabase &db)
{
    const auto connection = db.connect("snapshot");
    if (!connection)
        return "(cannot connect)";
    QSqlQuery q(connection->handle());
    if (!q.exec("SELECT COUNT(*), MAX(id) FROM tenant_logs") || !q.next())
        return QStringLiteral("(cannot read tenant_logs: %1)").arg(q.lastError().text());
    QStringList lines{QStringLiteral("tenant_logs: %1 rows, last id %2")
                          .arg(q.value(0).toString(), q.value(1).toString())};
    if (!q.exec("SELECT * FROM cron_jobs ORDER BY id"))
        return QStringLiteral("(cannot read cron_jobs: %1)").arg(q.lastError().text());
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields << q.record().fieldName(i) + '=' + q.value(i).toString();
        lines << fields.join(", ");
    }
    return lines.join('\n');
}

std::unique_ptr<TestDatabase> createDatabase(Backend backend, QString *problem, bool migrate = true)
{
    QString error;
    auto db = TestDatabase::create(backend, &error, migrate);
    if (!db)
        *problem = QStringLiteral("cannot create the %1 test database: %2")
                       .arg(TestDatabase::backendName(backend), error);
    return db;
}

void addBackendRows()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

} // namespace

class TestCronctl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void defaultDatabaseInEmptyHome();
    void fullCycle_data();
    void fullCycle();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void nameOfMaximumLength_data();
    void nameOfMaximumLength();
    void nameStartingWithDash_data();
    void nameStartingWithDash();
    void invalidDatabaseUrl_data();
    void invalidDatabaseUrl();
    void unreachablePostgres();
    void notAnSqliteDatabase_data();
    void notAnSqliteDatabase();
    void postgresWithoutSchema();
    void version();
    void help();
    void noArguments();
    void timesAcrossTimeZones_data();
    void timesAcrossTimeZones();

private:
    CliRun run(const QStringList &arguments) const;
    CliRun runOn(const TestDatabase &db, const QStringList &arguments) const
    {
        return run(QStringList{"--db", db.url()} + arguments);
    }
    QString readStatus(const TestDatabase &db, QJsonObject *status) const;
    QString readJob(const TestDatabase &db, const QString &name, QJsonObject *job) const;
    QString defaultDatabasePath() const
    {
        return m_home->filePath(".local/share/cron-console/cron-console.db");
    }

    std::unique_ptr<QTemporaryDir> m_home; // a new, empty HOME for every test row
    QProcessEnvironment m_environment; // the children's
};

void TestCronctl::initTestCase()
{
    const QFileInfo program(QStringLiteral(CRONCTL_PATH));
    QVERIFY2(program.isExecutable(),
        qPrintable(QStringLiteral("cronctl is not built at %1").arg(program.filePath())));
}

void TestCronctl::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_home->isValid(), qPrintable(m_home->errorString()));
    // The PG* variables stay, so postgresql:///name reaches the test server.
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert("HOME", m_home->path());
    m_environment.remove("XDG_DATA_HOME");
    m_environment.remove("CRON_CONSOLE_DB");
}

CliRun TestCronctl::run(const QStringList &arguments) const
{
    CliRun result;
    result.arguments = arguments;
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setWorkingDirectory(m_home->path());
    process.start(QStringLiteral(CRONCTL_PATH), arguments);
    if (process.waitForFinished(deadlineMs) && process.exitStatus() == QProcess::NormalExit) {
        result.finished = true;
        result.exitCode = process.exitCode();
    } else {
        result.processError = QStringLiteral("none (%1)").arg(process.errorString());
        process.kill();
        process.waitForFinished(deadlineMs);
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// "status --json" in the shape of the seed's GET /api/admin/sync-cron.
QString TestCronctl::readStatus(const TestDatabase &db, QJsonObject *status) const
{
    if (const QString problem = parseObject(runOn(db, {"status", "--json"}), status);
        !problem.isEmpty())
        return problem;
    if (status->value("success") != QJsonValue(true)
        || status->value("versao") != QJsonValue("persistente")
        || !status->value("cron_jobs").isArray())
        return "not the seed's status shape:\n" + toText(*status);
    return {};
}

QString TestCronctl::readJob(const TestDatabase &db, const QString &name, QJsonObject *job) const
{
    QJsonObject status;
    if (const QString problem = readStatus(db, &status); !problem.isEmpty())
        return problem;
    *job = jobIn(status, name);
    if (job->isEmpty())
        return QStringLiteral("no job \"%1\" in the status:\n%2").arg(name, toText(status));
    return {};
}

void TestCronctl::defaultDatabaseInEmptyHome()
{
    QVERIFY(!QFile::exists(defaultDatabasePath()));
    QJsonObject status;
    VERIFY_OK(parseObject(run({"status", "--json"}), &status));
    QCOMPARE(status.value("success"), QJsonValue(true));
    QCOMPARE(status.value("versao"), QJsonValue("persistente"));
    QVERIFY2(status.value("cron_jobs").isArray(), qPrintable(toText(status)));

    const QJsonObject job = jobIn(status, seedJob);
    QVERIFY2(!job.isEmpty(), qPrintable(toText(status)));
    QStringList keys = job.keys();
    keys.sort();
    QStringList expectedKeys{"nome", "descricao", "intervalo_horas", "ativo", "last_run",
        "next_run", "total_execucoes", "ultima_duracao_segundos", "ultimo_status",
        "deve_executar_agora", "status_descricao", "overdue"}; // the seed's, and issue 17's
    expectedKeys.sort();
    QCOMPARE(keys, expectedKeys);
    QVERIFY2(job.value("descricao").isString(), qPrintable(toText(job)));
    QCOMPARE(job.value("intervalo_horas"), QJsonValue(12));
    QCOMPARE(job.value("ativo"), QJsonValue(true));
    QCOMPARE(job.value("last_run"), QJsonValue(QJsonValue::Null));
    QCOMPARE(job.value("total_execucoes"), QJsonValue(0));
    QCOMPARE(job.value("ultima_duracao_segundos"), QJsonValue(QJsonValue::Null));
    QCOMPARE(job.value("ultimo_status"), QJsonValue(QJsonValue::Null));
    QCOMPARE(job.value("deve_executar_agora"), QJsonValue(true)); // never ran
    QVERIFY2(!job.value("status_descricao").toString().isEmpty(), qPrintable(toText(job)));

    // Created on first use, where the user's data lives, as an SQLite file.
    QVERIFY2(fileContents(defaultDatabasePath()).startsWith(QByteArray("SQLite format 3", 16)),
        qPrintable(QStringLiteral("no SQLite database at %1").arg(defaultDatabasePath())));
}

void TestCronctl::fullCycle_data()
{
    addBackendRows();
}

void TestCronctl::fullCycle()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem, /*migrate=*/false);
    if (!db)
        QFAIL(qPrintable(problem));
    const QString job1 = "job1";

    const CliRun firstMigrate = runOn(*db, {"migrate"});
    VERIFY_OK(expectSuccess(firstMigrate));
    QVERIFY2(firstMigrate.out.contains("applied "), qPrintable(firstMigrate.describe()));
    const CliRun secondMigrate = runOn(*db, {"migrate"});
    VERIFY_OK(expectSuccess(secondMigrate));
    QVERIFY2(!secondMigrate.out.contains("applied "), qPrintable(secondMigrate.describe()));

    VERIFY_OK(
        expectSuccess(runOn(*db, {"add", job1, "--description", "x", "--interval-hours", "3"})));
    QJsonObject job;
    VERIFY_OK(readJob(*db, job1, &job));
    QCOMPARE(job.value("descricao"), QJsonValue("x"));
    QCOMPARE(job.value("intervalo_horas"), QJsonValue(3));
    QCOMPARE(job.value("ativo"), QJsonValue(true));
    const CliRun table = runOn(*db, {"status"});
    VERIFY_OK(expectSuccess(table));
    QVERIFY2(table.out.contains(job1) && table.out.contains(seedJob), qPrintable(table.describe()));

    VERIFY_OK(expectSuccess(runOn(*db, {"set-interval", job1, "6"})));
    const QDateTime intervalSetAt = QDateTime::currentDateTimeUtc();
    VERIFY_OK(readJob(*db, job1, &job));
    QCOMPARE(job.value("intervalo_horas"), QJsonValue(6));
    VERIFY_OK(expectTimeNear(
        job.value("next_run"), intervalSetAt.addSecs(6 * 3600), "next_run after set-interval 6"));

    VERIFY_OK(expectSuccess(runOn(*db, {"disable", job1})));
    VERIFY_OK(readJob(*db, job1, &job));
    QCOMPARE(job.value("ativo"), QJsonValue(false));
    QCOMPARE(job.value("deve_executar_agora"), QJsonValue(false));
    const CliRun disableAgain = runOn(*db, {"disable", job1});
    VERIFY_OK(expectSuccess(disableAgain));
    QVERIFY2(disableAgain.out.contains("already"), qPrintable(disableAgain.describe()));
    VERIFY_OK(expectFailure(runOn(*db, {"run-now", job1}), 1, "disabled"));

    VERIFY_OK(expectSuccess(runOn(*db, {"enable", job1})));
    // As if it had run an hour ago: not due (next_run is 6 h away) until run-now.
    QVERIFY(db->exec(sql(backend,
        "UPDATE cron_jobs SET last_run = NOW() - INTERVAL '1 hour' WHERE nome = 'job1'",
        "UPDATE cron_jobs SET last_run = strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 hours') "
        "WHERE nome = 'job1'")));
    VERIFY_OK(readJob(*db, job1, &job));
    QCOMPARE(job.value("ativo"), QJsonValue(true));
    QCOMPARE(job.value("deve_executar_agora"), QJsonValue(false));
    VERIFY_OK(expectSuccess(runOn(*db, {"run-now", job1})));
    const QDateTime ranNowAt = QDateTime::currentDateTimeUtc();
    VERIFY_OK(readJob(*db, job1, &job));
    QCOMPARE(job.value("deve_executar_agora"), QJsonValue(true));
    VERIFY_OK(expectTimeNear(job.value("next_run"), ranNowAt, "next_run after run-now"));

    VERIFY_OK(expectSuccess(runOn(*db, {"reset", job1, "--reason", "test"})));
    VERIFY_OK(readJob(*db, job1, &job));
    QCOMPARE(job.value("ultimo_status"), QJsonValue("pending"));

    // The admin actions, newest first; the second disable changed nothing and wrote nothing.
    QJsonObject history;
    VERIFY_OK(parseObject(runOn(*db, {"history", job1, "--json"}), &history));
    QStringList actions;
    QDateTime previous;
    for (const QJsonValue &entry : history.value("historico").toArray()) {
        const QJsonObject row = entry.toObject();
        actions << row.value("acao").toString();
        QCOMPARE(row.value("job"), QJsonValue(job1));
        const QDateTime createdAt
            = QDateTime::fromString(row.value("created_at").toString(), Qt::ISODateWithMs);
        QVERIFY2(createdAt.isValid() && (!previous.isValid() || createdAt <= previous),
            qPrintable("history is not newest first:\n" + toText(history)));
        previous = createdAt;
    }
    QCOMPARE(actions,
        QStringList({"cron_admin_reset", "cron_admin_run_now", "cron_admin_enable",
            "cron_admin_disable", "cron_admin_update_interval", "cron_admin_add"}));

    // Who did the reset, and why.
    const QString detailsText
        = db->scalar(sql(backend,
                         "SELECT detalhes::text FROM tenant_logs WHERE acao = 'cron_admin_reset'",
                         "SELECT detalhes FROM tenant_logs WHERE acao = 'cron_admin_reset'"))
              .toString();
    const QJsonObject details = QJsonDocument::fromJson(detailsText.toUtf8()).object();
    QCOMPARE(details.value("reason"), QJsonValue("test"));
    const QString dbUser
        = backend == Backend::PostgreSQL ? db->scalar("SELECT current_user").toString() : osUser();
    QCOMPARE(details.value("db_user"), QJsonValue(dbUser));
    QCOMPARE(details.value("os_user"), QJsonValue(osUser()));
    QCOMPARE(details.value("host"), QJsonValue(QSysInfo::machineHostName()));
    QVERIFY2(details.value("client").toString().startsWith("cronctl "), qPrintable(detailsText));

    VERIFY_OK(expectSuccess(runOn(*db, {"remove", job1})));
    QJsonObject status;
    VERIFY_OK(readStatus(*db, &status));
    QVERIFY2(jobIn(status, job1).isEmpty(), qPrintable(toText(status)));
    QVERIFY2(!jobIn(status, seedJob).isEmpty(), qPrintable(toText(status)));

    // One audit row per real change, in order, and nothing else.
    QCOMPARE(db->scalar("SELECT COUNT(*) FROM tenant_logs").toInt(), 7);
    QCOMPARE(columnValues(*db, "SELECT acao FROM tenant_logs ORDER BY id"),
        QStringList({"cron_admin_add", "cron_admin_update_interval", "cron_admin_disable",
            "cron_admin_enable", "cron_admin_run_now", "cron_admin_reset", "cron_admin_remove"}));
}

void TestCronctl::badInputChangesNothing_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QString longName(101, 'n');
    struct Case {
        const char *tag;
        QStringList arguments;
        int exitCode;
        QString message;
    };
    const QList<Case> cases{
        {"unknown command", {"frobnicate"}, 2, "unknown command \"frobnicate\""},
        {"unknown option", {"status", "--bogus"}, 2, "status: Unknown option 'bogus'"},
        {"missing argument", {"enable"}, 2, "enable expects 1 argument(s), got 0"},
        {"missing hours", {"set-interval", seedJob}, 2, "expects 2 argument(s), got 1"},
        {"too many arguments", {"disable", seedJob, "extra"}, 2, "expects 1 argument(s), got 2"},
        {"interval abc", {"set-interval", seedJob, "abc"}, 2, "from 1 to 8760, not \"abc\""},
        {"interval 0", {"set-interval", seedJob, "0"}, 2, "from 1 to 8760, not 0"},
        {"interval 8761", {"set-interval", seedJob, "8761"}, 2, "from 1 to 8760, not 8761"},
        {"interval 1.5", {"set-interval", seedJob, "1.5"}, 2, "from 1 to 8760, not \"1.5\""},
        {"add interval 12h", {"add", "newjob", "--interval-hours", "12h"}, 2,
            "--interval-hours needs a whole number"},
        {"add interval 0", {"add", "newjob", "--interval-hours", "0"}, 2, "from 1 to 8760"},
        {"add 101-character name", {"add", longName}, 2, "has 101 characters; at most 100"},
        {"add empty name", {"add", ""}, 2, "must not be empty"},
        {"add existing name", {"add", seedJob}, 1, "already exists"},
        {"enable unknown job", {"enable", "nope"}, 2, "no job named \"nope\""},
        {"disable unknown job", {"disable", "nope"}, 2, "no job named \"nope\""},
        {"set-interval unknown job", {"set-interval", "nope", "5"}, 2, "no job named \"nope\""},
        {"reset unknown job", {"reset", "nope"}, 2, "no job named \"nope\""},
        {"run-now unknown job", {"run-now", "nope"}, 2, "no job named \"nope\""},
        {"remove unknown job", {"remove", "nope"}, 2, "no job named \"nope\""},
        {"history unknown job", {"history", "nope"}, 2, "no job named \"nope\""},
        {"history limit 0", {"history", seedJob, "--limit", "0"}, 2,
            "--limit needs a whole number from 1 to 10000"},
        {"history limit 10001", {"history", seedJob, "--limit", "10001"}, 2,
            "--limit needs a whole number from 1 to 10000"},
    };
    for (const Backend backend : {Backend::SQLite, Backend::PostgreSQL}) {
        for (const Case &c : cases) {
            QTest::addRow("%s: %s", qPrintable(TestDatabase::backendName(backend)), c.tag)
                << backend << c.arguments << c.exitCode << c.message;
        }
    }
}

void TestCronctl::badInputChangesNothing()
{
    QFETCH(Backend, backend);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    const QString before = snapshot(*db);
    QVERIFY2(before.contains(seedJob), qPrintable(before));

    VERIFY_OK(expectFailure(runOn(*db, arguments), exitCode, message));
    QCOMPARE(snapshot(*db), before);
}

void TestCronctl::nameOfMaximumLength_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<QString>("name");
    for (const Backend backend : {Backend::SQLite, Backend::PostgreSQL}) {
        const QByteArray backendName = TestDatabase::backendName(backend).toUtf8();
        QTest::addRow("%s: ascii", backendName.constData()) << backend << QString(100, 'n');
        QTest::addRow("%s: accented", backendName.constData())
            << backend << QString(100, QChar(0xe7));
        // 100 characters outside the BMP (200 UTF-16 units); VARCHAR(100) takes them.
        QTest::addRow("%s: emoji", backendName.constData())
            << backend << QString::fromUtf8("\xf0\x9f\x98\x80").repeated(100);
    }
}

void TestCronctl::nameOfMaximumLength()
{
    QFETCH(Backend, backend);
    QFETCH(QString, name);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    const int auditRows = db->scalar("SELECT COUNT(*) FROM tenant_logs").toInt();

    VERIFY_OK(expectSuccess(runOn(*db, {"add", name})));
    QJsonObject job;
    VERIFY_OK(readJob(*db, name, &job));
    QCOMPARE(job.value("intervalo_horas"), QJsonValue(12));
    QCOMPARE(db->scalar("SELECT COUNT(*) FROM tenant_logs").toInt(), auditRows + 1);
}

void TestCronctl::nameStartingWithDash_data()
{
    addBackendRows();
}

// A name the console and the platform accept may start with "-": cronctl read it as options
// ("Unknown options: n, i, g, h, t") with no hint (walk-through, issue 16). After -- it is a
// name, and the error says so.
void TestCronctl::nameStartingWithDash()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    VERIFY_OK(expectFailure(runOn(*db, {"add", "-nightly"}), 2, "goes after --"));
    QCOMPARE(db->scalar("SELECT COUNT(*) FROM cron_jobs WHERE nome = '-nightly'").toInt(), 0);
    VERIFY_OK(expectSuccess(runOn(*db, {"add", "--interval-hours", "3", "--", "-nightly"})));
    QJsonObject job;
    VERIFY_OK(readJob(*db, "-nightly", &job));
    QCOMPARE(job.value("intervalo_horas"), QJsonValue(3));
    VERIFY_OK(expectFailure(runOn(*db, {"disable", "-nightly"}), 2, "cronctl disable -- -name"));
    VERIFY_OK(expectSuccess(runOn(*db, {"disable", "--", "-nightly"})));
    QCOMPARE(db->scalar("SELECT ativo FROM cron_jobs WHERE nome = '-nightly'").toBool(), false);
}

void TestCronctl::invalidDatabaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("mysql") << "mysql://x"
                           << "unsupported database URL \"mysql://x\"";
    QTest::newRow("sqlite without a file") << "sqlite:"
                                           << "names no file";
    QTest::newRow("bad port") << "postgresql:///x?port=abc"
                              << "invalid port \"abc\"";
}

void TestCronctl::invalidDatabaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    VERIFY_OK(expectFailure(run({"--db", url, "status"}), 2, message));
    // It did not fall back to the default database either.
    QVERIFY2(!QFile::exists(defaultDatabasePath()), "the default database was created");
}

void TestCronctl::unreachablePostgres()
{
    const QString url = "postgresql://127.0.0.1:1/x?connect_timeout=3";
    VERIFY_OK(expectFailure(run({"--db", url, "status"}), 1, "cannot connect"));
    QVERIFY2(!QFile::exists(defaultDatabasePath()), "the default database was created");
}

void TestCronctl::notAnSqliteDatabase_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("status") << QStringList{"status"};
    QTest::newRow("migrate") << QStringList{"migrate"};
    QTest::newRow("add") << QStringList{"add", "job1"};
}

void TestCronctl::notAnSqliteDatabase()
{
    QFETCH(QStringList, arguments);
    const QString path = m_home->filePath("notes.db");
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 37 + 11) % 256));
    {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
        QCOMPARE(file.write(garbage), qint64(garbage.size()));
    }
    const QStringList before = QDir(m_home->path()).entryList(QDir::Files);

    VERIFY_OK(expectFailure(run(QStringList{"--db", "sqlite:" + path} + arguments), 1,
        QStringLiteral("cannot use %1 as a database: file is not a database").arg(path)));
    QVERIFY2(fileContents(path) == garbage, "the file was changed");
    QCOMPARE(QDir(m_home->path()).entryList(QDir::Files), before); // no -wal, -shm or -journal
}

void TestCronctl::postgresWithoutSchema()
{
    QString problem;
    const auto db = createDatabase(Backend::PostgreSQL, &problem, /*migrate=*/false);
    if (!db)
        QFAIL(qPrintable(problem));
    const QList<QStringList> commands{{"status"}, {"status", "--json"}, {"add", "job1"},
        {"enable", seedJob}, {"history", seedJob}};
    for (const QStringList &command : commands)
        VERIFY_OK(expectFailure(runOn(*db, command), 1, "run \"cronctl migrate\""));
    // A shared server's schema changes only through "cronctl migrate".
    QCOMPARE(db->scalar("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").toInt(), 0);

    VERIFY_OK(expectSuccess(runOn(*db, {"migrate"})));
    QJsonObject job;
    VERIFY_OK(readJob(*db, seedJob, &job));
}

void TestCronctl::version()
{
    for (const char *option : {"--version", "-v"}) {
        const CliRun result = run({option});
        VERIFY_OK(expectSuccess(result));
        static const QRegularExpression pattern("^cronctl \\d+\\.\\d+(\\.\\d+)?\\S*\\n$");
        QVERIFY2(pattern.match(result.out).hasMatch(), qPrintable(result.describe()));
    }
}

void TestCronctl::help()
{
    const CliRun result = run({"--help"});
    VERIFY_OK(expectSuccess(result));
    for (const QString &command : allCommands) {
        const QRegularExpression line(
            QStringLiteral("^  %1( |$)").arg(QRegularExpression::escape(command)),
            QRegularExpression::MultilineOption);
        QVERIFY2(line.match(result.out).hasMatch(),
            qPrintable(QStringLiteral("--help does not list %1").arg(command) + result.describe()));
    }
    const CliRun commandHelp = run({"set-interval", "--help"});
    VERIFY_OK(expectSuccess(commandHelp));
    QVERIFY2(
        commandHelp.out.contains("set-interval NAME HOURS"), qPrintable(commandHelp.describe()));
}

void TestCronctl::noArguments()
{
    // Exit status 2 is a failure, so the contract's one "cronctl: " line on stderr applies too.
    const CliRun result = run({});
    VERIFY_OK(expectFailure(result, 2, QString()));
    QVERIFY2(!QFile::exists(defaultDatabasePath()), "the default database was created");
}

void TestCronctl::timesAcrossTimeZones_data()
{
    addBackendRows();
}

void TestCronctl::timesAcrossTimeZones()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    m_environment.insert("TZ", "Asia/Tokyo");
    m_environment.remove("PGTZ");
    if (backend == Backend::PostgreSQL) {
        QVERIFY(db->exec(QStringLiteral("ALTER DATABASE %1 SET timezone = 'America/Sao_Paulo'")
                             .arg(db->spec().database)));
        // New sessions (cronctl's) get it.
        QCOMPARE(columnValues(*db, "SHOW timezone"), QStringList{"America/Sao_Paulo"});
    }

    const CliRun setInterval = runOn(*db, {"set-interval", seedJob, "7"});
    const QDateTime setAt = QDateTime::currentDateTimeUtc();
    VERIFY_OK(expectSuccess(setInterval));
    QJsonObject job;
    VERIFY_OK(readJob(*db, seedJob, &job));
    VERIFY_OK(expectTimeNear(
        job.value("next_run"), setAt.addSecs(7 * 3600), "next_run after set-interval 7"));
    // People read the time in their own zone (Tokyo, UTC+9, no daylight saving time).
    static const QRegularExpression printed("next run (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)");
    const QRegularExpressionMatch match = printed.match(setInterval.out);
    QVERIFY2(match.hasMatch(), qPrintable(setInterval.describe()));
    const QDateTime local = QDateTime::fromString(match.captured(1), "yyyy-MM-dd HH:mm:ss");
    const QDateTime printedTime(local.date(), local.time(), QTimeZone(9 * 3600));
    VERIFY_OK(expectTimeNear(printedTime.toUTC().toString(Qt::ISODate), setAt.addSecs(7 * 3600),
        "the next run printed by set-interval"));

    VERIFY_OK(expectSuccess(runOn(*db, {"run-now", seedJob})));
    const QDateTime ranAt = QDateTime::currentDateTimeUtc();
    VERIFY_OK(readJob(*db, seedJob, &job));
    VERIFY_OK(expectTimeNear(job.value("next_run"), ranAt, "next_run after run-now"));

    QJsonObject history;
    VERIFY_OK(parseObject(runOn(*db, {"history", seedJob, "--json", "--limit", "1"}), &history));
    const QJsonArray rows = history.value("historico").toArray();
    QVERIFY2(!rows.isEmpty(), qPrintable(toText(history)));
    const QJsonObject newest = rows.first().toObject();
    QCOMPARE(newest.value("acao"), QJsonValue("cron_admin_run_now"));
    VERIFY_OK(
        expectTimeNear(newest.value("created_at"), ranAt, "created_at of the run-now audit row"));
}

QTEST_GUILESS_MAIN(TestCronctl)

#include "tst_cronctl.moc"
