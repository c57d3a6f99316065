#include "core/schedule/cronexpression.h"

#include <QCoreApplication>
#include <QStringView>

#include <algorithm>
#include <limits>
#include <vector>

namespace {

constexpr qint64 secsPerDay = 86400;
constexpr qint64 noFire = std::numeric_limits<qint64>::min();

// Floor division and modulo: wall and UTC seconds may be negative (before 1970).
constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

constexpr qint64 floorMod(qint64 a, qint64 b)
{
    return a - floorDiv(a, b) * b;
}

constexpr qint64 ceilToMinute(qint64 secs)
{
    return -floorDiv(-secs, 60) * 60;
}

// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (H. Hinnant's algorithms):
// the search runs through thousands of days, and QDate would convert back and forth each time.
constexpr qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr void civilFromDays(qint64 z, qint64 &y, int &m, int &d)
{
    z += 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

constexpr int daysInMonth(qint64 y, int m)
{
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return 29;
    return lengths[m - 1];
}

// 1970-01-01 was a Thursday; 0 = Sunday as in cron.
constexpr int weekdayFromDays(qint64 days)
{
    return int(floorMod(days + 4, 7));
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(weekdayFromDays(daysFromCivil(2025, 3, 9)) == 0);

QDateTime utcFromSecs(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

const char *const monthNames[]
    = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
const char *const dayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

struct FieldSpec {
    const char *name; // untranslated; also the value of CronParseError::field
    int low;
    int high;
    const char *const *names; // names for low, low + 1, ...; nullptr when the field has none
    int nameCount;
};

const FieldSpec fieldSpecs[5] = {
    {QT_TRANSLATE_NOOP("CronExpression", "minute"), 0, 59, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "hour"), 0, 23, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "day-of-month"), 1, 31, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "month"), 1, 12, monthNames, 12},
    {QT_TRANSLATE_NOOP("CronExpression", "day-of-week"), 0, 7, dayNames, 7},
};

// Message templates, marked for lupdate here and translated when an error is reported.
//: %1 is a field name such as "minute", %2 the number as written, %3-%4 the allowed range
const char *const outsideMessage = QT_TRANSLATE_NOOP("CronExpression", "%1: %2 is outside %3-%4");
//: %1 is a field name, %2 the token as written
const char *const notValueMessage
    = QT_TRANSLATE_NOOP("CronExpression", "%1: \"%2\" is not a number or name");
//: %1 is a field name, %2 the step as written
const char *const stepNotNumberMessage
    = QT_TRANSLATE_NOOP("CronExpression", "%1: step \"%2\" is not a number");
//: %1 is a field name, %2 the step as written
const char *const stepTooSmallMessage
    = QT_TRANSLATE_NOOP("CronExpression", "%1: step %2 must be at least 1");
//: %1 is a field name, %2 and %3 the range's ends as written
const char *const reversedMessage
    = QT_TRANSLATE_NOOP("CronExpression", "%1: range %2-%3 is reversed");
const char *const fieldCountMessage
    = QT_TRANSLATE_NOOP("CronExpression", "expected 5 fields, got %1");
//: %1 is the macro as written, such as @reboot
const char *const unknownMacroMessage = QT_TRANSLATE_NOOP("CronExpression", "unknown macro \"%1\"");
const char *const emptyMessage = QT_TRANSLATE_NOOP("CronExpression", "empty expression");

// Reports one parse failure; always returns false so callers can `return fail(...)`.
bool fail(CronParseError *error, const QString &field, const QString &token, const QString &message)
{
    if (error)
        *error = CronParseError{field, token, message};
    return false;
}

class FieldParser {
public:
    FieldParser(const FieldSpec &spec, CronParseError *error)
        : m_spec(spec)
        , m_error(error)
    { }

