// Issue 16 (items 1, 15): the Connect dialog keeps saved profiles intact, opens on the
// connection in use, tests a target before it replaces a working connection (off the GUI
// thread, with a deadline), and "Test connection" changes nothing.
#include "tst_consolefixture.h"

#include "core/client/connectionfields.h"
#include "core/client/connectionprobe.h"
#include "core/client/connectionprofiles.h"
#include "core/domain/jobrules.h"
#include "core/domain/run.h"
#include "core/settings/consolesettings.h"
#include "ui/common/elidinglabel.h"
#include "ui/common/messageboxes.h"
#include "ui/common/nextruntext.h"
#include "ui/common/screenfit.h"
#include "ui/common/scrollingform.h"
#include "ui/dialogs/abortrundialog.h"
#include "ui/dialogs/connectiondialog.h"
#include "ui/dialogs/deletejobdialog.h"
#include "ui/dialogs/dialogsubmission.h"
#include "ui/dialogs/editjobdialog.h"
#include "ui/dialogs/newjobdialog.h"
#include "ui/dialogs/policyeditor.h"
#include "ui/dialogs/resetdialog.h"
#include "ui/dialogs/scheduledialog.h"
#include "ui/dialogs/scheduleeditor.h"
#include "ui/history/exportdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTranslator>
#include <QVBoxLayout>

using namespace ConsoleFixture;

// The console's translation and locale for `language` (empty: English) while it lives.
class LanguageScope final {
public:
    explicit LanguageScope(const QString &language)
    {
        if (language.isEmpty())
            return;
        m_loaded = m_translator.load(QStringLiteral(":/i18n/cron-console_") + language);
        QCoreApplication::installTranslator(&m_translator);
        QLocale::setDefault(QLocale(language));
    }
    ~LanguageScope()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale::c());
    }
    Q_DISABLE_COPY_MOVE(LanguageScope)
    bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = true;
};

class TestConsoleDialogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void fieldsProfileRoundTrips();
    void profileReopensInItsForm();
    void abortSaysWhichRunWhereAndForHowLong();
    void olderConsolesProfilesReopenInTheirForm();
    void urlProfileKeepsEveryPart();
    void noBlankSslMode();
    void connectAfterEditKeepsSavedProfile();
    void opensOnCurrentPostgresConnection();
    void testConnectionChangesNothing();
    void badTargetKeepsWorkingConnection();
    void silentTargetHitsDeadline();
    void failedConnectKeepsFocusAndProfile();
    void failedSubmissionKeepsFocusOnOk();

    void duplicateNameKeepsNewJobDialog();
    void outageKeepsDialogInput();

    void newJobPreviewRunsAtOnce();
    void scheduleErrorKeepsTheDialogsSize();
    void changeSchedulePreviewFollowsLastRun();
    void cronPreviewInBothZones();
    void zoneReturnTakesTheOneMatch();
    void detailsDueNowHasNoCountdown();

    void editJobRenamesAndDescribes();
    void editJobKeepsRunningJobsName();

    void policyEditorCatchUpFields();
    void policyTabsInRowOrder();
    void newJobPolicyKeptOnErrorThenStored();
    void editJobPolicyOnlyIsStored();

    void exportFolderFallsBack();
    void exportFormatChoice();
    void exportFileNameInTheAdminsLanguage();
    void exportReplaceDeclinedKeepsDialog();
    void exportMissingFolderShownInline();

    void dialogsKeepTheirSizeUnderTheMouse_data();
    void dialogsKeepTheirSizeUnderTheMouse();
    void dialogsFitAShortScreen_data();
    void dialogsFitAShortScreen();

private:
    static QList<ConnectionProfile> savedProfiles();
    // Types a PostgreSQL target into the Fields tab, as a person would.
    static void fillFields(
        ConnectionDialog &dialog, const QString &host, int port, const QString &sslMode = {});
    // A console on a fresh SQLite database, its Edit job dialog open on the first job, OK not
    // enabled yet.
    struct EditJobScene {
        std::unique_ptr<TestDatabase> db;
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<QSignalSpy> finished; // the controller's actionFinished
        QString job;
        EditJobDialog *dialog = nullptr;
        QPushButton *ok = nullptr;
    };
    void openEditJob(EditJobScene &scene);
};

void TestConsoleDialogs::openEditJob(EditJobScene &scene)
{
    QString error;
    scene.db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(scene.db, qPrintable(error));
    MessageBoxes::clearRecorded();
    scene.window = std::make_unique<MainWindow>();
    MainWindow &window = *scene.window;
    window.openDatabase(scene.db->spec(), fastOptions(uniquePurpose()));
    scene.finished
        = std::make_unique<QSignalSpy>(window.controller(), &JobActionController::actionFinished);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    scene.job = window.model()->jobAt(0).name;
    window.jobsView()->selectJob(scene.job);
    QTRY_VERIFY(window.actions()->editJob()->isEnabled());
    window.actions()->editJob()->trigger();
    scene.dialog = window.findChild<EditJobDialog *>();
    QVERIFY(scene.dialog);
    scene.ok = scene.dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!scene.ok->isEnabled()); // nothing changed yet
}

void TestConsoleDialogs::initTestCase()
{
    isolate();
}

void TestConsoleDialogs::init()
{
    const auto settings = SettingsStore::open();
    settings->remove(QStringLiteral("connections"));
    settings->sync();
}

QList<ConnectionProfile> TestConsoleDialogs::savedProfiles()
{
    return ConnectionProfiles(*SettingsStore::open()).profiles();
}

void TestConsoleDialogs::fillFields(
    ConnectionDialog &dialog, const QString &host, int port, const QString &sslMode)
{
    dialog.tabs()->setCurrentIndex(1);
    QTest::keyClicks(dialog.hostField(), host);
    dialog.portField()->setValue(port);
    QTest::keyClicks(dialog.databaseField(), QStringLiteral("plataforma"));
    QTest::keyClicks(dialog.userField(), QStringLiteral("cron_admin"));
    if (!sslMode.isEmpty())
        dialog.sslModeField()->setCurrentIndex(dialog.sslModeField()->findData(sslMode));
}

