#pragma once

#include <QString>

#include <memory>

class QSettings;

// The one place that builds QSettings. By default the application's (organisation and application
// name); a test points every setting at its own file instead.
namespace SettingsStore {

// A QSettings on the current store. Use on one thread at a time (QSettings is reentrant only).
std::unique_ptr<QSettings> open();

// Tests: every setting reads and writes this INI file from now on; an empty path restores the
// application's store.
void useFile(const QString &path);

} // namespace SettingsStore
