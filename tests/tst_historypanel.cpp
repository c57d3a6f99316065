// The history pane on both backends: paging at depth off the GUI thread, the seed's legacy rows,
// filters, the duration chart, and CSV export from the pane (read back by Python's csv module,
// cancel leaves no file, an existing file is not replaced without a confirmation).
#include "support/testdatabase.h"
#include "ui/common/messageboxes.h"
#include "ui/history/durationchart.h"
#include "ui/history/historyexport.h"
#include "ui/history/historyfilterbar.h"
#include "ui/history/historymodel.h"
#include "ui/history/historypanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QScatterSeries>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

struct Row {
    QString action;
    QJsonObject details;
    qint64 secondsAgo = 0;
};

} // namespace

class TestHistoryPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void pagesToTheEndNewestFirst();
    void legacyRowsUnderSeedJob();
    void filtersNarrowTheRows();
    void detailsShowPrettyJson();
    void chartHasOnePointPerRunWithErrorsMarked();
    void exportWritesReadableCsv();
    void cancelledExportLeavesNoFile();
    void failedExportLeavesNoFile();
    void existingFileNeedsConfirmation();

private:
    void insertRows(const QList<Row> &rows);
    void insertMany(const QString &job, int count, int errorEvery = 0);
    void openPanel(const QString &job, int pageSize = 200);
    bool loadAll();
    HistoryExport::Outcome waitForExport(HistoryExport *job, qint64 *rows = nullptr);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<HistoryPanel> m_panel;
    QTemporaryDir m_dir;
};

void TestHistoryPanel::initTestCase_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

void TestHistoryPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("cron-console-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("cron-console-tests"));
    MessageBoxes::setRecording(true);
    QVERIFY(m_dir.isValid());
}

void TestHistoryPanel::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error)); // PostgreSQL unreachable: a failure, never a skip
    MessageBoxes::clearRecorded();
}

void TestHistoryPanel::cleanup()
{
    m_panel.reset();
    m_db.reset();
}

void TestHistoryPanel::insertRows(const QList<Row> &rows)
{
    auto connection = m_db->connect();
    QVERIFY(connection);
    const SqlDialect &d = connection->dialect();
    QSqlQuery insert(connection->handle());
    QVERIFY(
        insert.prepare(QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) "
                                      "VALUES (?, %1, %2)")
                           .arg(d.json(QStringLiteral("?")), d.fromEpoch(QStringLiteral("?")))));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const Row &row : rows) {
        insert.addBindValue(row.action);
        insert.addBindValue(
            QString::fromUtf8(QJsonDocument(row.details).toJson(QJsonDocument::Compact)));
        insert.addBindValue(now - row.secondsAgo);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
}

// `count` executions of `job`, three per second (ties on created_at, so the id decides).
void TestHistoryPanel::insertMany(const QString &job, int count, int errorEvery)
{
    const QString every = QString::number(errorEvery > 0 ? errorEvery : count + 1);
    const QString sql = m_db->spec().backend == Backend::PostgreSQL
        ? QStringLiteral(
            "INSERT INTO tenant_logs (acao, detalhes, created_at) SELECT "
            "CASE WHEN i % %3 = 0 THEN 'cron_job_error' ELSE 'cron_job_success' END, "
            "jsonb_build_object('job', '%1', 'status', CASE WHEN i % %3 = 0 THEN 'error' "
            "ELSE 'success' END, 'duracao_segundos', i % 50, 'runner', 'r1', 'n', i), "
            "LOCALTIMESTAMP - (i / 3) * INTERVAL '1 second' FROM generate_series(1, %2) AS i")
        : QStringLiteral(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %2) "
            "INSERT INTO tenant_logs (acao, detalhes, created_at) SELECT "
            "CASE WHEN i % %3 = 0 THEN 'cron_job_error' ELSE 'cron_job_success' END, "
            "json_object('job', '%1', 'status', CASE WHEN i % %3 = 0 THEN 'error' "
            "ELSE 'success' END, 'duracao_segundos', i % 50, 'runner', 'r1', 'n', i), "
            "strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (i / 3) || ' seconds') FROM s");
    QString error;
    QVERIFY2(m_db->exec(sql.arg(job).arg(count).arg(every), &error), qPrintable(error));
}

