#include "schedule/schedule.h"

#include "domain/job.h"
#include "domain/jobrules.h"
#include "schedule/cronexpression.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Schedule", text);
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
    if (!timeZone.isValid())
        return Error::invalidInput(
            tr("unknown time zone \"%1\"; use an IANA name such as America/Sao_Paulo or UTC")
                .arg(zoneId));
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
        return QCoreApplication::translate("Schedule", "every %n h", nullptr, m_intervalHours);
    return QStringLiteral("%1 (%2)").arg(m_expression, m_zoneId);
}
