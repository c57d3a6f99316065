// JobStore's edits of what a job is called and says: description and name (issue 16, item 14).
#include "core/store/jobstore.h"

#include "core/db/database.h"
#include "core/domain/jobrules.h"
#include "core/store/auditwriter.h"
#include "core/store/statusjson.h"
#include "core/store/transaction.h"

#include <QSqlQuery>

namespace {
constexpr int maxDescriptionLength = 2000; // a paragraph; the column is TEXT
} // namespace

Result<ActionOutcome> JobStore::setDescription(
    const QString &name, const QString &description, const ActionOptions &options)
{
    const QString text = description.trimmed();
    if (text.size() > maxDescriptionLength)
        return Error::invalidInput(tr("the description has %1 characters; at most %2 are allowed")
                                       .arg(text.size())
                                       .arg(maxDescriptionLength));
    return applyAction(
        name, QStringLiteral("set_description"), options, [&](const Job &before) -> Result<bool> {
            if (before.description == text)
                return false;
            return updateJob(before.id, QStringLiteral("descricao = :descricao"),
                {{QStringLiteral("descricao"),
                    text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text)}},
                tr("changing the description of job \"%1\"").arg(name));
        });
}

Result<ActionOutcome> JobStore::rename(
    const QString &name, const QString &newName, const ActionOptions &options)
{
    if (const QString problem = JobRules::validateName(newName); !problem.isEmpty())
        return Error::invalidInput(problem);
    ActionOutcome outcome;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        const Result<Job> before = selectJob(name, true);
        if (!before)
            return before.error();
        if (options.expectedVersion && *options.expectedVersion != before->rowVersion)
            return Error::conflict(
                tr("job \"%1\" was changed by someone else since it was read (version %2, now "
                   "%3); reload it and try again")
                    .arg(name, QString::number(*options.expectedVersion),
                        QString::number(before->rowVersion)));
        if (newName == name) {
            outcome.job = *before;
            return {};
        }
        // The runner and the platform's finalizar_execucao_cron() find a running job by name:
        // renamed under them, the run's result would be lost.
        if (before->runStatus() == RunStatus::Running)
            return Error::conflict(
                tr("job \"%1\" is running; rename it once the run has finished (its runner "
                   "records the result by name)")
                    .arg(name));
        const auto taken = run(QStringLiteral("SELECT 1 FROM cron_jobs WHERE nome = :nome"),
            {{QStringLiteral("nome"), newName}}, tr("renaming job \"%1\"").arg(name));
        if (!taken)
            return taken.error();
        const bool exists = (*taken)->next();
        (*taken)->finish();
        if (exists)
            return Error::conflict(tr("a job named \"%1\" already exists").arg(newName));
        const Result<bool> wrote = updateJob(before->id, QStringLiteral("nome = :novo"),
            {{QStringLiteral("novo"), newName}}, tr("renaming job \"%1\"").arg(name));
        if (!wrote)
            return wrote.error();
        const Result<Job> after = selectJob(newName, false);
        if (!after)
            return after.error();
        outcome.job = *after;
        outcome.changed = true;
        return AuditWriter::adminAction(m_database, QStringLiteral("rename"), newName,
            StatusJson::snapshot(*before), StatusJson::snapshot(*after), options.reason,
            {{QStringLiteral("nome_anterior"), name}, {QStringLiteral("nome_novo"), newName}});
    });
    if (!status)
        return status.error();
    return outcome;
}
