// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

// rok's settings file (QSettings "rok"/"rok", so AppSettings and its tokens without a keyring)
// in a temporary folder for the life of a test program: never the user's own. clear() empties
// it, for each test function to start from nothing.
class ScratchSettings
{
public:
    ScratchSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }
    bool isValid() const
    {
        return m_dir.isValid()
                && QSettings(QStringLiteral("rok"), QStringLiteral("rok"))
                           .fileName()
                           .startsWith(m_dir.path());
    }
    static void clear()
    {
        QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
        file.clear();
        file.sync();
    }

private:
    QTemporaryDir m_dir;
};
