// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "trayicon.h"

#include "statelook.h"
#include "tunnelactions.h"
#include "tunnelcontroller.h"
#include "tunnelset.h"

#include "appsettings.h"

#include <QApplication>
#include <QMenu>

namespace {
constexpr int TrayTries = 5; // like KeePassXC: 5 tries, 5 s apart
}

TrayIcon::TrayIcon(TunnelSet *tunnels, TunnelActions *actions, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_tunnels(tunnels)
    , m_window(window)
    , m_menu(new QMenu) // QSystemTrayIcon does not own its menu
{
    m_menu->addActions({actions->startStop(), actions->copyUrl(), actions->openUrl()});
    m_tunnelsStart = m_menu->addSeparator();
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::listTunnels);
    m_menu->addSeparator();
    m_menu->addActions({actions->showWindow(), actions->settings()});
    connect(actions->showWindow(), &QAction::triggered, this, &TrayIcon::showWindow);
    m_menu->addSeparator();
    m_menu->addAction(actions->quit());
    listTunnels();
    m_icon.setContextMenu(m_menu);
    m_icon.setToolTip(tr("rok"));
    connect(&m_icon, &QSystemTrayIcon::activated, this, &TrayIcon::onActivated);
    connect(tunnels, &TunnelSet::stateChanged, this, &TrayIcon::updateLook);
    connect(tunnels, &TunnelSet::tunnelsChanged, this, &TrayIcon::updateLook);
    connect(tunnels, &TunnelSet::tunnelOpened, this, &TrayIcon::onOpened);
    connect(tunnels, &TunnelSet::errorOccurred, this, &TrayIcon::onError);
    updateLook();

    m_trayRetry.setInterval(std::chrono::seconds(5));
    connect(&m_trayRetry, &QTimer::timeout, this, &TrayIcon::lookForTray);
    lookForTray();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

// With several tunnels, one check box each: checked while it runs; a click starts or stops
// that one alone.
void TrayIcon::listTunnels()
{
    qDeleteAll(m_tunnelActions);
    m_tunnelActions.clear();
    const QList<TunnelController *> tunnels = m_tunnels->tunnels();
    if (tunnels.size() > 1) {
        QAction *before = m_menu->actions().at(m_menu->actions().indexOf(m_tunnelsStart) + 1);
        for (TunnelController *tunnel : tunnels) {
            const AppSettings::Profile profile = tunnel->profile();
            // "web (http, localhost:3000)": which service each one shares.
            auto *action = new QAction(
                    tr("%1 (%2, %3)", "a saved tunnel: its name, http or tcp, its local address")
                            .arg(profile.name, profile.protocol, profile.local),
                    m_menu);
            action->setCheckable(true);
            action->setChecked(tunnel->isRunning());
            connect(action, &QAction::triggered, tunnel, &TunnelController::toggle);
            m_menu->insertAction(before, action);
            m_tunnelActions.append(action);
        }
    }
    m_tunnelsStart->setVisible(!m_tunnelActions.isEmpty());
}

void TrayIcon::lookForTray()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    if (available) {
        m_trayRetry.stop();
        m_icon.show();
    } else if (++m_trayTries < TrayTries && !m_trayRetry.isActive()) {
        m_trayRetry.start();
    } else if (m_trayTries >= TrayTries) {
        m_trayRetry.stop();
    }
    QApplication::setQuitOnLastWindowClosed(!available);
    Q_EMIT availabilityChanged(available);
}

void TrayIcon::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason != QSystemTrayIcon::Trigger && reason != QSystemTrayIcon::DoubleClick)
        return;
    if (!m_tunnels->isAnyRunning()) {
        m_tunnels->current()->start();
    } else if (reason == QSystemTrayIcon::Trigger && m_window->isVisible()
               && !m_window->isMinimized()) {
        m_window->hide(); // a click while a tunnel runs toggles the window
        return;
    }
    showWindow();
}

void TrayIcon::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

// The icon: all tunnels together. The tooltip: the URL of the one tunnel, or a line each.
void TrayIcon::updateLook()
{
    m_icon.setIcon(StateLook::of(m_tunnels->state()).icon);
    const QList<TunnelController *> tunnels = m_tunnels->tunnels();
    const auto line = [](TunnelController *tunnel) {
        return tunnel->state() == TunnelClient::State::Online ? tunnel->url()
                                                              : StateLook::of(tunnel->state()).text;
    };
    if (tunnels.size() == 1) {
        m_icon.setToolTip(tr("rok: %1").arg(line(tunnels.constFirst())));
        return;
    }
    QStringList lines{tr("rok")};
    for (TunnelController *tunnel : tunnels)
        lines.append(tr("%1: %2", "a tunnel's name, and its URL or state")
                             .arg(tunnel->name(), line(tunnel)));
    m_icon.setToolTip(lines.join(u'\n'));
}

QString TrayIcon::titled(TunnelController *tunnel, const QString &title) const
{
    if (m_tunnels->tunnels().size() < 2)
        return title;
    return tr("%1: %2", "a tunnel's name, and what happened to it").arg(tunnel->name(), title);
}

void TrayIcon::onOpened(TunnelController *tunnel, const QString &url, bool sameAsBefore)
{
    updateLook();
    const QString title = sameAsBefore ? tr("Tunnel back online") : tr("Tunnel open");
    m_icon.showMessage(titled(tunnel, title),
                       tr("%1 → %2").arg(url, tunnel->options().local.toString()),
                       StateLook::of(TunnelClient::State::Online).icon, 4000);
    m_online.insert(tunnel);
}

void TrayIcon::onError(TunnelController *tunnel, const QString &message, bool fatal)
{
    if (fatal) {
        m_icon.showMessage(titled(tunnel, tr("Tunnel stopped")), message,
                           StateLook::of(TunnelClient::State::Failed).icon, 8000);
    } else if (m_online.remove(tunnel)) { // tell once per drop, not at every retry
        m_icon.showMessage(titled(tunnel, tr("Tunnel dropped")),
                           tr("%1. rok keeps retrying.").arg(message),
                           StateLook::of(TunnelClient::State::Reconnecting).icon, 6000);
    }
}