void TestHistoryPanel::openPanel(const QString &job, int pageSize)
{
    m_panel = std::make_unique<HistoryPanel>(m_db->spec());
    m_panel->model()->setPageSize(pageSize);
    m_panel->setJob(job);
    m_panel->resize(1000, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

// Pulls pages as a scrolling view would, until the model has no more.
bool TestHistoryPanel::loadAll()
{
    HistoryModel *model = m_panel->model();
    for (int pages = 0; pages < 10000; ++pages) {
        if (!QTest::qWaitFor([model] { return !model->isLoading(); }, 10000))
            return false;
        if (!model->canFetchMore({}))
            return model->isAtEnd();
        m_panel->view()->scrollToBottom();
        model->fetchMore({});
    }
    return false;
}

HistoryExport::Outcome TestHistoryPanel::waitForExport(HistoryExport *job, qint64 *rows)
{
    QSignalSpy done(job, &HistoryExport::done);
    if (!done.wait(60000))
        return HistoryExport::Outcome::Failed;
    if (rows)
        *rows = done.at(0).at(1).toLongLong();
    return done.at(0).at(0).value<HistoryExport::Outcome>();
}

void TestHistoryPanel::pagesToTheEndNewestFirst()
{
    const int total = 3000;
    insertMany(QStringLiteral("deep_job"), total);
    insertMany(QStringLiteral("other_job"), 50);

    // A 10 ms timer on the GUI thread: the longest gap between its ticks is the worst stall.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    openPanel(QStringLiteral("deep_job"), 100);
    clock.start();
    probe.start();
    QElapsedTimer loading;
    loading.start();
    QVERIFY(loadAll());
    const qint64 loaded = loading.elapsed();
    probe.stop();
    qInfo("%d rows in %lld ms; longest GUI-thread gap %lld ms", total, loaded, worst);
    QVERIFY2(worst <= 100, qPrintable(QStringLiteral("GUI thread stalled %1 ms").arg(worst)));

    HistoryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), total);
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const HistoryEntry &entry = model->entryAt(row);
        QCOMPARE(entry.job, QStringLiteral("deep_job"));
        ids.insert(entry.id.toLongLong());
        if (row == 0)
            continue;
        const HistoryEntry &newer = model->entryAt(row - 1);
        // Strictly newest first on (created_at, id).
        const bool older = entry.createdAt < newer.createdAt
            || (entry.createdAt == newer.createdAt
                && entry.id.toLongLong() < newer.id.toLongLong());
        QVERIFY2(older, qPrintable(QStringLiteral("row %1 out of order").arg(row)));
    }
    QCOMPARE(ids.size(), total); // no duplicates

    // All cron activity includes the other job.
    m_panel->setJob({});
    QVERIFY(loadAll());
    QCOMPARE(model->rowCount(), total + 50);
}

void TestHistoryPanel::legacyRowsUnderSeedJob()
{
    // The seed's web platform writes these without a job key.
    insertRows({{QStringLiteral("sync_automatico_persistente"),
                    QJsonObject{{"total_provedores", 12}, {"total_novos", 3}}, 120},
        {QStringLiteral("sync_automatico_erro"), QJsonObject{{"erro", "timeout no provedor"}}, 60},
        {QStringLiteral("login"), QJsonObject{{"user", "ana"}}, 30}});
    openPanel(QStringLiteral("sgp_sync_inteligente"));
    QVERIFY(loadAll());
    HistoryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entryAt(0).action, QStringLiteral("sync_automatico_erro"));
    QCOMPARE(model->entryAt(0).job, QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(model->data(model->index(0, HistoryModel::SummaryColumn)).toString(),
        QStringLiteral("timeout no provedor"));
    QCOMPARE(model->entryAt(1).action, QStringLiteral("sync_automatico_persistente"));
    // Not cron history: never shown, not even under all activity.
    m_panel->setJob({});
    QVERIFY(loadAll());
    QCOMPARE(model->rowCount(), 2);
}

