#include "core/db/concurrentmigration.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/db/sqlscript.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

const QLatin1String runResultsMarker("-- cron-console: run-results");

// One minute: a CONCURRENTLY build waits for every open writer of the table, and its wait
// blocks no platform query (it holds SHARE UPDATE EXCLUSIVE, which inserts do not need).
const QLatin1String defaultLockTimeout("1min");

// The start of a statement, for messages.
QString head(const QString &sql)
{
    QString text = sql.simplified();
    if (text.size() > 120)
        text = text.left(117) + QLatin1String("...");
    return text;
}

bool isLockTimeout(const QSqlQuery &query)
{
    return query.lastError().nativeErrorCode() == QLatin1String("55P03");
}

} // namespace

QList<ConcurrentMigration::Step> ConcurrentMigration::steps(const QString &script)
{
    // Comments are gone after SqlScript::split, so the marker lines cut the script into parts
    // first: the first statement of every part after a marker is a run-results query.
    QList<Step> result;
    QString part;
    bool marked = false;
    auto flush = [&] {
        bool first = true;
        for (const QString &statement : SqlScript::split(part)) {
            result.append({statement, marked && first});
            first = false;
        }
        part.clear();
    };
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed() == runResultsMarker) {
            flush();
            marked = true;
            continue;
        }
        part += line;
        part += QLatin1Char('\n');
    }
    flush();
    return result;
}

ConcurrentMigration::ConcurrentMigration(Database &database, QString what)
    : m_database(database)
    , m_what(std::move(what))
{ }

Result<ConcurrentMigration::Snapshot> ConcurrentMigration::snapshot() const
{
    Snapshot result;
    QSqlQuery query(m_database.handle());
    query.setForwardOnly(true);
    // Every index of the database outside the system schemas: a script may name any table.
    if (!query.exec(QStringLiteral(
            "SELECT c.oid::bigint, format('%I.%I', n.nspname, c.relname), quote_ident(c.relname), "
            "pg_get_indexdef(c.oid), i.indisvalid FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'")))
        return SqlErrors::fromQuery(query, m_database.backend(), m_what);
    while (query.next())
        result.indexes.append({query.value(0).toLongLong(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(), query.value(4).toBool()});
    // Functions are created where unqualified names go: the current schema. Extension members
    // belong to their extension.
    if (!query.exec(QStringLiteral(
            "SELECT p.oid::bigint, p.oid::regprocedure::text, pg_get_functiondef(p.oid) "
            "FROM pg_proc p WHERE p.prokind = 'f' AND p.pronamespace = "
            "(SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
            "AND d.objid = p.oid AND d.deptype = 'e')")))
        return SqlErrors::fromQuery(query, m_database.backend(), m_what);
    while (query.next())
        result.functions.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return result;
}

Status ConcurrentMigration::exec(const QString &sql, bool *lockTimedOut) const
{
    QSqlQuery query(m_database.handle());
    if (query.exec(sql))
        return {};
    if (lockTimedOut)
        *lockTimedOut = isLockTimeout(query);
    return SqlErrors::fromQuery(
        query, m_database.backend(), tr("%1, at \"%2\"").arg(m_what, head(sql)));
}

Status ConcurrentMigration::runStep(const Step &step, bool *lockTimedOut) const
{
    if (!step.runResults)
        return exec(step.sql, lockTimedOut);
    QStringList statements;
    {
        QSqlQuery query(m_database.handle());
        query.setForwardOnly(true);
        if (!query.exec(step.sql)) {
            *lockTimedOut = isLockTimeout(query);
            return SqlErrors::fromQuery(
                query, m_database.backend(), tr("%1, at \"%2\"").arg(m_what, head(step.sql)));
        }
        while (query.next()) {
            const QString statement = query.value(0).toString().trimmed();
            if (!statement.isEmpty())
                statements << statement;
        }
    }
    for (const QString &statement : statements) {
        if (const Status status = exec(statement, lockTimedOut); !status)
            return status;
    }
    return {};
}

Status ConcurrentMigration::setLockTimeout(const QString &value) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT set_config('lock_timeout', ?, false)"));
    query.addBindValue(value);
    if (!query.exec())
        return SqlErrors::fromQuery(query, m_database.backend(), m_what);
    return {};
}

