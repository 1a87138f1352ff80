// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include "chunkqueue.h"

using namespace Qt::StringLiterals;

class tst_ChunkQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyQueue();
    void appendCountsBytes();
    void appendIgnoresEmptyChunks();
    void takeWholeChunkSharesData();
    void takeLargerThanChunkReturnsOneChunk();
    void takePartial_data();
    void takePartial();
    void takeRestAfterPartialIsACopyOfTheRest();
    void takeNothing();
    void read_data();
    void read();
    void readMoreThanQueued();
    void front();
    void drop_data();
    void drop();
    void dropMoreThanQueued();
    void clear();
    void drainsInOrder();
    void peekLeavesTheBytesQueued();
};

namespace {

// compares buffers by address (QCOMPARE on two const char * would compare the strings)
quintptr address(QByteArrayView bytes)
{
    return quintptr(bytes.data());
}

QByteArray drain(ChunkQueue &queue, qint64 step)
{
    QByteArray out;
    while (!queue.isEmpty()) {
        const QByteArray part = queue.take(step);
        if (part.isEmpty())
            break;
        out += part;
    }
    return out;
}

} // namespace

void tst_ChunkQueue::emptyQueue()
{
    ChunkQueue queue;
    QCOMPARE(queue.size(), 0);
    QVERIFY(queue.isEmpty());
    QVERIFY(queue.take(10).isEmpty());
    QVERIFY(queue.front().isEmpty());
    char buffer[4];
    QCOMPARE(queue.read(buffer, sizeof buffer), 0);
    queue.drop(5); // nothing to drop: no effect
    QCOMPARE(queue.size(), 0);
}

void tst_ChunkQueue::appendCountsBytes()
{
    ChunkQueue queue;
    queue.append("abc"_ba);
    QCOMPARE(queue.size(), 3);
    QVERIFY(!queue.isEmpty());
    queue.append("defgh"_ba);
    QCOMPARE(queue.size(), 8);
    queue.append(QByteArray(1000, 'x'));
    QCOMPARE(queue.size(), 1008);
}

void tst_ChunkQueue::appendIgnoresEmptyChunks()
{
    ChunkQueue queue;
    queue.append(QByteArray());
    queue.append(""_ba);
    QVERIFY(queue.isEmpty());
    queue.append("ab"_ba);
    queue.append(QByteArray());
    queue.append("cd"_ba);
    QCOMPARE(queue.size(), 4);
    // an empty chunk in the middle would make take() return nothing while bytes remain
    QCOMPARE(queue.take(100), "ab"_ba);
    QCOMPARE(queue.take(100), "cd"_ba);
    QVERIFY(queue.isEmpty());
}

void tst_ChunkQueue::takeWholeChunkSharesData()
{
    const QByteArray first(8192, 'a');
    const QByteArray second(100, 'b');
    ChunkQueue queue;
    queue.append(first);
    queue.append(second);

    const QByteArray taken = queue.take(first.size());
    QCOMPARE(taken, first);
    QCOMPARE(address(taken), address(first)); // the same buffer, not a copy
    QCOMPARE(queue.size(), second.size());

    const QByteArray rest = queue.take(second.size());
    QCOMPARE(address(rest), address(second));
    QVERIFY(queue.isEmpty());
}

void tst_ChunkQueue::takeLargerThanChunkReturnsOneChunk()
{
    const QByteArray first = "hello"_ba;
    const QByteArray second = "world"_ba;
    ChunkQueue queue;
    queue.append(first);
    queue.append(second);

    // take() never joins chunks: asking for more than the front chunk gives just that chunk
    const QByteArray taken = queue.take(1000);
    QCOMPARE(taken, first);
    QCOMPARE(address(taken), address(first));
    QCOMPARE(queue.size(), 5);
    QCOMPARE(queue.take(1000), second);
    QVERIFY(queue.isEmpty());
}

