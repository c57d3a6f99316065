// The duration chart's time axis (issue 16, item "the time-axis labels are cut off"): at every
// width the History pane can give the chart, for short and long ranges, in English and in
// Brazilian Portuguese, the labels QtCharts puts in the scene are whole, inside the view, apart
// from each other, and at least two; a range within one day names its day once, in the axis
// title; longer ranges write the day in the UI language's order; a resize or a new range picks
// the ticks and the format again. Also at the least height the chart takes (160 px: the pane of an
// 800x500 window), where two-line labels, and with the legend even one line, would be cut.
#include "ui/history/durationchart.h"

#include <QChart>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

#include <algorithm>
#include <memory>

namespace {

struct AxisLabel {
    QString text;
    QRectF rect; // scene coordinates
    bool visible = false;
};

QString plainText(const QGraphicsItem *item)
{
    if (const auto *text = qgraphicsitem_cast<const QGraphicsTextItem *>(item))
        return text->toPlainText();
    if (const auto *simple = qgraphicsitem_cast<const QGraphicsSimpleTextItem *>(item))
        return simple->text();
    return {};
}

bool isText(const QGraphicsItem *item)
{
    return item->type() == QGraphicsTextItem::Type || item->type() == QGraphicsSimpleTextItem::Type;
}

// The time axis' tick labels: the row of text items that starts just below the plot area (the
// axis title and the legend lie further down; the seconds axis' labels beside the plot area).
QList<AxisLabel> timeAxisLabels(const QChartView &view)
{
    const QRectF plot = view.chart()->mapRectToScene(view.chart()->plotArea());
    QList<AxisLabel> labels;
    for (const QGraphicsItem *item : view.scene()->items()) {
        if (!isText(item))
            continue;
        const QRectF rect = item->sceneBoundingRect();
        // Labels sit labelPadding (4 px) below the axis line; a half-line of slack for rounding.
        if (rect.top() < plot.bottom() - 1 || rect.top() > plot.bottom() + 10)
            continue;
        labels.append({plainText(item), rect, item->isVisible()});
    }
    std::sort(labels.begin(), labels.end(),
        [](const AxisLabel &a, const AxisLabel &b) { return a.rect.left() < b.rect.left(); });
    return labels;
}

QString describe(const QList<AxisLabel> &labels)
{
    QStringList parts;
    for (const AxisLabel &label : labels)
        parts << QStringLiteral("\"%1\"@%2..%3%4")
                     .arg(QString(label.text)
                              .replace(QChar::LineSeparator, QLatin1Char('|'))
                              .replace(QLatin1Char('\n'), QLatin1Char('|')))
                     .arg(label.rect.left(), 0, 'f', 0)
                     .arg(label.rect.right(), 0, 'f', 0)
                     .arg(label.visible ? QString() : QStringLiteral(" hidden"));
    return parts.join(QLatin1Char(' '));
}

// What is wrong with the time axis as drawn; empty when every label reads.
QStringList problems(const QChartView &view)
{
    const QList<AxisLabel> labels = timeAxisLabels(view);
    QStringList found;
    if (labels.size() < 2)
        found << QStringLiteral("%1 label(s)").arg(labels.size());
    const QRectF inside = view.mapToScene(view.viewport()->rect()).boundingRect();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const AxisLabel &label = labels.at(i);
        if (!label.visible)
            found << QStringLiteral("\"%1\" hidden").arg(label.text);
        if (label.text.contains(QChar(0x2026)) || label.text.contains(QLatin1String("...")))
            found << QStringLiteral("\"%1\" truncated").arg(label.text);
        if (label.text.trimmed().isEmpty())
            found << QStringLiteral("an empty label");
        if (!inside.contains(label.rect))
            found << QStringLiteral("\"%1\" outside the view").arg(label.text);
        if (i > 0 && labels.at(i - 1).rect.intersects(label.rect))
            found
                << QStringLiteral("\"%1\" overlaps \"%2\"").arg(labels.at(i - 1).text, label.text);
    }
    if (!found.isEmpty())
        found << QStringLiteral("labels: ") + describe(labels);
    return found;
}

// Sends what is posted (layout requests, the chart's relayout after a tick count change) until
// nothing is left, so the scene holds the labels of the final layout.
void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

} // namespace

class TestDurationChart : public QObject {
    Q_OBJECT
private slots:
    void cleanup();

