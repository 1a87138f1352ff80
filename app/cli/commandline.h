#pragma once

#include "appsettings.h"
#include "configcommand.h"
#include "tunneloptions.h"

#include <QString>
#include <QStringList>

// What `rok ...` was asked to do.
struct CommandLine
{
    enum class Action { Tunnel, Tray, Config, PrintAndExit, Error };

    Action action = Action::Tray;
    TunnelOptions options;
    QString savedTunnel; // `rok start NAME`: run this saved tunnel
    ConfigRequest config; // `rok config ...`
    bool serverGiven = false; // Tray: --server and --local override the settings for this run
    bool localGiven = false;
    bool tokenGiven = false; // --token or ROK_TOKEN
    bool trustGiven = false; // --ca or --fingerprint
    bool json = false;
    QString text; // help or version (PrintAndExit), or the error message (Error)

    static CommandLine parse(const QStringList &arguments, const QByteArray &tokenFromEnvironment);

    // What a tunnel runs with, given the saved tunnel (`rok start NAME`'s, or the current one for
    // `rok http|tcp`): `rok start` takes all of it, `rok http|tcp` its server and trust; what the
    // command line gives wins. The saved token is for the saved server only, so it is used (see
    // usesSavedToken) only when no token was given and the server is the saved one.
    TunnelOptions optionsWith(const AppSettings::Profile &saved) const;
    bool usesSavedToken(const AppSettings::Profile &saved) const;
};
