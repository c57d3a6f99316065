#include "core/client/runoutputfollower.h"

#include "core/client/runclient.h"

RunOutputFollower::RunOutputFollower(RunClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(pollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RunOutputFollower::poll);
}

void RunOutputFollower::follow(const QString &job)
{
    if (job == m_job && m_run)
        return;
    m_job = job;
    refresh();
}

void RunOutputFollower::refresh()
{
    ++m_generation;
    m_timer.stop();
    m_inFlight = false;
    const bool hadRun = m_run.has_value();
    if (m_job.isEmpty()) {
        m_run.reset();
        m_chunks.clear();
        m_lastSeq = 0;
        if (hadRun)
            emit cleared();
        return;
    }
    const quint64 generation = m_generation;
    m_inFlight = true;
    m_client->fetchCurrent(
        m_job, this, [this, generation](const Result<std::optional<RunRecord>> &current) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            if (!current) {
                emit failed(current.error().message);
                return;
            }
            const std::optional<RunRecord> &run = *current;
            if (!m_run || !run || run->id != m_run->id) {
                m_chunks.clear();
                m_lastSeq = 0;
                emit cleared();
            }
            m_run = run;
            if (!m_run)
                return;
            emit runChanged(*m_run);
            poll();
            m_timer.start();
        });
}

void RunOutputFollower::poll()
{
    if (!m_run || m_inFlight)
        return;
    const quint64 generation = m_generation;
    m_inFlight = true;
    m_client->fetchOutput(
        m_run->id, m_lastSeq, this, [this, generation](const Result<RunOutputPage> &page) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            if (!page) {
                emit failed(page.error().message);
                return;
            }
            if (!page->chunks.isEmpty()) {
                m_lastSeq = page->chunks.constLast().seq;
                m_chunks += page->chunks;
                emit chunksAdded(page->chunks);
            }
            if (page->run) {
                m_run = page->run;
                emit runChanged(*m_run);
            }
            // Done when it ended and its last chunk is in (or the run is gone); a full page
            // means more is waiting.
            const bool more = page->chunks.size() >= 1000;
            if (more)
                poll();
            else if (!page->run
                || (!page->run->isRunning()
                    && (page->run->outputComplete
                        || page->run->finishedAt.msecsTo(page->run->readAt) > 5000)))
                m_timer.stop(); // (a writer that lost its database never says complete)
        });
}
