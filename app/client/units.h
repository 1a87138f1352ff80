// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QString>

// Sizes and durations as people read them, shared by the CLI's lines and the tray app's table.
namespace Units {

QString bytes(qint64 bytes); // "512 B", "1.2 KiB", "3.4 MiB", "2.00 GiB"
QString duration(double ms); // "4.59 ms", "120 ms", "1.20 s", "2 min 05 s", "1 h 02 min"

} // namespace Units
