#include "trayicon.h"

#include "statelook.h"
#include "tunnelactions.h"
#include "tunnelcontroller.h"

#include "appsettings.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>

namespace {
constexpr int TrayTries = 5; // like KeePassXC: 5 tries, 5 s apart
}

TrayIcon::TrayIcon(TunnelController *controller, TunnelActions *actions, QWidget *window,
                   QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_window(window)
    , m_menu(new QMenu) // QSystemTrayIcon does not own its menu
{
    m_menu->addActions({actions->startStop(), actions->copyUrl(), actions->openUrl()});
    m_saved = m_menu->addMenu(tr("Saved tunnels"));
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::listSavedTunnels);
    listSavedTunnels();
    m_menu->addSeparator();
    m_menu->addActions({actions->showWindow(), actions->settings()});
    connect(actions->showWindow(), &QAction::triggered, this, &TrayIcon::showWindow);
    m_menu->addSeparator();
    m_menu->addAction(actions->quit());
    m_icon.setContextMenu(m_menu);
    m_icon.setToolTip(tr("rok"));
    connect(&m_icon, &QSystemTrayIcon::activated, this, &TrayIcon::onActivated);
    connect(controller, &TunnelController::stateChanged, this, &TrayIcon::onStateChanged);
    connect(controller, &TunnelController::tunnelOpened, this, &TrayIcon::onOpened);
    connect(controller, &TunnelController::errorOccurred, this, &TrayIcon::onError);
    onStateChanged(controller->state());

    m_trayRetry.setInterval(std::chrono::seconds(5));
    connect(&m_trayRetry, &QTimer::timeout, this, &TrayIcon::lookForTray);
    lookForTray();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::listSavedTunnels()
{
    m_saved->clear();
    auto *group = new QActionGroup(m_saved);
    const AppSettings *settings = m_controller->settings();
    for (const AppSettings::Profile &profile : settings->profiles()) {
        // "web (http, localhost:3000)": which service each one shares.
        QAction *action = m_saved->addAction(
                tr("%1 (%2, %3)", "a saved tunnel: its name, http or tcp, its local address")
                        .arg(profile.name, profile.protocol, profile.local));
        action->setCheckable(true);
        action->setChecked(profile.name == settings->currentProfile());
        action->setActionGroup(group);
        connect(action, &QAction::triggered, m_controller,
                [controller = m_controller, name = profile.name] { controller->startSaved(name); });
    }
    m_saved->menuAction()->setVisible(settings->profiles().size() > 1);
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
    if (!m_controller->isRunning()) {
        m_controller->start();
    } else if (reason == QSystemTrayIcon::Trigger && m_window->isVisible()
               && !m_window->isMinimized()) {
        m_window->hide(); // a click on a running tunnel's icon toggles its window
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

void TrayIcon::onStateChanged(TunnelClient::State state)
{
    const StateLook look = StateLook::of(state);
    m_icon.setIcon(look.icon);
    const bool online = state == TunnelClient::State::Online;
    m_icon.setToolTip(tr("rok: %1").arg(online ? m_controller->url() : look.text));
}

void TrayIcon::onOpened(const QString &url, bool sameAsBefore)
{
    onStateChanged(m_controller->state());
    const QString title = sameAsBefore ? tr("Tunnel back online") : tr("Tunnel open");
    m_icon.showMessage(title, tr("%1 → %2").arg(url, m_controller->options().local.toString()),
                       StateLook::of(TunnelClient::State::Online).icon, 4000);
    m_wasOnline = true;
}

void TrayIcon::onError(const QString &message, bool fatal)
{
    if (fatal) {
        m_icon.showMessage(tr("Tunnel stopped"), message,
                           StateLook::of(TunnelClient::State::Failed).icon, 8000);
    } else if (m_wasOnline) { // tell once per drop, not at every retry
        m_icon.showMessage(tr("Tunnel dropped"), tr("%1. rok keeps retrying.").arg(message),
                           StateLook::of(TunnelClient::State::Reconnecting).icon, 6000);
        m_wasOnline = false;
    }
}
