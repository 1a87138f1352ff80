// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

void Translations::install()
{
    const QLocale locale;
    auto *rok = new QTranslator(qApp);
    const QString i18n = QStringLiteral(":/i18n");
    if (rok->load(locale, QStringLiteral("rok"), QStringLiteral("_"), i18n)
        || rok->load(QStringLiteral("rok_en"), i18n))
        QCoreApplication::installTranslator(rok);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}
