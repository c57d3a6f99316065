// Readable messages and colours (issue 16, item 11): the chart follows a dark palette, the
// runner config's errors read on it; a missing runner.json says so; JSON errors give
// line:column; Delete warns when the job runs now; the history action filter names are friendly;
// placeholders read on a dark palette; the toolbar's icons read on a light and a dark one.
#include "tst_consolefixture.h"

#include "core/runner/runnerconfig.h"
#include "support/contrast.h"
#include "ui/common/cachedtextdelegate.h"
#include "ui/common/clampingspinbox.h"
#include "ui/common/readableindicatorstyle.h"
#include "ui/common/readablepalette.h"
#include "ui/common/statusstyle.h"
#include "ui/dialogs/deletejobdialog.h"
#include "ui/dialogs/scheduleeditor.h"
#include "ui/history/actionlabels.h"
#include "ui/history/durationchart.h"
#include "ui/history/historyfilterbar.h"
#include "ui/runners/runnerconfigeditor.h"

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

namespace {

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    return palette;
}

} // namespace

class TestConsoleLook : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void chartFollowsDarkPalette();
    void missingRunnerConfigSaysSo();
    void jsonErrorsGiveLineAndColumn();
    void configErrorReadsOnDark();
    void deleteWarnsWhenRunning();
    void actionFilterNamesAreFriendly();
    void spinBoxClampsVisibly();
    void placeholderReadsOnDark();
    void alternateRowsReadOnDark();
    void scheduleErrorReadsOnDark();
    void actionNamesEverywhere();
    void statusIconsReadOnASelectedRow();
    void toolbarIconsReadOnEitherPalette();
    void cachedCellsPaintAsTheStyleDoes();
    void indicatorsHaveABoxOnDark();
};

void TestConsoleLook::initTestCase()
{
    ConsoleFixture::isolate(); // the main window reads and writes its settings
}

void TestConsoleLook::chartFollowsDarkPalette()
{
    DurationChart chart;
    QVERIFY(chart.chart()->backgroundBrush().color().lightness() >= 128);
    chart.setPalette(darkPalette());
    QVERIFY2(chart.chart()->backgroundBrush().color().lightness() < 128,
        qPrintable(chart.chart()->backgroundBrush().color().name()));
    QCOMPARE(chart.chart()->theme(), QChart::ChartThemeDark);
}

