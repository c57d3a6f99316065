#include "core/client/connectionprofiles.h"

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
const QString lastKey = QStringLiteral("connections/last");
// The embedded profile's name is translated, so it is remembered by this marker instead.
const QString embeddedMarker = QStringLiteral(":embedded");

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
        result.append({m_settings.value(nameKey).toString(), m_settings.value(urlKey).toString()});
    }
    m_settings.endArray();
    return result;
}

void ConnectionProfiles::save(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> saved = profiles().mid(1);
    const ConnectionProfile clean{profile.name, withoutPassword(profile.url)};
    auto found = std::find_if(saved.begin(), saved.end(),
        [&](const ConnectionProfile &p) { return p.name == profile.name; });
    if (found != saved.end())
        *found = clean;
    else
        saved.append(clean);
    m_settings.beginWriteArray(groupKey, int(saved.size()));
    for (int i = 0; i < saved.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(nameKey, saved.at(i).name);
        m_settings.setValue(urlKey, saved.at(i).url);
    }
    m_settings.endArray();
}

void ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> saved = profiles().mid(1);
    saved.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    m_settings.remove(groupKey);
    m_settings.beginWriteArray(groupKey, int(saved.size()));
    for (int i = 0; i < saved.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(nameKey, saved.at(i).name);
        m_settings.setValue(urlKey, saved.at(i).url);
    }
    m_settings.endArray();
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
