// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "statelook.h"

namespace {
QIcon builtIn(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1StringView(name)));
}
} // namespace

StateLook StateLook::of(TunnelClient::State state)
{
    switch (state) {
    case TunnelClient::State::Stopped:
        break;
    case TunnelClient::State::Connecting:
        return {builtIn("rok-connecting"), tr("Connecting…")};
    case TunnelClient::State::Online:
        return {builtIn("rok-online"), tr("Online")};
    case TunnelClient::State::Reconnecting:
        return {builtIn("rok-connecting"), tr("Reconnecting…")};
    case TunnelClient::State::Failed:
        return {builtIn("rok-error"), tr("Error")};
    }
    return {builtIn("rok-stopped"), tr("Stopped")};
}

QIcon StateLook::appIcon()
{
    return QIcon::fromTheme(QStringLiteral("rok"), builtIn("rok"));
}
