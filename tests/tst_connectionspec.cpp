#include "core/db/connectionspec.h"
#include "core/db/database.h"
#include "core/util/secretmask.h"
#include "support/testdatabase.h"

#include <QDir>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
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
    void multiHostUrls_data();
    void multiHostUrls();
    void badMultiHostUrls_data();
    void badMultiHostUrls();
    void displayUrlShowsEveryHost_data();
    void displayUrlShowsEveryHost();
    void masksSecretsInUrls_data();
    void masksSecretsInUrls();
    // PostgreSQL: libpq's own failover over a host list.
    void connectsToTheSecondHost();
    void cronctlTakesMultiHostUrls();

private:
    // A URL whose first host is a closed local port and whose second is the test server.
    static QString failoverUrl(const QString &database, const QString &extra);
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

void TestConnectionSpec::multiHostUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("portList");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("options");

    QTest::newRow("per-host ports")
        << "postgresql://u@h1:5432,h2:5433/db?target_session_attrs=read-write"
        << "h1,h2" << -1 << "5432,5433"
        << "db"
        << "u"
        << ""
        << "target_session_attrs=read-write";
    QTest::newRow("one port given") << "postgresql://h1:5432,h2/db"
                                    << "h1,h2" << -1 << "5432,"
                                    << "db"
                                    << ""
                                    << ""
                                    << "";
    QTest::newRow("no ports") << "postgresql://h1,h2,h3/db"
                              << "h1,h2,h3" << -1 << ""
                              << "db"
                              << ""
                              << ""
                              << "";
    QTest::newRow("query lists")
        << "postgresql:///db?host=a,b&port=1,2&target_session_attrs=primary&connect_timeout=3"
        << "a,b" << -1 << "1,2"
        << "db"
        << ""
        << ""
        << "connect_timeout=3&target_session_attrs=primary";
    QTest::newRow("query port for all") << "postgresql:///db?host=a,b&port=6000"
                                        << "a,b" << 6000 << ""
                                        << "db"
                                        << ""
                                        << ""
                                        << "";
    QTest::newRow("ipv6 list") << "postgresql://[::1]:5432,[fe80::2]:5433/cron"
                               << "::1,fe80::2" << -1 << "5432,5433"
                               << "cron"
                               << ""
                               << ""
                               << "";
    QTest::newRow("ipv6 without port") << "postgresql://[2001:db8::7]/cron"
                                       << "2001:db8::7" << -1 << ""
                                       << "cron"
                                       << ""
                                       << ""
                                       << "";
    QTest::newRow("socket path in authority") << "postgresql://%2Fvar%2Frun%2Fpostgresql:5433/cron"
                                              << "/var/run/postgresql" << 5433 << ""
                                              << "cron"
                                              << ""
                                              << ""
                                              << "";
    QTest::newRow("socket and tcp in query")
        << "postgresql:///cron?host=%2Frun%2Fpg,db.example&port=5432,6432"
        << "/run/pg,db.example" << -1 << "5432,6432"
        << "cron"
        << ""
        << ""
        << "";
    QTest::newRow("password with escapes") << "postgresql://bob:p%40ss%3Aw%2Fd@h1,h2/db"
                                           << "h1,h2" << -1 << ""
                                           << "db"
                                           << "bob"
                                           << "p@ss:w/d"
                                           << "";
    QTest::newRow("query overrides authority") << "postgresql://h1:1/db?host=h9&port=9&dbname=x"
                                               << "h9" << 9 << ""
                                               << "x"
                                               << ""
                                               << ""
                                               << "";
    QTest::newRow("plus is literal") << "postgresql://h/a+b?application_name=x+y"
                                     << "h" << -1 << ""
                                     << "a+b"
                                     << ""
                                     << ""
                                     << "application_name=x+y";
}

void TestConnectionSpec::multiHostUrls()
{
    QFETCH(QString, url);
    const auto spec = ConnectionSpec::fromUrl(url);
    QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().message));
    QCOMPARE(spec->backend, Backend::PostgreSQL);
    QTEST(spec->host, "host");
    QTEST(spec->port, "port");
    QTEST(spec->portList, "portList");
    QTEST(spec->database, "database");
    QTEST(spec->user, "user");
    QTEST(spec->password, "password");
    QStringList options;
    for (auto it = spec->options.cbegin(); it != spec->options.cend(); ++it)
        options << it.key() + QLatin1Char('=') + it.value();
    QTEST(options.join(QLatin1Char('&')), "options");
    // What we display parses back to the same place (the password aside).
    const auto again = ConnectionSpec::fromUrl(spec->displayUrl());
    QVERIFY2(again.ok(), qPrintable(spec->displayUrl()));
    QCOMPARE(again->host, spec->host);
    QCOMPARE(again->port, spec->port);
    QCOMPARE(again->portList, spec->portList);
    QCOMPARE(again->database, spec->database);
    QCOMPARE(again->options, spec->options);
}

