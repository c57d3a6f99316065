#!/usr/bin/env bash
# Proves the README's Quick start on a NEW minimal Debian 12 root, so that a package the
# machine happens to have cannot hide a missing install step (issue 10). As root, on Debian 12:
#   1. makes a root with `mmdebstrap --variant=minbase bookworm` from the host's apt sources;
#   2. copies the checkout's tracked files into it (with their changes not yet committed);
#   3. runs there, as root with a fresh HOME and no display: the README's first Quick start
#      command up to the console, then the console (offscreen) which must stay up ~10 s;
#      `cronctl status --json`; installer/ci-check.sh; the README's second Quick start command
#      with warnings as errors;
#   4. unmounts and removes the root, also on failure and Ctrl-C.
# A phase that fails because something is not installed names the Debian package that has it.
# Only downloaded .debs are kept between runs (FRESH_ROOT_CACHE); the root is always new.
#
#   FRESH_ROOT_CACHE  folder for downloaded .debs (default /var/cache/cron-console/fresh-root)
#   FRESH_ROOT_TMP    where the root is made (default /var/tmp)
#   FRESH_ROOT_LOOKUP how the guard finds a missing file's package: host (dpkg -S here),
#                     apt-file (in the root, installed on failure), or both (default host,apt-file)
# shellcheck disable=SC2317 # the phases are functions that phase() calls through "$@"
# The whole script is one { } block, read before it runs: editing the file meanwhile is safe.
{
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8
cache=${FRESH_ROOT_CACHE:-/var/cache/cron-console/fresh-root}
suite=bookworm
console_seconds=10
lookup=${FRESH_ROOT_LOOKUP:-host,apt-file}

say() { echo "fresh-root: $*"; }
die() {
    echo "fresh-root: $*" >&2
    exit 1
}

# --- outer part, in the host's namespaces: the work folder and its removal --------------------
if [ "${1:-}" != --inside-namespace ]; then
    [ "$(id -u)" -eq 0 ] || die "run as root: it makes a Debian root with mmdebstrap and chroot"
    command -v mmdebstrap >/dev/null || die "mmdebstrap is not installed (apt-get install mmdebstrap)"
    git -C "$here" rev-parse --git-dir >/dev/null 2>&1 || die "$here is not a git checkout"
    mkdir -p "$cache"
    work=$(mktemp -d "${FRESH_ROOT_TMP:-/var/tmp}/cron-console-fresh-root.XXXXXX")
    # apt downloads as its _apt user, sandboxed, only where that user can reach the root.
    chmod 0755 "$work"
    # Nothing is ever mounted in this namespace (the inner part has its own), so removing the
    # folder cannot reach into /dev, /proc or the .deb cache.
    # shellcheck disable=SC2317 # called by the trap
    remove_work() {
        local rc=$?
        trap - EXIT INT TERM HUP
        rm -rf --one-file-system "$work"
        [ ! -e "$work" ] || echo "fresh-root: could not remove $work" >&2
        exit "$rc"
    }
    trap remove_work EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM HUP
    # A private mount namespace keeps every mount of the root away from the host, and a PID
    # namespace ends every process started in the root (PostgreSQL servers, the console) when
    # the inner part ends, however it ends.
    unshare --mount --propagation private --pid --fork --kill-child --mount-proc \
        "$0" --inside-namespace "$work" "$@"
    exit 0
fi

# --- inner part: PID 1 of a new PID namespace, in a private mount namespace --------------------
work=$2
root=$work/root
logs=$work/logs
src=/src/cron-console
mkdir -p "$root" "$logs"

# --- timing ---------------------------------------------------------------------------------
t0=$EPOCHREALTIME
phase_names=() phase_times=() phase_verdicts=()
elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }'; }