void TestConsoleLook::missingRunnerConfigSaysSo()
{
    QTemporaryDir dir;
    RunnerConfigEditor editor;
    QSignalSpy invalid(&editor, &RunnerConfigEditor::configInvalid);
    const QString path = dir.filePath(QStringLiteral("runner.json"));
    editor.load(path);
    auto *status = editor.findChild<QLabel *>(QStringLiteral("runnerConfigStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(QLatin1String("There is no runner config at")),
        qPrintable(status->text()));
    QVERIFY(!status->text().contains(QLatin1String("byte")));
    QVERIFY(!invalid.isEmpty());
    QVERIFY2(!invalid.last().at(0).toString().contains(QLatin1String("not valid JSON")),
        qPrintable(invalid.last().at(0).toString()));
}

void TestConsoleLook::jsonErrorsGiveLineAndColumn()
{
    const Result<RunnerConfig> config = RunnerConfig::parse(
        QByteArray("{\n  \"jobs\": {\n    \"a\": {\"type\": \"command\",, }\n  }\n}\n"),
        QStringLiteral("runner.json"));
    QVERIFY(!config);
    QVERIFY2(config.error().message.startsWith(
                 QLatin1String("runner.json: not valid JSON at line 3, column ")),
        qPrintable(config.error().message));
}

void TestConsoleLook::configErrorReadsOnDark()
{
    QTemporaryDir dir;
    RunnerConfigEditor editor;
    editor.setPalette(darkPalette());
    editor.load(dir.filePath(QStringLiteral("runner.json")));
    editor.findChild<QPlainTextEdit *>(QStringLiteral("runnerConfigText"))
        ->setPlainText(QStringLiteral("{ nope"));
    auto *status = editor.findChild<QLabel *>(QStringLiteral("runnerConfigStatus"));
    const QColor text = status->palette().color(QPalette::WindowText);
    const QColor back = status->palette().color(QPalette::Window);
    // Clearly lighter than the dark background (the old red was 0xc01c28: too faint there).
    QVERIFY2(text.lightness() - back.lightness() > 80,
        qPrintable(text.name() + QLatin1Char('/') + back.name()));
}

void TestConsoleLook::deleteWarnsWhenRunning()
{
    Job job;
    job.name = QStringLiteral("busy");
    job.lastStatus = QStringLiteral("success");
    {
        DeleteJobDialog idle(job);
        QVERIFY(!idle.findChild<QLabel *>(QStringLiteral("runningWarning")));
    }
    job.lastStatus = QStringLiteral("running");
    job.leaseOwner = QStringLiteral("runner-a:42");
    DeleteJobDialog busy(job);
    auto *warning = busy.findChild<QLabel *>(QStringLiteral("runningWarning"));
    QVERIFY(warning);
    QVERIFY(warning->text().contains(QLatin1String("is running now")));
    QVERIFY(warning->text().contains(QLatin1String("runner-a:42")));
}

void TestConsoleLook::actionFilterNamesAreFriendly()
{
    HistoryFilterBar bar;
    QComboBox *combo = bar.actionCombo();
    for (int i = 0; i < combo->count(); ++i) {
        const QString text = combo->itemText(i);
        QVERIFY2(!text.contains(QLatin1Char('_')), qPrintable(text)); // no raw acao names
    }
    // The raw name is still what filters, and the item's tooltip.
    const int reset = combo->findData(QStringLiteral("cron_admin_reset"));
    QVERIFY(reset > 0);
    QCOMPARE(
        combo->itemData(reset, Qt::ToolTipRole).toString(), QStringLiteral("cron_admin_reset"));
}

void TestConsoleLook::spinBoxClampsVisibly()
{
    ClampingSpinBox box;
    box.setRange(1, 8760);
    box.setSuffix(QStringLiteral(" h"));
    box.setValue(12);
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    box.setFocus();
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("8761"));
    // Kept as typed (a stock QSpinBox shows 876 here), so the schedule editor can say why.
    QCOMPARE(box.cleanText(), QStringLiteral("8761"));
    QVERIFY(!box.hasAcceptableInput());
    QTest::keyClick(&box, Qt::Key_Return);
    QCOMPARE(box.value(), 8760); // then clamped, on screen
    QCOMPARE(box.cleanText(), QStringLiteral("8760"));
}

void TestConsoleLook::placeholderReadsOnDark()
{
    // What Qt's own KDE theme gives for a dark colour scheme: its colours, and the default
    // placeholder, black at half opacity (seen under Xvfb: the search field's hint unreadable).
    QPalette dark = darkPalette();
    dark.setColor(QPalette::PlaceholderText, QColor(0, 0, 0, 128));
    const QPalette fixed = ReadablePalette::withReadablePlaceholder(dark);
    const QColor placeholder = fixed.color(QPalette::Active, QPalette::PlaceholderText);
    const QColor base = fixed.color(QPalette::Active, QPalette::Base);
    const int shown = int(placeholder.lightness() * placeholder.alphaF()
        + base.lightness() * (1 - placeholder.alphaF()));
    QVERIFY2(shown - base.lightness() >= 60, qPrintable(QString::number(shown)));
    // Dimmer than the text itself.
    QVERIFY(shown < fixed.color(QPalette::Active, QPalette::Text).lightness());
    // A light palette's placeholder is left as it is.
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::PlaceholderText, QColor(0, 0, 0, 128));
    QCOMPARE(ReadablePalette::withReadablePlaceholder(light).color(QPalette::PlaceholderText),
        QColor(0, 0, 0, 128));
}

