// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "settingsdialog.h"

#include "autostart.h"
#include "errorlabel.h"
#include "securitybox.h"
#include "tunneloptions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("rok Settings"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 78); // room for the messages and the names

    // Saved tunnels.
    auto *tunnelBox = new QGroupBox(tr("Tunnel"), this);
    m_tunnelForm = new QFormLayout(tunnelBox);

    m_profile = new QComboBox(tunnelBox);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setAccessibleName(tr("Saved tunnel"));
    m_profile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_add = new QPushButton(tr("&Add"), tunnelBox);
    m_add->setObjectName(QStringLiteral("addProfile"));
    m_add->setAccessibleName(tr("Add a saved tunnel"));
    m_add->setAutoDefault(false);
    m_remove = new QPushButton(tr("&Remove"), tunnelBox);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    m_remove->setAccessibleName(tr("Remove this saved tunnel"));
    m_remove->setAutoDefault(false);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(m_add);
    profileRow->addWidget(m_remove);
    auto *profileLabel = new QLabel(tr("&Profile:"), tunnelBox);
    profileLabel->setBuddy(m_profile);
    m_tunnelForm->addRow(profileLabel, profileRow);

    m_name = new QLineEdit(tunnelBox);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setAccessibleName(tr("Name of the saved tunnel"));
    m_nameError = makeErrorLabel(tunnelBox, QStringLiteral("profileNameError"));
    auto *nameLabel = new QLabel(tr("&Name:"), tunnelBox);
    nameLabel->setBuddy(m_name);
    m_tunnelForm->addRow(nameLabel, m_name);
    m_tunnelForm->addRow(QString(), m_nameError);

    m_server = new QLineEdit(tunnelBox);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(tr("tunnel.example.com:7835"));
    m_server->setToolTip(tr("The rok-server to connect to, as HOST:PORT"));
    m_serverError = makeErrorLabel(tunnelBox, QStringLiteral("serverError"));
    auto *serverLabel = new QLabel(tr("&Server:"), tunnelBox);
    serverLabel->setBuddy(m_server);
    m_tunnelForm->addRow(serverLabel, m_server);
    m_tunnelForm->addRow(QString(), m_serverError);

    m_token = new QLineEdit(tunnelBox);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setAccessibleName(tr("Token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Only if the server asks for one"));
    m_tokenNote = new QLabel(tr("No keyring found: the token is stored in rok's settings file."),
                             tunnelBox);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *tokenLabel = new QLabel(tr("&Token:"), tunnelBox);
    tokenLabel->setBuddy(m_token);
    m_tunnelForm->addRow(tokenLabel, m_token);
    m_tunnelForm->addRow(QString(), m_tokenNote);

    m_local = new QLineEdit(tunnelBox);
    m_local->setObjectName(QStringLiteral("local"));
    m_local->setAccessibleName(tr("Local target"));
    m_local->setPlaceholderText(tr("3000, localhost:3000 or https://localhost:8443"));
    m_local->setToolTip(tr("The local service the tunnel forwards to, as [HOST:]PORT, or "
                           "https://HOST:PORT for a service that speaks HTTPS"));
    m_localError = makeErrorLabel(tunnelBox, QStringLiteral("localError"));
    auto *localLabel = new QLabel(tr("&Local target:"), tunnelBox);
    localLabel->setBuddy(m_local);
    m_tunnelForm->addRow(localLabel, m_local);
    m_tunnelForm->addRow(QString(), m_localError);

    m_subdomain = new QLineEdit(tunnelBox);
    m_subdomain->setObjectName(QStringLiteral("subdomain"));
    m_subdomain->setAccessibleName(tr("Requested subdomain"));
    m_subdomain->setPlaceholderText(tr("Optional: a random name when empty"));
    m_subdomainError = makeErrorLabel(tunnelBox, QStringLiteral("subdomainError"));
    auto *subdomainLabel = new QLabel(tr("Sub&domain:"), tunnelBox);
    subdomainLabel->setBuddy(m_subdomain);
    m_tunnelForm->addRow(subdomainLabel, m_subdomain);
    m_tunnelForm->addRow(QString(), m_subdomainError);

    m_security = new SecurityBox(this);
    connect(m_security, &SecurityBox::edited, this, &SettingsDialog::validate);

    // Options of the app.
    auto *appBox = new QGroupBox(tr("Application"), this);
    auto *appForm = new QFormLayout(appBox);
    m_startAtLaunch = new QCheckBox(tr("Start the tunnel &when rok starts"), appBox);
    m_startAtLaunch->setObjectName(QStringLiteral("startAtLaunch"));
    m_startAtLaunch->setAccessibleName(tr("Start the tunnel when rok starts"));
    m_startAtLaunch->setChecked(settings->startTunnelAtLaunch());
    appForm->addRow(m_startAtLaunch);
    m_startAtLogin = new QCheckBox(tr("Start rok when I lo&g in"), appBox);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setAccessibleName(tr("Start rok when I log in"));
    m_startAtLogin->setChecked(Autostart::isEnabled()); // the file, even if someone removed it
    appForm->addRow(m_startAtLogin);
    m_logSize = new QSpinBox(appBox);
    m_logSize->setObjectName(QStringLiteral("logSize"));
    m_logSize->setAccessibleName(tr("Requests kept in the log"));
    m_logSize->setRange(AppSettings::MinLogSize, AppSettings::MaxLogSize);
    m_logSize->setSingleStep(100);
    m_logSize->setValue(settings->logSize());
    m_logSize->setToolTip(tr("The oldest requests leave the log when it holds this many"));
    auto *logSizeLabel = new QLabel(tr("Requests &kept in the log:"), appBox);
    logSizeLabel->setBuddy(m_logSize);
    appForm->addRow(logSizeLabel, m_logSize);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    m_prompt = new QLabel(this);
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setWordWrap(true);
    m_prompt->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(tunnelBox);
    layout->addWidget(m_security);
    layout->addWidget(appBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_profile, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_name);
    setTabOrder(m_name, m_server);
    setTabOrder(m_server, m_token);
    setTabOrder(m_token, m_local);
    setTabOrder(m_local, m_subdomain);
    setTabOrder(m_subdomain, m_security->firstField());
    setTabOrder(m_security->lastField(), m_startAtLaunch);
    setTabOrder(m_startAtLaunch, m_startAtLogin);
    setTabOrder(m_startAtLogin, m_logSize);
    setTabOrder(m_logSize, m_buttons);

    // The profiles, and their tokens as the keyring answers.
    const QList<AppSettings::Profile> profiles = settings->profiles();
    for (const AppSettings::Profile &profile : profiles) {
        m_entries.append({profile, m_tokens.addStored(profile.name)});
        m_profile->addItem(profile.name);
    }
    connect(settings->tokens(), &TokenStore::tokenRead, this, &SettingsDialog::onTokenRead);
    for (const AppSettings::Profile &profile : profiles)
        settings->tokens()->read(profile.name);
    int current = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).profile.name == settings->currentProfile())
            current = i;
    }
    showProfile(current);

    connect(m_profile, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || index == m_shown)
            return;
        storeProfile();
        showProfile(index);
    });
    connect(m_add, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_name, &QLineEdit::textEdited, this, &SettingsDialog::onNameEdited);
    connect(m_server, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_local, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_subdomain, &QLineEdit::textEdited, this, &SettingsDialog::onSubdomainEdited);
    connect(m_subdomain, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_token, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_tokens.type(m_entries.at(m_shown).token, text.toUtf8());
    });
    connect(settings->tokens(), &TokenStore::inPlainTextChanged, this,
            &SettingsDialog::updateTokenNote);
    updateTokenNote();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showProfile(int index)
{
    m_shown = index;
    const Entry &entry = m_entries.at(index);
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->setCurrentIndex(index);
    }
    m_name->setText(entry.profile.name);
    m_server->setText(entry.profile.server);
    m_token->setText(QString::fromUtf8(m_tokens.token(entry.token)));
    m_local->setText(entry.profile.local);
    m_subdomain->setText(entry.profile.subdomain);
    m_security->showProfile(entry.profile);
    m_remove->setEnabled(m_entries.size() > 1);
    validate();
}

