#!/bin/sh
# check-deb.sh: the Debian package builds from a clean copy of the tree,
# lintian finds nothing beyond the overrides in debian/, and the package
# holds the programs, help, manual pages and completion.
# Usage: check-deb.sh SOURCE_ROOT
# Exits 77 (skipped) where debhelper or lintian is not installed.
set -eu
root=$1

for tool in dpkg-buildpackage dh lintian; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (apt-get install debhelper lintian devscripts)"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
# A clean copy of what git tracks, as a release tarball would have it.
git -C "$root" ls-files -z | (cd "$root" && xargs -0 tar -cf -) | tar -xf - -C "$work/src"

(cd "$work/src" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
  dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1) || {
  tail -40 "$work/build.log"; echo "dpkg-buildpackage failed"; exit 1; }

deb=$(ls "$work"/redress_*.deb)
echo "Built $(basename "$deb")"

status=0
lintian --fail-on error,warning \
  "$deb" >"$work/lintian.log" 2>&1 || status=1
cat "$work/lintian.log"
[ $status = 0 ] || echo "lintian found problems"

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/redress ./usr/bin/redress-cli \
         ./usr/share/applications/app.redress.Redress.desktop \
         ./usr/share/metainfo/app.redress.Redress.metainfo.xml \
         ./usr/share/glib-2.0/schemas/app.redress.Redress.gschema.xml \
         ./usr/share/help/C/redress/index.page \
         ./usr/share/man/man1/redress-cli.1.gz \
         ./usr/share/bash-completion/completions/redress-cli; do
  echo "$contents" | grep -q " $f\$" || { echo "not in the package: $f"; status=1; }
done

# The packaged CLI runs from the unpacked tree.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/redress-cli" workdays 2024-11-04 2024-11-18 | grep -qx 10 ||
  { echo "the packaged redress-cli does not count working days"; status=1; }

[ $status = 0 ] && echo "The package builds, is lintian clean and holds what it should."
exit $status
