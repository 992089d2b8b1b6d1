#!/usr/bin/env python3
# check-help-gui.py: every <gui> of the help (help/C) names something the
# interface shows: a label, title or menu item of ui/*.ui, or a string
# app/gui gives a widget. A help page that says "click Export Bundle (PDF)"
# where the button says "Export…" sends a resident looking for nothing.
# Mnemonic underscores and a trailing "…" are not part of a name.
# Usage: check-help-gui.py SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

MALLARD = '{http://projectmallard.org/1.0/}'
# The properties of ui/*.ui that a person reads as a control's name.
NAMED_PROPERTIES = {'label', 'title', 'subtitle', 'text', 'placeholder-text',
                    'tooltip-text', 'description', 'heading', 'button-label'}


def normalise(text):
    text = ' '.join(text.split())
    # "_Export…" and "Export..." are "Export"; "Sign_ed" keeps no underscore.
    text = re.sub(r'_(?=\w)', '', text)
    for ellipsis in ('…', '...'):
        if text.endswith(ellipsis):
            text = text[:-len(ellipsis)]
    return text.strip()


def interface_names(root):
    names = set()
    for path in glob.glob(os.path.join(root, 'ui', '**', '*.ui'), recursive=True):
        tree = ET.parse(path)
        # An accessible label is heard, not seen: the help names what is seen.
        heard = {child for parent in tree.iter() if parent.tag == 'accessibility' for child in parent}
        for element in tree.iter():
            if (element.tag in ('property', 'attribute') and element not in heard and
                    element.get('name') in NAMED_PROPERTIES and element.text):
                names.add(normalise(element.text))
            # ...except on a button that shows only an icon: its accessible
            # label is its name, which its tooltip shows too.
            own = {child.get('name') for child in element if child.tag == 'property'}
            if element.tag == 'object' and 'icon-name' in own and 'label' not in own:
                for accessibility in element.findall('accessibility'):
                    for label in accessibility.findall("property[@name='label']"):
                        names.add(normalise(label.text or ''))
    # Strings the C code gives widgets: every translatable literal, with
    # adjacent literals joined as the compiler joins them.
    literal = r'"(?:[^"\\]|\\.)*"'
    marked = re.compile(r'\b(?:N_|_|C_\s*\(\s*' + literal + r'\s*,)\s*\(?\s*((?:' + literal + r'\s*)+)\)')
    for path in [p for ext in ('c', 'h') for p in glob.glob(os.path.join(root, 'app', 'gui', '**', '*.' + ext), recursive=True)]:
        with open(path, encoding='utf-8') as f:
            source = f.read()
        for match in marked.finditer(source):
            parts = re.findall(literal, match.group(1))
            text = ''.join(p[1:-1] for p in parts)
            names.add(normalise(text.replace('\\"', '"')))
    return names


def help_guis(root):
    for path in sorted(glob.glob(os.path.join(root, 'help', 'C', '*.page'))):
        for element in ET.parse(path).iter(MALLARD + 'gui'):
            yield os.path.basename(path), normalise(''.join(element.itertext()))


def main():
    root = sys.argv[1]
    names = interface_names(root)
    if len(names) < 100:
        print(f'only {len(names)} names found in ui/ and app/gui: is {root} the source tree?')
        return 1
    checked = 0
    unknown = []
    for page, gui in help_guis(root):
        checked += 1
        if gui not in names:
            unknown.append(f'{page}: <gui>{gui}</gui> is no label, title or menu item of the interface')
    for line in unknown:
        print(line)
    if checked == 0:
        print('no <gui> in help/C: nothing was checked')
        return 1
    if not unknown:
        print(f'All {checked} <gui> of help/C name something the interface shows '
              f'({len(names)} names in ui/ and app/gui).')
    return 1 if unknown else 0


if __name__ == '__main__':
    sys.exit(main())
