#pragma once

#include <QString>

// Who and where we are, for audit rows and runner registration.
namespace ClientInfo {

QString osUser();
QString hostName();
qint64 processId();
// "cronctl" or "cron-console", from the running application.
QString programName();
// "cronctl 0.1.0"
QString programWithVersion();

} // namespace ClientInfo
