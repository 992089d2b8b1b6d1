#!/usr/bin/python3
# check-layers.py: keeps the core's layers true (see ARCHITECTURE.md), and
# the house rules on the size of files and functions (STYLE.md) and on the
# clock (only RdClock reads the wall clock; tests fix it).
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

# Circles between files: where they are looked for, and the circles still
# to be broken there, each with what breaks it (this list only shrinks too).
CYCLE_SCOPES = [
    ('app/core', True),     # every folder of the core, with its subfolders
    ('app/gui', False),     # the GUI's top level: application, window, lock
]
PENDING_CYCLES = {
}

# House rules for app/ (STYLE.md): a source file over FILE_LINES lines is
# split (a class may span files, as rd-window.c and rd-window-actions.c
# do), and a function over FUNCTION_LINES lines becomes steps. Files still
# over, each with what brings it under (this list only shrinks too):
FILE_LINES = 800
FUNCTION_LINES = 150
PENDING_LONG = {
}

# "Today" and "now" come from one RdClock (app/core/base/rd-clock.c), which
# tests fix: nothing else, in app/ or tests/, reads the wall clock.
WALL_CLOCK = re.compile(r'g_date_time_new_now|g_get_real_time|\btime ?\(NULL\)|gettimeofday|'
                        r'CLOCK_REALTIME|date\.today\(\)|datetime\.now\(')
CLOCK_FILE = os.path.join('app', 'core', 'base', 'rd-clock.c')

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
DECLARED = re.compile(r'^[A-Za-z_][\w \t*]*?\b(\w+)\s*\(', re.MULTILINE)
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
        line = text.count("\n", 0, match.start(2)) + 1
        yield line, match.group(1) == '<', match.group(2)


def is_class_private(path, stem):
    """Whether the header at @path, rd-X-something.h, is private to the class
    rd-X: named rd-X-private.h, or declaring only its _rd_x_… internals."""
    name = os.path.basename(path)
    if name == stem + '-private.h':
        return True
    prefix = '_' + stem.replace('-', '_') + '_'
    with open(path, encoding='utf-8') as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.DOTALL)
    names = [n for n in DECLARED.findall(text)
             if n not in ('G_DECLARE_FINAL_TYPE', 'G_DECLARE_DERIVABLE_TYPE',
                          'G_DEFINE_AUTOPTR_CLEANUP_FUNC')]
    return bool(names) and all(n.startswith(prefix) for n in names)


def file_units(paths):
    """Which unit each file belongs to: rd-x.c, rd-x.h and rd-x-private.h
    are one; so are all the files of one class split by concern (rd-x-*.c/h
    beside a header private to rd-x, such as rd-x-private.h), which may call
    each other both ways."""
    by_folder = {}
    for path in paths:
        by_folder.setdefault(os.path.dirname(path), []).append(path)
    unit = {}
    for folder, files in by_folder.items():
        stems = {os.path.basename(p).rsplit('.', 1)[0] for p in files}
        classes = set()
        for path in files:
            stem = os.path.basename(path).rsplit('.', 1)[0]
            if not path.endswith('.h'):
                continue
            for cls in stems:
                if stem.startswith(cls + '-') and is_class_private(path, cls):
                    classes.add(cls)
        for path in files:
            stem = os.path.basename(path).rsplit('.', 1)[0]
            owners = [c for c in classes if stem == c or stem.startswith(c + '-')]
            unit[path] = os.path.join(folder, min(owners, key=len) if owners else stem)
    return unit


def find_cycles(root, top, deep):
    """The circles of includes between the units of files under @top (only
    directly in it unless @deep): each as a sorted tuple of units, with the
    includes that close it."""
    base = os.path.join(root, top)
    paths = [p for p in sources(base) if deep or os.path.dirname(p) == base]
    by_name = {}
    for path in paths:
        by_name.setdefault(os.path.basename(path), path)
    unit = file_units(paths)
    edges = {}
    why = {}
    for path in paths:
        for line, system, header in includes(path):
            target = by_name.get(os.path.basename(header))
            if system or target is None or unit[target] == unit[path]:
                continue
            edge = (unit[path], unit[target])
            edges.setdefault(edge[0], set()).add(edge[1])
            why.setdefault(edge, f'{os.path.relpath(path, root)}:{line} includes {header}')

    # Tarjan's strongly connected components, without recursion.
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    for start in sorted(set(unit.values())):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    names = tuple(sorted(os.path.relpath(m, root) for m in members))
                    closing = sorted(why[(a, b)] for a in members for b in edges.get(a, ())
                                     if b in members)
                    cycles.append((names, closing))
    return cycles


