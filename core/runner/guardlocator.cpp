#include "core/runner/guardlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {

// This file's user-visible strings, in the "GuardLocator" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GuardLocator)
};

} // namespace

namespace GuardLocator {

Result<QString> find()
{
    QStringList candidates;
    if (const QString fromEnvironment = qEnvironmentVariable("CRON_CONSOLE_GUARD");
        !fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    const QString appDir = QCoreApplication::applicationDirPath();
    // A program of this build tree uses this build's guard, never an older installed one.
    if (appDir.startsWith(QStringLiteral(CRON_BUILD_DIR)))
        candidates << QStringLiteral(CRON_GUARD_BUILD_PATH);
    candidates << QDir::cleanPath(
        appDir + QStringLiteral("/../libexec/cron-console/cron-console-guard"))
               << QStringLiteral(CRON_GUARD_INSTALL_PATH) << QStringLiteral(CRON_GUARD_BUILD_PATH);
    for (const QString &path : std::as_const(candidates)) {
        const QFileInfo file(path);
        if (file.isFile() && file.isExecutable())
            return file.absoluteFilePath();
    }
    return Error::config(
        Text::tr("cannot find cron-console-guard, which runs every command action (looked in %1); "
                 "reinstall the package or set CRON_CONSOLE_GUARD")
            .arg(candidates.join(QStringLiteral(", "))));
}

} // namespace GuardLocator
