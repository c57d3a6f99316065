#pragma once

#include "core/domain/jobpolicy.h"
#include "core/schedule/schedule.h"
#include "core/store/jobstore.h"

#include <optional>

#include <QString>

// One admin action the console asks the worker to perform, as a plain value.
struct JobAction {
    enum class Kind {
        Enable,
        Disable,
        RunNow,
        SetInterval,
        SetSchedule,
        Reset,
        Remove,
        Add,
        SetDescription, // text: the new description
        Rename, // text: the new name
        SetPolicy, // issue 17
    };

    Kind kind = Kind::RunNow;
    QString job; // the job's name (unused for Add)
    qint64 hours = 0; // SetInterval
    std::optional<Schedule> schedule; // SetSchedule: a cron expression or an interval
    NewJob newJob; // Add
    QString text; // SetDescription, Rename
    PolicyChange policy; // SetPolicy
    ActionOptions options; // expectedVersion from the row the user saw, reason for the audit row

    static JobAction make(Kind kind, const QString &job, std::optional<qint64> expectedVersion)
    {
        JobAction action;
        action.kind = kind;
        action.job = job;
        action.options.expectedVersion = expectedVersion;
        return action;
    }
};
