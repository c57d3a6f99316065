#!/usr/bin/env bash
# Installs what building, testing and running Cron Console needs on Debian 12 (bookworm).
# Runs apt as root; asks sudo for it when started as another user.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-psql libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev qtkeychain-qt6-dev libgl-dev
    libpq-dev postgresql postgresql-common
    qt6-qpa-plugins fonts-dejavu-core xvfb xauth imagemagick
    python3 python3-psycopg2
    # the runner's fault tests: network namespaces, veth pairs, packet filters, process tools
    iproute2 iptables procps
    # the packaging checks of installer/ci-check.sh
    dpkg-dev desktop-file-utils appstream lintian systemd shellcheck
)

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=DEBIAN_FRONTEND "$0" "$@"
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "build-deps: everything is installed"
    exit 0
fi
echo "build-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "build-deps: done"
