// One format each (issue 16, item 10): countdowns in the words durations use (not mm:ss), one
// run-duration format for the job table, the details and the history, times with their zone,
// plurals and localised counts, no literal null in summaries, one word per status.
#include "core/domain/historyentry.h"
#include "core/domain/job.h"
#include "core/domain/runlabels.h"
#include "core/domain/runstatus.h"
#include "ui/common/nextruntext.h"
#include "ui/common/relativetime.h"
#include "ui/common/statusstyle.h"
#include "ui/history/historyformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

class TestFormats : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void countdownsUseDurationWords_data();
    void countdownsUseDurationWords();
    void nextRunOfARunningJobWaitsForIt();
    void runDurations_data();
    void runDurations();
    void historyTimeHasZone();
    void summaryHasNoLiteralNull();
    void pluralsAndLocalisedCounts();
    void oneWordPerStatus_data();
    void oneWordPerStatus();
};

void TestFormats::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestFormats::countdownsUseDurationWords_data()
{
    QTest::addColumn<int>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("43 min 39 s") << (43 * 60 + 39) * 1000 << QStringLiteral("in 43 min 39 s");
    QTest::newRow("45 s") << 45'000 << QStringLiteral("in 45 s");
    QTest::newRow("5 h 59 min") << (5 * 3600 + 59 * 60) * 1000 << QStringLiteral("in 5 h 59 min");
    QTest::newRow("3 d 4 h") << (3 * 86400 + 4 * 3600) * 1000 << QStringLiteral("in 3 d 4 h");
    // Rounded up: a job 0.6 s from due is not "now" (its state is not due yet).
    QTest::newRow("0.6 s") << 600 << QStringLiteral("in 1 s");
    QTest::newRow("44.2 s") << 44'200 << QStringLiteral("in 45 s");
    QTest::newRow("reached") << 0 << QStringLiteral("now");
    QTest::newRow("passed") << -1500 << QStringLiteral("now");
}

void TestFormats::countdownsUseDurationWords()
{
    QFETCH(int, ms);
    QFETCH(QString, text);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    QCOMPARE(RelativeTime::countdown(now.addMSecs(ms), now), text);
    QVERIFY(!RelativeTime::countdown(now.addMSecs(ms), now).contains(QLatin1Char(':')));
}

// A running (or stuck) job past its next run said "Next run: … (now)" in the Details pane while
// the table said "running": the next run waits for the current one.
void TestFormats::nextRunOfARunningJobWaitsForIt()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job;
    job.name = QStringLiteral("backup");
    job.intervalHours = 24;
    job.lastRun = now.addSecs(-27 * 3600);
    job.nextRun = now.addSecs(-3 * 3600);
    job.lastStatus = QStringLiteral("running");
    job.runningSince = now.addSecs(-3 * 3600);
    job.updatedAt = job.runningSince;
    const QString text = NextRunText::describe(job, now);
    QVERIFY2(text.startsWith(QLatin1String("after the current run (due since ")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("(now)")), qPrintable(text));
    // Not yet due: the countdown as before.
    job.nextRun = now.addSecs(3600);
    QVERIFY2(NextRunText::describe(job, now).endsWith(QLatin1String("(in 1 h 00 min)")),
        qPrintable(NextRunText::describe(job, now)));
}

void TestFormats::runDurations_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole 2") << 2.0 << QStringLiteral("2 s");
    QTest::newRow("2.44") << 2.44 << QStringLiteral("2.4 s");
    QTest::newRow("3.061") << 3.061 << QStringLiteral("3.1 s");
    QTest::newRow("45.4") << 45.4 << QStringLiteral("45 s");
    QTest::newRow("59.6 is a minute") << 59.6 << QStringLiteral("1 min 00 s");
    QTest::newRow("200") << 200.0 << QStringLiteral("3 min 20 s");
}

void TestFormats::runDurations()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(RelativeTime::runDuration(seconds), text);
    // The history pane says the same as the job table.
    QCOMPARE(HistoryFormat::duration(seconds), text);
}

void TestFormats::historyTimeHasZone()
{
    HistoryEntry entry;
    entry.createdAt = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    QCOMPARE(HistoryFormat::localTime(entry), RelativeTime::absolute(entry.createdAt));
    QVERIFY(HistoryFormat::localTime(entry).endsWith(
        entry.createdAt.toLocalTime().timeZoneAbbreviation()));
}

