// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "compressed.h"
#include "harexport.h"
#include "requestlog.h"
#include "units.h"

using namespace Qt::StringLiterals;

namespace {

HttpHead requestHead(const QByteArray &method, const QByteArray &target,
                     const QList<HttpHeader> &fields)
{
    HttpHead head;
    head.method = method;
    head.target = target;
    head.headers = fields;
    head.size = head.serialize().size();
    return head;
}

HttpHead responseHead(int status, const QByteArray &reason, const QList<HttpHeader> &fields)
{
    HttpHead head;
    head.status = status;
    head.reason = reason;
    head.headers = fields;
    head.size = head.serialize().size();
    return head;
}

QDateTime startedAt(int second)
{
    return QDateTime(QDate(2024, 5, 6), QTime(7, 8, second, 123), QTimeZone(2 * 3600));
}

// GET with a query string, through the tunnel: the server added X-Forwarded-*.
RequestRecord getWithQuery()
{
    RequestRecord record;
    record.started = startedAt(9);
    record.method = "GET";
    record.path = "/search?q=rok+tunnel&lang=en&flag&city=K%C3%B6ln#top";
    record.requestHead = requestHead(record.method, record.path,
                                     {{"Host", "brave-otter.rok.example:8080"},
                                      {"Accept", "text/html"},
                                      {"X-Forwarded-Proto", "https"},
                                      {"X-Forwarded-Host", "brave-otter.rok.example"}});
    record.requestBytes = record.requestHead.size;
    record.responseHead = responseHead(
            200, "OK", {{"Content-Type", "text/html; charset=utf-8"}, {"Content-Length", "9"}});
    record.responseBody = "<p>hi</p>";
    record.responseBytes = record.responseHead.size + 9;
    record.status = 200;
    record.durationMs = 12.5;
    record.firstByteMs = 10;
    return record;
}

RequestRecord postJson()
{
    RequestRecord record;
    record.started = startedAt(10);
    record.method = "POST";
    record.path = "/api/items";
    record.requestBody = R"({"name":"Zoë"})"_ba;
    record.requestHead =
            requestHead(record.method, record.path,
                        {{"Host", "brave-otter.localhost:8080"},
                         {"Content-Type", "application/json"},
                         {"Content-Length", QByteArray::number(record.requestBody.size())}});
    record.requestBytes = record.requestHead.size + record.requestBody.size();
    record.responseHead = responseHead(201, "Created",
                                       {{"Content-Type", "application/json"},
                                        {"Location", "/api/items/7"},
                                        {"Transfer-Encoding", "chunked"}});
    record.responseBody = "4\r\n{\"id\r\n4;ext=1\r\n\":7}\r\n0\r\n\r\n";
    record.responseBytes = record.responseHead.size + record.responseBody.size();
    record.status = 201;
    record.durationMs = 3;
    record.firstByteMs = 2.25;
    return record;
}

// What the client logs when the local service is down: a 502 page with the reason.
RequestRecord badGateway()
{
    RequestRecord record;
    record.started = startedAt(11);
    record.method = "DELETE";
    record.path = "/api/items/7";
    record.requestHead = requestHead(record.method, record.path, {{"Host", "b.localhost"}});
    record.status = 502;
    record.error =
            u"rok could not reach the local service at localhost:3000: Connection refused."_s;
    return record;
}

// The connection closed before any response.
RequestRecord noResponse()
{
    RequestRecord record;
    record.started = startedAt(12);
    record.method = "GET";
    record.path = "/slow";
    record.requestHead = requestHead(record.method, record.path, {{"Host", "b.localhost"}});
    record.requestBytes = record.requestHead.size;
    record.durationMs = 40;
    record.error = u"connection closed before the response ended"_s;
    return record;
}

RequestRecord upgrade(RequestRecord::Kind kind)
{
    RequestRecord record;
    record.kind = kind;
    record.started = startedAt(13);
    record.method = "GET";
    record.path = "/ws";
    record.requestHead = requestHead(
            record.method, record.path,
            {{"Host", "b.localhost"}, {"Connection", "Upgrade"}, {"Upgrade", "websocket"}});
    record.requestBytes =
            record.requestHead.size + (kind == RequestRecord::Kind::Upgrade ? 0 : 500);
    record.responseHead = responseHead(101, "Switching Protocols",
                                       {{"Connection", "Upgrade"}, {"Upgrade", "websocket"}});
    record.responseBytes =
            record.responseHead.size + (kind == RequestRecord::Kind::Upgrade ? 0 : 900);
    record.status = 101;
    record.durationMs = kind == RequestRecord::Kind::Upgrade ? 1.5 : 60'000;
    record.firstByteMs = 1.5;
    return record;
}

QList<RequestRecord> sample()
{
    return {getWithQuery(),
            postJson(),
            badGateway(),
            noResponse(),
            upgrade(RequestRecord::Kind::Upgrade),
            upgrade(RequestRecord::Kind::UpgradeClosed)};
}

// toHar() through its JSON text and back, as a HAR viewer would read it
QJsonObject roundTrip(const QJsonObject &har)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QJsonDocument(har).toJson(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

QJsonObject entryOf(const QJsonObject &har, int index)
{
    return har.value("log"_L1).toObject().value("entries"_L1).toArray().at(index).toObject();
}

QList<QPair<QString, QString>> pairs(const QJsonValue &array)
{
    QList<QPair<QString, QString>> out;
    for (const QJsonValue &item : array.toArray())
        out.append({item["name"_L1].toString(), item["value"_L1].toString()});
    return out;
}

using Pairs = QList<QPair<QString, QString>>;

} // namespace

class tst_HarExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logStructure();
    void everyEntryHasTheRequiredFields();
    void getWithQueryString();
    void postWithJsonBody();
    void badGatewayCarriesItsError();
    void noResponseHasStatusZero();
    void upgradeIsIncludedItsCloseIsNot();
    void urlFallsBackToHost();
    void bodiesAreDecodedOrDescribed();
    void invalidUtf8BecomesReplacementCharacters();
    void localTimeGetsItsOffset();
    void emptyLog();
    void writeFileAndReadBack();
    void writeFileReplacesAnOldFile();
    void writeFileToUnwritablePathFails();
};