void tst_ChunkQueue::takePartial_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("one chunk, step 1")
            << QByteArrayList{"abc"_ba} << qint64(1) << QByteArrayList{"a"_ba, "b"_ba, "c"_ba};
    QTest::newRow("one chunk, step 2")
            << QByteArrayList{"abcde"_ba} << qint64(2) << QByteArrayList{"ab"_ba, "cd"_ba, "e"_ba};
    QTest::newRow("two chunks, step 2") << QByteArrayList{"abc"_ba, "def"_ba} << qint64(2)
                                        << QByteArrayList{"ab"_ba, "c"_ba, "de"_ba, "f"_ba};
    QTest::newRow("two chunks, step 3 exact") << QByteArrayList{"abc"_ba, "def"_ba} << qint64(3)
                                              << QByteArrayList{"abc"_ba, "def"_ba};
    QTest::newRow("three chunks, step 4")
            << QByteArrayList{"a"_ba, "bcdefg"_ba, "hi"_ba} << qint64(4)
            << QByteArrayList{"a"_ba, "bcde"_ba, "fg"_ba, "hi"_ba};
}

void tst_ChunkQueue::takePartial()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(qint64, step);
    QFETCH(QByteArrayList, expected);

    ChunkQueue queue;
    qint64 total = 0;
    for (const QByteArray &chunk : chunks) {
        queue.append(chunk);
        total += chunk.size();
    }
    QByteArrayList parts;
    while (!queue.isEmpty()) {
        const QByteArray part = queue.take(step);
        QVERIFY(!part.isEmpty());
        QCOMPARE_LE(part.size(), step);
        total -= part.size();
        QCOMPARE(queue.size(), total);
        parts.append(part);
    }
    QCOMPARE(parts, expected);
}

void tst_ChunkQueue::takeRestAfterPartialIsACopyOfTheRest()
{
    const QByteArray chunk = "0123456789"_ba;
    ChunkQueue queue;
    queue.append(chunk);
    QCOMPARE(queue.take(4), "0123"_ba);
    QCOMPARE(queue.size(), 6);
    const QByteArray rest = queue.take(100);
    QCOMPARE(rest, "456789"_ba);
    QVERIFY(queue.isEmpty());
    // the original is untouched
    QCOMPARE(chunk, "0123456789"_ba);
}

void tst_ChunkQueue::takeNothing()
{
    ChunkQueue queue;
    queue.append("abc"_ba);
    QVERIFY(queue.take(0).isEmpty());
    QVERIFY(queue.take(-1).isEmpty());
    QCOMPARE(queue.size(), 3);
    QCOMPARE(queue.front().toByteArray(), "abc"_ba);
}

void tst_ChunkQueue::read_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("front");

    QTest::newRow("within first chunk")
            << QByteArrayList{"abcdef"_ba, "gh"_ba} << qint64(4) << "abcd"_ba
            << "ef"_ba;
    QTest::newRow("exactly first chunk")
            << QByteArrayList{"abcdef"_ba, "gh"_ba} << qint64(6) << "abcdef"_ba
            << "gh"_ba;
    QTest::newRow("across chunks")
            << QByteArrayList{"abc"_ba, "def"_ba, "ghi"_ba} << qint64(7) << "abcdefg"_ba
            << "hi"_ba;
    QTest::newRow("everything") << QByteArrayList{"ab"_ba, "cd"_ba} << qint64(4) << "abcd"_ba
                                << QByteArray();
}

void tst_ChunkQueue::read()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(qint64, max);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, front);

    ChunkQueue queue;
    qint64 total = 0;
    for (const QByteArray &chunk : chunks) {
        queue.append(chunk);
        total += chunk.size();
    }
    QByteArray buffer(max + 4, '#');
    QCOMPARE(queue.read(buffer.data(), max), expected.size());
    QCOMPARE(buffer.first(expected.size()), expected);
    QCOMPARE(buffer.sliced(max), "####"_ba); // nothing written past max
    QCOMPARE(queue.size(), total - expected.size());
    QCOMPARE(queue.front().toByteArray(), front);
}

void tst_ChunkQueue::readMoreThanQueued()
{
    ChunkQueue queue;
    queue.append("abc"_ba);
    queue.append("de"_ba);
    char buffer[16];
    QCOMPARE(queue.read(buffer, sizeof buffer), 5);
    QCOMPARE(QByteArray(buffer, 5), "abcde"_ba);
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.read(buffer, sizeof buffer), 0);
}

