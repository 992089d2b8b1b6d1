#!/bin/sh
# orca-listen.sh: runs Orca on the sample case under Xvfb and writes what it
# says, key by key, beside what test-spoken-e2e.py reads over AT-SPI.
# Usage: tests/e2e/orca-listen.sh [BUILD_DIR [OUTPUT]]
# (`make orca-listen` runs it on _build; Orca 43 is Debian 12's `orca`).
# Orca runs once per user on a machine: no other Orca may be running.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
output=${2:-$build/tests/e2e/orca-transcript.txt}

if [ ! -x "${ORCA:-/usr/bin/orca}" ]; then
  echo "Orca is not installed: apt-get install orca" >&2
  exit 77
fi
for program in "$build/app/gui/redress" "$build/app/cli/redress-cli"; do
  if [ ! -x "$program" ]; then
    echo "$program is not built: meson compile -C $build redress redress-cli" >&2
    exit 1
  fi
done
mkdir -p "$(dirname "$output")"

# The environment meson gives the end-to-end tests (tests/meson.build).
export REDRESS_APP="$build/app/gui/redress"
export REDRESS_CLI="$build/app/cli/redress-cli"
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSETTINGS_BACKEND=memory
export LC_ALL=C.UTF-8
export TZ=Europe/London

exec "$top/tests/gui/run-gui-test.sh" --a11y /usr/bin/python3 "$top/tests/e2e/orca-listen.py" "$output"