void SettingsDialog::storeProfile()
{
    if (m_shown < 0)
        return;
    Entry &entry = m_entries[m_shown];
    entry.profile.name = m_name->text().trimmed();
    entry.profile.server = m_server->text().trimmed();
    entry.profile.local = m_local->text().trimmed();
    entry.profile.subdomain = m_subdomain->text().trimmed().toLower();
    m_security->storeProfile(entry.profile);
}

void SettingsDialog::addProfile()
{
    storeProfile();
    const Entry &from = m_entries.at(m_shown);
    QSet<QString> names;
    for (const Entry &entry : std::as_const(m_entries))
        names.insert(entry.profile.name);
    QString name;
    for (int n = int(m_entries.size()) + 1; name.isEmpty() || names.contains(name); ++n)
        name = tr("Tunnel %1", "the name of a new saved tunnel").arg(n);

    // Most tunnels go to the same server with the same token; the user changes what differs.
    Entry entry{{}, m_tokens.addNew(from.token)};
    entry.profile.name = name;
    entry.profile.server = from.profile.server;
    m_entries.append(entry);
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->addItem(name);
    }
    showProfile(int(m_entries.size() - 1));
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void SettingsDialog::removeProfile()
{
    if (m_entries.size() < 2)
        return;
    const int index = m_shown;
    m_tokens.remove(m_entries.at(index).token);
    m_entries.removeAt(index);
    m_shown = -1; // nothing to store: it is gone
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->removeItem(index);
    }
    showProfile(qMin(index, int(m_entries.size() - 1)));
}

