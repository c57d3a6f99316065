#include "core/runner/runneraction.h"

#include "core/runner/commandaction.h"
#include "core/runner/httpaction.h"
#include "core/runner/sqlaction.h"

std::unique_ptr<RunnerAction> RunnerAction::create(const ActionSpec &spec,
    const ConnectionSpec &database, const std::shared_ptr<SqlSessionPool> &sqlSessions,
    QObject *parent)
{
    switch (spec.type) {
    case ActionSpec::Type::Command:
        return std::make_unique<CommandAction>(spec, parent);
    case ActionSpec::Type::Sql:
        return std::make_unique<SqlAction>(spec, database, sqlSessions, parent);
    case ActionSpec::Type::Http:
        break;
    }
    return std::make_unique<HttpAction>(spec, parent);
}