Status ConcurrentMigration::run(const QString &script, const QString &versionInsert,
    const QVariantList &values, bool *lockTimedOut)
{
    *lockTimedOut = false;
    QString sessionLockTimeout;
    {
        QSqlQuery query(m_database.handle());
        if (!query.exec(QStringLiteral("SELECT current_setting('lock_timeout')")) || !query.next())
            return SqlErrors::fromQuery(query, m_database.backend(), m_what);
        sessionLockTimeout = query.value(0).toString();
    }
    const QString lockTimeout = sessionLockTimeout == QLatin1String("0")
        ? QString(defaultLockTimeout)
        : sessionLockTimeout;
    const Result<Snapshot> before = snapshot();
    if (!before)
        return before.error();
    if (const Status set = setLockTimeout(lockTimeout); !set)
        return set.error();

    Status status;
    for (const Step &step : steps(script)) {
        status = runStep(step, lockTimedOut);
        if (!status)
            break;
    }
    if (status) {
        QSqlQuery record(m_database.handle());
        record.prepare(versionInsert);
        for (const QVariant &value : values)
            record.addBindValue(value);
        if (!record.exec())
            status = SqlErrors::fromQuery(record, m_database.backend(), m_what);
    }
    if (status) {
        static_cast<void>(setLockTimeout(sessionLockTimeout)); // best effort
        return {};
    }

    const QStringList leftOver = restore(*before);
    static_cast<void>(setLockTimeout(sessionLockTimeout)); // best effort
    Error error = status.error();
    if (leftOver.isEmpty())
        error.message += tr("; nothing of it was kept, the database is as it was before");
    else
        error.message += tr("; putting the database back as it was failed too (%1): run "
                            "\"cronctl migrate\" again, it cleans up what is left")
                             .arg(leftOver.join(QLatin1String("; ")));
    return error;
}

QStringList ConcurrentMigration::restore(const Snapshot &before) const
{
    QStringList problems;
    // The failure may have been a lost connection: nothing can be put back then.
    const Result<Snapshot> now = snapshot();
    if (!now)
        return {now.error().message};

    // A DROP/CREATE INDEX CONCURRENTLY waits for open transactions on the table; give each
    // statement a few tries, so a busy table does not leave an invalid index behind.
    auto execPatiently = [&](const QString &sql) {
        Status status;
        for (int attempt = 1; attempt <= 5; ++attempt) {
            bool lockTimedOut = false;
            status = exec(sql, &lockTimedOut);
            if (status || !lockTimedOut)
                break;
            QThread::msleep(200UL * attempt);
        }
        if (!status)
            problems << status.error().message;
        return status.ok();
    };

    QHash<qint64, IndexState> indexesBefore;
    for (const IndexState &index : before.indexes)
        indexesBefore.insert(index.oid, index);
    QHash<qint64, IndexState> indexesNow;
    for (const IndexState &index : now->indexes)
        indexesNow.insert(index.oid, index);

    // 1. What the migration built goes, first, so the old names are free again.
    for (const IndexState &index : now->indexes) {
        if (!indexesBefore.contains(index.oid))
            execPatiently(
                QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1").arg(index.qualified));
    }
    // 2. What it renamed gets its name back.
    for (const IndexState &index : before.indexes) {
        const auto it = indexesNow.constFind(index.oid);
        if (it != indexesNow.constEnd() && it->quotedName != index.quotedName)
            execPatiently(
                QStringLiteral("ALTER INDEX %1 RENAME TO %2").arg(it->qualified, index.quotedName));
    }
    // 3. Functions, in one transaction: the new ones go, the replaced ones get their old text.
    QHash<qint64, FunctionState> functionsBefore;
    for (const FunctionState &function : before.functions)
        functionsBefore.insert(function.oid, function);
    QStringList functionStatements;
    for (const FunctionState &function : now->functions) {
        const auto it = functionsBefore.constFind(function.oid);
        if (it == functionsBefore.constEnd())
            functionStatements << QStringLiteral("DROP FUNCTION %1").arg(function.signature);
        else if (it->definition != function.definition)
            functionStatements << it->definition;
    }
    if (!functionStatements.isEmpty()) {
        bool ok = exec(QStringLiteral("BEGIN"), nullptr).ok();
        for (const QString &statement : functionStatements) {
            if (!ok)
                break;
            const Status status = exec(statement, nullptr);
            if (!status) {
                problems << status.error().message;
                ok = false;
            }
        }
        if (!ok || !exec(QStringLiteral("COMMIT"), nullptr).ok()) {
            static_cast<void>(exec(QStringLiteral("ROLLBACK"), nullptr));
            if (problems.isEmpty())
                problems << tr("the functions could not be put back");
        }
    }
    // 4. What it dropped is built again (an index that was already invalid stays gone).
    static const QRegularExpression createIndex(QStringLiteral("^CREATE (UNIQUE )?INDEX "));
    for (const IndexState &index : before.indexes) {
        if (indexesNow.contains(index.oid) || !index.valid)
            continue;
        QString definition = index.definition;
        const auto match = createIndex.match(definition);
        if (!match.hasMatch()) {
            problems << tr("index %1 cannot be built again: %2").arg(index.qualified, definition);
            continue;
        }
        definition.insert(match.capturedEnd(), QLatin1String("CONCURRENTLY "));
        if (!execPatiently(definition))
            continue;
    }
    // A build in step 4 that failed leaves an invalid index: it must not stay.
    if (const Result<Snapshot> after = snapshot(); after) {
        for (const IndexState &index : after->indexes) {
            if (!index.valid && !indexesBefore.contains(index.oid)) {
                execPatiently(
                    QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1").arg(index.qualified));
            }
        }
    }
    return problems;
}
