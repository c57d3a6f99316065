#pragma once

#include <QString>

// Every QSettings key the console uses, in one place.
namespace SettingsKeys {

inline QString windowGeometry()
{
    return QStringLiteral("window/geometry");
}
inline QString windowState()
{
    return QStringLiteral("window/state");
}
inline QString splitterState()
{
    return QStringLiteral("window/splitter");
}
inline QString jobColumns()
{
    return QStringLiteral("jobs/header");
}

// Whether "Run jobs on this workstation" was on when the console last ran.
inline QString runnerEnabled()
{
    return QStringLiteral("runner/enabled");
}
inline QString sideTab()
{
    return QStringLiteral("window/sideTab");
}

} // namespace SettingsKeys
