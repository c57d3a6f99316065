#include "db/connectionspec.h"
#include "mainwindow/mainwindow.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cron-console"));
    QApplication::setApplicationDisplayName(QStringLiteral(CRON_CONSOLE_NAME));
    QApplication::setApplicationVersion(QStringLiteral(CRON_CONSOLE_VERSION));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QApplication::translate("main", "Open this database (postgresql://… or sqlite:/path)."),
        QStringLiteral("URL"));
    parser.addOption(dbOption);
    parser.process(app);

    const Result<ConnectionSpec> spec = ConnectionSpec::resolve(parser.value(dbOption));
    MainWindow window(spec ? spec->displayUrl() : spec.error().message);
    window.show();
    return app.exec();
}
