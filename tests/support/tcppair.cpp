// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tcppair.h"

#include "listener.h"
#include "tcpconnection.h"

#include <QSignalSpy>
#include <QTest>

bool connectTcpPair(QObject *owner, TcpConnection *&client, TcpConnection *&server)
{
    client = nullptr;
    server = nullptr;
    Listener listener;
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return false;
    QObject::connect(&listener, &Listener::accepted, &listener,
                     [&](qintptr descriptor) { server = new TcpConnection(descriptor, owner); });
    client = new TcpConnection(owner);
    QSignalSpy connected(client, &TcpConnection::connected);
    client->connectTo({QHostAddress(QHostAddress::LocalHost)}, listener.serverPort());
    if (!(connected.count() || connected.wait(5000)))
        return false;
    return QTest::qWaitFor([&] { return server != nullptr; }, 5000);
}

QByteArray bytePattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 7 + i / 251) & 0xff);
    return data;
}
