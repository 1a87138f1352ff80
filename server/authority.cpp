// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "authority.h"

#include <algorithm>

namespace {

constexpr qsizetype MaxHostLength = 253; // RFC 1035, without the trailing dot

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Labels of letters, digits, '-' and '_' (seen in real hostnames), none empty.
bool isDnsName(QByteArrayView host)
{
    if (host.isEmpty() || host.size() > MaxHostLength)
        return false;
    char previous = '.';
    for (const char c : host) {
        if (c == '.' ? previous == '.' : !isNameChar(c))
            return false;
        previous = c;
    }
    return previous != '.';
}

bool isIpv6Literal(QByteArrayView host)
{
    if (host.size() < 4 || !host.startsWith('[') || !host.endsWith(']'))
        return false;
    const QByteArrayView inner = host.sliced(1, host.size() - 2);
    return std::all_of(inner.begin(), inner.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
    });
}

} // namespace

std::optional<Authority> Authority::parse(QByteArrayView text)
{
    // host [ ":" port ]; the host of an IPv6 literal contains colons of its own
    const qsizetype close = text.startsWith('[') ? text.indexOf(']') : -1;
    const qsizetype colon = text.indexOf(':', qMax<qsizetype>(close, 0));
    QByteArray host = text.first(colon < 0 ? text.size() : colon).toByteArray().toLower();
    if (host.endsWith('.'))
        host.chop(1);
    if (!isDnsName(host) && !isIpv6Literal(host))
        return std::nullopt;
    Authority authority{host, -1};
    if (colon < 0)
        return authority;
    const QByteArrayView port = text.sliced(colon + 1);
    if (port.isEmpty())
        return authority; // "host:" is allowed: an empty port means the default
    if (port.size() > 5
        || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    authority.port = port.toInt();
    if (authority.port > 65535)
        return std::nullopt;
    return authority;
}

QByteArray Authority::toByteArray() const
{
    return port < 0 ? host : host + ':' + QByteArray::number(port);
}

QString Authority::tunnelName(const QString &domain) const
{
    const QByteArray suffix = '.' + domain.toLatin1();
    if (!host.endsWith(suffix))
        return {};
    const QByteArray name = host.chopped(suffix.size());
    if (name.isEmpty() || name.contains('.'))
        return {};
    return QString::fromLatin1(name);
}