void TestConsoleDialogs::fieldsProfileRoundTrips()
{
    {
        ConnectionDialog dialog;
        fillFields(dialog, QStringLiteral("127.0.0.1"), 56210, QStringLiteral("require"));
        dialog.nameField()->setText(QStringLiteral("production"));
        dialog.saveButton()->click();
    }
    const QString expected
        = QStringLiteral("postgresql://cron_admin@127.0.0.1:56210/plataforma?sslmode=require");
    QCOMPARE(savedProfiles().last().url, expected);

    ConnectionDialog reopened; // opens on the last used profile or the embedded one
    reopened.profileField()->setCurrentIndex(reopened.profileField()->findText("production"));
    QCOMPARE(reopened.urlField()->text(), expected);
    QCOMPARE(reopened.hostField()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(reopened.portField()->value(), 56210);
    QCOMPARE(reopened.databaseField()->text(), QStringLiteral("plataforma"));
    QCOMPARE(reopened.userField()->text(), QStringLiteral("cron_admin"));
    QCOMPARE(reopened.sslModeField()->currentData().toString(), QStringLiteral("require"));
    QCOMPARE(reopened.nameField()->text(), QStringLiteral("production"));
    // Shown as it was saved, and saved again unchanged.
    reopened.saveButton()->click();
    QCOMPARE(savedProfiles().last().url, expected);
    QCOMPARE(savedProfiles().size(), 2);

    // With the default SSL mode no later field change rebuilds the URL: the case that lost the
    // user and the database.
    {
        ConnectionDialog dialog;
        fillFields(dialog, QStringLiteral("db.example"), 5433);
        dialog.nameField()->setText(QStringLiteral("staging"));
        dialog.saveButton()->click();
    }
    const QString staging = QStringLiteral("postgresql://cron_admin@db.example:5433/plataforma");
    QCOMPARE(savedProfiles().last().url, staging);
    ConnectionDialog third;
    third.profileField()->setCurrentIndex(third.profileField()->findText("staging"));
    QCOMPARE(third.urlField()->text(), staging);
    QCOMPARE(third.userField()->text(), QStringLiteral("cron_admin"));
    QCOMPARE(third.databaseField()->text(), QStringLiteral("plataforma"));
    QCOMPARE(third.sslModeField()->currentIndex(), 0);
    // Back and forth between profiles changes none of them.
    third.profileField()->setCurrentIndex(third.profileField()->findText("production"));
    third.profileField()->setCurrentIndex(third.profileField()->findText("staging"));
    QCOMPARE(third.urlField()->text(), staging);
}

// A profile saved by fields reopened on the URL tab (issue 16, item 1, after the walk-through):
// it reopens on the fields, every one as saved, and a URL profile on the URL.
void TestConsoleDialogs::profileReopensInItsForm()
{
    {
        ConnectionDialog dialog;
        fillFields(dialog, QStringLiteral("db.example"), 5433, QStringLiteral("verify-full"));
        QTest::keyClicks(dialog.serviceField(), QStringLiteral("plataforma_prod"));
        dialog.nameField()->setText(QStringLiteral("by fields"));
        dialog.saveButton()->click();

        dialog.tabs()->setCurrentIndex(0);
        dialog.urlField()->selectAll();
        QTest::keyClicks(dialog.urlField(), QStringLiteral("postgresql://reader@db2/plataforma"));
        dialog.nameField()->setText(QStringLiteral("by url"));
        dialog.saveButton()->click();
    }
    const QList<ConnectionProfile> saved = savedProfiles();
    QCOMPARE(saved.size(), 3);
    QCOMPARE(saved.at(1).form, ConnectionProfile::Form::Fields);
    QCOMPARE(saved.at(2).form, ConnectionProfile::Form::Url);

    const auto checkFields = [](ConnectionDialog &dialog) {
        QCOMPARE(dialog.tabs()->currentIndex(), 1);
        QCOMPARE(dialog.hostField()->text(), QStringLiteral("db.example"));
        QCOMPARE(dialog.portField()->value(), 5433);
        QCOMPARE(dialog.databaseField()->text(), QStringLiteral("plataforma"));
        QCOMPARE(dialog.userField()->text(), QStringLiteral("cron_admin"));
        QCOMPARE(dialog.sslModeField()->currentData().toString(), QStringLiteral("verify-full"));
        QCOMPARE(dialog.serviceField()->text(), QStringLiteral("plataforma_prod"));
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("by fields"));
    };
    // Opened on the last profile used, as the console's File > Connect to… does.
    ConnectionProfiles(*SettingsStore::open()).setLastUsed(QStringLiteral("by fields"));
    {
        ConnectionDialog dialog;
        QCOMPARE(dialog.profileField()->currentText(), QStringLiteral("by fields"));
        checkFields(dialog);
        if (QTest::currentTestFailed())
            return;
        dialog.profileField()->setCurrentIndex(dialog.profileField()->findText("by url"));
        QCOMPARE(dialog.tabs()->currentIndex(), 0);
        QCOMPARE(dialog.urlField()->text(), QStringLiteral("postgresql://reader@db2/plataforma"));
        dialog.profileField()->setCurrentIndex(dialog.profileField()->findText("by fields"));
        checkFields(dialog);
        if (QTest::currentTestFailed())
            return;
        // The embedded database has no fields.
        dialog.profileField()->setCurrentIndex(0);
        QCOMPARE(dialog.tabs()->currentIndex(), 0);
    }
    // Opened on the connection in use, which that profile holds.
    {
        ConnectionDialog dialog;
        dialog.profileField()->setCurrentIndex(0);
        const Result<ConnectionSpec> spec = ConnectionSpec::fromUrl(saved.at(1).url);
        QVERIFY(spec);
        dialog.setCurrentConnection(*spec, QStringLiteral("cron_admin"));
        QCOMPARE(dialog.profileField()->currentText(), QStringLiteral("by fields"));
        checkFields(dialog);
        if (QTest::currentTestFailed())
            return;
    }
    // Saved again from the URL tab, it is a URL profile from then on.
    {
        ConnectionDialog dialog;
        dialog.tabs()->setCurrentIndex(0);
        dialog.saveButton()->click();
        QCOMPARE(savedProfiles().at(1).form, ConnectionProfile::Form::Url);
        QCOMPARE(savedProfiles().at(1).url, saved.at(1).url);
    }
    ConnectionDialog dialog;
    QCOMPARE(dialog.profileField()->currentText(), QStringLiteral("by fields"));
    QCOMPARE(dialog.tabs()->currentIndex(), 0);
}

// Consoles before the form was kept wrote no "form" key: a profile whose URL is exactly what
// the fields write reopens on the fields; one with more in its URL stays a URL.
void TestConsoleDialogs::olderConsolesProfilesReopenInTheirForm()
{
    ConnectionFields fields;
    fields.host = QStringLiteral("db.example");
    fields.port = 5433;
    fields.database = QStringLiteral("plataforma");
    fields.user = QStringLiteral("cron_admin");
    fields.sslMode = QStringLiteral("require");
    const QString byFields = fields.toUrl();
    const QString byUrl = byFields + QStringLiteral("&connect_timeout=5");
    {
        const auto settings = SettingsStore::open();
        settings->beginWriteArray(QStringLiteral("connections/profiles"), 2);
        settings->setArrayIndex(0);
        settings->setValue(QStringLiteral("name"), QStringLiteral("old fields"));
        settings->setValue(QStringLiteral("url"), byFields);
        settings->setArrayIndex(1);
        settings->setValue(QStringLiteral("name"), QStringLiteral("old url"));
        settings->setValue(QStringLiteral("url"), byUrl);
        settings->endArray();
        settings->sync();
    }
    const QList<ConnectionProfile> saved = savedProfiles();
    QCOMPARE(saved.size(), 3);
    QCOMPARE(saved.at(1).form, ConnectionProfile::Form::Fields);
    QCOMPARE(saved.at(2).url, byUrl);
    QCOMPARE(saved.at(2).form, ConnectionProfile::Form::Url);

    ConnectionDialog dialog;
    dialog.profileField()->setCurrentIndex(dialog.profileField()->findText("old fields"));
    QCOMPARE(dialog.tabs()->currentIndex(), 1);
    QCOMPARE(dialog.userField()->text(), QStringLiteral("cron_admin"));
    QCOMPARE(dialog.portField()->value(), 5433);
    dialog.profileField()->setCurrentIndex(dialog.profileField()->findText("old url"));
    QCOMPARE(dialog.tabs()->currentIndex(), 0);
    QCOMPARE(dialog.urlField()->text(), byUrl);
    // Saved again, each says its form from then on: a URL profile whose URL the fields could
    // write stays a URL.
    dialog.urlField()->setText(byFields);
    dialog.saveButton()->click();
    QCOMPARE(savedProfiles().at(2).url, byFields);
    QCOMPARE(savedProfiles().at(2).form, ConnectionProfile::Form::Url);
}

