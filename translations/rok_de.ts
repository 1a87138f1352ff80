<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppSettings</name>
    <message>
        <location filename="../app/client/appsettings.cpp" line="+30"/>
        <source>Default</source>
        <comment>the name of the first saved tunnel</comment>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../app/gui/autostart.cpp" line="+95"/>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Public URLs for local ports, with a live request log</source>
        <translation>Öffentliche URLs für lokale Ports, mit Live-Anfrageprotokoll</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+45"/>
        <source>rok: a public URL for a local port.

  rok http [HOST:]PORT   share a local web server (HOST defaults to localhost)
  rok tcp [HOST:]PORT    share any TCP service on a public port
  rok start NAME...      start saved tunnels, over one connection (rok config show lists them; --all starts every one)
  rok config ...         show or change the saved settings: server, token, tunnels (rok config --help)
  rok                    the tray app

The server, its token and its trust come from the saved settings unless given here.</source>
        <translation>rok: eine öffentliche URL für einen lokalen Port.

  rok http [HOST:]PORT   einen lokalen Webserver freigeben (HOST ist sonst localhost)
  rok tcp [HOST:]PORT    einen beliebigen TCP-Dienst auf einem öffentlichen Port freigeben
  rok start NAME...      gespeicherte Tunnel über eine Verbindung starten (rok config show listet sie; --all startet alle)
  rok config ...         die gespeicherten Einstellungen zeigen oder ändern: Server, Token, Tunnel (rok config --help)
  rok                    die Tray-App

