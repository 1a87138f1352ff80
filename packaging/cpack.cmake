# SPDX-FileCopyrightText: 2026 The rok authors
#
# SPDX-License-Identifier: LicenseRef-NoLicenseYet

# Two Debian packages from the install components of packaging/CMakeLists.txt, built by
# scripts/package (cpack -G DEB in a Release build). Depends come from dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_VENDOR "the rok authors")
set(CPACK_PACKAGE_CONTACT "rok maintainers <rok@example.org>")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "") # each package's first description line is its own
set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # packaging revision: rok 0.1.0 is packaged as 0.1.0-1
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL client server)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ROK_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME rok)
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n") # Qt's texts, translated
set(CPACK_DEBIAN_CLIENT_DESCRIPTION
    "public URLs for local ports, with a live request log
rok http 3000 gives a local web server a public URL on a rok-server you run
yourself, and prints every request with its status and response time; rok tcp
gives any TCP service a public port. On a desktop, rok alone is a tray app that
starts the tunnel with a click and shows each request, its headers and body,
response-time percentiles and a chart.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME rok-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser") # the postinst makes the rok-server group
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "self-hosted server for rok tunnels
rok-server routes each visitor of http(s)://NAME.DOMAIN to the rok client that
holds tunnel NAME, gives TCP tunnels public ports, and takes rok clients on its
control port: TLS, certificates per name from Let's Encrypt, tokens, and limits
on every input. It runs as a hardened systemd service reading
/etc/rok/rok-server.toml.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/debian/rok-server/conffiles
    ${CMAKE_CURRENT_LIST_DIR}/debian/rok-server/postinst
    ${CMAKE_CURRENT_LIST_DIR}/debian/rok-server/prerm
    ${CMAKE_CURRENT_LIST_DIR}/debian/rok-server/postrm)

include(CPack)
