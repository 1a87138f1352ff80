// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "autostart.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Autostart {

namespace {

// The escapes of a desktop entry value of type string ("\\", "\n", "\t", "\r").
QString escapeValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            escaped += QStringLiteral("\\\\");
        else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else if (c == u'\t')
            escaped += QStringLiteral("\\t");
        else if (c == u'\r')
            escaped += QStringLiteral("\\r");
        else
            escaped += c;
    }
    return escaped;
}

} // namespace

QString desktopFilePath()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || QDir::isRelativePath(config)) // the specification says to ignore it
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/autostart/rok.desktop");
}

QString execValue(const QString &executable)
{
    // "Literal percentage characters must be escaped as %%", then the quoting rule for arguments
    // with reserved characters, then the string escapes, which apply first when it is read.
    QString argument = executable;
    argument.replace(u'%', QStringLiteral("%%"));
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#`()");
    const bool quote = std::any_of(argument.cbegin(), argument.cend(),
                                   [](QChar c) { return reserved.contains(c); });
    if (quote) {
        QString quoted = QStringLiteral("\"");
        for (const QChar c : argument) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                quoted += u'\\';
            quoted += c;
        }
        quoted += u'"';
        argument = quoted;
    }
    return escapeValue(argument);
}

bool isEnabled()
{
    QFile file(desktopFilePath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    bool inEntry = false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.startsWith('['))
            inEntry = line == "[Desktop Entry]";
        else if (inEntry && line.startsWith("Hidden")
                 && line.mid(6).trimmed() == "=true") // "Hidden=true" or "Hidden = true"
            return false;
    }
    return true;
}

bool setEnabled(bool enabled, const QString &executable, QString *error)
{
    const QString path = desktopFilePath();
    if (!enabled) {
        if (!QFileInfo::exists(path) || QFile::remove(path))
            return true;
        if (error)
            *error = QCoreApplication::translate("Autostart", "Could not remove %1.")
                             .arg(QDir::toNativeSeparators(path));
        return false;
    }

    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QCoreApplication::translate("Autostart", "Could not create the folder %1.")
                             .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    const QString comment = QCoreApplication::translate(
            "Autostart", "Public URLs for local ports, with a live request log");
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=rok\n"
                                         "Comment=%1\n"
                                         "Exec=%2\n"
                                         "Icon=rok\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                                  .arg(escapeValue(comment), execValue(executable));
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(entry.toUtf8()) >= 0 && file.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("Autostart", "Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace Autostart
