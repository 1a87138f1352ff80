// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>
#include <utility>

// An address and port as logs, headers, flags and Redis write them: "203.0.113.7:52114",
// "[2001:db8::1]:443".
namespace Endpoint {

QString toString(const QHostAddress &address, quint16 port);
// The inverse, for an IP address only (no host names): nothing if `text` is not one.
std::optional<std::pair<QHostAddress, quint16>> parse(const QString &text);

} // namespace Endpoint