void TestConnectionSpec::badMultiHostUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("bad second port") << "postgresql://h1:5432,h2:x/db"
                                     << "invalid port \"x\"";
    QTest::newRow("port out of range") << "postgresql://h1:70000/db"
                                       << "invalid port \"70000\"";
    QTest::newRow("bad port in list") << "postgresql:///db?host=a,b&port=1,zz"
                                      << "invalid port \"zz\"";
    QTest::newRow("open bracket") << "postgresql://[::1:5432/db"
                                  << "has no \"]\"";
    QTest::newRow("junk after bracket") << "postgresql://[::1]x/db"
                                        << "after an IPv6 address";
    QTest::newRow("bad escape") << "postgresql://h/d%zzb"
                                << "percent-encoding";
    QTest::newRow("nul escape") << "postgresql://h/d%00b"
                                << "percent-encoding";
    QTest::newRow("parameter without value") << "postgresql://h/db?sslmode"
                                             << "has no value";
}

void TestConnectionSpec::badMultiHostUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, messagePart);
    const auto spec = ConnectionSpec::fromUrl(url);
    QVERIFY(!spec.ok());
    QCOMPARE(spec.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(spec.error().message.contains(messagePart), qPrintable(spec.error().message));
}

void TestConnectionSpec::displayUrlShowsEveryHost_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("display");
    QTest::newRow("per-host ports")
        << "postgresql://u:pw@h1:5432,h2:5433/db?target_session_attrs=read-write"
        << "postgresql://u@h1:5432,h2:5433/db?target_session_attrs=read-write";
    QTest::newRow("second port default") << "postgresql://h1:5432,h2/db"
                                         << "postgresql://h1:5432,h2/db";
    QTest::newRow("one port for all") << "postgresql:///db?host=a,b&port=6000"
                                      << "postgresql://a,b/db?port=6000";
    QTest::newRow("ipv6") << "postgresql://[::1]:5432,[::2]/db"
                          << "postgresql://[::1]:5432,[::2]/db";
    QTest::newRow("socket") << "postgresql://%2Frun%2Fpg:5433/db"
                            << "postgresql:///db?host=/run/pg&port=5433";
    QTest::newRow("secret option") << "postgresql://h/db?sslpassword=hunter2&sslmode=require"
                                   << "postgresql://h/db?sslmode=require&sslpassword=***";
}

void TestConnectionSpec::displayUrlShowsEveryHost()
{
    QFETCH(QString, url);
    const auto spec = ConnectionSpec::fromUrl(url);
    QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().message));
    QTEST(spec->displayUrl(), "display");
}

void TestConnectionSpec::masksSecretsInUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("userinfo") << "https://alice:s3cret@api.example/x"
                              << "https://alice:***@api.example/x";
    QTest::newRow("user only") << "https://alice@api.example/x"
                               << "https://alice@api.example/x";
    QTest::newRow("at in password") << "https://alice:p@ss@api.example/"
                                    << "https://alice:***@api.example/";
    QTest::newRow("query values")
        << "https://h/p?a=1&token=abc&Key=k1&password=pw&secret=s&signature=sg&sig=x"
           "&access_token=t&api_key=q&X-Amz-Signature=zz&apikey=1&page=2"
        << "https://h/p?a=1&token=***&Key=***&password=***&secret=***&signature=***&sig=***"
           "&access_token=***&api_key=***&X-Amz-Signature=***&apikey=***&page=2";
    QTest::newRow("fragment") << "https://h/cb#access_token=abc&state=1"
                              << "https://h/cb#access_token=***&state=1";
    QTest::newRow("encoded key") << "https://h/?api%5Fkey=abc"
                                 << "https://h/?api%5Fkey=***";
    QTest::newRow("in prose")
        << "Error transferring https://u:pw@h/x?token=abc - server replied: Not Found"
        << "Error transferring https://u:***@h/x?token=*** - server replied: Not Found";
    QTest::newRow("two urls in json") << R"({"from":"http://h/?sig=1","to":"http://:p@g/"})"
                                      << R"({"from":"http://h/?sig=***","to":"http://:***@g/"})";
    QTest::newRow("libpq multi-host") << "postgresql://u:pw@h1:5432,h2:5433/db?sslmode=require"
                                      << "postgresql://u:***@h1:5432,h2:5433/db?sslmode=require";
    QTest::newRow("slash in password") << "postgresql://u:pa/ss@h1,h2/db?x=1"
                                       << "postgresql://u:***@h1,h2/db?x=1";
    QTest::newRow("at in path") << "https://h/users/@me?a=1"
                                << "https://h/users/@me?a=1";
    QTest::newRow("no url") << "token=abc is not a URL"
                            << "token=abc is not a URL";
    QTest::newRow("empty value kept") << "https://h/?token=&a=b"
                                      << "https://h/?token=&a=b";
    QTest::newRow("harmless keys") << "https://h/?sslkey=/etc/k.pem&monkey=1&keyboard=2"
                                   << "https://h/?sslkey=/etc/k.pem&monkey=1&keyboard=2";
}