unmount_root() {
    # Deepest first; lazily when something still holds a mount.
    local target
    findmnt -rn -o TARGET | grep -E "^$root(/|$)" | sort -r | while read -r target; do
        umount "$target" 2>/dev/null || umount -l "$target"
    done
    if findmnt -rn -o TARGET | grep -qE "^$root(/|$)"; then
        echo "fresh-root: mounts remain under $root" >&2
        return 1
    fi
}
remove_root() {
    local start=$EPOCHREALTIME
    # As PID 1 of its own PID namespace, kill -1 reaches exactly the processes this run
    # started in the root (PostgreSQL servers, the console), and nothing outside it.
    if [ $$ -eq 1 ]; then
        kill -KILL -1 2>/dev/null || true
        wait 2>/dev/null || true
    fi
    unmount_root || return 1
    rm -rf --one-file-system "$root"
    say "root unmounted and removed ($(elapsed_since "$start") s)"
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    if [ -d "$root" ]; then
        remove_root || rc=1
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'echo "fresh-root: interrupted" >&2; exit 130' INT
trap 'echo "fresh-root: terminated" >&2; exit 143' TERM HUP

# --- phases -------------------------------------------------------------------------------
print_times() {
    local i
    echo
    echo "=== fresh-root: time of each phase"
    for i in "${!phase_names[@]}"; do
        printf '%-4s %6s s  %s\n' "${phase_verdicts[$i]}" "${phase_times[$i]}" "${phase_names[$i]}"
    done
    # Not in $(…): a subshell counts no time of its own.
    times >"$logs/times"
    echo "total: $(elapsed_since "$t0") s; CPU time of the run (user, system):" \
        "$(tail -n 1 "$logs/times")"
}

# phase NAME LOG FUNCTION...: runs it with its output on stdout and in $logs/LOG; on failure
# prints what is missing (when it can tell), the times so far, and exits 1.
phase() {
    local name=$1 log=$logs/$2 start rc
    shift 2
    echo
    echo "=== fresh-root: $name"
    start=$EPOCHREALTIME
    set +e
    (set -e; "$@") 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    phase_names+=("$name")
    phase_times+=("$(elapsed_since "$start")")
    if [ "$rc" -eq 0 ]; then
        phase_verdicts+=(PASS)
        return 0
    fi
    phase_verdicts+=(FAIL)
    echo "fresh-root: FAILED: $name (exit status $rc)"
    # Ctrl-C: ninja, apt and ctest exit 130 themselves, so bash's INT trap may not fire.
    if [ "$rc" -eq 130 ]; then
        echo "fresh-root: interrupted" >&2
        print_times
        exit 130
    fi
    diagnose "$log" || true
    print_times
    exit 1
}

# A command in the root as root would type it after logging in: a fresh HOME, a plain
# environment, no display, no input; CI set, as CI systems set it (warnings are errors from the
# first Quick start command on, so the second reuses its build folder).
in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin CI="${CI:-true}" \
        /bin/bash -c "cd $src && $1" </dev/null
}

