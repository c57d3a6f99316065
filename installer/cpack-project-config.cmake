# Read by cpack (CPACK_PROJECT_CONFIG_FILE) before it builds a package.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_CRON_CONFIGURED_PREFIX STREQUAL "/usr")
    message(FATAL_ERROR "cron-console: the .deb needs a build configured with "
        "-DCMAKE_INSTALL_PREFIX=/usr (this one has ${CPACK_CRON_CONFIGURED_PREFIX}); "
        "installer/build-deb.sh does that")
endif()
if(CPACK_GENERATOR STREQUAL "DEB"
        AND NOT CPACK_CRON_CHANGELOG_VERSION STREQUAL CPACK_PACKAGE_VERSION)
    message(FATAL_ERROR "cron-console: installer/debian/changelog's newest entry is "
        "${CPACK_CRON_CHANGELOG_VERSION}, the package is ${CPACK_PACKAGE_VERSION}: add a "
        "changelog entry for this version (dch -v ${CPACK_PACKAGE_VERSION} -c "
        "installer/debian/changelog, or by hand)")
endif()
