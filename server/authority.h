// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// The host a visitor asked for, from a Host header or an absolute-form request target,
// checked strictly (RFC 9110 7.2, RFC 3986 3.2): a DNS name or IP literal and an optional
// port, nothing else. A Host such as "t.localhost:1, evil.com" or "t.localhost:@evil.com"
// has no Authority, so no later hop can read it differently than the edge did.
struct Authority
{
    QByteArray host; // lowercase ASCII, no trailing dot; an IPv6 literal keeps its brackets
    int port = -1; // -1: none given

    static std::optional<Authority> parse(QByteArrayView text);

    QByteArray toByteArray() const; // "host[:port]", the canonical spelling
    // NAME when host is NAME.DOMAIN with NAME one label; empty otherwise
    QString tunnelName(const QString &domain) const;
};
