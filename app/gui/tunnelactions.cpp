#include "tunnelactions.h"

#include "tunnelcontroller.h"

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

TunnelActions::TunnelActions(TunnelController *controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
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
    connect(m_startStop, &QAction::triggered, controller, &TunnelController::toggle);
    connect(m_copyUrl, &QAction::triggered, this, &TunnelActions::copy);
    connect(m_openUrl, &QAction::triggered, this, &TunnelActions::open);
    connect(controller, &TunnelController::stateChanged, this, &TunnelActions::update);
    connect(controller, &TunnelController::tunnelOpened, this, &TunnelActions::update);
    update();
}

TunnelActions::~TunnelActions() = default;

void TunnelActions::update()
{
    const bool running = m_controller->isRunning();
    m_startStop->setText(running ? tr("&Stop tunnel") : tr("&Start tunnel"));
    m_startStop->setIcon(QIcon::fromTheme(running ? QStringLiteral("media-playback-stop")
                                                  : QStringLiteral("media-playback-start")));
    m_copyUrl->setEnabled(!m_controller->url().isEmpty());
    m_openUrl->setEnabled(m_controller->state() == TunnelClient::State::Online);
}

void TunnelActions::copy()
{
    const QString url = m_controller->url();
    if (url.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(url);
    Q_EMIT urlCopied(url);
}

void TunnelActions::open()
{
    if (!m_controller->url().isEmpty())
        QDesktopServices::openUrl(QUrl(m_controller->url()));
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
