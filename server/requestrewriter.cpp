#include "requestrewriter.h"

RequestRewriter::RequestRewriter(const QHostAddress &visitor)
{
    bool isV4 = false;
    const quint32 v4 = visitor.toIPv4Address(&isV4); // unwraps ::ffff:a.b.c.d
    m_visitor = (isV4 ? QHostAddress(v4) : visitor).toString().toLatin1();
}

bool RequestRewriter::filter(QByteArray &chunk)
{
    QByteArray out;
    QByteArrayView data(chunk);
    while (!data.isEmpty() || m_parser.hasPendingEvent()) {
        if (m_parser.isPassthrough()) {
            if (out.isEmpty() && data.size() == chunk.size())
                return true; // the common case: forward the chunk itself, no copy
            out += data;
            break;
        }
        const HttpParser::Step step = m_parser.feed(data);
        const QByteArrayView consumed = data.first(step.consumed);
        data = data.sliced(step.consumed);
        switch (step.event) {
        case HttpParser::Event::NeedMore:
            if (!m_inHead && out.isEmpty() && consumed.size() == chunk.size())
                return true; // a chunk of body: forward it as it is
            if (!m_inHead)
                out += consumed;
            break;
        case HttpParser::Event::HeadComplete: {
            HttpHead head = m_parser.head();
            // The edge is the first hop we trust: whatever the visitor claimed is replaced.
            head.setValue("X-Forwarded-For", m_visitor);
            head.setValue("X-Forwarded-Proto", "http");
            head.setValue("X-Forwarded-Host", head.value("Host"));
            if (!m_firstHead)
                m_firstHead = head;
            out += head.serialize();
            m_inHead = false;
            break;
        }
        case HttpParser::Event::MessageComplete:
            out += consumed;
            m_inHead = true;
            break;
        case HttpParser::Event::Error:
            return false;
        }
    }
    chunk = out;
    return true;
}
