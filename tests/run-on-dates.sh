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
#   DATES="2026-12-05 2028-02-29" tests/run-on-dates.sh …   (only those days)
#
# The GUI tests need an X server (Xvfb) and a session bus, and the
# end-to-end tests also the accessibility bus and dogtail: where one is
# missing, that suite is left out, saying what it lacks, rather than
# failing on every date for a reason that has nothing to do with dates.
#
# Each day's log is kept as BUILD_DIR/meson-logs/dates-YYYY-MM-DD.txt (and
# .json); the last lines say what passed and failed on which day, suite by
# suite. The exit status is 0 only when every day passed.

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

# Which display suites this machine can run.
gui_lacks=""
for program in Xvfb dbus-run-session; do
  command -v "$program" >/dev/null 2>&1 || gui_lacks="$gui_lacks $program"
done
e2e_lacks=$gui_lacks
if [ ! -x /usr/libexec/at-spi-bus-launcher ] &&
   [ ! -x /usr/lib/at-spi2-core/at-spi-bus-launcher ]; then
  e2e_lacks="$e2e_lacks at-spi2-core"
fi
if ! /usr/bin/python3 -c 'import dogtail, pyatspi' >/dev/null 2>&1; then
  e2e_lacks="$e2e_lacks python3-dogtail/python3-pyatspi"
fi
leave_out=""
if [ -n "$gui_lacks" ]; then
  echo "run-on-dates.sh: leaving out the gui suite: no$gui_lacks" >&2
  leave_out="$leave_out --no-suite gui"
fi
if [ -n "$e2e_lacks" ]; then
  echo "run-on-dates.sh: leaving out the e2e suite: no$e2e_lacks" >&2
  leave_out="$leave_out --no-suite e2e"
else
  echo "run-on-dates.sh: the e2e suite runs too (Xvfb, AT-SPI and dogtail are here)" >&2
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
  if [ -n "${DATES:-}" ]; then
    case " $DATES " in
      *" $day "*) ;;
      *) continue ;;
    esac
  fi
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
               --logbase "dates-$day" $leave_out "$@" >"$logs/dates-$day.out" 2>&1
  rc=$?
  report=$(/usr/bin/python3 "$(dirname "$0")/../build-aux/test-summary.py" "$logs/dates-$day.json")
  failures=$(echo "$report" | sed -n 's/^FAILED: //p' | tr '\n' ' ')
  echo "$day ($label): $(echo "$report" | tail -n 1) (exit $rc) ${failures:+failed: $failures}"
  suites=$(/usr/bin/python3 - "$logs/dates-$day.json" 2>/dev/null <<'COUNT'
import json, sys
counts = {}
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if line.strip():
            entry = json.loads(line)
            # "redress:core / test-store": the suite is between ':' and ' / '
            suite = entry["name"].split(" / ")[0].split(":")[-1]
            passed, total = counts.get(suite, (0, 0))
            counts[suite] = (passed + (entry["result"] in ("OK", "EXPECTEDFAIL")), total + 1)
print(", ".join(f"{suite} {p}/{t}" for suite, (p, t) in sorted(counts.items())))
COUNT
  )
  echo "  by suite: $suites"
done | tee "$logs/dates-summary.txt"

# The loop ran in a pipeline (a subshell): read its verdict back.
if grep -q '(exit [1-9]' "$logs/dates-summary.txt"; then
  status=1
fi
echo
echo "Per date:"
grep -v '^==' "$logs/dates-summary.txt"
exit $status
