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

} // namespace SettingsKeys
