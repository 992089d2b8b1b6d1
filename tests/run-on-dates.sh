#!/bin/sh
# run-on-dates.sh: runs the whole test suite as if it were other days, under faketime.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Deadlines are counted in working days, so a test that reads the real date
# passes on a Wednesday and fails on a Sunday. This runs `meson test` on the
# days that have caught us out or could: a Saturday, a Sunday, Christmas Day,
# both days the clocks change (started a few minutes before the change, so
# that the suite runs across it) and 29 February. It needs the faketime
# package (in the Makefile's DEBS) and a build directory already built.
#
#   tests/run-on-dates.sh [BUILD_DIR] [meson test arguments…]
#
# Each day's log is kept as BUILD_DIR/meson-logs/dates-YYYY-MM-DD.txt (and
# .json); the last lines say what passed and failed on which day. The exit
# status is 0 only when every day passed.

set -u

build=${1:-_build}
[ $# -gt 0 ] && shift

if ! command -v faketime >/dev/null 2>&1; then
  echo "run-on-dates.sh: faketime is not installed (Debian package faketime)" >&2
  exit 2
fi
if [ ! -f "$build/build.ninja" ]; then
  echo "run-on-dates.sh: $build is not a meson build directory; build first" >&2
  exit 2
fi

# Build now, at today's date: under faketime, ninja would see sources
# "from the future" and meson's own checks would run at the faked time.
meson compile -C "$build" >/dev/null || exit 2

# Times are given in UTC (as seconds since 1970 for libfaketime), so that
# the ambiguous hour of the autumn change means the one meant here.
# 00:55 UTC on 28 March 2027 is five minutes before 01:00 GMT becomes 02:00
# BST; 00:55 UTC on 25 October 2026 and on 31 October 2027 is 01:55 BST,
# five minutes before 02:00 BST becomes 01:00 GMT.
dates="
2026-10-25T00:55:00Z clocks_go_back
2027-10-31T00:55:00Z clocks_go_back
2027-03-28T00:55:00Z clocks_go_forward
2026-12-25T12:00:00Z Christmas_Day
2028-02-29T12:00:00Z leap_day
2026-12-05T12:00:00Z Saturday
2026-12-06T12:00:00Z Sunday
"

status=0
logs="$build/meson-logs"

echo "$dates" | while read -r when label; do
  [ -z "$when" ] && continue
  day=${when%%T*}
  epoch=$(date -u -d "$when" +%s) || exit 2
  echo "== $day ($label): meson test under faketime, from $when"
  # The monotonic clock is faked too: with it left alone, libfaketime
  # 0.9.10 turns Python 3.11's time.sleep() (an absolute clock_nanosleep on
  # CLOCK_MONOTONIC) into EINVAL, and the end-to-end tests fail to wait.
  # NO_FAKE_STAT: files keep their real stamps. Otherwise libfaketime
  # shifts them, and fontconfig, seeing font folders "changed", rewrites
  # the machine's own cache in /var/cache/fontconfig with those shifted
  # stamps for every program run afterwards, faked or not.
  NO_FAKE_STAT=1 FAKETIME_FMT=%s \
    faketime -f "@$epoch" \
    meson test -C "$build" --no-rebuild --num-processes 2 --print-errorlogs \
               --logbase "dates-$day" "$@" >"$logs/dates-$day.out" 2>&1
  rc=$?
  report=$(/usr/bin/python3 "$(dirname "$0")/../build-aux/test-summary.py" "$logs/dates-$day.json")
  failures=$(echo "$report" | sed -n 's/^FAILED: //p' | tr '\n' ' ')
  echo "$day ($label): $(echo "$report" | tail -n 1) (exit $rc) ${failures:+failed: $failures}"
done | tee "$logs/dates-summary.txt"

# The loop ran in a pipeline (a subshell): read its verdict back.
if grep -q '(exit [1-9]' "$logs/dates-summary.txt"; then
  status=1
fi
echo
echo "Per date:"
grep '^[0-9]' "$logs/dates-summary.txt"
exit $status