// Abort run's question names the run, the job, the runner and how long it has run; the reason
// is typed at once and kept trimmed; Escape keeps the run going.
void TestConsoleDialogs::abortSaysWhichRunWhereAndForHowLong()
{
    RunRecord run;
    run.id = 731;
    run.jobName = QStringLiteral("relatorio<noturno>");
    run.runner = QStringLiteral("srv-b:4101");
    run.readAt = QDateTime::currentDateTimeUtc();
    run.startedAt = run.readAt.addSecs(-(3600 + 20 * 60));
    AbortRunDialog dialog(run);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QString shown;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        shown += label->text() + QLatin1Char('\n');
    for (const QString &part : {QStringLiteral("731"), QStringLiteral("relatorio&lt;noturno&gt;"),
             QStringLiteral("srv-b:4101"), QStringLiteral("1 h 20 min")})
        QVERIFY2(shown.contains(part), qPrintable(part + QStringLiteral(" not in ") + shown));
    QCOMPARE(QApplication::focusWidget(), dialog.reasonField());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("  travou no backup  "));
    QCOMPARE(dialog.reason(), QStringLiteral("travou no backup"));
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Cancel)->text(),
        QStringLiteral("&Keep it running"));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestConsoleDialogs::urlProfileKeepsEveryPart()
{
    const QString url = QStringLiteral("postgresql://cron_admin@db1:5432,db2:5433/plataforma?"
                                       "application_name=x&connect_timeout=4&sslmode=verify-full");
    ConnectionProfiles(*SettingsStore::open()).save({QStringLiteral("ha"), url});
    ConnectionDialog dialog;
    dialog.profileField()->setCurrentIndex(dialog.profileField()->findText("ha"));
    QCOMPARE(dialog.urlField()->text(), url);
    QCOMPARE(dialog.userField()->text(), QStringLiteral("cron_admin"));
    QCOMPARE(dialog.databaseField()->text(), QStringLiteral("plataforma"));
    // Editing one field keeps what the fields do not show (hosts' ports, other options).
    dialog.tabs()->setCurrentIndex(1);
    dialog.databaseField()->selectAll();
    QTest::keyClicks(dialog.databaseField(), QStringLiteral("outra"));
    QCOMPARE(dialog.urlField()->text(),
        QStringLiteral("postgresql://cron_admin@db1:5432,db2:5433/outra?"
                       "application_name=x&connect_timeout=4&sslmode=verify-full"));
}

void TestConsoleDialogs::noBlankSslMode()
{
    ConnectionDialog dialog;
    for (int i = 0; i < dialog.sslModeField()->count(); ++i)
        QVERIFY2(!dialog.sslModeField()->itemText(i).trimmed().isEmpty(),
            qPrintable(QString::number(i)));
    QCOMPARE(dialog.sslModeField()->itemData(0).toString(), QString()); // libpq's default
}

void TestConsoleDialogs::connectAfterEditKeepsSavedProfile()
{
    QTemporaryDir dir;
    const QString saved = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("a.db"));
    const QString edited = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("b.db"));
    ConnectionProfiles(*SettingsStore::open()).save({QStringLiteral("local"), saved});
    ConnectionDialog dialog;
    QSignalSpy requested(&dialog, &ConnectionDialog::connectRequested);
    dialog.profileField()->setCurrentIndex(dialog.profileField()->findText("local"));
    dialog.urlField()->selectAll();
    QTest::keyClicks(dialog.urlField(), edited);
    dialog.connectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, 10000);
    QCOMPARE(requested.first().first().value<ConnectionSpec>().filePath,
        dir.filePath(QStringLiteral("b.db")));
    QCOMPARE(savedProfiles().size(), 2);
    QCOMPARE(savedProfiles().last(), (ConnectionProfile{QStringLiteral("local"), saved}));
    // The probe created nothing.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b.db"))));
}

void TestConsoleDialogs::opensOnCurrentPostgresConnection()
{
    QString error;
    const auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    window.showDialogWhenLoaded(QStringLiteral("connect"));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);

    // Not saved as a profile: shown unsaved, PostgreSQL fields filled.
    ConnectionDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ConnectionDialog *>()), 10000);
    QVERIFY(dialog->currentLabel()->isVisible());
    QVERIFY2(dialog->currentLabel()->text().contains(db->spec().database),
        qPrintable(dialog->currentLabel()->text()));
    QVERIFY(dialog->profileField()->currentIndex() > 0);
    QCOMPARE(dialog->databaseField()->text(), db->spec().database);
    QCOMPARE(dialog->tabs()->currentIndex(), 1);
    QCOMPARE(ConnectionDialog::specFor(dialog->urlField()->text())->database, db->spec().database);
    dialog->close();
    delete dialog;

    // Saved as a profile: opens on that profile.
    ConnectionSpec clean = db->spec();
    clean.password.clear();
    ConnectionProfiles(*SettingsStore::open())
        .save({QStringLiteral("test pg"), clean.displayUrl()});
    ConnectionDialog again;
    again.setCurrentConnection(window.client()->spec(), window.client()->databaseUser());
    QCOMPARE(again.profileField()->currentText(), QStringLiteral("test pg"));
    QCOMPARE(again.nameField()->text(), QStringLiteral("test pg"));
}

void TestConsoleDialogs::testConnectionChangesNothing()
{
    QString error;
    const auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    ConnectionSpec clean = db->spec();
    clean.password.clear();
    ConnectionDialog dialog;
    QSignalSpy requested(&dialog, &ConnectionDialog::connectRequested);
    const auto before = savedProfiles();
    const QString lastBefore = ConnectionProfiles(*SettingsStore::open()).lastUsed();
    dialog.urlField()->setText(clean.displayUrl());
    dialog.testButton()->click();
    QVERIFY(!dialog.connectButton()->isEnabled()); // busy while the test runs
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectButton()->isEnabled(), 10000);
    QVERIFY2(dialog.resultLabel()->text().startsWith(QStringLiteral("Connected to")),
        qPrintable(dialog.resultLabel()->text()));
    QVERIFY(dialog.resultLabel()->text().contains(QStringLiteral("schema is up to date")));
    // The URL as typed: the test's own deadline is not part of it.
    QVERIFY2(!dialog.resultLabel()->text().contains(QStringLiteral("connect_timeout")),
        qPrintable(dialog.resultLabel()->text()));
    QCOMPARE(requested.size(), 0);
    QCOMPARE(savedProfiles(), before);
    QCOMPARE(ConnectionProfiles(*SettingsStore::open()).lastUsed(), lastBefore);

    // A database without the schema: the test says so (the console would refuse it too).
    const auto empty = TestDatabase::create(Backend::PostgreSQL, &error, false);
    QVERIFY2(empty, qPrintable(error));
    ConnectionSpec emptyClean = empty->spec();
    emptyClean.password.clear();
    dialog.urlField()->setText(emptyClean.displayUrl());
    dialog.testButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectButton()->isEnabled(), 10000);
    // The server answered: the schema is the problem, not the address (no pg_hba.conf hint).
    const QString refused = dialog.resultLabel()->text();
    QVERIFY2(!refused.contains(QStringLiteral("Check the URL"))
            && refused.contains(QStringLiteral("current connection was kept"))
            && refused.contains(QStringLiteral("migrate")),
        qPrintable(refused));
    QCOMPARE(empty
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE tablename = "
                                         "'cron_jobs'"))
                 .toInt(),
        0);
}

void TestConsoleDialogs::badTargetKeepsWorkingConnection()
{
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    window.showDialogWhenLoaded(QStringLiteral("connect"));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    ConnectionDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ConnectionDialog *>()), 10000);
    // A port where nothing listens: refused at once.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    dialog->urlField()->setText(QStringLiteral("postgresql://nobody@127.0.0.1:%1/x").arg(port));
    dialog->connectButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->connectButton()->isEnabled(), 15000);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->resultLabel()->text().startsWith(QStringLiteral("Could not connect")),
        qPrintable(dialog->resultLabel()->text()));
    QVERIFY(dialog->resultLabel()->text().contains(QStringLiteral("current connection was kept")));
    QCOMPARE(window.client()->spec().filePath, db->spec().filePath);
    QCOMPARE(window.client()->state(), JobClient::State::Connected);
    QCOMPARE(window.model()->rowCount(), 1);
}

void TestConsoleDialogs::silentTargetHitsDeadline()
{
    // Accepts TCP and never says a word: libpq would wait for the server's reply.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held << socket;
    });
    ConnectionDialog dialog;
    QSignalSpy requested(&dialog, &ConnectionDialog::connectRequested);
    dialog.probe()->setDeadline(std::chrono::milliseconds(1500));
    dialog.urlField()->setText(
        QStringLiteral("postgresql://nobody@127.0.0.1:%1/x").arg(silent.serverPort()));
    dialog.show();
    QElapsedTimer timer;
    timer.start();
    dialog.connectButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectButton()->isEnabled(), 10000);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(dialog.resultLabel()->text().startsWith(QStringLiteral("Could not connect")),
        qPrintable(dialog.resultLabel()->text()));
    QCOMPARE(requested.size(), 0);
    QVERIFY(dialog.isVisible());
}

