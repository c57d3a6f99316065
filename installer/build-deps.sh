#!/usr/bin/env bash
# Installs what building, testing and running Cron Console needs on Debian 12 (bookworm).
# Runs apt as root; asks sudo for it when started as another user.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-psql libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev qtkeychain-qt6-dev libgl-dev
    libpq-dev postgresql postgresql-common
    # tests/bench/bench_scale.py measures pg_cron on the same server
    postgresql-15-cron
    qt6-qpa-plugins fonts-dejavu-core xvfb xauth imagemagick
    # Qt's own strings (standard buttons, JSON errors) in pt_BR: tst_translations
    qt6-translations-l10n
    # tst_desktopnotifications: a private session bus; tests/screenshot-alerts.sh: a window
    # manager, a system tray and a notification server under Xvfb
    dbus-daemon dbus-bin openbox trayer dunst
    python3 python3-psycopg2
    # the runner's fault tests: network namespaces, veth pairs, packet filters, process tools
    iproute2 iptables procps
    # the packaging checks of installer/ci-check.sh
    dpkg-dev desktop-file-utils appstream lintian systemd shellcheck
)

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=DEBIAN_FRONTEND "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
updated=false
apt_update() {
    if [ "$updated" = false ]; then
        apt-get update -qq
        updated=true
    fi
}

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "build-deps: every Debian package is installed"
else
    echo "build-deps: installing ${missing[*]}"
    apt_update
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The platform tests (tests/platform) run the web platform's loop with node-postgres: Node and
# the npm `pg` package. Debian's `nodejs` + `node-pg` where apt can install them; beside a Node
# from elsewhere (e.g. nodesource, which node-pg's dependencies do not accept) `pg` comes from
# that Node's own npm instead. The same search path as tests/platform/run_platform.py.
node_path() {
    local paths=/usr/share/nodejs:/usr/lib/nodejs
    if command -v npm >/dev/null 2>&1; then
        paths=$paths:$(npm root -g 2>/dev/null || true)
    fi
    echo "$paths"
}
has_pg() {
    command -v node >/dev/null 2>&1 \
        && NODE_PATH=$(node_path) node -e 'require("pg")' >/dev/null 2>&1
}
if has_pg; then
    echo "build-deps: node $(node --version) with node-postgres (pg) is there"
else
    apt_update
    if apt-get install -s -qq --no-install-recommends nodejs node-pg >/dev/null 2>&1; then
        echo "build-deps: installing nodejs node-pg"
        apt-get install -y -qq --no-install-recommends nodejs node-pg >/dev/null
    elif command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        echo "build-deps: node $(node --version) at $(command -v node) is not Debian's, and apt" \
            "cannot install node-pg beside it: installing pg with its npm (npm install -g pg)"
        npm install -g --no-fund --no-audit --loglevel=error pg
    else
        echo "build-deps: cannot install node-postgres: apt refuses nodejs node-pg and there is" \
            "no npm beside $(command -v node || echo 'node'); install Debian's nodejs and node-pg" \
            "or the npm pg package" >&2
        exit 1
    fi
    if ! has_pg; then
        echo "build-deps: node-postgres (pg) is still not found by node in $(node_path)" >&2
        exit 1
    fi
    echo "build-deps: node $(node --version) with node-postgres (pg) installed"
fi
echo "build-deps: done"
