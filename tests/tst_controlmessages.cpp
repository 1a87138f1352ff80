// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QBuffer>
#include <QCborArray>
#include <QCborValue>
#include <QTest>
#include <QtEndian>

#include "controlmessages.h"

using namespace Qt::StringLiterals;
using namespace Protocol;

// The typed control messages: the keys on the wire (docs/PROTOCOL.md), round trips, and what a
// malformed field from a peer reads as.
class tst_ControlMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireFormat_data();
    void wireFormat();
    void roundTrip();
    void emptyOptionalFieldsAreLeftOut();
    void wrongTypesReadAsDefaults();
    void integersOutOfRange_data();
    void integersOutOfRange();
    void unknownErrorCodeIsBadMessage();
    void unknownKeysAreIgnored();
    void messageType();
    void visitorHeaderArrivingInPieces();
    void visitorHeaderRefusals_data();
    void visitorHeaderRefusals();
    void timingsDropWhatTheyCannotRead();
};

void tst_ControlMessages::wireFormat_data()
{
    QTest::addColumn<QCborMap>("encoded");
    QTest::addColumn<QCborMap>("expected");

    const QByteArray nonce(NonceSize, 'n');
    const QByteArray key(ResumeKeySize, 'k');
    QTest::newRow("hello from the client")
            << Hello{.version = 1, .agent = u"rok/1.0"_s}.toCbor()
            << QCborMap{{u"type"_s, u"hello"_s}, {u"version"_s, 1}, {u"agent"_s, u"rok/1.0"_s}};
    QTest::newRow("hello from the server") << Hello{.version = 1,
                                                    .agent = u"rok-server/1.0"_s,
                                                    .auth = u"hmac-sha256"_s,
                                                    .nonce = nonce}
                                                      .toCbor()
                                           << QCborMap{{u"type"_s, u"hello"_s},
                                                       {u"version"_s, 1},
                                                       {u"agent"_s, u"rok-server/1.0"_s},
                                                       {u"auth"_s, u"hmac-sha256"_s},
                                                       {u"nonce"_s, nonce}};
    QTest::newRow("open http") << Open{.protocol = u"http"_s,
                                       .name = u"otter"_s,
                                       .resume = key,
                                       .proof = "p"_ba}
                                          .toCbor()
                               << QCborMap{{u"type"_s, u"open"_s},
                                           {u"protocol"_s, u"http"_s},
                                           {u"name"_s, u"otter"_s},
                                           {u"resume"_s, key},
                                           {u"proof"_s, "p"_ba}};
    QTest::newRow("open with access rules")
            << Open{.protocol = u"http"_s,
                    .credentials = {{"zoë", "salt", "hash"}},
                    .allowCidrs = {u"10.0.0.0/8"_s},
                    .denyCidrs = {u"10.6.0.0/16"_s, u"::1"_s}}
                       .toCbor()
            << QCborMap{{u"type"_s, u"open"_s},
                        {u"protocol"_s, u"http"_s},
                        {u"basic_auth"_s,
                         QCborArray{QCborMap{{u"user"_s, u"zoë"_s},
                                             {u"salt"_s, "salt"_ba},
                                             {u"hash"_s, "hash"_ba}}}},
                        {u"allow_cidr"_s, QCborArray{u"10.0.0.0/8"_s}},
                        {u"deny_cidr"_s, QCborArray{u"10.6.0.0/16"_s, u"::1"_s}}};
    QTest::newRow("open tcp") << Open{.protocol = u"tcp"_s, .port = 12345}.toCbor()
                              << QCborMap{{u"type"_s, u"open"_s},
                                          {u"protocol"_s, u"tcp"_s},
                                          {u"port"_s, 12345}};
    QTest::newRow("opened tcp") << Opened{.protocol = u"tcp"_s,
                                          .url = u"tcp://localhost:12345"_s,
                                          .port = 12345,
                                          .resume = key}
                                           .toCbor()
                                << QCborMap{{u"type"_s, u"opened"_s},
                                            {u"protocol"_s, u"tcp"_s},
                                            {u"url"_s, u"tcp://localhost:12345"_s},
                                            {u"resume"_s, key},
                                            {u"port"_s, 12345}};
    QTest::newRow("open asking for timings")
            << Open{.protocol = u"http"_s, .tunnel = 1, .timings = true}.toCbor()
            << QCborMap{{u"type"_s, u"open"_s},
                        {u"protocol"_s, u"http"_s},
                        {u"tunnel"_s, 1},
                        {u"timings"_s, true}};
    QTest::newRow("timings")
            << Timings{{{1, 2, 0, 1500}, {1, 4, 3, 70}}}.toCbor()
            << QCborMap{{u"type"_s, u"timings"_s},
                        {u"items"_s,
                         QByteArray::fromHex("000000010000000200000000000005dc" // 1, 2, 0, 1500
                                             "00000001000000040000000300000046")}};
    QTest::newRow("error") << Error{.code = ErrorCode::NameTaken, .message = u"taken"_s}.toCbor()
                           << QCborMap{{u"type"_s, u"error"_s},
                                       {u"code"_s, u"name_taken"_s},
                                       {u"message"_s, u"taken"_s}};
}

