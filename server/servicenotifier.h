// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QString>

// Tells systemd (Type=notify) where rok-server is: ready once it listens, reloading while it
// rereads certificates and tokens on SIGHUP, stopping when it shuts down. Without NOTIFY_SOCKET
// (not started by systemd) every call does nothing.
namespace ServiceNotifier {

void ready(const QString &status); // STATUS= is what `systemctl status` shows
void reloading();
void stopping();

} // namespace ServiceNotifier
