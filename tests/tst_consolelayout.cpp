// The console's layout (issue 16, item 9): at the default 1280x760 the job table's default
// columns need no horizontal scroll and the History filter row fits its pane; at 800x500 the
// Status column is on screen; the History pane never scrolls sideways, its filter bar wrapping
// down to the narrowest pane; the reconnect banner stays short in a maximized window. Those in
// English and in Brazilian Portuguese, whose words are longer.
#include "support/contrast.h"
#include "tst_consolefixture.h"

#include "ui/common/columnfitter.h"
#include "ui/common/elidingheaderview.h"
#include "ui/common/elidinglabel.h"
#include "ui/common/flowlayout.h"
#include "ui/common/relativetime.h"
#include "ui/details/jobdetailsview.h"
#include "ui/history/durationchart.h"
#include "ui/history/historyfilterbar.h"
#include "ui/history/historymodel.h"
#include "ui/history/historypanel.h"
#include "ui/history/runsview.h"
#include "ui/jobs/jobsummarybar.h"
#include "ui/jobs/jobsview.h"
#include "ui/mainwindow/elidingstatusbar.h"
#include "ui/runners/runnerconfigeditor.h"
#include "ui/runners/runnerspanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>

#include <algorithm>

using namespace ConsoleFixture;

class TestConsoleLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultSizeNeedsNoHorizontalScroll_data();
    void defaultSizeNeedsNoHorizontalScroll();
    void smallWindowShowsStatus_data();
    void smallWindowShowsStatus();
    void historyPaneNeverScrollsSideways_data();
    void historyPaneNeverScrollsSideways();
    void historyFilterBarWrapsAndComesBack_data();
    void historyFilterBarWrapsAndComesBack();
    void bannerHeightBounded();
    void longConnectionTextElided_data();
    void fitsASmallScreen_data();
    void fitsASmallScreen();
    void longConnectionTextElided();
    void longStatusMessageElided();
    void detailsValuesEndInEllipsis();
    void recentHistoryTimesTick();
    void paletteChangeFollowedLive();
    void fitterGivesUpFreeTextFirst();
    void flowLayoutWrapsAtSizeHints();

private:
    void openWindow(const QSize &size);
    void showHistory();
    // The window may be made 800x500 and takes it (its minimum is no wider).
    bool fitsEightHundredPixels();
    QString historyLayoutProblems() const;
    int filterBarRows() const;
    QString filterBarTabOrderProblem() const;
    QStringList resizesWhileIdle() const;
    void useLanguage(const QString &language);
    static void languages();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleLayout::initTestCase()
{
    isolate();
}

void TestConsoleLayout::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(m_db, qPrintable(error));
    // Long values, as the demo has.
    QVERIFY(m_db->exec(
        QStringLiteral("INSERT INTO cron_jobs (nome, descricao, lease_owner) VALUES "
                       "('importar_precos_fornecedores', "
                       "'Importa as tabelas de preços dos fornecedores', 'srv-backup-01:4242')")));
    // One finished run, so the Runs tab has its longest line ("1 run of …, newest first.").
    QVERIFY(m_db->exec(QStringLiteral(
        "INSERT INTO cron_runs (job_id, job_name, trigger, runner, lease_token, finished_at, "
        "status, duration_seconds) SELECT id, nome, 'schedule', 'srv-backup-01:4242', 1, "
        "strftime('%Y-%m-%d %H:%M:%f', 'now'), 'success', 3.2 FROM cron_jobs "
        "WHERE nome = 'importar_precos_fornecedores'")));
}

void TestConsoleLayout::cleanup()
{
    m_window.reset();
    m_db.reset();
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    QLocale::setDefault(QLocale::c());
}

void TestConsoleLayout::languages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
}

// Before the window is made: the columns are sized from the words of the UI language.
void TestConsoleLayout::useLanguage(const QString &language)
{
    QLocale::setDefault(QLocale(language));
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/cron-console_") + language));
    QCoreApplication::installTranslator(m_translator.get());
}

void TestConsoleLayout::openWindow(const QSize &size)
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(size);
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 2), 10000);
    QCOMPARE(m_window->size(), size);
}

bool TestConsoleLayout::fitsEightHundredPixels()
{
    QCoreApplication::processEvents();
    const int minimum = m_window->minimumSizeHint().width();
    m_window->resize(800, 500);
    QCoreApplication::processEvents();
    if (minimum <= 800 && m_window->width() == 800)
        return true;
    qWarning("minimum width %d, width %d after resize(800, 500)", minimum, m_window->width());
    return false;
}

void TestConsoleLayout::showHistory()
{
    m_window->sideTabs()->setCurrentWidget(
        m_window->findChild<QWidget *>(QStringLiteral("historyTab")));
    QCoreApplication::processEvents();
}

void TestConsoleLayout::defaultSizeNeedsNoHorizontalScroll_data()
{
    languages();
}

