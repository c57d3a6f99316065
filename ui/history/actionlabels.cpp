#include "ui/history/actionlabels.h"

#include <QHash>

QList<ActionLabels::Choice> ActionLabels::choices()
{
    const auto admin
        = [](const char *name) { return QStringLiteral("cron_admin_") + QLatin1String(name); };
    return {
        {tr("Succeeded runs"), QStringLiteral("cron_job_success")},
        {tr("Failed runs"), QStringLiteral("cron_job_error")},
        {tr("Skipped runs"), QStringLiteral("cron_job_skipped")},
        {tr("Legacy sync succeeded"), QStringLiteral("sync_automatico_persistente")},
        {tr("Legacy sync failed"), QStringLiteral("sync_automatico_erro")},
        {tr("Job added"), admin("add")},
        {tr("Job deleted"), admin("remove")},
        {tr("Job enabled"), admin("enable")},
        {tr("Job disabled"), admin("disable")},
        {tr("Interval changed"), admin("update_interval")},
        {tr("Schedule changed"), admin("set_schedule")},
        {tr("Job reset"), admin("reset")},
        {tr("Run now asked"), admin("run_now")},
        {tr("Job renamed"), admin("rename")},
        {tr("Description changed"), admin("set_description")},
        {tr("Policy changed"), admin("set_policy")},
        {tr("Run aborted"), admin("abort")},
        {tr("All paused"), admin("pause_all")},
        {tr("All resumed"), admin("resume_all")},
        {tr("History pruned"), admin("prune_history")},
    };
}

QString ActionLabels::label(const QString &action)
{
    // One row is one run: the filter's plural names do not fit it. Different first words, so
    // a narrow column still tells them apart ("Execuções co…" read the same for both).
    if (action == QLatin1String("cron_job_success"))
        return tr("Run succeeded");
    if (action == QLatin1String("cron_job_error"))
        return tr("Run failed");
    if (action == QLatin1String("cron_job_skipped"))
        return tr("Run skipped");
    // Built per call: the UI language may change while the console runs.
    for (const Choice &choice : choices()) {
        if (choice.action == action)
            return choice.label;
    }
    return action;
}
