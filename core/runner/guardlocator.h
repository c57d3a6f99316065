#pragma once

#include "core/util/result.h"

#include <QString>

// Where cron-console-guard is: $CRON_CONSOLE_GUARD, beside an installed program
// (<prefix>/libexec/cron-console/), the configured install path, or the build tree.
namespace GuardLocator {

Result<QString> find();

} // namespace GuardLocator
