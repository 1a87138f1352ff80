// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Fuzzes ReadableBody and BodyDecoding: a visitor's or an app's body, as the log kept it, made
// readable for the window, HAR and --inspect.
//
// Input: byte 0 picks the head, the rest is the kept body.
//   bits 0-2  Content-Encoding (see Codings)
//   bits 3-4  Content-Type (see Types)
//   bit 5     Transfer-Encoding: chunked
//   bit 6     the preview was cut (truncated)
//
// Checked: the decoded bytes stay within DecodedLimit; a dechunked payload is never longer than
// its framing; indented JSON stays within its bound; decoding the same input twice gives the
// same result; query and form fields parse. A violation aborts.

#include "fuzzsupport.h"
#include "readablebody.h"

#include <cstdio>
#include <cstdlib>

namespace {

const char *const Codings[8] = {"",         "gzip",     "deflate",  "br",
                                "gzip, br", "br, gzip", "identity", "zstd"};
const char *const Types[4] = {"application/json", "text/plain; charset=iso-8859-1", "image/png",
                              "application/x-www-form-urlencoded"};

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_readablebody: invariant violated: %s\n", what);
    abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***argv)
{
    initializeQt((*argv)[0]);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t setup = data[0];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    HttpHead head;
    head.status = 200;
    head.headers.append(HttpHeader{"Content-Type", Types[(setup >> 3) & 3]});
    if (const char *coding = Codings[setup & 7]; *coding)
        head.headers.append(HttpHeader{"Content-Encoding", coding});
    if (setup & 0x20)
        head.headers.append(HttpHeader{"Transfer-Encoding", "chunked"});
    const bool truncated = setup & 0x40;

    const ReadableBody readable = ReadableBody::of(head, body, truncated);
    if (readable.bytes.size() > ReadableBody::DecodedLimit)
        violated("decoded past the limit");
    const QString text = readable.readableText();
    if (readable.kind == ReadableBody::Kind::Json
        && text.size() > 2 * ReadableBody::DecodedLimit + 1)
        violated("indented JSON past its bound");
    const ReadableBody again = ReadableBody::of(head, body, truncated);
    if (again.bytes != readable.bytes || again.kind != readable.kind
        || again.notes != readable.notes)
        violated("the same input read two ways");

    bool complete = false;
    if (BodyDecoding::dechunk(body, &complete).size() > body.size())
        violated("a payload longer than its framing");
    BodyDecoding::queryItems(body);
    BodyDecoding::formFields(body);
    return 0;
}