# --- the missing-package guard -----------------------------------------------------------------
# What the log says is missing, one need per line: dpkg -S patterns, any one of which would do.
# A subshell without errexit: a grep that finds nothing is the usual case.
missing_files() (
    set +e +o pipefail
    # CMake wraps its messages: one line of single spaces makes every message one phrase.
    local text
    text=$(tr '\n\t' '  ' <"$1" | tr -s ' ')
    {
        # Qt6Config.cmake: Expected Config file at "/usr/lib/.../Qt6Charts/Qt6ChartsConfig.cmake" does NOT exist
        grep -oE 'Expected Config file at "[^"]+" does NOT exist' <<<"$text" \
            | sed -E 's/^Expected Config file at "([^"]+)".*/\1/'
        # Qt's dependency helper: X could not be found because dependency Y could not be found.
        # CMake: Could not find a package configuration file provided by "Y"
        # CMake: Could NOT find Y (missing: Y_DIR)
        {
            grep -oE 'Could NOT find [A-Za-z0-9_]+ \(missing: [A-Za-z0-9_]+_DIR\)' <<<"$text" \
                | awk '{ print $4 }'
            grep -oE 'because dependency [A-Za-z0-9_]+ could not be found' <<<"$text" \
                | awk '{ print $3 }'
            grep -oE 'Could not find a package configuration file provided by "[^"]+"' <<<"$text" \
                | sed -E 's/.*"([^"]+)"$/\1/'
        } | while read -r package; do
            echo "*/${package}Config.cmake */$(tr '[:upper:]' '[:lower:]' <<<"$package")-config.cmake"
        done
        # compiler: fatal error: QtCharts/QChartView: No such file or directory
        grep -oE 'fatal error: [^ :]+: No such file or directory' <<<"$text" \
            | awk '{ sub(/:$/, "", $3); print "*/" $3 }'
        # a program: "bash: line 1: X: command not found", "sh: 1: X: not found",
        # "env: 'X': No such file or directory", "execvp: X: No such file or directory"
        {
            grep -oE '[A-Za-z0-9_.+-]+: command not found' <<<"$text" | sed 's/: .*//'
            grep -oE 'sh: [0-9]+: [A-Za-z0-9_.+/-]+: not found' <<<"$text" \
                | awk '{ sub(/:$/, "", $3); print $3 }'
            grep -oE "env: ['‘][^'’]+['’]: No such file or directory" <<<"$text" \
                | sed -E "s/^env: ['‘]([^'’]+).*/\1/"
            grep -oE 'execvp?: [A-Za-z0-9_.+/-]+: No such file or directory' <<<"$text" \
                | awk '{ sub(/:$/, "", $2); print $2 }'
        } | while read -r program; do
            case $program in
            /*) echo "$program" ;;
            *) echo "*bin/$program" ;;
            esac
        done
    } | awk '!seen[$0]++'
)

# "package[, package…]: /path" for every file matching one of the dpkg -S patterns: the host's
# dpkg database first (no download), then apt-file in the root, installed there only now.
apt_file_ready=
find_files() {
    local found='' regex
    if [[ $lookup == *host* ]]; then
        found=$(dpkg -S "$@" 2>/dev/null | grep -v '^diversion' || true)
    fi
    if [ -z "$found" ] && [[ $lookup == *apt-file* ]]; then
        if [ -z "$apt_file_ready" ]; then
            apt_file_ready=no
            # On stderr: stdout is the answer.
            say "looking the files up with apt-file in the root (installing it there)" >&2
            if in_root 'apt-get install -y -qq --no-install-recommends apt-file >/dev/null 2>&1 &&
                apt-file update >/dev/null 2>&1'; then
                apt_file_ready=yes
            else
                say "apt-file could not be installed or updated in the root" >&2
            fi
        fi
        if [ "$apt_file_ready" = yes ]; then
            # The globs as one regular expression; "*" is any prefix.
            regex=$(printf '%s\n' "$@" | sed -E 's/[].[^$\\+?(){}|]/\\&/g; s/\*/.*/g' | paste -sd '|')
            found=$(in_root "apt-file search --regexp '($regex)\$'" 2>/dev/null || true)
        fi
    fi
    [ -z "$found" ] || echo "$found"
}

installed_in_root() {
    # shellcheck disable=SC2016 # dpkg-query's own format
    chroot "$root" dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'
}

diagnose() {
    local need found line path packages package candidates named=false
    while read -r need; do
        [ -n "$need" ] || continue
        # A file the log names by full path may be there after all: then something else failed.
        if [[ $need != \** ]] && [ -e "$root$need" ]; then
            continue
        fi
        # shellcheck disable=SC2086 # the need's patterns are words
        found=$(find_files $need)
        [ -n "$found" ] || {
            say "$need: missing, and no Debian package found that has it"
            continue
        }
        candidates=() path=
        while read -r line; do
            packages=${line%%: /*}
            [ -n "$path" ] || path=/${line#*: /}
            for package in ${packages//,/ }; do
                package=${package%%:*}
                # Installed, yet missing: not an install step.
                if installed_in_root "$package"; then
                    continue 3
                fi
                [[ " ${candidates[*]} " == *" $package "* ]] || candidates+=("$package")
            done
        done <<<"$found"
        [ ${#candidates[@]} -le 5 ] || candidates=("${candidates[@]:0:5}" "…")
        packages=${candidates[*]}
        say "missing install step: $path is in package ${packages// / or }," \
            "which installer/build-deps.sh does not install"
        named=true
    done < <(missing_files "$1")
    $named || say "no missing Debian package recognised in the log"
    $named
}

# --- the phases ----------------------------------------------------------------------------
make_root() {
    local sources=() file
    # The host's own apt sources: whatever mirror this machine is set up with.
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] && grep -qE '^[[:space:]]*(deb|Types:)' "$file" && sources+=("$file")
    done
    [ ${#sources[@]} -gt 0 ] || die "the host has no apt sources in /etc/apt"
    # The .deb cache is bind-mounted for the download and kept (essential/unlink); it is
    # unmounted again before mmdebstrap empties the root's own cache.
    # shellcheck disable=SC2016 # $1 is the hook's argument, the root
    mmdebstrap --variant=minbase --mode=root --skip=essential/unlink \
        --setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
        --setup-hook="mount --bind '$cache' \"\$1/var/cache/apt/archives\"" \
        --customize-hook='umount "$1/var/cache/apt/archives"' \
        "$suite" "$root" "${sources[@]}"
    # The root is a mount point of its own, as / is on a machine: `ip netns exec` and `ip -n`
    # remount / as a slave in their own mount namespace, which fails on a plain folder.
    mount --bind "$root" "$root"
    # No service starts in the root (postgresql's, when build-deps.sh installs it).
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 0755 "$root/usr/sbin/policy-rc.d"
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --bind /dev "$root/dev"
    mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts "$root/dev/pts"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
    mount -t tmpfs -o mode=0755,nosuid,nodev run "$root/run"
    mount --bind "$cache" "$root/var/cache/apt/archives"
    # Tracked files only, as they are in the work tree (a stash commit, or HEAD when clean).
    local tree
    tree=$(git -C "$here" stash create)
    mkdir -p "$root$src"
    git -C "$here" archive --format=tar "${tree:-HEAD}" | tar -x -C "$root$src"
    say "root $root: $(chroot "$root" dpkg-query -W -f='.\n' | wc -l) packages," \
        "checkout $(git -C "$here" rev-parse --short HEAD)${tree:+ with its uncommitted changes} at $src"
}

# The README's Quick start commands: the sh block of the "## Quick start" section, one command
# per line after the comments.
readme_command() {
    awk '/^## Quick start/ { s = 1; next } s && /^## / { exit }
         s && /^```/ { b = !b; next } s && b && !/^[[:space:]]*(#|$)/ { print }' "$here/README.md" \
        | sed -n "${1}p"
}
first_command=$(readme_command 1)
second_command=$(readme_command 2)
if [ -z "$first_command" ] || [ -z "$second_command" ]; then
    die "README.md: no two commands in the sh block of ## Quick start"
fi
# The first command ends with the console, which runs until closed: everything before it runs
# as written, the console itself offscreen for a while.
console_command=${first_command##*&& }
build_command=${first_command% && *}
if [[ $console_command != *cron-console*--demo* ]] || [ "$build_command" = "$first_command" ]; then
    die "README.md: the first Quick start command does not end with '&& …cron-console --demo'"
fi

run_build_command() {
    echo "\$ $build_command"
    in_root "$build_command"
}

run_console() {
    local log=$logs/console.out deadline rc=0
    echo "\$ QT_QPA_PLATFORM=offscreen $console_command"
    install -d -m 0700 "$root/run/user-root"
    in_root "QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/run/user-root exec $console_command" \
        >"$log" 2>&1 &
    console_pid=$!
    deadline=$((SECONDS + console_seconds))
    while [ "$SECONDS" -lt "$deadline" ]; do
        if ! kill -0 "$console_pid" 2>/dev/null; then
            wait "$console_pid" || rc=$?
            console_pid=
            cat "$log"
            echo "the console exited with status $rc before ${console_seconds} s"
            return 1
        fi
        sleep 0.2
    done
    kill -TERM "$console_pid"
    deadline=$((SECONDS + 10))
    while kill -0 "$console_pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    kill -KILL "$console_pid" 2>/dev/null || true
    wait "$console_pid" || true
    console_pid=
    cat "$log"
    [ -f "$root/root/.local/share/cron-console/demo.db" ] || {
        echo "the console ran but made no demo database"
        return 1
    }
    echo "the console ran ${console_seconds} s on its demo database (then stopped with SIGTERM)"
}

run_status() {
    echo "\$ build/app/cronctl/cronctl status --json"
    in_root 'build/app/cronctl/cronctl status --json >/tmp/status.json'
    cat "$root/tmp/status.json"
    cat >"$root/tmp/check-status.py" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["success"] is True and doc["versao"] == "persistente", doc
jobs = [j for j in doc["cron_jobs"] if j["nome"] == "sgp_sync_inteligente"]
assert jobs, doc
keys = {"nome", "descricao", "intervalo_horas", "ativo", "last_run", "next_run",
        "total_execucoes", "ultima_duracao_segundos", "ultimo_status",
        "deve_executar_agora", "status_descricao"}
assert not keys - set(jobs[0]), keys - set(jobs[0])
print("seed-shaped JSON with sgp_sync_inteligente")
EOF
    in_root 'python3 /tmp/check-status.py /tmp/status.json'
}

run_packaging() {
    echo "\$ installer/ci-check.sh"
    in_root installer/ci-check.sh
}

run_tests() {
    echo "\$ CMAKE_ARGS=-DCRON_CONSOLE_WERROR=ON $second_command"
    in_root "export CMAKE_ARGS=-DCRON_CONSOLE_WERROR=ON && $second_command"
}

say "new Debian 12 root in $root, .deb cache $cache"
phase "new minimal Debian 12 root (mmdebstrap --variant=minbase $suite)" root.log make_root
phase "Quick start 1 (warnings as errors): $build_command" quickstart-1.log run_build_command
phase "Quick start 1: the console starts offscreen and stays up ${console_seconds} s" console.log run_console
phase "cronctl status --json" status.log run_status
phase "packaging checks (installer/ci-check.sh)" packaging.log run_packaging
phase "Quick start 2 (warnings as errors): $second_command" quickstart-2.log run_tests

remove_root
print_times
# ctest's closing lines end the log, as CI reads them.
echo
grep -E '^[0-9]+% tests passed|^Total Test time' "$logs/quickstart-2.log"
exit
}
