// The summary bar (issue 16, item 12): counts of failing, stuck, overdue, running, due and disabled
// jobs that filter the table in one click; the search matches status words in the UI language.
#include "tst_consolefixture.h"

#include "ui/jobs/jobsummarybar.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTranslator>

using namespace ConsoleFixture;

class TestConsoleSummary : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void countsFollowTheJobs();
    void clickFiltersTheTable();
    void searchMatchesStatusWords();
    void overdueChipFiltersTheOverdueJobs();

private:
    QStringList shownNames() const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleSummary::initTestCase()
{
    isolate();
}

void TestConsoleSummary::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(m_db, qPrintable(error));
    // The seed job (due: it never ran), one disabled, one stuck, one failing.
    for (const char *sql : {"INSERT INTO cron_jobs (nome, ativo) VALUES ('off', 0)",
             "INSERT INTO cron_jobs (nome, ultimo_status, running_since) VALUES ('hung', "
             "'running', strftime('%Y-%m-%d %H:%M:%f','now','-3 hours'))",
             "INSERT INTO cron_jobs (nome, ultimo_status, last_run, next_run) VALUES ('broken', "
             "'error', strftime('%Y-%m-%d %H:%M:%f','now','-1 hours'), "
             "strftime('%Y-%m-%d %H:%M:%f','now','+5 hours'))"})
        QVERIFY(m_db->exec(QString::fromLatin1(sql)));
    m_window = std::make_unique<MainWindow>();
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 4), 10000);
}

void TestConsoleSummary::cleanup()
{
    m_window.reset();
    m_db.reset();
}

QStringList TestConsoleSummary::shownNames() const
{
    QStringList names;
    QSortFilterProxyModel *proxy = m_window->jobsView()->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row)
        names << proxy->index(row, JobTableModel::Name).data().toString();
    names.sort();
    return names;
}

void TestConsoleSummary::countsFollowTheJobs()
{
    JobSummaryBar *bar = m_window->jobsView()->summaryBar();
    QTRY_COMPARE(bar->count(JobState::Disabled), 1);
    QCOMPARE(bar->count(JobState::Stuck), 1);
    QCOMPARE(bar->count(JobState::Error), 1);
    QCOMPARE(bar->count(JobState::DueNow), 1);
    QCOMPARE(bar->count(JobState::Running), 0);
    QCOMPARE(bar->button(JobState::Error)->text(), QStringLiteral("1 failing"));
    QVERIFY(!bar->button(JobState::Running)->isVisibleTo(bar)); // nothing running: no button

    // Enabling the disabled job moves it out of the count.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ativo = 1 WHERE nome = 'off'")));
    QTRY_COMPARE_WITH_TIMEOUT(bar->count(JobState::Disabled), 0, 5000);
    QCOMPARE(bar->count(JobState::DueNow), 2);
}

void TestConsoleSummary::clickFiltersTheTable()
{
    JobSummaryBar *bar = m_window->jobsView()->summaryBar();
    QTRY_COMPARE(bar->count(JobState::Stuck), 1);
    bar->button(JobState::Stuck)->click();
    QCOMPARE(shownNames(), QStringList{QStringLiteral("hung")});
    bar->button(JobState::Error)->click(); // another state replaces it
    QCOMPARE(shownNames(), QStringList{QStringLiteral("broken")});
    bar->button(JobState::Error)->click(); // the same again: every job
    QCOMPARE(shownNames().size(), 4);
    QVERIFY(!bar->selected());
}

void TestConsoleSummary::searchMatchesStatusWords()
{
    QLineEdit *search = m_window->jobsView()->searchField();
    search->setText(QStringLiteral("stuck"));
    QCOMPARE(shownNames(), QStringList{QStringLiteral("hung")});
    search->setText(QStringLiteral("disabled"));
    QCOMPARE(shownNames(), QStringList{QStringLiteral("off")});

    // In Portuguese the Portuguese words.
    QTranslator portuguese;
    QVERIFY(portuguese.load(QStringLiteral(":/i18n/cron-console_pt_BR")));
    QCoreApplication::installTranslator(&portuguese);
    search->clear();
    search->setText(QStringLiteral("travado"));
    QCOMPARE(shownNames(), QStringList{QStringLiteral("hung")});
    QCoreApplication::removeTranslator(&portuguese);
}

