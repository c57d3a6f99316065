#include "core/domain/runstatus.h"

RunStatus runStatusFromText(const QString &text)
{
    if (text.isEmpty())
        return RunStatus::None;
    for (const RunStatus status :
        {RunStatus::Pending, RunStatus::Running, RunStatus::Success, RunStatus::Error}) {
        if (text == runStatusText(status))
            return status;
    }
    return RunStatus::Other;
}

QString runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending:
        return QStringLiteral("pending");
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Success:
        return QStringLiteral("success");
    case RunStatus::Error:
        return QStringLiteral("error");
    case RunStatus::None:
    case RunStatus::Other:
        break;
    }
    return {};
}
