#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Times as people read them in a table: "3 h ago", "in 4 min 05 s", and the absolute local
// time for tooltips.
namespace RelativeTime {

// "just now", "5 min ago", "3 h ago", "2 d ago"; empty for an invalid time.
QString ago(const QDateTime &then, const QDateTime &now);
// A countdown to `then` in duration()'s words: "in 4 min 59 s", "in 2 h 05 min", "in 3 d 4 h";
// "now" when reached.
QString countdown(const QDateTime &then, const QDateTime &now);
// "45 s", "3 min 20 s", "1 h 02 min".
QString duration(qint64 seconds);
// A run's measured duration, the one format of the job table, the details and the history:
// "2 s", "2.4 s" (tenths under 10 s), "45 s", then duration()'s.
QString runDuration(double seconds);
// runDuration() of a run record: its measured duration when it has one, else the time from
// start to end (a running run: to now), to the millisecond, so the Runs view, the Output tab and
// the history agree on "3.1 s".
QString runDuration(
    const QDateTime &start, const QDateTime &end, std::optional<double> measuredSeconds);
// The instant in the user's zone, long enough to be unambiguous.
QString absolute(const QDateTime &time);

} // namespace RelativeTime
