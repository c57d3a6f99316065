#pragma once

#include <QString>

#include <functional>

class QDateTime;
class QLocale;

// How the duration chart's time axis reads at the width it has (issue 16): the label format
// from the range (times of day within one day, the day too across days, in the UI language's
// day/month order) and the most ticks whose labels fit side by side. Widget-free apart from
// the text measure the caller passes.
namespace TimeAxisFit {

struct Format {
    QString labels; // a QDateTime format; may hold a "<br>" (QtCharts draws labels as HTML)
    bool oneDay = false; // every tick falls on one local day: the caller names it once
};

// Across days: the day above the time, beside it, or the day alone (a short, narrow chart).
enum Layout { TwoLines, OneLine, DayOnly };
Format format(
    const QDateTime &min, const QDateTime &max, const QLocale &locale, Layout layout = TwoLines);

// The locale's short date without its year ("dd/MM" in pt_BR, "M/d" in en_US).
QString dayMonthFormat(const QLocale &locale);
// The locale's short date with a four-digit year ("01/12/2026", "12/1/2026").
QString dayFormat(const QLocale &locale);

// The labels QtCharts makes for `ticks` ticks over [min, max] (its own arithmetic).
QStringList tickLabels(const QDateTime &min, const QDateTime &max, int ticks, const QString &format,
    const QLocale &locale);

// Whether `ticks` ticks' labels fit side by side in `plotWidth` (as tickCount() counts).
bool fits(const QDateTime &min, const QDateTime &max, int ticks, const QString &format,
    const QLocale &locale, double plotWidth, const std::function<double(const QString &)> &measure);

// The most ticks (at least 2, at most `maximum`) whose widest label fits its share of
// `plotWidth` with QtCharts' label padding and a gap; `measure` gives a label's drawn width.
int tickCount(const QDateTime &min, const QDateTime &max, const QString &format,
    const QLocale &locale, double plotWidth, const std::function<double(const QString &)> &measure,
    int maximum = 24);

} // namespace TimeAxisFit
