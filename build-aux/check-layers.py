#!/usr/bin/python3
# check-layers.py: keeps the core's layers true (see ARCHITECTURE.md).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The include paths already stop most wrong includes from compiling; this
# also catches what they cannot: a header that a layer could see through a
# shortcut, sqlite3.h above the store, GTK in the core, and a private header
# included from outside its folder (the tests too).
#
# Usage: check-layers.py SOURCE_ROOT

import os
import re
import sys

# Lowest first. Layers in one tuple are siblings: each may use the layers
# below it, never the other siblings.
LAYERS = [
    ('base',),
    ('formats',),
    ('model',),
    ('store',),
    ('engine',),
    ('evidence', 'export', 'archive'),
    ('services',),
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
STORE_RANK = RANK['store']

# Includes that still break the rules, each with what removes it. The check
# fails when one of them is gone too, so this list only ever shrinks.
PENDING = {
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
GTK = re.compile(r'^(gtk|gdk|gsk)/|^adwaita\.h$')


def sources(top):
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(('_build', '.')))
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                yield os.path.join(folder, name)


def includes(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for match in INCLUDE.finditer(text):
        line = text.count('\n', 0, match.start()) + 1
        yield line, match.group(1) == '<', match.group(2)


def main(root):
    core = os.path.join(root, 'app', 'core')
    problems = []
    pending_seen = set()

    def report(rel, line, header, text):
        if (rel, header) in PENDING:
            pending_seen.add((rel, header))
        else:
            problems.append(f'{rel}:{line}: {text}')

    # Where each header of ours lives: 'store', 'gui', 'tests/core', …
    home = {}
    for top in ('app', 'tests'):
        for path in sources(os.path.join(root, top)):
            if path.endswith('.h'):
                home.setdefault(os.path.basename(path), os.path.dirname(path))

    unknown = sorted(set(os.listdir(core)) - set(RANK) - {'meson.build'})
    for name in unknown:
        problems.append(f'app/core/{name}: a folder that is no layer; add it to LAYERS and '
                        'ARCHITECTURE.md')

    for top in ('app', 'tests'):
        for path in sources(os.path.join(root, top)):
            rel = os.path.relpath(path, root)
            folder = os.path.dirname(path)
            parts = rel.split(os.sep)
            layer = parts[2] if parts[:2] == ['app', 'core'] else None

            for line, system, header in includes(path):
                if system:
                    if header == 'sqlite3.h' and top == 'app' and \
                       (layer is None or RANK.get(layer, 0) > STORE_RANK):
                        report(rel, line, header, 'includes sqlite3.h above the store')
                    if layer is not None and GTK.match(header):
                        report(rel, line, header, f'the core includes {header}')
                    continue

                name = os.path.basename(header)
                theirs = home.get(name)
                if theirs is None:
                    continue
                if name.endswith('-private.h') and theirs != folder:
                    report(rel, line, name, f'includes {name}, private to '
                           f'{os.path.relpath(theirs, root)}')
                    continue
                their_parts = os.path.relpath(theirs, root).split(os.sep)
                if layer is None or their_parts[:2] != ['app', 'core']:
                    continue
                their_layer = their_parts[2]
                if their_layer == layer:
                    continue
                if RANK[their_layer] >= RANK[layer]:
                    report(rel, line, name, f'{layer}/ includes {name} of {their_layer}/, '
                           'which is not below it')

    for rel, header in sorted(set(PENDING) - pending_seen):
        problems.append(f'{rel}: no longer includes {header}; remove it from PENDING in '
                        'build-aux/check-layers.py')

    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} include(s) break the layers; see ARCHITECTURE.md.')
        return 1
    print('The layers hold: every include reaches down, none reaches a private header '
          'of another folder.')
    for (rel, header), why in sorted(PENDING.items()):
        print(f'Still to do: {rel} includes {header} until {why}.')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