    void timeLabelsRead_data();
    void timeLabelsRead();
    void followsResizeAndNewRange();
    void oneDayNamesItsDayOnce_data();
    void oneDayNamesItsDayOnce();
    void daysInTheLanguagesOrder_data();
    void daysInTheLanguagesOrder();
    void secondsLabelsDiffer_data();
    void secondsLabelsDiffer();

private:
    void useLanguage(const QString &language);
    // The chart at 480x240, showing runs over `spanSeconds`, laid out.
    static bool showRuns(DurationChart &chart, qint64 spanSeconds);
    static QList<DurationPoint> runs(qint64 spanSeconds);
    static QDateTime firstRun();

    std::unique_ptr<QTranslator> m_translator;
};

bool TestDurationChart::showRuns(DurationChart &chart, qint64 spanSeconds)
{
    chart.resize(480, 240);
    chart.setRuns(QStringLiteral("job"), runs(spanSeconds));
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return false;
    settle();
    return true;
}

void TestDurationChart::cleanup()
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    QLocale::setDefault(QLocale::c());
}

void TestDurationChart::useLanguage(const QString &language)
{
    QLocale::setDefault(QLocale(language));
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/cron-console_") + language));
    QCoreApplication::installTranslator(m_translator.get());
}

QDateTime TestDurationChart::firstRun()
{
    // Early in a local day, so 20 h of runs (and the axis' padding) stay within it.
    return QDateTime(QDate(2026, 12, 1), QTime(2, 0));
}

// 24 runs spread over `spanSeconds`, every fifth failed.
QList<DurationPoint> TestDurationChart::runs(qint64 spanSeconds)
{
    QList<DurationPoint> points;
    const int count = 24;
    for (int i = 0; i < count; ++i) {
        DurationPoint point;
        point.at = firstRun().addSecs(spanSeconds * i / (count - 1)).toUTC();
        point.seconds = 2.0 + (i % 7) * 3.5;
        point.failed = i % 5 == 4;
        points << point;
    }
    return points;
}

void TestDurationChart::timeLabelsRead_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("width");
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("height"); // 0: the least the chart asks for (the 800x500 pane)
    const QList<std::pair<const char *, qint64>> spans
        = {{"30min", 30 * 60}, {"20h", 20 * 3600}, {"3days", 3 * 86400}, {"40days", 40 * 86400}};
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("pt_BR")})
        for (const int width : {260, 360, 480, 700, 1000})
            for (const auto &[name, span] : spans)
                for (const int height : {240, 0})
                    QTest::addRow("%s-%dx%s-%s", qPrintable(language), width,
                        height ? qPrintable(QString::number(height)) : "least", name)
                        << language << width << span << height;
}

void TestDurationChart::timeLabelsRead()
{
    QFETCH(QString, language);
    QFETCH(int, width);
    QFETCH(qint64, span);
    QFETCH(int, height);
    useLanguage(language);
    DurationChart chart;
    chart.resize(width, height ? height : 240);
    chart.setRuns(QStringLiteral("importar_precos_fornecedores"), runs(span));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    settle();
    if (!height) {
        chart.resize(width, chart.minimumHeight());
        settle();
    }
    QCOMPARE(chart.width(), width);
    QStringList found;
    // Polled: the chart lays itself out again after it picks its tick count.
    QTRY_VERIFY2_WITH_TIMEOUT(
        (found = problems(chart)).isEmpty(), qPrintable(found.join(QStringLiteral("; "))), 2000);
    // Still so once everything posted has run.
    settle();
    found = problems(chart);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
}

// One chart made wide, then narrowed to the narrowest pane and given another range: it picks its
// ticks and format again each time.
void TestDurationChart::followsResizeAndNewRange()
{
    useLanguage(QStringLiteral("pt_BR"));
    DurationChart chart;
    chart.resize(1000, 240);
    chart.setRuns(QStringLiteral("job"), runs(40 * 86400));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    settle();
    QStringList found;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (found = problems(chart)).isEmpty(), qPrintable(found.join(QStringLiteral("; "))), 2000);
    const qsizetype wide = timeAxisLabels(chart).size();
    chart.resize(260, 240);
    settle();
    QTRY_VERIFY2_WITH_TIMEOUT(
        (found = problems(chart)).isEmpty(), qPrintable(found.join(QStringLiteral("; "))), 2000);
    QVERIFY2(timeAxisLabels(chart).size() < wide, qPrintable(describe(timeAxisLabels(chart))));
    chart.setRuns(QStringLiteral("job"), runs(30 * 60));
    settle();
    QTRY_VERIFY2_WITH_TIMEOUT(
        (found = problems(chart)).isEmpty(), qPrintable(found.join(QStringLiteral("; "))), 2000);
    for (const AxisLabel &label : timeAxisLabels(chart))
        QVERIFY2(QTime::fromString(label.text, QStringLiteral("HH:mm")).isValid(),
            qPrintable(label.text));
    chart.resize(700, 240);
    settle();
    QTRY_VERIFY2_WITH_TIMEOUT(
        (found = problems(chart)).isEmpty(), qPrintable(found.join(QStringLiteral("; "))), 2000);
    QVERIFY2(timeAxisLabels(chart).size() > 3, qPrintable(describe(timeAxisLabels(chart))));
}

