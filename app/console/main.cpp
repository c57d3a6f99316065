#include "client/connectionprofiles.h"
#include "db/connectionspec.h"
#include "dialogs/connectiondialog.h"
#include "mainwindow/mainwindow.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>

namespace {

void installTranslations(QApplication &app)
{
    // Ours from the resources, Qt's own (buttons, standard dialogs) from the system.
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("cron-console"), QStringLiteral("_"),
            QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

QString demoDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/cron-console/demo.db");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cron-console"));
    QApplication::setApplicationName(QStringLiteral("cron-console"));
    QApplication::setApplicationDisplayName(QStringLiteral(CRON_CONSOLE_NAME));
    QApplication::setApplicationVersion(QStringLiteral(CRON_CONSOLE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cron-console"));
    installTranslations(app);
    QIcon icon(QStringLiteral(":/icons/cron-console.svg"));
    for (const int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/cron-console-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Administration console for the persistent cron system."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QApplication::translate("main", "Open this database (postgresql://… or sqlite:/path)."),
        QStringLiteral("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QApplication::translate(
            "main", "Open a separate demo database with a few jobs (created on first use)."));
    const QCommandLineOption selectOption(QStringLiteral("select"),
        QApplication::translate("main", "Select this job when the list loads."),
        QStringLiteral("JOB"));
    // For documentation screenshots: open one of the job dialogs on the selected job.
    QCommandLineOption dialogOption(QStringLiteral("show-dialog"),
        QStringLiteral("schedule, reset, delete, new or connect"), QStringLiteral("DIALOG"));
    dialogOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(dbOption);
    parser.addOption(demoOption);
    parser.addOption(selectOption);
    parser.addOption(dialogOption);
    parser.process(app);

    JobClient::Options options;
    Result<ConnectionSpec> spec = Error::invalidInput(QString());
    if (parser.isSet(dbOption)) {
        spec = ConnectionSpec::fromUrl(parser.value(dbOption));
    } else if (parser.isSet(demoOption)) {
        spec = ConnectionSpec::sqlite(demoDatabasePath());
        options.seedDemo = true;
    } else if (!qEnvironmentVariableIsEmpty("CRON_CONSOLE_DB")) {
        spec = ConnectionSpec::resolve(QString());
    } else {
        // The last profile reopens; without one, the embedded default.
        QSettings settings;
        const auto last = ConnectionProfiles(settings).last();
        spec = last ? ConnectionDialog::specFor(last->url) : ConnectionSpec::resolve(QString());
    }
    if (!spec) {
        std::fprintf(stderr, "cron-console: %s\n", qPrintable(spec.error().message));
        return 2;
    }

    MainWindow window;
    window.setInitialSelection(parser.value(selectOption));
    window.openDatabase(*spec, options);
    window.show();
    if (parser.isSet(dialogOption))
        window.showDialogWhenLoaded(parser.value(dialogOption));
    return app.exec();
}
