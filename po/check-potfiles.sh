#!/bin/sh
# check-potfiles.sh: every file with translatable text is listed in po/POTFILES.in, and every listed file exists.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u > "$listed"
{
  grep -lE '\b(N?_|C_|NC_|UI_|g_dngettext|ngettext|rd_ngettext)\s*\(' app --include='*.c' -r || true
  grep -l 'translatable="yes"' ui data -r --include='*.ui' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | sort -u > "$found"

status=0
missing=$(comm -13 "$listed" "$found")
if [ -n "$missing" ]; then
  echo "These files have translatable text but are not in po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
for f in $(cat "$listed"); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(wc -l < "$listed") files with translatable text"

# A GLib format macro (G_GINT64_FORMAT…) inside a translatable string cuts
# its msgid short where the macro starts, so no translation ever matches:
# such strings use <inttypes.h>'s PRId64, which gettext understands.
if command -v xgettext >/dev/null; then
  pot=$(mktemp)
  xgettext --from-code=UTF-8 --files-from=po/POTFILES.in --keyword=_ --keyword=N_ --keyword=UI_ \
    --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=rd_ngettext:1,2 --keyword=rd_npgettext:1c,2,3 \
    --add-location=file --output="$pot" 2>/dev/null
  cut=$(msgcat --no-wrap "$pot" | awk '/^#: /{ref=$0} /^msgid(_plural)? "/ && /%[-+ #0-9.'"'"']*"$/{print "  " substr(ref, 4) ": " $0}')
  rm -f "$pot"
  if [ -n "$cut" ]; then
    echo "These messages end in a half directive: use PRId64 (not G_GINT64_FORMAT) in translatable text:"
    echo "$cut"
    status=1
  fi
fi
exit $status
