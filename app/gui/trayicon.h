#pragma once

#include "tunnelclient.h"

#include <QObject>
#include <QSystemTrayIcon>
#include <QTimer>

class MainWindow;
class QAction;
class QMenu;
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
    TrayIcon(TunnelController *controller, MainWindow *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isVisible() const { return m_icon.isVisible(); }
    QSystemTrayIcon *icon() { return &m_icon; }
    QMenu *menu() const { return m_menu; }

    static QIcon iconFor(TunnelClient::State state);
    static QString textFor(TunnelClient::State state); // for people: "Online", "Reconnecting…"
    // rok's own icon for windows: the installed one (hicolor "rok"), so the theme's sizes are
    // used, or the built-in one when rok runs from its build folder.
    static QIcon appIcon();

Q_SIGNALS:
    void availabilityChanged(bool available);

private:
    void onActivated(QSystemTrayIcon::ActivationReason reason);
    void onStateChanged(TunnelClient::State state);
    void onOpened(const QString &url, bool sameAsBefore);
    void onError(const QString &message, bool fatal);
    void lookForTray();
    void showWindow();
    void listSavedTunnels(); // as the menu opens: the settings may have changed

    TunnelController *m_controller;
    MainWindow *m_window;
    QSystemTrayIcon m_icon;
    QMenu *m_menu;
    QAction *m_startStop;
    QAction *m_copy;
    QAction *m_open;
    QMenu *m_saved; // the saved tunnels, the current one checked
    QTimer m_trayRetry;
    int m_trayTries = 0;
    bool m_wasOnline = false;
};
