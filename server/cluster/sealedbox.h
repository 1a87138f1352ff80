// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>

#include <optional>

// Authenticated encryption of what the nodes of a cluster keep in Redis and Redis should not
// read (a certificate's private key): AES-256-GCM (OpenSSL) under a key derived from the
// cluster secret and a purpose, a fresh 12-byte nonce in front of each box. Another secret,
// another purpose or a changed byte: open() refuses.
class SealedBox
{
public:
    SealedBox(const QByteArray &secret, const QByteArray &purpose);

    QByteArray seal(const QByteArray &plain) const;
    std::optional<QByteArray> open(const QByteArray &box) const;

private:
    QByteArray m_key; // 32 bytes
};
