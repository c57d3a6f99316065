// cronctl set-description and rename: what a job says and what it is called, audited like every
// admin action (issue 16, item 14).
#include "cli.h"

#include "core/db/database.h"
#include "core/store/jobstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

// This file's user-visible strings, in the "cronctl" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cronctl)
};

} // namespace

int Cli::cmdSetDescription(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        Text::tr("why, for the audit row in tenant_logs"), QStringLiteral("TEXT"));
    parser.addOption(reasonOption);
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("set-description"), args, 2, &exitCode))
        return exitCode;
    const QString job = parser.positionalArguments().at(0);
    ActionOptions options;
    options.reason = parser.value(reasonOption);
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const auto outcome = store.setDescription(job, parser.positionalArguments().at(1), options);
    if (!outcome)
        return fail(outcome.error());
    if (!outcome->changed)
        m_out << Text::tr("%1 already has that description").arg(job) << Qt::endl;
    else if (outcome->job.description.isEmpty())
        m_out << Text::tr("%1 has no description now").arg(job) << Qt::endl;
    else
        m_out << Text::tr("%1: %2").arg(job, outcome->job.description) << Qt::endl;
    return Success;
}

int Cli::cmdRename(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        Text::tr("why, for the audit row in tenant_logs"), QStringLiteral("TEXT"));
    parser.addOption(reasonOption);
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("rename"), args, 2, &exitCode))
        return exitCode;
    const QString job = parser.positionalArguments().at(0);
    const QString newName = parser.positionalArguments().at(1);
    ActionOptions options;
    options.reason = parser.value(reasonOption);
    auto database = connect(true);
    if (!database)
        return fail(database.error());
    JobStore store(*database.value());
    const auto outcome = store.rename(job, newName, options);
    if (!outcome)
        return fail(outcome.error());
    if (!outcome->changed) {
        m_out << Text::tr("%1 already has that name").arg(job) << Qt::endl;
        return Success;
    }
    m_out << Text::tr("renamed %1 to %2; its earlier history stays under %1, and programs that "
                      "call the job by name need the new name")
                 .arg(job, newName)
          << Qt::endl;
    return Success;
}
