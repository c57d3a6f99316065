// Issue 16 (items 4, 17): the history export with a locale. "pt_BR" writes what LibreOffice and
// Excel in Brazilian Portuguese read as numbers and dates, the same from both backends, with no
// cell a spreadsheet would take as a formula; the RFC 4180 default stays as it was. Read back
// here with a strict parser; tests/tools/check-export-libreoffice.sh reads it with LibreOffice.
#include "core/export/historyexporter.h"
#include "core/export/spreadsheetformat.h"
#include "support/testdatabase.h"

#include <QBuffer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Row {
    const char *acao;
    const char *details;
};

// Job, runner and user values a spreadsheet would run as formulas; numbers of every shape.
// (Plain literals: moc does not read raw strings holding quotes.)
const Row rows[] = {
    {"cron_execucao_sucesso",
        "{\"job\":\"=HYPERLINK(\\\"http://x\\\")\",\"status\":\"success\","
        "\"duracao_segundos\":3.061,\"runner\":\"-r1\",\"db_user\":\"@adm\"}"},
    {"cron_execucao_erro",
        "{\"job\":\"sync\",\"status\":\"error\",\"duracao_segundos\":12,"
        "\"runner\":\"r2\",\"db_user\":\"+x\"}"},
    {"cron_execucao_sucesso",
        "{\"job\":\"sync\",\"status\":\"success\",\"duracao_segundos\":\"=1+1\","
        "\"runner\":\"r2\",\"db_user\":\"adm\"}"},
    {"cron_execucao_sucesso",
        "{\"job\":\"sync\",\"status\":\"success\",\"duracao_segundos\":0.25,"
        "\"runner\":\"r2\",\"db_user\":\"adm\"}"},
};

// A strict reader of what CsvWriter and COPY write: quoted fields with doubled quotes, the
// delimiter, one kind of row end for the whole file (CsvWriter CRLF, COPY LF); anything else
// (a stray quote, mixed line ends, a bare CR) fails.
QList<QStringList> parseCsv(const QByteArray &bytes, char delimiter, QString *error)
{
    QList<QStringList> result;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    const QByteArray rowEnd = bytes.contains("\r\n") ? QByteArrayLiteral("\r\n") : "\n";
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes.at(i + 1) == '"') {
                field.append('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == '"') {
            if (!field.isEmpty() || wasQuoted) {
                *error = QStringLiteral("quote inside an unquoted field at byte %1").arg(i);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == delimiter) {
            row << QString::fromUtf8(field);
            field.clear();
            wasQuoted = false;
        } else if (bytes.mid(i, rowEnd.size()) == rowEnd) {
            row << QString::fromUtf8(field);
            result << row;
            row.clear();
            field.clear();
            wasQuoted = false;
            i += rowEnd.size() - 1;
        } else if (c == '\n' || c == '\r') {
            *error = QStringLiteral("a line end that is not %1 at byte %2")
                         .arg(QString::fromLatin1(rowEnd.toPercentEncoding()))
                         .arg(i);
            return {};
        } else {
            field.append(c);
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *error = QStringLiteral("the last row has no line end");
    return result;
}

} // namespace

class TestExportLocale : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void cellFormats();
    void spreadsheetExport();
    void rfc4180Unchanged();
    void cronctlLocaleOption();

private:
    std::unique_ptr<TestDatabase> filled(QString *error);
};

void TestExportLocale::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

std::unique_ptr<TestDatabase> TestExportLocale::filled(QString *error)
{
    QFETCH_GLOBAL(Backend, backend);
    auto db = TestDatabase::create(backend, error);
    if (!db)
        return db;
    int second = 0;
    for (const Row &row : rows) {
        const QString sql = QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) "
                                           "VALUES ('%1', '%2', '2026-03-05 14:07:%3.123')")
                                .arg(QLatin1String(row.acao), QLatin1String(row.details))
                                .arg(10 + second++);
        if (!db->exec(sql, error))
            return nullptr;
    }
    return db;
}

void TestExportLocale::cellFormats()
{
    using namespace SpreadsheetFormat;
    const auto br = ExportLocale::BrazilianSpreadsheet;
    QCOMPARE(number(br, QStringLiteral("3.061")), QStringLiteral("3,061"));
    QCOMPARE(number(br, QStringLiteral("-0.5")), QStringLiteral("-0,5"));
    QCOMPARE(number(br, QStringLiteral("12")), QStringLiteral("12"));
    QCOMPARE(number(br, QStringLiteral("-cmd")), QStringLiteral("'-cmd"));
    for (const char *formula : {"=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx"})
        QCOMPARE(text(br, QLatin1String(formula)), QLatin1Char('\'') + QLatin1String(formula));
    QCOMPARE(text(br, QStringLiteral("a=b")), QStringLiteral("a=b"));
    QCOMPARE(time(br, QStringLiteral("2026-03-05T14:07:09.123+00:00")),
        QStringLiteral("05/03/2026 14:07:09"));
    // The default writes every value as it is.
    const auto rfc = ExportLocale::Rfc4180;
    QCOMPARE(text(rfc, QStringLiteral("=1+1")), QStringLiteral("=1+1"));
    QCOMPARE(number(rfc, QStringLiteral("3.061")), QStringLiteral("3.061"));
    QCOMPARE(fromName(QStringLiteral("pt_BR.UTF-8")), std::optional(br));
    QCOMPARE(fromName(QStringLiteral("pt-BR")), std::optional(br));
    QCOMPARE(fromName(QString()), std::optional(rfc));
    QVERIFY(!fromName(QStringLiteral("de_DE")));
}

