// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>

class QObject;
class TcpConnection;

// A connected pair of loopback TcpConnections, owned by `owner`: `client` connected with
// connectTo(), `server` adopted from a listener. False if they could not connect in 5 s.
bool connectTcpPair(QObject *owner, TcpConnection *&client, TcpConnection *&server);

// `size` bytes of a pattern that does not repeat every 256 bytes, to catch reordering.
QByteArray bytePattern(qsizetype size);
