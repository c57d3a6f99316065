#pragma once

#include "core/util/result.h"

#include <functional>

class Database;

// Runs `work` in one transaction: BEGIN (BEGIN IMMEDIATE on SQLite, so the write lock is taken
// up front), COMMIT when it succeeds, ROLLBACK when it fails. Busy/serialization failures are
// retried a few times with a short backoff; anything else is returned as it is.
namespace Transaction {

Status run(Database &database, const std::function<Status()> &work);

} // namespace Transaction