    // Parses one whitespace-free field into bits low..high (bit i = value i).
    bool parse(QStringView field, quint64 &bits)
    {
        bits = 0;
        qsizetype start = 0;
        while (true) {
            qsizetype comma = field.indexOf(u',', start);
            const QStringView element = field.mid(start, comma < 0 ? -1 : comma - start);
            if (element.isEmpty())
                return notValue(field);
            if (!parseElement(element, bits))
                return false;
            if (comma < 0)
                return true;
            start = comma + 1;
        }
    }

private:
    bool parseElement(QStringView element, quint64 &bits)
    {
        int first = m_spec.low;
        int last = m_spec.high;
        QStringView stepText;
        const qsizetype slash = element.indexOf(u'/');
        const QStringView range = slash < 0 ? element : element.left(slash);
        if (slash >= 0) {
            stepText = element.mid(slash + 1);
            if (stepText.isEmpty())
                return notValue(element);
        }
        if (range == u"*") {
            // first/last already cover the whole field
        } else if (range.startsWith(u'*')) {
            return notValue(element);
        } else {
            const qsizetype dash = range.indexOf(u'-');
            const QStringView firstText = dash < 0 ? range : range.left(dash);
            if (!parseValue(firstText, element, first))
                return false;
            if (dash >= 0) {
                const QStringView lastText = range.mid(dash + 1);
                if (!parseValue(lastText, element, last))
                    return false;
                if (first > last) {
                    return fail(m_error, fieldName(), range.toString(),
                        CronExpression::tr(reversedMessage)
                            .arg(translatedName(), firstText.toString(), lastText.toString()));
                }
            } else if (slash < 0) {
                last = first;
            }
            // `a/n` keeps last = high: cronie reads it as a-high/n.
        }
        int step = 1;
        if (slash >= 0 && !parseStep(stepText, step))
            return false;
        for (int value = first; value <= last; value += step)
            bits |= quint64(1) << value;
        return true;
    }

    bool parseValue(QStringView token, QStringView element, int &value)
    {
        if (token.isEmpty())
            return notValue(element);
        if (isDigits(token)) {
            value = toNumber(token);
            if (value < m_spec.low || value > m_spec.high) {
                return fail(m_error, fieldName(), token.toString(),
                    CronExpression::tr(outsideMessage)
                        .arg(translatedName(), token.toString())
                        .arg(m_spec.low)
                        .arg(m_spec.high));
            }
            return true;
        }
        for (int i = 0; i < m_spec.nameCount; ++i) {
            if (token.compare(QLatin1String(m_spec.names[i]), Qt::CaseInsensitive) == 0) {
                value = m_spec.low + i;
                return true;
            }
        }
        return notValue(token);
    }

    bool parseStep(QStringView token, int &step)
    {
        if (!isDigits(token)) {
            return fail(m_error, fieldName(), token.toString(),
                CronExpression::tr(stepNotNumberMessage).arg(translatedName(), token.toString()));
        }
        step = toNumber(token);
        if (step < 1) {
            return fail(m_error, fieldName(), token.toString(),
                CronExpression::tr(stepTooSmallMessage).arg(translatedName(), token.toString()));
        }
        return true;
    }

    bool notValue(QStringView token)
    {
        return fail(m_error, fieldName(), token.toString(),
            CronExpression::tr(notValueMessage).arg(translatedName(), token.toString()));
    }

    static bool isDigits(QStringView token)
    {
        return !token.isEmpty() && std::all_of(token.begin(), token.end(), [](QChar c) {
            return c >= u'0' && c <= u'9';
        });
    }

    // Saturates so that "99999999999" is reported as out of range instead of overflowing.
    static int toNumber(QStringView digits)
    {
        int value = 0;
        for (QChar c : digits)
            value = std::min(value * 10 + (c.unicode() - u'0'), 1000000);
        return value;
    }

    QString fieldName() const { return QString::fromLatin1(m_spec.name); }
    QString translatedName() const { return CronExpression::tr(m_spec.name); }

    const FieldSpec &m_spec;
    CronParseError *m_error;
};

QList<QStringView> splitFields(QStringView text)
{
    QList<QStringView> fields;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool blank = i == text.size() || text[i] == u' ' || text[i] == u'\t';
        if (blank && start >= 0) {
            fields.append(text.mid(start, i - start));
            start = -1;
        } else if (!blank && start < 0) {
            start = i;
        }
    }
    return fields;
}

} // namespace