void TestConsoleLayout::defaultSizeNeedsNoHorizontalScroll()
{
    QFETCH(QString, language);
    useLanguage(language);
    // A 1280x760 screen less a window manager's frame and title bar (openbox: pt_BR scrolled
    // 3 px there when the table was sized for exactly 1280).
    openWindow(QSize(1262, 730));
    QTableView *table = m_window->jobsView()->table();
    const auto widths = [&] {
        QStringList sizes;
        for (int column = 0; column < table->horizontalHeader()->count(); ++column)
            sizes << QString::number(
                table->isColumnHidden(column) ? 0 : table->horizontalHeader()->sectionSize(column));
        return QStringLiteral("viewport %1, columns %2")
            .arg(table->viewport()->width())
            .arg(sizes.join(QLatin1Char(' ')));
    };
    QTRY_VERIFY2(table->horizontalScrollBar()->maximum() == 0, qPrintable(widths()));
    // Every default column is on screen, the last one included.
    const QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (table->isColumnHidden(column))
            continue;
        QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column)
                <= table->viewport()->width(),
            qPrintable(QString::number(column)));
    }

    // A title wider than its column ends in "…" (pt_BR's "Descrição" was clipped at both
    // sides: "escriçã"); one that fits is whole.
    const auto *titles = qobject_cast<const ElidingHeaderView *>(header);
    QVERIFY(titles);
    for (int column = 0; column < header->count(); ++column) {
        if (table->isColumnHidden(column))
            continue;
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        const QString shown = titles->shownText(column);
        QVERIFY2(shown == title || shown.endsWith(QChar(0x2026)), qPrintable(shown));
        QVERIFY2(header->fontMetrics().horizontalAdvance(shown) < header->sectionSize(column),
            qPrintable(shown));
    }

    // The Details tab's recent history shows its Duration column whole.
    auto *recent = m_window->findChild<QTreeWidget *>(QStringLiteral("detailsHistory"));
    QVERIFY(recent);
    QTRY_VERIFY(recent->isVisible());
    const int durationEnd
        = recent->header()->sectionViewportPosition(3) + recent->header()->sectionSize(3);
    QVERIFY2(durationEnd <= recent->viewport()->width(),
        qPrintable(QStringLiteral("%1 of %2").arg(durationEnd).arg(recent->viewport()->width())));
    // ...and no sideways scroll for its last column (Runner / user) either.
    const auto recentWidths = [&] {
        QStringList sizes;
        for (int column = 0; column < recent->header()->count(); ++column)
            sizes << QString::number(recent->header()->sectionSize(column));
        return QStringLiteral("viewport %1, columns %2")
            .arg(recent->viewport()->width())
            .arg(sizes.join(QLatin1Char(' ')));
    };
    QTRY_VERIFY2(recent->horizontalScrollBar()->maximum() == 0, qPrintable(recentWidths()));

    // All side tabs in sight, none of their words cut.
    const QTabBar *tabs = m_window->sideTabs()->tabBar();
    QVERIFY2(tabs->sizeHint().width() <= tabs->width(),
        qPrintable(
            QStringLiteral("tabs need %1 of %2").arg(tabs->sizeHint().width()).arg(tabs->width())));
    QCOMPARE(tabs->count(), 5);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        QVERIFY2(tabs->tabRect(tab).right() < tabs->width(), qPrintable(tabs->tabText(tab)));
        // A narrower pane shortens the names: the tooltip keeps the whole one and its key.
        QVERIFY2(tabs->tabToolTip(tab).startsWith(tabs->tabText(tab) + QLatin1String(" (")),
            qPrintable(tabs->tabToolTip(tab)));
    }

    showHistory();
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("historyTab"));
    QVERIFY(scroll);
    QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    auto *panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
    QVERIFY(panel->exportButton()->isVisible());
    QVERIFY(panel->exportButton()->geometry().right()
        <= panel->exportButton()->parentWidget()->width());
    // History's own table keeps its last column in sight too.
    auto *historyTable = panel->findChild<QTableView *>(QStringLiteral("historyTable"));
    QVERIFY(historyTable);
    QTRY_VERIFY(historyTable->isVisible());
    QTRY_COMPARE(historyTable->horizontalScrollBar()->maximum(), 0);
    // ...without cutting a time, a status or a duration: those stay as wide as their text.
    const QAbstractItemView *items = historyTable; // sizeHintForColumn is public there
    for (const int column :
        {HistoryModel::TimeColumn, HistoryModel::StatusColumn, HistoryModel::DurationColumn}) {
        QVERIFY(!historyTable->isColumnHidden(column));
        QVERIFY2(historyTable->columnWidth(column) >= items->sizeHintForColumn(column),
            qPrintable(QStringLiteral("column %1: %2 < %3")
                           .arg(column)
                           .arg(historyTable->columnWidth(column))
                           .arg(items->sizeHintForColumn(column))));
    }

    // The Runs tab of a job with a long name: its line of text wraps instead of widening the
    // pane (pt_BR: "1 execução de importar_precos_fornecedores, a mais recente primeiro."
    // scrolled it).
    m_window->jobsView()->selectJob(QStringLiteral("importar_precos_fornecedores"));
    auto *runsTabs = qobject_cast<QTabWidget *>(panel->runsView()->parentWidget()->parentWidget());
    QVERIFY(runsTabs);
    runsTabs->setCurrentWidget(panel->runsView());
    QTRY_COMPARE(panel->runsView()->tree()->topLevelItemCount(), 1);
    QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
}

void TestConsoleLayout::smallWindowShowsStatus_data()
{
    languages();
}

