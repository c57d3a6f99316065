#pragma once

#include <QFrame>

class QLabel;

// A strip above the table that says the connection is being re-established.
class ConnectionBanner final : public QFrame {
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ConnectionBanner)

    void showMessage(const QString &title, const QString &detail);
    QString text() const;

private:
    QLabel *m_label;
};
