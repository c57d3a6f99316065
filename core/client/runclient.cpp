#include "core/client/runclient.h"

#include "core/client/dbthread.h"
#include "core/domain/historyentry.h"
#include "core/store/runstore.h"

RunClient::RunClient(const ConnectionSpec &spec, QObject *parent)
    : QObject(parent)
{
    DbThread::Options options;
    options.purpose = QStringLiteral("console-runs");
    options.persistent = false;
    m_db = new DbThread(spec, options, this);
}

RunClient::~RunClient() = default;

void RunClient::fetchCurrent(const QString &job, QObject *context,
    std::function<void(const Result<std::optional<RunRecord>> &)> callback)
{
    m_db->call<std::optional<RunRecord>>(
        context, [job](Database &db) { return RunStore(db).current(job); }, std::move(callback));
}

void RunClient::fetchRuns(const QString &job, int limit, QObject *context,
    std::function<void(const Result<QList<RunRecord>> &)> callback)
{
    m_db->call<QList<RunRecord>>(
        context, [job, limit](Database &db) { return RunStore(db).runs(job, limit); },
        std::move(callback));
}

void RunClient::fetchDurations(const HistoryQuery &query, QObject *context,
    std::function<void(const Result<QList<DurationPoint>> &)> callback)
{
    m_db->call<QList<DurationPoint>>(
        context, [query](Database &db) { return DurationPoints::read(db, query); },
        std::move(callback));
}

void RunClient::fetchOutput(qint64 runId, qint64 afterSeq, QObject *context,
    std::function<void(const Result<RunOutputPage> &)> callback)
{
    m_db->call<RunOutputPage>(
        context,
        [runId, afterSeq](Database &db) -> Result<RunOutputPage> {
            RunStore store(db);
            // The run first: a chunk written after this read is picked up by the next one.
            auto run = store.run(runId);
            if (!run)
                return run.error();
            auto chunks = store.output(runId, afterSeq);
            if (!chunks)
                return chunks.error();
            return RunOutputPage{std::move(run).value(), std::move(chunks).value()};
        },
        std::move(callback));
}

void RunClient::requestAbort(const QString &job, const QString &reason, QObject *context,
    std::function<void(const Result<RunRecord> &)> callback)
{
    m_db->call<RunRecord>(
        context, [job, reason](Database &db) { return RunStore(db).requestAbort(job, reason); },
        std::move(callback));
}
