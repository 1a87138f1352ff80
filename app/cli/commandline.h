#pragma once

#include "tunneloptions.h"

#include <QString>
#include <QStringList>

// What `rok ...` was asked to do.
struct CommandLine
{
    enum class Action { Tunnel, Tray, PrintAndExit, Error };

    Action action = Action::Tray;
    TunnelOptions options;
    bool serverGiven = false; // Tray: --server and --local override the settings for this run
    bool localGiven = false;
    bool json = false;
    QString text; // help or version (PrintAndExit), or the error message (Error)

    static CommandLine parse(const QStringList &arguments, const QByteArray &tokenFromEnvironment);
};