void TestDurationChart::oneDayNamesItsDayOnce_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("day");
    // The UI language's own short date, with the whole year.
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("12/1/2026");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("01/12/2026");
}

void TestDurationChart::oneDayNamesItsDayOnce()
{
    QFETCH(QString, language);
    QFETCH(QString, day);
    useLanguage(language); // before the chart, which reads the language's formats
    DurationChart chart;
    QVERIFY(showRuns(chart, 20 * 3600));
    auto *axis = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    QVERIFY2(axis->titleText().contains(day), qPrintable(axis->titleText()));
    QVERIFY2(
        axis->titleText().startsWith(QCoreApplication::translate("DurationChart", "Local time")),
        qPrintable(axis->titleText()));
    // The labels are times of day only: no date in them.
    const QList<AxisLabel> labels = timeAxisLabels(chart);
    QVERIFY(labels.size() >= 2);
    for (const AxisLabel &label : labels)
        QVERIFY2(QTime::fromString(label.text, QStringLiteral("HH:mm")).isValid(),
            qPrintable(label.text));
}

void TestDurationChart::daysInTheLanguagesOrder_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("firstDay");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("12/1");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("01/12");
}

void TestDurationChart::daysInTheLanguagesOrder()
{
    QFETCH(QString, language);
    QFETCH(QString, firstDay);
    useLanguage(language);
    DurationChart chart;
    QVERIFY(showRuns(chart, 3 * 86400));
    const QList<AxisLabel> labels = timeAxisLabels(chart);
    QVERIFY(labels.size() >= 2);
    // The first tick is the padded start of the range, still on the first run's day.
    QVERIFY2(labels.constFirst().text.startsWith(firstDay), qPrintable(describe(labels)));
    auto *axis = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    QCOMPARE(axis->titleText(), QCoreApplication::translate("DurationChart", "Local time"));
}

void TestDurationChart::secondsLabelsDiffer_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<double>("seconds"); // the longest run; < 0: no runs
    QTest::newRow("nothing selected") << QString() << -1.0;
    QTest::newRow("no runs") << QStringLiteral("j") << -1.0;
    QTest::newRow("0.3 s") << QStringLiteral("j") << 0.3;
    QTest::newRow("2.4 s") << QStringLiteral("j") << 2.4;
    QTest::newRow("45 s") << QStringLiteral("j") << 45.0;
    QTest::newRow("1 h") << QStringLiteral("j") << 3600.0;
}

// The walk-through saw the empty chart's Seconds axis read "1, 1, 0": the labels of the value
// axis, drawn with its format at each tick, are all different.
void TestDurationChart::secondsLabelsDiffer()
{
    QFETCH(QString, job);
    QFETCH(double, seconds);
    DurationChart chart;
    QList<DurationPoint> points;
    if (seconds >= 0) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        points << DurationPoint{now.addSecs(-600), seconds / 3, false, 1}
               << DurationPoint{now, seconds, false, 2};
    }
    chart.setRuns(job, points);
    const QList<QAbstractAxis *> axes = chart.chart()->axes(Qt::Vertical);
    QCOMPARE(axes.size(), 1);
    const auto *axis = qobject_cast<QValueAxis *>(axes.constFirst());
    QVERIFY(axis);
    QVERIFY(axis->max() >= seconds);
    QStringList labels;
    const int ticks = axis->tickCount();
    QVERIFY(ticks >= 2);
    for (int i = 0; i < ticks; ++i) {
        const double value = axis->min() + (axis->max() - axis->min()) * i / (ticks - 1);
        labels << QString::asprintf(axis->labelFormat().toLatin1().constData(), value);
    }
    QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
}

QTEST_MAIN(TestDurationChart)
#include "tst_durationchart.moc"
