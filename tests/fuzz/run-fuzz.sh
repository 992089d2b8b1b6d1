#!/bin/sh
# run-fuzz.sh: builds the libFuzzer harnesses with clang and AddressSanitizer
# in _build-fuzz and runs each in turn for SECONDS (default 1800), one at a
# time, starting from the seed corpora in tests/fuzz/seeds/. Prints, for
# each, the executions, the coverage and what it found. Not part of meson
# test or CI. Installs clang and libclang-rt-14-dev first when they are
# missing (as root).
# Usage: tests/fuzz/run-fuzz.sh [SECONDS] [case-json|email|media|archive ...]
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/_build-fuzz}
seconds=${1:-1800}
[ $# -gt 0 ] && shift
harnesses=${*:-case-json email media archive}
runs=${FUZZ_WORK:-$build/fuzz-runs}

if ! command -v clang >/dev/null || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "run-fuzz.sh: needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2
    exit 77
  fi
  apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dwerror=false \
    -Dbuildtype=debugoptimized
fi

# Staging and scratch files go to a RAM disk when there is one.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
# A small quarantine: with the default 256 MB, recycling it on a loaded
# machine stalled single inputs past the timeout.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:quarantine_size_mb=32:${ASAN_OPTIONS:-}"

failed=0
for name in $harnesses; do
  meson compile -C "$build" "tests/fuzz/fuzz-$name" >/dev/null
  work=$runs/$name
  mkdir -p "$work/corpus" "$work/crashes"
  if [ "$name" = archive ]; then
    meson compile -C "$build" tests/fuzz/fuzz-archive-seeds >/dev/null
    rm -rf "$work/seeds"
    mkdir -p "$work/seeds"
    "$build/tests/fuzz/fuzz-archive-seeds" "$work/seeds"
    seeds=$work/seeds
  else
    seeds=$top/tests/fuzz/seeds/$name
  fi
  echo "== fuzz-$name for $seconds s"
  status=0
  (cd "$work" && "$build/tests/fuzz/fuzz-$name" \
     -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1 -artifact_prefix="$work/crashes/" \
     "$work/corpus" "$seeds") >"$work/fuzz.log" 2>&1 || status=$?
  found=$(find "$work/crashes" -type f | wc -l)
  grep -E '^#[0-9]+' "$work/fuzz.log" | tail -1 || true
  grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$work/fuzz.log" || true
  echo "   corpus: $(ls "$work/corpus" | wc -l) inputs; crashes, leaks and timeouts: $found (in $work/crashes)"
  if [ "$found" != 0 ] || [ "$status" != 0 ]; then
    failed=1
  fi
done
exit $failed
