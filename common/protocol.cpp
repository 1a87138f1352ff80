#include "protocol.h"

#include <QMessageAuthenticationCode>

namespace Protocol {

namespace {
struct CodeName
{
    ErrorCode code;
    const char16_t *name;
};
constexpr CodeName CodeNames[] = {
        {ErrorCode::UnsupportedVersion, u"unsupported_version"},
        {ErrorCode::AuthRequired, u"auth_required"},
        {ErrorCode::AuthFailed, u"auth_failed"},
        {ErrorCode::NotAllowed, u"not_allowed"},
        {ErrorCode::InvalidName, u"invalid_name"},
        {ErrorCode::NameTaken, u"name_taken"},
        {ErrorCode::NameReserved, u"name_reserved"},
        {ErrorCode::NoPort, u"no_port"},
        {ErrorCode::BadMessage, u"bad_message"},
        {ErrorCode::ShuttingDown, u"shutting_down"},
};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const CodeName &entry : CodeNames) {
        if (entry.code == code)
            return QString::fromUtf16(entry.name);
    }
    return QStringLiteral("bad_message");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const CodeName &entry : CodeNames) {
        if (name == QStringView(entry.name))
            return entry.code;
    }
    return ErrorCode::BadMessage;
}

bool isFatal(ErrorCode code)
{
    switch (code) {
    case ErrorCode::UnsupportedVersion:
    case ErrorCode::AuthRequired:
    case ErrorCode::AuthFailed:
    case ErrorCode::NotAllowed:
    case ErrorCode::InvalidName:
    case ErrorCode::NameTaken:
    case ErrorCode::BadMessage:
        return true;
    case ErrorCode::NameReserved:
    case ErrorCode::NoPort:
    case ErrorCode::ShuttingDown:
        return false;
    }
    return true;
}

QCborMap errorMessage(ErrorCode code, const QString &text)
{
    return QCborMap{{QStringLiteral("type"), Error},
                    {QStringLiteral("code"), errorCodeName(code)},
                    {QStringLiteral("message"), text}};
}

QByteArray authProof(const QByteArray &token, const QByteArray &nonce)
{
    return QMessageAuthenticationCode::hash(nonce, token, QCryptographicHash::Sha256);
}

} // namespace Protocol
