#!/bin/sh
# check-install.sh: `meson install` into a scratch DESTDIR puts every file the
# README's "Installing" section promises where the desktop looks for it.
# Usage: check-install.sh BUILD_DIR PREFIX
set -eu
build=$1
prefix=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --no-rebuild --destdir "$dest" --quiet >"$dest.log" 2>&1 || {
  cat "$dest.log"; rm -f "$dest.log"; echo "meson install failed"; exit 1; }
rm -f "$dest.log"

root=$dest$prefix
status=0
for f in \
  bin/redress \
  bin/redress-cli \
  share/applications/app.redress.Redress.desktop \
  share/dbus-1/services/app.redress.Redress.service \
  share/metainfo/app.redress.Redress.metainfo.xml \
  share/glib-2.0/schemas/app.redress.Redress.gschema.xml \
  share/icons/hicolor/scalable/apps/app.redress.Redress.svg \
  share/icons/hicolor/symbolic/apps/app.redress.Redress-symbolic.svg \
  share/help/C/redress/index.page \
  share/help/C/redress/getting-started.page \
  share/help/C/redress/diary.page \
  share/help/C/redress/deadlines.page \
  share/help/C/redress/evidence.page \
  share/help/C/redress/bundle.page \
  share/help/C/redress/advisers.page \
  share/help/C/redress/privacy.page \
  share/man/man1/redress.1 \
  share/man/man1/redress-cli.1 \
  share/bash-completion/completions/redress-cli
do
  if [ ! -s "$root/$f" ]; then
    echo "not installed: $prefix/$f"
    status=1
  fi
done

# Every language in po/LINGUAS installs its catalogue.
for lang in $(sed 's/#.*//' "$(dirname "$0")/../../po/LINGUAS"); do
  if [ ! -s "$root/share/locale/$lang/LC_MESSAGES/redress.mo" ]; then
    echo "not installed: $prefix/share/locale/$lang/LC_MESSAGES/redress.mo"
    status=1
  fi
done

# Every language in help/LINGUAS installs the whole help, merged with its
# translation, and what is installed is valid Mallard for yelp to show.
src=$(dirname "$0")/../..
if command -v yelp-check >/dev/null 2>&1; then
  validate="yelp-check validate"
else
  validate="xmllint --noout"
fi
for lang in $(sed 's/#.*//' "$src/help/LINGUAS"); do
  for page in "$src"/help/C/*.page; do
    f=share/help/$lang/redress/$(basename "$page")
    if [ ! -s "$root/$f" ]; then
      echo "not installed: $prefix/$f"
      status=1
    elif ! out=$($validate "$root/$f" 2>&1) || [ -n "$out" ]; then
      echo "not valid ($validate): $prefix/$f"
      echo "$out" | sed 's/^/  /'
      status=1
    elif cmp -s "$root/$f" "$page"; then
      echo "installed untranslated: $prefix/$f"
      status=1
    fi
  done
done

# The installed programs run from where they were installed.
"$root/bin/redress-cli" --version >/dev/null || { echo "installed redress-cli does not run"; status=1; }

[ $status = 0 ] && echo "Every promised file is installed under $prefix."
exit $status
