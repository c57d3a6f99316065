// CSV export of cron history: what a standard CSV reader gets back (hostile content, both
// delimiters, with and without BOM), byte identity with psql's \copy, filters across time zones,
// cancellation and failure leaving no file, and cronctl export-history as a process.
#include "core/db/database.h"
#include "core/export/csvwriter.h"
#include "core/export/exportjob.h"
#include "core/export/historyexporter.h"
#include "core/store/auditwriter.h"
#include "support/testdatabase.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

Q_DECLARE_METATYPE(Backend)

namespace {

constexpr int deadlineMs = 60000;

void addBackendRows()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

// What Python's csv module read from a file.
struct CsvRead {
    QString problem; // empty when the file was read
    bool bom = false;
    QStringList header;
    QList<QStringList> rows;
};

CsvRead readWithPython(const QString &path, char delimiter)
{
    CsvRead result;
    QProcess python;
    python.start(QStringLiteral("python3"),
        {QStringLiteral(CRON_SOURCE_DIR "/tests/tools/read_csv.py"), path,
            QString(QLatin1Char(delimiter))});
    if (!python.waitForFinished(deadlineMs) || python.exitStatus() != QProcess::NormalExit
        || python.exitCode() != 0) {
        result.problem
            = QStringLiteral("read_csv.py failed (%1): %2")
                  .arg(python.errorString(), QString::fromUtf8(python.readAllStandardError()));
        return result;
    }
    QJsonParseError error;
    const QJsonObject summary
        = QJsonDocument::fromJson(python.readAllStandardOutput(), &error).object();
    if (error.error != QJsonParseError::NoError) {
        result.problem = QStringLiteral("read_csv.py printed no JSON: ") + error.errorString();
        return result;
    }
    result.bom = summary.value("bom").toBool();
    for (const QJsonValue &cell : summary.value("header").toArray())
        result.header << cell.toString();
    for (const QJsonValue &row : summary.value("rows").toArray()) {
        QStringList cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cell.toString();
        result.rows << cells;
    }
    return result;
}

#define VERIFY_OK(check)                                                                           \
    do {                                                                                           \
        const QString problem_ = (check);                                                          \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

// One cron history row as inserted.
struct Inserted {
    QString action;
    QJsonObject details;
    QString job; // what the job rule must give
};

// Hostile text everywhere a value can go: quotes, both delimiters, CR/LF, non-ASCII, emoji.
QList<Inserted> hostileRows()
{
    const QString nasty = QStringLiteral("\"aspas\", ;; ,, linha1\nlinha2\r\nfim ção 日本 😀");
    QList<Inserted> rows;
    rows << Inserted{"cron_job_success",
        QJsonObject{{"job", "job \"quoted\", semi;colon"}, {"status", "success"},
            {"duracao_segundos", 12.5}, {"runner", "host;a,\"b\":1"},
            {"resultado", QJsonObject{{"mensagem", nasty}, {"total", 3}}}},
        "job \"quoted\", semi;colon"};
    rows << Inserted{"cron_job_error",
        QJsonObject{{"job", "quebra\r\nde linha\n"}, {"status", "error"}, {"duracao_segundos", 3},
            {"runner", "r1"}, {"erro", nasty}},
        "quebra\r\nde linha\n"};
    rows << Inserted{"cron_admin_enable",
        QJsonObject{{"job", "ação 日本 🚀"}, {"action", "enable"}, {"db_user", "maria;\"adm\""},
            {"before", QJsonObject{{"ativo", false}}}, {"after", QJsonObject{{"ativo", true}}}},
        "ação 日本 🚀"};
    // The seed's web platform: no "job" key, belongs to sgp_sync_inteligente.
    rows << Inserted{"sync_automatico_persistente",
        QJsonObject{{"total_provedores", 3}, {"obs", "a,b;c\nd"}}, "sgp_sync_inteligente"};
    return rows;
}

QString insertRows(Database &database, const QList<Inserted> &rows)
{
    for (const Inserted &row : rows) {
        if (const Status status = AuditWriter::insert(database, row.action, row.details); !status)
            return status.error().message;
        // Other tenant activity between the cron rows, never exported.
        if (const Status status = AuditWriter::insert(database, "login",
                {{"user", "maria"}, {"job", "not cron"}, {"obs", "cron_job_success"}});
            !status)
            return status.error().message;
    }
    return {};
}

QString optionalText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isString())
        return value.toString();
    return QString::number(value.toDouble());
}

