// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "appsettings.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;

// The security settings of one saved tunnel: how rok trusts the server (a pinned fingerprint or
// an extra CA), how it talks to an https:// local service, which Host that service gets, and who
// may reach the tunnel (a visitor login, allowed and blocked address ranges). The server enforces
// the last two at its edge. The visitor password is kept only as a salted hash.
class SecurityBox : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityBox)

public:
    explicit SecurityBox(QWidget *parent = nullptr);

    void showProfile(const AppSettings::Profile &profile);
    void storeProfile(AppSettings::Profile &profile) const; // a typed password becomes a hash
    // Checks the fields, shows the first problem in the box; true when there is none.
    bool validate();
    // For the dialog's tab order: the box's fields are in order between these.
    QWidget *firstField() const;
    QWidget *lastField() const;

Q_SIGNALS:
    void edited();

private:
    QLineEdit *addField(const QString &label, const QString &objectName, const QString &placeholder,
                        const QString &toolTip);

    QLineEdit *m_fingerprint;
    QLineEdit *m_caFile;
    QCheckBox *m_localInsecure;
    QLineEdit *m_hostHeader;
    QLineEdit *m_visitorUser;
    QLineEdit *m_visitorPassword;
    QLineEdit *m_allowCidrs;
    QLineEdit *m_denyCidrs;
    QLabel *m_error;
    bool m_hasStoredPassword = false;
};
