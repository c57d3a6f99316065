#!/usr/bin/env bash
# Packaging checks (issue 7), run by .ci/run after the tests, as root on a Debian 12 machine with
# the packages of installer/build-deps.sh. It builds the .deb, checks its metadata (desktop
# entry, AppStream, lintian, the systemd unit), installs it with apt as a user would, smoke-tests
# both programs as root and as the service user, upgrades it in place, removes it and checks
# the data stays. Prints a summary; exits 1 when any check failed.
#
#   BUILD_DIR  reuse this build folder (default: a fresh one in the temporary folder)
#
# It installs and removes the cron-console package, so it refuses to run where the package is
# installed already: use a throwaway machine or container, as CI does.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export DEBIAN_FRONTEND=noninteractive
# Stable, English messages from every tool; the checks grep some of them.
export LC_ALL=C.UTF-8
unset CRON_CONSOLE_DB XDG_DATA_HOME XDG_CONFIG_HOME

pkg=cron-console
user=cron-console
home=/var/lib/cron-console
unit=/lib/systemd/system/cron-console-runner.service
service_db=$home/.local/share/cron-console/cron-console.db

if [ "$(id -u)" -ne 0 ]; then
    echo "ci-check: run as root: it installs and removes the $pkg package" >&2
    exit 2
fi
initial_state=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
if [ "${initial_state:0:2}" = "ii" ]; then
    echo "ci-check: $pkg is installed on this machine; this check would replace and remove it." \
        "Remove it first (apt-get remove $pkg) or run in a throwaway machine." >&2
    exit 2
fi
# Purging deletes the service user's data: only on a machine that never had the package.
purge_at_end=false
[ -z "$initial_state" ] && purge_at_end=true

work=$(mktemp -d /tmp/cron-console-ci.XXXXXX)
# apt reads the .deb as its unprivileged _apt user.
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs"
build=${BUILD_DIR:-$work/build}

names=() verdicts=() times=()
failed=0
t0=$EPOCHREALTIME

# step NAME FUNCTION: runs FUNCTION in a subshell with errexit, its output in a log, and sets
# step_ok. It always returns 0 and must not be called in a condition (`if step`, `step || x`):
# bash ignores errexit in every command run from a condition, even after `set -e` in a
# subshell. A failure prints the log's end; `show_step` always prints its log (lintian
# findings, the build's last lines).
run_step() {
    local show=$1 name=$2 fn=$3 log rc start elapsed
    log="$work/logs/$fn.log"
    start=$EPOCHREALTIME
    echo "--- $name"
    set +e
    (set -e; "$fn") >"$log" 2>&1
    rc=$?
    set -e
    elapsed=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    if [ "$rc" -eq 0 ]; then
        [ "$show" = show ] && sed 's/^/    /' "$log"
        verdicts+=(PASS)
        step_ok=true
    else
        tail -n 60 "$log" | sed 's/^/    /'
        echo "    FAILED (exit status $rc)"
        verdicts+=(FAIL)
        failed=$((failed + 1))
        step_ok=false
    fi
    names+=("$name")
    times+=("$elapsed")
}
step() { run_step quiet "$@"; }
show_step() { run_step show "$@"; }
skip() {
    echo "--- $1: skipped ($2)"
    names+=("$1") verdicts+=(SKIP) times+=(-)
}

fail() {
    echo "check failed: $*" >&2
    exit 1
}

# wait_for_line FILE REGEX SECONDS
wait_for_line() {
    local deadline=$((SECONDS + $3))
    until grep -Eq "$2" "$1" 2>/dev/null; do
        [ "$SECONDS" -lt "$deadline" ] || fail "no line matching '$2' in $1 after $3 s"
        sleep 0.2
    done
}

# wait_for_count FILE REGEX COUNT SECONDS
wait_for_count() {
    local deadline=$((SECONDS + $4))
    until [ "$(grep -Ec "$2" "$1" 2>/dev/null)" -ge "$3" ]; do
        [ "$SECONDS" -lt "$deadline" ] || fail "fewer than $3 lines matching '$2' in $1 after $4 s"
        sleep 0.2
    done
}

# stop_runner PID SECONDS: SIGTERM, then its exit status; a failure if it is still running after
# SECONDS (a hung stop must fail the check, not hang CI).
stop_runner() {
    local deadline=$((SECONDS + $2)) rc=0
    kill -TERM "$1"
    while kill -0 "$1" 2>/dev/null; do
        [ "$SECONDS" -lt "$deadline" ] || fail "the runner did not stop within $2 s of SIGTERM"
        sleep 0.1
    done
    wait "$1" || rc=$?
    return "$rc"
}