void tst_ControlMessages::wireFormat()
{
    QFETCH(QCborMap, encoded);
    QFETCH(QCborMap, expected);
    QCOMPARE(encoded, expected);
}

void tst_ControlMessages::roundTrip()
{
    const Hello hello{.version = 1, .agent = u"rok/1"_s, .auth = u"none"_s, .nonce = "n"_ba};
    QCOMPARE(Hello::fromCbor(hello.toCbor()), hello);
    const Open open{
            .protocol = u"tcp"_s, .name = u"x"_s, .port = 65535, .resume = "r"_ba, .proof = "p"_ba};
    QCOMPARE(Open::fromCbor(open.toCbor()), open);
    const Opened opened{.protocol = u"http"_s,
                        .url = u"http://a.localhost:8080"_s,
                        .name = u"a"_s,
                        .port = 0,
                        .resume = "r"_ba,
                        .note = u"https://a.localhost works once its certificate arrives"_s};
    QCOMPARE(Opened::fromCbor(opened.toCbor()), opened);
    QCOMPARE(opened.toCbor().value(u"note"_s).toString(), opened.note);
    for (const ErrorCode code :
         {ErrorCode::UnsupportedVersion, ErrorCode::AuthRequired, ErrorCode::AuthFailed,
          ErrorCode::NotAllowed, ErrorCode::InvalidName, ErrorCode::NameTaken,
          ErrorCode::NameReserved, ErrorCode::NoPort, ErrorCode::BadMessage,
          ErrorCode::ShuttingDown, ErrorCode::TooManyTunnels}) {
        const Error error{.code = code, .message = u"why"_s};
        QCOMPARE(Error::fromCbor(error.toCbor()), error);
    }
}

void tst_ControlMessages::emptyOptionalFieldsAreLeftOut()
{
    const QCborMap open = Open{.protocol = u"http"_s}.toCbor();
    QCOMPARE(open.size(), 2); // type and protocol
    QVERIFY(!open.contains(u"port"_s));
    QVERIFY(!open.contains(u"proof"_s));
    const QCborMap hello = Hello{.version = 1}.toCbor();
    QVERIFY(!hello.contains(u"auth"_s));
    // A server hello without "auth" means a token is needed: the safe reading of a short hello.
    QVERIFY(Hello::fromCbor(hello).requiresToken());
    QVERIFY(!Hello{.auth = u"none"_s}.requiresToken());
}