void TestConsoleLayout::smallWindowShowsStatus()
{
    QFETCH(QString, language);
    useLanguage(language);
    openWindow(QSize(800, 500));
    QTableView *table = m_window->jobsView()->table();
    const QHeaderView *header = table->horizontalHeader();
    const int left = header->sectionViewportPosition(JobTableModel::Status);
    QVERIFY2(left >= 0
            && left + header->sectionSize(JobTableModel::Status) <= table->viewport()->width(),
        qPrintable(QStringLiteral("Status at %1 of %2").arg(left).arg(table->viewport()->width())));

    // The Runners tab shows a runner's state without a sideways scroll (walk-through: Host, PID
    // and Version came first and State was off screen).
    QVERIFY(m_db->exec(QStringLiteral(
        "INSERT INTO cron_runners (runner_name, host, pid, version, jobs, running_jobs) VALUES "
        "('srv-backup-01:4812', 'srv-backup-01.datacenter-sul.interno', 4812, '1.4.0-rc2', "
        "'[\"a\"]', '[\"importar_precos_fornecedores\"]')")));
    m_window->sideTabs()->setCurrentWidget(m_window->runnersPanel());
    m_window->runnersPanel()->refresh();
    QTableWidget *runners = m_window->runnersPanel()->runnersTable();
    QTRY_COMPARE_WITH_TIMEOUT(runners->rowCount(), 1, 10000);
    QCoreApplication::processEvents();
    const QHeaderView *runnerHeader = runners->horizontalHeader();
    const int stateEnd = runnerHeader->sectionViewportPosition(RunnersPanel::State)
        + runnerHeader->sectionSize(RunnersPanel::State);
    QVERIFY2(stateEnd <= runners->viewport()->width(),
        qPrintable(QStringLiteral("State ends at %1 of %2")
                       .arg(stateEnd)
                       .arg(runners->viewport()->width())));
    QCOMPARE(runners->item(0, RunnersPanel::State)->text().isEmpty(), false);
    // Nor anything else cut or behind a sideways scroll: Version, PID and Host step aside in a
    // narrow pane (the runner's tooltip names them); at 1280x760 the PID was cut.
    for (const QSize &size : {QSize(800, 500), QSize(1262, 730)}) {
        m_window->resize(size);
        QTRY_COMPARE_WITH_TIMEOUT(runners->horizontalScrollBar()->maximum(), 0, 3000);
        for (const int column : {int(RunnersPanel::State), int(RunnersPanel::Heartbeat),
                 int(RunnersPanel::Pid), int(RunnersPanel::Version)}) {
            if (runners->isColumnHidden(column))
                continue;
            QVERIFY2(runnerHeader->sectionSize(column)
                    >= static_cast<QAbstractItemView *>(runners)->sizeHintForColumn(column),
                qPrintable(QStringLiteral("%1x%2: column %3 is %4 px for %5")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(column)
                               .arg(runnerHeader->sectionSize(column))
                               .arg(static_cast<QAbstractItemView *>(runners)->sizeHintForColumn(
                                   column))));
        }
    }
    QVERIFY(runners->item(0, RunnersPanel::Name)->toolTip().contains(QLatin1String("4812")));
}

namespace {

// The filter bar's controls (its own and the pane's buttons), in no particular order.
QList<QWidget *> filterBarControls(const HistoryPanel *panel)
{
    QList<QWidget *> controls;
    for (auto *child :
        panel->filterBar()->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!child->isWindow() && child->isVisibleTo(panel->filterBar()))
            controls << child;
    }
    return controls;
}

// Rows of controls, top to bottom, each left to right (a row: the controls that share height).
QList<QList<QWidget *>> rowsOf(QList<QWidget *> controls)
{
    std::sort(controls.begin(), controls.end(),
        [](const QWidget *a, const QWidget *b) { return a->y() < b->y(); });
    QList<QList<QWidget *>> rows;
    int bottom = -1;
    for (QWidget *control : std::as_const(controls)) {
        if (rows.isEmpty() || control->y() > bottom)
            rows.append(QList<QWidget *>());
        rows.last().append(control);
        bottom = std::max(bottom, control->geometry().bottom());
    }
    for (auto &row : rows) {
        std::sort(row.begin(), row.end(),
            [](const QWidget *a, const QWidget *b) { return a->x() < b->x(); });
    }
    return rows;
}

QString describe(const QWidget *widget)
{
    QString text = QString::fromLatin1(widget->metaObject()->className());
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text += QStringLiteral(" \"%1\"").arg(button->text());
    else if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        text += QStringLiteral(" \"%1\"").arg(combo->currentText());
    const QRect r = widget->geometry();
    return text
        + QStringLiteral(" at %1,%2 %3x%4 (hint %5x%6)")
              .arg(r.x())
              .arg(r.y())
              .arg(r.width())
              .arg(r.height())
              .arg(widget->sizeHint().width())
              .arg(widget->sizeHint().height());
}

} // namespace

// Empty when the History pane shows its filter bar whole without a sideways scroll: every
// control inside the pane's viewport, at least as big as its size hint (no word cut), none
// over another, and the action list wide enough for its longest entry.
QString TestConsoleLayout::historyLayoutProblems() const
{
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("historyTab"));
    auto *panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
    if (!scroll || !panel)
        return QStringLiteral("no History pane");
    QStringList problems;
    if (scroll->horizontalScrollBar()->maximum() != 0 || scroll->horizontalScrollBar()->isVisible())
        problems << QStringLiteral("the pane scrolls sideways: range %1, viewport %2, pane %3")
                        .arg(scroll->horizontalScrollBar()->maximum())
                        .arg(scroll->viewport()->width())
                        .arg(panel->width());
    const QList<QWidget *> controls = filterBarControls(panel);
    if (controls.size() < 8)
        problems << QStringLiteral("only %1 controls in the filter bar").arg(controls.size());
    const QRect viewport = scroll->viewport()->rect();
    for (const QWidget *control : controls) {
        const QRect shown(control->mapTo(scroll->viewport(), QPoint(0, 0)), control->size());
        if (!viewport.contains(shown))
            problems << QStringLiteral("outside the pane's %1 px: %2")
                            .arg(viewport.width())
                            .arg(describe(control));
        // ...and inside the bar, which would clip it (a bar whose height lags its rows).
        if (!panel->filterBar()->rect().contains(control->geometry()))
            problems << QStringLiteral("outside the bar's %1x%2: %3")
                            .arg(panel->filterBar()->width())
                            .arg(panel->filterBar()->height())
                            .arg(describe(control));
        if (control->width() < control->sizeHint().width()
            || control->height() < control->sizeHint().height())
            problems << QStringLiteral("under its size hint: %1").arg(describe(control));
        for (const QWidget *other : controls) {
            if (other < control && other->geometry().intersects(control->geometry()))
                problems << QStringLiteral("%1 over %2").arg(describe(other), describe(control));
        }
    }
    // The action list shows any of its entries whole, as a list sized to its entries would.
    const QComboBox *action = panel->filterBar()->actionCombo();
    QComboBox whole;
    whole.setFont(action->font());
    whole.setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < action->count(); ++i)
        whole.addItem(action->itemText(i));
    if (action->width() < whole.sizeHint().width())
        problems << QStringLiteral("the action list is %1 px, its longest entry needs %2")
                        .arg(action->width())
                        .arg(whole.sizeHint().width());
    return problems.join(QLatin1String("; "));
}

