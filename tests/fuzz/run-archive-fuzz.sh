#!/bin/sh
# run-archive-fuzz.sh: builds the case archive reader's libFuzzer harness
# with clang and AddressSanitizer, writes a seed corpus of valid and broken
# archives, and fuzzes for 10 minutes (or SECONDS_TO_RUN). Not part of
# meson test or CI. Needs clang and libclang-rt-14-dev:
#   apt-get install -y --no-install-recommends clang libclang-rt-14-dev
# Usage: tests/fuzz/run-archive-fuzz.sh [SECONDS_TO_RUN]
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/_build-fuzz}
seconds=${1:-600}
work=${FUZZ_WORK:-$build/fuzz-archive-run}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dwerror=false \
    -Dbuildtype=debugoptimized
fi
meson compile -C "$build" tests/fuzz/fuzz-archive tests/fuzz/fuzz-archive-seeds

rm -rf "$work"
mkdir -p "$work/seeds" "$work/corpus" "$work/crashes"
"$build/tests/fuzz/fuzz-archive-seeds" "$work/seeds"

# Staging files go to a RAM disk when there is one: faster, and nothing
# is left on the real disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"

cd "$work"
status=0
"$build/tests/fuzz/fuzz-archive" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/crashes/" \
  "$work/corpus" "$work/seeds" 2>&1 | tee "$work/fuzz.log" || status=$?

crashes=$(find "$work/crashes" -type f | wc -l)
echo "== Seeds: $(ls "$work/seeds" | wc -l); corpus now: $(ls "$work/corpus" | wc -l) inputs"
grep -E '^(#[0-9]+.*DONE|Done [0-9]+ runs)' "$work/fuzz.log" | tail -2 || true
grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$work/fuzz.log" || true
echo "== Crashes, leaks and timeouts found: $crashes (in $work/crashes)"
[ "$crashes" = 0 ] && [ "$status" = 0 ]
