// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "appsettings.h"
#include "configcommand.h"
#include "tunneloptions.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// What `rok ...` was asked to do.
struct CommandLine
{
    enum class Action { Tunnel, Tray, Config, PrintAndExit, Error };

    Action action = Action::Tray;
    TunnelOptions options;
    QStringList savedTunnels; // `rok start NAME...`: run these saved tunnels, on one connection
    bool allSavedTunnels = false; // `rok start --all`
    ConfigRequest config; // `rok config ...`
    bool serverGiven = false; // Tray: --server and --local override the settings for this run
    bool localGiven = false;
    bool tokenGiven = false; // --token or ROK_TOKEN
    bool trustGiven = false; // --ca or --fingerprint
    bool holdGiven = false; // --hold: for saved tunnels too
    static constexpr int MaxHoldSeconds = 3600;
    bool json = false;
    // --inspect [ADDRESS:]PORT: the request log over HTTP (Inspector); ADDRESS 127.0.0.1 unless
    // given, PORT 0 for any free one
    std::optional<std::pair<QHostAddress, quint16>> inspect;
    QString text; // help or version (PrintAndExit), or the error message (Error)

    static CommandLine parse(const QStringList &arguments, const QByteArray &tokenFromEnvironment);
    // main()'s arguments, and ROK_TOKEN from the environment
    static CommandLine parse(int argc, char *argv[]);

    bool startsSaved() const { return allSavedTunnels || !savedTunnels.isEmpty(); }
    // The saved tunnels this command runs: rok start's, or the current one for rok http|tcp
    // (for its server and token). Empty, with *error, for a name not saved or tunnels on
    // different servers (one connection goes to one server).
    QList<AppSettings::Profile> savedProfiles(const AppSettings &settings, QString *error) const;

    // What a tunnel runs with, given the saved tunnel (one of `rok start`'s, or the current one
    // for `rok http|tcp`): `rok start` takes all of it, `rok http|tcp` its server and trust; what
    // the command line gives wins. The saved token is for the saved server only, so it is used (see
    // usesSavedToken) only when no token was given and the server is the saved one.
    TunnelOptions optionsWith(const AppSettings::Profile &saved) const;
    bool usesSavedToken(const AppSettings::Profile &saved) const;
};
