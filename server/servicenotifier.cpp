// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "servicenotifier.h"

#include <systemd/sd-daemon.h>

#include <ctime>

namespace ServiceNotifier {

void ready(const QString &status)
{
    // A newline would start another assignment: the status is one line.
    const QByteArray line = status.toUtf8().replace('\n', ' ');
    sd_notifyf(0, "READY=1\nSTATUS=%s", line.constData());
}

void reloading()
{
    // MONOTONIC_USEC lets systemd 253's Type=notify-reload match this to the SIGHUP it sent.
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const unsigned long long usec = (unsigned long long)(now.tv_sec) * 1000000ULL
            + (unsigned long long)(now.tv_nsec / 1000);
    sd_notifyf(0, "RELOADING=1\nMONOTONIC_USEC=%llu", usec);
}

void stopping()
{
    sd_notify(0, "STOPPING=1");
}

} // namespace ServiceNotifier
