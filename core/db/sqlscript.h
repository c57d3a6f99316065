#pragma once

#include <QStringList>

// Splits an SQL file into statements, since both drivers run one statement per exec(). Knows
// quotes, comments, PostgreSQL dollar quoting and SQLite trigger bodies (BEGIN … END;).
namespace SqlScript {

QStringList split(const QString &script);

} // namespace SqlScript
