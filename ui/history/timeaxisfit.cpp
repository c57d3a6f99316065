#include "ui/history/timeaxisfit.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace TimeAxisFit {

namespace {

// QtCharts' gap between a label and its share of the axis, on each side (labelPadding()).
constexpr double labelPadding = 4.0;
// Room between two neighbouring labels, so they read as two.
constexpr double labelGap = 16.0;

// Where the year field of a date format starts and ends (outside quoted text), or {-1, -1}.
std::pair<qsizetype, qsizetype> yearField(const QString &format)
{
    bool quoted = false;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('y')) {
            qsizetype end = i;
            while (end < format.size() && format.at(end) == QLatin1Char('y'))
                ++end;
            return {i, end};
        }
    }
    return {-1, -1};
}

bool isSeparator(QChar c)
{
    return !c.isLetter() && c != QLatin1Char('\'');
}

} // namespace

QString dayMonthFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    auto [start, end] = yearField(format);
    if (start < 0)
        return format;
    // The separator that joins the year to the rest goes with it: "dd/MM/yyyy" -> "dd/MM",
    // "yyyy-MM-dd" -> "MM-dd".
    if (start == 0) {
        while (end < format.size() && isSeparator(format.at(end)))
            ++end;
    } else {
        while (start > 0 && isSeparator(format.at(start - 1)))
            --start;
    }
    format.remove(start, end - start);
    return format.trimmed();
}

QString dayFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    const auto [start, end] = yearField(format);
    if (start >= 0 && end - start < 4)
        format.replace(start, end - start, QStringLiteral("yyyy"));
    return format;
}

Format format(const QDateTime &min, const QDateTime &max, const QLocale &locale, Layout layout)
{
    // Ticks minutes apart would all read the same minute: seconds then.
    const bool shortRange = min.secsTo(max) <= 10 * 60;
    const QString time = shortRange ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const QDateTime first = min.toLocalTime();
    const QDateTime last = max.toLocalTime();
    if (first.date() == last.date())
        return {time, true};
    // The day above the time: two short lines fit where one long one would be cut.
    switch (layout) {
    case TwoLines:
        return {dayMonthFormat(locale) + QStringLiteral("'<br>'") + time, false};
    case OneLine:
        return {dayMonthFormat(locale) + QLatin1Char(' ') + time, false};
    case DayOnly:
        break;
    }
    return {dayMonthFormat(locale), false};
}

QStringList tickLabels(const QDateTime &min, const QDateTime &max, int ticks, const QString &format,
    const QLocale &locale)
{
    // As ChartAxisElement::createDateTimeLabels computes them.
    const double from = double(min.toMSecsSinceEpoch());
    const double to = double(max.toMSecsSinceEpoch());
    QStringList labels;
    if (to <= from || ticks < 2)
        return labels;
    for (int i = 0; i < ticks; ++i) {
        const double value = from + (i * (to - from) / (ticks - 1));
        labels << locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(value)), format);
    }
    return labels;
}

bool fits(const QDateTime &min, const QDateTime &max, int ticks, const QString &format,
    const QLocale &locale, double plotWidth, const std::function<double(const QString &)> &measure)
{
    // QtCharts gives each label the axis width divided by the tick count and cuts a longer
    // label with "...": the plot area (narrower than the axis) divided by the count, less the
    // paddings and a gap, must hold the widest label.
    double widest = 0;
    for (const QString &label : tickLabels(min, max, ticks, format, locale))
        widest = std::max(widest, measure(label));
    return ticks * (widest + 2 * labelPadding + labelGap) <= plotWidth;
}

int tickCount(const QDateTime &min, const QDateTime &max, const QString &format,
    const QLocale &locale, double plotWidth, const std::function<double(const QString &)> &measure,
    int maximum)
{
    int ticks = 2;
    while (ticks < maximum && fits(min, max, ticks + 1, format, locale, plotWidth, measure))
        ++ticks;
    return ticks;
}

} // namespace TimeAxisFit
