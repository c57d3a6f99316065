#include "core/client/consolesession.h"

#include "core/client/historyclient.h"
#include "core/client/runclient.h"
#include "core/client/serverclock.h"

ConsoleSession::ConsoleSession(
    const ConnectionSpec &spec, const JobClient::Options &options, QObject *parent)
    : QObject(parent)
    , m_jobs(new JobClient(spec, options, this))
    , m_history(new HistoryClient(spec, this))
    , m_runs(new RunClient(spec, this))
    , m_clock(std::make_shared<ServerClock>())
{ }

ConsoleSession::~ConsoleSession() = default;

QDateTime ConsoleSession::now() const
{
    return m_clock->now();
}
