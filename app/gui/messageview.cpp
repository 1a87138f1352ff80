// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "messageview.h"

#include "units.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace {

// Bytes no coding could read, as `xxd` shows them; the first 16 KiB.
QString hexDump(QByteArrayView bytes)
{
    constexpr qsizetype Limit = 16 * 1024;
    QString dump;
    for (qsizetype offset = 0; offset < qMin(bytes.size(), Limit); offset += 16) {
        const QByteArrayView line =
                bytes.sliced(offset, qMin<qsizetype>(16, bytes.size() - offset));
        const QString hex = QString::fromLatin1(line.toByteArray().toHex(' '));
        QString ascii;
        for (const char c : line)
            ascii += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : QChar(u'.');
        dump += QStringLiteral("%1  %2  %3\n")
                        .arg(offset, 8, 16, QChar(u'0'))
                        .arg(hex, -47)
                        .arg(ascii);
    }
    return dump;
}

QPlainTextEdit *textView(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setPlaceholderText(MessageView::tr("Select a request to see it here."));
    return edit;
}

} // namespace

MessageView::MessageView(Side side, QWidget *parent)
    : QWidget(parent)
    , m_side(side)
{
    const QString prefix =
            side == Side::Request ? QStringLiteral("request") : QStringLiteral("response");
    setObjectName(prefix + QStringLiteral("Details"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notes = new QLabel(this);
    m_notes->setObjectName(prefix + QStringLiteral("Notes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setContentsMargins(4, 4, 4, 0);
    m_notes->hide();
    layout->addWidget(m_notes);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_body = new QWidget(m_tabs);
    m_body->setObjectName(prefix + QStringLiteral("Body"));
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(2);
    m_bodyNotes = new QLabel(m_body); // what was done to the body: apart, so copies are clean
    m_bodyNotes->setObjectName(prefix + QStringLiteral("BodyNotes"));
    m_bodyNotes->setWordWrap(true);
    m_bodyNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bodyNotes->setContentsMargins(4, 2, 4, 0);
    QPalette quiet = m_bodyNotes->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_bodyNotes->setPalette(quiet);
    m_bodyStack = new QStackedWidget(m_body);
    bodyLayout->addWidget(m_bodyNotes);
    bodyLayout->addWidget(m_bodyStack, 1);
    m_bodyText = textView(prefix + QStringLiteral("BodyText"), m_bodyStack);
    m_imageArea = new QScrollArea(m_bodyStack);
    auto *imagePage = new QWidget(m_imageArea);
    auto *imageLayout = new QVBoxLayout(imagePage);
    m_image = new QLabel(imagePage);
    m_image->setObjectName(prefix + QStringLiteral("Image"));
    m_imageCaption = new QLabel(imagePage);
    m_imageCaption->setObjectName(prefix + QStringLiteral("ImageCaption"));
    imageLayout->addWidget(m_image);
    imageLayout->addWidget(m_imageCaption);
    imageLayout->addStretch(1);
    m_imageArea->setWidget(imagePage);
    m_imageArea->setWidgetResizable(true);
    m_bodyStack->addWidget(m_bodyText);
    m_bodyStack->addWidget(m_imageArea);
    m_headers = createTable(prefix + QStringLiteral("Headers"));
    m_fields = createTable(prefix + QStringLiteral("Fields"));
    m_raw = textView(prefix + QStringLiteral("Raw"), m_tabs);
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_fields, side == Side::Request ? tr("Query") : QString());
    m_tabs->addTab(m_raw, tr("Raw"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &MessageView::searchedTextChanged);
    layout->addWidget(m_tabs, 1);
    clear();
}

QTableWidget *MessageView::createTable(const QString &objectName)
{
    auto *table = new QTableWidget(0, 2, m_tabs);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8); // as the log
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

void MessageView::fillTable(QTableWidget *table, const BodyDecoding::Fields &fields)
{
    table->setRowCount(int(fields.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto &[name, value] = fields[row];
        auto *nameItem = new QTableWidgetItem(name);
        auto *valueItem = new QTableWidgetItem(value);
        valueItem->setToolTip(value); // long values: the whole of it on hover
        table->setItem(row, 0, nameItem);
        table->setItem(row, 1, valueItem);
    }
    table->resizeColumnToContents(0);
}

void MessageView::setTabShown(QWidget *tab, bool shown, const QString &label)
{
    const int index = m_tabs->indexOf(tab);
    m_tabs->setTabText(index, label);
    m_tabs->setTabVisible(index, shown);
}

void MessageView::clear()
{
    m_notes->clear();
    m_notes->hide();
    m_bodyText->clear();
    m_raw->clear();
    m_image->clear();
    m_imageCaption->clear();
    m_bodyNotes->clear();
    m_bodyNotes->hide();
    m_bodyText->setPlaceholderText(tr("Select a request to see it here."));
    m_bodyStack->setCurrentWidget(m_bodyText);
    fillTable(m_headers, {});
    fillTable(m_fields, {});
    setTabShown(m_headers, true, tr("Headers"));
    setTabShown(m_fields, false, m_tabs->tabText(m_tabs->indexOf(m_fields)));
    setTabShown(m_body, true, tr("Body"));
}

void MessageView::showMessage(const HttpHead &head, const QByteArray &keptBody, bool truncated,
                              const QStringList &notes)
{
    clear();
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    if (head.headers.isEmpty() && head.method.isEmpty() && head.status == 0) {
        m_bodyText->setPlainText(tr("(nothing received)"));
        m_raw->setPlainText(tr("(nothing received)"));
        m_tabs->setCurrentWidget(m_body);
        return;
    }

    const ReadableBody body = ReadableBody::of(head, keptBody, truncated);
    showBody(body);
    const bool hasBody = body.kind != ReadableBody::Kind::None || !body.notes.isEmpty();
    setTabShown(m_body, hasBody, tr("Body"));

    const BodyDecoding::Fields headers = BodyDecoding::headerFields(head);
    fillTable(m_headers, headers);
    setTabShown(m_headers, true, tr("Headers (%1)").arg(headers.size()));

    // A request's query, or its form when it has no query (a POST of a form usually).
    BodyDecoding::Fields fields;
    QString fieldsLabel;
    if (m_side == Side::Request) {
        fields = BodyDecoding::queryItems(head.target);
        fieldsLabel = tr("Query (%1)").arg(fields.size());
        if (fields.isEmpty() && body.mimeType == "application/x-www-form-urlencoded") {
            fields = BodyDecoding::formFields(body.bytes);
            fieldsLabel = tr("Form (%1)").arg(fields.size());
        }
    }
    fillTable(m_fields, fields);
    setTabShown(m_fields, !fields.isEmpty(), fieldsLabel);

    // The raw tab: the head as sent, and the body as it crossed the wire when that is text.
    QString raw = QString::fromLatin1(head.serialize());
    const bool encoded = !head.value("Content-Encoding").isEmpty()
            && head.value("Content-Encoding").toLower() != "identity";
    if (keptBody.isEmpty() && truncated)
        raw += tr("(body not kept)");
    else if (encoded || body.kind == ReadableBody::Kind::Image)
        raw += tr("(%1 of %2 data: see Body)")
                       .arg(Units::bytes(keptBody.size()),
                            QString::fromLatin1(encoded ? head.value("Content-Encoding")
                                                        : body.mimeType));
    else
        raw += QString::fromUtf8(keptBody)
                + (truncated ? tr("\n… (preview ends here)") : QString());
    m_raw->setPlainText(raw);

    if (!m_tabs->isTabVisible(m_tabs->currentIndex()))
        m_tabs->setCurrentIndex(
                m_tabs->indexOf(hasBody ? static_cast<QWidget *>(m_body) : m_headers));
}

void MessageView::showBody(const ReadableBody &body)
{
    QStringList notes = body.notes;
    m_bodyText->setPlaceholderText(QString()); // the notes say why it is empty
    m_bodyStack->setCurrentWidget(m_bodyText);
    if (body.kind == ReadableBody::Kind::Image) {
        const QImage image = QImage::fromData(body.bytes);
        const QString type = QString::fromLatin1(body.mimeType);
        if (!image.isNull()) {
            m_image->setPixmap(QPixmap::fromImage(image));
            m_imageCaption->setText(tr("%1, %2 × %3 pixels, %4")
                                            .arg(type)
                                            .arg(image.width())
                                            .arg(image.height())
                                            .arg(Units::bytes(body.bytes.size())));
            m_bodyStack->setCurrentWidget(m_imageArea);
        } else {
            notes.append(body.complete
                                 ? tr("This %1 image cannot be shown.").arg(type)
                                 : tr("This %1 image cannot be shown: only its start was kept.")
                                           .arg(type));
        }
    } else if (body.isText()) {
        m_bodyText->setPlainText(body.readableText());
    } else if (body.kind == ReadableBody::Kind::Binary) {
        m_bodyText->setPlainText(hexDump(body.bytes));
    }
    m_bodyNotes->setText(notes.join(u' '));
    m_bodyNotes->setVisible(!notes.isEmpty());
}

QPlainTextEdit *MessageView::searchedText() const
{
    if (m_tabs->currentWidget() == m_raw)
        return m_raw;
    return m_tabs->currentWidget() == m_body ? m_bodyText : nullptr;
}

int MessageView::highlight(const QString &needle, bool showText)
{
    for (QPlainTextEdit *text : {m_bodyText, m_raw})
        text->setExtraSelections({});
    QPlainTextEdit *edit = searchedText();
    if (!edit && showText && !needle.isEmpty()) {
        const QSignalBlocker quiet(m_tabs); // searched right here: no searchedTextChanged
        m_tabs->setCurrentWidget(m_raw); // the tables cannot mark text: their raw form can
        edit = m_raw;
    }
    if (!edit)
        return -1;
    if (needle.isEmpty())
        return 0;
    QList<QTextEdit::ExtraSelection> matches;
    QTextCharFormat format;
    format.setBackground(QColor(255, 221, 0)); // a marker's yellow, readable in either palette
    format.setForeground(Qt::black);
    QTextCursor cursor(edit->document());
    constexpr int MaxHighlights = 10'000; // a one-letter search in 4 MiB stays quick
    while (matches.size() < MaxHighlights) {
        cursor = edit->document()->find(needle, cursor);
        if (cursor.isNull())
            break;
        matches.append({cursor, format});
    }
    edit->setExtraSelections(matches);
    if (!matches.isEmpty()) { // from where the last match began: typing on keeps its place
        QTextCursor from = edit->textCursor();
        from.setPosition(from.selectionStart());
        edit->setTextCursor(from);
        findNext(needle, false);
    }
    return int(matches.size());
}

bool MessageView::findNext(const QString &needle, bool backward)
{
    QPlainTextEdit *edit = searchedText();
    const QTextDocument::FindFlags flags =
            backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (needle.isEmpty() || !edit)
        return false;
    if (edit->find(needle, flags))
        return true;
    // wrap around: from the other end
    QTextCursor cursor = edit->textCursor();
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    edit->setTextCursor(cursor);
    return edit->find(needle, flags);
}
