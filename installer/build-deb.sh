#!/usr/bin/env bash
# Builds the Debian package: a Release build with prefix /usr and Debian's hardening flags, then
# CPack. Needs the packages of installer/build-deps.sh (dpkg-dev for dpkg-shlibdeps).
#   installer/build-deb.sh [BUILD_DIR [OUTPUT_DIR]]
# BUILD_DIR defaults to build-deb/ in the project, OUTPUT_DIR to BUILD_DIR. Prints the path of
# the .deb on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-deb}
out=${2:-$build}

# The flags Debian's own packages get (stack protector, _FORTIFY_SOURCE, RELRO and BIND_NOW,
# PIE, CET), which lintian's hardening checks look for. No -g: the package is stripped anyway,
# and the build is faster without debug information.
# dpkg-buildflags maps the current folder out of debug paths: run it from the project.
cd "$here"
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
export DEB_CXXFLAGS_MAINT_STRIP=-g
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)

# Reproducible: file dates in the package are the release's date from the changelog.
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l installer/debian/changelog -STimestamp)
export SOURCE_DATE_EPOCH

# Release without CMake's -O3: Debian's -O2 from dpkg-buildflags, and a shorter build.
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DCRON_CONSOLE_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS_RELEASE=-DNDEBUG \
    -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags"
cmake --build "$build"
mkdir -p "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out"
# CPack names it cron-console_<version>_<arch>.deb.
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
echo "$out/cron-console_${version}_$(dpkg --print-architecture).deb"
