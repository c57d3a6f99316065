#include "ui/history/durationchart.h"

#include <QEvent>

#include "ui/common/statusstyle.h"
#include "ui/history/timeaxisfit.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

DurationChart::DurationChart(QWidget *parent)
    : QChartView(parent)
    , m_durations(new QLineSeries)
    , m_errors(new QScatterSeries)
    , m_time(new QDateTimeAxis)
    , m_seconds(new QValueAxis)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_durations->setName(tr("Duration (s)"));
    m_durations->setPointsVisible(true);
    m_durations->setColor(StatusStyle::color(JobState::Success));
    m_errors->setName(tr("Failed run"));
    m_errors->setColor(StatusStyle::color(JobState::Error));
    m_errors->setBorderColor(StatusStyle::color(JobState::Error).darker(140));
    m_errors->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_errors->setMarkerSize(11);
    chart->addSeries(m_durations);
    chart->addSeries(m_errors);
    // Format, title and tick count follow the range and the width: fitTimeAxis().
    m_seconds->setTitleText(tr("Seconds"));
    m_seconds->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_seconds, Qt::AlignLeft);
    for (QXYSeries *series :
        {static_cast<QXYSeries *>(m_durations), static_cast<QXYSeries *>(m_errors)}) {
        series->attachAxis(m_time);
        series->attachAxis(m_seconds);
    }
    setChart(chart);
    // A resize or new labels (a new range, format or font) move the plot area.
    connect(chart, &QChart::plotAreaChanged, this, [this] { fitTimeAxis(); });
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    followPalette();
    setRuns({}, {});
}

void DurationChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void DurationChart::followPalette()
{
    // The chart paints its own background: without this it stays white on a dark desktop.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(palette().color(QPalette::Base));
    // The theme resets the series' colours: the status colours again.
    m_durations->setColor(StatusStyle::color(JobState::Success));
    m_errors->setColor(StatusStyle::color(JobState::Error));
    m_errors->setBorderColor(StatusStyle::color(JobState::Error).darker(140));
    fitTimeAxis(); // the theme sets the label font
}

void DurationChart::fitTimeAxis()
{
    // Re-entered when a new tick count or format lays the chart out again.
    if (m_fitting)
        return;
    m_fitting = true;
    const QDateTime min = m_time->min();
    const QDateTime max = m_time->max();
    // QtCharts formats the labels with the chart's locale (the UI's, taken at construction).
    const QLocale locale = chart()->locale();
    // Measured as QtCharts measures its labels: HTML in a text document, half-pixel margin.
    QTextDocument document;
    document.setDocumentMargin(0.5);
    document.setDefaultFont(m_time->labelsFont());
    const auto measure = [&document](const QString &label) {
        document.setHtml(label);
        return document.size().width();
    };
    // Two-line labels where the height allows; in a short chart (the 800x500 window's pane)
    // one line, and without the legend when even one line would be cut.
    const double height = chart()->size().height();
    const bool twoLines = height >= neededHeight(2);
    const bool legend = twoLines || height >= neededHeight(1);
    if (chart()->legend()->isVisible() != legend)
        chart()->legend()->setVisible(legend);
    const double width = chart()->plotArea().width();
    TimeAxisFit::Format format = TimeAxisFit::format(
        min, max, locale, twoLines ? TimeAxisFit::TwoLines : TimeAxisFit::OneLine);
    if (!format.oneDay && !twoLines && width > 0
        && !TimeAxisFit::fits(min, max, 2, format.labels, locale, width, measure))
        format = TimeAxisFit::format(min, max, locale, TimeAxisFit::DayOnly);
    if (m_time->format() != format.labels)
        m_time->setFormat(format.labels);
    const QString title = format.oneDay
        ? tr("Local time, %1")
              .arg(locale.toString(min.toLocalTime().date(), TimeAxisFit::dayFormat(locale)))
        : tr("Local time");
    if (m_time->titleText() != title)
        m_time->setTitleText(title);
    if (width > 0) {
        const int ticks = TimeAxisFit::tickCount(min, max, format.labels, locale, width, measure);
        if (m_time->tickCount() != ticks)
            m_time->setTickCount(ticks);
    }
    m_fitting = false;
}