// The reader's rows must be exactly `expected`, newest (last inserted) first.
QString compareRows(const CsvRead &read, const QList<Inserted> &expected)
{
    if (!read.problem.isEmpty())
        return read.problem;
    if (read.header != HistoryExporter::columnNames())
        return "header is " + read.header.join('|');
    if (read.rows.size() != expected.size())
        return QStringLiteral("%1 rows, expected %2").arg(read.rows.size()).arg(expected.size());
    static const QRegularExpression iso(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$)");
    qint64 previousId = std::numeric_limits<qint64>::max();
    for (int i = 0; i < read.rows.size(); ++i) {
        const QStringList &row = read.rows[i];
        const Inserted &want = expected[expected.size() - 1 - i];
        const QString where = QStringLiteral("row %1: ").arg(i);
        if (row.size() != 9)
            return where + QStringLiteral("%1 fields").arg(row.size());
        const qint64 id = row[0].toLongLong();
        if (id <= 0 || id >= previousId)
            return where + "ids are not newest first: " + row[0];
        previousId = id;
        if (!iso.match(row[1]).hasMatch())
            return where + "created_at is not ISO-8601 with offset: " + row[1];
        const QDateTime created = QDateTime::fromString(row[1], Qt::ISODateWithMs);
        if (qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) > 120)
            return where + "created_at is not now: " + row[1];
        const QStringList wanted{want.action, want.job, optionalText(want.details.value("status")),
            optionalText(want.details.value("duracao_segundos")),
            optionalText(want.details.value("runner")),
            optionalText(want.details.value("db_user"))};
        const QStringList got = row.mid(2, 6);
        if (got != wanted)
            return where + "got [" + got.join("] [") + "], expected [" + wanted.join("] [") + "]";
        QJsonParseError error;
        const QJsonDocument details = QJsonDocument::fromJson(row[8].toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || details.object() != want.details)
            return where + "detalhes differ: " + row[8];
        // One line: jsonb's text on PostgreSQL, SQLite's minified json() (line breaks inside
        // strings stay escaped).
        if (row[8].contains('\n') || row[8].contains('\r'))
            return where + "detalhes is not one line: " + row[8];
    }
    return {};
}

std::unique_ptr<TestDatabase> createDatabase(Backend backend, QString *problem)
{
    QString error;
    auto db = TestDatabase::create(backend, &error);
    if (!db)
        *problem = QStringLiteral("cannot create the %1 test database: %2")
                       .arg(TestDatabase::backendName(backend), error);
    return db;
}

// `count` plain cron rows, written in one statement.
bool insertMany(const TestDatabase &db, int count)
{
    if (db.spec().backend == Backend::PostgreSQL)
        return db.exec(
            QStringLiteral("INSERT INTO tenant_logs (acao, detalhes) SELECT 'cron_job_success', "
                           "jsonb_build_object('job', 'job_' || (i % 7), 'status', 'success', "
                           "'duracao_segundos', i, 'runner', 'r', 'texto', repeat('x', 200)) "
                           "FROM generate_series(1, %1) AS i")
                .arg(count));
    return db.exec(QStringLiteral(
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %1) "
        "INSERT INTO tenant_logs (acao, detalhes) SELECT 'cron_job_success', "
        "json_object('job', 'job_' || (i % 7), 'status', 'success', 'duracao_segundos', i, "
        "'runner', 'r', 'texto', hex(zeroblob(100))) FROM s")
                       .arg(count));
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// What one cronctl run did.
struct CliRun {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QString err;
    QString describe(const QStringList &arguments) const
    {
        return QStringLiteral("\n  cronctl %1\n  exit %2\n  stdout: %3\n  stderr: %4")
            .arg(arguments.join(' '))
            .arg(finished ? exitCode : -1)
            .arg(QString::fromUtf8(out.left(2000)), err);
    }
};

