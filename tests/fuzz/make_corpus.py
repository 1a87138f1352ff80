#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 The rok authors
#
# SPDX-License-Identifier: LicenseRef-NoLicenseYet

"""Writes the seed corpora of the fuzz targets to tests/fuzz/corpus/<target>/.

Each seed is a real input, valid or interestingly invalid, in the layout its target reads (see
the comment at the top of each fuzz_*.cpp). Run it after changing a layout; the output is
committed, so the seeds stay reviewable.
"""

import gzip
import pathlib
import shutil
import struct
import zlib

HERE = pathlib.Path(__file__).resolve().parent


def write(target, seeds):
    folder = HERE / "corpus" / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in seeds.items():
        (folder / name).write_bytes(data)


def rounds(prefix, parts, integers):
    """Bytes for a FuzzedDataProvider target: `prefix`, then the parts' bytes from the front,
    and the integers each round takes from the back: integers(part) -> [(value, size)]."""
    front = b"".join(part[0] for part in parts)
    taken = b""  # in the order FuzzedDataProvider takes them, last byte of the input first
    for part in parts:
        for value, size in integers(part):
            # ConsumeIntegral reads the most significant byte first, from the back
            taken += value.to_bytes(size, "big")
    return prefix + front + taken[::-1]


# --- yamux (fuzz_muxsession) ------------------------------------------------------------------

DATA, WINDOW, PING, GOAWAY = range(4)
SYN, ACK, FIN, RST = 1, 2, 4, 8


def frame(kind, flags, stream, length=None, payload=b"", version=0):
    if length is None:
        length = len(payload) if kind == DATA else 0
    return struct.pack(">BBHII", version, kind, flags, stream, length) + payload


def mux(side, parts):
    """parts: [(bytes, sessionOps, streamOps)]; side 0: the session is the server."""
    return rounds(bytes([side]), parts,
                  lambda p: [(len(p[0]), 2), (p[1], 1), (p[2], 1)])


def frames(side, data):
    """One round: all of `data` at once, streams read, nothing else done."""
    return mux(side, [(data, 0, 0)])


HOLD, OPEN, GO_AWAY, CLOSE, QIO_READ, REPEAT = 1, 2, 4, 8, 16, 32
W_SMALL, W_LARGE, CLOSE_WRITE, ABORT, REPLY = 1, 2, 4, 8, 16

request = b"GET / HTTP/1.1\r\nHost: t.localhost\r\n\r\n"
write("fuzz_muxsession", {
    "client-opens-sends-closes": frames(0, frame(WINDOW, SYN, 1) + frame(DATA, 0, 1, payload=request)
                                        + frame(DATA, FIN, 1)),
    "data-with-syn-three-streams": frames(0, frame(DATA, SYN, 1, payload=b"one")
                                          + frame(DATA, SYN, 3, payload=b"two")
                                          + frame(DATA, SYN | FIN, 5, payload=b"three")
                                          + frame(WINDOW, 0, 3, 65536) + frame(DATA, FIN, 1)
                                          + frame(WINDOW, RST, 3)),
    "ping-goaway": frames(0, frame(PING, SYN, 0, 7) + frame(PING, ACK, 0, 1) + frame(GOAWAY, 0, 0, 0)),
    "server-opens-on-client": frames(1, frame(WINDOW, SYN, 2) + frame(DATA, 0, 2, payload=request)
                                     + frame(WINDOW, 0, 2, 1 << 20) + frame(DATA, FIN, 2)),
    "byte-by-byte": mux(0, [(bytes([b]), 0, 0) for b in
                            frame(DATA, SYN, 1, payload=b"hello") + frame(PING, SYN, 0, 3)]),
    "we-open-write-peer-acks": mux(0, [
        (frame(PING, SYN, 0, 1), OPEN, 0),
        (frame(WINDOW, ACK, 2), 0, W_SMALL | W_LARGE),
        (frame(DATA, 0, 2, payload=b"answer"), 0, CLOSE_WRITE),
        (frame(WINDOW, 0, 2, 262144) + frame(DATA, FIN, 2), 0, 0),
    ]),
    "window-overrun-while-not-reading": mux(0, [
        (frame(WINDOW, SYN, 1), 0, 0),
        (frame(DATA, 0, 1, payload=b"x" * 4000), HOLD | REPEAT, 0),
    ]),
    "large-transfer-read": mux(0, [
        (frame(WINDOW, SYN, 1), 0, W_LARGE),
        (frame(DATA, 0, 1, payload=b"y" * 3000), REPEAT | QIO_READ, W_LARGE),
        (frame(WINDOW, 0, 1, 200000), 0, CLOSE_WRITE),
    ]),
    "reply-abort-goaway-close": mux(0, [
        (frame(DATA, SYN, 1, payload=request) + frame(DATA, SYN, 3, payload=request), 0, REPLY | ABORT),
        (frame(DATA, 0, 3, payload=b"more"), GO_AWAY, 0),
        (frame(WINDOW, SYN, 5), CLOSE, 0),
    ]),
    "bad-version": frames(0, frame(WINDOW, SYN, 1, version=1)),
    "bad-type": frames(0, frame(7, 0, 1)),
    "data-longer-than-window": frames(0, frame(DATA, SYN, 1, length=262145)),
    "stream-zero": frames(0, frame(DATA, 0, 0, payload=b"z")),
    "wrong-parity": frames(0, frame(WINDOW, SYN, 2)),
    "duplicate-syn": frames(0, frame(WINDOW, SYN, 1) + frame(WINDOW, SYN, 1)),
    "frame-after-rst": frames(0, frame(WINDOW, SYN, 1) + frame(WINDOW, RST, 1)
                              + frame(DATA, 0, 1, payload=b"late") + frame(WINDOW, 0, 1, 5)),
    "truncated-header": frames(0, frame(DATA, SYN, 1, payload=b"abc")[:7]),
})

