#!/usr/bin/env bash
# Starts cron-console under Xvfb with --demo and a throwaway HOME, waits for its window and
# saves a PNG of the screen. Builds nothing.
#   tests/screenshot.sh BINARY [OUTPUT.png] [EXTRA ARGS...]
# CRON_SHOT_SETTLE (seconds, default 3) waits after the window appears, for the first load.
# CRON_SHOT_SIZE (default 1280x800) is the screen size.
# CRON_SHOT_KEYS (xdotool key names, e.g. "alt+2" for the History tab) are typed into the
# window after it has settled, then it settles again.
set -euo pipefail

binary=${1:?usage: tests/screenshot.sh BINARY [OUTPUT.png] [EXTRA ARGS...]}
output=${2:-console.png}
shift $(( $# >= 2 ? 2 : 1 ))
settle=${CRON_SHOT_SETTLE:-3}
size=${CRON_SHOT_SIZE:-1280x800}

for tool in Xvfb import xwininfo; do
    command -v "$tool" >/dev/null || { echo "screenshot: $tool is not installed" >&2; exit 1; }
done

home=$(mktemp -d)
display=""
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$home"
}
trap cleanup EXIT

# A free display number: Xvfb refuses one that is taken.
for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
        display=":$n"
        break
    fi
done
[ -n "$display" ] || { echo "screenshot: no free X display" >&2; exit 1; }

Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
deadline=$((SECONDS + 10))
until xwininfo -display "$display" -root >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "screenshot: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
done

env -u WAYLAND_DISPLAY HOME="$home" XDG_RUNTIME_DIR="$home" DISPLAY="$display" \
    QT_QPA_PLATFORM=xcb LANG="${LANG:-C.UTF-8}" "$binary" --demo "$@" >"$home/app.log" 2>&1 &
app_pid=$!

deadline=$((SECONDS + 20))
until xwininfo -display "$display" -root -tree 2>/dev/null | grep -q 'cron-console\|Cron Console\|sqlite:'; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "screenshot: the console exited:" >&2
        cat "$home/app.log" >&2
        exit 1
    fi
    [ $SECONDS -lt $deadline ] || { echo "screenshot: no window after 20 s" >&2; exit 1; }
    sleep 0.2
done
sleep "$settle"
if [ -n "${CRON_SHOT_KEYS:-}" ]; then
    command -v xdotool >/dev/null || { echo "screenshot: CRON_SHOT_KEYS needs xdotool" >&2; exit 1; }
    window=$(DISPLAY="$display" xdotool search --onlyvisible --name 'sqlite:' | head -1)
    # No window manager here: give the window the focus ourselves (Qt ignores sent events).
    DISPLAY="$display" xdotool windowfocus --sync "$window"
    for key in $CRON_SHOT_KEYS; do
        DISPLAY="$display" xdotool key "$key"
    done
    sleep "$settle"
fi
import -display "$display" -window root "$output"
echo "screenshot: saved $output"
