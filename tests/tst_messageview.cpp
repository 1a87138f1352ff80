// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// MessageView: what the details pane shows of one side of an exchange: the body decoded and
// indented, the headers and the query or form as tables, an image, bytes no coding could read,
// the raw message, and a search that marks every match and wraps.

#include "compressed.h"
#include "messageview.h"

#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_MessageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aGzipJsonResponseIsDecodedIndentedAndTabled();
    void aRequestShowsItsQueryOrItsForm();
    void aRequestWithoutBodyOpensOnItsHeaders();
    void anImageIsShownWithItsSize();
    void aCutImageSaysWhyItIsNotShown();
    void bytesNoCodingReadsAreShownAsHex();
    void nothingReceived();
    void searchMarksEveryMatchAndWraps();
    void searchOnATableShowsTheRawMessage();

private:
    template <typename T>
    static T *child(const MessageView &view, const QString &name)
    {
        T *widget = view.findChild<T *>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    }
    static QString tabText(const MessageView &view, const QString &name)
    {
        auto *tabs = view.findChild<QTabWidget *>();
        const int index = tabs->indexOf(view.findChild<QWidget *>(name));
        return tabs->isTabVisible(index) ? tabs->tabText(index) : QString();
    }
    static QWidget *currentTab(const MessageView &view)
    {
        return view.findChild<QTabWidget *>()->currentWidget();
    }
};

