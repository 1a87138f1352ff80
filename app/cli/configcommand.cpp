// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "configcommand.h"

#include "appsettings.h"
#include "tunneloptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <array>
#include <utility>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConfigCommand", text);
}

// The keys of `rok config set`, and the field of a saved tunnel each one sets.
using Field = QString AppSettings::Profile::*;
constexpr std::array<std::pair<QStringView, Field>, 7> Fields{{
        {u"server", &AppSettings::Profile::server},
        {u"fingerprint", &AppSettings::Profile::fingerprint},
        {u"ca", &AppSettings::Profile::caFile},
        {u"protocol", &AppSettings::Profile::protocol},
        {u"local", &AppSettings::Profile::local},
        {u"subdomain", &AppSettings::Profile::subdomain},
        {u"host-header", &AppSettings::Profile::hostHeader},
}};

Field fieldFor(const QString &key) // a key parse() accepted
{
    for (const auto &[name, field] : Fields) {
        if (name == key)
            return field;
    }
    Q_UNREACHABLE();
}

// The settings that say how to reach the server: set once for every saved tunnel.
bool isServerKey(const QString &key)
{
    return key == u"server" || key == u"fingerprint" || key == u"ca";
}

// `value` checked for `key` and put in the form the settings keep; nullopt with *error.
std::optional<QString> checkedValue(const QString &key, const QString &value, QString *error)
{
    if (key == u"server") {
        if (const auto address = ServerAddress::parse(value, QStringLiteral("localhost")))
            return address->toString();
        *error = tr("invalid server \"%1\" (expected HOST:PORT, tls://HOST:PORT or "
                    "tcp://HOST:PORT)")
                         .arg(value);
    } else if (key == u"local") {
        if (const auto target = LocalTarget::parse(value))
            return target->toString();
        *error = tr("invalid local \"%1\" (expected PORT, HOST:PORT or https://HOST:PORT)")
                         .arg(value);
    } else if (key == u"protocol") {
        if (value == u"http" || value == u"tcp")
            return value;
        *error = tr("invalid protocol \"%1\" (expected http or tcp)").arg(value);
    } else if (key == u"subdomain") {
        const QString name = value.toLower();
        if (name.isEmpty() || TunnelOptions::isValidSubdomain(name))
            return name;
        *error = tr("invalid subdomain \"%1\" (letters, digits and inner hyphens, at most 63)")
                         .arg(value);
    } else if (key == u"fingerprint") {
        QString why;
        if (value.isEmpty() || Tls::parseFingerprint(value, &why))
            return value;
        *error = tr("invalid fingerprint: %1").arg(why);
    } else if (key == u"ca") {
        QString why;
        if (value.isEmpty())
            return value;
        if (!Tls::loadCertificates(value, &why).isEmpty())
            return QFileInfo(value).absoluteFilePath(); // the tray app starts elsewhere
        *error = tr("invalid ca: %1").arg(why);
    } else if (key == u"host-header") {
        return value; // empty: the public name; "rewrite": the local target's; else as given
    } else {
        *error = tr("unknown key \"%1\" (expected one of: %2)")
                         .arg(key, ConfigRequest::keys().join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

} // namespace

QStringList ConfigRequest::keys()
{
    return {QStringLiteral("server"),     QStringLiteral("fingerprint"),
            QStringLiteral("ca"),         QStringLiteral("protocol"),
            QStringLiteral("local"),      QStringLiteral("subdomain"),
            QStringLiteral("host-header")};
}

std::optional<ConfigRequest> ConfigRequest::parse(const QStringList &words, QString *error,
                                                  QString *help)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Show or change the settings rok http, rok tcp, rok start and the tray app share "
               "(~/.config/rok/rok.conf, and the desktop keyring for tokens).\n\n"
               "  rok config show                 the saved tunnels and their settings\n"
               "  rok config set KEY VALUE        KEY: %1\n"
               "  rok config set-token            the token, read from standard input\n"
               "  rok config remove NAME          forget a saved tunnel\n\n"
               "server, fingerprint, ca and the token apply to every saved tunnel unless "
               "--tunnel names one; the other keys to the tunnel named, or the current one. "
               "An empty VALUE clears a key.")
                    .arg(keys().join(QStringLiteral(", "))));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help."));
    const QCommandLineOption tunnel(
            QStringLiteral("tunnel"),
            tr("The saved tunnel to change; one that does not exist yet is added."),
            QStringLiteral("NAME"));
    const QCommandLineOption remove(QStringLiteral("remove"),
                                    tr("With set-token: forget the stored token."));
    parser.addOptions({helpOption, tunnel, remove});
    parser.addPositionalArgument(QStringLiteral("command"), tr("show, set, set-token or remove"));

    if (!parser.parse(QStringList{QStringLiteral("rok")} + words)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        // The program's name as the user typed the command, with or without a QCoreApplication.
        *help = parser.helpText();
        const qsizetype start = help->indexOf(u' ') + 1;
        help->replace(start, help->indexOf(QStringLiteral(" [options]")) - start,
                      QStringLiteral("rok config"));
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    ConfigRequest request;
    request.tunnel = parser.value(tunnel).trimmed();
    if (parser.isSet(tunnel) && request.tunnel.isEmpty()) {
        *error = tr("--tunnel needs a name");
        return std::nullopt;
    }
    const QString verb = positional.value(0, QStringLiteral("show"));
    const auto wrongCount = [&](qsizetype expected, const QString &usage) {
        if (positional.size() == expected)
            return false;
        *error = tr("usage: %1").arg(usage);
        return true;
    };
    if (verb == u"show") {
        if (wrongCount(positional.isEmpty() ? 0 : 1, QStringLiteral("rok config show")))
            return std::nullopt;
        request.verb = Verb::Show;
    } else if (verb == u"set") {
        if (wrongCount(3, QStringLiteral("rok config set KEY VALUE [--tunnel NAME]")))
            return std::nullopt;
        request.verb = Verb::Set;
        request.key = positional.at(1);
        const auto value = checkedValue(request.key, positional.at(2).trimmed(), error);
        if (!value)
            return std::nullopt;
        request.value = *value;
    } else if (verb == u"set-token") {
        if (wrongCount(1, QStringLiteral("rok config set-token [--remove] [--tunnel NAME]")))
            return std::nullopt;
        request.verb = parser.isSet(remove) ? Verb::RemoveToken : Verb::SetToken;
    } else if (verb == u"remove") {
        if (wrongCount(2, QStringLiteral("rok config remove NAME")))
            return std::nullopt;
        request.verb = Verb::RemoveTunnel;
        request.tunnel = positional.at(1).trimmed();
    } else {
        *error = tr("unknown config command \"%1\" (expected show, set, set-token or remove)")
                         .arg(verb);
        return std::nullopt;
    }
    if (parser.isSet(remove) && request.verb != Verb::RemoveToken) {
        *error = tr("--remove goes with set-token");
        return std::nullopt;
    }
    return request;
}

