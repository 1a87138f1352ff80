// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "readablebody.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

// One side of an exchange in the details pane: its body as a person reads it (decoded, JSON
// indented, an image shown), its headers and its query or form fields as tables, and the raw
// head with the body as it was kept. The body can be searched.
class MessageView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageView)

public:
    enum class Side { Request, Response };
    explicit MessageView(Side side, QWidget *parent = nullptr);

    // notes: what the window knows beyond the message (an error, a hold, where the time went)
    void showMessage(const HttpHead &head, const QByteArray &keptBody, bool truncated,
                     const QStringList &notes = {});
    void clear();

    // Highlights every match in the text shown (the body or the raw message) and moves to the
    // first at or after the cursor; returns how many, or -1 if a table shows. showText: the
    // user is typing a search, so a table gives way to the raw message, which has its text.
    int highlight(const QString &needle, bool showText = false);
    // Moves to the next (or previous) match, wrapping around; false if there is none.
    bool findNext(const QString &needle, bool backward);

Q_SIGNALS:
    void searchedTextChanged(); // a tab change shows another text: search again

private:
    QTableWidget *createTable(const QString &objectName);
    void fillTable(QTableWidget *table, const BodyDecoding::Fields &fields);
    void showBody(const ReadableBody &body);
    void setTabShown(QWidget *tab, bool shown, const QString &label);
    QPlainTextEdit *searchedText() const; // nullptr: a table shows

    Side m_side;
    QLabel *m_notes = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_body = nullptr; // the body's page: its notes above its text or image
    QLabel *m_bodyNotes = nullptr;
    QStackedWidget *m_bodyStack = nullptr;
    QPlainTextEdit *m_bodyText = nullptr;
    QScrollArea *m_imageArea = nullptr;
    QLabel *m_image = nullptr;
    QLabel *m_imageCaption = nullptr;
    QTableWidget *m_headers = nullptr;
    QTableWidget *m_fields = nullptr; // the query of a request, or its form
    QPlainTextEdit *m_raw = nullptr;
};