int TestConsoleLayout::filterBarRows() const
{
    return int(rowsOf(
        filterBarControls(m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"))))
                   .size());
}

// Empty when Tab goes through the bar's controls in reading order (rows top to bottom, each left
// to right): filters, then Refresh, then Export CSV….
QString TestConsoleLayout::filterBarTabOrderProblem() const
{
    auto *panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
    const QList<QWidget *> controls = filterBarControls(panel);
    QList<QWidget *> reading;
    for (const auto &row : rowsOf(controls))
        reading += row;
    QList<QWidget *> chain;
    QWidget *widget = panel->filterBar()->sinceEnabled();
    for (int steps = 0; widget && steps < 200 && chain.size() < controls.size(); ++steps) {
        if (controls.contains(widget) && !chain.contains(widget))
            chain << widget;
        widget = widget->nextInFocusChain();
    }
    const auto names = [](const QList<QWidget *> &widgets) {
        QStringList out;
        for (const QWidget *w : widgets)
            out << describe(w);
        return out.join(QLatin1String(", "));
    };
    if (chain != reading)
        return QStringLiteral("tab order: %1; reading order: %2").arg(names(chain), names(reading));
    if (reading.size() < 2 || reading.at(reading.size() - 2) != panel->refreshButton()
        || reading.last() != panel->exportButton())
        return QStringLiteral("Refresh and Export CSV… do not come last: %1").arg(names(reading));
    return {};
}

// After the posted layout passes of a change have run (a new width may take one more pass for
// the bar's height), the Resize events the bar and the pane get while nobody touches the window:
// none, unless a layout toggles on its own resize.
QStringList TestConsoleLayout::resizesWhileIdle() const
{
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents();
    auto *panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
    struct Counter : QObject {
        QStringList seen;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Resize) {
                const QSize size = static_cast<QResizeEvent *>(event)->size();
                seen << QStringLiteral("%1 %2x%3")
                            .arg(QString::fromLatin1(watched->metaObject()->className()))
                            .arg(size.width())
                            .arg(size.height());
            }
            return false;
        }
    } counter;
    panel->filterBar()->installEventFilter(&counter);
    panel->installEventFilter(&counter);
    QTest::qWait(300); // an observation window, not a wait for something
    panel->filterBar()->removeEventFilter(&counter);
    panel->removeEventFilter(&counter);
    return counter.seen;
}

void TestConsoleLayout::historyPaneNeverScrollsSideways_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("pt_BR")}) {
        for (const QSize size : {QSize(800, 500), QSize(1280, 760)}) {
            QTest::addRow("%s %dx%d", qPrintable(language), size.width(), size.height())
                << language << size;
        }
    }
}

// Issue 16, item 9: at 800x500 the whole History pane scrolled sideways (its filter bar needed
// ~410 px of ~330) and the duration chart was partly off view.
void TestConsoleLayout::historyPaneNeverScrollsSideways()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    useLanguage(language);
    openWindow(size);
    showHistory();
    auto *panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
    QVERIFY(panel);
    QTRY_VERIFY(panel->filterBar()->isVisible());
    QTRY_VERIFY2(historyLayoutProblems().isEmpty(), qPrintable(historyLayoutProblems()));
    const QString order = filterBarTabOrderProblem();
    QVERIFY2(order.isEmpty(), qPrintable(order));
    // The duration chart lies in the pane's width too.
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("historyTab"));
    panel->tabs()->setCurrentWidget(panel->chart());
    QCoreApplication::processEvents();
    const QWidget *chart = panel->tabs()->currentWidget();
    QVERIFY(chart->mapTo(scroll->viewport(), QPoint(chart->width(), 0)).x()
        <= scroll->viewport()->width());
    // At 1280x760: the dates, the action and text, the buttons (two rows need a wider pane).
    if (size.width() >= 1280)
        QVERIFY2(filterBarRows() <= 3, qPrintable(QString::number(filterBarRows())));
}

void TestConsoleLayout::historyFilterBarWrapsAndComesBack_data()
{
    languages();
}

