#pragma once

#include "tunnelclient.h"

#include <QObject>
#include <QSystemTrayIcon>
#include <QTimer>

class QMenu;
class TunnelActions;
class TunnelController;

// The icon in the system tray: its state picture, its menu, a left click that starts the
// tunnel and shows the window, and notifications when the tunnel opens, drops or comes back.
// Trays can appear after the app starts (or never): it keeps looking for a while, and until
// then the window is an ordinary window that quits the app when closed.
class TrayIcon : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    // `window`: what a click shows and hides
    TrayIcon(TunnelController *controller, TunnelActions *actions, QWidget *window,
             QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isVisible() const { return m_icon.isVisible(); }
    QSystemTrayIcon *icon() { return &m_icon; }
    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    void availabilityChanged(bool available); // the window may hide on close only while true

private:
    void onActivated(QSystemTrayIcon::ActivationReason reason);
    void onStateChanged(TunnelClient::State state);
    void onOpened(const QString &url, bool sameAsBefore);
    void onError(const QString &message, bool fatal);
    void lookForTray();
    void showWindow();
    void listSavedTunnels(); // as the menu opens: the settings may have changed

    TunnelController *m_controller;
    QWidget *m_window;
    QSystemTrayIcon m_icon;
    QMenu *m_menu;
    QMenu *m_saved; // the saved tunnels, the current one checked
    QTimer m_trayRetry;
    int m_trayTries = 0;
    bool m_wasOnline = false;
};
