#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A TCP forwarder on 127.0.0.1 that a test can cut: cut() closes every connection and refuses
// new ones, as a database that went away; restore() lets them through again. It lives in the
// test's thread: the test's event loop (QTRY_*, qWait) moves the bytes.
class TcpProxy final : public QObject {
    Q_OBJECT
public:
    TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);
    quint16 port() const { return m_port; }
    bool listening() const { return m_server.isListening(); }
    void cut();
    void restore();

private:
    void accept();

    QString m_host;
    quint16 m_targetPort;
    quint16 m_port = 0;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
};
