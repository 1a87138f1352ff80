#!/usr/bin/python3

# SPDX-FileCopyrightText: 2026 The rok authors
#
# SPDX-License-Identifier: LicenseRef-NoLicenseYet

"""bench/load.py: the loads of bench/run that wrk and curl cannot make. Standard library only.

  load.py wsecho PORT                  a websocket echo server on 127.0.0.1:PORT (RFC 6455,
                                       just enough: text/binary frames echoed, ping answered)
  load.py wsrtt URL HOST COUNT         one websocket through URL (Host: HOST) to /ws; COUNT
                                       round trips of a 32-byte message, one at a time;
                                       prints {"count", "p50_ms", "p99_ms", "errors"}
  load.py idle URL HOST COUNT          COUNT keep-alive visitors, each after one GET /small,
                                       held open; prints {"open", "failed", "why"} once all are in,
                                       then holds them until stdin closes
  load.py slowread URL HOST PATH RATE SECONDS
                                       GET PATH and read it at RATE bytes/s for SECONDS;
                                       prints {"bytes"}
  load.py profiles FILE SERVER LOCAL COUNT
                                       writes a rok.conf with COUNT saved HTTP tunnels
"""
import asyncio
import base64
import hashlib
import json
import os
import resource
import statistics
import struct
import sys
import time
import urllib.parse

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def read_head(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    return head.decode("latin-1")


async def read_frame(reader):
    b0, b1 = await reader.readexactly(2)
    length = b1 & 0x7F
    if length == 126:
        (length,) = struct.unpack("!H", await reader.readexactly(2))
    elif length == 127:
        (length,) = struct.unpack("!Q", await reader.readexactly(8))
    mask = await reader.readexactly(4) if b1 & 0x80 else None
    payload = await reader.readexactly(length)
    if mask:
        payload = bytes(c ^ mask[i % 4] for i, c in enumerate(payload))
    return b0 & 0x0F, payload


def frame(opcode, payload, masked):
    head = bytes([0x80 | opcode])
    bit = 0x80 if masked else 0
    if len(payload) < 126:
        head += bytes([bit | len(payload)])
    elif len(payload) < 65536:
        head += bytes([bit | 126]) + struct.pack("!H", len(payload))
    else:
        head += bytes([bit | 127]) + struct.pack("!Q", len(payload))
    if not masked:
        return head + payload
    mask = os.urandom(4)
    return head + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(payload))


async def echo_client(reader, writer):
    try:
        head = await read_head(reader)
        key = ""
        for line in head.split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "sec-websocket-key":
                key = value.strip()
        accept = base64.b64encode(hashlib.sha1(key.encode() + GUID).digest()).decode()
        writer.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n" % accept).encode())
        while True:
            opcode, payload = await read_frame(reader)
            if opcode == 8:
                writer.write(frame(8, payload[:2], False))
                break
            writer.write(frame(10 if opcode == 9 else opcode, payload, False))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    writer.close()


async def wsecho(port):
    server = await asyncio.start_server(echo_client, "127.0.0.1", int(port), backlog=1024)
    async with server:
        await server.serve_forever()


def endpoint(url):
    parts = urllib.parse.urlsplit(url)
    return parts.hostname, parts.port or 80


async def wsrtt(url, host, count):
    reader, writer = await asyncio.open_connection(*endpoint(url))
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(("GET /ws HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (host, key)).encode())
    head = await read_head(reader)
    if not head.startswith("HTTP/1.1 101"):
        print(json.dumps({"count": 0, "errors": 1, "head": head.split("\r\n")[0]}))
        return
    message = b"x" * 32
    rtts, errors = [], 0
    for _ in range(int(count)):
        started = time.perf_counter()
        writer.write(frame(2, message, True))
        opcode, payload = await read_frame(reader)
        rtts.append((time.perf_counter() - started) * 1000)
        errors += payload != message
    writer.write(frame(8, b"\x03\xe8", True))
    writer.close()
    rtts.sort()
    print(json.dumps({"count": len(rtts), "p50_ms": round(statistics.median(rtts), 3),
                      "p99_ms": round(rtts[int(len(rtts) * 0.99) - 1], 3), "errors": errors}))


async def one_visitor(address, host, held, failures):
    try:
        reader, writer = await asyncio.open_connection(*address)
        writer.write(("GET /small HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode())
        head = await read_head(reader)
        length = 0
        for line in head.split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        await reader.readexactly(length)
        if not head.startswith("HTTP/1.1 200"):
            raise ConnectionError(head.split("\r\n")[0])
        held.append(writer)
        return True
    except (OSError, asyncio.IncompleteReadError, ValueError) as error:
        reason = str(error) or type(error).__name__
        failures[reason] = failures.get(reason, 0) + 1
        return False


async def idle(url, host, count):
    raise_file_limit()
    address, held, results, failures = endpoint(url), [], [], {}
    pending = set()
    for _ in range(int(count)):  # at most 200 handshakes at once: a crowd, not a SYN flood
        pending.add(asyncio.ensure_future(one_visitor(address, host, held, failures)))
        if len(pending) >= 200:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            results += [task.result() for task in done]
    if pending:
        results += await asyncio.gather(*pending)
    print(json.dumps({"open": len(held), "failed": results.count(False), "why": failures}),
          flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for writer in held:
        writer.close()


async def slowread(url, host, path, rate, seconds):
    reader, writer = await asyncio.open_connection(*endpoint(url), limit=65536)
    writer.write(("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (path, host)).encode())
    total, started = 0, time.monotonic()
    step = max(1, int(rate) // 100)
    while time.monotonic() - started < float(seconds):
        data = await reader.read(step)
        if not data:
            break
        total += len(data)
        await asyncio.sleep(max(0.0, total / int(rate) - (time.monotonic() - started)))
    writer.close()
    print(json.dumps({"bytes": total}))


def profiles(path, server, local, count, tcp="0"):
    """`count` saved tunnels; the last `tcp` of them TCP tunnels, the others HTTP."""
    lines = ["[General]", "currentProfile=t1", "", "[profiles]"]
    for i in range(1, int(count) + 1):
        lines += ["%d\\name=t%d" % (i, i), "%d\\server=%s" % (i, server), "%d\\local=%s" % (i, local)]
        if i > int(count) - int(tcp):
            lines.append("%d\\protocol=tcp" % i)
    lines.append("size=%d" % int(count))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "profiles":
        return profiles(*args)
    runner = {"wsecho": wsecho, "wsrtt": wsrtt, "idle": idle, "slowread": slowread}[command]
    asyncio.run(runner(*args))


if __name__ == "__main__":
    main()