namespace {

HttpHead response(QList<HttpHeader> headers)
{
    HttpHead head;
    head.status = 200;
    head.reason = "OK";
    head.headers = std::move(headers);
    return head;
}

HttpHead request(const QByteArray &method, const QByteArray &target, QList<HttpHeader> headers)
{
    HttpHead head;
    head.method = method;
    head.target = target;
    head.headers = std::move(headers);
    return head;
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QStringList column(const QTableWidget *table, int column)
{
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        cells.append(table->item(row, column)->text());
    return cells;
}

} // namespace

void tst_MessageView::aGzipJsonResponseIsDecodedIndentedAndTabled()
{
    MessageView view(MessageView::Side::Response);
    const HttpHead head = response({{"Content-Type", "application/json"},
                                    {"Content-Encoding", "gzip"},
                                    {"Content-Length", "40"}});
    view.showMessage(head, Compressed::gzip("{\"name\":\"otter\",\"legs\":[1,2]}"), false,
                     {u"App: 3.00 ms."_s});

    QCOMPARE(child<QLabel>(view, u"responseBodyNotes"_s)->text(), u"Decoded from gzip."_s);
    QCOMPARE(child<QPlainTextEdit>(view, u"responseBodyText"_s)->toPlainText(),
             u"{\n  \"name\": \"otter\",\n  \"legs\": [\n    1,\n    2\n  ]\n}"_s);
    auto *notes = child<QLabel>(view, u"responseNotes"_s);
    QCOMPARE(notes->text(), u"App: 3.00 ms."_s);
    QVERIFY(!notes->isHidden());
    auto *headers = child<QTableWidget>(view, u"responseHeaders"_s);
    QCOMPARE(column(headers, 0),
             (QStringList{u"Content-Type"_s, u"Content-Encoding"_s, u"Content-Length"_s}));
    QCOMPARE(column(headers, 1), (QStringList{u"application/json"_s, u"gzip"_s, u"40"_s}));
    QCOMPARE(tabText(view, u"responseHeaders"_s), u"Headers (3)"_s);
    QCOMPARE(tabText(view, u"responseFields"_s), QString()); // a response has no query
    QCOMPARE(currentTab(view)->objectName(), u"responseBody"_s);
    const QString raw = child<QPlainTextEdit>(view, u"responseRaw"_s)->toPlainText();
    QVERIFY2(raw.startsWith(u"HTTP/1.1 200 OK\nContent-Type: application/json\n"_s),
             qPrintable(raw));
    QVERIFY2(raw.endsWith(u"of gzip data: see Body)"_s), qPrintable(raw));
}

void tst_MessageView::aRequestShowsItsQueryOrItsForm()
{
    MessageView view(MessageView::Side::Request);
    view.showMessage(request("GET", "/search?q=sea%20otter&page=2", {{"Host", "x"}}), {}, false);
    auto *fields = child<QTableWidget>(view, u"requestFields"_s);
    QCOMPARE(tabText(view, u"requestFields"_s), u"Query (2)"_s);
    QCOMPARE(column(fields, 0), (QStringList{u"q"_s, u"page"_s}));
    QCOMPARE(column(fields, 1), (QStringList{u"sea otter"_s, u"2"_s}));

    view.showMessage(
            request("POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}}),
            "user=J%C3%BCrgen&note=hi+there", false);
    QCOMPARE(tabText(view, u"requestFields"_s), u"Form (2)"_s);
    QCOMPARE(column(fields, 1), (QStringList{u"Jürgen"_s, u"hi there"_s}));
    QCOMPARE(child<QPlainTextEdit>(view, u"requestBodyText"_s)->toPlainText(),
             u"user=J%C3%BCrgen&note=hi+there"_s);

    view.showMessage(request("GET", "/plain", {{"Host", "x"}}), {}, false);
    QCOMPARE(tabText(view, u"requestFields"_s), QString());
}

void tst_MessageView::aRequestWithoutBodyOpensOnItsHeaders()
{
    MessageView view(MessageView::Side::Request);
    view.showMessage(request("GET", "/", {{"Host", "x"}, {"Accept", "*/*"}}), {}, false);
    QCOMPARE(tabText(view, u"requestBody"_s), QString());
    QCOMPARE(currentTab(view), view.findChild<QWidget *>(u"requestHeaders"_s));
    QVERIFY(child<QLabel>(view, u"requestNotes"_s)->isHidden());
}

void tst_MessageView::anImageIsShownWithItsSize()
{
    MessageView view(MessageView::Side::Response);
    const QByteArray image = png(7, 3);
    view.showMessage(response({{"Content-Type", "image/png"}}), image, false);
    const QLabel *label = child<QLabel>(view, u"responseImage"_s);
    QCOMPARE(label->pixmap().size(), QSize(7, 3));
    QVERIFY(!label->isHidden());
    QVERIFY2(child<QLabel>(view, u"responseImageCaption"_s)
                     ->text()
                     .startsWith(u"image/png, 7 × 3 pixels, "_s),
             qPrintable(child<QLabel>(view, u"responseImageCaption"_s)->text()));
}

void tst_MessageView::aCutImageSaysWhyItIsNotShown()
{
    MessageView view(MessageView::Side::Response);
    view.showMessage(response({{"Content-Type", "image/png"}}), png(7, 3).first(20), true);
    QVERIFY(child<QLabel>(view, u"responseImage"_s)->pixmap().isNull());
    QVERIFY(child<QLabel>(view, u"responseBodyNotes"_s)
                    ->text()
                    .endsWith(u"This image/png image cannot be shown: only its start was kept."_s));
    QCOMPARE(child<QPlainTextEdit>(view, u"responseBodyText"_s)->toPlainText(), QString());
}

void tst_MessageView::bytesNoCodingReadsAreShownAsHex()
{
    MessageView view(MessageView::Side::Response);
    view.showMessage(response({{"Content-Type", "text/plain"}, {"Content-Encoding", "zstd"}}),
                     "\x28\xb5\x2f\xfd"
                     "abc"_ba,
                     false);
    QCOMPARE(child<QLabel>(view, u"responseBodyNotes"_s)->text(),
             u"Could not decode zstd: rok does not decode zstd."_s);
    const QString text = child<QPlainTextEdit>(view, u"responseBodyText"_s)->toPlainText();
    QVERIFY2(text.startsWith(u"00000000  28 b5 2f fd 61 62 63 "_s), qPrintable(text));
    QVERIFY(text.endsWith(u"(./.abc\n"_s));
}

void tst_MessageView::nothingReceived()
{
    MessageView view(MessageView::Side::Response);
    view.showMessage(HttpHead(), {}, false, {u"the local service closed the connection"_s});
    QCOMPARE(child<QPlainTextEdit>(view, u"responseBodyText"_s)->toPlainText(),
             u"(nothing received)"_s);
    QCOMPARE(child<QLabel>(view, u"responseNotes"_s)->text(),
             u"the local service closed the connection"_s);
    view.clear();
    QVERIFY(child<QLabel>(view, u"responseNotes"_s)->isHidden());
    QCOMPARE(child<QPlainTextEdit>(view, u"responseBodyText"_s)->toPlainText(), QString());
}

void tst_MessageView::searchMarksEveryMatchAndWraps()
{
    MessageView view(MessageView::Side::Response);
    view.showMessage(response({{"Content-Type", "text/plain"}}), "Otter\nsea otter\nOTTERS"_ba,
                     false);
    auto *body = child<QPlainTextEdit>(view, u"responseBodyText"_s);
    QCOMPARE(view.highlight(u"otter"_s), 3); // as search boxes do: any case
    QCOMPARE(body->extraSelections().size(), 3);
    QCOMPARE(body->textCursor().selectionStart(), 0); // moved to the first
    QVERIFY(view.findNext(u"otter"_s, false));
    QCOMPARE(body->textCursor().selectionStart(), 10);
    QVERIFY(view.findNext(u"otter"_s, false));
    QCOMPARE(body->textCursor().selectionStart(), 16);
    QVERIFY(view.findNext(u"otter"_s, false)); // wraps to the first
    QCOMPARE(body->textCursor().selectionStart(), 0);
    QVERIFY(view.findNext(u"otter"_s, true)); // and back to the last
    QCOMPARE(body->textCursor().selectionStart(), 16);
    QCOMPARE(view.highlight(u"otters"_s), 1); // typing on keeps the place
    QCOMPARE(body->textCursor().selectionStart(), 16);

    QCOMPARE(view.highlight(u"beaver"_s), 0);
    QVERIFY(body->extraSelections().isEmpty());
    QVERIFY(!view.findNext(u"beaver"_s, false));
    QCOMPARE(view.highlight({}), 0);
    QVERIFY(body->extraSelections().isEmpty());
}

// The tables cannot mark text: a search typed on one shows the raw message; switching to a
// table with a search on does not.
void tst_MessageView::searchOnATableShowsTheRawMessage()
{
    MessageView view(MessageView::Side::Response);
    view.showMessage(response({{"Content-Type", "text/plain"}, {"X-Pet", "otter"}}), "hi"_ba,
                     false);
    auto *tabs = view.findChild<QTabWidget *>();
    tabs->setCurrentWidget(child<QWidget>(view, u"responseHeaders"_s));
    QCOMPARE(view.highlight(u"otter"_s), -1);
    QCOMPARE(currentTab(view)->objectName(), u"responseHeaders"_s);
    QCOMPARE(view.highlight(u"otter"_s, true), 1);
    QCOMPARE(currentTab(view)->objectName(), u"responseRaw"_s);
    QCOMPARE(child<QPlainTextEdit>(view, u"responseRaw"_s)->extraSelections().size(), 1);
}

QTEST_MAIN(tst_MessageView)
#include "tst_messageview.moc"
