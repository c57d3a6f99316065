#include "core/schedule/schedule.h"

#include "core/domain/job.h"
#include "core/domain/jobrules.h"
#include "core/schedule/cronexpression.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace {

// The IANA names this system knows. QTimeZone also takes POSIX rule strings, so "BRT" or "XYZ"
// (a zone abbreviation, a typo) would be a valid zone at UTC+0: only listed names count.
const QSet<QByteArray> &ianaZones()
{
    static const QSet<QByteArray> zones = [] {
        const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
        QSet<QByteArray> set(ids.cbegin(), ids.cend());
        set.insert(QByteArrayLiteral("UTC"));
        return set;
    }();
    return zones;
}

// A name of the tz database: in Qt's list, or a zone file of the system's (Qt lists only the
// geographic zones of zone1970.tab: Etc/UTC, the system zone of Debian servers and containers,
// and Etc/GMT+3 were refused, so New job's default zone was an error on such a machine).
bool knownZone(const QString &id)
{
    if (ianaZones().contains(id.toUtf8()))
        return true;
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"));
    return name.match(id).hasMatch()
        && QFileInfo(QStringLiteral("/usr/share/zoneinfo/") + id).isFile();
}

// A likely meant zone for what was typed: a common abbreviation, or a zone whose city starts
// with it ("Sao" -> America/Sao_Paulo).
QString suggestZone(const QString &typed)
{
    static const QHash<QString, QString> abbreviations{
        {QStringLiteral("BRT"), QStringLiteral("America/Sao_Paulo")},
        {QStringLiteral("BRST"), QStringLiteral("America/Sao_Paulo")},
        {QStringLiteral("AMT"), QStringLiteral("America/Manaus")},
        {QStringLiteral("ART"), QStringLiteral("America/Argentina/Buenos_Aires")},
        {QStringLiteral("EST"), QStringLiteral("America/New_York")},
        {QStringLiteral("EDT"), QStringLiteral("America/New_York")},
        {QStringLiteral("CST"), QStringLiteral("America/Chicago")},
        {QStringLiteral("CDT"), QStringLiteral("America/Chicago")},
        {QStringLiteral("MST"), QStringLiteral("America/Denver")},
        {QStringLiteral("MDT"), QStringLiteral("America/Denver")},
        {QStringLiteral("PST"), QStringLiteral("America/Los_Angeles")},
        {QStringLiteral("PDT"), QStringLiteral("America/Los_Angeles")},
        {QStringLiteral("GMT"), QStringLiteral("Europe/London")},
        {QStringLiteral("BST"), QStringLiteral("Europe/London")},
        {QStringLiteral("WET"), QStringLiteral("Europe/Lisbon")},
        {QStringLiteral("CET"), QStringLiteral("Europe/Berlin")},
        {QStringLiteral("CEST"), QStringLiteral("Europe/Berlin")},
        {QStringLiteral("JST"), QStringLiteral("Asia/Tokyo")},
        {QStringLiteral("IST"), QStringLiteral("Asia/Kolkata")},
    };
    if (const auto found = abbreviations.constFind(typed.toUpper()); found != abbreviations.cend())
        return *found;
    QString city = typed;
    city.replace(QLatin1Char(' '), QLatin1Char('_'));
    if (city.size() < 3)
        return {};
    QStringList matches;
    for (const QByteArray &id : ianaZones()) {
        const QString name = QString::fromLatin1(id);
        const QString last = name.section(QLatin1Char('/'), -1);
        if (last.startsWith(city, Qt::CaseInsensitive)
            || name.compare(city, Qt::CaseInsensitive) == 0)
            matches << name;
    }
    // The zones of the abbreviations above first (the ones admins here mean), then by name.
    const QList<QString> common = abbreviations.values();
    std::sort(matches.begin(), matches.end(), [&common](const QString &a, const QString &b) {
        const bool ca = common.contains(a);
        const bool cb = common.contains(b);
        return ca != cb ? ca : a < b;
    });
    if (matches.size() > 3)
        matches.resize(3);
    return matches.join(Schedule::tr(" or "));
}

} // namespace

Result<Schedule> Schedule::interval(qint64 hours)
{
    if (const QString problem = JobRules::validateIntervalHours(hours); !problem.isEmpty())
        return Error::invalidInput(problem);
    Schedule schedule;
    schedule.m_intervalHours = int(hours);
    return schedule;
}

Result<Schedule> Schedule::cron(const QString &expression, const QString &zone)
{
    CronParseError parseError;
    const auto parsed = CronExpression::parse(expression, &parseError);
    if (!parsed)
        return Error::invalidInput(parseError.message);
    const QString zoneId = zone.trimmed().isEmpty() ? QStringLiteral("UTC") : zone.trimmed();
    const QTimeZone timeZone(zoneId.toUtf8());
    if (!knownZone(zoneId) || !timeZone.isValid()) {
        if (const QString suggestion = suggestZone(zoneId); !suggestion.isEmpty())
            return Error::invalidInput(
                tr("\"%1\" is not a time zone name; did you mean %2?").arg(zoneId, suggestion));
        return Error::invalidInput(
            tr("unknown time zone \"%1\"; use an IANA name such as America/Sao_Paulo or UTC")
                .arg(zoneId));
    }
    // An expression that never fires (30 February) would leave the job without a next run.
    if (!parsed->nextAfter(QDateTime::currentDateTimeUtc(), timeZone).isValid())
        return Error::invalidInput(
            tr("the expression \"%1\" never fires (no such date in the next five years)")
                .arg(parsed->text()));
    Schedule schedule;
    schedule.m_expression = parsed->text();
    schedule.m_zoneId = zoneId;
    return schedule;
}

Schedule Schedule::of(const Job &job)
{
    if (!job.cronExpression.isEmpty()) {
        if (auto cron = Schedule::cron(job.cronExpression, job.timeZone)) {
            cron.value().m_intervalHours = std::max(job.intervalHours, JobRules::minIntervalHours);
            return std::move(cron).value();
        }
    }
    Schedule schedule;
    schedule.m_intervalHours = std::max(job.intervalHours, JobRules::minIntervalHours);
    return schedule;
}

QTimeZone Schedule::zone() const
{
    return m_zoneId.isEmpty() ? QTimeZone::utc() : QTimeZone(m_zoneId.toUtf8());
}

QDateTime Schedule::nextAfter(const QDateTime &after) const
{
    if (!isCron())
        return after.addSecs(qint64(m_intervalHours) * 3600);
    const auto parsed = CronExpression::parse(m_expression);
    return parsed ? parsed->nextAfter(after, zone()) : QDateTime();
}

QList<QDateTime> Schedule::nextRuns(const QDateTime &after, int count) const
{
    QList<QDateTime> runs;
    if (isCron()) {
        if (const auto parsed = CronExpression::parse(m_expression))
            runs = parsed->nextRuns(after, zone(), count);
        return runs;
    }
    QDateTime at = after;
    for (int i = 0; i < count; ++i)
        runs << (at = at.addSecs(qint64(m_intervalHours) * 3600));
    return runs;
}

QString Schedule::describe() const
{
    if (!isCron())
        return Schedule::tr("every %n h", nullptr, m_intervalHours);
    return QStringLiteral("%1 (%2)").arg(m_expression, m_zoneId);
}
