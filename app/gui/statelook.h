// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tunnelclient.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

// How the tray app shows a tunnel state: one icon and one text for people ("Online",
// "Reconnecting…"), the same in the tray, its tooltip and the window.
struct StateLook
{
    Q_DECLARE_TR_FUNCTIONS(StateLook)

public:
    QIcon icon;
    QString text;

    static StateLook of(TunnelClient::State state);
    // rok's own icon for windows: the installed one (hicolor "rok"), so the theme's sizes are
    // used, or the built-in one when rok runs from its build folder.
    static QIcon appIcon();
};