// Down to the narrowest the side pane can be dragged the bar wraps instead of scrolling, in
// reading order; wide again it is back to two rows; and it settles (no layout that toggles on
// its own resize).
void TestConsoleLayout::historyFilterBarWrapsAndComesBack()
{
    QFETCH(QString, language);
    useLanguage(language);
    openWindow(QSize(1280, 760));
    showHistory();
    auto *panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
    QVERIFY(panel);
    QTRY_VERIFY(panel->filterBar()->isVisible());
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    QTRY_VERIFY2(historyLayoutProblems().isEmpty(), qPrintable(historyLayoutProblems()));
    QVERIFY2(filterBarRows() <= 3, qPrintable(QString::number(filterBarRows())));

    // The side pane dragged to its narrowest.
    splitter->setSizes({100000, 1});
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents();
    const int narrowest = splitter->widget(1)->width();
    QVERIFY2(narrowest < sizes.at(1), qPrintable(QString::number(narrowest)));
    QTRY_VERIFY2(historyLayoutProblems().isEmpty(),
        qPrintable(QStringLiteral("at %1 px: %2").arg(narrowest).arg(historyLayoutProblems())));
    QVERIFY2(filterBarRows() > 2, qPrintable(QString::number(filterBarRows())));
    QString order = filterBarTabOrderProblem();
    QVERIFY2(order.isEmpty(), qPrintable(order));

    QStringList resizes = resizesWhileIdle();
    QVERIFY2(resizes.isEmpty(), qPrintable(resizes.join(QLatin1String(", "))));

    // Wide enough for the bar's two-row width: two rows, the dates then the rest, as before.
    const int besideBar = splitter->widget(1)->width() - panel->filterBar()->width();
    const int twoRows = panel->filterBar()->sizeHint().width() + besideBar;
    splitter->setSizes({sizes.at(0) + sizes.at(1) - twoRows, twoRows});
    resizes = resizesWhileIdle();
    QVERIFY2(resizes.isEmpty(), qPrintable(resizes.join(QLatin1String(", "))));
    QVERIFY2(filterBarRows() == 2,
        qPrintable(QStringLiteral("%1 rows in %2 px of %3")
                       .arg(filterBarRows())
                       .arg(panel->filterBar()->width())
                       .arg(twoRows - besideBar)));
    QVERIFY2(historyLayoutProblems().isEmpty(), qPrintable(historyLayoutProblems()));
    order = filterBarTabOrderProblem();
    QVERIFY2(order.isEmpty(), qPrintable(order));
    // ...and a little less wraps again.
    splitter->setSizes({sizes.at(0) + sizes.at(1) - twoRows + 2, twoRows - 2});
    resizes = resizesWhileIdle();
    QVERIFY2(resizes.isEmpty(), qPrintable(resizes.join(QLatin1String(", "))));
    QVERIFY2(filterBarRows() > 2, qPrintable(QString::number(filterBarRows())));
    QVERIFY2(historyLayoutProblems().isEmpty(), qPrintable(historyLayoutProblems()));
    // Back to where it was.
    splitter->setSizes(sizes);
    QCoreApplication::processEvents();
    QTRY_VERIFY2(historyLayoutProblems().isEmpty(), qPrintable(historyLayoutProblems()));
}

void TestConsoleLayout::longConnectionTextElided_data()
{
    languages();
}

// A long database path or URL in the status bar: the window can still be 800 px wide (a plain
// label kept it at 890 px or more in Portuguese), the text is cut in the middle, whole in the
// tooltip.
void TestConsoleLayout::longConnectionTextElided()
{
    QFETCH(QString, language);
    useLanguage(language);
    openWindow(QSize(800, 500));
    auto *label
        = m_window->statusBar()->findChild<ElidingLabel *>(QStringLiteral("connectionStatus"));
    QVERIFY(label);
    QVERIFY(label->fullText().startsWith(QLatin1String("sqlite:")));
    const QString longText = QStringLiteral("sqlite:/home/administradora.de.sistemas/.local/"
                                            "share/cron-console/ambientes/homologacao/demo.db "
                                            "como administradora");
    label->setFullText(longText);
    QVERIFY(fitsEightHundredPixels());
    const QString shown = label->shownText();
    QVERIFY2(shown.contains(QChar(0x2026)) && shown.startsWith(QLatin1String("sqlite:"))
            && shown.endsWith(QLatin1String("administradora")),
        qPrintable(shown));
    QVERIFY(label->toolTip().startsWith(longText));
    QVERIFY(label->geometry().right() <= m_window->statusBar()->width());
}

void TestConsoleLayout::fitsASmallScreen_data()
{
    languages();
}

// A new window is never larger than its screen (an 800x500 screen showed the left part of a
// 1280 px window), and it can be made 800 px wide with every summary chip shown, in Portuguese
// too (six chips in one row kept it wider).
void TestConsoleLayout::fitsASmallScreen()
{
    QFETCH(QString, language);
    useLanguage(language);
    const QString now = QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now'%1)");
    for (const QString &sql :
        {QStringLiteral("INSERT INTO cron_jobs (nome, ativo) VALUES ('desligado_agora', 0)"),
            QStringLiteral("INSERT INTO cron_jobs (nome, ultimo_status, running_since) VALUES "
                           "('travado_ha_horas', 'running', %1)")
                .arg(now.arg(QStringLiteral(", '-3 hours'"))),
            QStringLiteral("INSERT INTO cron_jobs (nome, ultimo_status, last_run, next_run) "
                           "VALUES ('falhando_sempre', 'error', %1, %2)")
                .arg(now.arg(QStringLiteral(", '-1 hours'")),
                    now.arg(QStringLiteral(", '+5 hours'"))),
            QStringLiteral(
                "INSERT INTO cron_jobs (nome, ultimo_status, last_run, next_run, "
                "overdue_after_seconds) VALUES ('atrasado_demais', 'success', %1, %2, 60)")
                .arg(now.arg(QStringLiteral(", '-13 hours'")),
                    now.arg(QStringLiteral(", '-1 hours'"))),
            QStringLiteral("INSERT INTO cron_jobs (nome, ultimo_status, running_since, "
                           "lease_owner, lease_expires_at) VALUES ('rodando_agora', 'running', "
                           "%1, 'runner-x:1', %2)")
                .arg(now.arg(QString()), now.arg(QStringLiteral(", '+60 seconds'")))})
        QVERIFY2(m_db->exec(sql), qPrintable(sql));
    m_window = std::make_unique<MainWindow>();
    const QSize screen = m_window->screen()->availableSize();
    QVERIFY2(m_window->width() <= screen.width() && m_window->height() <= screen.height(),
        qPrintable(QStringLiteral("%1x%2 on %3x%4")
                       .arg(m_window->width())
                       .arg(m_window->height())
                       .arg(screen.width())
                       .arg(screen.height())));
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    JobSummaryBar *bar = m_window->jobsView()->summaryBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->count(JobState::Overdue) == 1 && bar->count(JobState::Error) == 1
            && bar->count(JobState::Stuck) == 1 && bar->count(JobState::Disabled) == 1,
        10000);
    QVERIFY(fitsEightHundredPixels());
}

