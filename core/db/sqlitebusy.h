#pragma once

#include "core/util/result.h"

#include <functional>

// Another process holds the SQLite lock a statement needs: SQLITE_BUSY (5) and its extended
// codes such as SQLITE_BUSY_SNAPSHOT (517) and SQLITE_BUSY_RECOVERY (261), SQLITE_LOCKED (6),
// "database is locked". The busy timeout covers most waits, but not all: a read transaction
// that must become a write one, and the WAL switch of a new file, fail at once.
namespace SqliteBusy {

bool isBusy(const Error &error);

// Runs `attempt` again, after a short, growing and jittered pause, while it fails with a busy
// error, `attempts` times at most. `attempt` must leave nothing behind when it fails (roll back).
Status retry(const std::function<Status()> &attempt, int attempts = 8);

} // namespace SqliteBusy
