#include "ui/common/relativetime.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace RelativeTime {

namespace {

// This file's user-visible strings, in the "RelativeTime" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)
};

// Plurals: the literal and the count in one tr() call, for lupdate to see them.
QString minutesAgo(int n)
{
    return Text::tr("%n min ago", nullptr, n);
}

QString hoursAgo(int n)
{
    return Text::tr("%n h ago", nullptr, n);
}

QString daysAgo(int n)
{
    return Text::tr("%n d ago", nullptr, n);
}

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString ago(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    const qint64 seconds = then.secsTo(now);
    if (seconds < 0)
        return Text::tr("in %1").arg(duration(-seconds));
    if (seconds < 60)
        return Text::tr("just now");
    if (seconds < 3600)
        return minutesAgo(int(seconds / 60));
    if (seconds < 48 * 3600)
        return hoursAgo(int(seconds / 3600));
    return daysAgo(int(seconds / 86400));
}

QString countdown(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    // Whole seconds rounded up: 0.6 s ahead is "in 1 s", not "now" beside a state that is not
    // due yet (secsTo() rounds toward zero: the table flashed "now" before "due now").
    const qint64 ms = now.msecsTo(then);
    if (ms <= 0)
        return Text::tr("now");
    const qint64 seconds = (ms + 999) / 1000;
    // Not mm:ss, which reads as hours beside "in 5 h 59 min".
    return Text::tr("in %1").arg(duration(seconds));
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return Text::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return Text::tr("%1 min %2 s").arg(seconds / 60).arg(twoDigits(seconds % 60));
    if (seconds < 48 * 3600)
        return Text::tr("%1 h %2 min").arg(seconds / 3600).arg(twoDigits(seconds % 3600 / 60));
    return Text::tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString runDuration(double seconds)
{
    if (seconds < 0)
        seconds = 0;
    const double tenths = std::round(seconds * 10) / 10;
    if (tenths < 10) {
        // Tenths only when there are some: a whole 2 reads "2 s" wherever it is shown.
        const bool whole = tenths == std::floor(tenths);
        return Text::tr("%1 s").arg(QLocale().toString(tenths, 'f', whole ? 0 : 1));
    }
    return duration(qint64(std::llround(seconds)));
}

QString runDuration(
    const QDateTime &start, const QDateTime &end, std::optional<double> measuredSeconds)
{
    if (measuredSeconds)
        return runDuration(*measuredSeconds);
    return runDuration(double(qMax<qint64>(0, start.msecsTo(end))) / 1000.0);
}

QString absolute(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    return QLocale().toString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
        + local.timeZoneAbbreviation();
}

} // namespace RelativeTime