// After a failed Connect the focus is back on Connect: disabling it while testing had moved the
// focus to Remove profile, and the next Enter deleted the saved profile. Removing one asks first.
void TestConsoleDialogs::failedConnectKeepsFocusAndProfile()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const QString url = QStringLiteral("postgresql://nobody@127.0.0.1:%1/x").arg(port);
    {
        ConnectionDialog saving;
        saving.urlField()->setText(url);
        saving.nameField()->setText(QStringLiteral("gone"));
        saving.saveButton()->click();
    }
    const qsizetype profiles = savedProfiles().size();
    ConnectionDialog dialog;
    dialog.profileField()->setCurrentIndex(dialog.profileField()->findText(QStringLiteral("gone")));
    QCOMPARE(dialog.urlField()->text(), url);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(dialog.removeButton()->isEnabled());
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    QVERIFY(!dialog.connectButton()->isEnabled()); // testing
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectButton()->isEnabled(), 15000);
    QVERIFY(dialog.resultLabel()->text().startsWith(QStringLiteral("Could not connect")));
    QCOMPARE(QApplication::focusWidget(), dialog.connectButton());
    // Enter now tries again; it removes nothing.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectButton()->isEnabled(), 15000);
    QCOMPARE(savedProfiles().size(), profiles);
    // Remove profile asks, naming it; unanswered, the profile stays.
    MessageBoxes::clearRecorded(); // recording since initTestCase
    dialog.removeButton()->click();
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    QVERIFY(MessageBoxes::recorded().first().text.contains(QStringLiteral("\"gone\"")));
    QCOMPARE(savedProfiles().size(), profiles);
    QVERIFY(dialog.isVisible());
}

// A dialog whose OK failed (an outage, a taken name): the focus is on OK again, so Enter tries
// again instead of pressing Cancel and losing what was typed.
void TestConsoleDialogs::failedSubmissionKeepsFocusOnOk()
{
    QDialog dialog;
    auto *layout = new QVBoxLayout(&dialog);
    auto *field = new QLineEdit(&dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(field);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *submission = new DialogSubmission(&dialog, buttons);
    QSignalSpy submitted(submission, &DialogSubmission::submitted);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(submitted.size(), 1);
    QVERIFY(QApplication::focusWidget() != ok); // a disabled button keeps no focus
    submission->failed(QStringLiteral("The database did not answer."));
    QCOMPARE(QApplication::focusWidget(), ok);
    QTest::keyClick(ok, Qt::Key_Return);
    QCOMPARE(submitted.size(), 2);
    QVERIFY(dialog.isVisible());
    // Enter from the field it came from: the focus goes back to the field.
    submission->failed(QStringLiteral("The database did not answer."));
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(submitted.size(), 3);
    submission->failed(QStringLiteral("The database did not answer."));
    QCOMPARE(QApplication::focusWidget(), field);
    QVERIFY(dialog.isVisible());
}

void TestConsoleDialogs::duplicateNameKeepsNewJobDialog()
{
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    MessageBoxes::clearRecorded();
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    QSignalSpy finished(window.controller(), &JobActionController::actionFinished);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    const QString taken = window.model()->jobAt(0).name;
    window.actions()->newJob()->trigger();
    auto *dialog = window.findChild<NewJobDialog *>();
    QVERIFY(dialog);
    dialog->nameField()->setText(taken);
    dialog->descriptionField()->setPlainText(QStringLiteral("Typed with care"));
    dialog->hoursField()->setValue(48);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // waiting
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    // Still open, with everything typed, the error inline and no message box.
    QCOMPARE(window.findChild<NewJobDialog *>(), dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->nameField()->text(), taken);
    QCOMPARE(dialog->descriptionField()->toPlainText(), QStringLiteral("Typed with care"));
    QCOMPARE(dialog->hoursField()->value(), 48);
    const QLabel *inline_ = dialog->findChild<DialogSubmission *>()->errorLabel();
    QVERIFY(inline_->isVisible());
    QVERIFY2(
        inline_->text().startsWith(QStringLiteral("A job named")), qPrintable(inline_->text()));
    QVERIFY2(inline_->text().contains(QStringLiteral("already exists.\nChoose another name and "
                                                     "try again.")),
        qPrintable(inline_->text()));
    QVERIFY(MessageBoxes::recorded().isEmpty());
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    // The message answered the name sent: typing a new one takes it away (it stayed beside a
    // free name, walk-through).
    dialog->nameField()->setFocus();
    dialog->nameField()->end(false);
    QTest::keyClicks(dialog->nameField(), QStringLiteral("_2"));
    QVERIFY(!inline_->isVisible());
    QCOMPARE(dialog->nameField()->text(), taken + QStringLiteral("_2"));
    // Fixed in place, it goes through and the dialog closes.
    QPointer<NewJobDialog> guard(dialog);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(finished.last().at(0).toBool(), true);
    QTRY_VERIFY(!guard);
    QTRY_COMPARE(window.model()->rowCount(), 2);
}

void TestConsoleDialogs::outageKeepsDialogInput()
{
    QString error;
    const auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    MessageBoxes::clearRecorded();
    const QString purpose = uniquePurpose();
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(purpose));
    QSignalSpy finished(window.controller(), &JobActionController::actionFinished);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    window.jobsView()->selectJob(window.model()->jobAt(0).name);
    window.actions()->changeSchedule()->trigger();
    auto *dialog = window.findChild<ScheduleDialog *>();
    QVERIFY(dialog);
    dialog->setHours(7);

    // The outage: no new connections, and the console's own ones ended.
    // Said from another database: PostgreSQL does not close the current one to itself.
    const QString database = db->spec().database;
    const auto server
        = Database::open(*ConnectionSpec::fromUrl(QStringLiteral("postgresql:///postgres")),
            QStringLiteral("outage"));
    QVERIFY2(server, qPrintable(server ? QString() : server.error().message));
    const auto allowConnections = [&](bool allow) {
        QSqlQuery query((*server)->handle());
        return query.exec(
            QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS %2")
                .arg(database, allow ? QStringLiteral("true") : QStringLiteral("false")));
    };
    QVERIFY(allowConnections(false));
    QVERIFY(db->scalar(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM "
                                      "pg_stat_activity WHERE application_name LIKE '%%1%'")
                           .arg(purpose))
                .toInt()
        >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.client()->state() != JobClient::State::Connected, 10000);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->hours(), 7);
    const QLabel *inline_ = dialog->findChild<DialogSubmission *>()->errorLabel();
    QVERIFY(inline_->isVisible());
    QVERIFY2(inline_->text().contains(QStringLiteral("reconnects by itself")),
        qPrintable(inline_->text()));
    QVERIFY2(inline_->text().at(0).isUpper(), qPrintable(inline_->text()));
    QVERIFY(MessageBoxes::recorded().isEmpty());

    // Back again: the same OK goes through.
    QVERIFY(allowConnections(true));
    QTRY_VERIFY_WITH_TIMEOUT(window.client()->state() == JobClient::State::Connected, 15000);
    QPointer<ScheduleDialog> guard(dialog);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QTRY_VERIFY(!guard);
    QCOMPARE(db->scalar(QStringLiteral("SELECT intervalo_horas FROM cron_jobs")).toInt(), 7);
}

void TestConsoleDialogs::newJobPreviewRunsAtOnce()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    NewJobDialog dialog(now);
    dialog.hoursField()->setValue(12);
    auto *preview = dialog.findChild<QLabel *>(QStringLiteral("schedulePreview"));
    QVERIFY(preview);
    // The seed's rule: a job that never ran runs at once, not in 12 h.
    QVERIFY2(preview->text().contains(QStringLiteral("runs at once")), qPrintable(preview->text()));
    QVERIFY2(
        !preview->text().contains(QStringLiteral("12 h from now")), qPrintable(preview->text()));
    QCOMPARE(dialog.scheduleEditor()->previewLines(), QStringList{QStringLiteral("at once")});
}

