// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Edit and replay: a logged request's method, path, header lines and body, editable, for
// sending to the local service again. OK is enabled while the request is one the tunnel would
// pass on (RequestEditing::edited()); the reason shows when it is not.
class ReplayEditor : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayEditor)

public:
    explicit ReplayEditor(const RequestRecord &original, QWidget *parent = nullptr);
    ~ReplayEditor() override;

    std::optional<RequestRecord> request() const { return m_request; } // set while valid

private:
    void check();

    RequestRecord m_original;
    std::optional<RequestRecord> m_request;
    QComboBox *m_method;
    QLineEdit *m_path;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QLabel *m_error;
    QPushButton *m_send;
};
