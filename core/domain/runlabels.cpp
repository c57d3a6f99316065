#include "core/domain/runlabels.h"

#include "core/domain/runstatus.h"

#include <QCoreApplication>

namespace RunLabels {

namespace {

// This file's user-visible strings, in the "RunLabels" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RunLabels)
};

} // namespace

QString status(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending:
        return Text::tr("pending");
    case RunStatus::Running:
        return Text::tr("running");
    case RunStatus::Success:
        return Text::tr("success");
    case RunStatus::Error:
        return Text::tr("error");
    case RunStatus::None:
    case RunStatus::Other:
        break;
    }
    return {};
}

QString status(const QString &text)
{
    const RunStatus known = runStatusFromText(text);
    if (known != RunStatus::Other)
        return status(known);
    // Statuses of cron_runs only (sql/postgresql/0011_runs.sql).
    if (text == QLatin1String("timeout"))
        return Text::tr("timed out");
    if (text == QLatin1String("interrupted"))
        return Text::tr("interrupted");
    if (text == QLatin1String("aborted"))
        return Text::tr("aborted");
    if (text == QLatin1String("lease_lost"))
        return Text::tr("lease lost");
    if (text == QLatin1String("fenced"))
        return Text::tr("fenced");
    return text;
}

QString trigger(const QString &text)
{
    if (text == QLatin1String("schedule"))
        return Text::tr("schedule");
    if (text == QLatin1String("run_now"))
        return Text::tr("run now");
    if (text == QLatin1String("retry"))
        return Text::tr("retry");
    if (text == QLatin1String("takeover"))
        return Text::tr("takeover");
    if (text == QLatin1String("platform"))
        return Text::tr("platform");
    return text;
}

} // namespace RunLabels