// A schedule error comes and goes as the admin types: the dialog kept growing and shrinking by
// its lines, and its buttons moved under the pointer. The error now takes the preview's room.
void TestConsoleDialogs::scheduleErrorKeepsTheDialogsSize()
{
    NewJobDialog dialog(QDateTime::currentDateTimeUtc());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    ScheduleEditor *editor = dialog.scheduleEditor();
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    const auto *error = dialog.findChild<QLabel *>(QStringLiteral("scheduleError"));
    QVERIFY(error);
    editor->cronChoice()->setChecked(true);
    QTest::keyClicks(editor->expressionField(), QStringLiteral("0 3 * * 1-5"));
    QTRY_VERIFY2(!error->isVisible(), qPrintable(error->text()));
    QCoreApplication::processEvents();
    const QSize size = dialog.size();
    const QPoint okAt = ok->mapTo(&dialog, QPoint(0, 0));
    for (const char *typed : {"61 * * * *", "0 3 * * 1-5", "0 3 * *", "@daily"}) {
        editor->expressionField()->setText(QString::fromLatin1(typed));
        QCoreApplication::processEvents();
        QCOMPARE(error->isVisible(),
            QByteArray(typed) == "61 * * * *" || QByteArray(typed) == "0 3 * *");
        QCOMPARE(dialog.size(), size);
        QCOMPARE(ok->mapTo(&dialog, QPoint(0, 0)), okAt);
    }
}

void TestConsoleDialogs::changeSchedulePreviewFollowsLastRun()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job;
    job.name = QStringLiteral("hourly");
    job.intervalHours = 1;
    job.active = true;
    job.nextRun = now.addSecs(3600);
    {
        ScheduleDialog never(job, now);
        never.setHours(6);
        const auto *preview = never.findChild<QLabel *>(QStringLiteral("schedulePreview"));
        QVERIFY2(
            preview->text().contains(QStringLiteral("never run")), qPrintable(preview->text()));
    }
    job.lastRun = now.addSecs(-60);
    ScheduleDialog ran(job, now);
    ran.setHours(6);
    const auto *preview = ran.findChild<QLabel *>(QStringLiteral("schedulePreview"));
    QVERIFY2(preview->text().startsWith(QStringLiteral("The next run moves to")),
        qPrintable(preview->text()));
    QVERIFY2(preview->text().contains(QStringLiteral("6 h")), qPrintable(preview->text()));
}

void TestConsoleDialogs::cronPreviewInBothZones()
{
    const QByteArray oldTz = qgetenv("TZ");
    qputenv("TZ", "America/Sao_Paulo"); // the admin's zone (no DST since 2019)
    const QDateTime now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    ScheduleEditor editor(now);
    editor.setCron(QStringLiteral("0 3 * * *"), QStringLiteral("Asia/Tokyo"));
    const QStringList tokyo = editor.previewLines();
    editor.setCron(QStringLiteral("0 3 * * *"), QStringLiteral("America/Sao_Paulo"));
    const QStringList same = editor.previewLines();
    if (oldTz.isEmpty())
        qunsetenv("TZ");
    else
        qputenv("TZ", oldTz);
    QCOMPARE(tokyo.size(), ScheduleEditor::previewCount);
    // 03:00 in Tokyo is 15:00 of the day before in São Paulo.
    for (const QString &line : tokyo) {
        QVERIFY2(line.contains(QStringLiteral(" 03:00 ")), qPrintable(line));
        QVERIFY2(
            line.contains(QStringLiteral("your time: ")) && line.contains(QStringLiteral("15:00")),
            qPrintable(line));
    }
    // The admin's own zone: one time is enough.
    for (const QString &line : same)
        QVERIFY2(!line.contains(QStringLiteral("your time")), qPrintable(line));
}

// Typing part of a zone and Return takes the one zone it matches (it kept "Asia/Tok" and its
// error); a part that matches several is left for the admin to choose.
void TestConsoleDialogs::zoneReturnTakesTheOneMatch()
{
    ScheduleEditor editor(QDateTime::currentDateTimeUtc());
    editor.setCron(QStringLiteral("0 3 * * *"), QStringLiteral("UTC"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QLineEdit *field = editor.zoneField()->lineEdit();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("Asia/Tok"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(editor.zoneField()->currentText(), QStringLiteral("Asia/Tokyo"));
    QVERIFY2(editor.errorText().isEmpty(), qPrintable(editor.errorText()));
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("America/S"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(editor.zoneField()->currentText(), QStringLiteral("America/S"));
}

void TestConsoleDialogs::detailsDueNowHasNoCountdown()
{
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    // Never ran, next_run 6 h ahead: the seed runs it at once.
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas, next_run) "
                                    "VALUES ('fresh', 6, datetime('now', '+6 hours'))")));
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    window.setInitialSelection(QStringLiteral("fresh"));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 2), 10000);
    window.jobsView()->selectJob(QStringLiteral("fresh"));
    const auto *nextRun = window.findChild<ElidingLabel *>(QStringLiteral("detailsNextRun"));
    QVERIFY(nextRun);
    QTRY_VERIFY(nextRun->fullText().startsWith(QStringLiteral("now")));
    QVERIFY2(!nextRun->fullText().contains(QStringLiteral("in ")), qPrintable(nextRun->fullText()));
    const Job *job = jobNamed(window, QStringLiteral("fresh"));
    QVERIFY(job);
    QCOMPARE(JobRules::state(*job, window.model()->now()), JobState::DueNow);
    // A job that ran and waits shows its countdown.
    Job waiting = *job;
    waiting.lastRun = window.model()->now().addSecs(-60);
    const QString text = NextRunText::describe(waiting, window.model()->now());
    QVERIFY2(text.contains(QStringLiteral("(in ")), qPrintable(text));
}

void TestConsoleDialogs::editJobRenamesAndDescribes()
{
    EditJobScene scene;
    openEditJob(scene);
    if (QTest::currentTestFailed())
        return;
    auto &[db, window, finished, job, dialog, ok] = scene;
    // Typing a new name shows the rename note in room kept for it: the dialog keeps its size.
    const QSize before = dialog->size();
    dialog->nameField()->setFocus();
    dialog->nameField()->end(false);
    QTest::keyClicks(dialog->nameField(), QStringLiteral("x"));
    QCoreApplication::processEvents();
    QVERIFY2(dialog->nameNote()->text().contains(QStringLiteral("call jobs by name")),
        qPrintable(dialog->nameNote()->text()));
    QCOMPARE(dialog->size(), before);
    dialog->nameField()->setText(QStringLiteral(" bad"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->nameNote()->text().at(0).isUpper());
    dialog->nameField()->setText(QStringLiteral("sgp_sync"));
    QVERIFY2(dialog->nameNote()->text().contains(QStringLiteral("call jobs by name")),
        qPrintable(dialog->nameNote()->text()));
    dialog->descriptionField()->setPlainText(QStringLiteral("Sincroniza o SGP"));
    dialog->reasonField()->setText(QStringLiteral("clearer name"));
    QPointer<EditJobDialog> guard(dialog);
    ok->click();
    // Two actions, one OK: rename, then the description under the new name.
    QTRY_COMPARE_WITH_TIMEOUT(finished->size(), 2, 10000);
    QVERIFY2(finished->at(0).at(0).toBool() && finished->at(1).at(0).toBool(),
        qPrintable(finished->last().at(1).toString()));
    // The last word in the status bar names both (the walk-through saw only the description).
    const QString said = finished->at(1).at(1).toString();
    QVERIFY2(said.startsWith(QStringLiteral("Renamed "))
            && said.contains(QStringLiteral("sgp_sync"))
            && said.contains(QStringLiteral("description")),
        qPrintable(said));
    QTRY_VERIFY(!guard);
    QCOMPARE(db->scalar(QStringLiteral("SELECT nome FROM cron_jobs")).toString(),
        QStringLiteral("sgp_sync"));
    QCOMPARE(db->scalar(QStringLiteral("SELECT descricao FROM cron_jobs")).toString(),
        QStringLiteral("Sincroniza o SGP"));
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao IN "
                                       "('cron_admin_rename', 'cron_admin_set_description') AND "
                                       "json_extract(detalhes, '$.reason') = 'clearer name'"))
                 .toInt(),
        2);
    // The table follows the row: one job, renamed, no stale twin.
    QTRY_COMPARE(window->model()->jobAt(0).name, QStringLiteral("sgp_sync"));
    QCOMPARE(window->model()->rowCount(), 1);
    QVERIFY(MessageBoxes::recorded().isEmpty());
}