// A dark colour scheme without an alternate background (no BackgroundAlternate in kdeglobals):
// Qt's theme keeps its light alternate rows, and the scheme's white text on them was unreadable
// in every other row of the job and History tables.
void TestConsoleLook::alternateRowsReadOnDark()
{
    QPalette dark = darkPalette();
    dark.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    const QPalette fixed = ReadablePalette::withReadableAlternateBase(dark);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const QColor alternate = fixed.color(group, QPalette::AlternateBase);
        const double text = Contrast::ratio(fixed.color(group, QPalette::Text), alternate);
        QVERIFY2(text >= 7.0, qPrintable(QString::number(text)));
        QVERIFY(alternate != fixed.color(group, QPalette::Base)); // rows still alternate
    }
    // A scheme's own alternate colour, and a light palette's, are left as they are.
    QPalette own = darkPalette();
    own.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2e, 0x31));
    QCOMPARE(ReadablePalette::withReadableAlternateBase(own).color(QPalette::AlternateBase),
        QColor(0x2b, 0x2e, 0x31));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    light.setColor(QPalette::Text, Qt::black);
    QCOMPARE(ReadablePalette::withReadableAlternateBase(light).color(QPalette::AlternateBase),
        QColor(0xf7, 0xf7, 0xf7));
}

void TestConsoleLook::scheduleErrorReadsOnDark()
{
    // The cron error under the field took a fixed dark red (0xc01c28), faint on a dark desktop.
    const QPalette before = QApplication::palette();
    QApplication::setPalette(darkPalette());
    ScheduleEditor editor(QDateTime::currentDateTimeUtc());
    auto *error = editor.findChild<QLabel *>(QStringLiteral("scheduleError"));
    QVERIFY(error);
    const QColor text = error->palette().color(QPalette::WindowText);
    const QColor back = error->palette().color(QPalette::Window);
    QApplication::setPalette(before);
    QVERIFY2(text.lightness() - back.lightness() > 80,
        qPrintable(text.name() + QLatin1Char('/') + back.name()));
}

// Every action the console and its runners write has a name in the filter, and the same name in
// the Action column (it showed cron_job_success); a platform's own action stays as written.
void TestConsoleLook::actionNamesEverywhere()
{
    HistoryFilterBar bar;
    QComboBox *combo = bar.actionCombo();
    for (const char *action :
        {"cron_job_success", "cron_job_error", "cron_job_skipped", "cron_admin_rename",
            "cron_admin_set_description", "cron_admin_set_policy", "cron_admin_abort",
            "cron_admin_pause_all", "cron_admin_resume_all", "cron_admin_prune_history"}) {
        const int at = combo->findData(QLatin1String(action));
        QVERIFY2(at > 0, action);
        QVERIFY2(!combo->itemText(at).contains(QLatin1Char('_')), action);
        const QString label = ActionLabels::label(QLatin1String(action));
        QVERIFY2(!label.isEmpty() && !label.contains(QLatin1Char('_')), action);
        // Admin actions read the same in the filter and the column; a run is one run.
        if (QLatin1String(action).startsWith(QLatin1String("cron_admin_")))
            QCOMPARE(label, combo->itemText(at));
    }
    QCOMPARE(
        ActionLabels::label(QStringLiteral("cron_job_success")), QStringLiteral("Run succeeded"));
    QCOMPARE(
        ActionLabels::label(QStringLiteral("plataforma_sync")), QStringLiteral("plataforma_sync"));
}

namespace {

// The best contrast any pixel of `icon` drawn over `background` reaches against it.
double bestContrast(const QIcon &icon, QIcon::Mode mode, const QColor &background, int size = 16)
{
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(background);
    {
        QPainter painter(&image);
        painter.drawPixmap(0, 0, icon.pixmap(size, mode));
    }
    const double base = Contrast::luminance(background);
    double best = 1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            best = std::max(
                best, Contrast::ratio(Contrast::luminance(image.pixelColor(x, y)), base));
        }
    }
    return best;
}

} // namespace

// On a selected row (the highlight colour) every status icon stands out; the running ring,
// teal on blue, did not.
void TestConsoleLook::statusIconsReadOnASelectedRow()
{
    const QColor highlight = QApplication::palette().color(QPalette::Active, QPalette::Highlight);
    for (const JobState state :
        {JobState::Running, JobState::Success, JobState::Error, JobState::Stuck, JobState::Overdue,
            JobState::DueNow, JobState::Pending, JobState::Disabled}) {
        const double contrast = bestContrast(StatusStyle::icon(state), QIcon::Selected, highlight);
        QVERIFY2(
            contrast >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(int(state)).arg(contrast)));
    }
}

