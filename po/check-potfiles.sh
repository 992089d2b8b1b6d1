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
  grep -lE '\b(N?_|C_|NC_|g_dngettext|ngettext)\s*\(' app --include='*.c' -r || true
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
exit $status