void TestConsoleDialogs::editJobKeepsRunningJobsName()
{
    Job job;
    job.name = QStringLiteral("busy");
    job.lastStatus = QStringLiteral("running");
    EditJobDialog dialog(job);
    QVERIFY(!dialog.nameField()->isEnabled());
    QVERIFY2(dialog.nameNote()->text().contains(QStringLiteral("running")),
        qPrintable(dialog.nameNote()->text()));
    dialog.descriptionField()->setPlainText(QStringLiteral("still editable"));
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

// Issue 17: catch-up (once / skip with a window / all) and overdue in the job dialogs.
void TestConsoleDialogs::policyEditorCatchUpFields()
{
    PolicyEditor editor;
    Job job;
    job.catchUp = QStringLiteral("skip");
    job.catchUpWindowSeconds = 90;
    editor.setJob(job);
    QCOMPARE(editor.catchUpField()->currentData().toString(), QStringLiteral("skip"));
    QCOMPARE(editor.catchUpWindowField()->value(), 90);
    QVERIFY(editor.catchUpWindowField()->isEnabled());
    QVERIFY(editor.change().isEmpty()); // nothing typed yet
    editor.setCatchUp(QStringLiteral("all"));
    QVERIFY(!editor.catchUpWindowField()->isEnabled()); // the window is for "skip" only
    const PolicyChange all = editor.change();
    QCOMPARE(all.catchUp, std::optional<QString>(QStringLiteral("all")));
    QVERIFY(!all.catchUpWindowSeconds);
    QCOMPARE(editor.catchUpField()->count(), 3);
    // A job without a window gets the shown one when skip is chosen.
    editor.setJob(Job{});
    editor.setCatchUp(QStringLiteral("skip"));
    QVERIFY(editor.change().catchUpWindowSeconds.has_value());
    QCOMPARE(*editor.change().catchUpWindowSeconds, editor.catchUpWindowField()->value());
}

// Tab follows the Policy group's rows, top to bottom (it went from the retry fields to Overdue,
// then back up to the catch-up rows). Every field enabled: retries set, catch-up "skip".
void TestConsoleDialogs::policyTabsInRowOrder()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *editor = new PolicyEditor(&window);
    layout->addWidget(editor);
    Job job;
    job.maxRetries = 2;
    job.catchUp = QStringLiteral("skip");
    editor->setJob(job);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    editor->findChild<QSpinBox *>(QStringLiteral("maxRetries"))->setFocus();
    QStringList reached{QApplication::focusWidget()->objectName()};
    for (int i = 0; i < 5; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(reached,
        QStringList({QStringLiteral("maxRetries"), QStringLiteral("retryDelay"),
            QStringLiteral("retryBackoff"), QStringLiteral("catchUp"),
            QStringLiteral("catchUpWindow"), QStringLiteral("overdueAfter")}));
}

void TestConsoleDialogs::newJobPolicyKeptOnErrorThenStored()
{
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    MessageBoxes::clearRecorded();
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    QSignalSpy finished(window.controller(), &JobActionController::actionFinished);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    const QString taken = window.model()->jobAt(0).name;
    window.actions()->newJob()->trigger();
    auto *dialog = window.findChild<NewJobDialog *>();
    QVERIFY(dialog);
    PolicyEditor *policy = dialog->policy();
    dialog->nameField()->setText(taken);
    policy->maxRetriesField()->setValue(2);
    policy->retryDelayField()->setValue(30);
    policy->setCatchUp(QStringLiteral("skip"));
    policy->catchUpWindowField()->setValue(120);
    policy->overdueAfterField()->setValue(900);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    // The name is taken: the dialog stays with every policy value as typed.
    QVERIFY(dialog->isVisible());
    QCOMPARE(policy->maxRetriesField()->value(), 2);
    QCOMPARE(policy->retryDelayField()->value(), 30);
    QCOMPARE(policy->catchUpField()->currentData().toString(), QStringLiteral("skip"));
    QCOMPARE(policy->catchUpWindowField()->value(), 120);
    QCOMPARE(policy->overdueAfterField()->value(), 900);
    dialog->nameField()->setText(QStringLiteral("with_policy"));
    QPointer<NewJobDialog> guard(dialog);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    // The add, then the policy under the new name.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
    QVERIFY2(finished.at(1).at(0).toBool() && finished.at(2).at(0).toBool(),
        qPrintable(finished.last().at(1).toString()));
    QTRY_VERIFY(!guard);
    QCOMPARE(db->scalar(QStringLiteral("SELECT max_retries || ',' || retry_delay_seconds || ',' || "
                                       "catch_up || ',' || catch_up_window_seconds || ',' || "
                                       "overdue_after_seconds FROM cron_jobs WHERE nome = "
                                       "'with_policy'"))
                 .toString(),
        QStringLiteral("2,30,skip,120,900"));
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                       "'cron_admin_set_policy'"))
                 .toInt(),
        1);
    QVERIFY(MessageBoxes::recorded().isEmpty());
}

void TestConsoleDialogs::editJobPolicyOnlyIsStored()
{
    EditJobScene scene;
    openEditJob(scene);
    if (QTest::currentTestFailed())
        return;
    auto &[db, window, finished, name, dialog, ok] = scene;
    dialog->policy()->setCatchUp(QStringLiteral("all"));
    QVERIFY(ok->isEnabled()); // a policy change alone is an edit
    dialog->policy()->overdueAfterField()->setValue(600);
    QPointer<EditJobDialog> guard(dialog);
    ok->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished->size(), 1, 10000);
    QVERIFY2(finished->first().at(0).toBool(), qPrintable(finished->first().at(1).toString()));
    QTRY_VERIFY(!guard);
    QCOMPARE(db->scalar(QStringLiteral("SELECT catch_up || ',' || overdue_after_seconds FROM "
                                       "cron_jobs WHERE nome = '%1'")
                            .arg(name))
                 .toString(),
        QStringLiteral("all,600"));
    QTRY_COMPARE(window->model()->jobAt(0).catchUp, QStringLiteral("all"));
    QVERIFY(MessageBoxes::recorded().isEmpty());
}

void TestConsoleDialogs::exportFolderFallsBack()
{
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral(".config")).toUtf8());
    const QString without = ExportDialog::defaultFolder();
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Documents")));
    const QString with = ExportDialog::defaultFolder();
    qputenv("HOME", oldHome);
    qputenv("XDG_CONFIG_HOME", oldConfig);
    if (oldConfig.isEmpty())
        qunsetenv("XDG_CONFIG_HOME");
    QCOMPARE(without, home.path()); // ~/Documents does not exist: the home folder
    QCOMPARE(with, home.filePath(QStringLiteral("Documents")));
}

// The walk-through's Brazilian admin got an English file name in a Portuguese dialog.
void TestConsoleDialogs::exportFileNameInTheAdminsLanguage()
{
    const QDate day(2026, 12, 3);
    QCOMPARE(ExportDialog::defaultFileName(day), QStringLiteral("cron-history-20261203.csv"));
    {
        const LanguageScope scope(QStringLiteral("pt_BR"));
        QVERIFY(scope.loaded());
        QCOMPARE(ExportDialog::defaultFileName(day), QStringLiteral("historico-cron-20261203.csv"));
        ExportDialog dialog;
        QVERIFY2(dialog.pathField()->text().endsWith(
                     ExportDialog::defaultFileName(QDate::currentDate())),
            qPrintable(dialog.pathField()->text()));
        QVERIFY(dialog.pathField()->text().contains(QStringLiteral("historico-cron-")));
    }
}