// Run now's stock icon, a black triangle, was dark on a dark toolbar (issue 16, item 11, after the
// walk-through). Without an icon theme every toolbar icon, and Abort run's in the Job menu,
// stands out from the toolbar in both palettes, enabled and disabled, disabled dimmer; and
// follows a palette change while the console runs.
void TestConsoleLook::toolbarIconsReadOnEitherPalette()
{
    const QString theme = QIcon::themeName();
    QIcon::setThemeName(QString()); // the stock icons, as on a desktop without an icon theme
    const QPalette before = QApplication::palette();
    const auto restore = qScopeGuard([&] {
        QApplication::setPalette(before);
        QIcon::setThemeName(theme);
    });
    // Breeze Dark's and Breeze's colours, as a KDE colour scheme gives them.
    QPalette dark(QColor(0x31, 0x36, 0x3b), QColor(0x31, 0x36, 0x3b));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::ButtonText})
        dark.setColor(role, QColor(0xfc, 0xfc, 0xfc));
    QPalette light(QColor(0xef, 0xf0, 0xf1), QColor(0xef, 0xf0, 0xf1));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::ButtonText})
        light.setColor(role, QColor(0x23, 0x26, 0x29));

    MainWindow window;
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("jobsToolbar"));
    QVERIFY(toolbar);
    QList<QAction *> actions;
    for (QAction *action : toolbar->actions()) {
        if (!action->isSeparator())
            actions << action;
    }
    QVERIFY(actions.size() >= 9);
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Abort run…"))
            actions << action;
    }
    QVERIFY(actions.size() >= 10);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int size = toolbar->iconSize().height();

    for (const bool isDark : {true, false, true}) {
        QApplication::setPalette(isDark ? dark : light);
        QCoreApplication::processEvents();
        const QColor back = toolbar->palette().color(QPalette::Active, QPalette::Window);
        QCOMPARE(back, (isDark ? dark : light).color(QPalette::Window)); // it did change
        const QColor disabledBack = toolbar->palette().color(QPalette::Disabled, QPalette::Window);
        for (QAction *action : std::as_const(actions)) {
            const QString what = QStringLiteral("%1 on %2").arg(action->text(), back.name());
            QVERIFY2(!action->icon().isNull(), qPrintable(what));
            const double normal = bestContrast(action->icon(), QIcon::Normal, back, size);
            const double disabled
                = bestContrast(action->icon(), QIcon::Disabled, disabledBack, size);
            QVERIFY2(normal >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(what).arg(normal)));
            QVERIFY2(disabled >= 3.0,
                qPrintable(QStringLiteral("%1 disabled: %2").arg(what).arg(disabled)));
            QVERIFY2(disabled < normal,
                qPrintable(QStringLiteral("%1: disabled %2, enabled %3")
                               .arg(what)
                               .arg(disabled)
                               .arg(normal)));
        }
    }
}

namespace {

// A table of the cells the job table has: plain, right-aligned, coloured, cut short, selected,
// a focused cell, an empty cell, and an icon cell (painted by QStyledItemDelegate either way).
QImage paintedTable(QAbstractItemDelegate *delegate, const QPalette &palette)
{
    QStandardItemModel model(4, 3);
    const QStringList texts = {QStringLiteral("nightly-report"), QStringLiteral("in 5 h 59 min"),
        QStringLiteral("a description far too long to fit in the cell it is shown in, cut")};
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 3; ++column) {
            auto *item = new QStandardItem(row == 3 && column == 0 ? QString() : texts[column]);
            if (column == 1)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == 1 && column == 0)
                item->setForeground(QColor(0xc0, 0x20, 0x20));
            if (row == 2 && column == 0)
                item->setIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
            model.setItem(row, column, item);
        }
    }
    QTableView view;
    view.setPalette(palette);
    view.setAlternatingRowColors(true);
    view.setWordWrap(false); // as the job and History tables
    view.setModel(&model);
    view.setItemDelegate(delegate);
    view.resize(420, 160);
    view.setColumnWidth(2, 150);
    view.selectionModel()->setCurrentIndex(model.index(1, 1), QItemSelectionModel::NoUpdate);
    view.selectRow(2);
    view.setFocus();
    return view.grab().toImage();
}

} // namespace