void SettingsDialog::onNameEdited(const QString &name)
{
    m_entries[m_shown].profile.name = name.trimmed();
    const QSignalBlocker blocker(m_profile);
    m_profile->setItemText(m_shown, name.trimmed());
    validate();
}

void SettingsDialog::onSubdomainEdited(const QString &text)
{
    const QString lower = text.toLower();
    if (lower == text)
        return;
    const int cursor = m_subdomain->cursorPosition();
    m_subdomain->setText(lower);
    m_subdomain->setCursorPosition(cursor);
}

void SettingsDialog::onTokenRead(const QString &profile, const QByteArray &token, bool ok)
{
    const QList<TokenEdits::Id> set = m_tokens.answer(profile, token, ok);
    if (m_shown >= 0 && set.contains(m_entries.at(m_shown).token))
        m_token->setText(QString::fromUtf8(token));
}

void SettingsDialog::updateTokenNote()
{
    m_tunnelForm->setRowVisible(m_tokenNote, m_settings->tokens()->inPlainText());
    fitHeight();
}

void SettingsDialog::fitHeight()
{
    // A window's minimum size ignores height-for-width, so wrapped messages could be cut off.
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void SettingsDialog::setPrompt(const QString &text)
{
    m_prompt->setText(text);
    m_prompt->setVisible(!text.isEmpty());
    m_server->setFocus(); // what a prompt asks for first
}

bool SettingsDialog::setError(QLineEdit *field, QLabel *label, const QString &error)
{
    label->setText(error);
    field->setAccessibleDescription(error);
    m_tunnelForm->setRowVisible(label, !error.isEmpty());
    return error.isEmpty();
}

void SettingsDialog::validate()
{
    const QString name = m_name->text().trimmed();
    QString nameError;
    if (name.isEmpty()) {
        nameError = tr("Give this tunnel a name.");
    } else {
        for (int i = 0; i < m_entries.size(); ++i) {
            if (i != m_shown && m_entries.at(i).profile.name == name)
                nameError = tr("Another saved tunnel has this name.");
        }
    }
    const QString localhost = QStringLiteral("localhost");
    const bool serverOk = ServerAddress::parse(m_server->text().trimmed(), localhost).has_value();
    const bool localOk = LocalTarget::parse(m_local->text().trimmed()).has_value();
    const QString subdomain = m_subdomain->text().trimmed().toLower();
    const bool subdomainOk = subdomain.isEmpty() || TunnelOptions::isValidSubdomain(subdomain);

    bool valid = setError(m_name, m_nameError, nameError);
    valid &= setError(m_server, m_serverError,
                      serverOk ? QString()
                               : tr("Enter the server as HOST:PORT, for example "
                                    "tunnel.example.com:7835."));
    valid &= setError(m_local, m_localError,
                      localOk ? QString()
                              : tr("Enter the local service as PORT, HOST:PORT or "
                                   "https://HOST:PORT, for example 3000 or localhost:3000."));
    valid &= setError(m_subdomain, m_subdomainError,
                      subdomainOk ? QString()
                                  : tr("A subdomain has up to 63 letters a-z, digits and '-', "
                                       "and does not start or end with '-'."));
    valid &= m_security->validate();
    m_valid = valid;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    // Fix this profile before going to another, so no error hides behind the combo box.
    m_profile->setEnabled(valid);
    m_add->setEnabled(valid);
    fitHeight();
}

void SettingsDialog::accept()
{
    storeProfile();
    validate();
    if (!m_valid)
        return;

    QList<AppSettings::Profile> profiles;
    for (const Entry &entry : std::as_const(m_entries))
        profiles.append(entry.profile);
    m_settings->setProfiles(profiles);
    m_settings->setCurrentProfile(m_entries.at(m_shown).profile.name);
    m_settings->setStartTunnelAtLaunch(m_startAtLaunch->isChecked());
    m_settings->setLogSize(m_logSize->value());
    applyAutostart();
    m_settings->save();
    writeTokens();
    QDialog::accept();
}

void SettingsDialog::applyAutostart()
{
    const bool wanted = m_startAtLogin->isChecked();
    if (wanted != Autostart::isEnabled()) {
        // An AppImage runs from a temporary mount: start the image itself.
        const QString executable =
                qEnvironmentVariable("APPIMAGE", QCoreApplication::applicationFilePath());
        QString error;
        if (!Autostart::setEnabled(wanted, executable, &error))
            QMessageBox::warning(this, tr("Start at login"), error);
    }
    m_settings->setStartAtLogin(Autostart::isEnabled());
}

void SettingsDialog::writeTokens()
{
    QHash<TokenEdits::Id, QString> names;
    for (const Entry &entry : std::as_const(m_entries))
        names.insert(entry.token, entry.profile.name);
    for (const TokenEdits::Write &write : m_tokens.writes(names))
        m_settings->tokens()->write(write.profile, write.token);
}
