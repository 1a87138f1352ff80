// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

// Lifts the soft limit on open descriptors to the hard one. Both programs hold one per visitor
// (the client one more per local connection), and the usual soft default is 1,024.
void raiseFileLimit();
