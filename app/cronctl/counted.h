#pragma once

#include <QString>

// "1 row", "9 rows": cronctl speaks English only (scripts read it) and loads no translator, so
// its plurals are chosen here instead of "9 row(s)".
inline QString counted(qint64 n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}
