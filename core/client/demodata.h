#pragma once

#include "util/result.h"

class Database;

// The jobs `cron-console --demo` shows: the seed's job and a few realistic neighbours in every
// state (disabled, failed with a result, stuck, running, due), with some history.
namespace DemoData {

// Fills a freshly migrated SQLite database (only the seed's job, no history); does nothing to a
// database that already holds anything else.
Status seedIfEmpty(Database &database);

} // namespace DemoData
