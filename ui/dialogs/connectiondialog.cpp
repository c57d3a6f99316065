#include "ui/dialogs/connectiondialog.h"
#include "ui/common/messageboxes.h"

#include "core/client/connectionfields.h"
#include "core/client/connectionprobe.h"
#include "core/settings/settingsstore.h"
#include "ui/common/messagetext.h"
#include "ui/common/screenfit.h"
#include "ui/common/scrollingform.h"
#include "ui/dialogs/dialogsubmission.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

// Same target: the URLs as the console shows them (no password; hosts, ports, options).
QString targetKey(const ConnectionSpec &spec)
{
    ConnectionSpec clean = spec;
    clean.password.clear();
    return clean.displayUrl();
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_probe(new ConnectionProbe(this))
    , m_current(new QLabel(this))
    , m_profile(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_url(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_sslMode(new QComboBox(this))
    , m_service(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_test(nullptr)
    , m_connect(nullptr)
    , m_save(nullptr)
    , m_remove(nullptr)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to a database"));

    m_current->setObjectName(QStringLiteral("currentConnection"));
    m_current->setWordWrap(true);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_current->hide();
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://cron_admin@db.example:5432/plataforma?sslmode=verify-full"));
    m_host->setPlaceholderText(tr("local socket"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    // The first entry leaves sslmode out of the URL: libpq's default, named so it is not blank.
    m_sslMode->addItem(tr("Default (prefer)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QLatin1String(mode), QLatin1String(mode));
    m_service->setPlaceholderText(tr("a service from ~/.pg_service.conf"));
    m_error->setObjectName(QStringLiteral("connectionError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_progress->setRange(0, 0); // busy: a test has no steps to count
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_progress->sizeHint().height() / 2 + 2);
    m_progress->hide();
    m_result->setObjectName(QStringLiteral("connectionResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *urlPage = new QWidget(this);
    auto *urlForm = new QFormLayout(urlPage);
    urlForm->addRow(tr("&URL:"), m_url);
    auto *hint = new QLabel(tr("postgresql://…, postgres://… or sqlite:/path/file.db. Leave the "
                               "password out: it is read from ~/.pgpass or PGPASSWORD."),
        urlPage);
    hint->setWordWrap(true);
    urlForm->addRow(QString(), hint);
    auto *fieldsPage = new QWidget(this);
    auto *fields = new QFormLayout(fieldsPage);
    fields->addRow(tr("&Host:"), m_host);
    fields->addRow(tr("&Port:"), m_port);
    fields->addRow(tr("&Database:"), m_database);
    fields->addRow(tr("U&ser:"), m_user);
    fields->addRow(tr("SSL &mode:"), m_sslMode);
    fields->addRow(tr("Ser&vice:"), m_service);
    m_tabs->insertTab(urlTab, urlPage, tr("By U&RL"));
    m_tabs->insertTab(fieldsTab, fieldsPage, tr("By &fields (PostgreSQL)"));

    auto *top = new QFormLayout;
    top->addRow(tr("P&rofile:"), m_profile);
    top->addRow(tr("&Name:"), m_name);

    m_connect = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_test = m_buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_save = m_buttons->addButton(tr("Sa&ve profile"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_remove = m_buttons->addButton(tr("Remove profile"), QDialogButtonBox::DestructiveRole);

    // The profile and its fields scroll on a short screen; what a test answered stays beside
    // the buttons, in view.
    auto *body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->addWidget(m_current);
    bodyLayout->addLayout(top);
    bodyLayout->addWidget(m_tabs);
    bodyLayout->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new ScrollingForm(body, this));
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);

    connect(m_profile, &QComboBox::currentIndexChanged, this, &ConnectionDialog::showProfile);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    // Typing a URL fills the fields, so the two tabs never disagree.
    connect(m_url, &QLineEdit::textEdited, this, [this] { showProfile(-1); });
    for (QLineEdit *edit : {m_host, m_database, m_user, m_service})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionDialog::fieldsToUrl);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::fieldsToUrl);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::fieldsToUrl);
    connect(m_save, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_test, &QPushButton::clicked, this, [this] { startProbe(Purpose::Test); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { startProbe(Purpose::Connect); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_probe, &ConnectionProbe::finished, this, &ConnectionDialog::onProbeFinished);

    loadProfiles(ConnectionProfiles(*SettingsStore::open()).lastUsed());
    resize(560, sizeHint().height());
    ScreenFit::keep(this);
}

ConnectionDialog::~ConnectionDialog() = default;

Result<ConnectionSpec> ConnectionDialog::specFor(const QString &url)
{
    if (url.trimmed().isEmpty())
        return ConnectionSpec::sqlite(ConnectionSpec::defaultSqlitePath());
    return ConnectionSpec::fromUrl(url.trimmed());
}

QString ConnectionDialog::currentUrl() const
{
    return m_url->text().trimmed();
}

void ConnectionDialog::setCurrentConnection(const ConnectionSpec &spec, const QString &user)
{
    const QString where = targetKey(spec);
    m_current->setText(user.isEmpty() ? tr("Connected now to %1.").arg(where)
                                      : tr("Connected now to %1 as %2.").arg(where, user));
    m_current->show();
    QString match;
    for (const ConnectionProfile &profile : std::as_const(m_profiles)) {
        const Result<ConnectionSpec> saved = specFor(profile.url);
        if (saved && targetKey(*saved) == where) {
            match = profile.name;
            break;
        }
    }
    if (!match.isEmpty()) {
        loadProfiles(match);
        return;
    }
    // No profile holds it (a --db URL, an edit connected without Save): shown unsaved.
    loadProfiles(QString());
    m_unsavedIndex = int(m_profiles.size());
    m_profiles.append({tr("Current connection (not saved)"), where});
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->addItem(m_profiles.last().name);
        m_profile->setCurrentIndex(m_unsavedIndex);
    }
    showProfile(m_unsavedIndex);
    if (spec.backend == Backend::PostgreSQL)
        m_tabs->setCurrentIndex(fieldsTab);
}

void ConnectionDialog::loadProfiles(const QString &select)
{
    m_profiles = ConnectionProfiles(*SettingsStore::open()).profiles();
    m_unsavedIndex = -1;
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    int selected = 0;
    for (int i = 0; i < m_profiles.size(); ++i) {
        m_profile->addItem(m_profiles.at(i).name);
        if (m_profiles.at(i).name == select)
            selected = i;
    }
    m_profile->setCurrentIndex(selected);
    showProfile(selected);
}

// index -1: only the fields follow the URL typed (no profile change).
void ConnectionDialog::showProfile(int index)
{
    if (index >= 0 && index < m_profiles.size()) {
        const ConnectionProfile &profile = m_profiles.at(index);
        const bool named = !profile.isEmbedded() && index != m_unsavedIndex;
        m_name->setText(named ? profile.name : QString());
        m_name->setPlaceholderText(named ? QString() : tr("name for a new profile"));
        m_url->setText(profile.url);
        m_url->setPlaceholderText(
            profile.isEmbedded() ? ConnectionSpec::defaultSqlitePath() : QString());
        m_remove->setEnabled(named); // the embedded default and an unsaved URL stay
        // Reopened as it was entered: fields stay fields, a URL stays a URL.
        const bool fields = profile.form == ConnectionProfile::Form::Fields
            && ConnectionFields::fromUrl(profile.url).has_value();
        m_tabs->setCurrentIndex(fields ? fieldsTab : urlTab);
    }
    // Filled with every signal blocked: a field's change signal would rebuild the URL from
    // fields not filled yet (that lost the user and database of saved profiles).
    const ConnectionFields shown
        = ConnectionFields::fromUrl(m_url->text()).value_or(ConnectionFields{});
    const QSignalBlocker b1(m_host), b2(m_port), b3(m_database), b4(m_user), b5(m_sslMode),
        b6(m_service);
    m_host->setText(shown.host);
    m_port->setValue(shown.port);
    m_database->setText(shown.database);
    m_user->setText(shown.user);
    const int mode = m_sslMode->findData(shown.sslMode);
    if (mode < 0) { // a mode libpq may know and we do not: kept, not blanked
        m_sslMode->addItem(shown.sslMode, shown.sslMode);
        m_sslMode->setCurrentIndex(m_sslMode->count() - 1);
    } else {
        m_sslMode->setCurrentIndex(mode);
    }
    m_service->setText(shown.service);
    validate();
}

ConnectionProfile::Form ConnectionDialog::shownForm() const
{
    return m_tabs->currentIndex() == fieldsTab ? ConnectionProfile::Form::Fields
                                               : ConnectionProfile::Form::Url;
}

void ConnectionDialog::fieldsToUrl()
{
    ConnectionFields fields;
    fields.host = m_host->text();
    fields.port = m_port->value();
    fields.database = m_database->text();
    fields.user = m_user->text();
    fields.sslMode = m_sslMode->currentData().toString();
    fields.service = m_service->text();
    m_url->setText(fields.toUrl(m_url->text()));
}

void ConnectionDialog::validate()
{
    const Result<ConnectionSpec> spec = specFor(m_url->text());
    QString problem = spec ? QString() : MessageText::sentence(spec.error().message);
    if (spec && !spec->password.isEmpty())
        problem = tr("The password in the URL is used for this connection only and is not "
                     "saved; keep it in ~/.pgpass instead.");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_result->hide(); // a result was for the URL before this edit
}

void ConnectionDialog::saveProfile()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || currentUrl().isEmpty()) {
        m_error->setText(currentUrl().isEmpty()
                ? tr("The embedded database is always in the list. Enter a URL to save a "
                     "profile for it.")
                : tr("Give the profile a name (e.g. \"production\") to save it."));
        m_error->show();
        return;
    }
    if (!specFor(m_url->text())) {
        validate();
        return;
    }
    ConnectionProfiles(*SettingsStore::open()).save({name, currentUrl(), shownForm()});
    loadProfiles(name);
}

void ConnectionDialog::removeProfile()
{
    const int index = m_profile->currentIndex();
    if (index <= 0 || index == m_unsavedIndex)
        return;
    const QString name = m_profiles.at(index).name;
    MessageBoxes::question(this, tr("Remove profile"),
        tr("Remove the saved connection profile \"%1\"? The database itself is not touched.")
            .arg(name),
        tr("&Remove profile"), [this, name] {
            ConnectionProfiles(*SettingsStore::open()).remove(name);
            loadProfiles(QString());
        });
}

void ConnectionDialog::startProbe(Purpose purpose)
{
    const Result<ConnectionSpec> spec = specFor(m_url->text());
    if (!spec) {
        validate();
        return;
    }
    m_purpose = purpose;
    m_probed = *spec;
    setBusy(true);
    m_result->setText(tr("Testing %1…").arg(targetKey(*spec)));
    m_result->show();
    m_probe->start(*spec);
}

void ConnectionDialog::onProbeFinished(bool ok, const QString &message, bool reached)
{
    setBusy(false);
    if (!ok) {
        // Where the server answered, the address is right: no hint about URLs and pg_hba.conf.
        m_result->setText(reached
                ? tr("%1\nThe current connection was kept.").arg(MessageText::sentence(message))
                : tr("Could not connect: %1\nCheck the URL or fields, that the server runs, and "
                     "that it accepts this user (pg_hba.conf, ~/.pgpass). The current "
                     "connection was kept.")
                      .arg(MessageText::sentence(message)));
        m_result->show();
        DialogSubmission::growToFit(this);
        return;
    }
    m_result->setText(MessageText::sentence(message));
    m_result->show();
    DialogSubmission::growToFit(this);
    if (m_purpose == Purpose::Connect)
        finishConnect(m_probed);
}

void ConnectionDialog::finishConnect(const ConnectionSpec &spec)
{
    const auto settings = SettingsStore::open();
    ConnectionProfiles profiles(*settings);
    const bool embedded = m_profile->currentIndex() == 0 && currentUrl().isEmpty();
    QString name = embedded ? ConnectionProfiles::embeddedName() : m_name->text().trimmed();
    if (!embedded) {
        if (name.isEmpty() || name == ConnectionProfiles::embeddedName())
            name = targetKey(spec);
        const QList<ConnectionProfile> saved = profiles.profiles();
        const auto same = std::find_if(saved.cbegin(), saved.cend(),
            [&](const ConnectionProfile &p) { return p.name == name; });
        if (same == saved.cend()) {
            // A new profile; no saved one is touched.
            profiles.save({name, currentUrl(), shownForm()});
        } else if (same->url != currentUrl()) {
            // Edited but not saved: the saved profile stays as it was, and stays the one the
            // console opens next time.
            name.clear();
        }
    }
    if (!name.isEmpty())
        profiles.setLastUsed(name);
    emit connectRequested(spec);
    accept();
}

void ConnectionDialog::setBusy(bool busy)
{
    // Disabling the clicked button moves the focus to the next one (Remove profile, Cancel):
    // an Enter after the answer would press that. The focus goes back where it was.
    if (busy)
        m_focusBeforeBusy = focusWidget();
    m_progress->setVisible(busy);
    m_test->setEnabled(!busy);
    m_connect->setEnabled(!busy);
    m_save->setEnabled(!busy);
    m_tabs->setEnabled(!busy);
    m_profile->setEnabled(!busy);
    m_name->setEnabled(!busy);
    if (!busy) {
        QWidget *back = m_focusBeforeBusy ? m_focusBeforeBusy.data() : m_connect;
        if (!back->isEnabled() || !back->isVisible())
            back = m_connect;
        back->setFocus(Qt::OtherFocusReason);
        m_focusBeforeBusy.clear();
    }
}
