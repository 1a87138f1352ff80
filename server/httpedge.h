#pragma once

#include <QByteArray>
#include <QObject>

#include <memory>

class DuplexDevice;
class Listener;
class TcpConnection;
class TlsServerContext;
class TunnelRegistry;
class VisitorGate;
struct ServerConfig;

// The public HTTP and HTTPS ports: reads each visitor's first request head, routes it by Host to
// the client that holds NAME, and from then on splices the visitor's connection to one stream.
// With HTTPS on, the HTTP port answers 308 to the same URL over HTTPS (unless
// --http-redirect off).
class HttpEdge : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEdge)

public:
    // `names` maps each tunnel name to the ClientSession that holds it.
    HttpEdge(const ServerConfig &config, const TunnelRegistry &names, VisitorGate &visitors,
             QObject *parent = nullptr);

    Listener *listener() const { return m_listener; }
    Listener *httpsListener() const { return m_httpsListener; }
    // The certificate for HTTPS visitors from now on; connections already open keep theirs.
    void setTlsContext(std::shared_ptr<TlsServerContext> context);

private:
    void onAccepted(qintptr descriptor, bool https);
    // Over a limit: a 503 page without reading the request, then close.
    void refuse(DuplexDevice *connection, bool perAddress);

    const ServerConfig &m_config;
    const TunnelRegistry &m_names;
    VisitorGate &m_visitors;
    Listener *m_listener;
    Listener *m_httpsListener;
    std::shared_ptr<TlsServerContext> m_tls;
    QByteArray m_plainHttpPage; // the answer to plain HTTP on the HTTPS port
};
