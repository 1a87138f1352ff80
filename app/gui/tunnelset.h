// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tunnelclient.h"

#include <QList>
#include <QObject>

#include <memory>
#include <vector>

class AppSettings;
class TunnelController;

// The tray app's tunnels: one TunnelController per saved profile, in the settings' order, each
// starting and stopping alone. current() is the one the window shows and the commands (start,
// copy, open) act on: the settings' current profile, which a click in the window's list
// changes. After the settings dialog, applySettings() follows its profiles: new ones are added,
// removed ones stopped and dropped, changed ones restarted if they run.
class TunnelSet : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelSet)

public:
    explicit TunnelSet(AppSettings *settings, QObject *parent = nullptr);
    ~TunnelSet() override;

    QList<TunnelController *> tunnels() const;
    TunnelController *find(const QString &name) const; // nullptr: no such tunnel
    TunnelController *current() const { return m_current; }
    void setCurrent(TunnelController *tunnel); // and saves it as the current profile
    void applySettings();
    AppSettings *settings() const { return m_settings; }

    // All of them in one state, for the tray icon: online if any is, else the busiest of the
    // others (reconnecting, connecting, failed), else stopped.
    TunnelClient::State state() const;
    bool isAnyRunning() const;

Q_SIGNALS:
    void currentChanged(TunnelController *current);
    void tunnelsChanged(); // added or removed
    void stateChanged(); // any tunnel's
    void tunnelOpened(TunnelController *tunnel, const QString &url, bool sameAsBefore);
    void errorOccurred(TunnelController *tunnel, const QString &message, bool fatal);
    void setupNeeded(); // a start found nothing set up: ask for the server first

private:
    std::unique_ptr<TunnelController> make(const QString &name); // wired to the set's signals

    AppSettings *m_settings;
    std::vector<std::unique_ptr<TunnelController>> m_tunnels;
    TunnelController *m_current = nullptr;
};
