// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

// Both programs speak the user's language (QLocale(): LANGUAGE, LC_ALL, LC_MESSAGES, LANG):
// rok's own texts, embedded under :/i18n, and Qt's (its dialogs' buttons, QCommandLineParser's
// "Usage:"), from Qt's translations folder (Debian's qt6-translations-l10n). Without a rok
// translation for the language, English, for its plural forms.
namespace Translations {
void install(); // after the QCoreApplication exists, before the first text is made
}
