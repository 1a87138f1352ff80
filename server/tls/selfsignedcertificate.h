// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QString>

#include <optional>

// rok-server --self-signed: a key and a certificate made once in the state directory and read
// back on every later start, so that the fingerprint clients pin stays the same.
namespace SelfSignedCertificate {

struct Files
{
    QString certificate; // STATE_DIR/control-cert.pem
    QString key; // STATE_DIR/control-key.pem, mode 0600
    bool created = false; // made by this call, not found
};

// The files for `domain` in `stateDirectory`, made (with the directory, mode 0700) if missing.
std::optional<Files> ensure(const QString &stateDirectory, const QString &domain, QString *error);

} // namespace SelfSignedCertificate