void TestFormats::summaryHasNoLiteralNull()
{
    HistoryEntry entry;
    entry.detailsJson = R"({"job":"j","linhas":null,"erro":null})";
    const QString summary = HistoryFormat::summary(entry);
    QVERIFY2(!summary.contains(QLatin1String("null")), qPrintable(summary));
    entry.detailsJson = R"({"job":"j","linhas":null})";
    QVERIFY2(!HistoryFormat::summary(entry).contains(QLatin1String("null")),
        qPrintable(HistoryFormat::summary(entry)));
    // Nested too (it read resultado={"linhas":30,"nota":null}), and the runner's bookkeeping
    // after what the run said.
    entry.detailsJson = R"({"attempt":1,"cron_run_id":7,"exit_code":0,"host":"vm",)"
                        R"("resultado":{"linhas":30,"nota":null,"itens":[1,null]}})";
    const QString nested = HistoryFormat::summary(entry);
    QVERIFY2(!nested.contains(QLatin1String("null")), qPrintable(nested));
    QVERIFY2(nested.startsWith(QLatin1String("resultado={")), qPrintable(nested));
    QVERIFY2(nested.contains(QLatin1String("itens=[1, ")), qPrintable(nested));
    QVERIFY2(nested.indexOf(QLatin1String("attempt=1")) > nested.indexOf(QLatin1String("nota=")),
        qPrintable(nested));
}

void TestFormats::pluralsAndLocalisedCounts()
{
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/cron-console_en")));
    QCoreApplication::installTranslator(&english);
    QCOMPARE(
        QCoreApplication::translate("MainWindow", "%Ln jobs", nullptr, 1), QStringLiteral("1 job"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%Ln jobs", nullptr, 10000),
        QStringLiteral("10,000 jobs"));
    QCOMPARE(QCoreApplication::translate("HistoryPanel", "%Ln row(s)", nullptr, 200001),
        QStringLiteral("200,001 rows"));
    QCOMPARE(QCoreApplication::translate("HistoryExport", "%Ln row(s) exported to %1.", nullptr, 1)
                 .arg(QStringLiteral("f.csv")),
        QStringLiteral("1 row exported to f.csv."));
    QCoreApplication::removeTranslator(&english);

    QTranslator portuguese;
    QVERIFY(portuguese.load(QStringLiteral(":/i18n/cron-console_pt_BR")));
    QCoreApplication::installTranslator(&portuguese);
    QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
    QCOMPARE(QCoreApplication::translate("HistoryPanel", "%Ln row(s)", nullptr, 56000),
        QStringLiteral("56.000 linhas"));
    QCOMPARE(RelativeTime::runDuration(2.44), QStringLiteral("2,4 s"));
    QCoreApplication::removeTranslator(&portuguese);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestFormats::oneWordPerStatus_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("words"); // success, error, running, pending, lease_lost
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringList{QStringLiteral("success"), QStringLiteral("error"),
                               QStringLiteral("running"), QStringLiteral("pending"),
                               QStringLiteral("lease lost")};
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR")
                           << QStringList{QStringLiteral("sucesso"), QStringLiteral("erro"),
                                  QStringLiteral("em execução"), QStringLiteral("pendente"),
                                  QStringLiteral("concessão perdida")};
}

void TestFormats::oneWordPerStatus()
{
    // The job table's Status column, the history panes and the runs say one word for one status.
    QFETCH(QString, language);
    QFETCH(QStringList, words);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/cron-console_") + language));
    QCoreApplication::installTranslator(&translator);
    const std::pair<JobState, QString> states[] = {{JobState::Success, QStringLiteral("success")},
        {JobState::Error, QStringLiteral("error")}, {JobState::Running, QStringLiteral("running")},
        {JobState::Pending, QStringLiteral("pending")}};
    for (int i = 0; i < 4; ++i) {
        const auto &[state, text] = states[i];
        QCOMPARE(StatusStyle::label(state), words.at(i));
        QCOMPARE(HistoryFormat::statusLabel(text), words.at(i));
        QCOMPARE(RunLabels::status(text), words.at(i));
    }
    QCOMPARE(RunLabels::status(QStringLiteral("lease_lost")), words.at(4));
    // A platform's own status is shown as written; the stored text is never translated.
    QCOMPARE(
        RunLabels::status(QStringLiteral("sucesso_parcial")), QStringLiteral("sucesso_parcial"));
    QCOMPARE(runStatusText(RunStatus::Success), QStringLiteral("success"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
