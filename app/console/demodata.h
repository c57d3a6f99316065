#pragma once

#include "core/util/result.h"

#include <functional>

class Database;
class QString;

// The jobs `cron-console --demo` shows: the seed's job and a few realistic neighbours in every
// state (disabled, failed with a result, stuck, running, due), with some history.
namespace DemoData {

// Fills a freshly migrated SQLite database (only the seed's job, no history); does nothing to a
// database that already holds anything else.
Status seedIfEmpty(Database &database);

// Every --demo start: a few demo jobs fall due within the next minute, so the demo runner is
// seen taking them (running → success or error) soon after the window opens.
Status makeSomeDue(Database &database);

// For DbThread::Options::onOpen: seedIfEmpty() on every open, makeSomeDue() on the first only
// (once per start, not on every reconnection).
std::function<Status(Database &)> primer();

// The demo runner's config: harmless /bin/sh commands for some demo jobs (one succeeds with a
// JSON result, one fails with exit 1, one prints a lot). Rewritten on every --demo start.
Status writeRunnerConfig(const QString &filePath);

} // namespace DemoData
