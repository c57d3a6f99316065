// pt_BR is complete (issue 16, item 8): lupdate run on today's sources into a copy of the
// committed .ts leaves no message unfinished, so a new string without its translation fails
// here; and a few words that must differ do. English has its plural forms for every %n message
// ("1 run", not "1 run(s)").
#include "ui/common/apptranslations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

const QString sourceDir = QStringLiteral(CRON_SOURCE_DIR);
const QString ptBr = sourceDir + QStringLiteral("/resources/translations/cron-console_pt_BR.ts");
const QString english = sourceDir + QStringLiteral("/resources/translations/cron-console_en.ts");

struct Message {
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = Message{context, {}, {}, false};
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QStringView type = xml.attributes().value(QLatin1String("type"));
            // Vanished and obsolete messages are no longer in the sources.
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            message.unfinished = type == QLatin1String("unfinished");
            message.translation
                = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            if (message.translation.isEmpty())
                message.unfinished = true;
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everyMessageTranslated();
    void dueNowIsNotRunNow();
    void englishPluralsComplete();
    void qtsOwnStringsInPortuguese();
};

void TestTranslations::everyMessageTranslated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("pt_BR.ts"));
    QVERIFY(QFile::copy(ptBr, copy));
    // The same sources as resources/CMakeLists.txt's qt_add_translations.
    QProcess lupdate;
    lupdate.setWorkingDirectory(sourceDir);
    lupdate.start(QStringLiteral(LUPDATE_PATH),
        {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("ui"),
            QStringLiteral("core"), QStringLiteral("app/console"), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
        lupdate.readAllStandardError().constData());

    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 400); // the sources were read
    QStringList unfinished;
    for (const Message &message : messages) {
        if (message.unfinished)
            unfinished << message.context + QStringLiteral(": ") + message.source;
    }
    QVERIFY2(unfinished.isEmpty(),
        qPrintable(QStringLiteral("%1 pt_BR message(s) unfinished (run update_translations and "
                                  "translate them):\n")
                       .arg(unfinished.size())
            + unfinished.join(QLatin1Char('\n'))));
}

void TestTranslations::dueNowIsNotRunNow()
{
    QString error;
    const QList<Message> messages = readTs(ptBr, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QHash<QString, QString> words;
    for (const Message &message : messages)
        words.insert(message.context + QLatin1Char('/') + message.source, message.translation);
    const QString runNow = words.value(QStringLiteral("JobActions/R&un now")).remove(u'&');
    QVERIFY(!runNow.isEmpty());
    for (const QString &context :
        {QStringLiteral("StatusStyle"), QStringLiteral("JobTableModel")}) {
        const QString dueNow = words.value(context + QStringLiteral("/due now"));
        QVERIFY2(!dueNow.isEmpty(), qPrintable(context));
        QVERIFY2(dueNow.compare(runNow, Qt::CaseInsensitive) != 0,
            qPrintable(context + QStringLiteral(": ") + dueNow));
    }
    // A lease is not left in English.
    QVERIFY(!words.value(QStringLiteral("JobDetailsView/Lease:")).contains(QLatin1String("Lease")));
}

void TestTranslations::englishPluralsComplete()
{
    // The English file holds plural forms only (-pluralonly): every %n message of today's
    // sources must have them, or the console says "1 run(s) of …".
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("en.ts"));
    QVERIFY(QFile::copy(english, copy));
    QProcess lupdate;
    lupdate.setWorkingDirectory(sourceDir);
    lupdate.start(QStringLiteral(LUPDATE_PATH),
        {QStringLiteral("-silent"), QStringLiteral("-pluralonly"), QStringLiteral("-locations"),
            QStringLiteral("none"), QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
            QStringLiteral("ui"), QStringLiteral("core"), QStringLiteral("app/console"),
            QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
        lupdate.readAllStandardError().constData());
    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 20); // the plural messages were read
    QStringList unfinished;
    for (const Message &message : messages) {
        if (message.unfinished)
            unfinished << message.context + QStringLiteral(": ") + message.source;
    }
    QVERIFY2(unfinished.isEmpty(),
        qPrintable(QStringLiteral("%1 English plural message(s) missing in %2:\n")
                       .arg(unfinished.size())
                       .arg(english)
            + unfinished.join(QLatin1Char('\n'))));
}

// The walk-through found "Cancel" and "Save" in English beside Portuguese dialogs, and JSON
// errors ending in English: those strings are Qt's own, translated by the system's Qt
// translations (qt6-translations-l10n, which installer/build-deps.sh installs and the .deb
// recommends). Loaded as the console loads them.
void TestTranslations::qtsOwnStringsInPortuguese()
{
    const AppTranslations::Installed installed
        = AppTranslations::install(*qApp, QLocale(QStringLiteral("pt_BR")));
    const auto remove = qScopeGuard([&] {
        for (QTranslator *translator : {installed.ours, installed.qts}) {
            if (translator) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        }
    });
    QVERIFY(installed.ours);
    QVERIFY2(installed.qts,
        "Qt's own pt_BR translations (qtbase_pt_BR.qm) are not installed: "
        "installer/build-deps.sh installs qt6-translations-l10n");
    QDialogButtonBox buttons(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));
    QCOMPARE(buttons.button(QDialogButtonBox::Save)->text(), QStringLiteral("Salvar"));
    QJsonParseError error;
    QJsonDocument::fromJson("{\"jobs\": {", &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY2(!error.errorString().contains(QLatin1String("unterminated")),
        qPrintable(error.errorString()));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
