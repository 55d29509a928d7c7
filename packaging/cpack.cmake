# SPDX-License-Identifier: GPL-3.0-or-later
# `cpack -G DEB` in the build folder makes annals_<version>_amd64.deb. Its Depends are computed from the binary
# (dpkg-shlibdeps), plus what Annals loads at run time rather than links: the SQLite driver plugin, country names
# and flags.
set(CPACK_PACKAGE_NAME annals)
set(CPACK_PACKAGE_VENDOR "The Annals developers")
set(CPACK_PACKAGE_CONTACT "The Annals developers <annals@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "browse, filter and export timelines of world events")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "iso-codes, iso-flags-svg, libqt6sql6-sqlite, tzdata")
# Noto CJK: Chinese, Japanese and Korean titles draw as boxes without a font that has them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "browse, filter and export timelines of world events
 Annals is a desktop timeline and event browser for people who follow world
 affairs. It keeps events (state visits, statements, talks, agreements) in one
 SQLite file and shows them on a zoomable timeline with lanes per country,
 actor or kind, beside a table and a detail pane. Dates keep their precision,
 from a minute to deep time. Timelines export as PNG, SVG or PDF, also from
 the command line without a display.")

include(CPack)