# --- control messages (fuzz_controlchannel) -----------------------------------------------------


def cbor_head(major, value):
    if value < 24:
        return bytes([major << 5 | value])
    for size, code in ((1, 24), (2, 25), (4, 26), (8, 27)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | code]) + value.to_bytes(size, "big")
    raise ValueError(value)


def cbor(value):
    if isinstance(value, bool):
        return bytes([0xf5 if value else 0xf4])
    if isinstance(value, int):
        return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode()
        return cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        return cbor_head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(value)


def message(body):
    body = cbor(body) if not isinstance(body, bytes) else body
    return struct.pack(">I", len(body)) + body


hello = {"type": "hello", "version": 1, "agent": "rok/0.1.0"}
write("fuzz_controlchannel", {
    "hello": bytes([0]) + message(hello),
    "hello-open-in-pieces-of-3": bytes([3]) + message(hello)
    + message({"type": "open", "protocol": "http", "name": "demo", "resume": b"k" * 16,
               "proof": b"p" * 32}),
    "server-conversation": bytes([0]) + message({**hello, "auth": "hmac-sha256", "nonce": b"n" * 32})
    + message({"type": "opened", "protocol": "tcp", "url": "tcp://rok.test:40000", "port": 40000,
               "resume": b"r" * 16})
    + message({"type": "error", "code": "name_taken", "message": "taken"}),
    "byte-by-byte": bytes([1]) + message({"type": "open", "protocol": "tcp", "port": -5}),
    "too-long": bytes([0]) + struct.pack(">I", 65537) + b"\xa0",
    "empty-body": bytes([0]) + struct.pack(">I", 0),
    "array-not-map": bytes([0]) + message(cbor([1, 2, 3])),
    "truncated": bytes([0]) + message(hello)[:-3],
    "garbage-cbor": bytes([0]) + message(b"\xff\xfe\x1f\x5f\x41"),
    "nested-deeply": bytes([0]) + message(b"\xa1\x61t" + b"\x81" * 2000 + b"\x00"),
    "indefinite-lengths": bytes([0]) + message(b"\xbf\x64type\x7f\x62he\x63llo\xff\xff"),
    "tags-floats-odd-keys": bytes([0])
    + message(b"\xa3\x01\xf9\x3c\x00\xc1\x1a\x00\x00\x00\x01\xf6\x64type\xf7"),
})

# --- a stream between cluster nodes (fuzz_forwardedvisitor) ---------------------------------------

write("fuzz_forwardedvisitor", {
    "http": bytes([0]) + message({"name": "otter", "visitor": "203.0.113.7:52114"}),
    "https-v6-in-pieces-of-2": bytes([2])
    + message({"name": "otter", "visitor": "[2001:db8::7]:443", "https": True}) + b"GET / HTTP/1.1\r\n",
    "tcp": bytes([0]) + message({"name": "", "visitor": "198.51.100.2:40000", "port": 10022}),
    "both": bytes([0]) + message({"name": "otter", "visitor": "127.0.0.1:1", "port": 22}),
    "port-as-text": bytes([1]) + message({"name": "", "visitor": "127.0.0.1:1", "port": "22"}),
    "port-too-big": bytes([0]) + message({"name": "", "visitor": "127.0.0.1:1", "port": 65536}),
    "bad-visitor": bytes([0]) + message({"name": "otter", "visitor": "999.1.1.1:80"}),
    "over-limit": bytes([0]) + message({"name": "otter", "visitor": "127.0.0.1:1", "pad": "x" * 600}),
})

# --- HTTP (fuzz_httpparser, fuzz_requestrewriter) -----------------------------------------------

