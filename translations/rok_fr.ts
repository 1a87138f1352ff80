<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AppSettings</name>
    <message>
        <location filename="../app/client/appsettings.cpp" line="+30"/>
        <source>Default</source>
        <comment>the name of the first saved tunnel</comment>
        <translation>Par défaut</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../app/gui/autostart.cpp" line="+95"/>
        <source>Could not remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Public URLs for local ports, with a live request log</source>
        <translation>URL publiques pour ports locaux, avec journal des requêtes en direct</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
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
        <translation>rok&#xa0;: une URL publique pour un port local.

  rok http [HÔTE:]PORT   partager un serveur web local (HÔTE vaut localhost par défaut)
  rok tcp [HÔTE:]PORT    partager tout service TCP sur un port public
  rok start NOM...       démarrer des tunnels enregistrés, sur une seule connexion (rok config show les liste&#xa0;; --all les démarre tous)
  rok config ...         afficher ou modifier les paramètres enregistrés&#xa0;: serveur, jeton, tunnels (rok config --help)
  rok                    l’application de la zone de notification

Le serveur, son jeton et sa confiance viennent des paramètres enregistrés, sauf s’ils sont donnés ici.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>http, tcp, start or config</source>
        <translation>http, tcp, start ou config</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>local [HOST:]PORT, or the saved tunnel&apos;s NAME</source>
        <translation>[HÔTE:]PORT local, ou le NOM d’un tunnel enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rok-server to use (default localhost:7835). TLS unless HOST is this machine; tls:// or tcp:// in front forces TLS or plain TCP.</source>
        <translation>Le rok-server à utiliser (par défaut localhost:7835). TLS sauf si HOST est cette machine ; tls:// ou tcp:// devant impose TLS ou TCP simple.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Also trust the CA certificates in this PEM file for the server&apos;s TLS certificate.</source>
        <translation>Faire aussi confiance aux certificats d’AC de ce fichier PEM pour le certificat TLS du serveur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trust exactly the server certificate with this SHA-256 fingerprint (rok-server prints it), instead of CAs.</source>
        <translation>Faire confiance exactement au certificat de serveur de cette empreinte SHA-256 (rok-server l’affiche), au lieu des AC.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Visitors must log in as USER with PASS (repeatable); checked by the server, which keeps only a salted hash.</source>
        <translation>Les visiteurs doivent se connecter en tant que USER avec PASS (répétable) ; le serveur le vérifie et ne garde qu’un hachage salé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only visitors from this address range (repeatable).</source>
        <translation>Seulement les visiteurs de cette plage d’adresses (répétable).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No visitors from this address range (repeatable).</source>
        <translation>Aucun visiteur de cette plage d’adresses (répétable).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With an https:// local target: accept its certificate unchecked (a self-signed development certificate).</source>
        <translation>Avec une cible locale https:// : accepter son certificat sans vérification (un certificat de développement auto-signé).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Host header the local service gets: rewrite (its own, for dev servers that check it) or a fixed VALUE. Default: the public one.</source>
        <translation>L’en-tête Host que reçoit le service local : rewrite (le sien, pour les serveurs de développement qui le vérifient) ou une VALEUR fixe. Par défaut : le public.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP: while the local service refuses connections (restarting, say), each visitor&apos;s request waits up to SECONDS for it to come back before the 502. Default 10; 0 answers at once.</source>
        <translation>HTTP&#xa0;: tant que le service local refuse les connexions (pendant un redémarrage, par exemple), chaque requête d’un visiteur attend son retour jusqu’à SECONDS secondes avant la 502. 10 par défaut&#xa0;; 0 répond aussitôt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HTTP: serve the request log as JSON and a page at http://ADDRESS:PORT (loopback only; ADDRESS defaults to 127.0.0.1), for a terminal without a desktop.</source>
        <translation>HTTP&#xa0;: servir le journal des requêtes en JSON et une page à http://ADDRESS:PORT (boucle locale seulement&#xa0;; ADDRESS vaut 127.0.0.1 par défaut), pour un terminal sans bureau.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With start: every saved tunnel (they must share a server).</source>
        <translation>Avec start&#xa0;: tous les tunnels enregistrés (ils doivent partager un serveur).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>--inspect takes [ADDRESS:]PORT, such as 4040 or 127.0.0.1:4040, not &quot;%1&quot;</source>
        <translation>--inspect attend [ADDRESS:]PORT, par exemple 4040 ou 127.0.0.1:4040, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--hold takes whole seconds from 0 to %1, not &quot;%2&quot;</source>
        <translation>--hold attend des secondes entières de 0 à %1, pas «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>invalid --server &quot;%1&quot; (expected HOST:PORT, tls://HOST:PORT or tcp://HOST:PORT)</source>
        <translation>--server « %1 » invalide (attendu HOST:PORT, tls://HOST:PORT ou tcp://HOST:PORT)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid --ca: %1</source>
        <translation>--ca invalide : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid --basic-auth (expected USER:PASS, both non-empty)</source>
        <translation>--basic-auth invalide (attendu USER:PASS, tous deux non vides)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid --%1 &quot;%2&quot; (expected a range such as 10.0.0.0/8 or 2001:db8::/32)</source>
        <translation>--%1 « %2 » invalide (attendu une plage comme 10.0.0.0/8 ou 2001:db8::/32)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>invalid --fingerprint: %1</source>
        <translation>--fingerprint invalide : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+63"/>
        <source>--all goes with start: rok start --all</source>
        <translation>--all va avec start&#xa0;: rok start --all</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>invalid --local &quot;%1&quot; (expected PORT, HOST:PORT or https://HOST:PORT)</source>
        <translation>--local « %1 » invalide (attendu PORT, HOST:PORT ou https://HOST:PORT)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown command &quot;%1&quot; (expected http, tcp, start or config)</source>
        <translation>commande «&#xa0;%1&#xa0;» inconnue (attendu&#xa0;: http, tcp, start ou config)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>start needs the names of saved tunnels, such as: rok start web api, or --all</source>
        <translation>start attend les noms de tunnels enregistrés, par exemple&#xa0;: rok start web api, ou --all</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--%1 is saved with each tunnel: rok config set ... --tunnel NAME</source>
        <translation>--%1 est enregistré avec chaque tunnel&#xa0;: rok config set ... --tunnel NOM</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--inspect is for http tunnels: rok http 3000 --inspect 4040</source>
        <translation>--inspect est pour les tunnels http&#xa0;: rok http 3000 --inspect 4040</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 and %2 use different servers (%3, %4); one rok start connects to one server</source>
        <translation>%1 et %2 utilisent des serveurs différents (%3, %4)&#xa0;; un rok start se connecte à un seul serveur</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>invalid local address &quot;%1&quot; (expected PORT, HOST:PORT or, for http, https://HOST:PORT)</source>
        <translation>adresse locale « %1 » invalide (attendu PORT, HOST:PORT ou, pour http, https://HOST:PORT)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--host-header is for http tunnels: rewrite, or a host such as myapp.test</source>
        <translation>--host-header concerne les tunnels http : rewrite, ou un hôte comme myapp.test</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Secret the server asks for (or ROK_TOKEN).</source>
        <translation>Secret demandé par le serveur (ou ROK_TOKEN).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for this name instead of a random one.</source>
        <translation>Demander ce nom au lieu d&apos;un nom aléatoire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print one JSON object a line instead of text.</source>
        <translation>Afficher un objet JSON par ligne au lieu de texte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a command: the tray app&apos;s local [HOST:]PORT for this run.</source>
        <translation>Sans commande&#xa0;: le [HOST:]PORT local de l&apos;application de la zone de notification pour cette exécution.</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>--local is for the tray app; give the local address after the command instead, as in: rok http 3000</source>
        <translation>--local est réservé à l&apos;application de la zone de notification&#xa0;; indiquer plutôt l&apos;adresse locale après la commande, par exemple&#xa0;: rok http 3000</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 needs one local [HOST:]PORT, such as: rok %1 3000</source>
        <translation>%1 attend un seul [HOST:]PORT local, par exemple&#xa0;: rok %1 3000</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>no saved tunnel named &quot;%1&quot; (rok config show lists them)</source>
        <translation>aucun tunnel enregistré nommé «&#xa0;%1&#xa0;» (rok config show les liste)</translation>
    </message>
    <message>
        <location filename="../app/traymain.cpp" line="+37"/>
        <source>rok is already running: its window shows.
</source>
        <translation>rok est déjà lancé&#xa0;: sa fenêtre s’affiche.
</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="+168"/>
        <source>rok: no display for the tray app (neither DISPLAY nor WAYLAND_DISPLAY is set).
From a terminal, start a tunnel with: rok http PORT
Try &apos;rok --help&apos;.
</source>
        <translation>rok: pas d’affichage pour l’application (ni DISPLAY ni WAYLAND_DISPLAY n’est défini).
Depuis un terminal, démarrez un tunnel avec&#xa0;: rok http PORT
Essayez «&#xa0;rok --help&#xa0;».
</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>rok: %1
Try &apos;rok --help&apos;.
</source>
        <translation>rok: %1
Essayez «&#xa0;rok --help&#xa0;».
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
        <translation>rok: aucun jeton sur l’entrée standard (pour oublier celui enregistré&#xa0;: rok config set-token --remove)
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rok: no saved tunnel named &quot;%1&quot; (rok config show lists them)
</source>
        <translation>rok: aucun tunnel enregistré nommé «&#xa0;%1&#xa0;» (rok config show les liste)
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removed the saved tunnel &quot;%1&quot;.
</source>
        <translation>Tunnel enregistré «&#xa0;%1&#xa0;» supprimé.
</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Added the saved tunnel &quot;%1&quot;.
</source>
        <translation>Tunnel enregistré «&#xa0;%1&#xa0;» ajouté.
</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 = %2 for: %3
</source>
        <translation>%1 = %2 pour&#xa0;: %3
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Token stored in %1 (no keyring found; only you can read the file) for: %2
</source>
        <translation>Jeton enregistré dans %1 (aucun trousseau trouvé&#xa0;; vous seul pouvez lire le fichier) pour&#xa0;: %2
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token stored in the keyring for: %1
</source>
        <translation>Jeton enregistré dans le trousseau pour&#xa0;: %1
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Settings: %1
</source>
        <translation>Paramètres&#xa0;: %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens: in the settings file (no keyring found; only you can read the file)
</source>
        <translation>Jetons&#xa0;: dans le fichier de paramètres (aucun trousseau trouvé&#xa0;; vous seul pouvez lire le fichier)
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens: in the keyring
</source>
        <translation>Jetons&#xa0;: dans le trousseau
</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Token removed for: %1
</source>
        <translation>Jeton supprimé pour&#xa0;: %1
</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>  (its server and token are the ones rok http and rok tcp use)</source>
        <translation>  (son serveur et son jeton sont ceux qu’utilisent rok http et rok tcp)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(any)</source>
        <translation>(au choix du serveur)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rok: cannot write %1
</source>
        <translation>rok: impossible d’écrire %1
</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="-79"/>
        <source>Token: </source>
        <translation>Jeton&#xa0;: </translation>
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
        <translation>Afficher ou modifier les paramètres que partagent rok http, rok tcp, rok start et l’application (~/.config/rok/rok.conf, et le trousseau du bureau pour les jetons).

  rok config show                 les tunnels enregistrés et leurs paramètres
  rok config set CLÉ VALEUR       CLÉ&#xa0;: %1
  rok config set-token            le jeton, lu sur l’entrée standard
  rok config remove NOM           oublier un tunnel enregistré

server, fingerprint, ca et le jeton s’appliquent à tous les tunnels enregistrés, sauf si --tunnel en nomme un&#xa0;; les autres clés au tunnel nommé, ou au tunnel courant. Une VALEUR vide efface une clé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved tunnel to change; one that does not exist yet is added.</source>
        <translation>Le tunnel enregistré à modifier&#xa0;; s’il n’existe pas encore, il est ajouté.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With set-token: forget the stored token.</source>
        <translation>Avec set-token&#xa0;: oublier le jeton enregistré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show, set, set-token or remove</source>
        <translation>show, set, set-token ou remove</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--tunnel needs a name</source>
        <translation>--tunnel attend un nom</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: %1</source>
        <translation>usage&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown config command &quot;%1&quot; (expected show, set, set-token or remove)</source>
        <translation>commande config «&#xa0;%1&#xa0;» inconnue (attendu&#xa0;: show, set, set-token ou remove)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--remove goes with set-token</source>
        <translation>--remove va avec set-token</translation>
    </message>
</context>
<context>
    <name>ConsolePrinter</name>
    <message>
        <location filename="../app/cli/consoleprinter.cpp" line="+198"/>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 in, %2 out</source>
        <translation>%1 en entrée, %2 en sortie</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>(held %1)</source>
        <translation>(a attendu %1)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>app</source>
        <translation>appli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 tunnel</source>
        <translation>%1 tunnel</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Connecting to rok-server at %1 ...</source>
        <translation>Connexion à rok-server sur %1 ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reconnecting in %1 s ...</source>
        <translation>Reconnexion dans %1 s ...</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Online again at the same address: %1</source>
        <translation>De nouveau en ligne à la même adresse&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online: %1  -&gt;  %2</source>
        <translation>En ligne&#xa0;: %1  -&gt;  %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests appear below. Ctrl-C stops the tunnel.</source>
        <translation>Les requêtes s&apos;affichent ci-dessous. Ctrl-C arrête le tunnel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>waiting for %1 (up to %n s)</source>
        <translation>
            <numerusform>attend %1 (jusqu’à %n s)</numerusform>
            <numerusform>attend %1 (jusqu’à %n s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Inspector: %1</source>
        <translation>Inspecteur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ControlChannel</name>
    <message>
        <location filename="../common/controlchannel.cpp" line="+48"/>
        <source>control message of %1 bytes is larger than the limit of %2</source>
        <translation>message de contrôle de %1 octets, au-delà de la limite de %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>malformed control message</source>
        <translation>message de contrôle mal formé</translation>
    </message>
</context>
<context>
    <name>HarExport</name>
    <message>
        <location filename="../app/client/harexport.cpp" line="+226"/>
        <source>The connection switched protocols; its later traffic is not shown.</source>
        <translation>La connexion a changé de protocole&#xa0;; la suite du trafic n&apos;est pas affichée.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not write the HAR file %1: %2</source>
        <translation>Impossible d&apos;écrire le fichier HAR %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>HttpParser</name>
    <message>
        <location filename="../common/httpparser.cpp" line="+284"/>
        <location line="+172"/>
        <source>malformed request line</source>
        <translation>ligne de requête mal formée</translation>
    </message>
    <message>
        <location line="-171"/>
        <location line="+179"/>
        <source>malformed status line</source>
        <translation>ligne de statut mal formée</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>bare CR in line ending</source>
        <translation>CR isolé en fin de ligne</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>header section larger than %1 bytes</source>
        <translation>en-têtes de plus de %1 octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trailer section larger than %1 bytes</source>
        <translation>section de fin de plus de %1 octets</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>missing CRLF after chunk data</source>
        <translation>CRLF manquant après les données d’un bloc</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>chunk header line too long</source>
        <translation>ligne d’en-tête de bloc trop longue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chunk size too large</source>
        <translation>taille de bloc trop grande</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <source>invalid chunk size</source>
        <translation>taille de bloc invalide</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>invalid chunk extension</source>
        <translation>extension de bloc invalide</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bare CR in chunk header</source>
        <translation>CR isolé dans l’en-tête d’un bloc</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>input ended in the middle of a message</source>
        <translation>l’entrée s’est arrêtée au milieu d’un message</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line ending in a bare LF</source>
        <translation>fin de ligne par un LF isolé</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>unsupported HTTP version</source>
        <translation>version HTTP non prise en charge</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>obsolete line folding</source>
        <translation>repli de ligne obsolète</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>whitespace before colon in header</source>
        <translation>espace avant les deux-points dans un en-tête</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid header name</source>
        <translation>nom d’en-tête invalide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid character in header value</source>
        <translation>caractère invalide dans la valeur d’un en-tête</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than %1 header fields</source>
        <translation>plus de %1 champs d’en-tête</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Transfer-Encoding in an HTTP/1.0 request</source>
        <translation>Transfer-Encoding dans une requête HTTP/1.0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both Transfer-Encoding and Content-Length</source>
        <translation>à la fois Transfer-Encoding et Content-Length</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request transfer coding does not end in chunked</source>
        <translation>le codage de transfert de la requête ne se termine pas par chunked</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>invalid Content-Length</source>
        <translation>Content-Length invalide</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../app/client/inspector.cpp" line="+69"/>
        <location line="+9"/>
        <location line="+9"/>
        <source>not a loopback Host</source>
        <translation>Host hors boucle locale</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>no request %1 in the log</source>
        <translation>pas de requête %1 dans le journal</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>not from this inspector</source>
        <translation>ne vient pas de cet inspecteur</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--inspect listens on a loopback address only (127.0.0.1 or ::1), not %1: the log holds your visitors&apos; requests. Reach it from elsewhere with ssh -L.</source>
        <translation>--inspect n’écoute que sur une adresse de boucle locale (127.0.0.1 ou ::1), pas sur %1&#xa0;: le journal contient les requêtes de vos visiteurs. Depuis ailleurs, passez par ssh -L.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--inspect cannot listen on %1 port %2</source>
        <translation>--inspect ne peut pas écouter sur %1 port %2</translation>
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
        <translation>Impossible d&apos;enregistrer le jeton&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The token could not be read: %1</source>
        <translation>Impossible de lire le jeton&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Export HAR…</source>
        <translation>&amp;Exporter en HAR…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tunnel</source>
        <translation>&amp;Tunnel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About rok</source>
        <translation>À &amp;propos de rok</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Copied %1</source>
        <translation>Copié&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Where is your rok-server? Enter its address and your token, then press OK to start the tunnel. localhost:7835 is a rok-server on this computer.</source>
        <translation>Où se trouve votre rok-server&#xa0;? Saisissez son adresse et votre jeton, puis appuyez sur OK pour démarrer le tunnel. localhost:7835 est un rok-server sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>About rok</source>
        <translation>À propos de rok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;rok %1&lt;/h3&gt;&lt;p&gt;A public URL for a local port, on a server you run yourself.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;rok %1&lt;/h3&gt;&lt;p&gt;Une URL publique pour un port local, sur un serveur que vous hébergez vous-même.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../app/gui/messageview.cpp" line="+52"/>
        <location line="+114"/>
        <source>Select a request to see it here.</source>
        <translation>Sélectionner une requête pour l&apos;afficher ici.</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+61"/>
        <location line="+19"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+58"/>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Query</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+1"/>
        <source>(nothing received)</source>
        <translation>(rien reçu)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Headers (%1)</source>
        <translation>En-têtes (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Query (%1)</source>
        <translation>Paramètres (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Form (%1)</source>
        <translation>Formulaire (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(body not kept)</source>
        <translation>(corps non conservé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 of %2 data: see Body)</source>
        <translation>(%1 de données %2&#xa0;: voir Corps)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
… (preview ends here)</source>
        <translation>
… (fin de l&apos;aperçu)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation>%1, %2 × %3 pixels, %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This %1 image cannot be shown.</source>
        <translation>Cette image %1 ne peut pas être affichée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This %1 image cannot be shown: only its start was kept.</source>
        <translation>Cette image %1 ne peut pas être affichée&#xa0;: seul son début a été conservé.</translation>
    </message>
</context>
<context>
    <name>MuxSession</name>
    <message>
        <location filename="../common/muxsession.cpp" line="+72"/>
        <source>open streams did not finish within %1 s of the goodbye</source>
        <translation>des flux ouverts ne se sont pas terminés dans les %1 s suivant l’au revoir</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>tunnel connection closed</source>
        <translation>connexion du tunnel fermée</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>the peer began a TLS handshake on a plain connection</source>
        <translation>le pair a commencé une négociation TLS sur une connexion en clair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsupported protocol version %1</source>
        <translation>version de protocole %1 non prise en charge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown frame type %1</source>
        <translation>type de trame %1 inconnu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>frame of %1 bytes is larger than the %2 byte window</source>
        <translation>trame de %1 octets, plus grande que la fenêtre de %2 octets</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>connection lost</source>
        <translation>connexion perdue</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>stream frame on stream 0</source>
        <translation>trame de flux sur le flux 0</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid stream id %1</source>
        <translation>identifiant de flux %1 invalide</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>stream %1 sent more than its window</source>
        <translation>le flux %1 a envoyé plus que sa fenêtre</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no answer from the peer for %1 s</source>
        <translation>aucune réponse du pair depuis %1 s</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the peer stopped reading for %1 s</source>
        <translation>le pair n’a rien lu pendant %1 s</translation>
    </message>
</context>
<context>
    <name>MuxStream</name>
    <message>
        <location filename="../common/muxstream.cpp" line="+61"/>
        <source>stream reset</source>
        <translation>flux réinitialisé</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>stream reset by peer</source>
        <translation>flux réinitialisé par le pair</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>the peer did not accept the stream within %1 s</source>
        <translation>le pair n’a pas accepté le flux dans les %1 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tunnel connection closed</source>
        <translation>connexion du tunnel fermée</translation>
    </message>
</context>
<context>
    <name>OptionsFile</name>
    <message>
        <location filename="../common/optionsfile.cpp" line="+41"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected true or false</source>
        <translation>true ou false attendu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected one value, not a list</source>
        <translation>une seule valeur attendue, pas une liste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a list of strings or numbers</source>
        <translation>une liste de chaînes ou de nombres attendue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a string or a number</source>
        <translation>une chaîne ou un nombre attendu</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../app/gui/qrcodewidget.cpp" line="+14"/>
        <source>QR code of the public URL</source>
        <translation>Code QR de l&apos;URL publique</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scan to open %1 on another device</source>
        <translation>Scanner pour ouvrir %1 sur un autre appareil</translation>
    </message>
</context>
<context>
    <name>ReadableBody</name>
    <message>
        <location filename="../app/client/readablebody.cpp" line="+41"/>
        <source>zlib cannot start</source>
        <translation>zlib ne démarre pas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>damaged data</source>
        <translation>données endommagées</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>rok does not decode %1</source>
        <translation>rok ne décode pas %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The body was not kept: rok keeps text and images only.</source>
        <translation>Le corps n&apos;a pas été conservé&#xa0;: rok ne conserve que le texte et les images.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only the first %1 of the body were kept.</source>
        <translation>Seuls les premiers %1 du corps ont été conservés.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not decode %1: %2.</source>
        <translation>Impossible de décoder %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the first %1 of the decoded body are shown.</source>
        <translation>Seuls les premiers %1 du corps décodé sont affichés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 data ends early.</source>
        <translation>Les données %1 s&apos;arrêtent trop tôt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decoded from %1.</source>
        <translation>Décodé depuis %1.</translation>
    </message>
</context>
<context>
    <name>ReplayEditor</name>
    <message>
        <location filename="../app/gui/replayeditor.cpp" line="+24"/>
        <source>Edit and replay</source>
        <translation>Modifier et renvoyer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No body</source>
        <translation>Pas de corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body was not kept; type the one to send.</source>
        <translation>Le corps n’a pas été conservé&#xa0;; saisissez celui à envoyer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Path:</source>
        <translation>&amp;Chemin&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Headers:</source>
        <translation>&amp;En-têtes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Body:</source>
        <translation>C&amp;orps&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send to the local service</source>
        <translation>&amp;Envoyer au service local</translation>
    </message>
</context>
<context>
    <name>Replayer</name>
    <message numerus="yes">
        <location filename="../app/client/replayer.cpp" line="+47"/>
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1 n&apos;a pas répondu dans le délai de %n seconde</numerusform>
            <numerusform>%1 n&apos;a pas répondu dans le délai de %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>could not connect to %1: %2</source>
        <translation>impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the service closed the connection</source>
        <translation>le service a fermé la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1 (--local-insecure accepts a development certificate)</source>
        <translation>TLS&#xa0;: %1 (--local-insecure accepte un certificat de développement)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: %1</source>
        <translation>TLS&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the response from %1 was malformed: %2</source>
        <translation>la réponse de %1 était mal formée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 closed the connection without answering</source>
        <translation>%1 a fermé la connexion sans répondre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 closed the connection before the response was complete</source>
        <translation>%1 a fermé la connexion avant la fin de la réponse</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the connection to %1 failed: %2</source>
        <translation>la connexion à %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>There is no recorded request to replay.</source>
        <translation>Aucune requête enregistrée à renvoyer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request body was not recorded in full, so it cannot be replayed.</source>
        <translation>Le corps de la requête n&apos;a pas été enregistré en entier, elle ne peut donc pas être renvoyée.</translation>
    </message>
</context>
<context>
    <name>RequestEditing</name>
    <message>
        <location filename="../app/client/requestediting.cpp" line="+88"/>
        <source>Header lines must be plain ASCII: %1</source>
        <translation>Les lignes d’en-tête doivent être en ASCII simple&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This is not a complete request head.</source>
        <translation>Ce n’est pas un en-tête de requête complet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a valid request: %1</source>
        <translation>Ce n’est pas une requête valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The path must start with /.</source>
        <translation>Le chemin doit commencer par /.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An HTTP/1.1 request needs a Host header.</source>
        <translation>Une requête HTTP/1.1 a besoin d’un en-tête Host.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the body was not kept, so it is not sent</source>
        <translation>le corps n’a pas été conservé, il n’est donc pas envoyé</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <location filename="../app/gui/requestlogmodel.cpp" line="+98"/>
        <source>A replay, sent from this window straight to the local service</source>
        <translation>Un renvoi, envoyé depuis cette fenêtre directement au service local</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>closed</source>
        <comment>status of an upgraded (websocket) connection that ended</comment>
        <translation>fermée</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Time in the local app, as rok saw it: from the request&apos;s first byte to the response&apos;s last</source>
        <translation>Temps dans l’application locale, vu par rok&#xa0;: du premier octet de la requête au dernier de la réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time in the tunnel: rok-server&apos;s time for the request, less the app&apos;s. The network between rok-server and this computer, and both programs</source>
        <translation>Temps dans le tunnel&#xa0;: le temps de rok-server pour la requête, moins celui de l’application. Le réseau entre rok-server et cet ordinateur, et les deux programmes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes of the request, head and body, as the local service receives them</source>
        <translation>Octets de la requête, en-tête et corps, tels que le service local les reçoit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes of the response, head and body, as the local service sent them</source>
        <translation>Octets de la réponse, en-tête et corps, tels que le service local les a envoyés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <comment>HTTP method: GET, POST, ...</comment>
        <translation>Méthode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <comment>HTTP status code</comment>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <comment>time spent in the local app</comment>
        <translation>Appli</translation>
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
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out</source>
        <comment>bytes of the response, out to the visitor (the CLI&apos;s &quot;out&quot;)</comment>
        <translation>Sortie</translation>
    </message>
</context>
<context>
    <name>ResponseTimeChart</name>
    <message>
        <location filename="../app/gui/responsetimechart.cpp" line="+67"/>
        <source>Response time chart</source>
        <translation>Graphique des temps de réponse</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+73"/>
        <source>No requests yet</source>
        <translation>Aucune requête pour l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <location line="-67"/>
        <source>%n recent response(s): median %1, 95th percentile %2, slowest %3</source>
        <translation>
            <numerusform>%n réponse récente&#xa0;: médiane %1, 95e percentile %2, plus lente %3</numerusform>
            <numerusform>%n réponses récentes&#xa0;: médiane %1, 95e percentile %2, plus lente %3</numerusform>
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
        <translation>Sécurité et accès</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server &amp;fingerprint:</source>
        <translation>&amp;Empreinte du serveur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: sha256:… as rok-server prints it</source>
        <translation>Facultatif : sha256:… tel que rok-server l’affiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust exactly the server certificate with this fingerprint (a self-signed server), instead of certificate authorities</source>
        <translation>Faire confiance exactement au certificat de serveur de cette empreinte (un serveur auto-signé), au lieu des autorités de certification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extra certificate authority file</source>
        <translation>Fichier d’autorités de certification supplémentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a PEM file</source>
        <translation>Facultatif : un fichier PEM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also trust the certificate authorities in this file for the server&apos;s certificate</source>
        <translation>Faire aussi confiance aux autorités de certification de ce fichier pour le certificat du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the certificate authority file</source>
        <translation>Choisir le fichier d’autorités de certification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate authority</source>
        <translation>Autorité de certification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Extra &amp;CA:</source>
        <translation>&amp;AC supplémentaire :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept a self-signed certificate from an https:// local &amp;target</source>
        <translation>Accepter un certificat auto-signé d’une &amp;cible locale https://</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept a self-signed certificate from an https:// local target</source>
        <translation>Accepter un certificat auto-signé d’une cible locale https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Host header:</source>
        <translation>En-tête &amp;Host :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public name (default)</source>
        <translation>Le nom public (par défaut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rewrite: the local target&apos;s own name, for development servers that check it; or a fixed host such as myapp.test</source>
        <translation>rewrite : le nom propre de la cible locale, pour les serveurs de développement qui le vérifient ; ou un hôte fixe comme myapp.test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visitor &amp;login:</source>
        <translation>&amp;Identifiant visiteur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a user name visitors must log in with</source>
        <translation>Facultatif : un nom d’utilisateur avec lequel les visiteurs doivent se connecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors must log in with this user name and password before any request reaches your service</source>
        <translation>Les visiteurs doivent se connecter avec ce nom d’utilisateur et ce mot de passe avant qu’une requête n’atteigne votre service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visitor &amp;password:</source>
        <translation>&amp;Mot de passe visiteur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept only as a salted hash</source>
        <translation>Conservé uniquement sous forme de hachage salé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Allowed addresses:</source>
        <translation>Adresses a&amp;utorisées :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: 10.0.0.0/8, 2001:db8::/32</source>
        <translation>Facultatif : 10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only visitors from these address ranges reach the tunnel</source>
        <translation>Seuls les visiteurs de ces plages d’adresses atteignent le tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;locked addresses:</source>
        <translation>Adresses &amp;bloquées :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: 192.0.2.0/24</source>
        <translation>Facultatif : 192.0.2.0/24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors from these address ranges never reach the tunnel</source>
        <translation>Les visiteurs de ces plages d’adresses n’atteignent jamais le tunnel</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed with a login</source>
        <translation>Nécessaire avec un identifiant</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The fingerprint is not one rok-server prints (sha256: and 64 hex digits).</source>
        <translation>L’empreinte n’a pas la forme qu’affiche rok-server (sha256: et 64 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CA file holds no PEM certificate: %1</source>
        <translation>Le fichier d’AC ne contient aucun certificat PEM : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host header is rewrite or a host name, without spaces.</source>
        <translation>L’en-tête Host est rewrite ou un nom d’hôte, sans espaces.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A visitor login has no &apos;:&apos;.</source>
        <translation>Un identifiant visiteur ne contient pas de « : ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set a password for the visitor login.</source>
        <translation>Définissez un mot de passe pour l’identifiant visiteur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not an address range such as 10.0.0.0/8.</source>
        <translation>« %1 » n’est pas une plage d’adresses comme 10.0.0.0/8.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/gui/settingsdialog.cpp" line="+33"/>
        <source>rok Settings</source>
        <translation>Paramètres de rok</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved tunnel</source>
        <translation>Tunnel enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a saved tunnel</source>
        <translation>Ajouter un tunnel enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this saved tunnel</source>
        <translation>Supprimer ce tunnel enregistré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of the saved tunnel</source>
        <translation>Nom du tunnel enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tunnel.example.com:7835</source>
        <translation>tunnel.example.com:7835</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rok-server to connect to, as HOST:PORT</source>
        <translation>Le rok-server auquel se connecter, sous la forme HOST:PORT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Server:</source>
        <translation>Serve&amp;ur&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if the server asks for one</source>
        <translation>Uniquement si le serveur en demande un</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keyring found: the token is stored in rok&apos;s settings file.</source>
        <translation>Aucun trousseau trouvé&#xa0;: le jeton est enregistré dans le fichier de paramètres de rok.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Token:</source>
        <translation>J&amp;eton&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local target</source>
        <translation>Cible locale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3000, localhost:3000 or https://localhost:8443</source>
        <translation>3000, localhost:3000 ou https://localhost:8443</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local service the tunnel forwards to, as [HOST:]PORT, or https://HOST:PORT for a service that speaks HTTPS</source>
        <translation>Le service local vers lequel le tunnel transmet, en [HOST:]PORT, ou https://HOST:PORT pour un service qui parle HTTPS</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>Enter the local service as PORT, HOST:PORT or https://HOST:PORT, for example 3000 or localhost:3000.</source>
        <translation>Saisissez le service local en PORT, HOST:PORT ou https://HOST:PORT, par exemple 3000 ou localhost:3000.</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>&amp;Local target:</source>
        <translation>Cible &amp;locale&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requested subdomain</source>
        <translation>Sous-domaine demandé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a random name when empty</source>
        <translation>Facultatif&#xa0;: nom aléatoire si vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sub&amp;domain:</source>
        <translation>Sous-&amp;domaine&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the tunnel &amp;when rok starts</source>
        <translation>Démarrer le &amp;tunnel au lancement de rok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the tunnel when rok starts</source>
        <translation>Démarrer le tunnel au lancement de rok</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start rok when I lo&amp;g in</source>
        <translation>Lancer rok à l&apos;ou&amp;verture de session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start rok when I log in</source>
        <translation>Lancer rok à l&apos;ouverture de session</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests kept in the log</source>
        <translation>Requêtes conservées dans le journal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The oldest requests leave the log when it holds this many</source>
        <translation>Les requêtes les plus anciennes sont retirées du journal au-delà de ce nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests &amp;kept in the log:</source>
        <translation>Re&amp;quêtes conservées dans le journal&#xa0;:</translation>
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
        <translation>Donner un nom à ce tunnel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another saved tunnel has this name.</source>
        <translation>Un autre tunnel enregistré porte déjà ce nom.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the server as HOST:PORT, for example tunnel.example.com:7835.</source>
        <translation>Saisir le serveur sous la forme HOST:PORT, par exemple tunnel.example.com:7835.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A subdomain has up to 63 letters a-z, digits and &apos;-&apos;, and does not start or end with &apos;-&apos;.</source>
        <translation>Un sous-domaine comporte jusqu&apos;à 63 caractères (lettres a-z, chiffres et «&#xa0;-&#xa0;») et ne commence ni ne finit par «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Start at login</source>
        <translation>Lancement à l&apos;ouverture de session</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../app/gui/singleinstance.cpp" line="+74"/>
        <source>another rok holds %1 but does not answer on %2: %3</source>
        <translation>un autre rok détient %1 mais ne répond pas sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the running rok did not take the arguments: %1</source>
        <translation>le rok en cours n’a pas pris les arguments&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>StateLook</name>
    <message>
        <location filename="../app/gui/statelook.cpp" line="+20"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
</context>
<context>
    <name>StreamForwarder</name>
    <message>
        <location filename="../app/client/streamforwarder.cpp" line="+91"/>
        <source>TLS: the service closed the connection</source>
        <translation>TLS : le service a fermé la connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: %1 (--local-insecure accepts a development certificate)</source>
        <translation>TLS : %1 (--local-insecure accepte un certificat de développement)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1</source>
        <translation>TLS : %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>rok held the request for %1, but the local service at %2 did not come back: %3.</source>
        <translation>rok a retenu la requête %1, mais le service local à %2 n’est pas revenu&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rok could not reach the local service at %1: %2.</source>
        <translation>rok n&apos;a pas pu joindre le service local à l&apos;adresse %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local service unavailable</source>
        <translation>Service local indisponible</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+27"/>
        <source>Too many requests waiting</source>
        <translation>Trop de requêtes en attente</translation>
    </message>
    <message numerus="yes">
        <location line="-26"/>
        <source>The local service at %1 is down, and %n request(s) already wait for it.</source>
        <translation>
            <numerusform>Le service local à %1 est arrêté, et %n requête l’attend déjà.</numerusform>
            <numerusform>Le service local à %1 est arrêté, et %n requêtes l’attendent déjà.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The local service at %1 is down, and the requests waiting for it hold %2 already.</source>
        <translation>Le service local à %1 est arrêté, et les requêtes qui l’attendent occupent déjà %2.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the visitor left after waiting %1 for the local service at %2</source>
        <translation>le visiteur est parti après avoir attendu %1 le service local à %2</translation>
    </message>
</context>
<context>
    <name>TcpConnection</name>
    <message>
        <location filename="../common/tcpconnection.cpp" line="+91"/>
        <source>no address to connect to</source>
        <translation>aucune adresse à laquelle se connecter</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>the peer read nothing for %1 s</source>
        <translation>le pair n’a rien lu pendant %1 s</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>connection reset</source>
        <translation>connexion réinitialisée</translation>
    </message>
</context>
<context>
    <name>Tls</name>
    <message>
        <location filename="../common/tls/tls.cpp" line="+127"/>
        <source>the server&apos;s certificate expired on %1</source>
        <translation>le certificat du serveur a expiré le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s certificate is not valid before %1</source>
        <translation>le certificat du serveur n’est pas valide avant le %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server&apos;s certificate is for %1, not this address</source>
        <translation>le certificat du serveur est pour %1, pas pour cette adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the server&apos;s certificate is from an unknown issuer (%1); trust it with --ca FILE or --fingerprint %2</source>
        <translation>le certificat du serveur vient d’un émetteur inconnu (%1)&#xa0;; faites-lui confiance avec --ca FICHIER ou --fingerprint %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the TLS check failed</source>
        <translation>la vérification TLS a échoué</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../app/client/tokenstore.cpp" line="+142"/>
        <source>Could not write the settings file %1.</source>
        <translation>Impossible d&apos;écrire le fichier de paramètres %1.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Could not read the token from the keyring: %1</source>
        <translation>Impossible de lire le jeton depuis le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not store the token in the keyring: %1</source>
        <translation>Impossible d&apos;enregistrer le jeton dans le trousseau&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <location filename="../app/gui/trayapp.cpp" line="+72"/>
        <source>No system tray found: rok runs as a normal window, and closing it quits.</source>
        <translation>Aucune zone de notification trouvée&#xa0;: rok s&apos;exécute dans une fenêtre normale, et la fermer quitte l&apos;application.</translation>
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
        <translation>rok&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <comment>a tunnel&apos;s name, and its URL or state</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <comment>a tunnel&apos;s name, and what happened to it</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tunnel back online</source>
        <translation>Tunnel de nouveau en ligne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunnel open</source>
        <translation>Tunnel ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tunnel stopped</source>
        <translation>Tunnel arrêté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel dropped</source>
        <translation>Tunnel interrompu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. rok keeps retrying.</source>
        <translation>%1. rok continue de réessayer.</translation>
    </message>
</context>
<context>
    <name>TunnelActions</name>
    <message>
        <location filename="../app/gui/tunnelactions.cpp" line="+28"/>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copier l&apos;URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open in browser</source>
        <translation>&amp;Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;window</source>
        <translation>Afficher la &amp;fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Stop tunnel</source>
        <translation>A&amp;rrêter le tunnel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start tunnel</source>
        <translation>&amp;Démarrer le tunnel</translation>
    </message>
</context>
<context>
    <name>TunnelClient</name>
    <message>
        <location filename="../app/client/tunnelclient.cpp" line="+59"/>
        <source>the server did not answer in time</source>
        <translation>le serveur n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>cannot set up TLS for %1</source>
        <translation>impossible de mettre en place TLS pour %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the TLS handshake with %1 failed: %2. If its control port is plain TCP, connect with tcp://%1</source>
        <translation>la négociation TLS avec %1 a échoué : %2. Si son port de contrôle est en TCP simple, connectez-vous avec tcp://%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>will not trust %1: %2</source>
        <translation>pas de confiance envers %1 : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>will not trust %1: its certificate is %2, not the pinned %3</source>
        <translation>pas de confiance envers %1 : son certificat est %2, pas le %3 épinglé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot find the local host &quot;%1&quot;: %2</source>
        <translation>hôte local « %1 » introuvable : %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server is shutting down</source>
        <translation>le serveur est en cours d&apos;arrêt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 speaks TLS: connect with tls://%1</source>
        <translation>%1 parle TLS : connectez-vous avec tls://%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the server requires a token: pass --token, set ROK_TOKEN, or save it with rok config set-token</source>
        <translation>le serveur exige un jeton&#xa0;: passez --token, définissez ROK_TOKEN, ou enregistrez-le avec rok config set-token</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: %2</source>
        <comment>a tunnel&apos;s name, then a message about it</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>lost the connection to rok-server: %1</source>
        <translation>connexion au rok-server perdue&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot reach rok-server at %1: %2</source>
        <translation>impossible de joindre le rok-server à l&apos;adresse %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>TunnelList</name>
    <message>
        <location filename="../app/gui/tunnellist.cpp" line="+20"/>
        <source>Saved tunnels</source>
        <translation>Tunnels enregistrés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public address</source>
        <translation>Adresse publique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local service</source>
        <translation>Service local</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
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
        <translation>Décocher pour arrêter ce tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check to start this tunnel</source>
        <translation>Cocher pour démarrer ce tunnel</translation>
    </message>
</context>
<context>
    <name>TunnelView</name>
    <message>
        <location filename="../app/gui/tunnelview.cpp" line="+83"/>
        <source>A TCP tunnel carries bytes, not HTTP requests, so it has no request log. Its address above is what others connect to.</source>
        <translation>Un tunnel TCP transporte des octets, pas des requêtes HTTP&#xa0;: il n&apos;a donc pas de journal de requêtes. Les autres se connectent à l&apos;adresse ci-dessus.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tunnel state</source>
        <translation>État du tunnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local service</source>
        <translation>Service local</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Public URL</source>
        <translation>URL publique</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connection details</source>
        <translation>Détails de la connexion</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Response time percentiles</source>
        <translation>Percentiles du temps de réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests per minute</source>
        <translation>Requêtes par minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers with a status of 500 or more, and requests that got no answer. A 4xx is the visitor&apos;s error, not one.</source>
        <translation>Réponses avec un statut de 500 ou plus, et requêtes restées sans réponse. Un 4xx est une erreur du visiteur, il n’est pas compté.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests waiting for the local service</source>
        <translation>Requêtes en attente du service local</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n request(s) waiting for %1 to come back</source>
        <translation>
            <numerusform>%n requête attend le retour de %1</numerusform>
            <numerusform>%n requêtes attendent le retour de %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Filter requests (path, method, status)</source>
        <translation>Filtrer les requêtes (chemin, méthode, statut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter requests</source>
        <translation>Filtrer les requêtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export HAR…</source>
        <translation>&amp;Exporter en HAR…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the request log as HAR</source>
        <translation>Exporter le journal des requêtes en HAR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the request log</source>
        <translation>Vider le journal des requêtes</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Re&amp;quest</source>
        <translation>Re&amp;quête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ponse</source>
        <translation>Ré&amp;ponse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Replay</source>
        <translation>Re&amp;nvoyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send this request to the local service again</source>
        <translation>Renvoyer cette requête au service local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;dit and replay…</source>
        <translation>&amp;Modifier et renvoyer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change this request, then send it to the local service</source>
        <translation>Modifier cette requête, puis l’envoyer au service local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as c&amp;url</source>
        <translation>Copier en c&amp;url</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a curl command that sends this request again</source>
        <translation>Copier une commande curl qui renvoie cette requête</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replay result</source>
        <translation>Résultat du renvoi</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Find in this message</source>
        <translation>Rechercher dans ce message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in the request or response shown</source>
        <translation>Rechercher dans la requête ou la réponse affichée</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find Next</source>
        <translation>Rechercher le suivant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find Previous</source>
        <translation>Rechercher le précédent</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Protected: visitors from allowed addresses who log in as %1 reach %2.</source>
        <translation>Protégé : les visiteurs d’adresses autorisées qui se connectent en tant que %1 atteignent %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected: visitors who log in as %1 reach %2.</source>
        <translation>Protégé : les visiteurs qui se connectent en tant que %1 atteignent %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected: only visitors from allowed addresses reach %1.</source>
        <translation>Protégé : seuls les visiteurs d’adresses autorisées atteignent %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone with this URL reaches %1.</source>
        <translation>Quiconque a cette URL atteint %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No tunnel yet</source>
        <translation>Pas encore de tunnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No QR code: this address opens on this computer only.</source>
        <translation>Pas de code QR : cette adresse ne s’ouvre que sur cet ordinateur.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1. Retrying in %n s.</source>
        <translation>
            <numerusform>%1. Nouvelle tentative dans %n s.</numerusform>
            <numerusform>%1. Nouvelle tentative dans %n s.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start the tunnel to get a public URL for %1.</source>
        <translation>Démarrer le tunnel pour obtenir une URL publique pour %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to rok-server at %1…</source>
        <translation>Connexion à rok-server sur %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Re&amp;sume Capture</source>
        <translation>Reprendre la &amp;capture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pau&amp;se Capture</source>
        <translation>Suspendre la &amp;capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record requests in the log again</source>
        <translation>Enregistrer de nouveau les requêtes dans le journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop recording requests in the log; the tunnel and its figures go on</source>
        <translation>Ne plus enregistrer les requêtes dans le journal&#xa0;; le tunnel et ses chiffres continuent</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Capture paused: %n request(s) not recorded</source>
        <translation>
            <numerusform>Capture suspendue&#xa0;: %n requête non enregistrée</numerusform>
            <numerusform>Capture suspendue&#xa0;: %n requêtes non enregistrées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>App: p50 %1 · p95 %2 · p99 %3 · Tunnel: p95 %4</source>
        <translation>Appli&#xa0;: p50 %1 · p95 %2 · p99 %3 · Tunnel&#xa0;: p95 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n request(s) in the last minute</source>
        <translation>
            <numerusform>%n requête au cours de la dernière minute</numerusform>
            <numerusform>%n requêtes au cours de la dernière minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Held for %1 while the local service was down.</source>
        <translation>Retenue %1 pendant que le service local était arrêté.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App: %1.</source>
        <translation>Appli&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App: %1. Tunnel: %2.</source>
        <translation>Appli&#xa0;: %1. Tunnel&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bodies of older requests are no longer kept, so the log stays within %1.</source>
        <translation>Les corps des requêtes plus anciennes ne sont plus conservés, pour que le journal reste sous %1.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copied a curl command for %1 %2</source>
        <translation>Commande curl copiée pour %1 %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replaying %1 %2…</source>
        <translation>Renvoi de %1 %2…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replay failed: %1</source>
        <translation>Échec du renvoi&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replayed: %1 %2 in %3</source>
        <translation>Renvoyée&#xa0;: %1 %2 en %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replayed response:</source>
        <translation>Réponse rejouée&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export requests as HAR</source>
        <translation>Exporter les requêtes en HAR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP Archive (*.har)</source>
        <translation>Archive HTTP (*.har)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved %n request(s) to %1</source>
        <translation>
            <numerusform>%n requête enregistrée dans %1</numerusform>
            <numerusform>%n requêtes enregistrées dans %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../app/client/units.cpp" line="+27"/>
        <source>%1 B</source>
        <comment>bytes</comment>
        <translation>%1 o</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 GiB</source>
        <translation>%1 Gio</translation>
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
