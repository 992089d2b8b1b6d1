#!/bin/sh
# run-gui-test.sh: runs one test program on its own Xvfb display and session bus.
# Usage: run-gui-test.sh [--a11y] PROGRAM [ARGS...]
set -u

a11y=0
if [ "${1:-}" = "--a11y" ]; then
  a11y=1
  shift
fi

runtime=$(mktemp -d "${TMPDIR:-/tmp}/redress-gui-XXXXXX")
chmod 700 "$runtime"
displayfile="$runtime/display"

# Xvfb writes the display number it chose on fd 3, so parallel tests never
# fight over a display number.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$displayfile" 2>"$runtime/xvfb.log" &
xvfb_pid=$!
cleanup() {
  kill "$xvfb_pid" 2>/dev/null
  wait "$xvfb_pid" 2>/dev/null
  rm -rf "$runtime"
}
trap cleanup EXIT INT TERM

i=0
while [ ! -s "$displayfile" ] && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
if [ ! -s "$displayfile" ]; then
  echo "Xvfb did not start:" >&2
  cat "$runtime/xvfb.log" >&2
  exit 1
fi

export DISPLAY=":$(head -n1 "$displayfile")"
export XDG_RUNTIME_DIR="$runtime"
export GDK_BACKEND=x11
export GSETTINGS_BACKEND=memory
export GDK_DEBUG=gl-disable
export NO_AT_BRIDGE=0
unset WAYLAND_DISPLAY
if [ $a11y -eq 0 ]; then
  export GTK_A11Y=none
fi

dbus-run-session -- "$@"
