#pragma once

#include "core/client/connectionprofiles.h"
#include "core/db/connectionspec.h"

#include <QDialog>
#include <QPointer>

class ConnectionProbe;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

// Saved connection profiles: the embedded default, or PostgreSQL by URL or by fields. No
// password is ever stored: libpq reads it from ~/.pgpass, PGPASSWORD or a service file.
// Connect tests the target first (off the GUI thread, with a deadline): a target that fails
// never replaces the working connection, and the dialog stays open with the error.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

    // Shows the connection in use and opens on its profile (or on its URL, unsaved).
    void setCurrentConnection(const ConnectionSpec &spec, const QString &user);

    // The URL the fields describe now (empty for the embedded database).
    QString currentUrl() const;
    QComboBox *profileField() const { return m_profile; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QLineEdit *databaseField() const { return m_database; }
    QLineEdit *userField() const { return m_user; }
    QComboBox *sslModeField() const { return m_sslMode; }
    QLineEdit *serviceField() const { return m_service; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *currentLabel() const { return m_current; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *resultLabel() const { return m_result; }
    ConnectionProbe *probe() const { return m_probe; }

    // The spec for a profile's URL (the embedded default for an empty one).
    static Result<ConnectionSpec> specFor(const QString &url);

signals:
    void connectRequested(const ConnectionSpec &spec);

private:
    enum class Purpose { Test, Connect };
    static constexpr int urlTab = 0;
    static constexpr int fieldsTab = 1;

    void loadProfiles(const QString &select);
    void showProfile(int index);
    // The form of the tab shown: what a profile saved now reopens in.
    ConnectionProfile::Form shownForm() const;
    void fieldsToUrl();
    void validate();
    void saveProfile();
    void removeProfile();
    void startProbe(Purpose purpose);
    void onProbeFinished(bool ok, const QString &message, bool reached);
    void finishConnect(const ConnectionSpec &spec);
    void setBusy(bool busy);

    QList<ConnectionProfile> m_profiles;
    int m_unsavedIndex = -1; // the current connection when no profile holds it
    Purpose m_purpose = Purpose::Test;
    ConnectionSpec m_probed;
    ConnectionProbe *m_probe;
    QLabel *m_current;
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
    QProgressBar *m_progress;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QPushButton *m_test;
    QPushButton *m_connect;
    QPushButton *m_save;
    QPushButton *m_remove;
    QPointer<QWidget> m_focusBeforeBusy; // where the focus goes back after a test
};
