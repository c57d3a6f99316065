// The console by keyboard (issue 16, item 7): Alt+1…5 follow the side tabs' order; Tab reaches
// the History pane's Refresh and Export CSV… (also a menu item with a shortcut) and leaves the
// tables; Escape clears the job search; the saved side tab comes back by name.
#include "tst_consolefixture.h"

#include "core/settings/consolesettings.h"
#include "ui/history/historypanel.h"
#include "ui/jobs/jobsview.h"

#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProxyStyle>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace ConsoleFixture;

class TestConsoleKeyboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void altNumbersFollowTabOrder();
    void tabReachesHistoryButtons();
    void tabLeavesTables();
    void exportHasMenuItemAndShortcut();
    void escapeClearsSearch();
    void singleClickSelectsWithoutOpening();
    void savedSideTabRestoredByName_data();
    void savedSideTabRestoredByName();

private:
    void openWindow();
    HistoryPanel *panel() const;
    // Tab pressed until `target` has the focus (or `limit` presses).
    bool tabTo(QWidget *target, int limit = 40, bool backwards = false);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleKeyboard::initTestCase()
{
    isolate();
}

void TestConsoleKeyboard::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestConsoleKeyboard::cleanup()
{
    m_window.reset();
    m_db.reset();
}

void TestConsoleKeyboard::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 1), 10000);
}

HistoryPanel *TestConsoleKeyboard::panel() const
{
    return m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
}

bool TestConsoleKeyboard::tabTo(QWidget *target, int limit, bool backwards)
{
    for (int i = 0; i < limit; ++i) {
        if (QApplication::focusWidget() == target)
            return true;
        QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClick(focus, Qt::Key_Tab, backwards ? Qt::ShiftModifier : Qt::NoModifier);
    }
    return QApplication::focusWidget() == target;
}

namespace {

// KDE's "single click opens" setting, as its platform theme reports it.
class SingleClickStyle final : public QProxyStyle {
public:
    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
        QStyleHintReturn *returnData) const override
    {
        if (hint == SH_ItemView_ActivateItemOnSingleClick)
            return 1;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }
};

} // namespace

// With single-click activation (KDE) a click on a job selects it; it opened Change schedule.
// A double click and Enter still open it.
void TestConsoleKeyboard::singleClickSelectsWithoutOpening()
{
    openWindow();
    JobsView *view = m_window->jobsView();
    QTableView *table = view->table();
    SingleClickStyle style;
    table->setStyle(&style);
    const auto restore = qScopeGuard([table] { table->setStyle(nullptr); });
    QSignalSpy activated(view, &JobsView::activated);
    table->selectionModel()->clear();
    const QModelIndex first = view->proxy()->index(0, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
    QCoreApplication::processEvents();
    QCOMPARE(activated.size(), 0);
    QCOMPARE(table->currentIndex().row(), 0);
    QVERIFY(table->selectionModel()->isRowSelected(0, {}));
    QVERIFY(!QApplication::activeModalWidget());
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
}

void TestConsoleKeyboard::altNumbersFollowTabOrder()
{
    openWindow();
    QTabWidget *tabs = m_window->sideTabs();
    QCOMPARE(tabs->count(), 5);
    for (int key = 1; key <= 5; ++key) {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_0 + key), Qt::AltModifier);
        QCOMPARE(tabs->currentIndex(), key - 1);
    }
    // The order itself: Details, History, Runners, Runner config.
    QCOMPARE(tabs->widget(1)->objectName(), QStringLiteral("historyTab"));
    QCOMPARE(tabs->widget(2)->objectName(), QStringLiteral("runnersPanel"));
    QCOMPARE(tabs->widget(4)->objectName(), QStringLiteral("runOutput"));
}

void TestConsoleKeyboard::tabReachesHistoryButtons()
{
    openWindow();
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QPushButton *refresh = panel()->refreshButton();
    QPushButton *exportButton = panel()->exportButton();
    QVERIFY(refresh->isVisible());
    m_window->jobsView()->table()->setFocus(Qt::OtherFocusReason);
    QVERIFY(tabTo(refresh));
    QTest::keyClick(refresh, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), exportButton);
    QTest::keyClick(exportButton, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), panel()->view()); // then the rows
    QTest::keyClick(panel()->view(), Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), exportButton);
}

void TestConsoleKeyboard::tabLeavesTables()
{
    openWindow();
    QTableView *table = m_window->jobsView()->table();
    QVERIFY(!table->tabKeyNavigation());
    table->setFocus(Qt::OtherFocusReason);
    QCOMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != table);
    table->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(table, Qt::Key_Tab, Qt::ShiftModifier);
    QVERIFY(QApplication::focusWidget() != table);
    QVERIFY(!panel()->view()->tabKeyNavigation());
}

void TestConsoleKeyboard::exportHasMenuItemAndShortcut()
{
    openWindow();
    auto *action = m_window->findChild<QAction *>(QStringLiteral("exportHistoryAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    bool inMenu = false;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(action))
            inMenu = true;
    }
    QVERIFY(inMenu);
    // The shortcut opens the export dialog.
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>()) && dialog->isVisible());
    dialog->reject();
}

void TestConsoleKeyboard::escapeClearsSearch()
{
    openWindow();
    QLineEdit *search = m_window->jobsView()->searchField();
    search->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(search, QStringLiteral("zzz"));
    QCOMPARE(m_window->jobsView()->proxy()->rowCount(), 0);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(m_window->jobsView()->proxy()->rowCount(), 1);
}

void TestConsoleKeyboard::savedSideTabRestoredByName_data()
{
    QTest::addColumn<QString>("tab");
    QTest::newRow("history") << QStringLiteral("historyTab");
    QTest::newRow("runners") << QStringLiteral("runnersPanel");
    QTest::newRow("config") << QStringLiteral("runnerConfigEditor");
    QTest::newRow("details") << QStringLiteral("jobDetails");
}

void TestConsoleKeyboard::savedSideTabRestoredByName()
{
    QFETCH(QString, tab);
    openWindow();
    QWidget *wanted = m_window->sideTabs()->findChild<QWidget *>(tab);
    QVERIFY(wanted);
    m_window->sideTabs()->setCurrentWidget(wanted);
    m_window->close(); // saves the settings
    QCOMPARE(ConsoleSettings::sideTab.value(), tab);
    m_window.reset();

    openWindow();
    QCOMPARE(m_window->sideTabs()->currentWidget()->objectName(), tab);
}

QTEST_MAIN(TestConsoleKeyboard)
#include "tst_consolekeyboard.moc"
