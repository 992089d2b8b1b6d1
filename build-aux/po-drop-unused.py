#!/usr/bin/env python3
# po-drop-unused.py: remove from po/*.po the messages today's sources no longer use.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/po-drop-unused.py [TREE]
#
# msgmerge would do this too, but it rewraps and reorders every file, and
# several branches append to the same .po files at once: a file rewritten
# whole conflicts with all of them. This script only deletes the entries
# whose msgctxt/msgid is not in a template made afresh from po/POTFILES.in
# (the keywords of po/check-translations.sh), and leaves every other byte,
# the header included, as it was.

import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'UI_', 'rd_ngettext:1,2', 'rd_npgettext:1c,2,3']

FIELD = re.compile(r'^(#~ )?(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(".*")\s*$')
CONTINUATION = re.compile(r'^(#~ )?(".*")\s*$')


def unquote(text):
    # A C string as gettext writes it: only the escapes gettext produces.
    body = text[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(
        m.group(1), '\\' + m.group(1)), body)


def parse_block(lines):
    """Returns (msgctxt or None, msgid or None) of one entry's lines."""
    fields = {}
    current = None
    for line in lines:
        m = FIELD.match(line)
        if m:
            current = m.group(2)
            fields[current] = unquote(m.group(4))
            continue
        m = CONTINUATION.match(line)
        if m and current is not None:
            fields[current] += unquote(m.group(2))
    if 'msgid' not in fields:
        return None, None
    return fields.get('msgctxt'), fields['msgid']


def split_blocks(text):
    """Splits a .po file into entries, each with the blank lines after it."""
    blocks = []
    current = []
    for line in text.splitlines(keepends=True):
        if line.strip() == '' and current and current[-1].strip() != '':
            current.append(line)
            blocks.append(current)
            current = []
        elif line.strip() == '' and not current and blocks:
            blocks[-1].append(line)
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def used_keys(top):
    with tempfile.TemporaryDirectory() as work:
        pot = os.path.join(work, 'redress.pot')
        args = ['xgettext', '--from-code=UTF-8', '--files-from=po/POTFILES.in',
                '--output=' + pot]
        args += ['--keyword=' + k for k in KEYWORDS]
        subprocess.run(args, cwd=top, check=True, stderr=subprocess.DEVNULL)
        with open(pot, encoding='utf-8') as f:
            blocks = split_blocks(f.read())
    return {parse_block(b) for b in blocks}


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    used = used_keys(top)
    with open(os.path.join(top, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    for lang in languages:
        path = os.path.join(top, 'po', lang + '.po')
        with open(path, encoding='utf-8') as f:
            blocks = split_blocks(f.read())
        kept = []
        dropped = 0
        for block in blocks:
            ctxt, msgid = parse_block(block)
            # The header (empty msgid) and anything that is not an entry stay.
            if msgid is None or msgid == '' or (ctxt, msgid) in used:
                kept.append(block)
            else:
                dropped += 1
        with open(path, 'w', encoding='utf-8') as f:
            f.write(''.join(''.join(b) for b in kept))
        print(f'{lang}: dropped {dropped} unused messages, kept {len(kept) - 1}')


if __name__ == '__main__':
    main()
