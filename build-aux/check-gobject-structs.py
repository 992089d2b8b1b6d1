#!/usr/bin/python3
# check-gobject-structs.py: every GObject instance struct in app/ starts with
# its parent type's struct, and keeps no field its class never uses.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# C does not see that G_DEFINE_FINAL_TYPE (RdPolicyDialog, …, RD_TYPE_STORE_DIALOG)
# and a struct that starts with "AdwWindow parent_instance" disagree: it
# builds and runs while the parent's struct happens to be as large, and
# reads the wrong memory once it grows. A field that nothing reads or
# writes (a copy of what the parent holds) is a second place for one fact.
#
# Usage: check-gobject-structs.py SOURCE_ROOT

import os
import re
import sys

DEFINE = re.compile(r'^G_DEFINE_(?:FINAL_)?TYPE(?:_WITH_PRIVATE|_WITH_CODE)?\s*\(\s*(\w+)\s*,\s*'
                    r'(\w+)\s*,\s*(\w+)', re.MULTILINE)
STRUCT = re.compile(r'^struct\s+_(\w+)\s*\n\{\s*\n(.*?)^\};', re.MULTILINE | re.DOTALL)
FIELD = re.compile(r'^\s*(?:const\s+)?(\w+)[\s*]+(\w+)\s*(?:\[[^\]]*\])*\s*;', re.MULTILINE)
COMMENT = re.compile(r'/\*.*?\*/', re.DOTALL)


def type_name(macro):
    """RD_TYPE_STORE_DIALOG -> RdStoreDialog, G_TYPE_OBJECT -> GObject."""
    prefix, _, rest = macro.partition('_TYPE_')
    if not rest:
        return None
    words = [prefix] + rest.split('_')
    if prefix == 'G':
        return 'G' + ''.join(w.capitalize() for w in words[1:])
    return ''.join(w.capitalize() for w in words)


def sources(top):
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                yield os.path.join(folder, name)


def class_files(path, paths):
    """The files of one class: rd-x.c, rd-x-*.c and the headers beside them."""
    folder = os.path.dirname(path)
    stem = os.path.basename(path)[:-2]
    return [p for p in paths
            if os.path.dirname(p) == folder and
            (os.path.basename(p)[:-2] == stem or os.path.basename(p).startswith(stem + '-'))]


def main(root):
    paths = list(sources(os.path.join(root, 'app')))
    text = {p: open(p, encoding='utf-8').read() for p in paths}
    structs = {}
    for path in paths:
        for match in STRUCT.finditer(text[path]):
            structs[match.group(1)] = (path, COMMENT.sub('', match.group(2)))

    problems = []
    checked = 0
    for path in paths:
        if not path.endswith('.c'):
            continue
        for match in DEFINE.finditer(text[path]):
            name, parent = match.group(1), type_name(match.group(3))
            if name not in structs or parent is None:
                continue
            where, body = structs[name]
            rel = os.path.relpath(where, root)
            fields = FIELD.findall(body)
            checked += 1
            if not fields or fields[0][0] != parent:
                first = fields[0][0] if fields else 'nothing'
                problems.append(f'{rel}: struct _{name} starts with {first}, but '
                                f'{os.path.relpath(path, root)} makes {name} a subclass of '
                                f'{parent}')
            own = '\n'.join(COMMENT.sub('', text[p]) for p in class_files(path, paths))
            for _, field in fields[1:]:
                # self->field, a template child, or a macro that makes accessors
                used = re.search(r'(->|\.)\s*' + field + r'\b', own) or \
                       re.search(r'\b' + name + r'\s*,\s*' + field + r'\s*\)', own) or \
                       re.search(r'^\s*[A-Z][A-Z_]+\s*\([^;\n]*\b' + field + r'\b', own, re.MULTILINE)
                if not used:
                    problems.append(f'{rel}: {name}’s field “{field}” is never used by its class')

    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} problem(s) with the instance structs of GObject types.')
        return 1
    print(f'{checked} instance structs start with their parent type and use every field.')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