void TestConsoleLayout::bannerHeightBounded()
{
    openWindow(QSize(1280, 760));
    m_window->showMaximized();
    m_window->resize(1920, 1080); // offscreen: maximized is the screen's size at most
    QCoreApplication::processEvents();
    m_window->banner()->showMessage(QStringLiteral("Reconnecting…"),
        QStringLiteral("could not connect to server: Connection refused"));
    QCoreApplication::processEvents();
    QTRY_VERIFY(m_window->banner()->isVisible());
    QVERIFY2(m_window->banner()->height() <= 4 * m_window->fontMetrics().height() + 24,
        qPrintable(QString::number(m_window->banner()->height())));
}

// At 800 px in pt_BR a long message ends in "…" inside the room left of the permanent labels,
// and the tooltip has all of it (QStatusBar cut it silently).
// The Details pane clipped a long value with no sign it was cut (walk-through, issue 16): it
// now ends in "…", whole in the tooltip and through Copy.
void TestConsoleLayout::detailsValuesEndInEllipsis()
{
    const QString error = QStringLiteral(
        "connection to server at \"db-primario.interno\" (10.0.4.17), port 5432 failed: "
        "FATAL: remaining connection slots are reserved for non-replication superuser "
        "connections\nsecond line");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job;
    job.name = QStringLiteral("importar_precos_fornecedores");
    job.intervalHours = 6;
    job.lastRun = now.addSecs(-60);
    job.nextRun = now.addSecs(6 * 3600);
    job.lastStatus = QStringLiteral("error");
    job.lastResultJson = QJsonDocument(
        QJsonObject{{QStringLiteral("error"),
            error}}).toJson(QJsonDocument::Compact);
    JobDetailsView view;
    view.resize(360, 600);
    view.setJob(job, now);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *label = view.findChild<ElidingLabel *>(QStringLiteral("detailsError"));
    QVERIFY(label);
    QCOMPARE(label->fullText(), error);
    QTRY_VERIFY(label->width() > 0 && label->width() < 360);
    const QString shown = label->shownText();
    QVERIFY2(shown.endsWith(QChar(0x2026)) && shown.startsWith(QLatin1String("connection to")),
        qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1Char('\n')));
    QCOMPARE(label->toolTip(), error);
    QGuiApplication::clipboard()->clear();
    label->setFocus();
    QTest::keySequence(label, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), error);
    // A short value is shown whole.
    const auto *schedule = view.findChild<ElidingLabel *>(QStringLiteral("detailsSchedule"));
    QVERIFY(schedule);
    QCOMPARE(schedule->shownText(), schedule->fullText());
}

// Recent history said "just now" for a run the table called "2 min ago": its times were written
// once, when the rows came. They follow the countdowns' tick now.
void TestConsoleLayout::recentHistoryTimesTick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job;
    job.name = QStringLiteral("hourly");
    job.intervalHours = 1;
    job.lastRun = now.addSecs(-10);
    HistoryEntry entry;
    entry.createdAt = now.addSecs(-10);
    entry.action = QStringLiteral("cron_job_success");
    entry.job = job.name;
    entry.status = QStringLiteral("success");
    JobDetailsView view;
    view.setJob(job, now);
    view.setHistory({entry}, now);
    auto *history = view.findChild<QTreeWidget *>(QStringLiteral("detailsHistory"));
    QVERIFY(history);
    QCOMPARE(history->topLevelItem(0)->text(0), RelativeTime::ago(entry.createdAt, now));
    const QDateTime later = now.addSecs(130);
    view.setJob(job, later); // the tick
    QCOMPARE(history->topLevelItem(0)->text(0), RelativeTime::ago(entry.createdAt, later));
    QVERIFY(history->topLevelItem(0)->text(0) != RelativeTime::ago(entry.createdAt, now));
}

void TestConsoleLayout::longStatusMessageElided()
{
    useLanguage(QStringLiteral("pt_BR"));
    openWindow(QSize(800, 500));
    auto *bar = qobject_cast<ElidingStatusBar *>(m_window->statusBar());
    QVERIFY(bar);
    const QString message = QStringLiteral(
        "Execução de importar_precos_fornecedores pedida; o executor srv-backup-01:4242 a "
        "iniciará no próximo ciclo, depois de renovar a concessão de todas as tarefas");
    bar->showMessage(message, 60000);
    QCoreApplication::processEvents();
    const QString shown = bar->shownMessage();
    QVERIFY2(shown.endsWith(QChar(0x2026)), qPrintable(shown));
    QVERIFY(shown.size() < message.size());
    const QRect room = bar->messageRect();
    QVERIFY2(bar->fontMetrics().horizontalAdvance(shown) <= room.width(),
        qPrintable(QStringLiteral("%1 in %2").arg(shown).arg(room.width())));
    for (auto *label : bar->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (label->isVisible())
            QVERIFY2(room.right() < label->x(), qPrintable(label->text()));
    }
    QCOMPARE(bar->toolTip(), message);
    // A short one is shown whole.
    bar->showMessage(QStringLiteral("Pronto"), 60000);
    QCOMPARE(bar->shownMessage(), QStringLiteral("Pronto"));
}

