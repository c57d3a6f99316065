#include "ui/common/apptranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace AppTranslations {

Installed install(QCoreApplication &app, const QLocale &locale)
{
    Installed installed;
    auto *ours = new QTranslator(&app);
    if (ours->load(
            locale, QStringLiteral("cron-console"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours->load(QStringLiteral(":/i18n/cron-console_en")))
        installed.ours = ours;
    else
        delete ours;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        installed.qts = qt;
    else
        delete qt;
    for (QTranslator *translator : {installed.ours, installed.qts}) {
        if (translator)
            QCoreApplication::installTranslator(translator);
    }
    return installed;
}

} // namespace AppTranslations
