// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QString>

// --state-dir: what rok-server keeps between runs (its self-signed certificate, the ACME account
// and certificates). Keys live there, so directories are 0700 and files 0600.
namespace StateDirectory {

// Creates `path` and its parents if needed, and makes it 0700.
bool makePrivate(const QString &path, QString *error);
// Writes `data` to `path` (0600) through a temporary file: a crash leaves the old file or none.
bool writePrivate(const QString &path, const QByteArray &data, QString *error);

} // namespace StateDirectory
