// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "controlchannel.h"
#include "muxsession.h"
#include "muxstream.h"

#include <QCborMap>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>

#include <memory>

// A client speaking the control protocol by hand, for what TunnelClient would never send.
struct RawClient
{
    explicit RawClient(quint16 controlPort,
                       const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
        : socket(new QTcpSocket)
    {
        socket->connectToHost(address, controlPort);
        socket->waitForConnected();
        session = std::make_unique<MuxSession>(socket, MuxSession::Side::Client);
        control = std::make_unique<ControlChannel>(session->openStream());
        replies = std::make_unique<QSignalSpy>(control.get(), &ControlChannel::messageReceived);
    }
    QCborMap reply(qsizetype index) const { return replies->at(index).at(0).value<QCborMap>(); }

    QTcpSocket *socket; // owned by the session
    std::unique_ptr<MuxSession> session;
    std::unique_ptr<ControlChannel> control;
    std::unique_ptr<QSignalSpy> replies;
};
