#pragma once

#include "core/util/result.h"

class Database;
class QString;

// Runs an SQLite migration script statement by statement on the caller's connection (and in
// its transaction, if one is open). SQLite has no "ADD COLUMN IF NOT EXISTS", so a statement
// "ALTER TABLE t ADD [COLUMN] c …" is skipped when t already has a column c (pragma_table_info):
// with that rule and IF NOT EXISTS / OR IGNORE everywhere else, every script can run twice.
namespace SqliteScriptRunner {

// `what` says what was being done, for the error message.
Status run(Database &database, const QString &script, const QString &what);

// The table and column an "ALTER TABLE … ADD [COLUMN] …" statement adds, or false.
bool addedColumn(const QString &statement, QString *table, QString *column);

} // namespace SqliteScriptRunner
