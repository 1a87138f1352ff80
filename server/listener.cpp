#include "listener.h"

#include <QNetworkProxy>

Listener::Listener(QObject *parent)
    : QTcpServer(parent)
{
    setProxy(QNetworkProxy::NoProxy);
}

void Listener::incomingConnection(qintptr descriptor)
{
    Q_EMIT accepted(descriptor);
}
