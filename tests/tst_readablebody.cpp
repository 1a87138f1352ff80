// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// ReadableBody and BodyDecoding: a kept body undone from its chunked framing and its
// Content-Encoding (against zlib's and brotli's own encoders), cut previews, damaged and
// unknown codings, a decompression bomb, JSON indented as sent, and query and form fields.

#include "compressed.h"
#include "readablebody.h"
#include "requestlog.h"
#include "units.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ReadableBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dechunkCopesWithACutPreview_data();
    void dechunkCopesWithACutPreview();
    void eachCodingDecodes_data();
    void eachCodingDecodes();
    void aCutStreamGivesItsStart_data();
    void aCutStreamGivesItsStart();
    void damagedOrUnknownCodingsSaySo();
    void aBombStopsAtTheLimit();
    void chunkedGzipJsonIsIndentedAsSent();
    void codingsComeOffInReverse();
    void aCutPreviewSaysSo();
    void undecodableBytesAreBinary();
    void aDamagedStreamShowsItsStart();
    void imagesAndBodiesNotKept();
    void charsetIsHonoured();
    void jsonThatIsNotJsonStaysText();
    void deepNestingStaysBounded();
    void queryAndFormFields();

private:
    static QByteArray document(); // a JSON document of some size, with a key order to keep
};