void tst_ControlMessages::wrongTypesReadAsDefaults()
{
    const QCborMap hello{{u"type"_s, u"hello"_s},
                         {u"version"_s, u"1"_s},
                         {u"agent"_s, 42},
                         {u"nonce"_s, u"text, not bytes"_s}};
    QCOMPARE(Hello::fromCbor(hello), Hello{});
    const QCborMap open{{u"type"_s, u"open"_s},
                        {u"protocol"_s, QCborArray{u"http"_s}},
                        {u"port"_s, 22.0},
                        {u"resume"_s, QCborMap{}},
                        {u"proof"_s, true}};
    QCOMPARE(Open::fromCbor(open), Open{});
    QCOMPARE(Opened::fromCbor({{u"resume"_s, 7}, {u"url"_s, QCborValue(QCborValue::Null)}}),
             Opened{});
}

void tst_ControlMessages::integersOutOfRange_data()
{
    QTest::addColumn<QCborValue>("port");
    QTest::addColumn<qint64>("openPort");
    QTest::addColumn<int>("openedPort");

    QTest::newRow("in range") << QCborValue(443) << qint64(443) << 443;
    QTest::newRow("zero") << QCborValue(0) << qint64(0) << 0;
    QTest::newRow("negative") << QCborValue(-1) << qint64(-1) << 0;
    QTest::newRow("65536") << QCborValue(65536) << qint64(65536) << 0;
    // QCborValue::toInteger() would cast this double to qint64: undefined behaviour.
    QTest::newRow("1e19") << QCborValue(1e19) << qint64(0) << 0;
    QTest::newRow("qint64 min") << QCborValue(std::numeric_limits<qint64>::min())
                                << std::numeric_limits<qint64>::min() << 0;
}

void tst_ControlMessages::integersOutOfRange()
{
    QFETCH(QCborValue, port);
    QFETCH(qint64, openPort);
    QFETCH(int, openedPort);
    // Open keeps what the client asked for: the server answers an impossible port with no_port.
    QCOMPARE(Open::fromCbor({{u"port"_s, port}}).port, openPort);
    // Opened is read by the client, which has no use for a port it cannot connect to.
    QCOMPARE(int(Opened::fromCbor({{u"port"_s, port}}).port), openedPort);
    QCOMPARE(Hello::fromCbor({{u"version"_s, port}}).version, port.isInteger() ? openPort : -1);
}

void tst_ControlMessages::unknownErrorCodeIsBadMessage()
{
    const Error error = Error::fromCbor(
            {{u"type"_s, u"error"_s}, {u"code"_s, u"from_the_future"_s}, {u"message"_s, u"?"_s}});
    QCOMPARE(error.code, ErrorCode::BadMessage);
    QCOMPARE(error.message, u"?"_s);
}

void tst_ControlMessages::unknownKeysAreIgnored()
{
    QCborMap map = Opened{.protocol = u"http"_s, .url = u"u"_s, .resume = "r"_ba}.toCbor();
    map.insert(u"added_in_version_2"_s, QCborMap{{u"x"_s, 1}});
    map.insert(5, u"integer key"_s);
    QCOMPARE(Opened::fromCbor(map),
             (Opened{.protocol = u"http"_s, .url = u"u"_s, .resume = "r"_ba}));
}

void tst_ControlMessages::messageType()
{
    QCOMPARE(Protocol::messageType(Error{}.toCbor()), Error::Type);
    QCOMPARE(Protocol::messageType({}), QString());
    QCOMPARE(Protocol::messageType({{u"type"_s, 1}}), QString());
}

