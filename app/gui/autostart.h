// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QString>

// "Start at login" through the XDG Autostart specification: a desktop entry in
// $XDG_CONFIG_HOME/autostart (~/.config/autostart when the variable is unset or not absolute),
// which GNOME, KDE Plasma, Xfce, LXQt and most other desktops run when the user logs in.
namespace Autostart {

QString desktopFilePath();
bool isEnabled(); // the entry exists and is not marked Hidden=true
// Writes (atomically) or removes the entry. On failure returns false and, if error is given,
// says why in a sentence for the user.
bool setEnabled(bool enabled, const QString &executable, QString *error = nullptr);
// The Exec= value that starts `executable`: quoted and escaped as the specification requires.
QString execValue(const QString &executable);

} // namespace Autostart