void TestConsoleDialogs::exportFormatChoice()
{
    ExportDialog dialog;
    QCOMPARE(dialog.formatField()->count(), 2);
    QCOMPARE(
        dialog.formatField()->itemText(1), QStringLiteral("Spreadsheet (Português do Brasil)"));
    dialog.formatField()->setCurrentIndex(0);
    QCOMPARE(dialog.locale(), ExportLocale::Rfc4180);
    QCOMPARE(dialog.delimiter(), ','); // the RFC 4180 default, unchanged in English
    QVERIFY(!dialog.byteOrderMark());
    QVERIFY(dialog.delimiterField()->isEnabled());
    dialog.formatField()->setCurrentIndex(1);
    QCOMPARE(dialog.locale(), ExportLocale::BrazilianSpreadsheet);
    QCOMPARE(dialog.delimiter(), ';');
    QVERIFY(dialog.byteOrderMark());
    QVERIFY(!dialog.delimiterField()->isEnabled());
    QVERIFY(!dialog.byteOrderMarkField()->isEnabled());
}

void TestConsoleDialogs::exportReplaceDeclinedKeepsDialog()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.csv"));
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me\n");
    existing.close();
    MessageBoxes::clearRecorded();
    ExportDialog dialog;
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    dialog.pathField()->setText(path);
    dialog.formatField()->setCurrentIndex(1);
    dialog.buttons()->button(QDialogButtonBox::Save)->click();
    // Recording answers no question: as Cancel on "Replace file?".
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    QCOMPARE(MessageBoxes::recorded().first().title, QStringLiteral("Replace file?"));
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.pathField()->text(), path);
    QCOMPARE(dialog.locale(), ExportLocale::BrazilianSpreadsheet);
    // A new file needs no question.
    dialog.pathField()->setText(dir.filePath(QStringLiteral("new.csv")));
    dialog.buttons()->button(QDialogButtonBox::Save)->click();
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    // The next export starts where this one ended: its format and its folder (it reopened on
    // CSV in the admin's home after a spreadsheet export elsewhere).
    {
        ExportDialog next;
        QCOMPARE(next.locale(), ExportLocale::BrazilianSpreadsheet);
        QCOMPARE(QFileInfo(next.path()).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
        next.formatField()->setCurrentIndex(0);
        next.pathField()->setText(dir.filePath(QStringLiteral("rfc.csv")));
        next.buttons()->button(QDialogButtonBox::Save)->click();
    }
    ExportDialog rfc;
    QCOMPARE(rfc.locale(), ExportLocale::Rfc4180);
    QTemporaryDir gone;
    ConsoleSettings::exportFolder.setValue(gone.filePath(QStringLiteral("removed")));
    ExportDialog fallback; // a folder that no longer exists: the default again
    QCOMPARE(QFileInfo(fallback.path()).absolutePath(),
        QFileInfo(ExportDialog::defaultFolder()).absoluteFilePath());
}

void TestConsoleDialogs::exportMissingFolderShownInline()
{
    QTemporaryDir dir;
    ExportDialog dialog;
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    const QString path = dir.filePath(QStringLiteral("no/such/folder/h.csv"));
    dialog.pathField()->setText(path);
    dialog.buttons()->button(QDialogButtonBox::Save)->click();
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("The folder")),
        qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.pathField()->text(), path);
}

void TestConsoleDialogs::dialogsKeepTheirSizeUnderTheMouse_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString();
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR"); // longer words, more wrapped lines
}

// A walk-through saw a dialog grow while the mouse moved over it (issue 16, after the items):
// every job dialog, Connect to… and Export keep their size while the pointer passes over each
// of their widgets and asks for its tooltip.
void TestConsoleDialogs::dialogsKeepTheirSizeUnderTheMouse()
{
    QFETCH(QString, language);
    const LanguageScope scope(language);
    QVERIFY(scope.loaded());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job; // a running job with a long name, as the demo has
    job.name = QStringLiteral("importar_precos_fornecedores");
    job.description = QStringLiteral("Importa as tabelas de preços dos fornecedores");
    job.intervalHours = 6;
    job.lastRun = now.addSecs(-3 * 3600);
    job.nextRun = now.addSecs(3 * 3600);
    job.lastStatus = QStringLiteral("running");
    job.runningSince = now.addSecs(-2 * 3600);
    job.leaseOwner = QStringLiteral("srv-backup-01:4812");
    job.leaseExpiresAt = now.addSecs(-3600);

    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<NewJobDialog>(now));
    dialogs.push_back(std::make_unique<ScheduleDialog>(job, now));
    dialogs.push_back(std::make_unique<EditJobDialog>(job));
    dialogs.push_back(std::make_unique<DeleteJobDialog>(job));
    dialogs.push_back(std::make_unique<ResetDialog>(job, now));
    dialogs.push_back(std::make_unique<ConnectionDialog>());
    dialogs.push_back(std::make_unique<ExportDialog>());
    for (const auto &dialog : dialogs) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QCoreApplication::processEvents();
        const QSize before = dialog->size();
        QSize last = before;
        QStringList grew;
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            if (!widget->isVisible() || widget->window() != dialog.get())
                continue;
            for (const QPoint &at : {QPoint(1, 1), widget->rect().center(),
                     widget->rect().bottomRight() - QPoint(1, 1)}) {
                QTest::mouseMove(widget, at);
                QHelpEvent tip(QEvent::ToolTip, at, widget->mapToGlobal(at));
                QCoreApplication::sendEvent(widget, &tip);
                QCoreApplication::processEvents();
            }
            if (dialog->size() != last) {
                last = dialog->size();
                grew << QStringLiteral("%1 (%2): %3x%4")
                            .arg(QString::fromLatin1(widget->metaObject()->className()),
                                widget->objectName())
                            .arg(dialog->size().width())
                            .arg(dialog->size().height());
            }
        }
        QCoreApplication::processEvents();
        QVERIFY2(grew.isEmpty() && dialog->size() == before,
            qPrintable(QStringLiteral("%1 was %2x%3, grew over %4")
                           .arg(dialog->objectName())
                           .arg(before.width())
                           .arg(before.height())
                           .arg(grew.join(QStringLiteral(", ")))));
        dialog->hide();
    }
}

void TestConsoleDialogs::dialogsFitAShortScreen_data()
{
    dialogsKeepTheirSizeUnderTheMouse_data();
}

