// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QCborMap>
#include <QObject>
#include <QPointer>

class QIODevice;

// Length-prefixed CBOR maps over a stream: a 4-byte big-endian length, then one CBOR map.
// The length is checked before the message is buffered.
class ControlChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlChannel)

public:
    explicit ControlChannel(QIODevice *device, QObject *parent = nullptr);

    void send(const QCborMap &message);
    // No more messages from this side: ends our direction of the stream (FIN). When the peer
    // ends its direction, the channel ends ours too, so the stream finishes on both sides and
    // a session that is draining (MuxSession::closeWhenDrained) does not wait for it.
    void end();
    QIODevice *device() const { return m_device; }

Q_SIGNALS:
    void messageReceived(const QCborMap &message);
    void failed(const QString &reason); // malformed or oversized message

private:
    void onReadyRead();

    QPointer<QIODevice> m_device;
    qint64 m_expected = -1; // length of the message being read, -1 while reading a length
    bool m_failed = false;
};