void TestConsoleLook::cachedCellsPaintAsTheStyleDoes()
{
    for (const QPalette &palette : {QApplication::palette(), darkPalette()}) {
        QStyledItemDelegate styled;
        CachedTextDelegate cached;
        const QImage expected = paintedTable(&styled, palette);
        const QImage painted = paintedTable(&cached, palette);
        QCOMPARE(painted.size(), expected.size());
        int differing = 0;
        for (int y = 0; y < painted.height(); ++y) {
            for (int x = 0; x < painted.width(); ++x)
                differing += painted.pixel(x, y) != expected.pixel(x, y);
        }
        if (differing || qEnvironmentVariableIsSet("CRON_SAVE_CELLS")) {
            expected.save(QDir::temp().filePath(QStringLiteral("cached-expected.png")));
            painted.save(QDir::temp().filePath(QStringLiteral("cached-painted.png")));
        }
        QCOMPARE(differing, 0);
        // Three texts at three widths laid out once, whatever their colour or row (the icon
        // cell is QStyledItemDelegate's); painting again lays out nothing new.
        QCOMPARE(cached.cachedTexts(), 3);
        paintedTable(&cached, palette);
        QCOMPARE(cached.cachedTexts(), 3);
    }
}

QTEST_MAIN(TestConsoleLook)
namespace {

// The highest contrast against `window` of any pixel inside the indicator of `button`, drawn
// unchecked with `style`.
double indicatorContrast(QAbstractButton &button, QStyle *style, const QPalette &palette)
{
    button.setStyle(style);
    button.setPalette(palette);
    button.setChecked(false);
    button.resize(button.sizeHint());
    QStyleOptionButton option;
    option.initFrom(&button);
    const bool box = qobject_cast<QCheckBox *>(&button) != nullptr;
    const QRect indicator = style->subElementRect(
        box ? QStyle::SE_CheckBoxIndicator : QStyle::SE_RadioButtonIndicator, &option, &button);
    const QImage image = button.grab().toImage();
    const QColor window = palette.color(QPalette::Window);
    double best = 1;
    const double scale = image.devicePixelRatio();
    for (int y = indicator.top(); y <= indicator.bottom(); ++y) {
        for (int x = indicator.left(); x <= indicator.right(); ++x)
            best = std::max(
                best, Contrast::ratio(image.pixelColor(int(x * scale), int(y * scale)), window));
    }
    return best;
}

} // namespace

// Under a dark KDE colour scheme "Start active" showed a bare tick and an unchecked box showed
// nothing (walk-through, issue 16): Fusion outlines the box with the window colour darkened.
// The box now stands out 3:1 (WCAG's contrast for a control's boundary); light: unchanged.
void TestConsoleLook::indicatorsHaveABoxOnDark()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(32, 35, 38));
    dark.setColor(QPalette::WindowText, QColor(234, 236, 238));
    dark.setColor(QPalette::Base, QColor(27, 30, 32));
    dark.setColor(QPalette::Text, QColor(234, 236, 238));
    dark.setColor(QPalette::Button, QColor(41, 44, 48));
    dark.setColor(QPalette::ButtonText, QColor(234, 236, 238));
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY(fusion);
    ReadableIndicatorStyle readable;
    QCheckBox check(QStringLiteral("Start active"));
    QRadioButton radio(QStringLiteral("Every N hours"));
    for (QAbstractButton *button :
        {static_cast<QAbstractButton *>(&check), static_cast<QAbstractButton *>(&radio)}) {
        const double before = indicatorContrast(*button, fusion.get(), dark);
        const double after = indicatorContrast(*button, &readable, dark);
        QVERIFY2(before < 3.0, qPrintable(QStringLiteral("Fusion alone: %1").arg(before)));
        QVERIFY2(after >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(button->text()).arg(after)));
        // On a light palette the style's own drawing, pixel for pixel.
        const QPalette light = fusion->standardPalette();
        QVERIFY(!ReadableIndicatorStyle::outlineFor(light).isValid());
        button->setStyle(fusion.get());
        button->setPalette(light);
        const QImage plain = button->grab().toImage();
        button->setStyle(&readable);
        QCOMPARE(button->grab().toImage(), plain);
        button->setStyle(nullptr);
    }
}

#include "tst_consolelook.moc"
