#include "selfsignedcertificate.h"

#include "certificateissuer.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace SelfSignedCertificate {

namespace {

bool writePrivate(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<Files> ensure(const QString &stateDirectory, const QString &domain, QString *error)
{
    const QDir directory(stateDirectory);
    Files files{directory.filePath(QStringLiteral("control-cert.pem")),
                directory.filePath(QStringLiteral("control-key.pem"))};
    const bool haveCertificate = QFile::exists(files.certificate);
    if (haveCertificate && QFile::exists(files.key))
        return files;
    if (haveCertificate != QFile::exists(files.key)) {
        *error = QStringLiteral("%1 holds only one of control-cert.pem and control-key.pem; "
                                "remove it to make a new pair")
                         .arg(stateDirectory);
        return std::nullopt;
    }
    if (!directory.mkpath(QStringLiteral("."))
        || !QFile::setPermissions(stateDirectory,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner)) {
        *error = QStringLiteral("cannot create the state directory %1").arg(stateDirectory);
        return std::nullopt;
    }
    CertificateIssuer::Request request;
    request.commonName = domain;
    request.dnsNames = {domain, QStringLiteral("*.") + domain}; // *.: for --https-port too
    // Clients pin the certificate itself, so its lifetime only has to outlast the server.
    request.notAfter = QDateTime::currentDateTimeUtc().addYears(20);
    const CertificateIssuer::Identity identity = CertificateIssuer::issue(request, nullptr, error);
    if (identity.isNull())
        return std::nullopt;
    // The key first: a certificate alone is never left behind as if it were a pair.
    if (!writePrivate(files.key, identity.key.toPem(), error)
        || !writePrivate(files.certificate, identity.certificate.toPem(), error))
        return std::nullopt;
    files.created = true;
    return files;
}

} // namespace SelfSignedCertificate
