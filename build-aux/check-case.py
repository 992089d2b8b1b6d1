#!/usr/bin/python3
# check-title-case.py: titles, buttons and menu items in header case, as the
# GNOME HIG asks, in the .ui files and in the GUI's C sources.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-title-case.py SOURCE_ROOT
#
# Header case: every word starts with a capital letter, but for the short
# words below, which stay in lower case unless they begin the title, end it
# or follow a colon ("Delete This Entry?", "People in This Case", "Write a
# Chaser"). What is checked is the text of
#   - window, dialog, page, group, status page and shortcuts section titles,
#     a message dialog's heading and its answers;
#   - buttons (their labels, and button content) and menu items;
# in ui/**/*.ui, and in app/gui/**/*.c the strings given to the functions
# that set those, or kept in a variable named "title" or "heading".
# Labels that are sentences (rows, tick boxes, tooltips, descriptions) are
# sentence case and are not checked here.
#
# A word that is not a plain word is left as it is: a number ("Stage 1"), a
# placeholder ("%s"), a name with capitals inside ("OpenDocument", "ASB"),
# a file name or command (".redress", "redress-cli").

import os
import re
import sys
import xml.etree.ElementTree as ET

# Articles, short conjunctions and prepositions of three letters or fewer.
SMALL_WORDS = {'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet',
               'as', 'at', 'by', 'in', 'of', 'on', 'per', 'to', 'via'}

# Text that looks like a title but is a sentence, with why.
SENTENCES = {
    # The read-only banner's message, in bold: a banner says a sentence.
    'Your cases can be read, but nothing new will be saved',
}

# Classes whose "title" property is a title.
TITLED_CLASSES = {
    'GtkWindow', 'AdwWindow', 'AdwApplicationWindow', 'AdwPreferencesWindow',
    'AdwPreferencesPage', 'AdwPreferencesGroup', 'AdwStatusPage', 'AdwWindowTitle',
    'AdwViewStackPage', 'GtkStackPage', 'AdwViewSwitcherTitle', 'GtkShortcutsWindow',
    'GtkShortcutsSection', 'GtkShortcutsGroup', 'AdwMessageDialog',
}
# Classes whose "label" property is a button's text.
BUTTON_CLASSES = {'GtkButton', 'GtkToggleButton', 'GtkMenuButton', 'GtkLinkButton',
                  'AdwButtonContent', 'AdwSplitButton'}

# C functions and the argument (from 0), or arguments, that take a title or
# button text; None: every string among the arguments.
C_SETTERS = {
    'gtk_window_set_title': 1,
    'adw_window_title_set_title': 1,
    'adw_window_title_new': 0,
    'adw_view_switcher_title_set_title': 1,
    'adw_preferences_group_set_title': 1,
    'adw_preferences_page_set_title': 1,
    'adw_status_page_set_title': 1,
    'adw_message_dialog_new': 1,
    'adw_message_dialog_set_heading': 1,
    'adw_message_dialog_add_response': 2,
    'adw_message_dialog_add_responses': None,
    'adw_message_dialog_set_response_label': 2,
    'gtk_button_set_label': 1,
    'gtk_button_new_with_label': 0,
    'gtk_button_new_with_mnemonic': 0,
    'adw_button_content_set_label': 1,
    'adw_toast_set_button_label': 1,
    'g_menu_append': 1,
    'g_menu_item_new': 0,
    'adw_view_stack_add_titled': 3,
    'gtk_stack_add_titled': 3,
    # Redress's own question before a delete: heading, keep and delete answers.
    'rd_gui_confirm_destructive': (1, 3, 5),
}

MESSAGE = re.compile(r'\b(?:N_|_|C_\s*\(\s*"(?:[^"\\]|\\.)*"\s*,)\s*\(?\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
VARIABLE = re.compile(r'\b(\w*(?:(?<!sub)title|heading))\s*=\s*([^;]*);')
TITLE_FUNCTION = re.compile(r'^\w*(?:(?<!sub)title|heading)\s*\([^)]*\)\s*\n\{(.*?)^\}', re.MULTILINE | re.DOTALL)
HEADING_CLASSES = {'heading', 'title-1', 'title-2', 'title-3', 'title-4'}
COMMENT = re.compile(r'/\*.*?\*/', re.DOTALL)


def words_of(text):
    """The words of a title: mnemonics, ellipses and quotation marks gone."""
    text = text.replace('_', '').replace('…', ' ').replace('...', ' ')
    return text.split()


def check_header_case(text):
    """What is wrong with @text as a header-case title, or None."""
    if text in SENTENCES:
        return None
    words = words_of(text)
    problems = []
    starts_clause = True
    for i, raw in enumerate(words):
        word = raw.strip('“”"‘’\'()[]{},;:!?.')
        last = i == len(words) - 1
        after_colon = starts_clause
        starts_clause = raw.endswith(':')
        if not word or not word[0].isalpha() or '%' in word:
            continue
        if any(c.isupper() for c in word[1:]) or '.' in word or '/' in word:
            continue  # a name, an abbreviation or a file name
        first_part = re.split(r'[-’\']', word)[0]
        if first_part.lower() in SMALL_WORDS and not after_colon and not last:
            if first_part != first_part.lower():
                problems.append('“%s” should be lower case' % word)
        elif word[0].islower():
            problems.append('“%s” should start with a capital' % word)
    return '; '.join(problems) or None


def c_literal(parts):
    return ''.join(m.group(1) for m in LITERAL.finditer(parts)).replace('\\"', '"')


def arguments(text, start):
    """The arguments of the call whose '(' is at @start, and where it ends."""
    depth, args, current, i = 0, [], '', start
    while i < len(text):
        c = text[i]
        if c == '"':
            end = i + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == '\\' else 1
            current += text[i:end + 1]
            i = end + 1
            continue
        if c == '(':
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c == ')':
            depth -= 1
            if depth == 0:
                args.append(current)
                return args, i
        elif c == ',' and depth == 1:
            args.append(current)
            current = ''
            i += 1
            continue
        current += c
        i += 1
    return args, i


def c_titles(path):
    """(line, text) of each translatable title or button text in a C file."""
    with open(path, encoding='utf-8') as f:
        text = COMMENT.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), f.read())
    found = []
    for name, which in C_SETTERS.items():
        for m in re.finditer(r'\b%s\s*\(' % name, text):
            args, _ = arguments(text, m.end() - 1)
            if which is None:
                chosen = args
            else:
                chosen = [args[i] for i in (which if isinstance(which, tuple) else (which,))
                          if i < len(args)]
            for arg in chosen:
                for message in MESSAGE.finditer(arg):
                    found.append((text.count('\n', 0, m.start()) + 1, c_literal(message.group(1))))
    # A function named for a title returns titles.
    for m in TITLE_FUNCTION.finditer(text):
        for message in MESSAGE.finditer(m.group(1)):
            found.append((text.count('\n', 0, m.start() + message.start(1)) + 1,
                          c_literal(message.group(1))))
    for m in VARIABLE.finditer(text):
        for message in MESSAGE.finditer(m.group(2)):
            found.append((text.count('\n', 0, m.start()) + 1, c_literal(message.group(1))))
    return found


