// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "sealedbox.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace {

constexpr int NonceSize = 12;
constexpr int TagSize = 16;

using Context = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Context newContext()
{
    return {EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free};
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

} // namespace

SealedBox::SealedBox(const QByteArray &secret, const QByteArray &purpose)
    // HMAC as the key derivation: one key per purpose, none of them the secret itself.
    : m_key(QMessageAuthenticationCode::hash("rok sealed box: " + purpose, secret,
                                             QCryptographicHash::Sha256))
{
}

QByteArray SealedBox::seal(const QByteArray &plain) const
{
    QByteArray box(NonceSize + plain.size() + TagSize, Qt::Uninitialized);
    if (RAND_bytes(bytes(box), NonceSize) != 1)
        return {};
    const Context context = newContext();
    int length = 0;
    if (!context
        || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(m_key), bytes(box))
                != 1
        || EVP_EncryptUpdate(context.get(), bytes(box) + NonceSize, &length, bytes(plain),
                             int(plain.size()))
                != 1
        || EVP_EncryptFinal_ex(context.get(), bytes(box) + NonceSize + length, &length) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, TagSize,
                               bytes(box) + NonceSize + plain.size())
                != 1)
        return {};
    return box;
}

std::optional<QByteArray> SealedBox::open(const QByteArray &box) const
{
    if (box.size() < NonceSize + TagSize)
        return std::nullopt;
    const qsizetype size = box.size() - NonceSize - TagSize;
    QByteArray plain(size, Qt::Uninitialized);
    QByteArray tag = box.right(TagSize);
    const Context context = newContext();
    int length = 0;
    if (!context
        || EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(m_key), bytes(box))
                != 1
        || EVP_DecryptUpdate(context.get(), bytes(plain), &length, bytes(box) + NonceSize,
                             int(size))
                != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, TagSize, bytes(tag)) != 1
        || EVP_DecryptFinal_ex(context.get(), bytes(plain) + length, &length) != 1)
        return std::nullopt;
    return plain;
}
