#!/usr/bin/env bash
# The README's picture of the console's alerts (issue 17): under Xvfb with openbox, trayer (an
# XEmbed system tray, for the tray icon and its count) and dunst (a freedesktop notification
# server) on a private session bus, cron-console --demo shows its tray icon and a desktop
# notification over D-Bus. Saves a PNG of the screen. Builds nothing.
#   tests/screenshot-alerts.sh BINARY [OUTPUT.png]
# CRON_SHOT_SETTLE (seconds, default 6) waits after the window appears.
set -euo pipefail

binary=${1:?usage: tests/screenshot-alerts.sh BINARY [OUTPUT.png]}
output=${2:-tray-alerts.png}
settle=${CRON_SHOT_SETTLE:-6}
size=${CRON_SHOT_SIZE:-1280x800}

for tool in Xvfb import xwininfo openbox trayer dunst dbus-daemon; do
    command -v "$tool" >/dev/null || { echo "screenshot: $tool is not installed" >&2; exit 1; }
done

home=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$home"
}
trap cleanup EXIT

display=""
for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
        display=":$n"
        break
    fi
done
[ -n "$display" ] || { echo "screenshot: no free X display" >&2; exit 1; }

Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
deadline=$((SECONDS + 10))
until xwininfo -display "$display" -root >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "screenshot: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
done
export DISPLAY="$display" HOME="$home" XDG_RUNTIME_DIR="$home"
unset WAYLAND_DISPLAY

# A session bus of this run's own, for dunst and the console.
dbus-daemon --session --nofork --print-address=3 3>"$home/bus" &
pids+=($!)
deadline=$((SECONDS + 10))
until [ -s "$home/bus" ]; do
    [ $SECONDS -lt $deadline ] || { echo "screenshot: dbus-daemon did not start" >&2; exit 1; }
    sleep 0.1
done
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$home/bus")
export DBUS_SESSION_BUS_ADDRESS

openbox >/dev/null 2>&1 &
pids+=($!)
trayer --edge bottom --align right --widthtype pixel --width 64 --height 28 \
    --transparent false --tint 0x303030 >/dev/null 2>&1 &
pids+=($!)
mkdir -p "$home/.config/dunst"
cat >"$home/.config/dunst/dunstrc" <<'RC'
[global]
    origin = top-right
    offset = 16x48
    width = 420
    font = DejaVu Sans 11
    frame_width = 2
    frame_color = "#c0392b"
    padding = 10
    horizontal_padding = 12
    timeout = 0
[urgency_critical]
    background = "#fff4f2"
    foreground = "#222222"
    frame_color = "#c0392b"
    timeout = 0
[urgency_normal]
    background = "#f4f8ff"
    foreground = "#222222"
    timeout = 0
RC
dunst -config "$home/.config/dunst/dunstrc" >"$home/dunst.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 10))
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null \
        | grep -q 'boolean true'; do
    [ $SECONDS -lt $deadline ] || { echo "screenshot: dunst did not take the bus name" >&2; cat "$home/dunst.log" >&2; exit 1; }
    sleep 0.1
done

QT_QPA_PLATFORM=xcb LANG="${LANG:-C.UTF-8}" "$binary" --demo >"$home/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
deadline=$((SECONDS + 20))
until xwininfo -root -tree 2>/dev/null | grep -q 'cron-console\|Cron Console\|sqlite:'; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "screenshot: the console exited:" >&2
        cat "$home/app.log" >&2
        exit 1
    fi
    [ $SECONDS -lt $deadline ] || { echo "screenshot: no window after 20 s" >&2; exit 1; }
    sleep 0.2
done
sleep "$settle"
import -window root "$output"
echo "screenshot: saved $output"