void TestExportLocale::spreadsheetExport()
{
    QString error;
    const auto db = filled(&error);
    QVERIFY2(db, qPrintable(error));
    const auto connection = db->connect();
    HistoryExporter exporter(*connection);
    HistoryExporter::Options options;
    options.locale = ExportLocale::BrazilianSpreadsheet;
    options.delimiter = ','; // not used by the spreadsheet format
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto summary = exporter.exportTo(buffer, options);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->rows, 4);
    QByteArray bytes = buffer.data();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    bytes.remove(0, 3);
    const QList<QStringList> table = parseCsv(bytes, ';', &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.size(), 5);
    QCOMPARE(table.first(), HistoryExporter::columnNames(ExportLocale::BrazilianSpreadsheet));
    QCOMPARE(table.first().at(1), QStringLiteral("created_at_utc"));
    const QRegularExpression date(QStringLiteral("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d$"));
    for (const QStringList &row : table.mid(1)) {
        QCOMPARE(row.size(), 9);
        QVERIFY2(date.match(row.at(1)).hasMatch(), qPrintable(row.at(1)));
        QVERIFY2(row.at(1).startsWith(QStringLiteral("05/03/2026 ")), qPrintable(row.at(1)));
        // No cell a spreadsheet would evaluate.
        for (const QString &cell : row) {
            QVERIFY2(
                cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.at(0)), qPrintable(cell));
        }
    }
    // Newest first: 0.25, "=1+1" (text, not a number), 12, 3.061.
    QCOMPARE(table.at(1).at(5), QStringLiteral("0,25"));
    QCOMPARE(table.at(2).at(5), QStringLiteral("'=1+1"));
    QCOMPARE(table.at(3).at(5), QStringLiteral("12"));
    QCOMPARE(table.at(4).at(5), QStringLiteral("3,061"));
    QCOMPARE(table.at(4).at(3), QStringLiteral("'=HYPERLINK(\"http://x\")"));
    QCOMPARE(table.at(4).at(6), QStringLiteral("'-r1"));
    QCOMPARE(table.at(4).at(7), QStringLiteral("'@adm"));
    QCOMPARE(table.at(3).at(7), QStringLiteral("'+x"));
    QCOMPARE(table.at(4).at(4), QStringLiteral("success"));
    // The details stay JSON text, one cell.
    QVERIFY(table.at(4).at(8).startsWith(QLatin1Char('{')));
}

void TestExportLocale::rfc4180Unchanged()
{
    QString error;
    const auto db = filled(&error);
    QVERIFY2(db, qPrintable(error));
    const auto connection = db->connect();
    HistoryExporter exporter(*connection);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto summary = exporter.exportTo(buffer, HistoryExporter::Options{});
    QVERIFY(summary);
    const QList<QStringList> table = parseCsv(buffer.data(), ',', &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.first().at(1), QStringLiteral("created_at"));
    QCOMPARE(table.at(4).at(5), QStringLiteral("3.061"));
    QCOMPARE(table.at(4).at(3), QStringLiteral("=HYPERLINK(\"http://x\")"));
    QCOMPARE(table.at(3).at(7), QStringLiteral("+x"));
    QVERIFY2(
        table.at(4).at(1).endsWith(QStringLiteral(".123+00:00")), qPrintable(table.at(4).at(1)));
}

void TestExportLocale::cronctlLocaleOption()
{
    QString error;
    const auto db = filled(&error);
    QVERIFY2(db, qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pt.csv"));
    const auto run = [&](const QStringList &args, QByteArray *err = nullptr) {
        QProcess cronctl;
        cronctl.start(QStringLiteral(CRONCTL_PATH),
            QStringList{QStringLiteral("--db"), db->url(), QStringLiteral("export-history")}
                + args);
        cronctl.waitForFinished(60000);
        if (err)
            *err = cronctl.readAllStandardError();
        return cronctl.exitCode();
    };
    QCOMPARE(run({QStringLiteral("--locale"), QStringLiteral("pt_BR"), QStringLiteral("--output"),
                 path}),
        0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "id;created_at_utc;acao;"));
    QVERIFY(bytes.contains(";3,061;"));
    QByteArray stderrText;
    QCOMPARE(run({QStringLiteral("--locale"), QStringLiteral("de_DE")}, &stderrText), 2);
    QVERIFY2(stderrText.contains("--locale must be pt_BR"), stderrText.constData());
    QCOMPARE(run({QStringLiteral("--locale"), QStringLiteral("pt_BR"),
                     QStringLiteral("--delimiter"), QStringLiteral(",")},
                 &stderrText),
        2);
    QVERIFY2(stderrText.contains("writes ';'"), stderrText.constData());
}

QTEST_GUILESS_MAIN(TestExportLocale)
#include "tst_exportlocale.moc"