void TestHistoryPanel::filtersNarrowTheRows()
{
    insertRows({
        {QStringLiteral("cron_job_success"),
            QJsonObject{{"job", "j"}, {"status", "success"}, {"duracao_segundos", 5},
                {"runner", "r1"}, {"linhas", "alfa"}},
            5 * 86400},
        {QStringLiteral("cron_job_error"),
            QJsonObject{{"job", "j"}, {"status", "error"}, {"duracao_segundos", 7},
                {"runner", "r1"}, {"error", "Conexão RECUSADA"}},
            3 * 86400},
        {QStringLiteral("cron_job_success"),
            QJsonObject{{"job", "j"}, {"status", "success"}, {"duracao_segundos", 6},
                {"runner", "r2"}, {"linhas", "beta"}},
            3600},
        {QStringLiteral("cron_admin_disable"),
            QJsonObject{{"job", "j"}, {"db_user", "maria"}, {"reason", "manutenção"}}, 60},
    });
    openPanel(QStringLiteral("j"));
    QVERIFY(loadAll());
    HistoryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(
        model->data(model->index(0, HistoryModel::WhoColumn)).toString(), QStringLiteral("maria"));

    HistoryFilterBar *bar = m_panel->filterBar();
    // Action (the status of runs).
    bar->actionCombo()->setCurrentIndex(
        bar->actionCombo()->findData(QStringLiteral("cron_job_error")));
    QVERIFY(loadAll());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->data(model->index(0, HistoryModel::StatusColumn)).toString(),
        QStringLiteral("error"));
    QVERIFY(!model->data(model->index(0, HistoryModel::StatusColumn), Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    bar->actionCombo()->setCurrentIndex(0);

    // Free text, case-insensitive, in the details.
    bar->textField()->setText(QStringLiteral("recusada"));
    QTRY_COMPARE(model->filter().text, QStringLiteral("recusada"));
    QVERIFY(loadAll());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).action, QStringLiteral("cron_job_error"));
    bar->textField()->clear();
    QTRY_VERIFY(model->filter().text.isEmpty());

    // Date range: from 4 days ago to 2 days ago holds only the error.
    const QDateTime now = QDateTime::currentDateTime();
    bar->sinceEdit()->setDateTime(now.addDays(-4));
    bar->untilEdit()->setDateTime(now.addDays(-2));
    bar->sinceEnabled()->setChecked(true);
    bar->untilEnabled()->setChecked(true);
    QVERIFY(loadAll());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).action, QStringLiteral("cron_job_error"));
    bar->untilEnabled()->setChecked(false);
    QVERIFY(loadAll());
    QCOMPARE(model->rowCount(), 3);
}

void TestHistoryPanel::detailsShowPrettyJson()
{
    insertRows({{QStringLiteral("cron_job_success"),
        QJsonObject{{"job", "j"}, {"status", "success"}, {"duracao_segundos", 2}, {"runner", "r1"},
            {"texto", "linha 1\nlinha 2 ✓"}},
        10}});
    openPanel(QStringLiteral("j"));
    QVERIFY(loadAll());
    m_panel->view()->selectRow(0);
    const QString shown = m_panel->detailsView()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("\n    \"job\": \"j\"")), qPrintable(shown));
    QCOMPARE(QJsonDocument::fromJson(shown.toUtf8()).object().value("texto").toString(),
        QStringLiteral("linha 1\nlinha 2 ✓"));
    // The summary stays on one line.
    const QString summary = m_panel->model()
                                ->data(m_panel->model()->index(0, HistoryModel::SummaryColumn))
                                .toString();
    QVERIFY(!summary.contains(QLatin1Char('\n')));
}

void TestHistoryPanel::chartHasOnePointPerRunWithErrorsMarked()
{
    insertMany(QStringLiteral("charted"), 30, 7); // errors at 7, 14, 21, 28
    insertRows({{QStringLiteral("cron_admin_run_now"),
        QJsonObject{{"job", "charted"}, {"db_user", "ana"}}, 0}}); // not an execution
    openPanel({});
    QCOMPARE(m_panel->chart()->durationSeries()->count(), 0);
    QSignalSpy updated(m_panel.get(), &HistoryPanel::chartUpdated);
    m_panel->setJob(QStringLiteral("charted"));
    QVERIFY(updated.wait(10000));
    QCOMPARE(m_panel->chart()->durationSeries()->count(), 30);
    QCOMPARE(m_panel->chart()->errorSeries()->count(), 4);
    // Oldest to newest along the time axis.
    const QList<QPointF> points = m_panel->chart()->durationSeries()->points();
    for (int i = 1; i < points.size(); ++i)
        QVERIFY(points.at(i).x() >= points.at(i - 1).x());
}

