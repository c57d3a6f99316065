#pragma once

#include "core/settings/setting.h"

#include <QByteArray>
#include <QString>

// Every setting the console keeps, with its type and default. (The connection profiles,
// "connections/profiles" and "connections/last", are an array kept by ConnectionProfiles.)
namespace ConsoleSettings {

// QMainWindow::saveGeometry()/saveState(); empty: the built-in size and layout.
inline const Setting<QByteArray> windowGeometry{QStringLiteral("window/geometry"), {}};
inline const Setting<QByteArray> windowState{QStringLiteral("window/state"), {}};
// The jobs/side-panel splitter; empty: the built-in proportions.
inline const Setting<QByteArray> splitterState{QStringLiteral("window/splitter"), {}};
// The job table's header (column order, widths, sort).
inline const Setting<QByteArray> jobColumns{QStringLiteral("jobs/header"), {}};
// The side tab last shown, by its page's object name; empty or unknown: the first tab.
inline const Setting<QString> sideTab{QStringLiteral("window/sideTab"), {}};
// Whether "Run jobs on this workstation" was on when the console last ran.
inline const Setting<bool> runnerEnabled{QStringLiteral("runner/enabled"), false};
// The tray icon with the count of jobs that need attention, and desktop notifications
// (issue 17).
inline const Setting<bool> trayNotifications{QStringLiteral("alerts/tray"), true};

// The history export's last format ("rfc4180" or "spreadsheet-pt_BR"; empty: the language's)
// and the folder it last wrote to (used again while it exists).
inline const Setting<QString> exportFormat{QStringLiteral("export/format"), {}};
inline const Setting<QString> exportFolder{QStringLiteral("export/folder"), {}};

} // namespace ConsoleSettings
