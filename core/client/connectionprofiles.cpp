#include "core/client/connectionprofiles.h"

#include "core/client/connectionfields.h"
#include "core/db/connectionspec.h"

#include <QCoreApplication>
#include <QSettings>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfiles)
};

const QString groupKey = QStringLiteral("connections/profiles");
const QString nameKey = QStringLiteral("name");
const QString urlKey = QStringLiteral("url");
// How the profile was entered. Consoles before this key wrote none: such a profile reopens on
// the fields when they write exactly its URL (it holds nothing the fields do not show).
const QString formKey = QStringLiteral("form");
const QString fieldsForm = QStringLiteral("fields");
const QString urlForm = QStringLiteral("url");

ConnectionProfile::Form formOf(const QVariant &saved, const QString &url)
{
    if (saved.isValid())
        return saved.toString() == fieldsForm ? ConnectionProfile::Form::Fields
                                              : ConnectionProfile::Form::Url;
    const std::optional<ConnectionFields> fields = ConnectionFields::fromUrl(url);
    return fields && fields->toUrl() == url ? ConnectionProfile::Form::Fields
                                            : ConnectionProfile::Form::Url;
}
const QString lastKey = QStringLiteral("connections/last");
// The embedded profile's name is translated, so it is remembered by this marker instead.
const QString embeddedMarker = QStringLiteral(":embedded");

void writeAll(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    settings.remove(groupKey); // a shorter list leaves no stale entry behind
    settings.beginWriteArray(groupKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(nameKey, profile.name);
        settings.setValue(urlKey, profile.url);
        settings.setValue(
            formKey, profile.form == ConnectionProfile::Form::Fields ? fieldsForm : urlForm);
    }
    settings.endArray();
}

} // namespace

ConnectionProfiles::ConnectionProfiles(QSettings &settings)
    : m_settings(settings)
{ }

QString ConnectionProfiles::embeddedName()
{
    return Text::tr("Embedded database (this computer)");
}

QString ConnectionProfiles::withoutPassword(const QString &url)
{
    const Result<ConnectionSpec> spec = ConnectionSpec::fromUrl(url);
    if (!spec || spec->password.isEmpty())
        return url;
    return spec->displayUrl();
}

QList<ConnectionProfile> ConnectionProfiles::profiles() const
{
    QList<ConnectionProfile> result{{embeddedName(), QString()}};
    const int count = m_settings.beginReadArray(groupKey);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        const QString url = m_settings.value(urlKey).toString();
        result.append(
            {m_settings.value(nameKey).toString(), url, formOf(m_settings.value(formKey), url)});
    }
    m_settings.endArray();
    return result;
}

void ConnectionProfiles::save(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> saved = profiles().mid(1);
    const ConnectionProfile clean{profile.name, withoutPassword(profile.url), profile.form};
    auto found = std::find_if(saved.begin(), saved.end(),
        [&](const ConnectionProfile &p) { return p.name == profile.name; });
    if (found != saved.end())
        *found = clean;
    else
        saved.append(clean);
    writeAll(m_settings, saved);
}

void ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> saved = profiles().mid(1);
    saved.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    writeAll(m_settings, saved);
    // The console must not try to open a profile that is gone next time.
    if (m_settings.value(lastKey).toString() == name)
        m_settings.remove(lastKey);
}

QString ConnectionProfiles::lastUsed() const
{
    const QString name = m_settings.value(lastKey).toString();
    return name == embeddedMarker ? embeddedName() : name;
}

void ConnectionProfiles::setLastUsed(const QString &name)
{
    m_settings.setValue(lastKey, name == embeddedName() ? embeddedMarker : name);
}

std::optional<ConnectionProfile> ConnectionProfiles::last() const
{
    const QString name = lastUsed();
    if (name.isEmpty())
        return std::nullopt;
    for (const ConnectionProfile &profile : profiles()) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}
