// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "appsettings.h"
#include "tokenedits.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SecurityBox;

// Edits an AppSettings: the saved tunnels (profiles: server, token, local target, subdomain;
// switch, add, rename, remove) and the options of the app. Invalid input shows an inline error
// and disables OK; the profile selected when OK is pressed becomes the current one. Nothing is
// written before accept(), which saves the settings, stores changed tokens, and turns start at
// login on or off.
class SettingsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    bool isInputValid() const { return m_valid; }
    void setPrompt(const QString &text); // a line above the fields: why the dialog came up
    void accept() override;

private:
    struct Entry
    {
        AppSettings::Profile profile;
        TokenEdits::Id token; // its token in m_tokens
    };

    void showProfile(int index);
    void storeProfile(); // the fields into m_entries[m_shown]
    void addProfile();
    void removeProfile();
    void validate();
    void onNameEdited(const QString &name);
    void onSubdomainEdited(const QString &text);
    void onTokenRead(const QString &profile, const QByteArray &token, bool ok);
    void updateTokenNote();
    void fitHeight();
    void applyAutostart();
    void writeTokens();
    bool setError(QLineEdit *field, QLabel *label, const QString &error); // true: no error

    AppSettings *m_settings;
    QList<Entry> m_entries;
    TokenEdits m_tokens;
    int m_shown = -1;
    bool m_valid = true;

    QFormLayout *m_tunnelForm;
    QComboBox *m_profile;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QLineEdit *m_server;
    QLabel *m_serverError;
    QLineEdit *m_token;
    QLabel *m_tokenNote;
    QLineEdit *m_local;
    QLabel *m_localError;
    QLineEdit *m_subdomain;
    QLabel *m_subdomainError;
    SecurityBox *m_security;
    QCheckBox *m_startAtLaunch;
    QCheckBox *m_startAtLogin;
    QSpinBox *m_logSize;
    QDialogButtonBox *m_buttons;
    QLabel *m_prompt;
};
