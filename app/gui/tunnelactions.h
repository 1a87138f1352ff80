// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>

class QAbstractButton;
class QAction;
class TunnelController;
class TunnelSet;

// The tray app's commands, one QAction each, shared by the window's menus and buttons and by
// the tray menu (as Qt's systray example shares its actions): one text per command, and one
// place that enables them as the tunnel's state changes. Starting, stopping, copying and
// opening act here, on the tunnel the window shows; showing the window, the settings and quitting are for whoever owns the
// window to connect.
class TunnelActions : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelActions)

public:
    explicit TunnelActions(TunnelSet *tunnels, QObject *parent = nullptr);
    ~TunnelActions() override;

    QAction *startStop() const { return m_startStop; } // its text says what a click does
    QAction *copyUrl() const { return m_copyUrl; }
    QAction *openUrl() const { return m_openUrl; }
    QAction *showWindow() const { return m_showWindow; }
    QAction *settings() const { return m_settings; }
    QAction *quit() const { return m_quit; }

    // Makes `button` trigger `action` and show its text, icon and enabled state.
    static void bind(QAbstractButton *button, QAction *action);

Q_SIGNALS:
    void urlCopied(const QString &url);

private:
    void update();
    void copy();
    void open();

    TunnelController *current() const;

    TunnelSet *m_tunnels;
    QAction *m_startStop;
    QAction *m_copyUrl;
    QAction *m_openUrl;
    QAction *m_showWindow;
    QAction *m_settings;
    QAction *m_quit;
};
