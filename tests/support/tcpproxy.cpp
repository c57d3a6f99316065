#include "support/tcpproxy.h"

#include <QHostAddress>

TcpProxy::TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_host(targetHost)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
    m_server.listen(QHostAddress::LocalHost);
    m_port = m_server.serverPort();
}

void TcpProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(this);
        client->setParent(this);
        m_sockets << client << upstream;
        const auto pipe = [](QTcpSocket *from, QTcpSocket *to) {
            connect(from, &QTcpSocket::readyRead, to, [from, to] {
                if (to->state() == QAbstractSocket::ConnectedState)
                    to->write(from->readAll());
            });
            connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
        };
        pipe(client, upstream);
        pipe(upstream, client);
        // Bytes the client sent before the upstream connection was up.
        connect(upstream, &QTcpSocket::connected, client,
            [client, upstream] { upstream->write(client->readAll()); });
        upstream->connectToHost(m_host, m_targetPort);
    }
}

void TcpProxy::cut()
{
    m_server.close();
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
}

void TcpProxy::restore()
{
    if (!m_server.isListening())
        m_server.listen(QHostAddress::LocalHost, m_port);
}