CliRun runCronctl(const QStringList &arguments, const QProcessEnvironment &environment)
{
    CliRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CRONCTL_PATH), arguments);
    if (process.waitForFinished(deadlineMs) && process.exitStatus() == QProcess::NormalExit) {
        result.finished = true;
        result.exitCode = process.exitCode();
    } else {
        process.kill();
        process.waitForFinished(deadlineMs);
    }
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestHistoryExport : public QObject {
    Q_OBJECT

private slots:
    void csvWriterQuotes_data();
    void csvWriterQuotes();
    void readBackHostileContent_data();
    void readBackHostileContent();
    void postgresMatchesPsqlCopy_data();
    void postgresMatchesPsqlCopy();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void cancelKeepsConnectionUsable_data();
    void cancelKeepsConnectionUsable();
    void failureLeavesNoFile_data();
    void failureLeavesNoFile();
    void brokenConnectionLeavesNoFile();
    void runsOnThreadPool_data();
    void runsOnThreadPool();
    void filtersAcrossTimeZones_data();
    void filtersAcrossTimeZones();
    void cronctlRejectsBadValues_data();
    void cronctlRejectsBadValues();
    void cronctlExports_data();
    void cronctlExports();

private:
    QProcessEnvironment cliEnvironment(const QTemporaryDir &home) const;
};

QProcessEnvironment TestHistoryExport::cliEnvironment(const QTemporaryDir &home) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("HOME", home.path());
    environment.remove("XDG_DATA_HOME");
    environment.remove("CRON_CONSOLE_DB");
    environment.remove("PGTZ");
    return environment;
}

void TestHistoryExport::csvWriterQuotes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << "abc" << ',' << QByteArray("abc");
    QTest::newRow("comma") << "a,b" << ',' << QByteArray("\"a,b\"");
    QTest::newRow("comma with ;") << "a,b" << ';' << QByteArray("a,b");
    QTest::newRow("semicolon with ;") << "a;b" << ';' << QByteArray("\"a;b\"");
    QTest::newRow("quotes") << "say \"hi\"" << ',' << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("CR") << "a\rb" << ',' << QByteArray("\"a\rb\"");
    QTest::newRow("LF") << "a\nb" << ';' << QByteArray("\"a\nb\"");
    QTest::newRow("empty") << "" << ',' << QByteArray("\"\"");
    QTest::newRow("utf-8") << "ção 日本 😀" << ',' << QString("ção 日本 😀").toUtf8();
}

void TestHistoryExport::csvWriterQuotes()
{
    QFETCH(QString, value);
    QFETCH(char, delimiter);
    QFETCH(QByteArray, expected);
    CsvWriter writer(delimiter);
    writer.addField(value);
    writer.addField(QString());
    writer.endRow();
    QCOMPARE(writer.buffer(), expected + delimiter + "\r\n");
}

void TestHistoryExport::readBackHostileContent_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<bool>("bom");
    for (const Backend backend : {Backend::SQLite, Backend::PostgreSQL}) {
        for (const char delimiter : {',', ';'}) {
            for (const bool bom : {false, true}) {
                QTest::addRow("%s %c%s", qPrintable(TestDatabase::backendName(backend)), delimiter,
                    bom ? " bom" : "")
                    << backend << delimiter << bom;
            }
        }
    }
}

void TestHistoryExport::readBackHostileContent()
{
    QFETCH(Backend, backend);
    QFETCH(char, delimiter);
    QFETCH(bool, bom);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    const auto connection = db->connect();
    QVERIFY(connection);
    VERIFY_OK(insertRows(*connection, hostileRows()));

    QTemporaryDir dir;
    const QString path = dir.filePath("export.csv");
    HistoryExporter exporter(*connection);
    HistoryExporter::Options options;
    options.delimiter = delimiter;
    options.byteOrderMark = bom;
    const auto summary = exporter.exportToFile(path, options);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary->rows, qint64(hostileRows().size()));
    QCOMPARE(summary->bytes, QFileInfo(path).size());
    QCOMPARE(contents(path).startsWith("\xEF\xBB\xBF"), bom);

    const CsvRead read = readWithPython(path, delimiter);
    QCOMPARE(read.bom, bom);
    VERIFY_OK(compareRows(read, hostileRows()));
}

