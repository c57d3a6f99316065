#include "core/db/sqlscript.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

class TestSqlScript : public QObject {
    Q_OBJECT
private slots:
    void splits_data();
    void splits();
    void shippedMigrationsSplitIntoStatements();
};

void TestSqlScript::splits_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two") << "SELECT 1; SELECT 2;" << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("no trailing semicolon")
        << "SELECT 1;\nSELECT 2" << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("semicolon in string")
        << "INSERT INTO t VALUES ('a;b'); SELECT 'it''s;'"
        << QStringList{"INSERT INTO t VALUES ('a;b')", "SELECT 'it''s;'"};
    QTest::newRow("comments dropped")
        << "-- one;\nSELECT 1; /* two; */ SELECT 2" << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("dollar quoted body")
        << "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql; SELECT "
           "f()"
        << QStringList{
               "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql",
               "SELECT f()"};
    QTest::newRow("tagged dollar quote")
        << "DO $body$ BEGIN PERFORM 1; END $body$; SELECT 3"
        << QStringList{"DO $body$ BEGIN PERFORM 1; END $body$", "SELECT 3"};
    QTest::newRow("sqlite trigger")
        << "CREATE TRIGGER t AFTER UPDATE ON x BEGIN UPDATE y SET a = CASE WHEN 1 THEN 2 END; "
           "DELETE FROM z; END; SELECT 1"
        << QStringList{"CREATE TRIGGER t AFTER UPDATE ON x BEGIN UPDATE y SET a = CASE WHEN 1 "
                       "THEN 2 END; DELETE FROM z; END",
               "SELECT 1"};
    QTest::newRow("quoted identifier")
        << "SELECT \"a;b\" FROM t; SELECT 2" << QStringList{"SELECT \"a;b\" FROM t", "SELECT 2"};
    QTest::newRow("only comments") << "-- nothing here\n" << QStringList{};
}

void TestSqlScript::splits()
{
    QFETCH(QString, script);
    QTEST(SqlScript::split(script), "statements");
}

void TestSqlScript::shippedMigrationsSplitIntoStatements()
{
    // Every shipped migration splits into statements that each end where a statement can end;
    // a broken split shows up as a fragment starting with a keyword that cannot start one.
    QDirIterator it(QStringLiteral(CRON_SOURCE_DIR "/sql"), {QStringLiteral("*.sql")}, QDir::Files,
        QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList statements = SqlScript::split(QString::fromUtf8(file.readAll()));
        QVERIFY2(!statements.isEmpty(), qPrintable(file.fileName()));
        for (const QString &statement : statements) {
            const QString first = statement.section(QLatin1Char(' '), 0, 0).toUpper();
            QVERIFY2(QStringList({"CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DO", "SELECT"})
                         .contains(first),
                qPrintable(file.fileName() + QLatin1String(": ") + statement.left(80)));
        }
        ++files;
    }
    QVERIFY(files >= 2);
}

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
