// Typed settings and the side tab restored by name (issue 13, point 5).

#include "tst_consolefixture.h"

#include "core/settings/consolesettings.h"
#include "core/settings/setting.h"
#include "ui/runners/runnerconfigeditor.h"
#include "ui/runners/workstationswitch.h"

#include <QSettings>
#include <QTabBar>
#include <QTabWidget>

using namespace ConsoleFixture;

class TestSettings final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultUntilStored();
    void storedInTheTestFile();
    void sideTabComesBackByName_data();
    void sideTabComesBackByName();
    void sideTabSurvivesReorderedTabs();
    void unknownSideTabFallsBackToFirst();

private:
    void openWindow(bool withDatabase);
    void closeWindow();
    QString currentTab() const;

    QTemporaryDir m_dir;
    QString m_settingsFile;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettings::initTestCase()
{
    isolate();
    QVERIFY(m_dir.isValid());
}

void TestSettings::init()
{
    // Every test starts from no settings at all.
    static int round = 0;
    m_settingsFile = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++round));
    SettingsStore::useFile(m_settingsFile);
    QString error;
    m_db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestSettings::cleanup()
{
    m_window.reset();
    m_db.reset();
}

// A new window; with a database, once it is connected (and so has its History tab).
void TestSettings::openWindow(bool withDatabase)
{
    m_window = std::make_unique<MainWindow>();
    m_window->workstation()->setRemembered(false);
    if (withDatabase)
        m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    if (withDatabase) {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->client()->state() == JobClient::State::Connected, 10000);
        QCOMPARE(m_window->sideTabs()->count(), 5);
    } else {
        QCOMPARE(m_window->sideTabs()->count(), 4);
    }
}

void TestSettings::closeWindow()
{
    QVERIFY(m_window->close()); // saves the settings
    m_window.reset();
}

QString TestSettings::currentTab() const
{
    const QWidget *tab = m_window->sideTabs()->currentWidget();
    return tab ? tab->objectName() : QString();
}

void TestSettings::defaultUntilStored()
{
    const Setting<int> number{QStringLiteral("test/number"), 42};
    QCOMPARE(number.value(), 42);
    number.setValue(7);
    QCOMPARE(number.value(), 7);
    number.remove();
    QCOMPARE(number(), 42);
    QCOMPARE(ConsoleSettings::runnerEnabled.value(), false);
    QCOMPARE(ConsoleSettings::sideTab.value(), QString());
    QVERIFY(ConsoleSettings::windowGeometry.value().isEmpty());
}

void TestSettings::storedInTheTestFile()
{
    ConsoleSettings::runnerEnabled.setValue(true);
    QCOMPARE(ConsoleSettings::runnerEnabled.value(), true);
    // Written to this test's own file under the table's key, not to the user's settings.
    const QSettings file(m_settingsFile, QSettings::IniFormat);
    QCOMPARE(file.value(ConsoleSettings::runnerEnabled.key()).toBool(), true);
}

void TestSettings::sideTabComesBackByName_data()
{
    QTest::addColumn<QString>("tab");
    QTest::addColumn<bool>("withDatabase"); // reopened with a database: the History tab is there
    QTest::newRow("runners, no database") << QStringLiteral("runnersPanel") << false;
    QTest::newRow("config, no database") << QStringLiteral("runnerConfigEditor") << false;
    QTest::newRow("config, database") << QStringLiteral("runnerConfigEditor") << true;
    QTest::newRow("history") << QStringLiteral("historyTab") << true;
    QTest::newRow("details") << QStringLiteral("jobDetails") << true;
}

void TestSettings::sideTabComesBackByName()
{
    QFETCH(QString, tab);
    QFETCH(bool, withDatabase);
    // Chosen with the database open (History at index 1), reopened with or without one: the
    // tabs after History sit at another index then.
    openWindow(true);
    if (QTest::currentTestFailed())
        return;
    QTabWidget *tabs = m_window->sideTabs();
    int index = -1;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName() == tab)
            index = i;
    }
    QVERIFY2(index >= 0, qPrintable(tab));
    tabs->setCurrentIndex(index);
    QCOMPARE(currentTab(), tab);
    closeWindow();
    QCOMPARE(ConsoleSettings::sideTab.value(), tab);

    openWindow(withDatabase);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(currentTab(), tab);
    closeWindow();
}

void TestSettings::sideTabSurvivesReorderedTabs()
{
    openWindow(true);
    if (QTest::currentTestFailed())
        return;
    m_window->sideTabs()->setCurrentWidget(m_window->runnerConfigEditor());
    // The config tab moved first: its index no longer says which tab it is.
    QTabBar *bar = m_window->sideTabs()->tabBar();
    bar->moveTab(m_window->sideTabs()->indexOf(m_window->runnerConfigEditor()), 0);
    QCOMPARE(m_window->sideTabs()->currentIndex(), 0);
    QCOMPARE(currentTab(), QStringLiteral("runnerConfigEditor"));
    closeWindow();

    openWindow(true);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_window->sideTabs()->indexOf(m_window->runnerConfigEditor()), 3);
    QCOMPARE(currentTab(), QStringLiteral("runnerConfigEditor"));
    closeWindow();
}

void TestSettings::unknownSideTabFallsBackToFirst()
{
    for (const QString &saved : {QStringLiteral("noSuchTab"), QStringLiteral("2"), QString()}) {
        for (const bool withDatabase : {false, true}) {
            ConsoleSettings::sideTab.setValue(saved);
            openWindow(withDatabase);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(m_window->sideTabs()->currentIndex(), 0);
            QCOMPARE(currentTab(), QStringLiteral("jobDetails"));
            closeWindow();
        }
    }
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
