// The console's layout (issue 16, item 9): at the default 1280x760 the job table's default
// columns need no horizontal scroll and the History filter row fits its pane; at 800x500 the
// Status column is on screen; the reconnect banner stays short in a maximized window. The first
// two in English and in Brazilian Portuguese, whose words are longer.
#include "tst_consolefixture.h"

#include "ui/history/historypanel.h"
#include "ui/history/runsview.h"
#include "ui/jobs/elidingheaderview.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QTreeWidget>

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
    void bannerHeightBounded();

private:
    void openWindow(const QSize &size);
    void showHistory();
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
    openWindow(QSize(1280, 760));
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

QTEST_MAIN(TestConsoleLayout)
#include "tst_consolelayout.moc"