// Wall-clock minute being examined by the search: days since 1970-01-01, hour, minute.
struct CronExpression::WallTime {
    qint64 day = 0;
    int hour = 0;
    int minute = 0;
};

// The zone's UTC offsets as a list of periods, fetched from QTimeZone a year or so at a time.
// Converting wall time to UTC ourselves lets the DST rules be applied exactly: QDateTime(date,
// time, zone) in Qt 6.4 returns an invalid QDateTime inside a spring-forward gap and picks the
// second (standard-time) occurrence of a repeated time.
class CronExpression::ZoneCache {
public:
    explicit ZoneCache(const QTimeZone &zone)
        : m_zone(zone)
        , m_hasTransitions(zone.hasTransitions())
    { }

    int offsetAt(qint64 utcSecs)
    {
        ensure(utcSecs);
        return m_offsets[periodAt(utcSecs)];
    }

    // The instant at which wall time `wallSecs` fires: its first occurrence, or for a time
    // skipped by a gap the end of that gap; rounded up to a whole minute for historical offsets
    // that are not.
    qint64 fireInstant(qint64 wallSecs)
    {
        ensure(wallSecs);
        // Period i covers UTC [m_starts[i], m_starts[i + 1]), wall [start + o_i, end + o_i).
        // The first period whose wall range ends after wallSecs either holds it (first
        // occurrence) or starts after it (it was skipped). Offsets stay within a day, so no
        // period that ended a day before wallSecs (as UTC) can be that one.
        const std::size_t count = m_starts.size();
        std::size_t i = periodAt(wallSecs - secsPerDay);
        while (i + 1 < count && m_starts[i + 1] + m_offsets[i] <= wallSecs)
            ++i;
        if (i == 0 || wallSecs >= m_starts[i] + m_offsets[i])
            return ceilToMinute(wallSecs - m_offsets[i]);
        return ceilToMinute(m_starts[i]);
    }

private:
    // From 2100 on every zone follows its final rule (tzdata's explicit tables end by 2087),
    // and under a fixed rule a year's transitions depend only on its calendar: the weekday of
    // 1 January and whether it is a leap year. Reusing the 14 kinds of year there keeps searches
    // that span centuries off QTimeZone, which is slow beyond its tables.
    static constexpr qint64 ruleYearsStart = daysFromCivil(2100, 1, 1) * secsPerDay;

    struct YearPattern {
        bool known = false;
        int startOffset = 0;
        std::vector<std::pair<qint64, int>> changes; // seconds after 1 January 00:00 UTC, offset
    };

