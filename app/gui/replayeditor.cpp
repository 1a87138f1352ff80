// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "replayeditor.h"

#include "errorlabel.h"
#include "requestediting.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ReplayEditor::ReplayEditor(const RequestRecord &original, QWidget *parent)
    : QDialog(parent)
    , m_original(original)
{
    setWindowTitle(tr("Edit and replay"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("method"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                        QStringLiteral("OPTIONS")});
    m_method->setCurrentText(QString::fromLatin1(original.requestHead.method));
    m_path = new QLineEdit(QString::fromLatin1(original.requestHead.target), this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setFont(mono);
    m_headers = new QPlainTextEdit(RequestEditing::headerLines(original.requestHead), this);
    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->setFont(mono);
    m_headers->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setFont(mono);
    const std::optional<QByteArray> body = RequestEditing::wholeBody(original);
    m_body->setPlainText(body ? QString::fromUtf8(*body) : QString());
    m_body->setPlaceholderText(body ? tr("No body")
                                    : tr("The body was not kept; type the one to send."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Path:"), m_path);
    form->addRow(tr("&Headers:"), m_headers);
    form->addRow(tr("&Body:"), m_body);
    m_error = makeErrorLabel(this, QStringLiteral("error"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_send = buttons->button(QDialogButtonBox::Ok);
    m_send->setText(tr("&Send to the local service"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 520);

    connect(m_method, &QComboBox::currentTextChanged, this, &ReplayEditor::check);
    connect(m_path, &QLineEdit::textChanged, this, &ReplayEditor::check);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &ReplayEditor::check);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ReplayEditor::check);
    check();
}

ReplayEditor::~ReplayEditor() = default;

void ReplayEditor::check()
{
    QString error;
    m_request = RequestEditing::edited(m_original, m_method->currentText(), m_path->text(),
                                       m_headers->toPlainText(), m_body->toPlainText().toUtf8(),
                                       &error);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_send->setEnabled(m_request.has_value());
}