double DurationChart::neededHeight(int labelLines) const
{
    // QtCharts gives the time axis at most 40 % of the height its title, legend and margins
    // leave, and cuts labels taller than what is left of that after the axis title to "...".
    QTextDocument document;
    document.setDocumentMargin(0.5);
    document.setDefaultFont(m_time->labelsFont());
    document.setHtml(labelLines > 1 ? QStringLiteral("0<br>0") : QStringLiteral("0"));
    const double labels = document.size().height();
    const double axisTitle = QFontMetricsF(m_time->titleFont()).height() + 2 * 2.0;
    const double axis = labels + 4.0 + axisTitle + 1.0;
    qreal left = 0, top = 0, right = 0, bottom = 0;
    if (chart()->layout())
        chart()->layout()->getContentsMargins(&left, &top, &right, &bottom);
    const double title = QFontMetricsF(chart()->titleFont()).height() + 2.0;
    const double legendHeight = chart()->legend()->effectiveSizeHint(Qt::PreferredSize).height();
    return top + bottom + chart()->margins().top() + chart()->margins().bottom() + title
        + legendHeight + axis / 0.4 + 8.0; // a few pixels for QtCharts' own rounding
}

void DurationChart::setRuns(const QString &job, const QList<DurationPoint> &points)
{
    QList<const DurationPoint *> runs;
    for (const DurationPoint &point : points)
        runs << &point;
    std::sort(runs.begin(), runs.end(),
        [](const DurationPoint *a, const DurationPoint *b) { return a->at < b->at; });
    QList<QPointF> durations;
    QList<QPointF> errors;
    double longest = 0;
    for (const DurationPoint *run : runs) {
        // Local time on the axis, as in the table.
        const QPointF point(double(run->at.toMSecsSinceEpoch()), run->seconds);
        durations << point;
        if (run->failed)
            errors << point;
        longest = std::max(longest, run->seconds);
    }
    m_durations->replace(durations);
    m_errors->replace(errors);
    if (job.isEmpty())
        chart()->setTitle(tr("Select a job to see the durations of its runs"));
    else if (runs.isEmpty())
        chart()->setTitle(tr("%1: no runs in this range").arg(job));
    else
        chart()->setTitle(tr("%1: last %n run(s)", nullptr, int(runs.size())).arg(job));
    if (runs.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTime();
        m_time->setRange(now.addDays(-1), now);
        m_seconds->setRange(0, 1);
        m_seconds->setTickCount(2); // 0 and 1 (five ticks read "0, 0, 1, 1, 1")
        fitSecondsLabels();
        fitTimeAxis();
        return;
    }
    QDateTime first = runs.constFirst()->at.toLocalTime();
    QDateTime last = runs.constLast()->at.toLocalTime();
    if (first == last) { // one run: give the axis some width
        first = first.addSecs(-1800);
        last = last.addSecs(1800);
    }
    const qint64 pad = std::max<qint64>(first.msecsTo(last) / 40, 1000);
    m_time->setRange(first.addMSecs(-pad), last.addMSecs(pad));
    fitTimeAxis();
    m_seconds->setTickCount(5);
    m_seconds->setRange(0, longest * 1.1 + 1);
    m_seconds->applyNiceNumbers();
    fitSecondsLabels();
}

void DurationChart::fitSecondsLabels()
{
    // As many decimals as the step between ticks needs: every label differs ("0.5" between
    // "0" and "1", not a second "1").
    const double step
        = (m_seconds->max() - m_seconds->min()) / std::max(1, m_seconds->tickCount() - 1);
    const int decimals = step >= 1 - 1e-9 ? 0 : step >= 0.1 - 1e-9 ? 1 : 2;
    m_seconds->setLabelFormat(
        QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
}