void TestHistoryExport::postgresMatchesPsqlCopy_data()
{
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<QString>("job");
    QTest::newRow("all ,") << ',' << QString();
    QTest::newRow("all ;") << ';' << QString();
    QTest::newRow("one job, quoted name") << ',' << "job \"quoted\", semi;colon";
}

void TestHistoryExport::postgresMatchesPsqlCopy()
{
    QFETCH(char, delimiter);
    QFETCH(QString, job);
    QString problem;
    const auto db = createDatabase(Backend::PostgreSQL, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    const auto connection = db->connect();
    QVERIFY(connection);
    VERIFY_OK(insertRows(*connection, hostileRows()));
    QVERIFY(insertMany(*db, 500));

    HistoryExporter exporter(*connection);
    HistoryExporter::Options options;
    options.delimiter = delimiter;
    options.filter.job = job;
    QBuffer ours;
    QVERIFY(ours.open(QIODevice::WriteOnly));
    const auto summary = exporter.exportTo(ours, options);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary->rows, job.isEmpty() ? qint64(504) : qint64(1));

    const auto select = exporter.postgresSelect(options.filter);
    QVERIFY(select.ok());
    QVERIFY(!select->contains('\n'));
    QProcess psql;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("PGDATABASE", db->spec().database);
    environment.insert("PGCLIENTENCODING", "UTF8");
    environment.remove("PGTZ");
    psql.setProcessEnvironment(environment);
    psql.start("psql",
        {"-X", "-v", "ON_ERROR_STOP=1", "-c",
            QStringLiteral("\\copy (%1) to STDOUT with (format csv, header, "
                           "delimiter '%2')")
                .arg(*select, QString(QLatin1Char(delimiter)))});
    QVERIFY(psql.waitForFinished(deadlineMs));
    QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());
    const QByteArray theirs = psql.readAllStandardOutput();
    QVERIFY(theirs.size() > 100);
    QCOMPARE(ours.data().size(), theirs.size());
    QVERIFY(ours.data() == theirs);
}

void TestHistoryExport::cancelLeavesNoFile_data()
{
    addBackendRows();
}

void TestHistoryExport::cancelLeavesNoFile()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(insertMany(*db, 3000));
    QTemporaryDir dir;
    const QString target = dir.filePath("history.csv");
    {
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("an older export\n");
    }
    HistoryExporter::Options options;
    options.progressEveryRows = 100;
    ExportJob job(db->spec(), target, options);
    QSignalSpy progress(&job, &ExportJob::progress);
    QSignalSpy finished(&job, &ExportJob::finished);
    QSignalSpy failed(&job, &ExportJob::failed);
    QSignalSpy cancelled(&job, &ExportJob::cancelled);
    // Cancel as soon as the first rows are reported; run() here runs in this thread.
    connect(
        &job, &ExportJob::progress, &job, [&job] { job.cancel(); }, Qt::DirectConnection);
    job.run();
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(progress.size(), 1);
    QCOMPARE(progress.first().at(0).toLongLong(), qint64(100));
    QCOMPARE(contents(target), QByteArray("an older export\n"));
    QCOMPARE(entries(dir.path()), QStringList{"history.csv"});

    // Without the target: nothing at all is left.
    QVERIFY(QFile::remove(target));
    ExportJob second(db->spec(), target, options);
    QSignalSpy secondCancelled(&second, &ExportJob::cancelled);
    connect(
        &second, &ExportJob::progress, &second, [&second] { second.cancel(); },
        Qt::DirectConnection);
    second.run();
    QCOMPARE(secondCancelled.size(), 1);
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestHistoryExport::cancelKeepsConnectionUsable_data()
{
    addBackendRows();
}

