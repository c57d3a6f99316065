#include "ui/common/sizetext.h"

#include <QLocale>

QString SizeText::bytes(qint64 count)
{
    if (count < 1024)
        return tr("%1 B").arg(count);
    if (count < 1024 * 1024)
        return tr("%1 KiB").arg(QLocale().toString(count / 1024.0, 'f', 1));
    return tr("%1 MiB").arg(QLocale().toString(count / (1024.0 * 1024.0), 'f', 1));
}
