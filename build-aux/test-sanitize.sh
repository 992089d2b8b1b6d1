#!/bin/sh
# test-sanitize.sh BUILD_DIR: builds the core, the CLI and their tests with
# AddressSanitizer and UndefinedBehaviorSanitizer in their own build folder,
# then runs the `core` and `reliability` suites there.
#
# The GUI and its tests (suites gui and e2e) are left out: they need a display
# server, GTK's own leaks at exit would have to be suppressed wholesale, and
# building GTK-linked code under ASan doubles the time on CI's two cores. The
# GUI calls the same services as the CLI, and those are what the suites cover.
#
# Any undefined behaviour stops the program (-fno-sanitize-recover=all), so a
# finding fails its test instead of scrolling past in a log.
set -eu

build=${1:-_build-sanitize}
srcdir=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --prefix=/usr/local \
    -Db_sanitize=address,undefined -Db_lundef=false \
    "-Dc_args=['-fno-sanitize-recover=all','-fno-omit-frame-pointer']"
fi

# meson's view of the targets is only as new as build.ninja: bring it up to
# date first, or tests added since the last build are missing.
ninja -C "$build" build.ninja

# Everything the two suites need, and nothing that links GTK.
targets=$(meson introspect "$build" --targets | /usr/bin/python3 -c '
import json, os, sys
src = sys.argv[1]
skip = ("app/gui/", "tests/gui/", "tests/e2e/", "tests/bench/", "tests/fuzz/", "ui/", "help/")
for target in json.load(sys.stdin):
    where = os.path.relpath(target["defined_in"], src)
    if not target["build_by_default"] or where.startswith(skip):
        continue
    for name in target["filename"]:
        print(os.path.relpath(name, os.path.abspath(sys.argv[2])))
' "$srcdir" "$build")
# shellcheck disable=SC2086 # one target a word
ninja -C "$build" $targets

# Leak reports from inside fontconfig and cairo are their caches, kept for the
# life of the process (see the suppression file); everything else counts.
export LSAN_OPTIONS="suppressions=$srcdir/build-aux/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# intercept_tls_get_addr=0: the runtime of GCC 12 (Debian 12) takes a
# thread's dynamic TLS block that starts 16 bytes into a page for one with
# a glibc 2.19 header, reads a range from the two words before it, and the
# leak check's tracer dies scanning it ("Tracer caught signal 11": twice in
# 57 runs of test-cli-passwords under load, and once in CI). Those blocks
# are malloc'd and reachable from the thread's own data, so the check still
# sees what they point to.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:intercept_tls_get_addr=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

meson test -C "$build" --no-rebuild --print-errorlogs --num-processes 2 \
  --timeout-multiplier 4 --suite core --suite reliability