void tst_ChunkQueue::front()
{
    ChunkQueue queue;
    const QByteArray first = "hello"_ba;
    queue.append(first);
    queue.append("world"_ba);
    QCOMPARE(queue.front().toByteArray(), "hello"_ba);
    QCOMPARE(address(queue.front()), address(first)); // a view of the chunk itself
    queue.drop(2);
    QCOMPARE(queue.front().toByteArray(), "llo"_ba);
    QCOMPARE(address(queue.front()), address(first) + 2);
    QCOMPARE(queue.size(), 8);
    queue.drop(3);
    QCOMPARE(queue.front().toByteArray(), "world"_ba);
}

void tst_ChunkQueue::drop_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QByteArray>("rest");

    // chunks "abc", "defg", "hi"
    QTest::newRow("zero") << qint64(0) << "abcdefghi"_ba;
    QTest::newRow("inside first") << qint64(2) << "cdefghi"_ba;
    QTest::newRow("first chunk exactly") << qint64(3) << "defghi"_ba;
    QTest::newRow("into second") << qint64(4) << "efghi"_ba;
    QTest::newRow("two chunks exactly") << qint64(7) << "hi"_ba;
    QTest::newRow("into last") << qint64(8) << "i"_ba;
    QTest::newRow("everything") << qint64(9) << QByteArray();
}

void tst_ChunkQueue::drop()
{
    QFETCH(qint64, count);
    QFETCH(QByteArray, rest);

    ChunkQueue queue;
    queue.append("abc"_ba);
    queue.append("defg"_ba);
    queue.append("hi"_ba);
    queue.drop(count);
    QCOMPARE(queue.size(), rest.size());
    QCOMPARE(queue.isEmpty(), rest.isEmpty());
    QByteArray buffer(16, '\0');
    const qint64 n = queue.read(buffer.data(), buffer.size());
    QCOMPARE(buffer.first(n), rest);
}

void tst_ChunkQueue::dropMoreThanQueued()
{
    ChunkQueue queue;
    queue.append("abc"_ba);
    queue.append("def"_ba);
    queue.drop(100);
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.size(), 0);
    queue.append("xyz"_ba);
    QCOMPARE(queue.size(), 3);
    QCOMPARE(queue.front().toByteArray(), "xyz"_ba); // no stale offset left behind
}

void tst_ChunkQueue::clear()
{
    ChunkQueue queue;
    queue.append("abc"_ba);
    queue.append("def"_ba);
    queue.drop(1); // leaves an offset into the first chunk
    queue.clear();
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.size(), 0);
    QVERIFY(queue.front().isEmpty());
    queue.append("xyz"_ba);
    QCOMPARE(queue.front().toByteArray(), "xyz"_ba);
    QCOMPARE(queue.take(10), "xyz"_ba);
}

void tst_ChunkQueue::drainsInOrder()
{
    QByteArray all;
    ChunkQueue queue;
    for (int i = 0; i < 50; ++i) {
        const QByteArray chunk(1 + (i * 37) % 101, char('a' + i % 26));
        queue.append(chunk);
        all += chunk;
    }
    QCOMPARE(queue.size(), all.size());
    QCOMPARE(drain(queue, 13), all);
    QCOMPARE(queue.size(), 0);
}

// Across chunks, from an offset, after a partial take, and past the end: a copy, nothing read.
void tst_ChunkQueue::peekLeavesTheBytesQueued()
{
    ChunkQueue queue;
    queue.append("GET / HT");
    queue.append("TP/1.1\r\n");
    queue.append("\r\n");
    QCOMPARE(queue.peek(0, 100), QByteArray("GET / HTTP/1.1\r\n\r\n"));
    QCOMPARE(queue.peek(4, 6), QByteArray("/ HTTP"));
    QCOMPARE(queue.peek(16, 100), QByteArray("\r\n"));
    QCOMPARE(queue.peek(18, 100), QByteArray());
    QCOMPARE(queue.peek(0, 0), QByteArray());
    QCOMPARE(queue.size(), 18);
    QCOMPARE(queue.take(2), QByteArray("GE"));
    QCOMPARE(queue.peek(0, 5), QByteArray("T / H"));
    QCOMPARE(queue.peek(6, 4), QByteArray("TP/1"));
    QCOMPARE(queue.size(), 16);
}

QTEST_APPLESS_MAIN(tst_ChunkQueue)

#include "tst_chunkqueue.moc"
