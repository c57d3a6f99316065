#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <array>
#include <bitset>
#include <optional>

// Why a cron expression was rejected. The message is complete on its own; field and token let a
// caller highlight the offending part.
struct CronParseError {
    QString field; // "minute", "hour", "day-of-month", "month", "day-of-week", or empty for
                   // whole-expression errors
    QString token; // the offending token, may be empty
    QString message; // full human-readable message, e.g. "minute: 61 is outside 0-59"
};

// A standard 5-field cron expression, read the way cron(8)/crontab(5) on Linux (cronie, Vixie
// cron) reads it:
//
//   minute 0-59, hour 0-23, day-of-month 1-31, month 1-12 or jan-dec, day-of-week 0-7 or sun-sat
//   (0 and 7 are Sunday). Names are case-insensitive. Each field is a comma-separated list of
//   `*`, `n`, `a-b`, `*/s`, `a-b/s` or `a/s` (which means a-max/s). Fields are separated by
//   spaces or tabs. The macros @hourly, @daily, @midnight, @weekly, @monthly, @yearly and
//   @annually are accepted; @reboot is not (it has no fire times).
//
//   When both day-of-month and day-of-week are restricted (neither field starts with `*`), a day
//   matching either fires; otherwise both must match. As in cronie, a field starting with `*`
//   (such as `*/2`) counts as unrestricted for this rule.
//
// Daylight saving time. Fire times are computed on the wall clock of the given time zone:
// - Every wall-clock time that matches fires at most once.
// - A wall-clock time skipped by a spring-forward transition fires once, at the first instant
//   after the transition (America/New_York on 2025-03-09: `30 2 * * *` fires at 03:00 EDT,
//   07:00 UTC). Several skipped matches in the same gap (e.g. `*/15 2 * * *`) coalesce into that
//   one firing.
// - A wall-clock time repeated by a fall-back transition fires once, at its first occurrence
//   (the earlier, daylight-time instant).
// - Times have minute precision: returned instants have seconds and milliseconds = 0.
//
// Each search looks at most 5 years (of wall-clock dates) past its starting point, so "0 0 30 2 *"
// never fires and "0 0 29 2 *" ends with 2096-02-29 (2100 is no leap year). Historical offsets
// that are not whole minutes (local mean time) fire at the next whole minute. The class keeps no
// mutable state: const calls are safe from several threads at once.
class CronExpression final {
    Q_DECLARE_TR_FUNCTIONS(CronExpression)
public:
    // Returns nullopt and fills *error (if non-null) when the text is invalid.
    static std::optional<CronExpression> parse(
        const QString &text, CronParseError *error = nullptr);
    static bool isValid(const QString &text, CronParseError *error = nullptr);

    QString text() const; // the expression as given, trimmed
    // The first fire instant strictly after `after`, evaluated in `zone`. Invalid QDateTime if
    // none within the next 5 years (e.g. "0 0 30 2 *"), or if `after` or `zone` is invalid. The
    // result is in UTC (Qt::UTC spec).
    QDateTime nextAfter(const QDateTime &after, const QTimeZone &zone) const;
    // The next `count` fire instants after `after` (each strictly after the previous). Shorter
    // than `count` when the schedule runs out (see nextAfter).
    QList<QDateTime> nextRuns(const QDateTime &after, const QTimeZone &zone, int count) const;
    // Does this wall-clock date/time (minute precision) match the fields?
    bool matches(const QDate &date, const QTime &time) const;

private:
    class ZoneCache;
    struct WallTime;

    CronExpression() = default;

    bool parseFields(const QString &text, CronParseError *error);
    void buildLookups();
    bool dayMatches(int day, int dayOfWeek) const;
    bool nextMatchingWallTime(WallTime &wall, qint64 lastDay) const;
    qint64 nextFireSecs(qint64 afterMSecs, ZoneCache &cache) const;

    QString m_text;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_daysOfMonth; // bit 0 unused
    std::bitset<13> m_months; // bit 0 unused
    std::bitset<7> m_daysOfWeek; // 0 = Sunday; a 7 in the text lands on bit 0
    bool m_dayOfMonthStar = false;
    bool m_dayOfWeekStar = false;
    // First set minute/hour/day at or after the index, or -1: lets the search jump, not scan.
    std::array<qint8, 61> m_nextMinute{};
    std::array<qint8, 25> m_nextHour{};
    std::array<qint8, 33> m_nextDayOfMonth{};
};
