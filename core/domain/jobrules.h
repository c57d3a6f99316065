#pragma once

#include "core/domain/job.h"

#include <chrono>

class QString;

// The seed's rules, in C++, for places that already hold a Job (lists, the console). They must
// agree with the SQL functions in sql/postgresql; a test checks that they do.
namespace JobRules {

// The seed's timeout for a job left 'running' by a program that does not heartbeat.
inline constexpr std::chrono::hours stuckAfter{2};
inline constexpr int minIntervalHours = 1;
inline constexpr int maxIntervalHours = 8760; // one year
inline constexpr int maxNameLength = 100; // VARCHAR(100)

// deve_executar_cron(nome): active, not held back by a forced reset, and (never ran, or
// next_run reached, or stuck).
bool shouldRun(const Job &job, const QDateTime &now);
// 'running' past the lease (runners) or past two hours (the seed's web platform).
bool isStuck(const Job &job, const QDateTime &now);
// 'running' under a runner's lease that has not expired: its holder may still be working.
bool hasLiveLease(const Job &job, const QDateTime &now);
// A forced reset fenced a holder whose lease has not expired yet: nobody may start the job
// before job.claimableAfter.
bool isHeldBack(const Job &job, const QDateTime &now);
// When shouldRun() becomes true if nothing changes meanwhile (now when it already is; invalid
// for a disabled job): for working out when to look again.
QDateTime claimableFrom(const Job &job, const QDateTime &now);
JobState state(const Job &job, const QDateTime &now);
// The seed API's status_descricao, in Portuguese as the web platform returns it.
QString seedStatusDescription(const Job &job, const QDateTime &now);
// The next planned slot after a run that finished at `now`: the schedule's grid continued from
// the slot the run was planned for, so runs do not drift by their own duration, and slots
// missed while nothing ran collapse into this one run. A cron fire time that came while the run
// ran (after its start) is owed one run, due at once.
QDateTime nextSlot(const Job &job, const QDateTime &now);

// Validation with messages for people; an empty string means valid.
QString validateName(const QString &name);
QString validateIntervalHours(qint64 hours);

} // namespace JobRules