void TestHistoryExport::cancelKeepsConnectionUsable()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(insertMany(*db, 20000));
    const auto connection = db->connect();
    QVERIFY(connection);
    std::atomic<bool> cancel{false};
    HistoryExporter exporter(*connection);
    exporter.setCancelFlag(&cancel);
    qint64 reports = 0;
    exporter.setProgressCallback([&](qint64, qint64) {
        ++reports;
        cancel = true;
    });
    HistoryExporter::Options options;
    options.progressEveryRows = 10;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const auto summary = exporter.exportTo(buffer, options);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QVERIFY(summary->cancelled);
    QCOMPARE(reports, 1);
    QCOMPARE(summary->rows, qint64(10));
    QVERIFY(buffer.data().size() < 64 * 1024 + 4096); // stopped at the first chunk
    // The same connection answers at once, and a second export runs to the end.
    QSqlQuery query(connection->handle());
    QVERIFY2(query.exec("SELECT COUNT(*) FROM tenant_logs") && query.next(),
        qPrintable(query.lastError().text()));
    QCOMPARE(query.value(0).toInt(), 20000);
    query.finish();
    cancel = false;
    exporter.setProgressCallback({});
    QBuffer again;
    QVERIFY(again.open(QIODevice::WriteOnly));
    const auto complete = exporter.exportTo(again, options);
    QVERIFY(complete.ok());
    QVERIFY(!complete->cancelled);
    QCOMPARE(complete->rows, qint64(20000));
}

void TestHistoryExport::failureLeavesNoFile_data()
{
    addBackendRows();
}

void TestHistoryExport::failureLeavesNoFile()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(insertMany(*db, 10));
    // Tests run as root, so permissions cannot make a folder unwritable; a path under a regular
    // file cannot be created by anybody.
    QTemporaryDir dir;
    {
        QFile regular(dir.filePath("regular"));
        QVERIFY(regular.open(QIODevice::WriteOnly));
    }
    const QString target = dir.filePath("regular/history.csv");
    ExportJob job(db->spec(), target, {});
    QSignalSpy finished(&job, &ExportJob::finished);
    QSignalSpy failed(&job, &ExportJob::failed);
    job.run();
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 1);
    const Error error = failed.first().at(0).value<Error>();
    QVERIFY2(error.message.contains("history.csv"), qPrintable(error.message));
    QCOMPARE(entries(dir.path()), QStringList{"regular"});
    QCOMPARE(QFileInfo(dir.filePath("regular")).size(), 0);
}