void tst_HarExport::logStructure()
{
    const QJsonObject har = roundTrip(HarExport::toHar(sample(), u"1.2.3"_s));
    QVERIFY(!har.isEmpty());
    QCOMPARE(har.keys(), QStringList{u"log"_s});
    const QJsonObject log = har["log"_L1].toObject();
    QCOMPARE(log["version"_L1].toString(), u"1.2"_s);
    QCOMPARE(log["creator"_L1]["name"_L1].toString(), u"rok"_s);
    QCOMPARE(log["creator"_L1]["version"_L1].toString(), u"1.2.3"_s);
    QVERIFY(log["entries"_L1].isArray());
    QCOMPARE(log["entries"_L1].toArray().size(), 5); // the UpgradeClosed record is left out
}

void tst_HarExport::everyEntryHasTheRequiredFields()
{
    const QJsonObject har = roundTrip(HarExport::toHar(sample(), u"1.2.3"_s));
    const QJsonArray entries = har["log"_L1]["entries"_L1].toArray();
    QVERIFY(!entries.isEmpty());
    const QStringList entryKeys{u"startedDateTime"_s, u"time"_s,  u"request"_s,
                                u"response"_s,        u"cache"_s, u"timings"_s};
    const QStringList requestKeys{u"method"_s,  u"url"_s,         u"httpVersion"_s, u"cookies"_s,
                                  u"headers"_s, u"queryString"_s, u"headersSize"_s, u"bodySize"_s};
    const QStringList responseKeys{u"status"_s,      u"statusText"_s,  u"httpVersion"_s,
                                   u"cookies"_s,     u"headers"_s,     u"content"_s,
                                   u"redirectURL"_s, u"headersSize"_s, u"bodySize"_s};
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        for (const QString &key : entryKeys)
            QVERIFY2(entry.contains(key), qPrintable(key));
        for (const QString &key : requestKeys)
            QVERIFY2(entry["request"_L1].toObject().contains(key), qPrintable(key));
        for (const QString &key : responseKeys)
            QVERIFY2(entry["response"_L1].toObject().contains(key), qPrintable(key));
        QVERIFY(entry["request"_L1]["cookies"_L1].isArray());
        QVERIFY(entry["response"_L1]["cookies"_L1].isArray());
        QVERIFY(entry["cache"_L1].isObject());
        QVERIFY(entry["response"_L1]["content"_L1]["size"_L1].isDouble());
        QVERIFY(entry["response"_L1]["content"_L1]["mimeType"_L1].isString());

        // the spec: time is the sum of the timings that are not -1
        const QJsonObject timings = entry["timings"_L1].toObject();
        QCOMPARE(timings["send"_L1].toDouble(), 0.0);
        for (const auto key : {"blocked"_L1, "dns"_L1, "connect"_L1, "ssl"_L1})
            QCOMPARE(timings[key].toDouble(), -1.0);
        QVERIFY(timings["wait"_L1].toDouble() >= 0);
        QVERIFY(timings["receive"_L1].toDouble() >= 0);
        QCOMPARE(timings["send"_L1].toDouble() + timings["wait"_L1].toDouble()
                         + timings["receive"_L1].toDouble(),
                 entry["time"_L1].toDouble());

        const QDateTime started =
                QDateTime::fromString(entry["startedDateTime"_L1].toString(), Qt::ISODateWithMs);
        QVERIFY(started.isValid());
    }
}

