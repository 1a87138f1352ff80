#pragma once

#include <QTcpServer>

// A listening socket that hands over each accepted connection as a bare descriptor, for a
// TcpConnection to adopt (QTcpServer would wrap it in a QTcpSocket, which cannot half-close).
class Listener : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    explicit Listener(QObject *parent = nullptr);

Q_SIGNALS:
    void accepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};
