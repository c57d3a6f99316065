#!/usr/bin/env bash
# Builds Cron Console and runs every test: the SQLite suites on temporary files, the PostgreSQL
# suites on a throwaway PostgreSQL cluster that pg_virtualenv creates and removes (it exports
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE for the tests). Without a server those suites fail.
#   BUILD_DIR   build folder (default: build/, the folder of the README's first command, whose
#               programs are reused; the suites are added beside them)
#   CMAKE_ARGS  extra CMake arguments (CI adds -DCRON_CONSOLE_WERROR=ON; the build type is the
#               folder's own, by default CMake's plain one: -DCMAKE_BUILD_TYPE=RelWithDebInfo
#               for optimised suites, as the benchmarks under tests/bench/ want)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}

# shellcheck disable=SC2086
cmake -S "$here" -B "$build" -G Ninja -DCRON_CONSOLE_BUILD_TESTS=ON ${CMAKE_ARGS:-}
cmake --build "$build"

# PostgreSQL refuses to run as root; pg_virtualenv handles that by running the server as the
# postgres user. Pick a free port so a developer's own server is left alone.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PGPORT=$port
exec pg_virtualenv -t ctest --test-dir "$build" --output-on-failure --no-tests=error -j2
