#pragma once

#include <QString>

enum class RunStatus;

// The one place for the words users read for a run's status and trigger, in every view (job
// table, history, runs, output, dialogs). The database, CSV and JSON keep the text as written.
namespace RunLabels {

// "success" → "success" (pt_BR "sucesso"), "lease_lost" → "lease lost"; a status this program
// does not know (a platform's own) as written.
QString status(const QString &text);
QString status(RunStatus status);
// "run_now" → "run now"; unknown triggers as written.
QString trigger(const QString &text);

} // namespace RunLabels