    std::size_t periodAt(qint64 utcSecs) const
    {
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), utcSecs);
        return std::size_t(it - m_starts.begin()) - 1;
    }

    // Makes sure every period overlapping [utcSecs - 1 day, utcSecs + 1 day] is known. Offsets
    // stay within a day, so this also covers wall times passed in as approximate UTC times.
    void ensure(qint64 utcSecs)
    {
        if (m_starts.empty() || utcSecs - secsPerDay < m_from) {
            m_from = utcSecs - 2 * secsPerDay;
            m_to = m_from;
            m_starts.assign(1, std::numeric_limits<qint64>::min());
            m_offsets.assign(1, m_zone.offsetFromUtc(utcFromSecs(m_from)));
            m_chunk = 60 * secsPerDay;
        }
        const qint64 needed = utcSecs + secsPerDay;
        while (m_to <= needed) {
            if (!m_hasTransitions) {
                m_to = needed + 400 * secsPerDay;
            } else if (m_to >= ruleYearsStart) {
                appendYear();
            } else {
                const qint64 to
                    = std::min(std::max(m_to + m_chunk, needed + secsPerDay), ruleYearsStart);
                appendTransitions(to);
                m_to = to;
                m_chunk = 400 * secsPerDay; // later chunks: searches that go on tend to go far
            }
        }
    }

    // Extends the periods by the calendar year starting at m_to (or by the rest of that year).
    void appendYear()
    {
        qint64 year = 0;
        int month = 0;
        int day = 0;
        civilFromDays(floorDiv(m_to, secsPerDay), year, month, day);
        const qint64 yearStart = daysFromCivil(year, 1, 1) * secsPerDay;
        const qint64 yearEnd = daysFromCivil(year + 1, 1, 1) * secsPerDay;
        const int kind
            = weekdayFromDays(yearStart / secsPerDay) * 2 + (daysInMonth(year, 2) == 29 ? 1 : 0);
        YearPattern &pattern = m_patterns[std::size_t(kind)];
        if (m_to == yearStart && pattern.known && pattern.startOffset == m_offsets.back()) {
            for (const auto &[after, offset] : pattern.changes)
                append(yearStart + after, offset);
        } else {
            const int startOffset = m_offsets.back();
            const std::size_t before = m_starts.size();
            appendTransitions(yearEnd);
            // Only a whole year whose changes keep away from its ends can stand for others: a
            // change near 1 January could belong to the neighbouring year's rule.
            bool usable = m_to == yearStart;
            std::vector<std::pair<qint64, int>> changes;
            for (std::size_t i = before; i < m_starts.size(); ++i) {
                const qint64 after = m_starts[i] - yearStart;
                usable = usable && after > 2 * secsPerDay
                    && after < yearEnd - yearStart - 2 * secsPerDay;
                changes.emplace_back(after, m_offsets[i]);
            }
            if (usable)
                pattern = YearPattern{true, startOffset, std::move(changes)};
        }
        m_to = yearEnd;
    }

    // Appends the transitions in [m_to, to). Qt 6.4's transitions() stops at the end of the
    // zone file's table (early 2038) instead of going on with the zone's rule, so a list that
    // disagrees with previousTransition() is rebuilt from offsetFromUtc() instead.
    void appendTransitions(qint64 to)
    {
        const std::size_t kept = m_starts.size();
        qint64 lastListed = std::numeric_limits<qint64>::min();
        const auto transitions = m_zone.transitions(utcFromSecs(m_to), utcFromSecs(to));
        for (const QTimeZone::OffsetData &data : transitions) {
            const qint64 at = data.atUtc.toSecsSinceEpoch();
            // The query is inclusive at both ends; keep [m_to, to) so nothing is added twice.
            if (at < m_to || at >= to)
                continue;
            lastListed = at;
            append(at, data.offsetFromUtc);
        }
        const QTimeZone::OffsetData previous = m_zone.previousTransition(utcFromSecs(to));
        const qint64 previousAt
            = previous.atUtc.isValid() ? previous.atUtc.toSecsSinceEpoch() : lastListed;
        if (previousAt < m_to || previousAt == lastListed)
            return;
        m_starts.resize(kept);
        m_offsets.resize(kept);
        sampleTransitions(to);
    }

    // Finds the offset changes in [m_to, to) by sampling weekly and bisecting each change to
    // the second. Zone rules never change the offset twice within a week.
    void sampleTransitions(qint64 to)
    {
        constexpr qint64 step = 7 * secsPerDay;
        const auto offsetAt
            = [this](qint64 secs) { return m_zone.offsetFromUtc(utcFromSecs(secs)); };
        qint64 known = m_to; // offset at `known` is m_offsets.back()
        while (known < to) {
            const qint64 probe = std::min(known + step, to);
            const int offset = offsetAt(probe);
            if (offset == m_offsets.back()) {
                known = probe;
                continue;
            }
            qint64 low = known;
            qint64 high = probe; // offset differs at high, not at low
            while (high - low > 1) {
                const qint64 middle = low + (high - low) / 2;
                (offsetAt(middle) == m_offsets.back() ? low : high) = middle;
            }
            append(high, offsetAt(high));
            known = high;
        }
    }

    void append(qint64 at, int offset)
    {
        if (at <= m_starts.back() || offset == m_offsets.back())
            return; // already known, or only the name or the DST flag changed
        m_starts.push_back(at);
        m_offsets.push_back(offset);
    }

    const QTimeZone &m_zone;
    const bool m_hasTransitions;
    qint64 m_from = 0;
    qint64 m_to = 0;
    qint64 m_chunk = 0;
    std::vector<qint64> m_starts; // UTC start of each period; the first is open-ended
    std::vector<int> m_offsets; // UTC offset in seconds during each period
    std::array<YearPattern, 14> m_patterns;
};