def ui_titles(path):
    """(where, text) of each translatable title or button text in a .ui file."""
    tree = ET.parse(path)
    found = []
    # A label that is a button's content, or styled as a heading.
    for obj in tree.iter():
        if obj.tag != 'object' or obj.get('class') not in BUTTON_CLASSES:
            continue
        for prop in obj.findall('property'):
            child = prop.find('object')
            if prop.get('name') == 'child' and child is not None and child.get('class') == 'GtkLabel':
                for label in child.findall('property'):
                    if label.get('name') == 'label' and label.get('translatable') == 'yes':
                        found.append(('button label', label.text))
    for obj in tree.iter('object'):
        style = {c.get('name') for s in obj.findall('style') for c in s.findall('class')}
        if obj.get('class') == 'GtkLabel' and style & HEADING_CLASSES:
            for prop in obj.findall('property'):
                if prop.get('name') == 'label' and prop.get('translatable') == 'yes':
                    found.append(('heading', prop.text))
    for obj in tree.iter():
        if obj.tag not in ('object', 'template'):
            continue
        classes = {obj.get('class'), obj.get('parent')}
        for prop in obj.findall('property'):
            if prop.get('translatable') != 'yes' or not prop.text:
                continue
            name = prop.get('name')
            if ((name == 'title' and classes & TITLED_CLASSES) or
                    (name == 'heading' and 'AdwMessageDialog' in classes) or
                    (name == 'label' and classes & BUTTON_CLASSES)):
                found.append(('%s %s' % (obj.get('class'), name), prop.text))
        for response in obj.iter('response'):
            if response.get('translatable') == 'yes' and response.text:
                found.append(('response', response.text))
    for item in tree.iter('item'):
        for attribute in item.findall('attribute'):
            if attribute.get('name') == 'label' and attribute.get('translatable') == 'yes':
                found.append(('menu item', attribute.text))
    return found


def check_the_rule():
    """The rule itself, on titles the HIG would and would not write."""
    good = ['People in This Case', 'Delete This Entry?', '_Write the First Entry',
            'Anti-Social Behaviour: First Response', 'Stage 1 Complaint', 'What It Is About',
            'Save Chronology as _OpenDocument…', 'Remove “%s”?', 'Redress Is Locked',
            'Who They Are Up To', 'Export as _SVG…']
    bad = ['Add a step', 'Stage 1 complaint', 'People In This Case', 'Write The First Entry',
           'the Bundle', 'Chronology on its own']
    wrong = [t for t in good if check_header_case(t)] + [t for t in bad if not check_header_case(t)]
    if wrong:
        print('the header-case rule itself is wrong about: %s' % ', '.join(wrong))
        sys.exit(1)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    failures = []
    check_the_rule()
    for folder, _, files in sorted(os.walk(os.path.join(root, 'ui'))):
        for name in sorted(files):
            if name.endswith('.ui'):
                path = os.path.join(folder, name)
                for where, text in ui_titles(path):
                    problem = check_header_case(text)
                    if problem:
                        failures.append('%s (%s): “%s”: %s'
                                        % (os.path.relpath(path, root), where, text, problem))
    for folder, _, files in sorted(os.walk(os.path.join(root, 'app', 'gui'))):
        for name in sorted(files):
            if name.endswith('.c'):
                path = os.path.join(folder, name)
                for line, text in c_titles(path):
                    problem = check_header_case(text)
                    if problem:
                        failures.append('%s:%d: “%s”: %s'
                                        % (os.path.relpath(path, root), line, text, problem))
    for failure in failures:
        print(failure)
    if failures:
        print('%d titles, buttons or menu items not in header case (GNOME HIG)' % len(failures))
        return 1
    print('titles, buttons and menu items are in header case')
    return 0


if __name__ == '__main__':
    sys.exit(main())
