// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHash>
#include <QMainWindow>

class AppSettings;
class QAction;
class QMenu;
class QStackedWidget;
class QTableView;
class RequestLogModel;
class TunnelActions;
class TunnelController;
class TunnelList;
class TunnelSet;
class TunnelView;

// The tray app's window: with several saved tunnels a list of them (each with its address and
// state, and a check box that starts or stops it alone), and below it the one selected, as a
// TunnelView: its URL, state, figures and request log. The menus hold the shared TunnelActions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(TunnelSet *tunnels, TunnelActions *actions, AppSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void setHideOnClose(bool hide) { m_hideOnClose = hide; } // when a tray icon can bring it back
    bool exportHar(const QString &path); // the shown tunnel's; false (and a message box) on failure
    void showSettings();
    // The first start, with nothing set up: the settings, saying why, and the tunnel starts
    // once they are accepted.
    void showFirstStartSettings();

    TunnelView *currentView() const;
    RequestLogModel *model() const; // the shown tunnel's
    QTableView *table() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override; // saves the layout

private:
    void saveLayout(); // size, place and splitter, for the next start
    void openSettings(const QString &prompt, bool startWhenAccepted);
    void createMenus();
    void showTunnel(TunnelController *tunnel); // makes its view if it has none yet
    void dropGoneViews(); // of tunnels the settings no longer have
    void showAbout();

    TunnelSet *m_tunnels;
    TunnelActions *m_actions;
    AppSettings *m_settings;
    bool m_hideOnClose = false;
    TunnelList *m_list = nullptr;
    QStackedWidget *m_views = nullptr;
    QHash<TunnelController *, TunnelView *> m_viewOf;
    QMenu *m_tunnelMenu = nullptr;
    QAction *m_shownPause = nullptr; // the shown view's Pause Capture, in m_tunnelMenu
};