void TestConnectionSpec::masksSecretsInUrls()
{
    QFETCH(QString, text);
    QTEST(SecretMask::maskUrls(text), "masked");
}

QString TestConnectionSpec::failoverUrl(const QString &database, const QString &extra)
{
    // A port nobody listens on: bound, then closed.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost))
            closedPort = probe.serverPort();
    }
    const QString pgHost = qEnvironmentVariable("PGHOST", QStringLiteral("localhost"));
    const QString pgPort = qEnvironmentVariable("PGPORT", QStringLiteral("5432"));
    return QStringLiteral("postgresql:///%1?host=127.0.0.1,%2&port=%3,%4%5")
        .arg(database, QString::fromLatin1(QUrl::toPercentEncoding(pgHost)),
            QString::number(closedPort), pgPort, extra);
}

void TestConnectionSpec::connectsToTheSecondHost()
{
    QString error;
    const auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    const QString url = failoverUrl(
        db->spec().database, QStringLiteral("&target_session_attrs=read-write&connect_timeout=5"));
    const auto spec = ConnectionSpec::fromUrl(url);
    QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().message));
    QVERIFY(spec->host.startsWith(QLatin1String("127.0.0.1,")));
    QVERIFY(!spec->portList.isEmpty());
    auto opened = Database::open(*spec, QStringLiteral("failover-test"));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    QSqlQuery query((*opened)->handle());
    QVERIFY(query.exec(QStringLiteral("SELECT current_database(), inet_server_port()")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), db->spec().database);
    QCOMPARE(query.value(1).toString(), qEnvironmentVariable("PGPORT", QStringLiteral("5432")));
    // Every host of the list shows in messages.
    const QString closedPort = spec->portList.section(QLatin1Char(','), 0, 0);
    QVERIFY2(
        spec->displayUrl().startsWith(QStringLiteral("postgresql://127.0.0.1:%1,").arg(closedPort)),
        qPrintable(spec->displayUrl()));

    // Without the second host the same URL fails: the first really is closed.
    auto closedOnly = *spec;
    closedOnly.host = QStringLiteral("127.0.0.1");
    closedOnly.portList.clear();
    closedOnly.port = closedPort.toInt();
    QVERIFY(!Database::open(closedOnly, QStringLiteral("failover-test")).ok());
}

void TestConnectionSpec::cronctlTakesMultiHostUrls()
{
    QString error;
    const auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    const QString url
        = failoverUrl(db->spec().database, QStringLiteral("&target_session_attrs=read-write"));
    QProcess cronctl;
    cronctl.start(
        QStringLiteral(CRONCTL_PATH), {QStringLiteral("--db"), url, QStringLiteral("status")});
    QVERIFY(cronctl.waitForFinished(30000));
    const QByteArray errors = cronctl.readAllStandardError();
    QVERIFY2(cronctl.exitStatus() == QProcess::NormalExit && cronctl.exitCode() == 0,
        errors.constData());
    QVERIFY2(cronctl.readAllStandardOutput().contains("sgp_sync_inteligente"), errors.constData());
}

QTEST_GUILESS_MAIN(TestConnectionSpec)
#include "tst_connectionspec.moc"
