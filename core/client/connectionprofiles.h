#pragma once

#include <QList>
#include <QString>

#include <optional>

class QSettings;

// A saved connection: a name and a URL that never carries a password (libpq finds it in
// ~/.pgpass, PGPASSWORD or a service file), and the form it was entered in.
struct ConnectionProfile {
    // How the admin entered it: Connect to… reopens it the same way.
    enum class Form { Url, Fields };

    QString name;
    QString url; // empty: the embedded default database
    Form form = Form::Url; // as entered (an older console's profile: see profiles())

    bool isEmbedded() const { return url.isEmpty(); }
    bool operator==(const ConnectionProfile &) const = default;
};

// The profiles and the last one used, kept in QSettings.
class ConnectionProfiles final {
public:
    explicit ConnectionProfiles(QSettings &settings);
    Q_DISABLE_COPY_MOVE(ConnectionProfiles)

    // The embedded default first, then the saved ones.
    QList<ConnectionProfile> profiles() const;
    // Adds or replaces (by name); the URL's password, if any, is dropped.
    void save(const ConnectionProfile &profile);
    void remove(const QString &name);
    QString lastUsed() const; // a profile name; empty when none
    void setLastUsed(const QString &name);
    // The last used profile, if it still exists.
    std::optional<ConnectionProfile> last() const;

    static QString embeddedName();
    static QString withoutPassword(const QString &url);

private:
    QSettings &m_settings;
};