namespace {

QPalette schemePalette(bool dark)
{
    QPalette palette;
    const QColor window = dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef);
    const QColor text = dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(0x10, 0x10, 0x10);
    for (const QPalette::ColorGroup group :
        {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, window);
        palette.setColor(group, QPalette::WindowText, text);
        palette.setColor(group, QPalette::Base, dark ? QColor(0x20, 0x20, 0x20) : Qt::white);
        palette.setColor(group, QPalette::Text, text);
        palette.setColor(group, QPalette::Button, window);
        palette.setColor(group, QPalette::ButtonText, text);
        // Dark: the scheme's unreadable default (black at half opacity); light: a readable grey.
        palette.setColor(group, QPalette::PlaceholderText,
            dark ? QColor(0, 0, 0, 128) : QColor(0x5e, 0x5e, 0x5e));
    }
    return palette;
}

} // namespace

// The desktop switching light -> dark -> light while the console runs: the search field's
// placeholder and an error text follow each time (they were fixed once, at startup).
void TestConsoleLayout::paletteChangeFollowedLive()
{
    const QPalette before = QApplication::palette();
    openWindow(QSize(1280, 760));
    QLineEdit *search = nullptr;
    for (auto *edit : m_window->findChildren<QLineEdit *>()) {
        if (!edit->placeholderText().isEmpty() && edit->isVisible()) {
            search = edit;
            break;
        }
    }
    QVERIFY(search);
    QTemporaryDir dir;
    auto *editor = m_window->findChild<RunnerConfigEditor *>();
    QVERIFY(editor);
    editor->load(dir.filePath(QStringLiteral("runner.json")));
    editor->findChild<QPlainTextEdit *>(QStringLiteral("runnerConfigText"))
        ->setPlainText(QStringLiteral("{ nope"));
    auto *error = editor->findChild<QLabel *>(QStringLiteral("runnerConfigStatus"));
    QVERIFY(error);
    QVERIFY(!error->text().isEmpty());

    for (const bool dark : {false, true, false}) {
        const QPalette scheme = schemePalette(dark);
        QApplication::setPalette(scheme);
        QCoreApplication::processEvents();
        const QPalette field = search->palette();
        QCOMPARE(field.color(QPalette::Base), scheme.color(QPalette::Base)); // it did change
        const double placeholder
            = Contrast::ratio(field.color(QPalette::PlaceholderText), field.color(QPalette::Base));
        QVERIFY2(placeholder >= 4.5,
            qPrintable(QStringLiteral("%1 placeholder %2 on %3: %4")
                           .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"),
                               field.color(QPalette::PlaceholderText).name(QColor::HexArgb),
                               field.color(QPalette::Base).name())
                           .arg(placeholder)));
        const QPalette label = error->palette();
        QCOMPARE(label.color(QPalette::Window), scheme.color(QPalette::Window));
        const double red
            = Contrast::ratio(label.color(QPalette::WindowText), label.color(QPalette::Window));
        QVERIFY2(red >= 4.5,
            qPrintable(QStringLiteral("%1 error %2 on %3: %4")
                           .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"),
                               label.color(QPalette::WindowText).name(),
                               label.color(QPalette::Window).name())
                           .arg(red)));
        QVERIFY(
            label.color(QPalette::WindowText).red() > label.color(QPalette::WindowText).green());
    }
    QApplication::setPalette(before);
}

