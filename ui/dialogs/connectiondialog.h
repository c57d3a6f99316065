#pragma once

#include "core/client/connectionprofiles.h"
#include "core/db/connectionspec.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

// Saved connection profiles: the embedded default, or PostgreSQL by URL or by fields. No
// password is ever stored: libpq reads it from ~/.pgpass, PGPASSWORD or a service file.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

    // The URL the fields describe now (empty for the embedded database).
    QString currentUrl() const;
    QComboBox *profileField() const { return m_profile; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }

    // The spec for a profile's URL (the embedded default for an empty one).
    static Result<ConnectionSpec> specFor(const QString &url);

signals:
    void connectRequested(const ConnectionSpec &spec);

private:
    void loadProfiles(const QString &select);
    void showProfile(int index);
    void fieldsToUrl();
    void validate();
    void saveProfile();
    void removeProfile();
    void connectNow();

    QList<ConnectionProfile> m_profiles;
    QComboBox *m_profile;
    QLineEdit *m_name;
    QTabWidget *m_tabs;
    QLineEdit *m_url;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QComboBox *m_sslMode;
    QLineEdit *m_service;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
