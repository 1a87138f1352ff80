// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <span>

#include <QString>
#include <QStringView>

// Readable tunnel names ("brave-otter") and the rules a requested name has to follow.
namespace Names {

// A fresh "adjective-animal" name drawn with QRandomGenerator::system().
QString random();

// True if name can be used as a tunnel name: a DNS label of 1..63 characters from a-z, 0-9
// and '-' (the caller lowercases first), not starting or ending with '-', without the "xn--"
// style "--" in third and fourth place (reserved for internationalized names), and not one of
// reservedWords(). On failure, *why (if given) gets a short sentence for the user.
bool isValidLabel(QStringView name, QString *why = nullptr);

// The built-in word lists random() draws from: lowercase a-z only, no duplicates.
std::span<const char *const> adjectives();
std::span<const char *const> animals();

// Labels no tunnel may use, because the server or the operator's DNS needs them.
std::span<const char *const> reservedWords();

} // namespace Names
