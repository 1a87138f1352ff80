// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "mainwindow.h"

#include "appsettings.h"
#include "settingsdialog.h"
#include "statelook.h"
#include "tunnelactions.h"
#include "tunnelcontroller.h"
#include "tunnellist.h"
#include "tunnelset.h"
#include "tunnelview.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(TunnelSet *tunnels, TunnelActions *actions, AppSettings *settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_tunnels(tunnels)
    , m_actions(actions)
    , m_settings(settings)
{
    setWindowTitle(tr("rok"));
    setWindowIcon(StateLook::appIcon());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_list = new TunnelList(tunnels, central);
    m_views = new QStackedWidget(central);
    layout->addWidget(m_list);
    layout->addWidget(m_views, 1);
    setCentralWidget(central);
    createMenus();
    showTunnel(tunnels->current());
    // as the user left it last time
    if (!restoreGeometry(settings->windowLayout(QStringLiteral("geometry"))))
        resize(1000, 760);

    connect(tunnels, &TunnelSet::currentChanged, this, &MainWindow::showTunnel);
    connect(tunnels, &TunnelSet::tunnelsChanged, this, &MainWindow::dropGoneViews);
    connect(actions, &TunnelActions::urlCopied, this, [this](const QString &url) {
        statusBar()->showMessage(tr("Copied %1").arg(url), 3000);
    });
    // Keyring trouble must not go unnoticed: the tunnel would start without its token.
    connect(settings->tokens(), &TokenStore::tokenWritten, this,
            [this](const QString &, bool ok, const QString &error) {
                if (!ok)
                    statusBar()->showMessage(tr("The token could not be saved: %1").arg(error),
                                             10000);
            });
    connect(settings->tokens(), &TokenStore::readFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The token could not be read: %1").arg(message), 10000);
    });
}

MainWindow::~MainWindow() = default;

TunnelView *MainWindow::currentView() const
{
    return static_cast<TunnelView *>(m_views->currentWidget());
}

RequestLogModel *MainWindow::model() const
{
    return currentView()->model();
}

QTableView *MainWindow::table() const
{
    return currentView()->table();
}

void MainWindow::showTunnel(TunnelController *tunnel)
{
    TunnelView *view = m_viewOf.value(tunnel);
    if (!view) {
        view = new TunnelView(tunnel, m_actions, m_views);
        view->splitter()->restoreState(m_settings->windowLayout(QStringLiteral("splitter")));
        connect(view, &TunnelView::message, statusBar(), &QStatusBar::showMessage);
        m_views->addWidget(view);
        m_viewOf.insert(tunnel, view);
    }
    if (TunnelView *shown = currentView(); shown && shown != view)
        view->splitter()->restoreState(shown->splitter()->saveState()); // the same split
    m_views->setCurrentWidget(view);
    // The Tunnel menu pauses the shown tunnel's capture.
    if (m_shownPause)
        m_tunnelMenu->removeAction(m_shownPause);
    m_shownPause = view->pauseCapture();
    m_tunnelMenu->addAction(m_shownPause);
}

void MainWindow::dropGoneViews()
{
    const QList<TunnelController *> kept = m_tunnels->tunnels();
    for (auto view = m_viewOf.begin(); view != m_viewOf.end();) {
        if (kept.contains(view.key())) {
            ++view;
            continue;
        }
        if (m_shownPause == view.value()->pauseCapture()) {
            m_tunnelMenu->removeAction(m_shownPause);
            m_shownPause = nullptr;
        }
        delete view.value(); // now: its tunnel goes with the next turn of the event loop
        view = m_viewOf.erase(view);
    }
    showTunnel(m_tunnels->current());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export HAR…"), this, [this] { currentView()->chooseHarFile(); });
    file->addAction(m_actions->settings());
    file->addSeparator();
    file->addAction(m_actions->quit());
    m_tunnelMenu = menuBar()->addMenu(tr("&Tunnel"));
    m_tunnelMenu->addActions({m_actions->startStop(), m_actions->copyUrl(), m_actions->openUrl()});
    m_tunnelMenu->addSeparator();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About rok"), this, &MainWindow::showAbout);
}

bool MainWindow::exportHar(const QString &path)
{
    return currentView()->exportHar(path);
}

void MainWindow::showSettings()
{
    openSettings({}, false);
}

void MainWindow::showFirstStartSettings()
{
    openSettings(tr("Where is your rok-server? Enter its address and your token, then press OK "
                    "to start the tunnel. localhost:7835 is a rok-server on this computer."),
                 true);
}

void MainWindow::openSettings(const QString &prompt, bool startWhenAccepted)
{
    if (auto *open = findChild<SettingsDialog *>(); open && open->isVisible()) { // one at a time
        open->raise();
        open->activateWindow();
        return;
    }
    show();
    raise();
    activateWindow();
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPrompt(prompt);
    connect(dialog, &QDialog::accepted, this, [this, startWhenAccepted] {
        m_tunnels->applySettings();
        if (startWhenAccepted)
            m_tunnels->current()->start();
        currentView()->updateState(); // what it says about a stopped tunnel may have changed
    });
    dialog->open(); // window-modal, without a nested event loop
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About rok"),
                       tr("<h3>rok %1</h3><p>A public URL for a local port, on a server you run "
                          "yourself.</p>")
                               .arg(QStringLiteral(ROK_VERSION)));
}

void MainWindow::saveLayout()
{
    m_settings->setWindowLayout(QStringLiteral("geometry"), saveGeometry());
    m_settings->setWindowLayout(QStringLiteral("splitter"), currentView()->splitter()->saveState());
}

void MainWindow::hideEvent(QHideEvent *event)
{
    saveLayout(); // closed to the tray, or the app quits
    QMainWindow::hideEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hideOnClose) {
        hide(); // the tray icon brings it back
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}