# Runs a command as the service user, with the clean environment systemd gives the service
# (no variables of ours or of the CI). setpriv and env exec the command, so in the background
# $! is the command itself and receives our signals (runuser would forward SIGTERM and send
# SIGKILL 2 s later). A plain command, not a function: a function in the background runs in a
# bash subshell that would take the signal instead.
as_service_user=(setpriv --reuid="$user" --regid="$user" --init-groups
    env -i HOME="$home" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)

# ---------------------------------------------------------------------------------------------
check_scripts() {
    command -v shellcheck >/dev/null || { echo "shellcheck is not installed: skipped"; return 0; }
    shellcheck "$here"/installer/*.sh
    shellcheck -s sh "$here"/installer/debian/postinst "$here"/installer/debian/prerm \
        "$here"/installer/debian/postrm
    echo "shellcheck: clean"
}

build_package() {
    "$here/installer/build-deb.sh" "$build" "$work/out" | tee "$work/build.out" | tail -n 3
    deb=$(tail -n 1 "$work/build.out")
    [ -f "$deb" ] || fail "build-deb.sh reported $deb, which does not exist"
    # Readable by apt's _apt user and by lintian, which runs as nobody, whatever the umask.
    chmod 0755 "$(dirname "$deb")"
    chmod 0644 "$deb"
    echo "$deb" >"$work/deb-path"
    version=$(dpkg-deb -f "$deb" Version)
    echo "$version" >"$work/version"
    ls -l "$deb"
    dpkg-deb -f "$deb" Depends
    dpkg-deb -x "$deb" "$work/root"
}

check_desktop_file() {
    desktop-file-validate "$work"/root/usr/share/applications/*.desktop
    echo "desktop-file-validate: clean"
}

check_appstream() {
    appstreamcli validate --no-net --explain "$work"/root/usr/share/metainfo/*.metainfo.xml
}

check_lintian() {
    # Not as root, which lintian warns about; the .deb is world-readable.
    runuser -u nobody -- env HOME=/tmp lintian --fail-on error --display-info "$deb" \
        | tee "$work/lintian.out"
    echo "lintian: $(grep -c '^E:' "$work/lintian.out" || true) error(s)," \
        "$(grep -c '^W:' "$work/lintian.out" || true) warning(s)," \
        "$(grep -c '^I:' "$work/lintian.out" || true) info(s)"
}

install_package() {
    # A fresh machine may have no package lists yet; the package's dependencies come from them.
    if ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; then
        apt-get update -qq
    fi
    apt-get install -y "$deb"
    dpkg-query -W -f='${db:Status-Abbrev} ${Version}\n' "$pkg" | grep -q "^ii  $version$" \
        || fail "$pkg $version is not installed"
}

check_layout() {
    for file in /usr/bin/cronctl /usr/bin/cron-console "$unit" /etc/cron-console/runner.json \
        /usr/share/man/man1/cronctl.1.gz /usr/share/man/man1/cron-console.1.gz \
        /usr/share/applications/io.github.cronconsole.CronConsole.desktop \
        /usr/share/metainfo/io.github.cronconsole.CronConsole.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/io.github.cronconsole.CronConsole.svg; do
        [ -e "$file" ] || fail "$file is missing"
    done
    dpkg-query -W -f='${Conffiles}\n' "$pkg" | grep -q '/etc/cron-console/runner.json' \
        || fail "runner.json is not a conffile"
    # The SQL drivers are run-time plugins that only the Depends line brings in.
    for driver in libqsqlpsql.so libqsqlite.so; do
        [ -e "/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/qt6/plugins/sqldrivers/$driver" ] \
            || fail "the Qt SQL driver $driver is not installed"
    done
    getent passwd "$user" | grep -q ":$home:/usr/sbin/nologin$" \
        || fail "system user $user: $(getent passwd "$user" || echo missing)"
    [ "$(stat -c '%U:%G %a' "$home")" = "$user:$user 750" ] \
        || fail "$home is $(stat -c '%U:%G %a' "$home")"
    [ "$(stat -c '%U:%G %a' /etc/cron-console/runner.env)" = "$user:$user 600" ] \
        || fail "runner.env is $(stat -c '%U:%G %a' /etc/cron-console/runner.env)"
    man -w cronctl cron-console
    echo "layout, user, permissions and conffile: as expected"
}

check_unit() {
    # Empty output or failure: any warning about the unit counts.
    local out
    out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $out"
    [ -z "$out" ] || fail "systemd-analyze verify: $out"
    echo "systemd-analyze verify: clean"
    # Hardening must not regress: 1.7 today, where 10 is an unconfined service.
    systemd-analyze security --offline=true --threshold=25 "$unit" | tail -n 1
}

check_cronctl_version() {
    [ "$(cronctl --version)" = "cronctl $version" ] || fail "cronctl --version: $(cronctl --version)"
    cronctl --version
}

check_status_root() {
    local tmp_home="$work/home-root"
    mkdir -m 0700 "$tmp_home"
    HOME=$tmp_home cronctl status --json >"$work/status-root.json"
    python3 - "$work/status-root.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["success"] is True, doc
assert any(job["nome"] == "sgp_sync_inteligente" for job in doc["cron_jobs"]), doc
EOF
    [ -f "$tmp_home/.local/share/cron-console/cron-console.db" ] || fail "no embedded database"
    echo "embedded default at $tmp_home/.local/share/cron-console/cron-console.db: OK"
}

check_status_service_user() {
    # From / : the service user cannot enter root's working folder.
    (cd / && runuser -u "$user" -- cronctl status --json) >"$work/status-user.json"
    python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["success"] is True' \
        "$work/status-user.json"
    [ "$(stat -c %U "$service_db")" = "$user" ] || fail "$service_db is missing or not $user's"
    echo "embedded default of $user at $service_db: OK"
}

check_postgres_driver() {
    # No server is needed to see the driver load: libpq's own error proves QPSQL ran it.
    local err rc=0
    err=$(cronctl --db 'postgresql:///ci?host=/nonexistent&connect_timeout=2' status 2>&1) || rc=$?
    [ "$rc" -eq 1 ] || fail "expected exit status 1, got $rc: $err"
    grep -q 's.PGSQL' <<<"$err" || fail "the QPSQL driver did not reach libpq: $err"
    echo "QPSQL driver loads: $err"
}

# The shipped example, on a throwaway database where its one seeded job is disabled (the
# example's program, /usr/local/bin/sgp-sync, does not exist here): it parses, registers, and
# stops at once on SIGTERM.
check_scheduler_example() {
    local example=/usr/share/doc/cron-console/examples/runner.example.json
    # Where dpkg is told to skip /usr/share/doc (slim images), the source copy is the same file.
    [ -f "$example" ] || example=$here/installer/runner.example.json
    local db="sqlite:$work/example.db" log="$work/scheduler-example.log" rc=0
    export HOME="$work/home-root"
    cronctl --db "$db" disable sgp_sync_inteligente
    cronctl --db "$db" scheduler --config "$example" >"$log" 2>&1 &
    # Not local: the trap runs after the function has returned. Never leave a runner behind.
    pid=$!
    trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT
    wait_for_line "$log" 'runner .* registered' 20
    stop_runner "$pid" 20 || rc=$?
    cat "$log"
    [ "$rc" -eq 0 ] || fail "the runner exited with status $rc after SIGTERM"
    grep -q 'stopped' "$log" || fail "no clean stop in the log"
}

# The runner as the service user, with the clean environment systemd gives it: a harmless
# command job runs; SIGTERM while a second run is in progress waits for it (the grace period)
# and exits 0; the history records both results.
check_scheduler_service_user() {
    local dir="$work/runner" rc=0 start stop_seconds
    install -d -o "$user" -g "$user" -m 0750 "$dir"
    cat >"$dir/runner.json" <<'EOF'
{
  "runner_name": "ci-check",
  "max_poll_seconds": 1,
  "grace_seconds": 10,
  "jobs": {
    "sgp_sync_inteligente": {
      "type": "command",
      "program": "/bin/sh",
      "args": ["-c", "sleep 2; printf '{\"ok\": true, \"user\": \"%s\"}' \"$(id -un)\""],
      "timeout_seconds": 30
    }
  }
}
EOF
    chmod 0644 "$dir/runner.json"
    local db="sqlite:$dir/runner.db" log="$dir/scheduler.log"
    # Due at once (never ran); `cronctl run-now` makes it due again after the first run.
    "${as_service_user[@]}" cronctl --db "$db" scheduler --config "$dir/runner.json" >"$log" 2>&1 &
    # Not local: the trap runs after the function has returned. Never leave a runner behind.
    pid=$!
    trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT
    wait_for_line "$log" 'finished sgp_sync_inteligente: success' 20
    "${as_service_user[@]}" cronctl --db "$db" run-now sgp_sync_inteligente
    wait_for_count "$log" 'started sgp_sync_inteligente' 2 20
    start=$SECONDS
    stop_runner "$pid" 20 || rc=$?
    stop_seconds=$((SECONDS - start))
    cat "$log"
    [ "$rc" -eq 0 ] || fail "the runner exited with status $rc after SIGTERM"
    [ "$(grep -c 'finished sgp_sync_inteligente: success' "$log")" -eq 2 ] \
        || fail "the job running at SIGTERM did not finish within the grace period"
    [ "$stop_seconds" -le 10 ] || fail "stopping took $stop_seconds s"
    "${as_service_user[@]}" cronctl --db "$db" history sgp_sync_inteligente --json >"$dir/history.json"
    python3 - "$dir/history.json" "$user" <<'EOF'
import json, sys
rows = [r for r in json.load(open(sys.argv[1]))["historico"] if r.get("status")]
assert len(rows) == 2 and all(r["status"] == "success" for r in rows), rows
assert all(r["detalhes"]["resultado"]["user"] == sys.argv[2] for r in rows), rows
print("history: 2 successful runs as", sys.argv[2])
EOF
    echo "stopped on SIGTERM in ${stop_seconds} s, after the running job finished"
}

check_gui() {
    local xdg="$work/xdg-runtime"
    mkdir -m 0700 "$xdg"
    export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$xdg" HOME="$work/home-root"
    [ "$(cron-console --version)" = "cron-console $version" ] \
        || fail "cron-console --version: $(cron-console --version)"
    cron-console --version
    local help
    help=$(cron-console --help)
    grep -q -- '--db' <<<"$help" || fail "cron-console --help lists no --db"
}

# The same version again: postinst's upgrade path runs; the admin's runner.env stays as it is.
check_reinstall() {
    echo '# kept by ci-check' >>/etc/cron-console/runner.env
    apt-get install -y --reinstall "$deb"
    grep -q '^# kept by ci-check$' /etc/cron-console/runner.env || fail "runner.env was replaced"
    [ "$(stat -c '%U:%G %a' /etc/cron-console/runner.env)" = "$user:$user 600" ] \
        || fail "runner.env is now $(stat -c '%U:%G %a' /etc/cron-console/runner.env)"
    echo "reinstalled; runner.env kept"
}

check_remove() {
    apt-get remove -y "$pkg"
    if [ -e /usr/bin/cronctl ] || [ -e "$unit" ]; then
        fail "program files remain after remove"
    fi
    getent passwd "$user" >/dev/null || fail "the service user was deleted"
    [ -f "$service_db" ] || fail "the service user's database $service_db was deleted"
    if [ ! -f /etc/cron-console/runner.env ] || [ ! -f /etc/cron-console/runner.json ]; then
        fail "the configuration was deleted"
    fi
    echo "removed; kept: user $user, $service_db, /etc/cron-console"
}

check_purge() {
    apt-get purge -y "$pkg"
    [ ! -e /etc/cron-console ] || fail "/etc/cron-console remains after purge: $(ls -A /etc/cron-console)"
    [ ! -e "$home" ] || fail "$home remains after purge"
    getent passwd "$user" >/dev/null || fail "the system user was deleted (it should stay)"
    echo "purged: configuration and $home gone, system user kept"
}

# ---------------------------------------------------------------------------------------------
echo "=== cron-console packaging checks (work folder $work)"
step "shellcheck of the installer scripts" check_scripts
show_step "build the .deb (Release, /usr, Debian build flags)" build_package
if $step_ok; then
    deb=$(cat "$work/deb-path")
    version=$(cat "$work/version")
    step "desktop-file-validate" check_desktop_file
    show_step "appstreamcli validate --no-net" check_appstream
    show_step "lintian (no errors)" check_lintian
    step "apt-get install ./$(basename "$deb")" install_package
    if $step_ok; then
        step "installed layout, user, permissions" check_layout
        show_step "systemd-analyze verify and security" check_unit
        show_step "cronctl --version" check_cronctl_version
        step "cronctl status --json as root (fresh HOME)" check_status_root
        step "cronctl status --json as $user (runuser)" check_status_service_user
        step "QPSQL driver loads" check_postgres_driver
        step "scheduler with the example config stops on SIGTERM" check_scheduler_example
        show_step "scheduler as $user runs a job, stops gracefully" check_scheduler_service_user
        show_step "cron-console --version (offscreen)" check_gui
        step "reinstall keeps runner.env" check_reinstall
        step "apt-get remove keeps the data" check_remove
        if ! $step_ok; then
            skip "apt-get purge" "remove failed"
        elif $purge_at_end; then
            step "apt-get purge" check_purge
        else
            skip "apt-get purge" "the machine had $pkg's configuration before this check"
        fi
    else
        skip "smoke tests" "the package did not install"
    fi
else
    skip "everything else" "the package did not build"
fi

echo
echo "=== summary"
for i in "${!names[@]}"; do
    printf '%-4s %7s s  %s\n' "${verdicts[$i]}" "${times[$i]}" "${names[$i]}"
done
if [ -f "$work/lintian.out" ]; then
    echo "lintian findings:"
    sed 's/^/    /' "$work/lintian.out"
fi
total=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
passed=0 skipped=0
for v in "${verdicts[@]}"; do
    case $v in
    PASS) passed=$((passed + 1)) ;;
    SKIP) skipped=$((skipped + 1)) ;;
    esac
done
echo "total time: ${total} s"
# The plain closing line CI reads: "N passed, N failed[, N skipped]".
if [ "$skipped" -gt 0 ]; then
    echo "packaging: $passed passed, $failed failed, $skipped skipped"
else
    echo "packaging: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
