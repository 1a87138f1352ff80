// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnelset.h"

#include "appsettings.h"
#include "tunnelcontroller.h"

#include <algorithm>

TunnelSet::TunnelSet(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    for (const AppSettings::Profile &profile : settings->profiles())
        m_tunnels.push_back(make(profile.name));
    m_current = find(settings->currentProfile());
    if (!m_current)
        m_current = m_tunnels.front().get(); // AppSettings always has a profile
}

TunnelSet::~TunnelSet() = default;

std::unique_ptr<TunnelController> TunnelSet::make(const QString &name)
{
    auto tunnel = std::make_unique<TunnelController>(m_settings, name);
    TunnelController *added = tunnel.get();
    connect(added, &TunnelController::stateChanged, this, &TunnelSet::stateChanged);
    connect(added, &TunnelController::tunnelOpened, this,
            [this, added](const QString &url, bool sameAsBefore) {
                Q_EMIT tunnelOpened(added, url, sameAsBefore);
            });
    connect(added, &TunnelController::errorOccurred, this,
            [this, added](const QString &message, bool fatal) {
                Q_EMIT errorOccurred(added, message, fatal);
            });
    connect(added, &TunnelController::setupNeeded, this, &TunnelSet::setupNeeded);
    return tunnel;
}

QList<TunnelController *> TunnelSet::tunnels() const
{
    QList<TunnelController *> all;
    for (const auto &tunnel : m_tunnels)
        all.append(tunnel.get());
    return all;
}

TunnelController *TunnelSet::find(const QString &name) const
{
    for (const auto &tunnel : m_tunnels) {
        if (tunnel->name() == name)
            return tunnel.get();
    }
    return nullptr;
}

void TunnelSet::setCurrent(TunnelController *tunnel)
{
    if (!tunnel || tunnel == m_current)
        return;
    m_current = tunnel;
    m_settings->setCurrentProfile(tunnel->name());
    m_settings->save();
    Q_EMIT currentChanged(tunnel);
}

void TunnelSet::applySettings()
{
    // In the settings' order: the kept ones moved, the new ones made, the gone ones dropped.
    std::vector<std::unique_ptr<TunnelController>> kept;
    bool changed = false;
    for (const AppSettings::Profile &profile : m_settings->profiles()) {
        const auto existing = std::find_if(m_tunnels.begin(), m_tunnels.end(), [&](const auto &t) {
            return t && t->name() == profile.name;
        });
        if (existing != m_tunnels.end()) {
            kept.push_back(std::move(*existing));
        } else {
            kept.push_back(make(profile.name));
            changed = true;
        }
    }
    // The set is whole again before anything is told: a stopping tunnel's signals reach
    // handlers that ask for current().
    std::vector<std::unique_ptr<TunnelController>> gone = std::exchange(m_tunnels, std::move(kept));
    TunnelController *const wasCurrent = m_current;
    TunnelController *current = find(m_settings->currentProfile());
    m_current = current ? current : m_tunnels.front().get();
    for (auto &tunnel : gone) {
        if (!tunnel)
            continue; // kept
        changed = true;
        tunnel->disconnect(this); // gone from the set: its last signals are nobody's business
        tunnel->stop();
        tunnel.release()->deleteLater(); // its drain and the signals in flight end first
    }
    if (changed)
        Q_EMIT tunnelsChanged();
    for (const auto &tunnel : m_tunnels)
        tunnel->applySettings(); // a changed one restarts
    if (m_current != wasCurrent)
        Q_EMIT currentChanged(m_current);
    Q_EMIT stateChanged();
}

TunnelClient::State TunnelSet::state() const
{
    using State = TunnelClient::State;
    // The first of these that any tunnel is in.
    for (const State state :
         {State::Online, State::Reconnecting, State::Connecting, State::Failed}) {
        if (std::any_of(m_tunnels.begin(), m_tunnels.end(),
                        [state](const auto &tunnel) { return tunnel->state() == state; }))
            return state;
    }
    return State::Stopped;
}

bool TunnelSet::isAnyRunning() const
{
    return std::any_of(m_tunnels.begin(), m_tunnels.end(),
                       [](const auto &tunnel) { return tunnel->isRunning(); });
}
