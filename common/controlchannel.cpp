// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "controlchannel.h"

#include "duplexdevice.h"
#include "protocol.h"

#include <QCborValue>
#include <QIODevice>
#include <QtEndian>

ControlChannel::ControlChannel(QIODevice *device, QObject *parent)
    : QObject(parent)
    , m_device(device)
{
    connect(device, &QIODevice::readyRead, this, &ControlChannel::onReadyRead);
    connect(device, &QIODevice::readChannelFinished, this, &ControlChannel::end);
    if (device->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ControlChannel::onReadyRead, Qt::QueuedConnection);
}

void ControlChannel::send(const QCborMap &message)
{
    if (!m_device)
        return;
    m_device->write(Protocol::frame(message));
}

void ControlChannel::end()
{
    if (auto *duplex = qobject_cast<DuplexDevice *>(m_device.data()))
        duplex->closeWrite();
}

void ControlChannel::onReadyRead()
{
    while (m_device && !m_failed) {
        if (m_expected < 0) {
            if (m_device->bytesAvailable() < 4)
                return;
            char raw[4];
            m_device->read(raw, 4);
            m_expected = qFromBigEndian<quint32>(raw);
            if (m_expected > Protocol::MaxMessageSize) {
                m_failed = true;
                Q_EMIT failed(tr("control message of %1 bytes is larger than the limit of %2")
                                      .arg(m_expected)
                                      .arg(Protocol::MaxMessageSize));
                return;
            }
        }
        if (m_device->bytesAvailable() < m_expected)
            return;
        const QByteArray body = m_device->read(m_expected);
        m_expected = -1;
        QCborParserError error;
        const QCborValue value = QCborValue::fromCbor(body, &error);
        if (error.error != QCborError::NoError || !value.isMap()) {
            m_failed = true;
            Q_EMIT failed(tr("malformed control message"));
            return;
        }
        Q_EMIT messageReceived(value.toMap());
    }
}
