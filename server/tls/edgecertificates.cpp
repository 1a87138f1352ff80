// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "edgecertificates.h"

#include "tlsservercontext.h"

EdgeCertificates::EdgeCertificates()
    : m_table(std::make_shared<Table>())
{
}

void EdgeCertificates::setDefault(std::shared_ptr<TlsServerContext> context)
{
    if (context)
        selectByName(*context);
    m_table->fallback = std::move(context);
}

void EdgeCertificates::setForHost(const QByteArray &host, std::shared_ptr<TlsServerContext> context)
{
    m_table->byHost.insert(host, std::move(context));
}

bool EdgeCertificates::covers(const QByteArray &host) const
{
    // The files' certificate is taken to cover every name (*.DOMAIN): the operator chose it.
    return m_table->fallback || m_table->byHost.contains(host);
}

std::shared_ptr<TlsServerContext> EdgeCertificates::front() const
{
    if (m_table->fallback)
        return m_table->fallback;
    // Made at the first HTTPS visitor: creating an SSL_CTX sets up all of OpenSSL (about 3 MiB
    // resident), which a server without HTTPS never needs.
    if (!m_withoutCertificate) {
        m_withoutCertificate = TlsServerContext::withoutCertificate();
        selectByName(*m_withoutCertificate);
    }
    return m_withoutCertificate;
}

void EdgeCertificates::selectByName(TlsServerContext &context) const
{
    context.setNameSelector([table = std::weak_ptr<Table>(m_table)](const QByteArray &host) {
        const std::shared_ptr<Table> held = table.lock();
        if (!held)
            return static_cast<SSL_CTX *>(nullptr);
        const auto found = held->byHost.constFind(host);
        return found == held->byHost.cend() ? nullptr : (*found)->get();
    });
}

QList<std::pair<QByteArray, std::shared_ptr<TlsServerContext>>> EdgeCertificates::all() const
{
    QList<std::pair<QByteArray, std::shared_ptr<TlsServerContext>>> all;
    if (m_table->fallback)
        all.append({QByteArrayLiteral("*"), m_table->fallback});
    for (auto it = m_table->byHost.cbegin(); it != m_table->byHost.cend(); ++it)
        all.append({it.key(), it.value()});
    return all;
}
