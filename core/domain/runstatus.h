#pragma once

#include <QString>

// cron_jobs.ultimo_status as code compares it. Job::lastStatus keeps the text as written (a
// platform may write statuses of its own, which the console shows as they are).
enum class RunStatus {
    None, // NULL or empty: never ran
    Pending,
    Running,
    Success,
    Error,
    Other, // a status this program does not know
};

// The one place that reads the text.
RunStatus runStatusFromText(const QString &text);
// The text the seed and the runners write; empty for None and Other.
QString runStatusText(RunStatus status);
