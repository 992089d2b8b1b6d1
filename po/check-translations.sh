#!/bin/sh
# check-translations.sh: every language in po/LINGUAS is valid and complete.
# Each .po must compile with msgfmt --check, and, merged with a template made
# afresh from today's sources, have no message left untranslated or fuzzy:
# a string added to the code without its translations fails here.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The keywords of meson's glib preset (po/meson.build), and ours
xgettext --from-code=UTF-8 --files-from=po/POTFILES.in --output="$work/redress.pot" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=UI_ \
  --keyword=rd_ngettext:1,2 --keyword=rd_npgettext:1c,2,3 2>/dev/null

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: po/LINGUAS names it, but $po does not exist"
    status=1
    continue
  fi
  if ! msgfmt --check --output-file=/dev/null "$po" 2> "$work/errors"; then
    echo "$lang: $po does not compile:"
    sed 's/^/  /' "$work/errors"
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" "$po" "$work/redress.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header's empty msgid with any other message
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "$lang: $untranslated messages untranslated and $fuzzy fuzzy against today's sources:"
    msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" | grep '^msgid "..*"' | head -10 | sed 's/^/  /'
    status=1
  else
    total=$(msgfmt --statistics --output-file=/dev/null "$work/$lang.po" 2>&1 | sed 's/ .*//')
    echo "$lang: complete, $total messages"
  fi
done
exit $status
