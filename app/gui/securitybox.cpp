// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "securitybox.h"

#include "controlmessages.h"
#include "errorlabel.h"
#include "tls/tls.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace {

QStringList ranges(const QString &text)
{
    QStringList list;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            list.append(part.trimmed());
    }
    return list;
}

bool isRange(const QString &text)
{
    return !QHostAddress::parseSubnet(text).first.isNull() || !QHostAddress(text).isNull();
}

} // namespace

SecurityBox::SecurityBox(QWidget *parent)
    : QGroupBox(tr("Security and access"), parent)
{
    auto *form = new QFormLayout(this);
    m_fingerprint = addField(tr("Server &fingerprint:"), QStringLiteral("fingerprint"),
                             tr("Optional: sha256:… as rok-server prints it"),
                             tr("Trust exactly the server certificate with this fingerprint "
                                "(a self-signed server), instead of certificate authorities"));
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("Extra certificate authority file"));
    m_caFile->setPlaceholderText(tr("Optional: a PEM file"));
    m_caFile->setToolTip(tr("Also trust the certificate authorities in this file for the "
                            "server's certificate"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseCa"));
    browse->setAccessibleName(tr("Choose the certificate authority file"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
                QFileDialog::getOpenFileName(this, tr("Certificate authority"), m_caFile->text(),
                                             tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto *caLabel = new QLabel(tr("Extra &CA:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);

    m_localInsecure = new QCheckBox(
            tr("Accept a self-signed certificate from an https:// local &target"), this);
    m_localInsecure->setObjectName(QStringLiteral("localInsecure"));
    m_localInsecure->setAccessibleName(
            tr("Accept a self-signed certificate from an https:// local target"));
    form->addRow(m_localInsecure);
    m_hostHeader = addField(tr("&Host header:"), QStringLiteral("hostHeader"),
                            tr("The public name (default)"),
                            tr("rewrite: the local target's own name, for development servers "
                               "that check it; or a fixed host such as myapp.test"));
    m_visitorUser = addField(tr("Visitor &login:"), QStringLiteral("visitorUser"),
                             tr("Optional: a user name visitors must log in with"),
                             tr("Visitors must log in with this user name and password before "
                                "any request reaches your service"));
    m_visitorPassword = addField(tr("Visitor &password:"), QStringLiteral("visitorPassword"),
                                 QString(), tr("Kept only as a salted hash"));
    m_visitorPassword->setEchoMode(QLineEdit::Password);
    m_allowCidrs = addField(tr("&Allowed addresses:"), QStringLiteral("allowCidrs"),
                            tr("Optional: 10.0.0.0/8, 2001:db8::/32"),
                            tr("Only visitors from these address ranges reach the tunnel"));
    m_denyCidrs = addField(tr("B&locked addresses:"), QStringLiteral("denyCidrs"),
                           tr("Optional: 192.0.2.0/24"),
                           tr("Visitors from these address ranges never reach the tunnel"));
    m_error = makeErrorLabel(this, QStringLiteral("securityError"));
    m_error->hide();
    form->addRow(m_error);

    for (QLineEdit *field : {m_fingerprint, m_caFile, m_hostHeader, m_visitorUser,
                             m_visitorPassword, m_allowCidrs, m_denyCidrs})
        connect(field, &QLineEdit::textChanged, this, &SecurityBox::edited);
}

QLineEdit *SecurityBox::addField(const QString &label, const QString &objectName,
                                 const QString &placeholder, const QString &toolTip)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    field->setPlaceholderText(placeholder);
    field->setToolTip(toolTip);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(field);
    static_cast<QFormLayout *>(layout())->addRow(caption, field);
    return field;
}

QWidget *SecurityBox::firstField() const
{
    return m_fingerprint;
}

QWidget *SecurityBox::lastField() const
{
    return m_denyCidrs;
}

void SecurityBox::showProfile(const AppSettings::Profile &profile)
{
    m_fingerprint->setText(profile.fingerprint);
    m_caFile->setText(profile.caFile);
    m_localInsecure->setChecked(profile.localInsecure);
    m_hostHeader->setText(profile.hostHeader);
    m_visitorUser->setText(profile.visitorUser);
    m_visitorPassword->clear();
    m_hasStoredPassword = !profile.visitorHash.isEmpty();
    m_visitorPassword->setPlaceholderText(m_hasStoredPassword ? tr("Unchanged")
                                                              : tr("Needed with a login"));
    m_allowCidrs->setText(profile.allowCidrs.join(QStringLiteral(", ")));
    m_denyCidrs->setText(profile.denyCidrs.join(QStringLiteral(", ")));
    validate();
}

void SecurityBox::storeProfile(AppSettings::Profile &profile) const
{
    profile.fingerprint = m_fingerprint->text().trimmed();
    profile.caFile = m_caFile->text().trimmed();
    profile.localInsecure = m_localInsecure->isChecked();
    profile.hostHeader = m_hostHeader->text().trimmed();
    const QString user = m_visitorUser->text().trimmed();
    if (user.isEmpty()) {
        profile.visitorUser.clear();
        profile.visitorSalt.clear();
        profile.visitorHash.clear();
    } else if (!m_visitorPassword->text().isEmpty()) {
        const Protocol::Credential credential =
                Protocol::Credential::make(user.toUtf8(), m_visitorPassword->text().toUtf8());
        profile.visitorUser = user;
        profile.visitorSalt = credential.salt;
        profile.visitorHash = credential.hash;
    } else {
        profile.visitorUser = user; // renamed: the hash does not depend on the user name
    }
    profile.allowCidrs = ranges(m_allowCidrs->text());
    profile.denyCidrs = ranges(m_denyCidrs->text());
}

bool SecurityBox::validate()
{
    QString error;
    QLineEdit *culprit = nullptr;
    const auto fail = [&](QLineEdit *field, const QString &why) {
        if (error.isEmpty()) {
            error = why;
            culprit = field;
        }
    };
    const QString fingerprint = m_fingerprint->text().trimmed();
    const QString caFile = m_caFile->text().trimmed();
    const QString user = m_visitorUser->text().trimmed();
    QString why;
    if (!fingerprint.isEmpty() && !Tls::parseFingerprint(fingerprint, &why))
        fail(m_fingerprint,
             tr("The fingerprint is not one rok-server prints (sha256: and 64 hex digits)."));
    if (!caFile.isEmpty() && Tls::loadCertificates(caFile, &why).isEmpty())
        fail(m_caFile, tr("The CA file holds no PEM certificate: %1").arg(why));
    if (m_hostHeader->text().trimmed().contains(u' '))
        fail(m_hostHeader, tr("The host header is rewrite or a host name, without spaces."));
    if (user.contains(u':'))
        fail(m_visitorUser, tr("A visitor login has no ':'."));
    if (!user.isEmpty() && !m_hasStoredPassword && m_visitorPassword->text().isEmpty())
        fail(m_visitorUser, tr("Set a password for the visitor login."));
    for (QLineEdit *field : {m_allowCidrs, m_denyCidrs}) {
        for (const QString &range : ranges(field->text())) {
            if (!isRange(range))
                fail(field, tr("\"%1\" is not an address range such as 10.0.0.0/8.").arg(range));
        }
    }
    // A screen reader hears why on the field itself.
    for (QLineEdit *field : findChildren<QLineEdit *>())
        field->setAccessibleDescription(field == culprit ? error : QString());
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}
