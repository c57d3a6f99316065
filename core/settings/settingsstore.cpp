#include "core/settings/settingsstore.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSettings>

namespace {

QMutex mutex;
QString testFile; // guarded by mutex

} // namespace

namespace SettingsStore {

std::unique_ptr<QSettings> open()
{
    const QMutexLocker locker(&mutex);
    if (testFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(testFile, QSettings::IniFormat);
}

void useFile(const QString &path)
{
    const QMutexLocker locker(&mutex);
    testFile = path;
}

} // namespace SettingsStore
