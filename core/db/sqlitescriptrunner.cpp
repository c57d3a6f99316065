#include "core/db/sqlitescriptrunner.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/db/sqlscript.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QString>

namespace {

// This file's user-visible strings, in the "SqliteScriptRunner" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqliteScriptRunner)
};

} // namespace

namespace SqliteScriptRunner {

namespace {

// An identifier as SQLite accepts it: bare, "double", `back` or [bracket] quoted.
QString unquoted(const QString &name)
{
    if (name.size() >= 2
        && ((name.front() == QLatin1Char('"') && name.back() == QLatin1Char('"'))
            || (name.front() == QLatin1Char('`') && name.back() == QLatin1Char('`'))
            || (name.front() == QLatin1Char('[') && name.back() == QLatin1Char(']'))))
        return name.mid(1, name.size() - 2);
    return name;
}

Result<bool> hasColumn(Database &database, const QString &table, const QString &column)
{
    QSqlQuery query(database.handle());
    // SQLite compares column names without regard to case.
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info(:table) "
                                 "WHERE name = :column COLLATE NOCASE"));
    query.bindValue(QStringLiteral(":table"), table);
    query.bindValue(QStringLiteral(":column"), column);
    if (!query.exec() || !query.next())
        return SqlErrors::fromQuery(
            query, database.backend(), Text::tr("reading the columns of %1").arg(table));
    return query.value(0).toInt() > 0;
}

} // namespace

bool addedColumn(const QString &statement, QString *table, QString *column)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*ALTER\s+TABLE\s+("[^"]+"|`[^`]+`|\[[^\]]+\]|\w+)\s+ADD\s+)"
                       R"((?:COLUMN\s+)?("[^"]+"|`[^`]+`|\[[^\]]+\]|\w+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(statement);
    if (!match.hasMatch())
        return false;
    *table = unquoted(match.captured(1));
    *column = unquoted(match.captured(2));
    return true;
}

Status run(Database &database, const QString &script, const QString &what)
{
    QSqlQuery query(database.handle());
    for (const QString &statement : SqlScript::split(script)) {
        QString table;
        QString column;
        if (addedColumn(statement, &table, &column)) {
            const Result<bool> exists = hasColumn(database, table, column);
            if (!exists)
                return exists.error();
            if (*exists)
                continue; // added by an earlier run of this script
        }
        if (!query.exec(statement))
            return SqlErrors::fromQuery(query, database.backend(), what);
    }
    return {};
}

} // namespace SqliteScriptRunner