Server, Token und Vertrauen kommen aus den gespeicherten Einstellungen, wenn sie hier nicht angegeben sind.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>http, tcp, start or config</source>
        <translation>http, tcp, start oder config</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>local [HOST:]PORT, or the saved tunnel&apos;s NAME</source>
        <translation>lokaler [HOST:]PORT oder der NAME eines gespeicherten Tunnels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rok-server to use (default localhost:7835). TLS unless HOST is this machine; tls:// or tcp:// in front forces TLS or plain TCP.</source>
        <translation>Der zu nutzende rok-server (Standard localhost:7835). TLS, außer HOST ist dieser Rechner; tls:// oder tcp:// davor erzwingt TLS oder reines TCP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Also trust the CA certificates in this PEM file for the server&apos;s TLS certificate.</source>
        <translation>Für das TLS-Zertifikat des Servers auch den CA-Zertifikaten in dieser PEM-Datei vertrauen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trust exactly the server certificate with this SHA-256 fingerprint (rok-server prints it), instead of CAs.</source>
        <translation>Genau dem Serverzertifikat mit diesem SHA-256-Fingerabdruck vertrauen (rok-server gibt ihn aus), statt CAs.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Visitors must log in as USER with PASS (repeatable); checked by the server, which keeps only a salted hash.</source>
        <translation>Besucher müssen sich als USER mit PASS anmelden (wiederholbar); der Server prüft das und behält nur einen gesalzenen Hash.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only visitors from this address range (repeatable).</source>
        <translation>Nur Besucher aus diesem Adressbereich (wiederholbar).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No visitors from this address range (repeatable).</source>
        <translation>Keine Besucher aus diesem Adressbereich (wiederholbar).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With an https:// local target: accept its certificate unchecked (a self-signed development certificate).</source>
        <translation>Bei einem lokalen https://-Ziel: sein Zertifikat ungeprüft annehmen (ein selbstsigniertes Entwicklungszertifikat).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Host header the local service gets: rewrite (its own, for dev servers that check it) or a fixed VALUE. Default: the public one.</source>
        <translation>Der Host-Header, den der lokale Dienst erhält: rewrite (sein eigener, für Entwicklungsserver, die ihn prüfen) oder ein fester WERT. Standard: der öffentliche.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP: while the local service refuses connections (restarting, say), each visitor&apos;s request waits up to SECONDS for it to come back before the 502. Default 10; 0 answers at once.</source>
        <translation>HTTP: solange der lokale Dienst Verbindungen ablehnt (etwa beim Neustart), wartet jede Anfrage eines Besuchers bis zu SECONDS Sekunden auf ihn, bevor die 502 kommt. Standard 10; 0 antwortet sofort.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HTTP: serve the request log as JSON and a page at http://ADDRESS:PORT (loopback only; ADDRESS defaults to 127.0.0.1), for a terminal without a desktop.</source>
        <translation>HTTP: das Anfrageprotokoll als JSON und als Seite unter http://ADDRESS:PORT anbieten (nur Loopback; ADDRESS ist sonst 127.0.0.1), für ein Terminal ohne Desktop.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With start: every saved tunnel (they must share a server).</source>
        <translation>Mit start: alle gespeicherten Tunnel (sie müssen denselben Server nutzen).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>--inspect takes [ADDRESS:]PORT, such as 4040 or 127.0.0.1:4040, not &quot;%1&quot;</source>
        <translation>--inspect nimmt [ADDRESS:]PORT, etwa 4040 oder 127.0.0.1:4040, nicht „%1“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--hold takes whole seconds from 0 to %1, not &quot;%2&quot;</source>
        <translation>--hold nimmt ganze Sekunden von 0 bis %1, nicht „%2“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>invalid --server &quot;%1&quot; (expected HOST:PORT, tls://HOST:PORT or tcp://HOST:PORT)</source>
        <translation>ungültiges --server „%1“ (erwartet HOST:PORT, tls://HOST:PORT oder tcp://HOST:PORT)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid --ca: %1</source>
        <translation>ungültiges --ca: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid --basic-auth (expected USER:PASS, both non-empty)</source>
        <translation>ungültiges --basic-auth (erwartet USER:PASS, beide nicht leer)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid --%1 &quot;%2&quot; (expected a range such as 10.0.0.0/8 or 2001:db8::/32)</source>
        <translation>ungültiges --%1 „%2“ (erwartet einen Bereich wie 10.0.0.0/8 oder 2001:db8::/32)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>invalid --fingerprint: %1</source>
        <translation>ungültiges --fingerprint: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+63"/>
        <source>--all goes with start: rok start --all</source>
        <translation>--all gehört zu start: rok start --all</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>invalid --local &quot;%1&quot; (expected PORT, HOST:PORT or https://HOST:PORT)</source>
        <translation>ungültiges --local „%1“ (erwartet PORT, HOST:PORT oder https://HOST:PORT)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown command &quot;%1&quot; (expected http, tcp, start or config)</source>
        <translation>unbekannter Befehl „%1“ (erwartet: http, tcp, start oder config)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>start needs the names of saved tunnels, such as: rok start web api, or --all</source>
        <translation>start braucht die Namen gespeicherter Tunnel, etwa: rok start web api, oder --all</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--%1 is saved with each tunnel: rok config set ... --tunnel NAME</source>
        <translation>--%1 wird mit jedem Tunnel gespeichert: rok config set ... --tunnel NAME</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--inspect is for http tunnels: rok http 3000 --inspect 4040</source>
        <translation>--inspect ist für HTTP-Tunnel: rok http 3000 --inspect 4040</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 and %2 use different servers (%3, %4); one rok start connects to one server</source>
        <translation>%1 und %2 nutzen verschiedene Server (%3, %4); ein rok start verbindet sich mit einem Server</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>invalid local address &quot;%1&quot; (expected PORT, HOST:PORT or, for http, https://HOST:PORT)</source>
        <translation>ungültige lokale Adresse „%1“ (erwartet PORT, HOST:PORT oder, für http, https://HOST:PORT)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--host-header is for http tunnels: rewrite, or a host such as myapp.test</source>
        <translation>--host-header gilt für HTTP-Tunnel: rewrite oder ein Host wie myapp.test</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Secret the server asks for (or ROK_TOKEN).</source>
        <translation>Geheimnis, das der Server verlangt (oder ROK_TOKEN).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for this name instead of a random one.</source>
        <translation>Diesen Namen statt eines zufälligen anfordern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print one JSON object a line instead of text.</source>
        <translation>Ein JSON-Objekt pro Zeile statt Text ausgeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a command: the tray app&apos;s local [HOST:]PORT for this run.</source>
        <translation>Ohne Befehl: lokaler [HOST:]PORT der Tray-App für diesen Start.</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>--local is for the tray app; give the local address after the command instead, as in: rok http 3000</source>
        <translation>--local gilt nur für die Tray-App; die lokale Adresse stattdessen nach dem Befehl angeben, etwa: rok http 3000</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 needs one local [HOST:]PORT, such as: rok %1 3000</source>
        <translation>%1 braucht genau einen lokalen [HOST:]PORT, etwa: rok %1 3000</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>no saved tunnel named &quot;%1&quot; (rok config show lists them)</source>
        <translation>kein gespeicherter Tunnel namens „%1“ (rok config show listet sie)</translation>
    </message>
    <message>
        <location filename="../app/traymain.cpp" line="+37"/>
        <source>rok is already running: its window shows.
</source>
        <translation>rok läuft bereits: sein Fenster wird angezeigt.
</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="+168"/>
        <source>rok: no display for the tray app (neither DISPLAY nor WAYLAND_DISPLAY is set).
From a terminal, start a tunnel with: rok http PORT
Try &apos;rok --help&apos;.
</source>
        <translation>rok: keine Anzeige für die Tray-App (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt).
Im Terminal starten Sie einen Tunnel mit: rok http PORT
Mehr unter &apos;rok --help&apos;.
</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>rok: %1
Try &apos;rok --help&apos;.
</source>
        <translation>rok: %1
Mehr unter &apos;rok --help&apos;.
</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <location filename="../app/cli/configcommand.cpp" line="+201"/>
        <source>rok: %1
</source>
        <translation>rok: %1
</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rok: no token on standard input (to forget the stored one: rok config set-token --remove)
</source>
        <translation>rok: kein Token auf der Standardeingabe (um das gespeicherte zu vergessen: rok config set-token --remove)
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rok: no saved tunnel named &quot;%1&quot; (rok config show lists them)
</source>
        <translation>rok: kein gespeicherter Tunnel namens „%1“ (rok config show listet sie)
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removed the saved tunnel &quot;%1&quot;.
</source>
        <translation>Gespeicherten Tunnel „%1“ entfernt.
</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Added the saved tunnel &quot;%1&quot;.
</source>
        <translation>Gespeicherten Tunnel „%1“ hinzugefügt.
</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 = %2 for: %3
</source>
        <translation>%1 = %2 für: %3
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Token stored in %1 (no keyring found; only you can read the file) for: %2
</source>
        <translation>Token in %1 gespeichert (kein Schlüsselbund gefunden; nur Sie können die Datei lesen) für: %2
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token stored in the keyring for: %1
</source>
        <translation>Token im Schlüsselbund gespeichert für: %1
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Settings: %1
</source>
        <translation>Einstellungen: %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens: in the settings file (no keyring found; only you can read the file)
</source>
        <translation>Token: in der Einstellungsdatei (kein Schlüsselbund gefunden; nur Sie können die Datei lesen)
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens: in the keyring
</source>
        <translation>Token: im Schlüsselbund
</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Token removed for: %1
</source>
        <translation>Token entfernt für: %1
</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>  (its server and token are the ones rok http and rok tcp use)</source>
        <translation>  (sein Server und Token sind die, die rok http und rok tcp nutzen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(any)</source>
        <translation>(beliebig)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rok: cannot write %1
</source>
        <translation>rok: %1 kann nicht geschrieben werden
</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="-79"/>
        <source>Token: </source>
        <translation>Token: </translation>
    </message>
</context>
<context>
    <name>ConfigRequest</name>
    <message>
        <location filename="../app/cli/configcommand.cpp" line="-300"/>
        <source>Show or change the settings rok http, rok tcp, rok start and the tray app share (~/.config/rok/rok.conf, and the desktop keyring for tokens).

  rok config show                 the saved tunnels and their settings
  rok config set KEY VALUE        KEY: %1
  rok config set-token            the token, read from standard input
  rok config remove NAME          forget a saved tunnel

server, fingerprint, ca and the token apply to every saved tunnel unless --tunnel names one; the other keys to the tunnel named, or the current one. An empty VALUE clears a key.</source>
        <translation>Die Einstellungen zeigen oder ändern, die rok http, rok tcp, rok start und die Tray-App teilen (~/.config/rok/rok.conf, und der Schlüsselbund des Desktops für Token).

  rok config show                 die gespeicherten Tunnel und ihre Einstellungen
  rok config set KEY VALUE        KEY: %1
  rok config set-token            das Token, von der Standardeingabe gelesen
  rok config remove NAME          einen gespeicherten Tunnel vergessen

server, fingerprint, ca und das Token gelten für alle gespeicherten Tunnel, außer --tunnel nennt einen; die übrigen Schlüssel für den genannten Tunnel oder den aktuellen. Ein leerer VALUE löscht einen Schlüssel.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved tunnel to change; one that does not exist yet is added.</source>
        <translation>Der zu ändernde gespeicherte Tunnel; einer, den es noch nicht gibt, wird hinzugefügt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With set-token: forget the stored token.</source>
        <translation>Mit set-token: das gespeicherte Token vergessen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show, set, set-token or remove</source>
        <translation>show, set, set-token oder remove</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--tunnel needs a name</source>
        <translation>--tunnel braucht einen Namen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown config command &quot;%1&quot; (expected show, set, set-token or remove)</source>
        <translation>unbekannter config-Befehl „%1“ (erwartet: show, set, set-token oder remove)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--remove goes with set-token</source>
        <translation>--remove gehört zu set-token</translation>
    </message>
</context>
<context>
    <name>ConsolePrinter</name>
    <message>
        <location filename="../app/cli/consoleprinter.cpp" line="+198"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 in, %2 out</source>
        <translation>%1 eingehend, %2 ausgehend</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>(held %1)</source>
        <translation>(wartete %1)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>app</source>
        <translation>App</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 tunnel</source>
        <translation>%1 Tunnel</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Connecting to rok-server at %1 ...</source>
        <translation>Verbindung zu rok-server unter %1 wird hergestellt ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reconnecting in %1 s ...</source>
        <translation>Neuer Verbindungsversuch in %1 s ...</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Online again at the same address: %1</source>
        <translation>Wieder online unter derselben Adresse: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online: %1  -&gt;  %2</source>
        <translation>Online: %1  -&gt;  %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests appear below. Ctrl-C stops the tunnel.</source>
        <translation>Anfragen erscheinen unten. Strg+C beendet den Tunnel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>waiting for %1 (up to %n s)</source>
        <translation>
            <numerusform>wartet auf %1 (bis zu %n s)</numerusform>
            <numerusform>wartet auf %1 (bis zu %n s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Inspector: %1</source>
        <translation>Inspektor: %1</translation>
    </message>
</context>
<context>
    <name>ControlChannel</name>
    <message>
        <location filename="../common/controlchannel.cpp" line="+48"/>
        <source>control message of %1 bytes is larger than the limit of %2</source>
        <translation>Steuernachricht von %1 Bytes überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>malformed control message</source>
        <translation>fehlerhafte Steuernachricht</translation>
    </message>
</context>
<context>
    <name>HarExport</name>
    <message>
        <location filename="../app/client/harexport.cpp" line="+226"/>
        <source>The connection switched protocols; its later traffic is not shown.</source>
        <translation>Die Verbindung hat das Protokoll gewechselt; der weitere Datenverkehr wird nicht angezeigt.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not write the HAR file %1: %2</source>
        <translation>Die HAR-Datei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>HttpParser</name>
    <message>
        <location filename="../common/httpparser.cpp" line="+284"/>
        <location line="+172"/>
        <source>malformed request line</source>
        <translation>fehlerhafte Anfragezeile</translation>
    </message>
    <message>
        <location line="-171"/>
        <location line="+179"/>
        <source>malformed status line</source>
        <translation>fehlerhafte Statuszeile</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>bare CR in line ending</source>
        <translation>einzelnes CR im Zeilenende</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>header section larger than %1 bytes</source>
        <translation>Kopfbereich größer als %1 Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trailer section larger than %1 bytes</source>
        <translation>Trailer-Bereich größer als %1 Bytes</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>missing CRLF after chunk data</source>
        <translation>fehlendes CRLF nach Chunk-Daten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>chunk header line too long</source>
        <translation>Chunk-Kopfzeile zu lang</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chunk size too large</source>
        <translation>Chunk-Größe zu groß</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <source>invalid chunk size</source>
        <translation>ungültige Chunk-Größe</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>invalid chunk extension</source>
        <translation>ungültige Chunk-Erweiterung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bare CR in chunk header</source>
        <translation>einzelnes CR im Chunk-Kopf</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>input ended in the middle of a message</source>
        <translation>die Eingabe endete mitten in einer Nachricht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line ending in a bare LF</source>
        <translation>Zeilenende mit einzelnem LF</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>unsupported HTTP version</source>
        <translation>nicht unterstützte HTTP-Version</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>obsolete line folding</source>
        <translation>veraltete Zeilenfaltung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>whitespace before colon in header</source>
        <translation>Leerraum vor dem Doppelpunkt im Header</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid header name</source>
        <translation>ungültiger Header-Name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid character in header value</source>
        <translation>ungültiges Zeichen im Header-Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than %1 header fields</source>
        <translation>mehr als %1 Header-Felder</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Transfer-Encoding in an HTTP/1.0 request</source>
        <translation>Transfer-Encoding in einer HTTP/1.0-Anfrage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both Transfer-Encoding and Content-Length</source>
        <translation>sowohl Transfer-Encoding als auch Content-Length</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request transfer coding does not end in chunked</source>
        <translation>die Transfer-Codierung der Anfrage endet nicht auf chunked</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>invalid Content-Length</source>
        <translation>ungültige Content-Length</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../app/client/inspector.cpp" line="+69"/>
        <location line="+9"/>
        <location line="+9"/>
        <source>not a loopback Host</source>
        <translation>kein Loopback-Host</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>no request %1 in the log</source>
        <translation>keine Anfrage %1 im Protokoll</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>not from this inspector</source>
        <translation>nicht von diesem Inspektor</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--inspect listens on a loopback address only (127.0.0.1 or ::1), not %1: the log holds your visitors&apos; requests. Reach it from elsewhere with ssh -L.</source>
        <translation>--inspect lauscht nur auf einer Loopback-Adresse (127.0.0.1 oder ::1), nicht auf %1: das Protokoll enthält die Anfragen Ihrer Besucher. Von anderswo erreichen Sie es mit ssh -L.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--inspect cannot listen on %1 port %2</source>
        <translation>--inspect kann nicht auf %1 Port %2 lauschen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+32"/>
        <source>rok</source>
        <translation>rok</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The token could not be saved: %1</source>
        <translation>Das Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The token could not be read: %1</source>
        <translation>Das Token konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Export HAR…</source>
        <translation>HAR e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tunnel</source>
        <translation>&amp;Tunnel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About rok</source>
        <translation>&amp;Über rok</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Where is your rok-server? Enter its address and your token, then press OK to start the tunnel. localhost:7835 is a rok-server on this computer.</source>
        <translation>Wo läuft Ihr rok-server? Geben Sie seine Adresse und Ihr Token ein und drücken Sie OK, um den Tunnel zu starten. localhost:7835 ist ein rok-server auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>About rok</source>
        <translation>Über rok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;rok %1&lt;/h3&gt;&lt;p&gt;A public URL for a local port, on a server you run yourself.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;rok %1&lt;/h3&gt;&lt;p&gt;Eine öffentliche URL für einen lokalen Port, auf einem selbst betriebenen Server.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../app/gui/messageview.cpp" line="+52"/>
        <location line="+114"/>
        <source>Select a request to see it here.</source>
        <translation>Eine Anfrage auswählen, um sie hier anzuzeigen.</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+61"/>
        <location line="+19"/>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+58"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+1"/>
        <source>(nothing received)</source>
        <translation>(nichts empfangen)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Headers (%1)</source>
        <translation>Header (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Query (%1)</source>
        <translation>Query (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Form (%1)</source>
        <translation>Formular (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(body not kept)</source>
        <translation>(Inhalt nicht aufbewahrt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 of %2 data: see Body)</source>
        <translation>(%1 %2-Daten: siehe Inhalt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
… (preview ends here)</source>
        <translation>
… (Vorschau endet hier)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation>%1, %2 × %3 Pixel, %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This %1 image cannot be shown.</source>
        <translation>Dieses %1-Bild kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This %1 image cannot be shown: only its start was kept.</source>
        <translation>Dieses %1-Bild kann nicht angezeigt werden: Nur sein Anfang wurde aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>MuxSession</name>
    <message>
        <location filename="../common/muxsession.cpp" line="+72"/>
        <source>open streams did not finish within %1 s of the goodbye</source>
        <translation>offene Streams wurden nicht innerhalb von %1 s nach dem Abschied beendet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>tunnel connection closed</source>
        <translation>Tunnelverbindung geschlossen</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>the peer began a TLS handshake on a plain connection</source>
        <translation>die Gegenseite begann einen TLS-Handshake auf einer unverschlüsselten Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsupported protocol version %1</source>
        <translation>nicht unterstützte Protokollversion %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown frame type %1</source>
        <translation>unbekannter Frame-Typ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>frame of %1 bytes is larger than the %2 byte window</source>
        <translation>Frame von %1 Bytes ist größer als das Fenster von %2 Bytes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>stream frame on stream 0</source>
        <translation>Stream-Frame auf Stream 0</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid stream id %1</source>
        <translation>ungültige Stream-ID %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>stream %1 sent more than its window</source>
        <translation>Stream %1 hat mehr als sein Fenster gesendet</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no answer from the peer for %1 s</source>
        <translation>seit %1 s keine Antwort von der Gegenseite</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the peer stopped reading for %1 s</source>
        <translation>die Gegenseite hat %1 s lang nichts gelesen</translation>
    </message>
</context>
<context>
    <name>MuxStream</name>
    <message>
        <location filename="../common/muxstream.cpp" line="+61"/>
        <source>stream reset</source>
        <translation>Stream zurückgesetzt</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>stream reset by peer</source>
        <translation>Stream von der Gegenseite zurückgesetzt</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>the peer did not accept the stream within %1 s</source>
        <translation>die Gegenseite hat den Stream nicht innerhalb von %1 s angenommen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tunnel connection closed</source>
        <translation>Tunnelverbindung geschlossen</translation>
    </message>
</context>
<context>
    <name>OptionsFile</name>
    <message>
        <location filename="../common/optionsfile.cpp" line="+41"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected one value, not a list</source>
        <translation>ein Wert erwartet, keine Liste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a list of strings or numbers</source>
        <translation>eine Liste von Zeichenketten oder Zahlen erwartet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a string or a number</source>
        <translation>eine Zeichenkette oder Zahl erwartet</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../app/gui/qrcodewidget.cpp" line="+14"/>
        <source>QR code of the public URL</source>
        <translation>QR-Code der öffentlichen URL</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scan to open %1 on another device</source>
        <translation>Scannen, um %1 auf einem anderen Gerät zu öffnen</translation>
    </message>
</context>
<context>
    <name>ReadableBody</name>
    <message>
        <location filename="../app/client/readablebody.cpp" line="+41"/>
        <source>zlib cannot start</source>
        <translation>zlib startet nicht</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>damaged data</source>
        <translation>beschädigte Daten</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>rok does not decode %1</source>
        <translation>rok kann %1 nicht dekodieren</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The body was not kept: rok keeps text and images only.</source>
        <translation>Der Inhalt wurde nicht aufbewahrt: rok bewahrt nur Text und Bilder auf.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only the first %1 of the body were kept.</source>
        <translation>Nur die ersten %1 des Inhalts wurden aufbewahrt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not decode %1: %2.</source>
        <translation>%1 konnte nicht dekodiert werden: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the first %1 of the decoded body are shown.</source>
        <translation>Nur die ersten %1 des dekodierten Inhalts werden angezeigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 data ends early.</source>
        <translation>Die %1-Daten enden vorzeitig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decoded from %1.</source>
        <translation>Aus %1 dekodiert.</translation>
    </message>
</context>
<context>
    <name>ReplayEditor</name>
    <message>
        <location filename="../app/gui/replayeditor.cpp" line="+24"/>
        <source>Edit and replay</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No body</source>
        <translation>Kein Body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body was not kept; type the one to send.</source>
        <translation>Der Body wurde nicht aufbewahrt; geben Sie den zu sendenden ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send to the local service</source>
        <translation>An den lokalen Dienst &amp;senden</translation>
    </message>
</context>
<context>
    <name>Replayer</name>
    <message numerus="yes">
        <location filename="../app/client/replayer.cpp" line="+47"/>
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1 hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>%1 hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>could not connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the service closed the connection</source>
        <translation>der Dienst hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1 (--local-insecure accepts a development certificate)</source>
        <translation>TLS: %1 (--local-insecure nimmt ein Entwicklungszertifikat an)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the response from %1 was malformed: %2</source>
        <translation>die Antwort von %1 war fehlerhaft: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 closed the connection without answering</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 closed the connection before the response was complete</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the connection to %1 failed: %2</source>
        <translation>die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>There is no recorded request to replay.</source>
        <translation>Es gibt keine aufgezeichnete Anfrage zum erneuten Senden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request body was not recorded in full, so it cannot be replayed.</source>
        <translation>Der Body der Anfrage wurde nicht vollständig aufgezeichnet und kann daher nicht erneut gesendet werden.</translation>
    </message>
</context>
<context>
    <name>RequestEditing</name>
    <message>
        <location filename="../app/client/requestediting.cpp" line="+88"/>
        <source>Header lines must be plain ASCII: %1</source>
        <translation>Header-Zeilen müssen reines ASCII sein: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This is not a complete request head.</source>
        <translation>Das ist kein vollständiger Anfragekopf.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a valid request: %1</source>
        <translation>Das ist keine gültige Anfrage: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The path must start with /.</source>
        <translation>Der Pfad muss mit / beginnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An HTTP/1.1 request needs a Host header.</source>
        <translation>Eine HTTP/1.1-Anfrage braucht einen Host-Header.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the body was not kept, so it is not sent</source>
        <translation>der Body wurde nicht aufbewahrt und wird daher nicht gesendet</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <location filename="../app/gui/requestlogmodel.cpp" line="+98"/>
        <source>A replay, sent from this window straight to the local service</source>
        <translation>Eine Wiederholung, aus diesem Fenster direkt an den lokalen Dienst gesendet</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>closed</source>
        <comment>status of an upgraded (websocket) connection that ended</comment>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Time in the local app, as rok saw it: from the request&apos;s first byte to the response&apos;s last</source>
        <translation>Zeit in der lokalen App, wie rok sie sah: vom ersten Byte der Anfrage bis zum letzten der Antwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time in the tunnel: rok-server&apos;s time for the request, less the app&apos;s. The network between rok-server and this computer, and both programs</source>
        <translation>Zeit im Tunnel: die Zeit von rok-server für die Anfrage, abzüglich der der App. Das Netz zwischen rok-server und diesem Computer, und beide Programme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes of the request, head and body, as the local service receives them</source>
        <translation>Bytes der Anfrage, Kopf und Inhalt, wie der lokale Dienst sie empfängt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes of the response, head and body, as the local service sent them</source>
        <translation>Bytes der Antwort, Kopf und Inhalt, wie der lokale Dienst sie gesendet hat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <comment>HTTP method: GET, POST, ...</comment>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <comment>HTTP status code</comment>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <comment>time spent in the local app</comment>
        <translation>App</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel</source>
        <comment>time spent in the tunnel</comment>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In</source>
        <comment>bytes of the request, into the tunnel (the CLI&apos;s &quot;in&quot;)</comment>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out</source>
        <comment>bytes of the response, out to the visitor (the CLI&apos;s &quot;out&quot;)</comment>
        <translation>Ausgehend</translation>
    </message>
</context>
<context>
    <name>ResponseTimeChart</name>
    <message>
        <location filename="../app/gui/responsetimechart.cpp" line="+67"/>
        <source>Response time chart</source>
        <translation>Antwortzeit-Diagramm</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+73"/>
        <source>No requests yet</source>
        <translation>Noch keine Anfragen</translation>
    </message>
    <message numerus="yes">
        <location line="-67"/>
        <source>%n recent response(s): median %1, 95th percentile %2, slowest %3</source>
        <translation>
            <numerusform>%n aktuelle Antwort: Median %1, 95. Perzentil %2, langsamste %3</numerusform>
            <numerusform>%n aktuelle Antworten: Median %1, 95. Perzentil %2, langsamste %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+127"/>
        <source>p95 %1</source>
        <comment>95th percentile of the response times</comment>
        <translation>p95 %1</translation>
    </message>
</context>
<context>
    <name>SecurityBox</name>
    <message>
        <location filename="../app/gui/securitybox.cpp" line="+40"/>
        <source>Security and access</source>
        <translation>Sicherheit und Zugang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server &amp;fingerprint:</source>
        <translation>Server-&amp;Fingerabdruck:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: sha256:… as rok-server prints it</source>
        <translation>Optional: sha256:… wie rok-server ihn ausgibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust exactly the server certificate with this fingerprint (a self-signed server), instead of certificate authorities</source>
        <translation>Genau dem Serverzertifikat mit diesem Fingerabdruck vertrauen (ein selbstsignierter Server), statt Zertifizierungsstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extra certificate authority file</source>
        <translation>Zusätzliche Datei mit Zertifizierungsstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a PEM file</source>
        <translation>Optional: eine PEM-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also trust the certificate authorities in this file for the server&apos;s certificate</source>
        <translation>Für das Serverzertifikat auch den Zertifizierungsstellen in dieser Datei vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the certificate authority file</source>
        <translation>Datei mit Zertifizierungsstellen wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Extra &amp;CA:</source>
        <translation>Zusätzliche &amp;CA:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept a self-signed certificate from an https:// local &amp;target</source>
        <translation>Selbstsigniertes Zertifikat eines lokalen https://-&amp;Ziels annehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept a self-signed certificate from an https:// local target</source>
        <translation>Selbstsigniertes Zertifikat eines lokalen https://-Ziels annehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Host header:</source>
        <translation>&amp;Host-Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public name (default)</source>
        <translation>Der öffentliche Name (Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rewrite: the local target&apos;s own name, for development servers that check it; or a fixed host such as myapp.test</source>
        <translation>rewrite: der eigene Name des lokalen Ziels, für Entwicklungsserver, die ihn prüfen; oder ein fester Host wie myapp.test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visitor &amp;login:</source>
        <translation>Besucher-&amp;Anmeldung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a user name visitors must log in with</source>
        <translation>Optional: ein Benutzername, mit dem sich Besucher anmelden müssen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors must log in with this user name and password before any request reaches your service</source>
        <translation>Besucher müssen sich mit diesem Benutzernamen und Passwort anmelden, bevor eine Anfrage Ihren Dienst erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visitor &amp;password:</source>
        <translation>Besucher-Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept only as a salted hash</source>
        <translation>Nur als gesalzener Hash gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Allowed addresses:</source>
        <translation>&amp;Erlaubte Adressen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: 10.0.0.0/8, 2001:db8::/32</source>
        <translation>Optional: 10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only visitors from these address ranges reach the tunnel</source>
        <translation>Nur Besucher aus diesen Adressbereichen erreichen den Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;locked addresses:</source>
        <translation>Gesper&amp;rte Adressen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: 192.0.2.0/24</source>
        <translation>Optional: 192.0.2.0/24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors from these address ranges never reach the tunnel</source>
        <translation>Besucher aus diesen Adressbereichen erreichen den Tunnel nie</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed with a login</source>
        <translation>Nötig mit einer Anmeldung</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The fingerprint is not one rok-server prints (sha256: and 64 hex digits).</source>
        <translation>Der Fingerabdruck hat nicht die Form, die rok-server ausgibt (sha256: und 64 Hexziffern).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CA file holds no PEM certificate: %1</source>
        <translation>Die CA-Datei enthält kein PEM-Zertifikat: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host header is rewrite or a host name, without spaces.</source>
        <translation>Der Host-Header ist rewrite oder ein Hostname, ohne Leerzeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A visitor login has no &apos;:&apos;.</source>
        <translation>Eine Besucher-Anmeldung enthält kein „:“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set a password for the visitor login.</source>
        <translation>Legen Sie ein Passwort für die Besucher-Anmeldung fest.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not an address range such as 10.0.0.0/8.</source>
        <translation>„%1“ ist kein Adressbereich wie 10.0.0.0/8.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/gui/settingsdialog.cpp" line="+33"/>
        <source>rok Settings</source>
        <translation>rok-Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved tunnel</source>
        <translation>Gespeicherter Tunnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a saved tunnel</source>
        <translation>Gespeicherten Tunnel hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this saved tunnel</source>
        <translation>Diesen gespeicherten Tunnel entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of the saved tunnel</source>
        <translation>Name des gespeicherten Tunnels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tunnel.example.com:7835</source>
        <translation>tunnel.example.com:7835</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rok-server to connect to, as HOST:PORT</source>
        <translation>Der rok-server, mit dem verbunden wird, als HOST:PORT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if the server asks for one</source>
        <translation>Nur falls der Server eines verlangt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keyring found: the token is stored in rok&apos;s settings file.</source>
        <translation>Kein Schlüsselbund gefunden: Das Token wird in der Einstellungsdatei von rok gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local target</source>
        <translation>Lokales Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3000, localhost:3000 or https://localhost:8443</source>
        <translation>3000, localhost:3000 oder https://localhost:8443</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local service the tunnel forwards to, as [HOST:]PORT, or https://HOST:PORT for a service that speaks HTTPS</source>
        <translation>Der lokale Dienst, an den der Tunnel weiterleitet, als [HOST:]PORT, oder https://HOST:PORT für einen Dienst, der HTTPS spricht</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>Enter the local service as PORT, HOST:PORT or https://HOST:PORT, for example 3000 or localhost:3000.</source>
        <translation>Geben Sie den lokalen Dienst als PORT, HOST:PORT oder https://HOST:PORT ein, zum Beispiel 3000 oder localhost:3000.</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>&amp;Local target:</source>
        <translation>&amp;Lokales Ziel:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requested subdomain</source>
        <translation>Gewünschte Subdomain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a random name when empty</source>
        <translation>Optional: zufälliger Name, wenn leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sub&amp;domain:</source>
        <translation>Sub&amp;domain:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the tunnel &amp;when rok starts</source>
        <translation>Tunnel beim Start von rok sta&amp;rten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the tunnel when rok starts</source>
        <translation>Tunnel beim Start von rok starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start rok when I lo&amp;g in</source>
        <translation>rok bei der An&amp;meldung starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start rok when I log in</source>
        <translation>rok bei der Anmeldung starten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests kept in the log</source>
        <translation>Im Protokoll behaltene Anfragen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The oldest requests leave the log when it holds this many</source>
        <translation>Ab dieser Anzahl werden die ältesten Anfragen aus dem Protokoll entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests &amp;kept in the log:</source>
        <translation>Im Protokoll &amp;behaltene Anfragen:</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Tunnel %1</source>
        <comment>the name of a new saved tunnel</comment>
        <translation>Tunnel %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Give this tunnel a name.</source>
        <translation>Einen Namen für diesen Tunnel eingeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another saved tunnel has this name.</source>
        <translation>Ein anderer gespeicherter Tunnel hat bereits diesen Namen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the server as HOST:PORT, for example tunnel.example.com:7835.</source>
        <translation>Den Server als HOST:PORT eingeben, zum Beispiel tunnel.example.com:7835.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A subdomain has up to 63 letters a-z, digits and &apos;-&apos;, and does not start or end with &apos;-&apos;.</source>
        <translation>Eine Subdomain besteht aus bis zu 63 Zeichen (Buchstaben a-z, Ziffern und „-“) und beginnt und endet nicht mit „-“.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../app/gui/singleinstance.cpp" line="+74"/>
        <source>another rok holds %1 but does not answer on %2: %3</source>
        <translation>ein anderes rok hält %1, antwortet aber nicht auf %2: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the running rok did not take the arguments: %1</source>
        <translation>das laufende rok hat die Argumente nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>StateLook</name>
    <message>
        <location filename="../app/gui/statelook.cpp" line="+20"/>
        <source>Connecting…</source>
        <translation>Verbindungsaufbau…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting…</source>
        <translation>Neuer Verbindungsaufbau…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
</context>
<context>
    <name>StreamForwarder</name>
    <message>
        <location filename="../app/client/streamforwarder.cpp" line="+91"/>
        <source>TLS: the service closed the connection</source>
        <translation>TLS: der Dienst hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: %1 (--local-insecure accepts a development certificate)</source>
        <translation>TLS: %1 (--local-insecure nimmt ein Entwicklungszertifikat an)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>rok held the request for %1, but the local service at %2 did not come back: %3.</source>
        <translation>rok hielt die Anfrage %1 lang zurück, aber der lokale Dienst unter %2 kam nicht zurück: %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rok could not reach the local service at %1: %2.</source>
        <translation>rok konnte den lokalen Dienst unter %1 nicht erreichen: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local service unavailable</source>
        <translation>Lokaler Dienst nicht verfügbar</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+27"/>
        <source>Too many requests waiting</source>
        <translation>Zu viele wartende Anfragen</translation>
    </message>
    <message numerus="yes">
        <location line="-26"/>
        <source>The local service at %1 is down, and %n request(s) already wait for it.</source>
        <translation>
            <numerusform>Der lokale Dienst unter %1 ist nicht erreichbar, und schon %n Anfrage wartet auf ihn.</numerusform>
            <numerusform>Der lokale Dienst unter %1 ist nicht erreichbar, und schon %n Anfragen warten auf ihn.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The local service at %1 is down, and the requests waiting for it hold %2 already.</source>
        <translation>Der lokale Dienst unter %1 ist nicht erreichbar, und die auf ihn wartenden Anfragen belegen schon %2.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the visitor left after waiting %1 for the local service at %2</source>
        <translation>der Besucher ging, nachdem er %1 auf den lokalen Dienst unter %2 gewartet hatte</translation>
    </message>
</context>
<context>
    <name>TcpConnection</name>
    <message>
        <location filename="../common/tcpconnection.cpp" line="+91"/>
        <source>no address to connect to</source>
        <translation>keine Adresse zum Verbinden</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>the peer read nothing for %1 s</source>
        <translation>die Gegenseite hat %1 s lang nichts gelesen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>connection reset</source>
        <translation>Verbindung zurückgesetzt</translation>
    </message>
</context>
<context>
    <name>Tls</name>
    <message>
        <location filename="../common/tls/tls.cpp" line="+127"/>
        <source>the server&apos;s certificate expired on %1</source>
        <translation>das Zertifikat des Servers ist am %1 abgelaufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s certificate is not valid before %1</source>
        <translation>das Zertifikat des Servers ist erst ab %1 gültig</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server&apos;s certificate is for %1, not this address</source>
        <translation>das Zertifikat des Servers gilt für %1, nicht für diese Adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the server&apos;s certificate is from an unknown issuer (%1); trust it with --ca FILE or --fingerprint %2</source>
        <translation>das Zertifikat des Servers stammt von einem unbekannten Aussteller (%1); vertrauen Sie ihm mit --ca DATEI oder --fingerprint %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the TLS check failed</source>
        <translation>die TLS-Prüfung ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../app/client/tokenstore.cpp" line="+142"/>
        <source>Could not write the settings file %1.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Could not read the token from the keyring: %1</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not store the token in the keyring: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <location filename="../app/gui/trayapp.cpp" line="+72"/>
        <source>No system tray found: rok runs as a normal window, and closing it quits.</source>
        <translation>Kein Infobereich (System-Tray) gefunden: rok läuft als normales Fenster und wird beim Schließen beendet.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../app/gui/trayicon.cpp" line="+37"/>
        <location line="+93"/>
        <source>rok</source>
        <translation>rok</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>%1 (%2, %3)</source>
        <comment>a saved tunnel: its name, http or tcp, its local address</comment>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>rok: %1</source>
        <translation>rok: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <comment>a tunnel&apos;s name, and its URL or state</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <comment>a tunnel&apos;s name, and what happened to it</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tunnel back online</source>
        <translation>Tunnel wieder online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunnel open</source>
        <translation>Tunnel geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tunnel stopped</source>
        <translation>Tunnel gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel dropped</source>
        <translation>Tunnel unterbrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. rok keeps retrying.</source>
        <translation>%1. rok versucht es weiter.</translation>
    </message>
</context>
<context>
    <name>TunnelActions</name>
    <message>
        <location filename="../app/gui/tunnelactions.cpp" line="+28"/>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open in browser</source>
        <translation>Im Browser &amp;öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;window</source>
        <translation>&amp;Fenster anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Stop tunnel</source>
        <translation>Tunnel &amp;stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start tunnel</source>
        <translation>Tunnel &amp;starten</translation>
    </message>
</context>
<context>
    <name>TunnelClient</name>
    <message>
        <location filename="../app/client/tunnelclient.cpp" line="+59"/>
        <source>the server did not answer in time</source>
        <translation>der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>cannot set up TLS for %1</source>
        <translation>TLS für %1 lässt sich nicht einrichten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the TLS handshake with %1 failed: %2. If its control port is plain TCP, connect with tcp://%1</source>
        <translation>der TLS-Handshake mit %1 ist fehlgeschlagen: %2. Ist sein Steuerport reines TCP, verbinden Sie mit tcp://%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>will not trust %1: %2</source>
        <translation>%1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>will not trust %1: its certificate is %2, not the pinned %3</source>
        <translation>%1 wird nicht vertraut: sein Zertifikat ist %2, nicht das festgelegte %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot find the local host &quot;%1&quot;: %2</source>
        <translation>der lokale Host „%1“ ist nicht zu finden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server is shutting down</source>
        <translation>der Server wird heruntergefahren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 speaks TLS: connect with tls://%1</source>
        <translation>%1 spricht TLS: verbinden Sie mit tls://%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the server requires a token: pass --token, set ROK_TOKEN, or save it with rok config set-token</source>
        <translation>der Server verlangt ein Token: --token angeben, ROK_TOKEN setzen oder es mit rok config set-token speichern</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: %2</source>
        <comment>a tunnel&apos;s name, then a message about it</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>lost the connection to rok-server: %1</source>
        <translation>Verbindung zum rok-server verloren: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot reach rok-server at %1: %2</source>
        <translation>rok-server unter %1 nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>TunnelList</name>
    <message>
        <location filename="../app/gui/tunnellist.cpp" line="+20"/>
        <source>Saved tunnels</source>
        <translation>Gespeicherte Tunnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public address</source>
        <translation>Öffentliche Adresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local service</source>
        <translation>Lokaler Dienst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 (%2)</source>
        <comment>a tunnel&apos;s name and its protocol, http or tcp</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uncheck to stop this tunnel</source>
        <translation>Abwählen, um diesen Tunnel zu stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check to start this tunnel</source>
        <translation>Auswählen, um diesen Tunnel zu starten</translation>
    </message>
</context>
<context>
    <name>TunnelView</name>
    <message>
        <location filename="../app/gui/tunnelview.cpp" line="+83"/>
        <source>A TCP tunnel carries bytes, not HTTP requests, so it has no request log. Its address above is what others connect to.</source>
        <translation>Ein TCP-Tunnel überträgt Bytes, keine HTTP-Anfragen, und hat daher kein Anfrageprotokoll. Andere verbinden sich mit der Adresse oben.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tunnel state</source>
        <translation>Tunnelstatus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local service</source>
        <translation>Lokaler Dienst</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connection details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Response time percentiles</source>
        <translation>Perzentile der Antwortzeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers with a status of 500 or more, and requests that got no answer. A 4xx is the visitor&apos;s error, not one.</source>
        <translation>Antworten mit Status 500 oder höher und Anfragen ohne Antwort. Ein 4xx ist ein Fehler des Besuchers, kein Fehler hier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests waiting for the local service</source>
        <translation>Anfragen, die auf den lokalen Dienst warten</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n request(s) waiting for %1 to come back</source>
        <translation>
            <numerusform>%n Anfrage wartet darauf, dass %1 zurückkommt</numerusform>
            <numerusform>%n Anfragen warten darauf, dass %1 zurückkommt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Filter requests (path, method, status)</source>
        <translation>Anfragen filtern (Pfad, Methode, Status)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter requests</source>
        <translation>Anfragen filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export HAR…</source>
        <translation>HAR e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the request log as HAR</source>
        <translation>Anfrageprotokoll als HAR exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the request log</source>
        <translation>Anfrageprotokoll leeren</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Re&amp;quest</source>
        <translation>&amp;Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ponse</source>
        <translation>A&amp;ntwort</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Replay</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send this request to the local service again</source>
        <translation>Diese Anfrage erneut an den lokalen Dienst senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;dit and replay…</source>
        <translation>&amp;Bearbeiten und erneut senden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change this request, then send it to the local service</source>
        <translation>Diese Anfrage ändern und dann an den lokalen Dienst senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a curl command that sends this request again</source>
        <translation>Einen curl-Befehl kopieren, der diese Anfrage erneut sendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replay result</source>
        <translation>Ergebnis des erneuten Sendens</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Find in this message</source>
        <translation>In dieser Nachricht suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in the request or response shown</source>
        <translation>In der angezeigten Anfrage oder Antwort suchen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find Previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Protected: visitors from allowed addresses who log in as %1 reach %2.</source>
        <translation>Geschützt: Besucher von erlaubten Adressen, die sich als %1 anmelden, erreichen %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected: visitors who log in as %1 reach %2.</source>
        <translation>Geschützt: Besucher, die sich als %1 anmelden, erreichen %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected: only visitors from allowed addresses reach %1.</source>
        <translation>Geschützt: nur Besucher von erlaubten Adressen erreichen %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone with this URL reaches %1.</source>
        <translation>Jeder mit dieser URL erreicht %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No tunnel yet</source>
        <translation>Noch kein Tunnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No QR code: this address opens on this computer only.</source>
        <translation>Kein QR-Code: Diese Adresse öffnet sich nur auf diesem Computer.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1. Retrying in %n s.</source>
        <translation>
            <numerusform>%1. Neuer Versuch in %n s.</numerusform>
            <numerusform>%1. Neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start the tunnel to get a public URL for %1.</source>
        <translation>Tunnel starten, um eine öffentliche URL für %1 zu erhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to rok-server at %1…</source>
        <translation>Verbindung zu rok-server unter %1 wird hergestellt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Re&amp;sume Capture</source>
        <translation>Aufzeichnung f&amp;ortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pau&amp;se Capture</source>
        <translation>Aufzeichnung an&amp;halten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record requests in the log again</source>
        <translation>Anfragen wieder im Protokoll aufzeichnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop recording requests in the log; the tunnel and its figures go on</source>
        <translation>Keine Anfragen mehr im Protokoll aufzeichnen; der Tunnel und seine Kennzahlen laufen weiter</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Capture paused: %n request(s) not recorded</source>
        <translation>
            <numerusform>Aufzeichnung angehalten: %n Anfrage nicht aufgezeichnet</numerusform>
            <numerusform>Aufzeichnung angehalten: %n Anfragen nicht aufgezeichnet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>App: p50 %1 · p95 %2 · p99 %3 · Tunnel: p95 %4</source>
        <translation>App: p50 %1 · p95 %2 · p99 %3 · Tunnel: p95 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n request(s) in the last minute</source>
        <translation>
            <numerusform>%n Anfrage in der letzten Minute</numerusform>
            <numerusform>%n Anfragen in der letzten Minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Held for %1 while the local service was down.</source>
        <translation>Wartete %1, während der lokale Dienst nicht erreichbar war.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App: %1.</source>
        <translation>App: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App: %1. Tunnel: %2.</source>
        <translation>App: %1. Tunnel: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bodies of older requests are no longer kept, so the log stays within %1.</source>
        <translation>Die Inhalte älterer Anfragen werden nicht mehr aufbewahrt, damit das Protokoll unter %1 bleibt.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copied a curl command for %1 %2</source>
        <translation>curl-Befehl für %1 %2 kopiert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replaying %1 %2…</source>
        <translation>%1 %2 wird erneut gesendet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replay failed: %1</source>
        <translation>Erneutes Senden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replayed: %1 %2 in %3</source>
        <translation>Erneut gesendet: %1 %2 in %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replayed response:</source>
        <translation>Antwort der Wiederholung:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export requests as HAR</source>
        <translation>Anfragen als HAR exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP Archive (*.har)</source>
        <translation>HTTP-Archiv (*.har)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved %n request(s) to %1</source>
        <translation>
            <numerusform>%n Anfrage in %1 gespeichert</numerusform>
            <numerusform>%n Anfragen in %1 gespeichert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../app/client/units.cpp" line="+27"/>
        <source>%1 B</source>
        <comment>bytes</comment>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>%1 ms</source>
        <comment>milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <comment>seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
</TS>
