#!/usr/bin/env bash
# Opens one console dialog under Xvfb with openbox and sweeps the pointer over all of it, then
# over a coarser grid resting 0.75 s (tooltips), printing the dialog's geometry (xdotool) before,
# after and at each change. Issue 16's walk-through saw a dialog grow under the mouse.
#   tests/tools/hover-dialogs.sh BINARY NAME [CONSOLE ARGS...]
#   e.g. tests/tools/hover-dialogs.sh build/app/console/cron-console new --show-dialog new
# SIZE (default 1280x760): the screen. KEYS: xdotool keys typed into the main window first (e.g.
# ctrl+shift+e for Export). DKEYS: keys typed into the dialog first, "type:a_b" types "a b".
# EXTRAENV: more VAR=value words for the console (LANGUAGE=pt_BR, a KDE colour scheme...).
# Leaves NAME-before.png and NAME-after.png in OUTDIR (default .).
set -uo pipefail
binary=${1:?usage: hover-dialogs.sh BINARY NAME [ARGS...]}
name=${2:?usage: hover-dialogs.sh BINARY NAME [ARGS...]}
shift 2
size=${SIZE:-1280x760}
outdir=${OUTDIR:-.}
for tool in Xvfb openbox xdotool xwininfo import; do
    command -v "$tool" >/dev/null || { echo "hover-dialogs: $tool is not installed" >&2; exit 1; }
done
home=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$home"
}
trap cleanup EXIT
display=""
for n in $(seq 150 199); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "hover-dialogs: no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
deadline=$((SECONDS + 10))
until xwininfo -root >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "hover-dialogs: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
done
HOME=$home openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1
# shellcheck disable=SC2086 # EXTRAENV is a list of words
env -u WAYLAND_DISPLAY HOME="$home" XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=xcb ${EXTRAENV:-} \
    "$binary" --demo "$@" >"$home/app.log" 2>&1 &
pids+=($!)

main=""
deadline=$((SECONDS + 20))
until main=$(xdotool search --onlyvisible --name 'sqlite:' 2>/dev/null | head -1) && [ -n "$main" ]; do
    [ $SECONDS -lt $deadline ] || { echo "hover-dialogs: no window after 20 s" >&2; exit 1; }
    sleep 0.2
done
sleep 3 # the first load
if [ -n "${KEYS:-}" ]; then
    xdotool windowactivate --sync "$main" 2>/dev/null
    for key in $KEYS; do xdotool key "$key"; sleep 0.5; done
    sleep 2
fi
dialog=""
deadline=$((SECONDS + 10))
while [ -z "$dialog" ] && [ $SECONDS -lt $deadline ]; do
    for window in $(xdotool search --onlyvisible --classname cron-console 2>/dev/null); do
        case "$(xdotool getwindowname "$window" 2>/dev/null)" in *sqlite:*) continue ;; esac
        dialog=$window
        break
    done
    [ -n "$dialog" ] || sleep 0.2
done
[ -n "$dialog" ] || { echo "$name: no dialog opened" >&2; exit 1; }
if [ -n "${DKEYS:-}" ]; then
    set -f
    for key in $DKEYS; do
        case $key in
        type:*) text=${key#type:}; xdotool type --delay 30 "${text//_/ }" ;;
        *) xdotool key "$key" ;;
        esac
        sleep 0.4
    done
    set +f
    sleep 3
fi
geometry() { xdotool getwindowgeometry "$dialog" 2>/dev/null | sed -n 's/.*Geometry: //p'; }
eval "$(xdotool getwindowgeometry --shell "$dialog")"
start=$(geometry)
last=$start
echo "$name: '$(xdotool getwindowname "$dialog")' $start at $X,$Y"
import -window root "$outdir/$name-before.png"
for pass in sweep rest; do
    if [ $pass = sweep ]; then stepY=5; stepX=10; dwell=0.005; else stepY=50; stepX=100; dwell=0.75; fi
    for ((y = 2; y < HEIGHT; y += stepY)); do
        moves=()
        for ((x = 2; x < WIDTH; x += stepX)); do
            moves+=(mousemove $((X + x)) $((Y + y)) sleep $dwell)
        done
        xdotool "${moves[@]}"
        now=$(geometry)
        if [ "$now" != "$last" ]; then
            echo "  $pass, pointer row $y: $last -> $now"
            last=$now
        fi
    done
done
echo "$name: $(geometry) after the sweep (was $start)"
import -window root "$outdir/$name-after.png"
