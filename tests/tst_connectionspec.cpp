#include "db/connectionspec.h"

#include <QDir>
#include <QTest>

class TestConnectionSpec : public QObject {
    Q_OBJECT
private slots:
    void postgresUrls_data();
    void postgresUrls();
    void sqliteUrls();
    void rejectsUnknownSchemes_data();
    void rejectsUnknownSchemes();
    void resolveOrder();
    void displayUrlHidesPassword();
    void connectOptionsQuoteValues();
};

void TestConnectionSpec::postgresUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("options");

    QTest::newRow("full") << "postgresql://admin@db.example:6543/cron?sslmode=require"
                          << "db.example" << 6543 << "cron"
                          << "admin"
                          << "sslmode=require";
    QTest::newRow("short scheme") << "postgres://db/cron"
                                  << "db" << -1 << "cron"
                                  << ""
                                  << "";
    QTest::newRow("libpq defaults") << "postgresql:///cron"
                                    << "" << -1 << "cron"
                                    << ""
                                    << "";
    QTest::newRow("everything from PG*") << "postgresql://"
                                         << "" << -1 << ""
                                         << ""
                                         << "";
    QTest::newRow("socket in query") << "postgresql:///cron?host=/var/run/postgresql&port=5433"
                                     << "/var/run/postgresql" << 5433 << "cron"
                                     << ""
                                     << "";
    QTest::newRow("service file") << "postgresql://?service=cron"
                                  << "" << -1 << ""
                                  << ""
                                  << "service=cron";
    QTest::newRow("percent-encoded") << "postgresql://us%40er@h/d%20b"
                                     << "h" << -1 << "d b"
                                     << "us@er"
                                     << "";
    QTest::newRow("ipv6") << "postgresql://[::1]:5432/cron"
                          << "::1" << 5432 << "cron"
                          << ""
                          << "";
}

void TestConnectionSpec::postgresUrls()
{
    QFETCH(QString, url);
    const auto spec = ConnectionSpec::fromUrl(url);
    QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().message));
    QCOMPARE(spec->backend, Backend::PostgreSQL);
    QTEST(spec->host, "host");
    QTEST(spec->port, "port");
    QTEST(spec->database, "database");
    QTEST(spec->user, "user");
    QStringList options;
    for (auto it = spec->options.cbegin(); it != spec->options.cend(); ++it)
        options << it.key() + QLatin1Char('=') + it.value();
    QTEST(options.join(QLatin1Char('&')), "options");
}

void TestConnectionSpec::sqliteUrls()
{
    auto spec = ConnectionSpec::fromUrl(QStringLiteral("sqlite:/tmp/x/jobs.db"));
    QVERIFY(spec.ok());
    QCOMPARE(spec->backend, Backend::SQLite);
    QCOMPARE(spec->filePath, QStringLiteral("/tmp/x/jobs.db"));
    spec = ConnectionSpec::fromUrl(QStringLiteral("sqlite:///tmp/y.db"));
    QVERIFY(spec.ok());
    QCOMPARE(spec->filePath, QStringLiteral("/tmp/y.db"));
    spec = ConnectionSpec::fromUrl(QStringLiteral("sqlite:relative.db"));
    QVERIFY(spec.ok());
    QCOMPARE(spec->filePath, QDir::current().absoluteFilePath(QStringLiteral("relative.db")));
}

void TestConnectionSpec::rejectsUnknownSchemes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("mysql") << "mysql://h/db"
                           << "unsupported database URL";
    QTest::newRow("empty sqlite") << "sqlite:"
                                  << "names no file";
    QTest::newRow("bare word") << "production"
                               << "unsupported database URL";
    QTest::newRow("bad port") << "postgresql://h/db?port=abc"
                              << "invalid port";
}

void TestConnectionSpec::rejectsUnknownSchemes()
{
    QFETCH(QString, url);
    QFETCH(QString, messagePart);
    const auto spec = ConnectionSpec::fromUrl(url);
    QVERIFY(!spec.ok());
    QCOMPARE(spec.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(spec.error().message.contains(messagePart), qPrintable(spec.error().message));
}

void TestConnectionSpec::resolveOrder()
{
    qputenv("CRON_CONSOLE_DB", "sqlite:/tmp/from-env.db");
    auto spec = ConnectionSpec::resolve(QStringLiteral("sqlite:/tmp/from-option.db"));
    QCOMPARE(spec->filePath, QStringLiteral("/tmp/from-option.db"));
    spec = ConnectionSpec::resolve(QString());
    QCOMPARE(spec->filePath, QStringLiteral("/tmp/from-env.db"));
    qunsetenv("CRON_CONSOLE_DB");
    spec = ConnectionSpec::resolve(QString());
    QCOMPARE(spec->backend, Backend::SQLite);
    QCOMPARE(spec->filePath, ConnectionSpec::defaultSqlitePath());
    QVERIFY(spec->filePath.endsWith(QLatin1String("/cron-console/cron-console.db")));
}

void TestConnectionSpec::displayUrlHidesPassword()
{
    const auto spec = ConnectionSpec::fromUrl(
        QStringLiteral("postgresql://bob:s3cret@db:5432/cron?sslmode=verify-full"));
    QVERIFY(spec.ok());
    QCOMPARE(spec->password, QStringLiteral("s3cret"));
    QVERIFY(!spec->displayUrl().contains(QLatin1String("s3cret")));
    QCOMPARE(
        spec->displayUrl(), QStringLiteral("postgresql://bob@db:5432/cron?sslmode=verify-full"));
    const auto local = ConnectionSpec::fromUrl(QStringLiteral("postgresql:///cron"));
    QCOMPARE(local->displayUrl(), QStringLiteral("postgresql:///cron"));
}

void TestConnectionSpec::connectOptionsQuoteValues()
{
    auto spec = ConnectionSpec::fromUrl(
        QStringLiteral("postgresql:///d?sslmode=require&options=-c%20x%3Dy"));
    QVERIFY(spec.ok());
    const QString options = spec->qtConnectOptions(QStringLiteral("cronctl/test"));
    QVERIFY2(
        options.contains(QLatin1String("application_name='cronctl/test'")), qPrintable(options));
    QVERIFY2(options.contains(QLatin1String("options='-c x=y -c client_min_messages=warning'")),
        qPrintable(options));
    QVERIFY2(options.contains(QLatin1String("sslmode='require'")), qPrintable(options));
}

QTEST_GUILESS_MAIN(TestConnectionSpec)
#include "tst_connectionspec.moc"
