// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "appsettings.h"
#include "commandline.h"
#include "signalwatcher.h"
#include "singleinstance.h"
#include "translations.h"
#include "trayapp.h"

#include <QApplication>

#include <cstdio>

// rok-tray: the tray app, which `rok` without a command becomes (see startTray() in main.cpp).
// It takes the same arguments as `rok` alone.

namespace {

int runTray(int argc, char *argv[], const CommandLine &command)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rok"));
    QApplication::setOrganizationName(QStringLiteral("rok"));
    QApplication::setApplicationVersion(QStringLiteral(ROK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(ROK_APP_ID)); // its desktop entry
    Translations::install();
    // One tray app per settings file: a second `rok` hands its arguments to the first.
    SingleInstance instance(AppSettings::defaultFileName());
    if (!instance.claim()) {
        QString error;
        if (!instance.handOver(QCoreApplication::arguments().mid(1), &error)) {
            std::fprintf(stderr, "rok: %s\n", qPrintable(error));
            return 1;
        }
        std::fputs(qPrintable(QCoreApplication::translate(
                           "CommandLine", "rok is already running: its window shows.\n")),
                   stderr);
        return 0;
    }
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    return runTrayApp(app, command, &instance);
}

} // namespace

int main(int argc, char *argv[])
{
    const CommandLine command = CommandLine::parse(argc, argv);
    if (command.action != CommandLine::Action::Tray) {
        std::fputs("rok-tray: takes the options of 'rok' alone; see 'rok --help'.\n", stderr);
        return 2;
    }
    return runTray(argc, argv, command);
}
