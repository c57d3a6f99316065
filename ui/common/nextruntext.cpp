#include "ui/common/nextruntext.h"

#include "core/domain/job.h"
#include "core/domain/jobrules.h"
#include "ui/common/relativetime.h"

#include <QCoreApplication>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(NextRunText)
};
} // namespace

namespace NextRunText {

QString describe(const Job &job, const QDateTime &now)
{
    if (!job.active)
        return Text::tr("none (disabled)");
    const JobState state = JobRules::state(job, now);
    if (state == JobState::DueNow) {
        if (!job.lastRun.isValid() && job.cronExpression.isEmpty())
            return Text::tr("now: it has never run, so a runner starts it at its next check");
        return job.nextRun.isValid()
            ? Text::tr("now: due since %1").arg(RelativeTime::absolute(job.nextRun))
            : Text::tr("as soon as a runner checks");
    }
    if (!job.nextRun.isValid())
        return Text::tr("as soon as a runner checks");
    if ((state == JobState::Running || state == JobState::Stuck) && job.nextRun <= now)
        // Not "(now)" beside a run that is still going: the next one waits for it.
        return Text::tr("after the current run (due since %1)")
            .arg(RelativeTime::absolute(job.nextRun));
    const QDateTime from = JobRules::claimableFrom(job, now);
    if (state != JobState::Running && state != JobState::Stuck && from.isValid()
        && from > job.nextRun)
        // Held back by a forced reset: the planned time passes, the job waits.
        return Text::tr("%1 (%2), held back until %3")
            .arg(RelativeTime::absolute(job.nextRun), RelativeTime::countdown(job.nextRun, now),
                RelativeTime::absolute(from));
    return Text::tr("%1 (%2)").arg(
        RelativeTime::absolute(job.nextRun), RelativeTime::countdown(job.nextRun, now));
}

} // namespace NextRunText