void tst_HarExport::getWithQueryString()
{
    const QJsonObject entry = entryOf(roundTrip(HarExport::toHar(sample(), u"1"_s)), 0);
    QCOMPARE(entry["startedDateTime"_L1].toString(), u"2024-05-06T07:08:09.123+02:00"_s);
    QCOMPARE(entry["time"_L1].toDouble(), 12.5);
    QCOMPARE(entry["timings"_L1]["wait"_L1].toDouble(), 10.0);
    QCOMPARE(entry["timings"_L1]["receive"_L1].toDouble(), 2.5);

    const QJsonObject request = entry["request"_L1].toObject();
    QCOMPARE(request["method"_L1].toString(), u"GET"_s);
    QCOMPARE(
            request["url"_L1].toString(),
            u"https://brave-otter.rok.example/search?q=rok+tunnel&lang=en&flag&city=K%C3%B6ln#top"_s);
    QCOMPARE(request["httpVersion"_L1].toString(), u"HTTP/1.1"_s);
    QCOMPARE(pairs(request["queryString"_L1]),
             (Pairs{{u"q"_s, u"rok tunnel"_s},
                    {u"lang"_s, u"en"_s},
                    {u"flag"_s, QString()},
                    {u"city"_s, u"Köln"_s}}));
    QCOMPARE(pairs(request["headers"_L1]),
             (Pairs{{u"Host"_s, u"brave-otter.rok.example:8080"_s},
                    {u"Accept"_s, u"text/html"_s},
                    {u"X-Forwarded-Proto"_s, u"https"_s},
                    {u"X-Forwarded-Host"_s, u"brave-otter.rok.example"_s}}));
    QCOMPARE(request["headersSize"_L1].toDouble(), double(getWithQuery().requestHead.size));
    QCOMPARE(request["bodySize"_L1].toDouble(), 0.0);
    QVERIFY(!request.contains("postData"_L1));

    const QJsonObject response = entry["response"_L1].toObject();
    QCOMPARE(response["status"_L1].toInt(), 200);
    QCOMPARE(response["statusText"_L1].toString(), u"OK"_s);
    QCOMPARE(response["httpVersion"_L1].toString(), u"HTTP/1.1"_s);
    QCOMPARE(response["redirectURL"_L1].toString(), QString());
    QCOMPARE(response["headersSize"_L1].toDouble(), double(getWithQuery().responseHead.size));
    QCOMPARE(response["bodySize"_L1].toDouble(), 9.0);
    QCOMPARE(response["content"_L1]["size"_L1].toDouble(), 9.0);
    QCOMPARE(response["content"_L1]["mimeType"_L1].toString(), u"text/html; charset=utf-8"_s);
    QCOMPARE(response["content"_L1]["text"_L1].toString(), u"<p>hi</p>"_s);
    QVERIFY(!response.contains("_error"_L1));
}

void tst_HarExport::postWithJsonBody()
{
    const QJsonObject entry = entryOf(roundTrip(HarExport::toHar(sample(), u"1"_s)), 1);
    const QJsonObject request = entry["request"_L1].toObject();
    QCOMPARE(request["method"_L1].toString(), u"POST"_s);
    QCOMPARE(request["url"_L1].toString(), u"http://brave-otter.localhost:8080/api/items"_s);
    QCOMPARE(request["queryString"_L1].toArray().size(), 0);
    QCOMPARE(request["bodySize"_L1].toDouble(), double(postJson().requestBody.size()));
    QCOMPARE(request["postData"_L1]["mimeType"_L1].toString(), u"application/json"_s);
    QCOMPARE(request["postData"_L1]["text"_L1].toString(), u"{\"name\":\"Zoë\"}"_s);

    const QJsonObject response = entry["response"_L1].toObject();
    QCOMPARE(response["status"_L1].toInt(), 201);
    QCOMPARE(response["statusText"_L1].toString(), u"Created"_s);
    QCOMPARE(response["redirectURL"_L1].toString(), u"/api/items/7"_s);
    QCOMPARE(response["content"_L1]["mimeType"_L1].toString(), u"application/json"_s);
    // the chunked framing is gone from the text
    QCOMPARE(response["content"_L1]["text"_L1].toString(), u"{\"id\":7}"_s);
    QCOMPARE(entry["timings"_L1]["wait"_L1].toDouble(), 2.25);
    QCOMPARE(entry["timings"_L1]["receive"_L1].toDouble(), 0.75);
}

