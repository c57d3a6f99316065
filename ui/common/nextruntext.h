#pragma once

#include <QDateTime>
#include <QString>

struct Job;

// The details pane's "Next run", in agreement with the job's state: a job that is due (an
// interval job that never ran, or next_run reached) says "now", never a countdown to a
// next_run the seed's rule does not wait for.
namespace NextRunText {

QString describe(const Job &job, const QDateTime &now);

} // namespace NextRunText
