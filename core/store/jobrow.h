#pragma once

#include "core/domain/job.h"

class QSqlQuery;
class SqlDialect;

// The one SELECT list for cron_jobs and the code that reads it back, so every query that
// returns jobs returns them the same way.
namespace JobRow {

// "id, nome, …" with times as epoch seconds (next_run and running_since from their instants)
// and the server's clock as the last column.
QString selectList(const SqlDialect &dialect);
// How many columns selectList() has: a query may add its own after them.
int columnCount();
// Reads the current row of a query made with selectList().
Job read(const QSqlQuery &query);
// Epoch seconds (NULL → invalid) to a UTC instant.
QDateTime fromEpoch(const QVariant &value);

} // namespace JobRow
