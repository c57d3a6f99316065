#pragma once

class QCoreApplication;
class QLocale;
class QTranslator;

// The console's translations for a locale: ours from the resources (English for a language we
// have no file for: its plurals say "1 job"), and Qt's own (standard buttons such as Cancel and
// Save, JSON parse errors, file dialogs) from the system's Qt translations, which Debian ships
// in qt6-translations-l10n.
namespace AppTranslations {

struct Installed {
    QTranslator *ours = nullptr; // null: not found (then deleted)
    QTranslator *qts = nullptr;
};

// Installs both on `app` (owned by it), for `locale`'s UI languages.
Installed install(QCoreApplication &app, const QLocale &locale);

} // namespace AppTranslations