void TestHistoryExport::brokenConnectionLeavesNoFile()
{
    // The server ends the export's session in the middle of the COPY.
    QString problem;
    const auto db = createDatabase(Backend::PostgreSQL, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(insertMany(*db, 50000));
    QTemporaryDir dir;
    const QString target = dir.filePath("history.csv");
    {
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
    }
    HistoryExporter::Options options;
    options.progressEveryRows = 100;
    ExportJob job(db->spec(), target, options);
    QSignalSpy finished(&job, &ExportJob::finished);
    QSignalSpy failed(&job, &ExportJob::failed);
    QSignalSpy cancelled(&job, &ExportJob::cancelled);
    bool terminated = false;
    QStringList sessions;
    connect(
        &job, &ExportJob::progress, &job,
        [&] {
            if (terminated)
                return;
            sessions << db->scalar("SELECT string_agg(application_name || ':' || state, ',') FROM "
                                   "pg_stat_activity WHERE datname = current_database()")
                            .toString();
            terminated = db->scalar("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM "
                                    "pg_stat_activity WHERE datname = current_database() AND "
                                    "application_name LIKE '%/export'")
                             .toInt()
                == 1;
        },
        Qt::DirectConnection);
    job.run();
    QVERIFY2(terminated, qPrintable(sessions.join(" | ")));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(cancelled.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(contents(target), QByteArray("keep me"));
    QCOMPARE(entries(dir.path()), QStringList{"history.csv"});
}

void TestHistoryExport::runsOnThreadPool_data()
{
    addBackendRows();
}

void TestHistoryExport::runsOnThreadPool()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(insertMany(*db, 1200));
    QTemporaryDir dir;
    const QString target = dir.filePath("pool.csv");
    HistoryExporter::Options options;
    options.progressEveryRows = 500;
    options.delimiter = ';';
    ExportJob job(db->spec(), target, options);
    QSignalSpy progress(&job, &ExportJob::progress);
    QSignalSpy finished(&job, &ExportJob::finished);
    QThreadPool pool;
    pool.start(&job);
    QVERIFY(pool.waitForDone(deadlineMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toLongLong(), qint64(1200));
    QCOMPARE(progress.size(), 3); // 500, 1000 and the end
    QVERIFY(progress.last().at(1).toDouble() > 0);
    const CsvRead read = readWithPython(target, ';');
    VERIFY_OK(read.problem);
    QCOMPARE(read.rows.size(), 1200);
    QCOMPARE(entries(dir.path()), QStringList{"pool.csv"});
}

void TestHistoryExport::filtersAcrossTimeZones_data()
{
    addBackendRows();
}

void TestHistoryExport::filtersAcrossTimeZones()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    if (backend == Backend::PostgreSQL) {
        // The server session's wall time (UTC-3) is what TIMESTAMP columns hold.
        QVERIFY(db->exec(QStringLiteral("ALTER DATABASE %1 SET timezone = 'America/Sao_Paulo'")
                             .arg(db->spec().database)));
    }
    const auto connection = db->connect();
    QVERIFY(connection);
    const QDateTime t0 = QDateTime::fromString("2025-01-22T00:30:00Z", Qt::ISODate);
    // (action, job, minutes after t0, marker)
    struct Row {
        const char *action;
        const char *job;
        int minutes;
    };
    const QList<Row> rows{{"cron_job_success", "alpha", 0}, {"cron_job_success", "alpha", 60},
        {"cron_job_error", "alpha", 120}, {"cron_job_success", "beta", 60},
        {"cron_job_error", "beta", 61}};
    {
        QSqlQuery insert(connection->handle());
        QVERIFY(insert.prepare(
            QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) "
                           "VALUES (?, %1, %2)")
                .arg(connection->dialect().json("?"), connection->dialect().fromEpoch("?"))));
        for (const Row &row : rows) {
            insert.addBindValue(QString::fromUtf8(row.action));
            insert.addBindValue(QString::fromUtf8(QJsonDocument(
                QJsonObject{{"job", row.job}, {"status", "x"}, {"runner", "r"},
                    {"minute", row.minutes}}).toJson(QJsonDocument::Compact)));
            insert.addBindValue(t0.addSecs(row.minutes * 60).toSecsSinceEpoch());
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
    }
    if (backend == Backend::PostgreSQL) // stored as São Paulo wall time
        QCOMPARE(db->scalar("SELECT MIN(created_at)::text FROM tenant_logs").toString(),
            QStringLiteral("2025-01-21 21:30:00"));

    // The created_at column and each filter, through the library.
    QTemporaryDir dir;
    const QString path = dir.filePath("f.csv");
    auto exportWith = [&](const HistoryFilter &filter) -> QList<QStringList> {
        HistoryExporter exporter(*connection);
        HistoryExporter::Options options;
        options.filter = filter;
        const auto summary = exporter.exportToFile(path, options);
        if (!summary)
            return {{"export failed: " + summary.error().message}};
        const CsvRead read = readWithPython(path, ',');
        if (!read.problem.isEmpty())
            return {{read.problem}};
        return read.rows;
    };
    auto minutes = [](const QList<QStringList> &rows) {
        QStringList out;
        for (const QStringList &row : rows)
            out << (row.size() == 9 ? row[3] + QLatin1Char('@') + row[1] : row.join(' '));
        return out;
    };
    HistoryFilter filter;
    filter.job = "alpha";
    QCOMPARE(minutes(exportWith(filter)),
        QStringList({"alpha@2025-01-22T02:30:00.000+00:00", "alpha@2025-01-22T01:30:00.000+00:00",
            "alpha@2025-01-22T00:30:00.000+00:00"}));
    filter.since = t0.addSecs(3600); // inclusive
    filter.until = t0.addSecs(7200); // exclusive
    QCOMPARE(minutes(exportWith(filter)), QStringList{"alpha@2025-01-22T01:30:00.000+00:00"});
    filter = {};
    filter.action = "cron_job_error";
    QCOMPARE(minutes(exportWith(filter)),
        QStringList({"alpha@2025-01-22T02:30:00.000+00:00", "beta@2025-01-22T01:31:00.000+00:00"}));
    filter = {};
    filter.since = t0.addSecs(61 * 60);
    QCOMPARE(minutes(exportWith(filter)),
        QStringList({"alpha@2025-01-22T02:30:00.000+00:00", "beta@2025-01-22T01:31:00.000+00:00"}));
    filter = {};
    filter.text = "BeTa"; // case-insensitive, in the details
    QCOMPARE(minutes(exportWith(filter)),
        QStringList({"beta@2025-01-22T01:31:00.000+00:00", "beta@2025-01-22T01:30:00.000+00:00"}));

    // cronctl in Tokyo (UTC+9): times without an offset are the user's local time.
    QTemporaryDir home;
    QProcessEnvironment environment = cliEnvironment(home);
    environment.insert("TZ", "Asia/Tokyo");
    struct Case {
        QStringList arguments;
        QStringList expected;
    };
    const QList<Case> cases{
        {{"--job", "alpha", "--since", "2025-01-22T10:30:00", "--until", "2025-01-22T11:30"},
            {"alpha@2025-01-22T01:30:00.000+00:00"}},
        {{"--job", "alpha", "--since", "2025-01-22T01:30:00Z", "--until",
             "2025-01-22T02:30:00.000+00:00"},
            {"alpha@2025-01-22T01:30:00.000+00:00"}},
        {{"--job", "alpha", "--since", "2025-01-21 21:30:00-03:00", "--until", "2025-01-22"},
            {"alpha@2025-01-22T02:30:00.000+00:00", "alpha@2025-01-22T01:30:00.000+00:00",
                "alpha@2025-01-22T00:30:00.000+00:00"}},
        {{"--action", "cron_job_success", "--until", "2025-01-22T10:30:00"},
            {"alpha@2025-01-22T00:30:00.000+00:00"}},
        {{"--action", "cron_job_success", "--since", "2025-01-23"}, {}},
        {{"--job", "beta", "--since", "2025-01-22", "--until", "2025-01-22"},
            {"beta@2025-01-22T01:31:00.000+00:00", "beta@2025-01-22T01:30:00.000+00:00"}},
    };
    for (const Case &c : cases) {
        const QStringList arguments
            = QStringList{"--db", db->url(), "export-history", "--output", path} + c.arguments;
        QFile::remove(path);
        const CliRun run = runCronctl(arguments, environment);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe(arguments)));
        const CsvRead read = readWithPython(path, ',');
        VERIFY_OK(read.problem);
        QCOMPARE(minutes(read.rows), c.expected);
    }
}

