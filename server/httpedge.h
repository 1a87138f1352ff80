#pragma once

#include <QObject>

class Listener;
class TunnelRegistry;
class VisitorGate;
struct ServerConfig;

// The public HTTP port: reads each visitor's first request head, routes it by Host to the
// client that holds NAME, and from then on splices the visitor's connection to one stream.
class HttpEdge : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEdge)

public:
    // `names` maps each tunnel name to the ClientSession that holds it.
    HttpEdge(const ServerConfig &config, const TunnelRegistry &names, VisitorGate &visitors,
             QObject *parent = nullptr);

    Listener *listener() const { return m_listener; }

private:
    void onAccepted(qintptr descriptor);

    const ServerConfig &m_config;
    const TunnelRegistry &m_names;
    VisitorGate &m_visitors;
    Listener *m_listener;
};
