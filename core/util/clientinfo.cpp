#include "core/util/clientinfo.h"

#include "version.h"

#include <QCoreApplication>
#include <QHostInfo>

#include <pwd.h>
#include <unistd.h>

namespace ClientInfo {

QString osUser()
{
    // The password database, not $USER, which anybody can set.
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return QString::number(geteuid());
}

QString hostName()
{
    return QHostInfo::localHostName();
}

qint64 processId()
{
    return QCoreApplication::applicationPid();
}

QString programName()
{
    const QString name = QCoreApplication::applicationName();
    return name.isEmpty() ? QStringLiteral("cron-console") : name;
}

QString programWithVersion()
{
    return programName() + QLatin1Char(' ') + QLatin1String(CRON_CONSOLE_VERSION);
}

} // namespace ClientInfo
