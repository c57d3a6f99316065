#include "ui/history/actionlabels.h"

#include <QLatin1StringView>

#include <array>

namespace {

struct Entry {
    const char *label; // translated in context "ActionLabels"
    QLatin1StringView action;
};

// One table for the filter and the column; label() translates only the row it paints, not the
// whole list per cell.
constexpr std::array entries{
    Entry{
        QT_TRANSLATE_NOOP("ActionLabels", "Succeeded runs"), QLatin1StringView("cron_job_success")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Failed runs"), QLatin1StringView("cron_job_error")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Skipped runs"), QLatin1StringView("cron_job_skipped")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Legacy sync succeeded"),
        QLatin1StringView("sync_automatico_persistente")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Legacy sync failed"),
        QLatin1StringView("sync_automatico_erro")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Job added"), QLatin1StringView("cron_admin_add")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Job deleted"), QLatin1StringView("cron_admin_remove")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Job enabled"), QLatin1StringView("cron_admin_enable")},
    Entry{
        QT_TRANSLATE_NOOP("ActionLabels", "Job disabled"), QLatin1StringView("cron_admin_disable")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Interval changed"),
        QLatin1StringView("cron_admin_update_interval")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Schedule changed"),
        QLatin1StringView("cron_admin_set_schedule")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Job reset"), QLatin1StringView("cron_admin_reset")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Run now asked"),
        QLatin1StringView("cron_admin_run_now")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Job renamed"), QLatin1StringView("cron_admin_rename")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Description changed"),
        QLatin1StringView("cron_admin_set_description")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Policy changed"),
        QLatin1StringView("cron_admin_set_policy")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "Run aborted"), QLatin1StringView("cron_admin_abort")},
    Entry{
        QT_TRANSLATE_NOOP("ActionLabels", "All paused"), QLatin1StringView("cron_admin_pause_all")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "All resumed"),
        QLatin1StringView("cron_admin_resume_all")},
    Entry{QT_TRANSLATE_NOOP("ActionLabels", "History pruned"),
        QLatin1StringView("cron_admin_prune_history")},
};

} // namespace

QList<ActionLabels::Choice> ActionLabels::choices()
{
    QList<Choice> list;
    list.reserve(qsizetype(entries.size()));
    for (const Entry &entry : entries)
        list.append({tr(entry.label), QString(entry.action)});
    return list;
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
    // Translated per call: the UI language may change while the console runs.
    for (const Entry &entry : entries) {
        if (entry.action == action)
            return tr(entry.label);
    }
    return action;
}
