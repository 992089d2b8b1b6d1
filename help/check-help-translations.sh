#!/bin/sh
# check-help-translations.sh: the user help is translated completely and
# validly into every language of help/LINGUAS.
# Usage: check-help-translations.sh [HELP_DIR]
#
# A template is made afresh from today's help/C pages with itstool, so a
# sentence added to or changed in the English help fails here until each
# language has it, as po/check-translations.sh does for the interface. Each
# help/LANG/LANG.po must compile (msgfmt --check) with nothing fuzzy or
# untranslated, and the pages merged with it must still be valid Mallard:
# a translation that breaks a <gui> or a <link> is caught here, not by yelp.
set -eu
help=${1:-$(dirname "$0")}
cd "$help"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pages=$(ls C/*.page)
itstool -o "$work/help.pot" $pages
total=$(grep -c '^msgid ' "$work/help.pot")
total=$((total - 1))   # the header's empty msgid

langs=$(sed 's/#.*//' LINGUAS)
if [ -z "$(echo $langs)" ]; then
  echo "help/LINGUAS names no language"
  exit 1
fi

status=0
for lang in $langs; do
  po="$lang/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: help/LINGUAS names it, but help/$po does not exist"
    status=1
    continue
  fi
  if ! msgfmt --check --statistics --output-file="$work/$lang.mo" "$po" 2>"$work/stats"; then
    echo "$lang: help/$po does not compile:"
    sed 's/^/  /' "$work/stats"
    status=1
    continue
  fi
  # msgfmt says "N translated messages, N fuzzy translations, N untranslated
  # messages." and leaves out the kinds it has none of.
  if grep -q 'fuzzy\|untranslated' "$work/stats"; then
    echo "$lang: help/$po is not complete: $(cat "$work/stats")"
    status=1
  fi

  # Every message of today's pages has its translation. Messages the pages
  # no longer have (obsolete ones) do not count.
  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.merged.po" "$po" "$work/help.pot"
  missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.merged.po" \
            | grep '^msgid "..*"' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.merged.po" \
          | grep '^msgid "..*"' || true)
  if [ -n "$missing$fuzzy" ]; then
    count=$(printf '%s\n%s\n' "$missing" "$fuzzy" | grep -c . || true)
    echo "$lang: $count of the $total messages of help/C have no translation in help/$po" \
         "(run ninja help-redress-update-po, then translate):"
    printf '%s\n%s\n' "$missing" "$fuzzy" | grep . | head -10 | sed 's/^/  /'
    status=1
    continue
  fi

  # The merged pages are what yelp shows: they must be valid Mallard.
  # itstool keeps the English of a message whose translation is not
  # well-formed, and only warns: that warning fails the check.
  mkdir "$work/$lang"
  itstool -m "$work/$lang.mo" --lang "$lang" -o "$work/$lang/" $pages 2>"$work/merge"
  if [ -s "$work/merge" ]; then
    echo "$lang: some translations in help/$po could not be merged into the pages:"
    sed 's/^/  /' "$work/merge"
    status=1
    continue
  fi
  if command -v yelp-check >/dev/null 2>&1; then
    check="yelp-check validate"
  else
    check="xmllint --noout"
  fi
  if ! $check "$work/$lang"/*.page >"$work/valid" 2>&1 || [ -s "$work/valid" ]; then
    echo "$lang: the pages merged with help/$po are not valid ($check):"
    sed 's/^/  /' "$work/valid"
    status=1
    continue
  fi
  echo "$lang: complete and valid, $total messages"
done
exit $status