// The fitter on a plain table: free text gives up width first, in order and down to its floor,
// then optional columns step aside and come back, and what cannot fit scrolls instead of being
// cut; a column hidden by someone else stays hidden.
void TestConsoleLayout::fitterGivesUpFreeTextFirst()
{
    QStandardItemModel model(3, 5);
    QTableView view;
    view.setModel(&model);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    view.verticalHeader()->hide();
    QHeaderView *header = view.horizontalHeader();
    header->setMinimumSectionSize(10);
    const int widths[] = {100, 80, 120, 60, 150}; // 0 time, 1 status, 2 text, 3 who, 4 summary
    for (int column = 0; column < 5; ++column)
        header->resizeSection(column, widths[column]);
    view.setColumnHidden(3, false);
    auto *fitter = ColumnFitter::attach(&view, header, {{4, 2}, 40, 0, {3}});
    const auto sizes = [&] {
        QStringList out;
        for (int column = 0; column < 5; ++column)
            out << (view.isColumnHidden(column) ? QStringLiteral("-")
                                                : QString::number(view.columnWidth(column)));
        return out.join(QLatin1Char(' ')) + QStringLiteral(" in %1").arg(view.viewport()->width());
    };
    const auto widthFor = [&](int viewport) {
        view.resize(viewport + view.width() - view.viewport()->width(), 200);
        QCoreApplication::processEvents();
    };
    view.resize(700, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    widthFor(600); // room for all: preferences kept, the last takes the rest
    QVERIFY2(view.columnWidth(0) == 100 && view.columnWidth(1) == 80 && view.columnWidth(2) == 120
            && view.columnWidth(3) == 60 && view.columnWidth(4) == 600 - 360,
        qPrintable(sizes()));
    widthFor(450); // 60 too little: the summary alone gives it
    QVERIFY2(view.columnWidth(4) == 90 && view.columnWidth(2) == 120, qPrintable(sizes()));
    widthFor(330); // the summary at its floor, then the text column
    QVERIFY2(view.columnWidth(4) == 40 && view.columnWidth(2) == 50 && view.columnWidth(0) == 100
            && view.columnWidth(1) == 80 && !view.isColumnHidden(3),
        qPrintable(sizes()));
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    widthFor(280); // floors reached: "who" steps aside
    QVERIFY2(view.isColumnHidden(3), qPrintable(sizes()));
    QCOMPARE(fitter->hiddenForRoom(), QSet<int>{3});
    QVERIFY2(view.columnWidth(0) == 100 && view.columnWidth(1) == 80, qPrintable(sizes()));
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    widthFor(150); // not even the time and status fit: they stay whole, the view scrolls
    QVERIFY2(view.columnWidth(0) == 100 && view.columnWidth(1) == 80, qPrintable(sizes()));
    QTRY_VERIFY(view.horizontalScrollBar()->maximum() > 0);
    widthFor(600); // room again: "who" is back, every preference too
    QVERIFY2(!view.isColumnHidden(3) && view.columnWidth(2) == 120 && view.columnWidth(3) == 60,
        qPrintable(sizes()));
    QTRY_COMPARE(view.horizontalScrollBar()->maximum(), 0);
    // A column the code hides stays hidden, and its room goes to the others.
    view.setColumnHidden(1, true);
    QCoreApplication::processEvents();
    widthFor(300);
    QVERIFY2(view.isColumnHidden(1) && !view.isColumnHidden(3), qPrintable(sizes()));
    // A width set from outside (resizeColumnToContents, a drag) is the new preference.
    header->resizeSection(0, 130);
    QCoreApplication::processEvents();
    QCOMPARE(view.columnWidth(0), 130);

    // With a comfortable width, "who" steps aside before the text is squeezed that far: at 330
    // the floors fit, the comfortable widths (100 for the text) do not.
    delete fitter;
    for (int column = 0; column < 5; ++column) {
        view.setColumnHidden(column, false);
        header->resizeSection(column, widths[column]);
    }
    fitter = ColumnFitter::attach(&view, header, {{4, 2}, 40, 100, {3}});
    widthFor(600);
    QVERIFY2(!view.isColumnHidden(3), qPrintable(sizes()));
    widthFor(330);
    QVERIFY2(view.isColumnHidden(3) && view.columnWidth(2) >= 100, qPrintable(sizes()));
}

// The flow layout on plain buttons: items at their size hint wrap where the width runs out, a
// forced break holds, a stretching item takes its line's spare width, a hidden one takes no
// room, the minimum is the widest item, and the height follows the width it was given.
void TestConsoleLayout::flowLayoutWrapsAtSizeHints()
{
    QWidget window;
    auto *layout = new FlowLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    QList<QPushButton *> buttons;
    for (const char *text : {"one", "a longer two", "three", "four", "five is last"})
        buttons << new QPushButton(QString::fromLatin1(text));
    layout->addWidget(buttons.at(0));
    layout->addWidget(buttons.at(1));
    layout->addLineBreak();
    layout->addWidget(buttons.at(2));
    layout->addWidget(buttons.at(3), 1);
    layout->addWidget(buttons.at(4));
    const auto width = [&](int i) { return buttons.at(i)->sizeHint().width(); };
    const int firstLine = width(0) + 4 + width(1);
    const int secondLine = width(2) + 4 + width(3) + 4 + width(4);
    QCOMPARE(layout->sizeHint().width(), std::max(firstLine, secondLine));
    int widest = 0;
    for (int i = 0; i < buttons.size(); ++i)
        widest = std::max(widest, width(i));
    QCOMPARE(layout->minimumSize().width(), widest);

    const auto showAt = [&](int w) {
        window.resize(w, window.height());
        for (int pass = 0; pass < 5; ++pass)
            QCoreApplication::processEvents();
    };
    const auto lines = [&] {
        QStringList out;
        for (const QPushButton *button : std::as_const(buttons))
            out << QStringLiteral("%1@%2,%3 %4")
                       .arg(button->text())
                       .arg(button->x())
                       .arg(button->y())
                       .arg(button->width());
        return out.join(QLatin1String("; ")) + QStringLiteral(" in %1").arg(window.width());
    };
    window.resize(layout->sizeHint().width() + 50, 10);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showAt(layout->sizeHint().width() + 50);
    // Two lines: the forced break, and nothing else wraps; "four" takes the 50 spare pixels.
    QCOMPARE(layout->lineCount(), 2);
    QVERIFY2(buttons.at(1)->y() == buttons.at(0)->y() && buttons.at(2)->y() > buttons.at(0)->y()
            && buttons.at(4)->y() == buttons.at(2)->y(),
        qPrintable(lines()));
    QVERIFY2(buttons.at(3)->width() == width(3) + 50 + layout->sizeHint().width() - secondLine,
        qPrintable(lines()));
    QCOMPARE(buttons.at(4)->geometry().right(), window.width() - 1);
    QVERIFY2(window.height() >= layout->heightFor(window.width()), qPrintable(lines()));

    // Too narrow for the second line: "five is last" wraps, every button keeps its hint.
    showAt(secondLine - 1);
    QCOMPARE(layout->lineCount(), 3);
    for (int i = 0; i < buttons.size(); ++i)
        QVERIFY2(buttons.at(i)->width() >= width(i), qPrintable(lines()));
    QVERIFY2(
        buttons.at(4)->x() == 0 && buttons.at(4)->y() > buttons.at(3)->y(), qPrintable(lines()));
    // The window grew to the three lines (a posted pass), and shows them whole.
    QVERIFY2(buttons.at(4)->geometry().bottom() < window.height(), qPrintable(lines()));

    // At the widest button: one a line.
    showAt(widest);
    QCOMPARE(layout->lineCount(), 5);
    QVERIFY2(buttons.at(4)->geometry().bottom() < window.height(), qPrintable(lines()));

    // A hidden button takes no room: "three" and "five is last" close up around "four".
    showAt(secondLine + 20);
    buttons.at(3)->hide();
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents();
    QCOMPARE(layout->lineCount(), 2);
    QVERIFY2(buttons.at(4)->x() == width(2) + 4, qPrintable(lines()));
}

QTEST_MAIN(TestConsoleLayout)
#include "tst_consolelayout.moc"
