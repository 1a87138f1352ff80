// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The request log as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format
// browser devtools import. Entries follow the order of `records` (RequestLog::records() is
// oldest first); UpgradeClosed records are left out, as their request is already logged at its
// Upgrade record. Bodies are the capped previews the log kept: a truncated one carries a
// "comment", chunked framing is removed, and a body with a Content-Encoding is not shown as text.
namespace HarExport {

QJsonObject toHar(const QList<RequestRecord> &records, const QString &creatorVersion);

// Writes toHar(records, ROK_VERSION) as indented JSON, atomically: an existing file is replaced
// only once the new one is complete. On failure returns false and sets *error (if given) to a
// translated sentence naming the path.
bool writeFile(const QString &path, const QList<RequestRecord> &records, QString *error);

} // namespace HarExport
