// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A TOML file whose keys are a program's long options, so one set of names serves the command
// line and the file: `http-port = 8080` stands for --http-port=8080, `token = ["a", "b"]` for
// --token=a --token=b, `self-signed = true` for --self-signed. A value option also takes a
// boolean as on/off (`http-redirect = false`).
class OptionsFile
{
public:
    // Reads path and checks every key against options (a repeatable option may be an array).
    // A file that does not parse, an unknown key or a value of the wrong type fails with
    // "FILE:LINE: ..." naming the key.
    static std::optional<OptionsFile> read(const QString &path,
                                           const QList<QCommandLineOption> &options,
                                           const QStringList &repeatable, QString *error);

    // The file's settings as arguments for QCommandLineParser, without the keys in except
    // (those the command line sets: a flag wins over the file).
    QStringList arguments(const QStringList &except = {}) const;
    // "FILE:LINE" of the key's setting, or empty when the file does not set it.
    QString origin(const QString &key) const;
    QString path() const { return m_path; }

private:
    struct Setting
    {
        QString key;
        QStringList values; // empty for a flag set to false
        bool isFlag = false;
        int line = 0;
    };

    QString m_path;
    QList<Setting> m_settings;
};
