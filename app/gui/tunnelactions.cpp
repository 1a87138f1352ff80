// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnelactions.h"

#include "tunnelcontroller.h"
#include "tunnelset.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QUrl>

namespace {
QAction *makeAction(const QString &iconName, const QString &text, QObject *parent)
{
    return new QAction(QIcon::fromTheme(iconName), text, parent);
}
} // namespace

TunnelActions::TunnelActions(TunnelSet *tunnels, QObject *parent)
    : QObject(parent)
    , m_tunnels(tunnels)
    , m_startStop(new QAction(this))
    , m_copyUrl(makeAction(QStringLiteral("edit-copy"), tr("&Copy URL"), this))
    , m_openUrl(makeAction(QStringLiteral("internet-web-browser"), tr("&Open in browser"), this))
    , m_showWindow(new QAction(tr("Show &window"), this))
    , m_settings(makeAction(QStringLiteral("configure"), tr("Se&ttings…"), this))
    , m_quit(makeAction(QStringLiteral("application-exit"), tr("&Quit"), this))
{
    // Ctrl+C copies selected text and Ctrl+O opens files elsewhere: none of them is taken.
    m_copyUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_settings->setShortcut(QKeySequence::Preferences);
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_startStop, &QAction::triggered, this, [this] { current()->toggle(); });
    connect(m_copyUrl, &QAction::triggered, this, &TunnelActions::copy);
    connect(m_openUrl, &QAction::triggered, this, &TunnelActions::open);
    connect(tunnels, &TunnelSet::stateChanged, this, &TunnelActions::update);
    connect(tunnels, &TunnelSet::tunnelOpened, this, &TunnelActions::update);
    connect(tunnels, &TunnelSet::currentChanged, this, &TunnelActions::update);
    update();
}

TunnelActions::~TunnelActions() = default;

TunnelController *TunnelActions::current() const
{
    return m_tunnels->current();
}

void TunnelActions::update()
{
    const bool running = current()->isRunning();
    m_startStop->setText(running ? tr("&Stop tunnel") : tr("&Start tunnel"));
    m_startStop->setIcon(QIcon::fromTheme(running ? QStringLiteral("media-playback-stop")
                                                  : QStringLiteral("media-playback-start")));
    m_copyUrl->setEnabled(!current()->url().isEmpty());
    m_openUrl->setEnabled(current()->state() == TunnelClient::State::Online);
}

void TunnelActions::copy()
{
    const QString url = current()->url();
    if (url.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(url);
    Q_EMIT urlCopied(url);
}

void TunnelActions::open()
{
    if (!current()->url().isEmpty())
        QDesktopServices::openUrl(QUrl(current()->url()));
}

void TunnelActions::bind(QAbstractButton *button, QAction *action)
{
    auto follow = [button, action] {
        button->setText(action->text());
        button->setIcon(action->icon());
        button->setEnabled(action->isEnabled());
        button->setAccessibleName(action->text().remove(u'&'));
    };
    follow();
    QObject::connect(action, &QAction::changed, button, follow);
    QObject::connect(button, &QAbstractButton::clicked, action, &QAction::trigger);
}