def long_functions(lines):
    """Yields (name, line, length) of each function over FUNCTION_LINES, in
    GNU style: the body's braces alone at the start of a line."""
    start = None
    for number, text in enumerate(lines):
        if text == '{':
            start = number
        elif text == '}' and start is not None:
            length = number - start - 1
            if length > FUNCTION_LINES:
                head = start - 1
                while head > 0 and not re.match(r'^[A-Za-z_]\w*\s*\(', lines[head]):
                    head -= 1
                yield lines[head].split('(')[0].strip(), head + 1, length
            start = None


def check_sizes(root, problems):
    long_seen = set()
    for path in sources(os.path.join(root, 'app')):
        if not path.endswith('.c'):
            continue
        rel = os.path.relpath(path, root)
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        if len(lines) - 1 > FILE_LINES:
            if rel in PENDING_LONG:
                long_seen.add(rel)
            else:
                problems.append(f'{rel}: {len(lines) - 1} lines, over {FILE_LINES}: split it')
        for name, line, length in long_functions(lines):
            problems.append(f'{rel}:{line}: {name}() is {length} lines, over '
                            f'{FUNCTION_LINES}: break it into steps')
    for rel in sorted(set(PENDING_LONG) - long_seen):
        problems.append(f'{rel}: no longer over {FILE_LINES} lines; remove it from '
                        'PENDING_LONG in build-aux/check-layers.py')


def check_wall_clock(root, problems):
    for top in ('app', 'tests'):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(('.c', '.h', '.py', '.sh')):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                if rel == CLOCK_FILE:
                    continue
                with open(path, encoding='utf-8') as f:
                    for number, line in enumerate(f, 1):
                        if WALL_CLOCK.search(line):
                            problems.append(f'{rel}:{number}: reads the wall clock; take "now" '
                                            'and "today" from an RdClock (a test fixes it)')


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
                    # The core's _() follows a document's language (rd-gettext.h)
                    if layer is not None and header == 'glib/gi18n-lib.h' and \
                       os.path.basename(path) not in ('rd-gettext.h', 'rd-i18n.c'):
                        report(rel, line, header, 'includes glib/gi18n-lib.h: the core '
                               'includes "rd-gettext.h" instead')
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

    cycles_seen = set()
    for top, deep in CYCLE_SCOPES:
        for names, closing in find_cycles(root, top, deep):
            if names in PENDING_CYCLES:
                cycles_seen.add(names)
                continue
            problems.append('a circle of includes between ' + ', '.join(names) + ': ' +
                            '; '.join(closing))
    for names in sorted(set(PENDING_CYCLES) - cycles_seen):
        problems.append('no circle left between ' + ', '.join(names) +
                        '; remove it from PENDING_CYCLES in build-aux/check-layers.py')

    for rel, header in sorted(set(PENDING) - pending_seen):
        problems.append(f'{rel}: no longer includes {header}; remove it from PENDING in '
                        'build-aux/check-layers.py')

    check_sizes(root, problems)
    check_wall_clock(root, problems)

    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} problem(s) with the layers or the house rules; see '
              'ARCHITECTURE.md and STYLE.md.')
        return 1
    print('The layers hold: every include reaches down, none reaches a private header '
          'of another folder, and no files include each other in a circle; only RdClock '
          'reads the wall clock; no function '
          f'in app/ is over {FUNCTION_LINES} lines, nor any file over {FILE_LINES} but '
          'those below.')
    for (rel, header), why in sorted(PENDING.items()):
        print(f'Still to do: {rel} includes {header} until {why}.')
    for names, why in sorted(PENDING_CYCLES.items()):
        print('Still to do: the circle between ' + ', '.join(names) + f' until {why}.')
    for rel, why in sorted(PENDING_LONG.items()):
        print(f'Still to do: {rel} is over {FILE_LINES} lines until {why}.')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
