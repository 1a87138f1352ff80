// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QFile>
#include <QTemporaryDir>

// A file in a directory of its own that a test writes, and may write again for a program to
// read again (a config, a tokens file).
class ScratchFile
{
public:
    explicit ScratchFile(const QString &name, const QByteArray &text = {})
        : m_path(m_dir.filePath(name))
    {
        write(text);
    }

    QString path() const { return m_path; }
    QString directory() const { return m_dir.path(); }
    bool write(const QByteArray &text) const
    {
        QFile out(m_path);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && out.write(text) == text.size();
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};
