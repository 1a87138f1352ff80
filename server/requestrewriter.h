#pragma once

#include "httpparser.h"
#include "splice.h"

#include <QHostAddress>
#include <optional>

// The visitor-to-tunnel direction of an HTTP edge connection: finds every request head,
// adds X-Forwarded-For/-Proto/-Host, and passes bodies and upgraded streams through untouched.
class RequestRewriter : public SpliceFilter
{
public:
    explicit RequestRewriter(const QHostAddress &visitor);

    bool filter(QByteArray &chunk) override;

    const std::optional<HttpHead> &firstHead() const { return m_firstHead; }
    const HttpParser &parser() const { return m_parser; }

private:
    HttpParser m_parser{HttpParser::Kind::Request};
    QByteArray m_visitor;
    std::optional<HttpHead> m_firstHead;
    bool m_inHead = true;
};
