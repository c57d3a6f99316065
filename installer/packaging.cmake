# CPack: builds cron-console_<version>_<arch>.deb from the `cmake --install` tree (installer/,
# app/). Included from the top-level CMakeLists.txt after every install() rule.
# installer/build-deb.sh is the recipe: Debian's build flags, prefix /usr, Release, cpack.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cron-console)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "Cron Console Maintainers")
set(CPACK_PACKAGE_CONTACT "Cron Console Maintainers <maintainers@cron-console.example.org>")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "console and runner for a persistent cron system")
# CPack indents these lines and turns the empty one into " ." for the control file.
set(CPACK_PACKAGE_DESCRIPTION
"Cron Console administers scheduled jobs whose state lives in a PostgreSQL
database (the cron_jobs table) shared with other programs, such as a web
platform, and runs them on dedicated machines.

 * cron-console: the desktop console (Qt): job table, schedules, reset,
   run now, history and audit trail, CSV export;
 * cronctl: the same from the command line, and the headless scheduler
   runner, shipped as the cron-console-runner systemd service (not enabled
   until configured).

Without a server both programs use an embedded SQLite database.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# Dependencies: dpkg-shlibdeps computes the libraries the binaries link (Qt, libpq, libstdc++,
# …; needs dpkg-dev) and CPack appends them to the list below, which holds what no ELF header
# shows: Qt loads its SQL drivers as plugins at run time, QTimeZone reads the IANA zones of cron
# schedules (--timezone) from tzdata's files, and postinst runs adduser.
# The X11 and offscreen window system plugins come with libqt6gui6 on Debian 12 (the
# qt6-qpa-plugins package holds only VNC and TUIO), so shlibdeps already covers them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libqt6sql6-psql, libqt6sql6-sqlite, tzdata")
# Native Wayland windows; Qt's own strings (standard buttons, dialogs) in pt_BR.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")

# Maintainer scripts and the conffile list; dpkg wants the scripts 0755 and the lists 0644.
set(cron_debian_dir "${CMAKE_CURRENT_LIST_DIR}/debian")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${cron_debian_dir}/postinst;${cron_debian_dir}/prerm;${cron_debian_dir}/postrm;${cron_debian_dir}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# The package puts its files in /usr, /etc and /lib/systemd/system, and the unit, the man pages
# and the conffile list name those paths, all fixed at configure time. A build configured for
# another prefix would make a package that does not work: refuse it when cpack runs.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_CRON_CONFIGURED_PREFIX "${CMAKE_INSTALL_PREFIX}")
# The changelog ships in the package and dates its AppStream release: it must be this version's.
set(CPACK_CRON_CHANGELOG_VERSION "${CRON_CONSOLE_CHANGELOG_VERSION}")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/cpack-project-config.cmake")

include(CPack)