void TestHistoryExport::cronctlRejectsBadValues_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");
    for (const Backend backend : {Backend::SQLite, Backend::PostgreSQL}) {
        const QByteArray name = TestDatabase::backendName(backend).toUtf8();
        auto row = [&](const char *what) -> QTestData & {
            return QTest::addRow("%s %s", name.data(), what);
        };
        row("bad since") << backend << QStringList{"--since", "yesterday"} << "--since";
        row("bad until date") << backend << QStringList{"--until", "2025-13-01"} << "--until";
        row("half a time") << backend << QStringList{"--since", "2025-01-22T10"} << "--since";
        row("bad delimiter") << backend << QStringList{"--delimiter", "|"} << "--delimiter";
        row("tab delimiter") << backend << QStringList{"--delimiter", "\t"} << "--delimiter";
        row("since after until") << backend
                                 << QStringList{"--since", "2025-02-01", "--until", "2025-01-01"}
                                 << "before";
        row("unknown job") << backend << QStringList{"--job", "nao_existe"} << "nao_existe";
        row("empty job") << backend << QStringList{"--job", ""} << "--job";
        row("unknown option") << backend << QStringList{"--format", "xlsx"} << "format";
        row("positional") << backend << QStringList{"sgp_sync_inteligente"} << "argument";
    }
}