ConfigCommand::ConfigCommand(AppSettings *settings, FILE *out, FILE *err, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_out(out)
    , m_err(err)
{
    connect(settings->tokens(), &TokenStore::tokenWritten, this,
            [this](const QString &, bool ok, const QString &error) {
                if (!ok) {
                    print(m_err, tr("rok: %1\n").arg(error));
                    m_exitCode = 1;
                }
                --m_pending;
                finishWhenAnswered();
            });
}

void ConfigCommand::run(const ConfigRequest &request, const QByteArray &tokenInput)
{
    switch (request.verb) {
    case ConfigRequest::Verb::Show:
        show();
        return;
    case ConfigRequest::Verb::Set:
        set(request);
        return;
    case ConfigRequest::Verb::SetToken:
    case ConfigRequest::Verb::RemoveToken: {
        const QByteArray token = tokenInput.trimmed();
        if (request.verb == ConfigRequest::Verb::SetToken && token.isEmpty()) {
            print(m_err,
                  tr("rok: no token on standard input (to forget the stored one: rok config "
                     "set-token --remove)\n"));
            m_exitCode = 2;
            finishWhenAnswered();
            return;
        }
        // A new --tunnel gets this token, not a copy of the current one's.
        writeToken(targets(request, true, false), token);
        return;
    }
    case ConfigRequest::Verb::RemoveTunnel: {
        QList<AppSettings::Profile> profiles = m_settings->profiles();
        const qsizetype removed = profiles.removeIf(
                [&](const AppSettings::Profile &p) { return p.name == request.tunnel; });
        if (!removed) {
            print(m_err,
                  tr("rok: no saved tunnel named \"%1\" (rok config show lists them)\n")
                          .arg(request.tunnel));
            m_exitCode = 2;
            finishWhenAnswered();
            return;
        }
        m_settings->setProfiles(profiles);
        if (!save())
            return;
        print(m_out, tr("Removed the saved tunnel \"%1\".\n").arg(request.tunnel));
        writeToken({request.tunnel}, {}, false);
        return;
    }
    }
}

// The tunnels a request changes: --tunnel (added if new), or else every one or the current one.
QStringList ConfigCommand::targets(const ConfigRequest &request, bool everyTunnelByDefault,
                                   bool copyToken)
{
    if (!request.tunnel.isEmpty()) {
        if (!m_settings->findProfile(request.tunnel)
            && !addTunnelLike(request.tunnel, m_settings->currentProfile(), copyToken))
            return {};
        return {request.tunnel};
    }
    if (!everyTunnelByDefault)
        return {m_settings->currentProfile()};
    QStringList names;
    for (const AppSettings::Profile &profile : m_settings->profiles())
        names.append(profile.name);
    return names;
}

bool ConfigCommand::addTunnelLike(const QString &name, const QString &model, bool copyToken)
{
    const AppSettings::Profile *from = m_settings->findProfile(model);
    AppSettings::Profile profile;
    profile.name = name;
    profile.server = from->server;
    profile.fingerprint = from->fingerprint;
    profile.caFile = from->caFile;
    m_settings->setProfiles(m_settings->profiles() << profile);
    if (!save())
        return false;
    print(m_out, tr("Added the saved tunnel \"%1\".\n").arg(name));
    if (!copyToken)
        return true;

    // Most tunnels go to the same server with the same token.
    ++m_pending;
    auto copy = std::make_shared<QMetaObject::Connection>();
    *copy = connect(m_settings->tokens(), &TokenStore::tokenRead, this,
                    [this, copy, name, model](const QString &profile, const QByteArray &token) {
                        if (profile != model)
                            return;
                        disconnect(*copy);
                        if (!token.isEmpty())
                            writeToken({name}, token, false);
                        --m_pending;
                        finishWhenAnswered();
                    });
    m_settings->tokens()->read(model);
    return true;
}

void ConfigCommand::set(const ConfigRequest &request)
{
    const QStringList names = targets(request, isServerKey(request.key), true);
    if (names.isEmpty())
        return; // could not add the tunnel, and said so
    QList<AppSettings::Profile> profiles = m_settings->profiles();
    for (AppSettings::Profile &profile : profiles) {
        if (!names.contains(profile.name))
            continue;
        profile.*fieldFor(request.key) = request.value;
    }
    m_settings->setProfiles(profiles);
    if (!save())
        return;
    print(m_out,
          tr("%1 = %2 for: %3\n")
                  .arg(request.key, request.value.isEmpty() ? tr("(not set)") : request.value,
                       names.join(QStringLiteral(", "))));
    finishWhenAnswered();
}

void ConfigCommand::writeToken(const QStringList &tunnels, const QByteArray &token, bool report)
{
    if (tunnels.isEmpty())
        return;
    m_pending += int(tunnels.size());
    for (const QString &name : tunnels)
        m_settings->tokens()->write(name, token);
    if (!report)
        return;
    const QString names = tunnels.join(QStringLiteral(", "));
    if (token.isEmpty())
        print(m_out, tr("Token removed for: %1\n").arg(names));
    else if (m_settings->tokens()->inPlainText())
        print(m_out,
              tr("Token stored in %1 (no keyring found; only you can read the file) for: %2\n")
                      .arg(m_settings->fileName(), names));
    else
        print(m_out, tr("Token stored in the keyring for: %1\n").arg(names));
}
void ConfigCommand::show()
{
    const QList<AppSettings::Profile> profiles = m_settings->profiles();
    auto tokenSet = std::make_shared<QList<bool>>(profiles.size(), false);
    auto answers = std::make_shared<qsizetype>(0);
    connect(m_settings->tokens(), &TokenStore::tokenRead, this,
            [this, profiles, tokenSet, answers](const QString &name, const QByteArray &token) {
                for (qsizetype i = 0; i < profiles.size(); ++i) {
                    if (profiles.at(i).name == name)
                        (*tokenSet)[i] = !token.isEmpty();
                }
                if (++*answers == profiles.size())
                    showTokens(*tokenSet);
                --m_pending;
                finishWhenAnswered();
            });
    m_pending += int(profiles.size());
    for (const AppSettings::Profile &profile : profiles)
        m_settings->tokens()->read(profile.name);
}

void ConfigCommand::showTokens(const QList<bool> &tokenSet)
{
    QString text = tr("Settings: %1\n").arg(m_settings->fileName())
            + (m_settings->tokens()->inPlainText()
                       ? tr("Tokens: in the settings file (no keyring found; only you can read "
                            "the file)\n")
                       : tr("Tokens: in the keyring\n"));
    const QList<AppSettings::Profile> profiles = m_settings->profiles();
    const auto row = [](const QString &key, const QString &value) {
        return QStringLiteral("    %1 %2\n").arg(key.leftJustified(12), value);
    };
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const AppSettings::Profile &profile = profiles.at(i);
        const bool current = profile.name == m_settings->currentProfile();
        text += u'\n' + (current ? QStringLiteral("* ") : QStringLiteral("  ")) + profile.name
                + (current ? tr("  (its server and token are the ones rok http and rok tcp use)")
                           : QString())
                + u'\n';
        text += row(QStringLiteral("protocol"), profile.protocol);
        text += row(QStringLiteral("local"), profile.local);
        text += row(QStringLiteral("server"), profile.server);
        text += row(QStringLiteral("token"), tokenSet.at(i) ? tr("set") : tr("not set"));
        text += row(QStringLiteral("subdomain"),
                    profile.subdomain.isEmpty() ? tr("(any)") : profile.subdomain);
        if (!profile.fingerprint.isEmpty())
            text += row(QStringLiteral("fingerprint"), profile.fingerprint);
        if (!profile.caFile.isEmpty())
            text += row(QStringLiteral("ca"), profile.caFile);
        if (!profile.hostHeader.isEmpty())
            text += row(QStringLiteral("host-header"), profile.hostHeader);
        if (!profile.visitorUser.isEmpty())
            text += row(QStringLiteral("basic-auth"), profile.visitorUser);
        if (!profile.allowCidrs.isEmpty())
            text += row(QStringLiteral("allow-cidr"), profile.allowCidrs.join(u' '));
        if (!profile.denyCidrs.isEmpty())
            text += row(QStringLiteral("deny-cidr"), profile.denyCidrs.join(u' '));
    }
    print(m_out, text);
}

bool ConfigCommand::save()
{
    if (m_settings->save())
        return true;
    if (m_exitCode == 0) {
        print(m_err, tr("rok: cannot write %1\n").arg(m_settings->fileName()));
        m_exitCode = 1;
        finishWhenAnswered();
    }
    return false;
}

void ConfigCommand::print(FILE *to, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), to);
    std::fflush(to);
}

void ConfigCommand::finishWhenAnswered()
{
    if (m_pending == 0 && !std::exchange(m_finished, true)) // every operation has answered
        Q_EMIT finished(m_exitCode);
}
