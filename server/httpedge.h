#pragma once

#include <QObject>

class Listener;
class Server;

// The public HTTP port: reads each visitor's first request head, routes it by Host to the
// client that holds NAME, and from then on splices the visitor's connection to one stream.
class HttpEdge : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEdge)

public:
    explicit HttpEdge(Server *server);

    Listener *listener() const { return m_listener; }

private:
    void onAccepted(qintptr descriptor);

    Server *m_server;
    Listener *m_listener;
};