std::optional<CronExpression> CronExpression::parse(const QString &text, CronParseError *error)
{
    CronExpression expression;
    expression.m_text = text.trimmed();
    if (expression.m_text.isEmpty()) {
        fail(error, QString(), QString(), CronExpression::tr(emptyMessage));
        return std::nullopt;
    }

    QString fields = expression.m_text;
    if (fields.startsWith(u'@') && splitFields(fields).size() == 1) {
        static const struct {
            const char *name;
            const char *fields;
        } macros[] = {
            {"@hourly", "0 * * * *"},
            {"@daily", "0 0 * * *"},
            {"@midnight", "0 0 * * *"},
            {"@weekly", "0 0 * * 0"},
            {"@monthly", "0 0 1 * *"},
            {"@yearly", "0 0 1 1 *"},
            {"@annually", "0 0 1 1 *"},
        };
        const auto macro = std::find_if(std::begin(macros), std::end(macros), [&](const auto &m) {
            return fields.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0;
        });
        if (macro == std::end(macros)) {
            // @reboot lands here too: it names an event, not a time, so it has no fire times.
            fail(error, QString(), fields, CronExpression::tr(unknownMacroMessage).arg(fields));
            return std::nullopt;
        }
        fields = QString::fromLatin1(macro->fields);
    }
    if (!expression.parseFields(fields, error))
        return std::nullopt;
    expression.buildLookups();
    return expression;
}

bool CronExpression::isValid(const QString &text, CronParseError *error)
{
    return parse(text, error).has_value();
}

bool CronExpression::parseFields(const QString &text, CronParseError *error)
{
    const QList<QStringView> fields = splitFields(text);
    if (fields.size() != 5) {
        return fail(
            error, QString(), QString(), CronExpression::tr(fieldCountMessage).arg(fields.size()));
    }
    quint64 bits[5] = {};
    for (int i = 0; i < 5; ++i) {
        if (!FieldParser(fieldSpecs[i], error).parse(fields[i], bits[i]))
            return false;
    }
    m_minutes = std::bitset<60>(bits[0]);
    m_hours = std::bitset<24>(bits[1]);
    m_daysOfMonth = std::bitset<32>(bits[2]);
    m_months = std::bitset<13>(bits[3]);
    // 7 is another name for Sunday.
    m_daysOfWeek = std::bitset<7>((bits[4] & 0x7f) | ((bits[4] >> 7) & 1));
    // cronie's rule: a field that starts with '*' does not restrict days, even "*/2".
    m_dayOfMonthStar = fields[2].startsWith(u'*');
    m_dayOfWeekStar = fields[4].startsWith(u'*');
    return true;
}

void CronExpression::buildLookups()
{
    m_nextMinute[60] = -1;
    for (int i = 59; i >= 0; --i)
        m_nextMinute[i] = m_minutes[i] ? qint8(i) : m_nextMinute[i + 1];
    m_nextHour[24] = -1;
    for (int i = 23; i >= 0; --i)
        m_nextHour[i] = m_hours[i] ? qint8(i) : m_nextHour[i + 1];
    m_nextDayOfMonth[32] = -1;
    for (int i = 31; i >= 1; --i)
        m_nextDayOfMonth[i] = m_daysOfMonth[i] ? qint8(i) : m_nextDayOfMonth[i + 1];
}

QString CronExpression::text() const
{
    return m_text;
}

bool CronExpression::dayMatches(int day, int dayOfWeek) const
{
    if (m_dayOfMonthStar || m_dayOfWeekStar)
        return m_daysOfMonth[day] && m_daysOfWeek[dayOfWeek];
    return m_daysOfMonth[day] || m_daysOfWeek[dayOfWeek];
}

bool CronExpression::matches(const QDate &date, const QTime &time) const
{
    if (!date.isValid() || !time.isValid())
        return false;
    return m_months[date.month()] && dayMatches(date.day(), date.dayOfWeek() % 7)
        && m_hours[time.hour()] && m_minutes[time.minute()];
}

