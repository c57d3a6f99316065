#include "demodata.h"

#include "core/client/connectionprofiles.h"
#include "core/client/jobclient.h"
#include "core/client/workstationrunner.h"
#include "core/db/connectionspec.h"
#include "core/settings/settingsstore.h"
#include "ui/common/apptranslations.h"
#include "ui/common/readableindicatorstyle.h"
#include "ui/common/readablepalette.h"
#include "ui/dialogs/connectiondialog.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/runners/workstationswitch.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

namespace {

// This file's user-visible strings, in the "main" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(main)
};

QString demoDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/cron-console/demo.db");
}

// Next to the demo database, so the user's own runner config is never touched by --demo.
QString demoRunnerConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/cron-console/demo-runner.json");
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version print and exit: they need no display, and without one the xcb
    // plugin aborted before the text was printed (an ssh session, a script).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
                || arg == "--version")
            && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cron-console"));
    QApplication::setApplicationName(QStringLiteral("cron-console"));
    QApplication::setApplicationDisplayName(QStringLiteral(CRON_CONSOLE_NAME));
    QApplication::setApplicationVersion(QStringLiteral(CRON_CONSOLE_VERSION));
    // The desktop entry installer/io.github.cronconsole.CronConsole.desktop (window matching on
    // Wayland).
    QApplication::setDesktopFileName(QStringLiteral("io.github.cronconsole.CronConsole"));
    AppTranslations::install(app, QLocale());
    // Check boxes with a box on a dark palette; first, as a new style brings the theme's
    // palette back.
    ReadableIndicatorStyle::install();
    ReadablePalette::apply(); // placeholders that read on a dark desktop palette too
    QIcon icon(QStringLiteral(":/icons/cron-console.svg"));
    for (const int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/cron-console-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Administration console for the persistent cron system."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
        Text::tr("Open this database (postgresql://… or sqlite:/path)."), QStringLiteral("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        Text::tr("Open a separate demo database with a few jobs (created on first use) and run its "
                 "harmless demo actions on this workstation."));
    const QCommandLineOption selectOption(QStringLiteral("select"),
        Text::tr("Select this job when the list loads."), QStringLiteral("JOB"));
    // For documentation screenshots: open one of the job dialogs on the selected job.
    QCommandLineOption dialogOption(QStringLiteral("show-dialog"),
        QStringLiteral("schedule, reset, delete, new, connect, runners or runner-config"),
        QStringLiteral("DIALOG"));
    dialogOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For tests that start the console beside other programs: did its first open succeed?
    QCommandLineOption exitWhenLoadedOption(QStringLiteral("exit-when-loaded"),
        QStringLiteral("exit 0 once the job list has loaded, 1 if opening fails first"));
    exitWhenLoadedOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(dbOption);
    parser.addOption(demoOption);
    parser.addOption(selectOption);
    parser.addOption(dialogOption);
    parser.addOption(exitWhenLoadedOption);
    parser.process(app);

    JobClient::Options options;
    Result<ConnectionSpec> spec = Error::invalidInput(QString());
    if (parser.isSet(dbOption)) {
        spec = ConnectionSpec::fromUrl(parser.value(dbOption));
    } else if (parser.isSet(demoOption)) {
        spec = ConnectionSpec::sqlite(demoDatabasePath());
        options.onOpen = DemoData::primer();
    } else if (!qEnvironmentVariableIsEmpty("CRON_CONSOLE_DB")) {
        spec = ConnectionSpec::resolve(QString());
    } else {
        // The last profile reopens; without one, the embedded default.
        const auto last = ConnectionProfiles(*SettingsStore::open()).last();
        spec = last ? ConnectionDialog::specFor(last->url) : ConnectionSpec::resolve(QString());
    }
    if (!spec) {
        std::fprintf(stderr, "cron-console: %s\n", qPrintable(spec.error().message));
        return 2;
    }

    const bool demo = parser.isSet(demoOption) && !parser.isSet(dbOption);
    if (demo) {
        if (const Status written = DemoData::writeRunnerConfig(demoRunnerConfigPath()); !written)
            std::fprintf(stderr, "cron-console: %s\n", qPrintable(written.error().message));
    }

    MainWindow window;
    window.setInitialSelection(parser.value(selectOption));
    if (demo) {
        window.setRunnerConfigPath(demoRunnerConfigPath());
        window.workstation()->setRemembered(false); // the demo does not change the user's choice
    }
    window.openDatabase(*spec, options);
    // The runner starts once the database has been opened (and, for the demo, created).
    auto started = std::make_shared<QMetaObject::Connection>();
    *started = QObject::connect(
        window.client(), &JobClient::jobsLoaded, &window, [&window, demo, started] {
            QObject::disconnect(*started);
            if (demo)
                window.workstation()->turnOn();
            else
                window.restoreRunnerSwitch();
        });
    if (parser.isSet(exitWhenLoadedOption)) {
        QObject::connect(
            window.client(), &JobClient::jobsLoaded, &app, [] { QApplication::exit(0); });
        QObject::connect(window.client(), &JobClient::stateChanged, &app,
            [](JobClient::State, const QString &message) {
                if (message.isEmpty())
                    return;
                std::fprintf(stderr, "cron-console: %s\n", qPrintable(message));
                QApplication::exit(1);
            });
    }
    window.show();
    if (parser.isSet(dialogOption))
        window.showDialogWhenLoaded(parser.value(dialogOption));
    return app.exec();
}
