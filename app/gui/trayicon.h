// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tunnelclient.h"

#include <QObject>
#include <QSet>
#include <QSystemTrayIcon>
#include <QTimer>

class QAction;
class QMenu;
class TunnelActions;
class TunnelController;
class TunnelSet;

// The icon in the system tray: the state of all tunnels in one picture, its menu (the shown
// tunnel's commands, and with several tunnels a check box for each that starts or stops it
// alone), a left click that starts the shown tunnel and shows the window, and notifications
// when a tunnel opens, drops or comes back. Trays can appear after the app starts (or never):
// it keeps looking for a while, and until then the window is an ordinary window that quits the
// app when closed.
class TrayIcon : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    // `window`: what a click shows and hides
    TrayIcon(TunnelSet *tunnels, TunnelActions *actions, QWidget *window,
             QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isVisible() const { return m_icon.isVisible(); }
    QSystemTrayIcon *icon() { return &m_icon; }
    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    void availabilityChanged(bool available); // the window may hide on close only while true

private:
    void onActivated(QSystemTrayIcon::ActivationReason reason);
    void updateLook();
    void onOpened(TunnelController *tunnel, const QString &url, bool sameAsBefore);
    void onError(TunnelController *tunnel, const QString &message, bool fatal);
    QString titled(TunnelController *tunnel, const QString &title) const;
    void lookForTray();
    void showWindow();
    void listTunnels(); // as the menu opens: states and settings change

    TunnelSet *m_tunnels;
    QWidget *m_window;
    QSystemTrayIcon m_icon;
    QMenu *m_menu;
    QAction *m_tunnelsStart = nullptr; // where the list of tunnels begins in m_menu
    QList<QAction *> m_tunnelActions;
    QTimer m_trayRetry;
    int m_trayTries = 0;
    QSet<TunnelController *> m_online; // told once per drop, not at every retry
};