namespace {

HttpHead head(QList<HttpHeader> headers)
{
    HttpHead head;
    head.status = 200;
    head.reason = "OK";
    head.headers = std::move(headers);
    return head;
}

QByteArray chunked(const QByteArray &payload, qsizetype chunkSize)
{
    QByteArray framed;
    for (qsizetype at = 0; at < payload.size(); at += chunkSize) {
        const QByteArray chunk = payload.mid(at, chunkSize);
        framed += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return framed + "0\r\n\r\n";
}

using Encoder = QByteArray (*)(const QByteArray &);

} // namespace

QByteArray tst_ReadableBody::document()
{
    QByteArray json = "{\"zebra\": 1, \"apple\": [12345678901234567890, "
                      "\"a \\\"quoted\\\" {brace}\"],";
    for (int i = 0; i < 500; ++i)
        json += "\"k" + QByteArray::number(i) + "\": \"value number " + QByteArray::number(i)
                + "\", ";
    return json + "\"end\": {}}";
}

void tst_ReadableBody::dechunkCopesWithACutPreview_data()
{
    QTest::addColumn<QByteArray>("framed");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("complete");
    QTest::newRow("whole") << "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"_ba
                           << "abcde"_ba << true;
    QTest::newRow("trailers") << "1\r\na\r\n0\r\nX-T: 1\r\n\r\n"_ba
                              << "a"_ba << true;
    QTest::newRow("cut inside a chunk") << "3\r\nabc\r\n10\r\ndefg"_ba
                                        << "abcdefg"_ba << false;
    QTest::newRow("cut inside a size") << "3\r\nabc\r\n1"_ba
                                       << "abc"_ba << false;
    QTest::newRow("no last chunk") << "3\r\nabc\r\n"_ba
                                   << "abc"_ba << false;
    QTest::newRow("broken size") << "3\r\nabc\r\nzz\r\nde\r\n0\r\n\r\n"_ba
                                 << "abc"_ba << false;
    QTest::newRow("no CRLF after a chunk") << "3\r\nabcXX2\r\nde\r\n"_ba << QByteArray() << false;
}

void tst_ReadableBody::dechunkCopesWithACutPreview()
{
    QFETCH(QByteArray, framed);
    QFETCH(QByteArray, payload);
    QFETCH(bool, complete);
    bool lastChunkSeen = !complete;
    QCOMPARE(BodyDecoding::dechunk(framed, &lastChunkSeen), payload);
    QCOMPARE(lastChunkSeen, complete);
}

void tst_ReadableBody::eachCodingDecodes_data()
{
    QTest::addColumn<QByteArray>("coding");
    QTest::addColumn<QByteArray>("encoded");
    const QByteArray text = document();
    QTest::newRow("gzip") << "gzip"_ba << Compressed::gzip(text);
    QTest::newRow("x-gzip") << "x-gzip"_ba << Compressed::gzip(text);
    QTest::newRow("deflate (zlib)") << "deflate"_ba << Compressed::zlib(text);
    QTest::newRow("deflate (raw)") << "deflate"_ba << Compressed::rawDeflate(text);
    QTest::newRow("br") << "br"_ba << Compressed::brotli(text);
    QTest::newRow("identity") << "identity"_ba << text;
}

void tst_ReadableBody::eachCodingDecodes()
{
    QFETCH(QByteArray, coding);
    QFETCH(QByteArray, encoded);
    const BodyDecoding::Decoded decoded = BodyDecoding::decode(coding, encoded, 1 << 20);
    QCOMPARE(decoded.error, QString());
    QVERIFY(!decoded.cut);
    QCOMPARE(decoded.bytes, document());
}

void tst_ReadableBody::aCutStreamGivesItsStart_data()
{
    QTest::addColumn<QByteArray>("coding");
    QTest::addColumn<QByteArray>("encoded");
    QByteArray text;
    for (int i = 0; i < 20000; ++i) // hard to compress: the cut is inside the data
        text += QByteArray::number(quint64(i) * 2654435761u % 1000003) + ' ';
    QTest::newRow("gzip") << "gzip"_ba << Compressed::gzip(text);
    QTest::newRow("deflate") << "deflate"_ba << Compressed::zlib(text);
    QTest::newRow("br") << "br"_ba << Compressed::brotli(text);
}

void tst_ReadableBody::aCutStreamGivesItsStart()
{
    QFETCH(QByteArray, coding);
    QFETCH(QByteArray, encoded);
    const BodyDecoding::Decoded whole = BodyDecoding::decode(coding, encoded, 1 << 20);
    const BodyDecoding::Decoded start =
            BodyDecoding::decode(coding, encoded.first(encoded.size() / 2), 1 << 20);
    QCOMPARE(start.error, QString());
    QVERIFY(start.cut);
    QVERIFY2(start.bytes.size() > whole.bytes.size() / 4,
             qPrintable(QString::number(start.bytes.size())));
    QVERIFY(whole.bytes.startsWith(start.bytes));
}

void tst_ReadableBody::damagedOrUnknownCodingsSaySo()
{
    QByteArray damaged = Compressed::gzip(document());
    for (qsizetype i = 20; i < 60; ++i)
        damaged[i] = char(~damaged[i]);
    QVERIFY(!BodyDecoding::decode("gzip", damaged, 1 << 20).error.isEmpty());
    QVERIFY(!BodyDecoding::decode("br", "not brotli at all"_ba, 1 << 20).error.isEmpty());
    QVERIFY(!BodyDecoding::decode("deflate", "not deflate"_ba, 1 << 20).error.isEmpty());
    const BodyDecoding::Decoded zstd = BodyDecoding::decode("zstd", "\x28\xb5\x2f\xfd"_ba, 1 << 20);
    QVERIFY(zstd.error.contains(u"zstd"));
    QVERIFY(zstd.bytes.isEmpty());
}

// 64 KiB of gzip can hold gigabytes: decoding a preview stops at the limit.
void tst_ReadableBody::aBombStopsAtTheLimit()
{
    const QByteArray bomb = Compressed::gzip(QByteArray(64 << 20, '\0'));
    QVERIFY(bomb.size() < RequestRecord::PreviewLimit);
    const BodyDecoding::Decoded decoded = BodyDecoding::decode("gzip", bomb, 1 << 20);
    QCOMPARE(decoded.bytes.size(), 1 << 20);
    QVERIFY(decoded.cut);

    const ReadableBody body = ReadableBody::of(
            head({{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}}), bomb, false);
    QCOMPARE(body.bytes.size(), ReadableBody::DecodedLimit);
    QVERIFY(!body.complete);
    QVERIFY(body.notes.join(u' ').contains(Units::bytes(ReadableBody::DecodedLimit)));
}

void tst_ReadableBody::chunkedGzipJsonIsIndentedAsSent()
{
    const ReadableBody body = ReadableBody::of(head({{"Content-Type", "application/json"},
                                                     {"Content-Encoding", "gzip"},
                                                     {"Transfer-Encoding", "chunked"}}),
                                               chunked(Compressed::gzip(document()), 100), false);
    QCOMPARE(body.kind, ReadableBody::Kind::Json);
    QVERIFY(body.complete);
    QCOMPARE(body.bytes, document()); // HAR takes these: the JSON as the app sent it
    QCOMPARE(body.notes, QStringList{u"Decoded from gzip."_s});
    const QString text = body.readableText();
    QVERIFY2(text.startsWith(u"{\n  \"zebra\": 1,\n  \"apple\": [\n    12345678901234567890,\n"
                             "    \"a \\\"quoted\\\" {brace}\"\n  ],\n"_s),
             qPrintable(text.left(200)));
    QVERIFY(text.endsWith(u"  \"end\": {}\n}"_s));
    // the same document, only indented
    QCOMPARE(QJsonDocument::fromJson(text.toUtf8()), QJsonDocument::fromJson(document()));
}

void tst_ReadableBody::codingsComeOffInReverse()
{
    const QByteArray twice = Compressed::brotli(Compressed::gzip("hello"_ba));
    const ReadableBody body = ReadableBody::of(
            head({{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip, br"}}), twice, false);
    QCOMPARE(body.bytes, "hello"_ba);
    QCOMPARE(body.kind, ReadableBody::Kind::Text);
    QCOMPARE(body.notes, (QStringList{u"Decoded from gzip."_s, u"Decoded from br."_s}));
}

void tst_ReadableBody::aCutPreviewSaysSo()
{
    QByteArray text;
    while (text.size() < 3 * RequestRecord::PreviewLimit)
        text += QByteArray::number(text.size() * 7919) + '\n';
    const QByteArray preview = Compressed::gzip(text).first(RequestRecord::PreviewLimit);
    const ReadableBody body = ReadableBody::of(
            head({{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}}), preview, true);
    QVERIFY(!body.complete);
    QVERIFY(!body.bytes.isEmpty());
    QVERIFY(text.startsWith(body.bytes));
    QCOMPARE(body.notes.size(), 2);
    QVERIFY(body.notes.last().contains(Units::bytes(RequestRecord::PreviewLimit)));

    const ReadableBody json = ReadableBody::of(head({{"Content-Type", "application/json"}}),
                                               document().first(200), true);
    QCOMPARE(json.kind, ReadableBody::Kind::Json); // indented as far as it goes
    QVERIFY(json.readableText().startsWith(u"{\n  \"zebra\": 1,"_s));
}

void tst_ReadableBody::undecodableBytesAreBinary()
{
    const ReadableBody body =
            ReadableBody::of(head({{"Content-Type", "text/plain"}, {"Content-Encoding", "zstd"}}),
                             "\x28\xb5"_ba, false);
    QCOMPARE(body.kind, ReadableBody::Kind::Binary);
    QCOMPARE(body.bytes, "\x28\xb5"_ba);
    QCOMPARE(body.notes.size(), 1);
    QVERIFY(body.notes.first().startsWith(u"Could not decode zstd: "_s));
}

// A stream damaged after a good start: what came out is shown (its start as sent), and the
// note says it could not be decoded, not that it was.
void tst_ReadableBody::aDamagedStreamShowsItsStart()
{
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text += QByteArray::number(quint64(i) * 2654435761u % 1000003) + ' ';
    QByteArray damaged = Compressed::gzip(text);
    for (qsizetype i = damaged.size() / 2; i < damaged.size() / 2 + 64; ++i)
        damaged[i] = char(~damaged[i]);
    const ReadableBody body = ReadableBody::of(
            head({{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}}), damaged, false);
    QVERIFY(!body.bytes.isEmpty()); // inflate may have made some of it from the damage
    QVERIFY(text.startsWith(body.bytes.first(1000)));
    QVERIFY(!body.complete);
    QCOMPARE(body.notes.size(), 1);
    QVERIFY2(body.notes.first().startsWith(u"Could not decode gzip: "_s),
             qPrintable(body.notes.first()));
}

void tst_ReadableBody::imagesAndBodiesNotKept()
{
    const QByteArray png("\x89PNG\r\n\x1a\n", 8);
    ReadableBody body = ReadableBody::of(head({{"Content-Type", "image/png"}}), png, false);
    QCOMPARE(body.kind, ReadableBody::Kind::Image);
    QCOMPARE(body.mimeType, "image/png"_ba);
    QCOMPARE(body.bytes, png);

    body = ReadableBody::of(head({{"Content-Type", "application/octet-stream"}}), {}, true);
    QCOMPARE(body.kind, ReadableBody::Kind::None);
    QVERIFY(!body.complete);
    QCOMPARE(body.notes.size(), 1);

    body = ReadableBody::of(head({}), {}, false); // no body at all
    QCOMPARE(body.kind, ReadableBody::Kind::None);
    QVERIFY(body.notes.isEmpty());
}

void tst_ReadableBody::charsetIsHonoured()
{
    ReadableBody body = ReadableBody::of(
            head({{"Content-Type", "text/plain; charset=\"ISO-8859-1\""}}), "M\xfcller"_ba, false);
    QCOMPARE(body.charset, "ISO-8859-1"_ba);
    QCOMPARE(body.text(), u"Müller"_s);
    body = ReadableBody::of(head({{"Content-Type", "text/plain"}}), "M\xc3\xbcller"_ba, false);
    QCOMPARE(body.text(), u"Müller"_s);
    body = ReadableBody::of(head({{"Content-Type", "text/plain; charset=no-such"}}), "ok"_ba,
                            false);
    QCOMPARE(body.text(), u"ok"_s);
}

void tst_ReadableBody::jsonThatIsNotJsonStaysText()
{
    const ReadableBody body = ReadableBody::of(head({{"Content-Type", "application/json"}}),
                                               "<html>oops</html>"_ba, false);
    QCOMPARE(body.kind, ReadableBody::Kind::Text);
    QCOMPARE(body.readableText(), u"<html>oops</html>"_s);
}

// Indenting bounds its output: deep nesting stops indenting further, and a body that would
// grow too much stays as it came.
void tst_ReadableBody::deepNestingStaysBounded()
{
    const QByteArray deep = QByteArray(30000, '[') + "1" + QByteArray(30000, ']');
    // cut: QJsonDocument refuses such depth in a whole body, and a cut one is not parsed
    ReadableBody body = ReadableBody::of(head({{"Content-Type", "application/json"}}), deep, true);
    QCOMPARE(body.kind, ReadableBody::Kind::Json);
    const QString text = body.readableText();
    QVERIFY2(text.size() < 40 * deep.size(), qPrintable(QString::number(text.size())));
    QVERIFY(text.contains(u"\n"_s + QString(32, u' ') + u"["_s));
    QVERIFY(!text.contains(QString(34, u' ')));

    const QByteArray commas = "[" + QByteArray(3 << 20, ',') + "]"; // not JSON, but cut
    body = ReadableBody::of(head({{"Content-Type", "application/json"}}), commas, true);
    QVERIFY(body.readableText().size() <= 2 * ReadableBody::DecodedLimit + 64);
}

void tst_ReadableBody::queryAndFormFields()
{
    using Fields = BodyDecoding::Fields;
    QCOMPARE(BodyDecoding::queryItems("/s?q=a%20b&x=1&x=2&flag#frag"),
             (Fields{{u"q"_s, u"a b"_s}, {u"x"_s, u"1"_s}, {u"x"_s, u"2"_s}, {u"flag"_s, {}}}));
    QCOMPARE(BodyDecoding::queryItems("/plain"), Fields());
    QCOMPARE(BodyDecoding::queryItems("/s?c=1+1"), (Fields{{u"c"_s, u"1+1"_s}})); // + is a +
    QCOMPARE(BodyDecoding::formFields("name=J%C3%BCrgen+M&empty=&a%26b=c%3Dd\r\n"),
             (Fields{{u"name"_s, u"Jürgen M"_s}, {u"empty"_s, {}}, {u"a&b"_s, u"c=d"_s}}));
    HttpHead request;
    request.headers = {{"Host", "x"}, {"Accept", "*/*"}};
    QCOMPARE(BodyDecoding::headerFields(request),
             (Fields{{u"Host"_s, u"x"_s}, {u"Accept"_s, u"*/*"_s}}));
}

QTEST_GUILESS_MAIN(tst_ReadableBody)
#include "tst_readablebody.moc"
