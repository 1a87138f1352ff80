// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "optionsfile.h"

#include <QCoreApplication>
#include <QFile>

#include <toml++/toml.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OptionsFile", text);
}

// A scalar as the text the command line would carry; nothing for a table or an array.
std::optional<QString> scalarText(const toml::node &node)
{
    if (const auto *text = node.as_string())
        return QString::fromStdString(text->get());
    if (const auto *number = node.as_integer())
        return QString::number(number->get());
    if (const auto *number = node.as_floating_point())
        return QString::number(number->get(), 'g', 17);
    if (const auto *flag = node.as_boolean())
        return flag->get() ? QStringLiteral("on") : QStringLiteral("off");
    return std::nullopt;
}

} // namespace

std::optional<OptionsFile> OptionsFile::read(const QString &path,
                                             const QList<QCommandLineOption> &options,
                                             const QStringList &repeatable, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray content = file.readAll();
    toml::table table;
    try {
        table = toml::parse(std::string_view(content.constData(), size_t(content.size())));
    } catch (const toml::parse_error &failure) {
        *error = QStringLiteral("%1:%2: %3")
                         .arg(path)
                         .arg(failure.source().begin.line)
                         .arg(QString::fromStdString(std::string(failure.description())));
        return std::nullopt;
    }

    OptionsFile result;
    result.m_path = path;
    for (const auto &[tomlKey, node] : table) {
        const QString key = QString::fromStdString(std::string(tomlKey.str()));
        const int line = int(node.source().begin.line);
        const auto fail = [&](const QString &why) {
            *error = QStringLiteral("%1:%2: %3: %4").arg(path).arg(line).arg(key, why);
            return std::nullopt;
        };
        const auto option = std::find_if(options.cbegin(), options.cend(), [&](const auto &o) {
            return o.names().contains(key) && key.size() > 1;
        });
        if (option == options.cend())
            return fail(tr("unknown key"));
        Setting setting{.key = key, .isFlag = option->valueName().isEmpty(), .line = line};
        if (setting.isFlag) {
            const auto *flag = node.as_boolean();
            if (!flag)
                return fail(tr("expected true or false"));
            if (flag->get())
                setting.values.append(QString());
        } else if (const auto *array = node.as_array()) {
            if (!repeatable.contains(key))
                return fail(tr("expected one value, not a list"));
            for (const toml::node &element : *array) {
                const auto text = scalarText(element);
                if (!text)
                    return fail(tr("expected a list of strings or numbers"));
                setting.values.append(*text);
            }
        } else if (const auto text = scalarText(node)) {
            setting.values.append(*text);
        } else {
            return fail(tr("expected a string or a number"));
        }
        result.m_settings.append(setting);
    }
    return result;
}

QStringList OptionsFile::arguments(const QStringList &except) const
{
    QStringList arguments;
    for (const Setting &setting : m_settings) {
        if (except.contains(setting.key))
            continue;
        for (const QString &value : setting.values)
            arguments.append(setting.isFlag ? QStringLiteral("--") + setting.key
                                            : QStringLiteral("--%1=%2").arg(setting.key, value));
    }
    return arguments;
}

QString OptionsFile::origin(const QString &key) const
{
    for (const Setting &setting : m_settings) {
        if (setting.key == key)
            return QStringLiteral("%1:%2").arg(m_path).arg(setting.line);
    }
    return {};
}