// Issue 16: the status bar counted overdue jobs but no chip filtered them.
void TestConsoleSummary::overdueChipFiltersTheOverdueJobs()
{
    JobSummaryBar *bar = m_window->jobsView()->summaryBar();
    QToolButton *chip = bar->button(JobState::Overdue);
    QVERIFY(chip);
    QTRY_COMPARE(bar->count(JobState::DueNow), 1);
    QCOMPARE(bar->count(JobState::Overdue), 0);
    QVERIFY(!chip->isVisibleTo(bar)); // nothing overdue: no chip

    // Two jobs due for an hour with a one-minute threshold: overdue, not merely due.
    for (const char *name : {"late", "later"})
        QVERIFY(m_db->exec(
            QStringLiteral("INSERT INTO cron_jobs (nome, ultimo_status, last_run, next_run, "
                           "overdue_after_seconds) VALUES ('%1', 'success', "
                           "strftime('%Y-%m-%d %H:%M:%f','now','-13 hours'), "
                           "strftime('%Y-%m-%d %H:%M:%f','now','-1 hours'), 60)")
                .arg(QLatin1String(name))));
    QTRY_COMPARE_WITH_TIMEOUT(bar->count(JobState::Overdue), 2, 5000);
    QCOMPARE(bar->count(JobState::DueNow), 1); // the seed job, not yet overdue
    QVERIFY(chip->isVisibleTo(bar));
    QCOMPARE(chip->text(), QStringLiteral("2 overdue"));
    QCOMPARE(
        chip->toolTip(), QStringLiteral("Show only the overdue jobs (click again to show all)"));

    chip->click();
    QCOMPARE(bar->selected(), std::optional<JobState>(JobState::Overdue));
    QCOMPARE(shownNames(), (QStringList{QStringLiteral("late"), QStringLiteral("later")}));
    chip->click(); // again: every job
    QVERIFY(!bar->selected());
    QCOMPARE(shownNames().size(), 6);

    // By keyboard like the other chips: Tab reaches it, Space toggles it.
    QVERIFY(chip->focusPolicy() & Qt::TabFocus);
    QCOMPARE(chip->focusPolicy(), bar->button(JobState::Stuck)->focusPolicy());
    m_window->activateWindow();
    chip->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(chip->hasFocus());
    QTest::keyClick(chip, Qt::Key_Space);
    QCOMPARE(shownNames(), (QStringList{QStringLiteral("late"), QStringLiteral("later")}));
    QTest::keyClick(chip, Qt::Key_Space);
    QCOMPARE(shownNames().size(), 6);

    // The search finds them by the chip's word, in English and in Portuguese.
    QLineEdit *search = m_window->jobsView()->searchField();
    search->setText(QStringLiteral("overdue"));
    QCOMPARE(shownNames(), (QStringList{QStringLiteral("late"), QStringLiteral("later")}));
    QTranslator portuguese;
    QVERIFY(portuguese.load(QStringLiteral(":/i18n/cron-console_pt_BR")));
    QCoreApplication::installTranslator(&portuguese);
    search->clear();
    search->setText(QStringLiteral("atrasado"));
    QCOMPARE(shownNames(), (QStringList{QStringLiteral("late"), QStringLiteral("later")}));
    QCOMPARE(JobSummaryBar::tr("%Ln overdue", nullptr, 2), QStringLiteral("2 atrasados"));
    QCoreApplication::removeTranslator(&portuguese);
}

QTEST_MAIN(TestConsoleSummary)
#include "tst_consolesummary.moc"
