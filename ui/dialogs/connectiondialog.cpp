#include "ui/dialogs/connectiondialog.h"

#include "core/settings/settingsstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
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
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to a database"));

    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://cron_admin@db.example:5432/plataforma?sslmode=verify-full"));
    m_host->setPlaceholderText(tr("local socket"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_sslMode->addItems(
        {QString(), QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
            QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")});
    m_service->setPlaceholderText(tr("a service from ~/.pg_service.conf"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);

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
    m_tabs->addTab(urlPage, tr("By U&RL"));
    m_tabs->addTab(fieldsPage, tr("By &fields (PostgreSQL)"));

    auto *top = new QFormLayout;
    top->addRow(tr("P&rofile:"), m_profile);
    top->addRow(tr("&Name:"), m_name);

    QPushButton *connectButton = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    QPushButton *save = m_buttons->addButton(tr("Sa&ve profile"), QDialogButtonBox::ActionRole);
    QPushButton *remove
        = m_buttons->addButton(tr("Remove profile"), QDialogButtonBox::DestructiveRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_profile, &QComboBox::currentIndexChanged, this, &ConnectionDialog::showProfile);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    for (QLineEdit *edit : {m_host, m_database, m_user, m_service})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionDialog::fieldsToUrl);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::fieldsToUrl);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::fieldsToUrl);
    connect(save, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(remove, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::connectNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    loadProfiles(ConnectionProfiles(*SettingsStore::open()).lastUsed());
    resize(560, sizeHint().height());
}

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

void ConnectionDialog::loadProfiles(const QString &select)
{
    m_profiles = ConnectionProfiles(*SettingsStore::open()).profiles();
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

void ConnectionDialog::showProfile(int index)
{
    if (index < 0 || index >= m_profiles.size())
        return;
    const ConnectionProfile &profile = m_profiles.at(index);
    m_name->setText(profile.isEmbedded() ? QString() : profile.name);
    m_name->setPlaceholderText(profile.isEmbedded() ? tr("name for a new profile") : QString());
    m_url->setText(profile.url);
    m_url->setPlaceholderText(
        profile.isEmbedded() ? ConnectionSpec::defaultSqlitePath() : QString());
    const Result<ConnectionSpec> spec = specFor(profile.url);
    if (spec && spec->backend == Backend::PostgreSQL) {
        m_host->setText(spec->host);
        m_port->setValue(qMax(0, spec->port));
        m_database->setText(spec->database);
        m_user->setText(spec->user);
        m_sslMode->setCurrentText(spec->options.value(QStringLiteral("sslmode")));
        m_service->setText(spec->options.value(QStringLiteral("service")));
    }
    validate();
}

void ConnectionDialog::fieldsToUrl()
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    if (m_port->value() > 0)
        url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    QUrlQuery query;
    if (!m_sslMode->currentText().isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), m_sslMode->currentText());
    if (!m_service->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("service"), m_service->text().trimmed());
    url.setQuery(query);
    QString text = url.toString();
    if (url.host().isEmpty()) // QUrl drops the empty authority libpq needs
        text.replace(QLatin1String("postgresql:/"), QLatin1String("postgresql:///"));
    m_url->setText(text);
}

void ConnectionDialog::validate()
{
    const Result<ConnectionSpec> spec = specFor(m_url->text());
    QString problem = spec ? QString() : spec.error().message;
    if (spec && !spec->password.isEmpty())
        problem = tr("The password in the URL is used for this connection only and is not "
                     "saved; keep it in ~/.pgpass instead.");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
}

void ConnectionDialog::saveProfile()
{
    const QString name = m_name->text().trimmed();
    // The embedded default is always there; only a named URL is worth saving.
    if (name.isEmpty() || currentUrl().isEmpty())
        return;
    if (!specFor(m_url->text())) {
        validate();
        return;
    }
    ConnectionProfiles(*SettingsStore::open()).save({name, currentUrl()});
    loadProfiles(name);
}

void ConnectionDialog::removeProfile()
{
    if (m_profile->currentIndex() <= 0)
        return;
    ConnectionProfiles(*SettingsStore::open())
        .remove(m_profiles.at(m_profile->currentIndex()).name);
    loadProfiles(QString());
}

void ConnectionDialog::connectNow()
{
    const Result<ConnectionSpec> spec = specFor(m_url->text());
    if (!spec) {
        validate();
        return;
    }
    const auto settings = SettingsStore::open();
    ConnectionProfiles profiles(*settings);
    const int index = m_profile->currentIndex();
    const bool embedded = index == 0 && currentUrl().isEmpty();
    QString name = embedded ? ConnectionProfiles::embeddedName() : m_name->text().trimmed();
    if (!embedded) {
        if (name.isEmpty() || name == ConnectionProfiles::embeddedName())
            name = spec->displayUrl();
        profiles.save({name, currentUrl()});
    }
    profiles.setLastUsed(name);
    emit connectRequested(*spec);
    accept();
}
