// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "logging.h"

Q_LOGGING_CATEGORY(lcMux, "rok.mux", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "rok.control", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSplice, "rok.splice", QtInfoMsg)