void tst_HarExport::badGatewayCarriesItsError()
{
    const QJsonObject entry = entryOf(roundTrip(HarExport::toHar(sample(), u"1"_s)), 2);
    const QJsonObject response = entry["response"_L1].toObject();
    QCOMPARE(response["status"_L1].toInt(), 502);
    QCOMPARE(response["_error"_L1].toString(), badGateway().error);
    QCOMPARE(entry["request"_L1]["method"_L1].toString(), u"DELETE"_s);
    QCOMPARE(entry["request"_L1]["url"_L1].toString(), u"http://b.localhost/api/items/7"_s);
    QCOMPARE(entry["time"_L1].toDouble(), 0.0);
}

void tst_HarExport::noResponseHasStatusZero()
{
    const QJsonObject entry = entryOf(roundTrip(HarExport::toHar(sample(), u"1"_s)), 3);
    const QJsonObject response = entry["response"_L1].toObject();
    QCOMPARE(response["status"_L1].toInt(), 0);
    QCOMPARE(response["statusText"_L1].toString(), QString());
    QCOMPARE(response["headers"_L1].toArray().size(), 0);
    QCOMPARE(response["headersSize"_L1].toDouble(), -1.0);
    QCOMPARE(response["bodySize"_L1].toDouble(), -1.0);
    QCOMPARE(response["_error"_L1].toString(), noResponse().error);
    QCOMPARE(entry["time"_L1].toDouble(), 40.0);
    QCOMPARE(entry["timings"_L1]["wait"_L1].toDouble(), 40.0); // no first byte: all waiting
    QCOMPARE(entry["timings"_L1]["receive"_L1].toDouble(), 0.0);
}

void tst_HarExport::upgradeIsIncludedItsCloseIsNot()
{
    const QJsonObject har = roundTrip(HarExport::toHar(sample(), u"1"_s));
    const QJsonArray entries = har["log"_L1]["entries"_L1].toArray();
    QCOMPARE(entries.size(), 5);
    const QJsonObject entry = entries.last().toObject();
    QCOMPARE(entry["request"_L1]["url"_L1].toString(), u"http://b.localhost/ws"_s);
    QCOMPARE(entry["response"_L1]["status"_L1].toInt(), 101);
    QCOMPARE(entry["response"_L1]["statusText"_L1].toString(), u"Switching Protocols"_s);
    QCOMPARE(entry["response"_L1]["bodySize"_L1].toDouble(), 0.0);
    QCOMPARE(entry["time"_L1].toDouble(), 1.5);
    QVERIFY(!entry["comment"_L1].toString().isEmpty());

    const QJsonObject onlyClosed =
            roundTrip(HarExport::toHar({upgrade(RequestRecord::Kind::UpgradeClosed)}, u"1"_s));
    QCOMPARE(onlyClosed["log"_L1]["entries"_L1].toArray().size(), 0);
}

void tst_HarExport::urlFallsBackToHost()
{
    RequestRecord record = getWithQuery();
    record.requestHead = requestHead("GET", "/x?a=1", {{"Host", "[::1]:3000"}});
    QCOMPARE(entryOf(HarExport::toHar({record}, u"1"_s), 0)["request"_L1]["url"_L1].toString(),
             u"http://[::1]:3000/x?a=1"_s);

    record.requestHead = requestHead("GET", "http://example.com/abs", {{"Host", "example.com"}});
    QCOMPARE(entryOf(HarExport::toHar({record}, u"1"_s), 0)["request"_L1]["url"_L1].toString(),
             u"http://example.com/abs"_s);
}