void TestHistoryExport::cronctlRejectsBadValues()
{
    QFETCH(Backend, backend);
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QTemporaryDir home;
    const QString path = home.filePath("out.csv");
    const QStringList full
        = QStringList{"--db", db->url(), "export-history", "--output", path} + arguments;
    const CliRun run = runCronctl(full, cliEnvironment(home));
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe(full)));
    QStringList lines = run.err.split('\n');
    if (lines.constLast().isEmpty())
        lines.removeLast();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith("cronctl: ") && lines.first().contains(fragment),
        qPrintable(run.describe(full)));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(path));
    // Also nothing on stdout when stdout is the target.
    const QStringList toStdout = QStringList{"--db", db->url(), "export-history"} + arguments;
    const CliRun second = runCronctl(toStdout, cliEnvironment(home));
    QCOMPARE(second.exitCode, 2);
    QVERIFY(second.out.isEmpty());
}

void TestHistoryExport::cronctlExports_data()
{
    addBackendRows();
}

void TestHistoryExport::cronctlExports()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    {
        const auto connection = db->connect();
        QVERIFY(connection);
        VERIFY_OK(insertRows(*connection, hostileRows()));
    }
    QTemporaryDir home;
    const QProcessEnvironment environment = cliEnvironment(home);

    // Standard output by default, with a header and the rows.
    const QStringList plain{"--db", db->url(), "export-history"};
    const CliRun toStdout = runCronctl(plain, environment);
    QVERIFY2(toStdout.finished && toStdout.exitCode == 0, qPrintable(toStdout.describe(plain)));
    QVERIFY(toStdout.err.isEmpty());
    QVERIFY2(toStdout.out.startsWith("id,created_at,acao,job,status,duracao_segundos,runner,"
                                     "db_user,detalhes"),
        toStdout.out.left(200).constData());
    const QString copied = home.filePath("stdout.csv");
    {
        QFile file(copied);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(toStdout.out);
    }
    VERIFY_OK(compareRows(readWithPython(copied, ','), hostileRows()));

    // A file, ';' and a BOM, for a job whose name needs quoting; an existing file is replaced.
    const QString path = home.filePath("sub dir/história.csv");
    QVERIFY(QDir().mkpath(home.filePath("sub dir")));
    {
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old");
    }
    const QStringList toFile{"--db", db->url(), "export-history", "--job",
        "job \"quoted\", semi;colon", "--output", path, "--delimiter", ";", "--bom"};
    const CliRun run = runCronctl(toFile, environment);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe(toFile)));
    QVERIFY2(
        QString::fromUtf8(run.out).contains("exported 1 row"), qPrintable(run.describe(toFile)));
    const CsvRead read = readWithPython(path, ';');
    QVERIFY(read.bom);
    VERIFY_OK(compareRows(read, {hostileRows().first()}));
    QCOMPARE(entries(home.filePath("sub dir")), QStringList{"história.csv"});

    // A removed job's history is still exportable by name.
    const QStringList legacy{"--db", db->url(), "export-history", "--job", "ação 日本 🚀"};
    const CliRun removed = runCronctl(legacy, environment);
    QVERIFY2(removed.finished && removed.exitCode == 0, qPrintable(removed.describe(legacy)));
    QCOMPARE(removed.out.count('\n'), 2);

    // An output path that cannot be created: exit 2, one line, nothing written.
    const QStringList bad{
        "--db", db->url(), "export-history", "--output", path + "/below-a-file.csv"};
    const CliRun failed = runCronctl(bad, environment);
    QVERIFY2(failed.finished && failed.exitCode == 2, qPrintable(failed.describe(bad)));
    QVERIFY(failed.err.startsWith("cronctl: ") && failed.err.count('\n') == 1);
    QCOMPARE(entries(home.filePath("sub dir")), QStringList{"história.csv"});
}

QTEST_GUILESS_MAIN(TestHistoryExport)
#include "tst_historyexport.moc"
