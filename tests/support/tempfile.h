// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>

#include <cstdio>
#include <memory>

// A tmpfile() that closes itself, for code that writes to a FILE *.
struct FileCloser
{
    void operator()(FILE *file) const { std::fclose(file); }
};
using TempFile = std::unique_ptr<FILE, FileCloser>;

// Everything written to `file` so far.
inline QByteArray contents(FILE *file)
{
    std::fflush(file);
    std::rewind(file);
    QByteArray all;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        all.append(buffer, qsizetype(n));
    return all;
}