void tst_ControlMessages::visitorHeaderArrivingInPieces()
{
    const VisitorHeader sent{.tunnel = 3, .visitor = u"[2001:db8::1]:443"_s};
    const QByteArray stream = sent.toFrame() + "GET / HTTP/1.1\r\n";
    QByteArray arrived;
    QBuffer device(&arrived);
    QVERIFY(device.open(QIODevice::ReadOnly));
    VisitorHeader::Reader reader;
    VisitorHeader header;
    // A byte at a time: NeedMore until the header is whole, and not a byte of the request taken.
    qsizetype given = 0;
    VisitorHeader::Reader::Result result = VisitorHeader::Reader::Result::NeedMore;
    while (result == VisitorHeader::Reader::Result::NeedMore && given < stream.size()) {
        arrived.append(stream.at(given++));
        result = reader.read(&device, &header);
    }
    QCOMPARE(result, VisitorHeader::Reader::Result::Done);
    QCOMPARE(header, sent);
    QCOMPARE(given, sent.toFrame().size());
    arrived.append(stream.mid(given));
    QCOMPARE(device.readAll(), "GET / HTTP/1.1\r\n"_ba);
}

void tst_ControlMessages::visitorHeaderRefusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const auto framed = [](const QByteArray &body) {
        QByteArray length(4, Qt::Uninitialized);
        qToBigEndian<quint32>(quint32(body.size()), length.data());
        return length + body;
    };
    QTest::newRow("no tunnel") << framed(QCborMap{{u"visitor"_s, u"x"_s}}.toCborValue().toCbor());
    QTest::newRow("tunnel 0") << VisitorHeader{.tunnel = 0}.toFrame();
    QTest::newRow("not a map") << framed(QCborValue(7).toCbor());
    QTest::newRow("not CBOR") << framed("\xff\xff");
    // Found by fuzz_controlchannel: a map Qt reports as malformed must not be read at all.
    QTest::newRow("half-parsed map") << QByteArray::fromHex(
            "0000001ea370650000000000000008646f74646f74656e6870726f216f636f687072637064706f727424");
    QTest::newRow("over the limit") << QByteArray("\x00\x00\x02\x00", 4); // 512 + 4 bytes
    QTest::newRow("4 GiB") << QByteArray("\xff\xff\xff\xff", 4);
}

void tst_ControlMessages::visitorHeaderRefusals()
{
    QFETCH(QByteArray, bytes);
    QBuffer device(&bytes);
    QVERIFY(device.open(QIODevice::ReadOnly));
    VisitorHeader header;
    QCOMPARE(VisitorHeader::Reader().read(&device, &header),
             VisitorHeader::Reader::Result::Malformed);
}

// A peer's Timings are read item by item: a malformed one is skipped, not the message, and no
// more than MaxItems are taken from one message.
void tst_ControlMessages::timingsDropWhatTheyCannotRead()
{
    const auto record = [](quint32 tunnel, quint32 stream, quint32 exchange, quint32 us) {
        return Timings{{{tunnel, stream, exchange, us}}}.toCbor().value(u"items"_s).toByteArray();
    };
    const QByteArray items = record(1, 2, 0, 1500) // good
            + record(1, 0, 0, 5) // no stream 0
            + record(0, 2, 1, 5) // no tunnel 0
            + record(2, 6, 0, 0xffffffff) // good: 71 minutes
            + QByteArray("\x00\x00\x00\x01\x00", 5); // an incomplete record
    const Timings read = Timings::fromCbor({{u"type"_s, u"timings"_s}, {u"items"_s, items}});
    QCOMPARE(read.items, (QList<Timings::Item>{{1, 2, 0, 1500}, {2, 6, 0, 0xffffffff}}));
    QVERIFY(Timings::fromCbor({{u"type"_s, u"timings"_s}, {u"items"_s, 7}}).items.isEmpty());

    QByteArray many;
    for (quint32 i = 0; i < Timings::MaxItems + 10; ++i)
        many += record(1, 2, i, 10);
    QCOMPARE(Timings::fromCbor({{u"items"_s, many}}).items.size(), Timings::MaxItems);
    const Opened opened{.protocol = u"http"_s, .url = u"http://a.localhost"_s, .timings = true};
    QCOMPARE(Opened::fromCbor(opened.toCbor()), opened);
}

QTEST_APPLESS_MAIN(tst_ControlMessages)
#include "tst_controlmessages.moc"