// At 800x500 New job was 551 px tall plus its title bar: Add job and Cancel were off screen
// (issue 16, item 9). Every dialog, title bar included, fits the screen's available area with
// its buttons in view; the form scrolls (never sideways), Tab reaches every field and scrolls
// it into view, and OK is enabled once the input is valid and closes the dialog. The screen is
// the test's own when it is that short (ctest's tst_consoledialogs_800x500), else the dialog is
// fitted to an 800x500 area as ScreenFit fits it to a screen.
void TestConsoleDialogs::dialogsFitAShortScreen()
{
    QFETCH(QString, language);
    const LanguageScope scope(language);
    QVERIFY(scope.loaded());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job;
    job.name = QStringLiteral("importar_precos_fornecedores");
    job.description = QStringLiteral("Importa as tabelas de preços dos fornecedores");
    job.intervalHours = 6;
    job.lastRun = now.addSecs(-3 * 3600);
    job.nextRun = now.addSecs(3 * 3600);
    job.lastStatus = QStringLiteral("success");
    // Reset of many stuck jobs: a line per job, taller than any screen.
    QList<Job> stuck;
    for (int i = 0; i < 40; ++i) {
        Job held = job;
        held.name = QStringLiteral("travado_%1").arg(i);
        held.lastStatus = QStringLiteral("running");
        held.runningSince = now.addSecs(-2 * 3600);
        held.leaseOwner = QStringLiteral("srv-backup-01:%1").arg(4000 + i);
        held.leaseExpiresAt = now.addSecs(600);
        stuck << held;
    }

    struct Scene {
        std::unique_ptr<QDialog> dialog;
        QStringList fields; // reached by Tab
        std::function<QAbstractButton *(QDialog &)> makeValid; // returns the OK button
        bool clicks = true; // OK closes the dialog (Connect would start a connection)
    };
    const auto button = [](QDialog &d, QDialogButtonBox::StandardButton which) {
        return static_cast<QAbstractButton *>(d.findChild<QDialogButtonBox *>()->button(which));
    };
    std::vector<Scene> scenes;
    scenes.push_back({std::make_unique<NewJobDialog>(now),
        {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("hours"),
            QStringLiteral("cronExpression"), QStringLiteral("maxRetries"),
            QStringLiteral("catchUp"), QStringLiteral("overdueAfter")},
        [&](QDialog &d) {
            QTest::keyClicks(
                static_cast<NewJobDialog &>(d).nameField(), QStringLiteral("cabe_na_tela"));
            return button(d, QDialogButtonBox::Ok);
        }});
    scenes.push_back({std::make_unique<ScheduleDialog>(job, now),
        {QStringLiteral("hours"), QStringLiteral("cronExpression"), QStringLiteral("maxRetries"),
            QStringLiteral("catchUp"), QStringLiteral("overdueAfter")},
        [&](QDialog &d) { return button(d, QDialogButtonBox::Ok); }});
    scenes.push_back({std::make_unique<EditJobDialog>(job),
        {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("reason"),
            QStringLiteral("maxRetries"), QStringLiteral("overdueAfter")},
        [&](QDialog &d) {
            static_cast<EditJobDialog &>(d)
                .policy()
                ->findChild<QSpinBox *>("maxRetries")
                ->setValue(2);
            return button(d, QDialogButtonBox::Ok);
        }});
    scenes.push_back(
        {std::make_unique<DeleteJobDialog>(job), {QStringLiteral("confirmName")}, [&](QDialog &d) {
             QTest::keyClicks(static_cast<DeleteJobDialog &>(d).confirmField(), job.name);
             return button(d, QDialogButtonBox::Ok);
         }});
    RunRecord run;
    run.id = 48213;
    run.jobName = job.name;
    run.runner = QStringLiteral("srv-backup-01.interno.exemplo.com.br:41877");
    run.startedAt = now.addSecs(-3 * 3600 - 125);
    run.readAt = now;
    scenes.push_back({std::make_unique<AbortRunDialog>(run), {QStringLiteral("reason")},
        [&](QDialog &d) { return button(d, QDialogButtonBox::Ok); }});
    scenes.push_back({std::make_unique<ResetDialog>(stuck, now),
        {QStringLiteral("reason"), QStringLiteral("force")},
        [&](QDialog &d) { return button(d, QDialogButtonBox::Ok); }});
    scenes.push_back({std::make_unique<ConnectionDialog>(), {QStringLiteral("url")},
        [](QDialog &d) {
            return static_cast<QAbstractButton *>(
                static_cast<ConnectionDialog &>(d).connectButton());
        },
        false});
    scenes.push_back({std::make_unique<ExportDialog>(),
        {QStringLiteral("exportPath"), QStringLiteral("exportFormat")},
        [&](QDialog &d) { return button(d, QDialogButtonBox::Save); }, false});

    for (Scene &scene : scenes) {
        QDialog &dialog = *scene.dialog;
        const QString name = dialog.objectName();
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        const QRect screen = ScreenFit::availableFor(&dialog);
        QVERIFY(screen.isValid());
        QRect area = screen;
        if (screen.height() > 500) {
            area.setSize(QSize(800, 500));
            ScreenFit::fitInto(&dialog, area);
        }
        QCoreApplication::processEvents();
        const auto where = [](const QRect &r) {
            return QStringLiteral("%1x%2%3%4%5%6")
                .arg(r.width())
                .arg(r.height())
                .arg(r.x() >= 0 ? QStringLiteral("+") : QString())
                .arg(r.x())
                .arg(r.y() >= 0 ? QStringLiteral("+") : QString())
                .arg(r.y());
        };
        QTRY_VERIFY2(area.contains(dialog.frameGeometry()),
            qPrintable(QStringLiteral("%1: %2 in %3")
                           .arg(name, where(dialog.frameGeometry()), where(area))));
        QCoreApplication::processEvents(); // the layout at the fitted size
        // CRON_DIALOG_SHOTS=DIR keeps each fitted dialog as DIR/NAME-LANGUAGE.png, to look at
        // (run on Xvfb with QT_QPA_PLATFORM=xcb for the desktop's fonts and palette).
        if (const QString shots = qEnvironmentVariable("CRON_DIALOG_SHOTS"); !shots.isEmpty())
            dialog.grab().save(QDir(shots).filePath(
                QStringLiteral("%1-%2.png").arg(name, language.isEmpty() ? "en" : language)));
        const auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->isVisible());
        const QRect box(buttons->mapToGlobal(QPoint(0, 0)), buttons->size());
        QVERIFY2(area.contains(box) && dialog.rect().contains(buttons->geometry()),
            qPrintable(QStringLiteral("%1: buttons at %2").arg(name, where(box))));

        // Scrolls up and down only: the form is never narrower than it needs.
        auto *form = dialog.findChild<ScrollingForm *>();
        if (form) {
            QVERIFY2(form->viewport()->width() >= form->widget()->minimumSizeHint().width(),
                qPrintable(QStringLiteral("%1: %2 px for a %3 px form")
                               .arg(name)
                               .arg(form->viewport()->width())
                               .arg(form->widget()->minimumSizeHint().width())));
            QCOMPARE(form->horizontalScrollBar()->maximum(), 0);
            // And it scrolls only when the dialog may grow no taller (Connect to… scrolled on
            // an empty screen).
            QVERIFY2(form->verticalScrollBar()->maximum() == 0
                    || dialog.frameGeometry().height() >= area.height() - 1,
                qPrintable(
                    QStringLiteral("%1: scrolls at %2").arg(name, where(dialog.frameGeometry()))));
        }
        if (name == QLatin1String("newJobDialog") || name == QLatin1String("resetDialog")) {
            // Taller than 500 px: this is the case that hid the buttons.
            QVERIFY(form);
            QVERIFY2(form->verticalScrollBar()->maximum() > 0, qPrintable(name));
        }

        // Tab from field to field, each one scrolled into view when it has the focus.
        QStringList reached;
        QWidget *first = QApplication::focusWidget();
        QVERIFY2(first, qPrintable(name));
        for (int i = 0; i < 80; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            for (QWidget *w = focus; w && w != &dialog; w = w->parentWidget())
                reached << w->objectName();
            if (form && form->widget()->isAncestorOf(focus)) {
                const QRect shown(focus->mapTo(form->viewport(), QPoint(0, 0)), focus->size());
                QVERIFY2(form->viewport()->rect().intersects(shown),
                    qPrintable(
                        QStringLiteral("%1: %2 out of view").arg(name, focus->objectName())));
            }
            if (focus == first)
                break;
        }
        for (const QString &field : std::as_const(scene.fields))
            QVERIFY2(reached.contains(field),
                qPrintable(QStringLiteral("%1: Tab never reached %2").arg(name, field)));

        QAbstractButton *ok = scene.makeValid(dialog);
        QVERIFY2(ok && ok->isEnabled(), qPrintable(name));
        QVERIFY(area.contains(QRect(ok->mapToGlobal(QPoint(0, 0)), ok->size())));
        if (scene.clicks) {
            QTest::mouseClick(ok, Qt::LeftButton);
            QTRY_VERIFY2(!dialog.isVisible(), qPrintable(name));
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        dialog.hide();
    }
}

QTEST_MAIN(TestConsoleDialogs)
#include "tst_consoledialogs.moc"