REQUEST, RESPONSE = 0, 1
ACCEPT_SWITCH = 2
SMALL_HEAD = 8
SPLIT = {0: 0, 1: 1, 2: 2, 3: 3, 7: 6, 16: 9, 100: 12, 4096: 15}  # piece size -> index


def http(kind, data, split=0, bits=0):
    return bytes([kind | bits | SPLIT[split] << 4]) + data


get = b"GET /index.html?q=1 HTTP/1.1\r\nHost: t.rok.test\r\nAccept: text/html\r\n\r\n"
post = (b"POST /form HTTP/1.1\r\nHost: t.rok.test\r\nContent-Length: 11\r\n"
        b"Content-Type: text/plain\r\n\r\nhello world")
chunked = (b"POST /up HTTP/1.1\r\nHost: t.rok.test\r\nTransfer-Encoding: chunked\r\n\r\n"
           b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n")
upgrade = (b"GET /ws HTTP/1.1\r\nHost: t.rok.test\r\nConnection: keep-alive, Upgrade\r\n"
           b"Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
connect = b"CONNECT t.rok.test:443 HTTP/1.1\r\nHost: t.rok.test:443\r\n\r\n"
ok = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
switching = (b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
             b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
write("fuzz_httpparser", {
    "get": http(REQUEST, get),
    "get-byte-by-byte": http(REQUEST, get, 1),
    "post-body": http(REQUEST, post, 3),
    "chunked-trailer": http(REQUEST, chunked, 7),
    "pipelined-with-empty-lines": http(REQUEST, b"\r\n\r\n" + get + post + b"\r\n" + get, 16),
    "http10-absolute-target": http(REQUEST, b"GET http://t.rok.test/a HTTP/1.0\r\nHost: x\r\n\r\n"),
    "upgrade-accepted": http(REQUEST, upgrade + b"\x81\x05hello", 0, ACCEPT_SWITCH),
    "upgrade-refused-then-get": http(REQUEST, upgrade + get, 2),
    "connect": http(REQUEST, connect + b"raw tls bytes", 0, ACCEPT_SWITCH),
    "response-length": http(RESPONSE, ok + ok, 2),
    "response-chunked": http(RESPONSE, b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                         b"3\r\nabc\r\n0\r\n\r\n", 1),
    "response-bodiless": http(RESPONSE, b"HTTP/1.1 204 No Content\r\n\r\n"
                          b"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n" + ok),
    "response-to-head": http(RESPONSE, b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + ok,
                         0, 2),  # expects HEAD
    "response-interim-then-final": http(RESPONSE, b"HTTP/1.1 100 Continue\r\n\r\n"
                                    b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok, 7),
    "response-101-raw": http(RESPONSE, switching + b"\x81\x02hi", 3),
    "response-connect-200": http(RESPONSE, b"HTTP/1.1 200 Connection established\r\n\r\nraw", 0, 4),
    "response-until-close": http(RESPONSE, b"HTTP/1.0 200 OK\r\n\r\nall of it until the end", 16),
    "response-status-no-reason": http(RESPONSE, b"HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n"),
    "bad-bare-lf": http(REQUEST, b"GET / HTTP/1.1\nHost: a\r\n\r\n"),
    "bad-obs-fold": http(REQUEST, b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n"),
    "bad-space-before-colon": http(REQUEST, b"GET / HTTP/1.1\r\nHost : a\r\n\r\n"),
    "bad-two-lengths": http(REQUEST, b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
                        b"Content-Length: 2\r\n\r\nab"),
    "bad-te-and-cl": http(REQUEST, b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
                      b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
    "bad-chunk-size": http(REQUEST, b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                       b"fffffffffffffffff\r\n"),
    "bad-version": http(REQUEST, b"GET / HTTP/2.0\r\nHost: a\r\n\r\n"),
    "bad-huge-length": http(RESPONSE, b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n"),
    "head-too-large": http(REQUEST, b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"b" * 300 + b"\r\n\r\n",
                           100, SMALL_HEAD),
    "not-http": http(RESPONSE, b"SSH-2.0-OpenSSH_9.2\r\n"),
})

# Rewriter rounds: (bytes, direction), direction 1 = the service's responses.


def rewrite(visitor, parts):
    return rounds(bytes([visitor]), parts, lambda p: [(len(p[0]), 2), (p[1], 1)])


TO_TUNNEL, FROM_TUNNEL = 0, 1
write("fuzz_requestrewriter", {
    "get": rewrite(0, [(get, TO_TUNNEL)]),
    "get-and-response": rewrite(0, [(get, TO_TUNNEL), (ok, FROM_TUNNEL)]),
    "forged-forwarding-headers": rewrite(1, [
        (b"GET / HTTP/1.1\r\nHost: t.rok.test\r\nX-Forwarded-For: 1.2.3.4\r\nX_Forwarded_Host: evil\r\n"
         b"Forwarded: for=1.2.3.4\r\nX-Real-IP: 1.2.3.4\r\n\r\n", TO_TUNNEL),
        (ok, FROM_TUNNEL)]),
    "absolute-form-target": rewrite(2, [(b"GET http://t.rok.test:80/p?q HTTP/1.1\r\nHost: other\r\n\r\n",
                                         TO_TUNNEL)]),
    "pipelined-in-pieces": rewrite(0, [(get[:10], TO_TUNNEL), (get[10:] + post[:30], TO_TUNNEL),
                                       (post[30:] + get, TO_TUNNEL), (ok + ok + ok, FROM_TUNNEL)]),
    "chunked-with-trailers": rewrite(0, [
        (chunked.replace(b"X-Trailer: yes", b"X-Forwarded-For: 6.6.6.6"), TO_TUNNEL),
        (ok, FROM_TUNNEL)]),
    "websocket-accepted": rewrite(0, [(upgrade + b"\x81\x05early", TO_TUNNEL),
                                      (switching + b"\x81\x02hi", FROM_TUNNEL),
                                      (b"\x81\x05hello", TO_TUNNEL)]),
    "websocket-refused-then-get": rewrite(0, [(upgrade + get, TO_TUNNEL),
                                              (b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
                                               FROM_TUNNEL),
                                              (ok, FROM_TUNNEL)]),
    "connect": rewrite(3, [(connect + b"tls", TO_TUNNEL),
                           (b"HTTP/1.1 200 Connection established\r\n\r\n", FROM_TUNNEL)]),
    "no-host": rewrite(0, [(b"GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", TO_TUNNEL)]),
    "two-hosts": rewrite(0, [(b"GET / HTTP/1.1\r\nHost: t.rok.test\r\nHost: u.rok.test\r\n\r\n",
                              TO_TUNNEL)]),
    "second-request-other-tunnel": rewrite(0, [
        (get + b"GET / HTTP/1.1\r\nHost: u.rok.test\r\n\r\n", TO_TUNNEL), (ok, FROM_TUNNEL)]),
    "host-with-comma": rewrite(0, [(b"GET / HTTP/1.1\r\nHost: t.rok.test:1, evil.com\r\n\r\n",
                                    TO_TUNNEL)]),
    "malformed-after-first": rewrite(0, [(get + b"BAD\n", TO_TUNNEL), (ok, FROM_TUNNEL)]),
    "bad-response": rewrite(0, [(get, TO_TUNNEL), (b"HTTP/1.1 2OO OK\r\n\r\n", FROM_TUNNEL)]),
    "unasked-101": rewrite(0, [(get, TO_TUNNEL), (switching, FROM_TUNNEL)]),
})


# fuzz_readablebody: byte 0 = coding (bits 0-2), type (bits 3-4), chunked (bit 5), cut (bit 6)
def body(coding, type_, data, chunked=False, cut=False):
    def framed(payload):
        return b"".join(b"%x\r\n%s\r\n" % (len(payload[i:i + 7]), payload[i:i + 7])
                        for i in range(0, len(payload), 7)) + b"0\r\n\r\n"
    return bytes([coding | type_ << 3 | chunked << 5 | cut << 6]) + (framed(data) if chunked else data)


json_text = b'{"otter": {"name": "Olive", "legs": 4, "id": 12345678901234567890}, "tags": ["a", "b\\"c"], "e": {}}'
hello_br = bytes.fromhex("0b028068656c6c6f03")  # brotli's own encoding of "hello"
write("fuzz_readablebody", {
    "plain-json": body(0, 0, json_text),
    "gzip-json": body(1, 0, gzip.compress(json_text, mtime=0)),
    "gzip-json-chunked": body(1, 0, gzip.compress(json_text, mtime=0), chunked=True),
    "gzip-cut": body(1, 0, gzip.compress(json_text * 20, mtime=0)[:40], cut=True),
    "deflate-zlib": body(2, 1, zlib.compress(b"M\xfcller and more text " * 5)),
    "deflate-raw": body(2, 1, zlib.compressobj(wbits=-15).compress(b"raw deflate text") + b"\x03\x00"),
    "br-hello": body(3, 1, hello_br),
    "gzip-then-br-wrong-order": body(4, 1, gzip.compress(b"hello", mtime=0)),
    "form": body(0, 3, b"user=J%C3%BCrgen&note=hi+there&empty=&a%26b=c%3Dd"),
    "image-cut": body(0, 2, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", cut=True),
    "unknown-coding": body(7, 1, b"\x28\xb5\x2f\xfd\x00"),
    "deep-json": body(0, 0, b"[" * 2000 + b"1" + b"]" * 2000, cut=True),
    "gzip-bomb": body(1, 1, gzip.compress(b"\0" * (8 << 20), mtime=0)),
})
