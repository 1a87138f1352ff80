// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "units.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Units {

namespace {
QLocale numberLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale;
}
} // namespace

QString bytes(qint64 count)
{
    const QLocale locale = numberLocale();
    if (count < 1024)
        return QCoreApplication::translate("Units", "%1 B", "bytes").arg(count);
    static constexpr double KiB = 1024.0;
    // switch units where rounding to one decimal would show 1024.0
    if (count < 1023.95 * KiB)
        return QCoreApplication::translate("Units", "%1 KiB")
                .arg(locale.toString(count / KiB, 'f', 1));
    if (count < 1023.95 * KiB * KiB)
        return QCoreApplication::translate("Units", "%1 MiB")
                .arg(locale.toString(count / (KiB * KiB), 'f', 1));
    return QCoreApplication::translate("Units", "%1 GiB")
            .arg(locale.toString(count / (KiB * KiB * KiB), 'f', 2));
}

QString duration(double ms)
{
    const QLocale locale = numberLocale();
    if (!std::isfinite(ms) || ms < 0)
        ms = 0;
    if (ms < 9.995)
        return QCoreApplication::translate("Units", "%1 ms", "milliseconds")
                .arg(locale.toString(ms, 'f', 2));
    if (ms < 999.5)
        return QCoreApplication::translate("Units", "%1 ms", "milliseconds")
                .arg(locale.toString(ms, 'f', 0));
    if (ms < 59'995)
        return QCoreApplication::translate("Units", "%1 s", "seconds")
                .arg(locale.toString(ms / 1000, 'f', 2));
    // long-lived connections (an upgraded websocket): whole minutes and seconds
    const auto seconds = qint64(std::llround(ms / 1000));
    if (seconds < 3600)
        return QCoreApplication::translate("Units", "%1 min %2 s")
                .arg(seconds / 60)
                .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Units", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace Units