void TestHistoryPanel::exportWritesReadableCsv()
{
    const QString hostile = QStringLiteral("aspas \"duplas\", vírgula; ponto-e-vírgula\r\n"
                                           "nova linha – ção 😀");
    insertRows({{QStringLiteral("cron_job_error"),
                    QJsonObject{{"job", "exp"}, {"status", "error"}, {"duracao_segundos", 3},
                        {"runner", "r;1"}, {"error", hostile}},
                    20},
        {QStringLiteral("cron_job_success"),
            QJsonObject{
                {"job", "exp"}, {"status", "success"}, {"duracao_segundos", 1}, {"runner", "r,2"}},
            10},
        {QStringLiteral("cron_job_success"),
            QJsonObject{
                {"job", "other"}, {"status", "success"}, {"duracao_segundos", 1}, {"runner", "r"}},
            5}});
    openPanel(QStringLiteral("exp"));
    QVERIFY(loadAll());
    const QString path = m_dir.filePath(
        QStringLiteral("export-%1.csv").arg(TestDatabase::backendName(m_db->spec().backend)));
    QFile::remove(path);
    qint64 rows = -1;
    QCOMPARE(
        waitForExport(m_panel->exportTo(path, ';', true), &rows), HistoryExport::Outcome::Finished);
    QCOMPARE(rows, 2);
    QVERIFY(!MessageBoxes::recorded().isEmpty());
    QCOMPARE(MessageBoxes::recorded().constLast().icon, QMessageBox::Information);

    QProcess python;
    python.start(QStringLiteral("python3"),
        {QStringLiteral(CRON_SOURCE_DIR "/tests/tools/read_csv.py"), path, QStringLiteral(";")});
    QVERIFY(python.waitForFinished(30000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject csv = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QVERIFY(csv.value("bom").toBool());
    const QJsonArray header = csv.value("header").toArray();
    QCOMPARE(header.at(0).toString(), QStringLiteral("id"));
    const QJsonArray data = csv.value("rows").toArray();
    QCOMPARE(data.size(), 2);
    // Newest first; the hostile text survives the round trip inside the JSON column.
    const int runner = int(QVariantList(header.toVariantList()).indexOf(QStringLiteral("runner")));
    const int details
        = int(QVariantList(header.toVariantList()).indexOf(QStringLiteral("detalhes")));
    QVERIFY(runner >= 0 && details >= 0);
    QCOMPARE(data.at(0).toArray().at(runner).toString(), QStringLiteral("r,2"));
    QCOMPARE(data.at(1).toArray().at(runner).toString(), QStringLiteral("r;1"));
    const QJsonObject json
        = QJsonDocument::fromJson(data.at(1).toArray().at(details).toString().toUtf8()).object();
    QCOMPARE(json.value("error").toString(), hostile);
}

void TestHistoryPanel::cancelledExportLeavesNoFile()
{
    insertMany(QStringLiteral("big"), 200000);
    openPanel(QStringLiteral("big"));
    const QString path = m_dir.filePath(
        QStringLiteral("cancel-%1.csv").arg(TestDatabase::backendName(m_db->spec().backend)));
    QFile::remove(path);
    const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);

    // Cancelled through the progress dialog's Cancel button, mid-export.
    HistoryExport *running = m_panel->exportTo(path, ',', false);
    connect(running, &HistoryExport::progress, running, [running] {
        // The button, as the user would: QProgressDialog::cancel() alone emits nothing.
        if (QProgressDialog *dialog = running->progressDialog())
            dialog->findChild<QPushButton *>()->click();
    });
    QCOMPARE(waitForExport(running), HistoryExport::Outcome::Cancelled);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
    QCOMPARE(MessageBoxes::recorded().constLast().title, QStringLiteral("Export cancelled"));

    // Cancelled before it started.
    HistoryExport *early = m_panel->exportTo(path, ',', false);
    early->cancel();
    QCOMPARE(waitForExport(early), HistoryExport::Outcome::Cancelled);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
}

void TestHistoryPanel::failedExportLeavesNoFile()
{
    insertMany(QStringLiteral("f"), 10);
    openPanel(QStringLiteral("f"));
    const QString path = m_dir.filePath(QStringLiteral("missing-folder/x.csv"));
    QCOMPARE(waitForExport(m_panel->exportTo(path, ',', false)), HistoryExport::Outcome::Failed);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(MessageBoxes::recorded().constLast().icon, QMessageBox::Critical);
}

void TestHistoryPanel::existingFileNeedsConfirmation()
{
    insertMany(QStringLiteral("keep"), 10);
    openPanel(QStringLiteral("keep"));
    const QString path = m_dir.filePath(
        QStringLiteral("existing-%1.csv").arg(TestDatabase::backendName(m_db->spec().backend)));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("keep me\n");
    }
    HistoryExport *job = m_panel->exportTo(path, ',', false);
    QSignalSpy done(job, &HistoryExport::done);
    // A question was asked (and, recording, never answered): nothing is written.
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    QCOMPARE(MessageBoxes::recorded().constLast().icon, QMessageBox::Question);
    QVERIFY(!done.wait(1000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me\n"));
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