void tst_HarExport::bodiesAreDecodedOrDescribed()
{
    RequestRecord record = getWithQuery();
    record.responseHead.setValue("Content-Encoding", "gzip");
    record.responseBody = Compressed::gzip("<p>hi</p>");
    QJsonObject content =
            entryOf(HarExport::toHar({record}, u"1"_s), 0)["response"_L1]["content"_L1].toObject();
    QCOMPARE(content["text"_L1].toString(), u"<p>hi</p>"_s); // HAR holds the decoded text
    QVERIFY(!content.contains("encoding"_L1));
    QVERIFY(content["comment"_L1].toString().contains(u"gzip"));

    record.responseHead.setValue("Content-Encoding", "zstd"); // not decoded: its bytes, base64
    record.responseBody = "\x28\xb5\x2f\xfd"_ba;
    content =
            entryOf(HarExport::toHar({record}, u"1"_s), 0)["response"_L1]["content"_L1].toObject();
    QCOMPARE(content["encoding"_L1].toString(), u"base64"_s);
    QCOMPARE(QByteArray::fromBase64(content["text"_L1].toString().toLatin1()), record.responseBody);
    QVERIFY(content["comment"_L1].toString().contains(u"zstd"));

    record = getWithQuery();
    record.responseBodyTruncated = true; // a preview cut at PreviewLimit
    content =
            entryOf(HarExport::toHar({record}, u"1"_s), 0)["response"_L1]["content"_L1].toObject();
    QCOMPARE(content["text"_L1].toString(), u"<p>hi</p>"_s);
    QVERIFY(content["comment"_L1].toString().contains(Units::bytes(RequestRecord::PreviewLimit)));

    record = postJson();
    record.requestHead.setValue("Content-Type", "application/octet-stream");
    record.requestBody.clear();
    record.requestBodyTruncated = true; // not text: nothing kept
    const QJsonObject request =
            entryOf(HarExport::toHar({record}, u"1"_s), 0)["request"_L1].toObject();
    QCOMPARE(request["postData"_L1]["mimeType"_L1].toString(), u"application/octet-stream"_s);
    QCOMPARE(request["postData"_L1]["text"_L1].toString(), QString());
    QVERIFY(!request["postData"_L1]["comment"_L1].toString().isEmpty());
    QCOMPARE(request["bodySize"_L1].toDouble(), double(postJson().requestBody.size()));
}

void tst_HarExport::invalidUtf8BecomesReplacementCharacters()
{
    RequestRecord record = getWithQuery();
    record.responseBody = "caf\xc3"_ba; // a preview cut inside a character
    record.responseHead.setValue("X-Name", "M\xfcller"_ba); // Latin-1 in a header
    const QByteArray json = QJsonDocument(HarExport::toHar({record}, u"1"_s)).toJson();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject response = entryOf(document.object(), 0)["response"_L1].toObject();
    QCOMPARE(response["content"_L1]["text"_L1].toString(), u"caf\uFFFD"_s);
    QVERIFY(pairs(response["headers"_L1]).contains(qMakePair(u"X-Name"_s, u"Müller"_s)));
}

void tst_HarExport::localTimeGetsItsOffset()
{
    RequestRecord record = getWithQuery();
    record.started = QDateTime::currentDateTime(); // what the tap records: local time
    const QString text =
            entryOf(HarExport::toHar({record}, u"1"_s), 0)["startedDateTime"_L1].toString();
    const QRegularExpression iso(
            u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)$"_s);
    QVERIFY2(iso.match(text).hasMatch(), qPrintable(text));
    QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch(),
             record.started.toMSecsSinceEpoch());
}

void tst_HarExport::emptyLog()
{
    const QJsonObject har = roundTrip(HarExport::toHar({}, u"1"_s));
    QCOMPARE(har["log"_L1]["version"_L1].toString(), u"1.2"_s);
    QVERIFY(har["log"_L1]["entries"_L1].isArray());
    QCOMPARE(har["log"_L1]["entries"_L1].toArray().size(), 0);
}

void tst_HarExport::writeFileAndReadBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"log.har"_s);
    QString error = u"untouched"_s;
    QVERIFY(HarExport::writeFile(path, sample(), &error));
    QCOMPARE(error, u"untouched"_s);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("\n    ")); // indented
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(document.object(), roundTrip(HarExport::toHar(sample(), QStringLiteral(ROK_VERSION))));
    QCOMPARE(document["log"_L1]["creator"_L1]["version"_L1].toString(), u"" ROK_VERSION ""_s);
    QCOMPARE(document["log"_L1]["entries"_L1].toArray().size(), 5);
}

void tst_HarExport::writeFileReplacesAnOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"log.har"_s);
    QVERIFY(HarExport::writeFile(path, sample(), nullptr));
    QVERIFY(HarExport::writeFile(path, {postJson()}, nullptr));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    QCOMPARE(document["log"_L1]["entries"_L1].toArray().size(), 1);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"log.har"_s}); // no leftovers
}

void tst_HarExport::writeFileToUnwritablePathFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/folder/log.har"_s); // QSaveFile makes no folders
    QString error;
    QVERIFY(!HarExport::writeFile(path, sample(), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!HarExport::writeFile(path, sample(), nullptr)); // no error wanted: no crash
}

QTEST_APPLESS_MAIN(tst_HarExport)
#include "tst_harexport.moc"