// Moves `wall` forward to the first matching wall-clock minute at or after it, skipping whole
// months, days and hours that cannot match. False once the day passes lastDay.
bool CronExpression::nextMatchingWallTime(WallTime &wall, qint64 lastDay) const
{
    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(wall.day, year, month, day);
    const auto nextDay = [&] {
        ++wall.day;
        wall.hour = 0;
        wall.minute = 0;
        if (++day > daysInMonth(year, month)) {
            day = 1;
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
    };
    const auto skipToDay = [&](int target) { // a later day of this month, or the 1st of the next
        const int length = daysInMonth(year, month);
        if (target < 0 || target > length) {
            wall.day += length - day;
            day = length;
            nextDay();
        } else {
            wall.day += target - day;
            day = target;
            wall.hour = 0;
            wall.minute = 0;
        }
    };
    while (wall.day <= lastDay) {
        if (!m_months[month]) {
            skipToDay(-1);
            continue;
        }
        if (!dayMatches(day, weekdayFromDays(wall.day))) {
            // When both day fields must match, only the listed days of the month can.
            const bool both = m_dayOfMonthStar || m_dayOfWeekStar;
            if (both && !m_daysOfMonth[day])
                skipToDay(m_nextDayOfMonth[day]);
            else
                nextDay();
            continue;
        }
        const int hour = m_nextHour[wall.hour];
        if (hour < 0) {
            nextDay();
            continue;
        }
        if (hour != wall.hour) {
            wall.hour = hour;
            wall.minute = 0;
        }
        const int minute = m_nextMinute[wall.minute];
        if (minute < 0) {
            ++wall.hour;
            wall.minute = 0;
            continue;
        }
        wall.minute = minute;
        return true;
    }
    return false;
}

qint64 CronExpression::nextFireSecs(qint64 afterMSecs, ZoneCache &cache) const
{
    // Wall times up to and including the wall time of `after`'s minute fire at or before it
    // (fire instants grow with wall time), so the search starts one minute later.
    const qint64 afterMinute = floorDiv(afterMSecs, 60000) * 60;
    const qint64 startWall = floorDiv(afterMinute + cache.offsetAt(afterMinute), 60) * 60 + 60;
    WallTime wall{floorDiv(startWall, secsPerDay), int(floorMod(startWall, secsPerDay) / 3600),
        int(floorMod(startWall, 3600) / 60)};

    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(wall.day, year, month, day);
    const qint64 lastDay
        = daysFromCivil(year + 5, month, std::min(day, daysInMonth(year + 5, month)));

    while (nextMatchingWallTime(wall, lastDay)) {
        const qint64 wallSecs = wall.day * secsPerDay + wall.hour * 3600 + wall.minute * 60;
        const qint64 fire = cache.fireInstant(wallSecs);
        // Only false while `after` lies in the second pass of a repeated hour: those wall times
        // already fired on the first pass.
        if (fire * 1000 > afterMSecs)
            return fire;
        ++wall.minute;
    }
    return noFire;
}

QDateTime CronExpression::nextAfter(const QDateTime &after, const QTimeZone &zone) const
{
    if (!after.isValid() || !zone.isValid())
        return QDateTime();
    ZoneCache cache(zone);
    const qint64 fire = nextFireSecs(after.toMSecsSinceEpoch(), cache);
    return fire == noFire ? QDateTime() : utcFromSecs(fire);
}

QList<QDateTime> CronExpression::nextRuns(
    const QDateTime &after, const QTimeZone &zone, int count) const
{
    QList<QDateTime> runs;
    if (!after.isValid() || !zone.isValid() || count <= 0)
        return runs;
    runs.reserve(count);
    ZoneCache cache(zone); // shared by all runs: the zone's periods are fetched once
    qint64 afterMSecs = after.toMSecsSinceEpoch();
    while (runs.size() < count) {
        const qint64 fire = nextFireSecs(afterMSecs, cache);
        if (fire == noFire)
            break;
        runs.append(utcFromSecs(fire));
        afterMSecs = fire * 1000;
    }
    return runs;
}
