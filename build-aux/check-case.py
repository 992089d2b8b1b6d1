#!/usr/bin/python3
# check-case.py: the GNOME HIG's two letter cases, header case and sentence
# case, in the .ui files, in the GUI's C sources and in the core's labels.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-case.py [--only header|sentence] SOURCE_ROOT
#
# One walk over ui/**/*.ui, app/gui/**/*.c and app/core/**/*.c finds each
# translatable text with the case it should be in, and each is checked by its
# own rule (the core's labels, which the GUI shows as choices, tags and rows'
# titles, read as sentences: see core_texts).
#
# Header case is for
#   - window, dialog, page, group, status page and shortcuts section titles,
#     a message dialog's heading and its answers;
#   - buttons (their labels, and button content) and menu items;
# in C, the strings given to the functions that set those, or kept in a
# variable or returned by a function named for a title or heading. Every
# word starts with a capital letter, but for the short words below, which
# stay in lower case unless they begin the title, end it or follow a colon
# ("Delete This Entry?", "People in This Case", "Write a Chaser").
#
# Sentence case is for what reads as a sentence: the titles and subtitles of
# rows (preferences, action, combo, entry, expander and password rows), tick
# box labels, tooltips, descriptions of groups and status pages,
# placeholders, what a shortcut does in the shortcuts window, and accessible
# labels and descriptions (a screen reader reads them as it reads a row). The first word of each sentence starts with a
# capital; every other word is in lower case unless it is a name (NAMES), or
# is quoted: a sentence may name a button or page in its own case (Use
# “Add a Step”).
#
# In C, texts are found in four places: the arguments of the functions that
# set them (C_SETTERS); property pairs given to g_object_new () and
# g_object_set (), read by the object's class as in a .ui file (the class
# from the type or cast macro, or from the object's declaration; Redress's
# own classes by their parents in G_DEFINE_TYPE); variables and functions
# named for what they hold; and static tables, an array of strings by its
# name ("step_titles": header case) and an array of structs by each field's
# name ("title", "tooltip"). A row's title ("row_title") reads as a sentence.
# A comment just before a table, or on a field, that says "sentence case" or
# "header case" decides for it ("The rows' titles, in sentence case").
#
# In both, a word that is not a plain word is left as it is: a number
# ("Stage 1"), a placeholder ("%s"), a name with capitals inside
# ("OpenDocument") or in capitals ("ASB", "PDF"), a single capital letter
# ("Neighbour A"), a key ("Ctrl+Z"), a file name or command (".redress",
# "redress-cli").

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

# Names, which keep their capitals inside a sentence. Only what English
# writes with a capital wherever it stands: bodies and documents named by
# law, places, languages, days, months and holidays, this application.
# A body named in general ("the police", "your landlord", "the council")
# is not a name.
NAMES = [
    'Housing Ombudsman', 'Ombudsman',         # the statutory body, "the Ombudsman" for short
    'Complaint Handling Code', 'Code',        # the Ombudsman's statutory code, "the Code"
    'ASB Case Review', 'Community Trigger',   # the statutory review of ASB, and its old name
    'Awaab’s Law', "Awaab's Law",             # a law, named for Awaab Ishak
    'England', 'Wales', 'English', 'Welsh', 'Polish', 'Urdu',
    'Redress', 'Microsoft Word',
    'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December',
    'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
    'Good Friday', 'Easter Monday', 'Christmas Day', 'Boxing Day', 'New Year',
]
NAME = re.compile(r'(?<![\w-])(?:%s)(?:[’\']s)?(?![\w-])'
                  % '|'.join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)))
QUOTED = re.compile(r'“[^”]*”|‘[^’]*’|"[^"]*"')

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
# Rows, whose title and subtitle read as sentences.
ROW_CLASSES = {'AdwPreferencesRow', 'AdwActionRow', 'AdwComboRow', 'AdwEntryRow',
               'AdwExpanderRow', 'AdwPasswordEntryRow', 'RdLimitRow'}
# Properties in sentence case, and the classes that have them (None: any).
SENTENCE_PROPERTIES = {
    'tooltip-text': None,
    'tooltip-markup': None,
    'placeholder-text': None,
    'description': {'AdwPreferencesGroup', 'AdwStatusPage'},
    'label': {'GtkCheckButton'},
    'title': ROW_CLASSES | {'GtkShortcutsShortcut'},
    'subtitle': ROW_CLASSES,
}

HEADER, SENTENCE = 'header', 'sentence'
# Words that go inside a sentence another text makes ("5 working days", "3 May (taken,
# from the photo's camera data)"): a comment saying so ("inside a sentence") on a table,
# field or function of the core leaves its texts to that sentence.
FRAGMENT = 'fragment'

# C functions, the argument (from 0), or arguments, that take a text, and its
# case; None: every string among the arguments.
C_SETTERS = {
    'gtk_window_set_title': (1, HEADER),
    'adw_window_title_set_title': (1, HEADER),
    'adw_window_title_new': (0, HEADER),
    'adw_view_switcher_title_set_title': (1, HEADER),
    'adw_preferences_group_set_title': (1, HEADER),
    'adw_preferences_page_set_title': (1, HEADER),
    'adw_status_page_set_title': (1, HEADER),
    'adw_message_dialog_new': (1, HEADER),
    'adw_message_dialog_set_heading': (1, HEADER),
    'adw_message_dialog_add_response': (2, HEADER),
    'adw_message_dialog_add_responses': (None, HEADER),
    'adw_message_dialog_set_response_label': (2, HEADER),
    'gtk_button_set_label': (1, HEADER),
    'gtk_button_new_with_label': (0, HEADER),
    'gtk_button_new_with_mnemonic': (0, HEADER),
    'adw_button_content_set_label': (1, HEADER),
    'adw_toast_set_button_label': (1, HEADER),
    'g_menu_append': (1, HEADER),
    'g_menu_item_new': (0, HEADER),
    'adw_view_stack_add_titled': (3, HEADER),
    'gtk_stack_add_titled': (3, HEADER),
    # Redress's own question before a delete: heading, keep and delete answers.
    'rd_gui_confirm_destructive': ((1, 3, 5), HEADER),
    'gtk_widget_set_tooltip_text': (1, SENTENCE),
    'gtk_widget_set_tooltip_markup': (1, SENTENCE),
    'adw_preferences_row_set_title': (1, SENTENCE),
    'adw_action_row_set_subtitle': (1, SENTENCE),
    'adw_expander_row_set_subtitle': (1, SENTENCE),
    'adw_preferences_group_set_description': (1, SENTENCE),
    'adw_status_page_set_description': (1, SENTENCE),
    'gtk_check_button_set_label': (1, SENTENCE),
    'gtk_check_button_new_with_label': (0, SENTENCE),
    'gtk_check_button_new_with_mnemonic': (0, SENTENCE),
    'gtk_entry_set_placeholder_text': (1, SENTENCE),
    'gtk_text_set_placeholder_text': (1, SENTENCE),
    'rd_limit_row_new': (0, SENTENCE),
    'rd_limit_row_set_description': (1, SENTENCE),
    # Redress's own: an entry row's accessible name.
    'rd_gui_label_entry_row': (1, SENTENCE),
}
# gtk_accessible_update_property() takes pairs after the widget: these
# properties' values are read as sentences.
ACCESSIBLE_TEXT = {'GTK_ACCESSIBLE_PROPERTY_LABEL', 'GTK_ACCESSIBLE_PROPERTY_DESCRIPTION'}

MESSAGE = re.compile(r'\b(?:N_|_|C_\s*\(\s*"(?:[^"\\]|\\.)*"\s*,)\s*\(?\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
VARIABLE = re.compile(r'(?<![.\w])(\w*(?:(?<!sub)title|heading))\s*=\s*([^;]*);')
SENTENCE_VARIABLE = re.compile(r'(?<![.\w])(\w*(?:subtitle|tooltip|description|placeholder))\s*=\s*([^;]*);')
TITLE_FUNCTION = re.compile(r'^\w*(?:(?<!sub)title|heading)\s*\([^)]*\)\s*\n\{(.*?)^\}', re.MULTILINE | re.DOTALL)
HEADING_CLASSES = {'heading', 'title-1', 'title-2', 'title-3', 'title-4'}
COMMENT = re.compile(r'/\*.*?\*/', re.DOTALL)


def words_of(text):
    """The words of a text: mnemonics, ellipses and quotation marks gone."""
    text = text.replace('_', '').replace('…', ' ').replace('...', ' ')
    return text.split()


def is_plain(word):
    """Whether @word is a plain word, whose case the rules decide."""
    if not word or not word[0].isalpha() or '%' in word or '+' in word:
        return False
    if len(word) == 1 and word != 'I':
        return word.islower()  # "a" is a word; "Neighbour A" has a letter
    # A name, an abbreviation or a file name.
    return not (any(c.isupper() for c in word[1:]) or '.' in word or '/' in word)


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
        if not is_plain(word) and not (len(word) == 1 and word.isupper()):
            continue
        first_part = re.split(r'[-’\']', word)[0]
        if first_part.lower() in SMALL_WORDS and not after_colon and not last:
            if first_part != first_part.lower():
                problems.append('“%s” should be lower case' % word)
        elif word[0].islower():
            problems.append('“%s” should start with a capital' % word)
    return '; '.join(problems) or None


def check_sentence_case(text):
    """What is wrong with @text as a sentence-case text, or None."""
    # Quotations and names keep their own case; they count as a word.
    text = QUOTED.sub('Q', text.replace('_', ''))
    text = NAME.sub('N', text)
    problems = []
    starts_sentence = True
    for raw in words_of(text):
        word = raw.strip('“”"‘’\'()[]{},;:!?.')
        first = starts_sentence
        starts_sentence = raw.rstrip('”"’)').endswith(('.', '!', '?'))
        if raw in ('Q', 'N') or raw.rstrip(',;:!?.') in ('Q', 'N'):
            continue
        if not is_plain(word):
            continue
        if first and word[0].islower():
            problems.append('“%s” should start with a capital' % word)
        elif not first and word[0].isupper() and word != 'I':
            problems.append('“%s” should be lower case' % word)
    return '; '.join(problems) or None


RULES = {HEADER: check_header_case, SENTENCE: check_sentence_case}


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


def chosen_arguments(name, args):
    """The arguments of a call to @name that carry text, with their case."""
    if name == 'gtk_accessible_update_property':
        return [(args[i + 1], SENTENCE) for i in range(1, len(args) - 1, 2)
                if args[i].strip() in ACCESSIBLE_TEXT]
    which, case = C_SETTERS[name]
    if which is None:
        return [(arg, case) for arg in args]
    return [(args[i], case) for i in (which if isinstance(which, tuple) else (which,))
            if i < len(args)]


def c_texts(path, parents=None, headers=''):
    """(line, text, case) of each translatable text in a C file whose case is known."""
    with open(path, encoding='utf-8') as f:
        original = f.read()
    text = COMMENT.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), original)
    found = property_texts(text, parents or {}) + table_texts(text, original, headers)
    for name in list(C_SETTERS) + ['gtk_accessible_update_property']:
        for m in re.finditer(r'\b%s\s*\(' % name, text):
            args, _ = arguments(text, m.end() - 1)
            for arg, case in chosen_arguments(name, args):
                for message in MESSAGE.finditer(arg):
                    found.append((text.count('\n', 0, m.start()) + 1,
                                  c_literal(message.group(1)), case))
    # A function named for a title returns titles.
    for m in TITLE_FUNCTION.finditer(text):
        for message in MESSAGE.finditer(m.group(1)):
            found.append((text.count('\n', 0, m.start() + message.start(1)) + 1,
                          c_literal(message.group(1)), HEADER))
    for m in VARIABLE.finditer(text):
        for message in MESSAGE.finditer(m.group(2)):
            found.append((text.count('\n', 0, m.start()) + 1, c_literal(message.group(1)), HEADER))
    for m in SENTENCE_VARIABLE.finditer(text):
        for message in MESSAGE.finditer(m.group(2)):
            found.append((text.count('\n', 0, m.start()) + 1, c_literal(message.group(1)), SENTENCE))
    return found


# The core has no GTK: it names what the GUI shows, and the GUI shows each name where
# a sentence goes: a choice of a drop-down or a combo row (a diary entry's category, a
# contact's channel, a kind of tenancy), a tag on a row (What Next's "Overdue"), a
# row's title (a deadline: "Stage 1 response"), a tick box (an outcome sought). So a
# text of app/core kept in a table, variable, field or function named for a label or
# a title is in sentence case, unless a comment on the table or field says otherwise.
CORE_VARIABLE = re.compile(r'(?<![.\w])(\w*(?:label|title))\s*=\s*([^;]*);')
CORE_FUNCTION = re.compile(r'^\w*(?:label|title)\s*\([^)]*\)\s*\n\{(.*?)^\}',
                           re.MULTILINE | re.DOTALL)


def core_name_case(name):
    """The case of the texts a table, variable or field of the core named @name holds."""
    return SENTENCE if re.search(r'label|title', name, re.IGNORECASE) else None


def core_texts(path, headers=''):
    """(line, text, case) of each label of the core the GUI shows: its tables, variables,
    fields and functions named for a label or a title."""
    with open(path, encoding='utf-8') as f:
        original = f.read()
    text = COMMENT.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), original)
    found = table_texts(text, original, headers, core_name_case)
    for pattern, group in ((CORE_FUNCTION, 1), (CORE_VARIABLE, 2)):
        for m in pattern.finditer(text):
            # A function's comment comes before the line of its return type.
            line_start = original.rfind('\n', 0, max(m.start() - 1, 0)) + 1
            if pattern is CORE_FUNCTION and comment_case(comment_before(original, line_start)) == FRAGMENT:
                continue
            for message in MESSAGE.finditer(m.group(group)):
                found.append((text.count('\n', 0, m.start(group) + message.start(1)) + 1,
                              c_literal(message.group(1)), SENTENCE))
    return found


def class_of_macro(macro):
    """"AdwActionRow" for ADW_TYPE_ACTION_ROW or ADW_ACTION_ROW, or None."""
    m = re.match(r'^(GTK|ADW|RD)_(?:TYPE_)?([A-Z0-9_]+)$', macro.strip())
    if m is None:
        return None
    return m.group(1).capitalize() + ''.join(w.capitalize() for w in m.group(2).split('_'))


def parents_of(root):
    """Redress's own classes and their parents, from G_DEFINE_*TYPE in the GUI's sources."""
    parents = {}
    define = re.compile(r'\bG_DEFINE_(?:FINAL_|ABSTRACT_)?TYPE\w*\s*\(\s*(\w+)\s*,\s*\w+\s*,\s*(\w+)')
    for folder, _, files in os.walk(os.path.join(root, 'app', 'gui')):
        for name in files:
            if name.endswith('.c'):
                with open(os.path.join(folder, name), encoding='utf-8') as f:
                    for m in define.finditer(f.read()):
                        parents[m.group(1)] = class_of_macro(m.group(2))
    return parents


def classes_of(cls, parents):
    """@cls and the classes it derives from, as far as the sources say."""
    found = set()
    while cls is not None and cls not in found:
        found.add(cls)
        cls = parents.get(cls)
    return found


def property_case(classes, prop):
    """The case of the text given to @prop of an object of @classes, or None: as in .ui files."""
    if ((prop == 'title' and classes & TITLED_CLASSES) or
            (prop == 'heading' and 'AdwMessageDialog' in classes) or
            (prop == 'label' and classes & BUTTON_CLASSES)):
        return HEADER
    if prop in SENTENCE_PROPERTIES:
        owners = SENTENCE_PROPERTIES[prop]
        if owners is None or classes & owners:
            return SENTENCE
    return None


def class_of_object(text, expression, at):
    """The class of the object @expression names at @at: from a cast ("ADW_ACTION_ROW (row)"),
    else from the nearest declaration of its last name before @at ("AdwActionRow *row")."""
    expression = expression.strip()
    cast = re.match(r'^([A-Z][A-Z0-9_]+)\s*\(', expression)
    if cast is not None:
        return class_of_macro(cast.group(1))
    name = re.search(r'(\w+)\s*$', expression)
    if name is None:
        return None
    declarations = list(re.finditer(r'\b((?:Gtk|Adw|Rd)\w+)\s*\*\s*%s\s*[;,=)]' % re.escape(name.group(1)),
                                    text[:at]))
    return declarations[-1].group(1) if declarations else None


def property_texts(text, parents):
    """(line, text, case) of texts given as property pairs to g_object_new () or g_object_set ()."""
    found = []
    for m in re.finditer(r'\bg_object_(new|set)\s*\(', text):
        args, _ = arguments(text, m.end() - 1)
        if not args:
            continue
        if m.group(1) == 'new':
            cls = class_of_macro(args[0])
        else:
            cls = class_of_object(text, args[0], m.start())
        classes = classes_of(cls, parents)
        for i in range(1, len(args) - 1, 2):
            prop = LITERAL.fullmatch(args[i].strip())
            if prop is None:
                continue
            case = property_case(classes, prop.group(1).replace('_', '-'))
            if case is None:
                continue
            for message in MESSAGE.finditer(args[i + 1]):
                found.append((text.count('\n', 0, m.start()) + 1, c_literal(message.group(1)), case))
    return found


def name_case(name):
    """The case of the texts a variable, table or field of this name holds, or None: a title or
    heading is in header case, but a row's title, a subtitle, a tooltip, a description or a
    placeholder reads as a sentence."""
    name = name.lower()
    if re.search(r'subtitle|tooltip|description|placeholder', name) or (
            'row' in name and 'title' in name):
        return SENTENCE
    if re.search(r'title|heading', name):
        return HEADER
    return None


def comment_case(comment):
    """The case a comment says a table or a field is in ("… in sentence case"), or None."""
    if comment is None:
        return None
    if re.search(r'\binside a sentence\b', comment, re.IGNORECASE):
        return FRAGMENT
    if re.search(r'\bsentence[ -]case\b', comment, re.IGNORECASE):
        return SENTENCE
    if re.search(r'\b(?:header|title)[ -]case\b', comment, re.IGNORECASE):
        return HEADER
    return None


def comment_before(original, at):
    """The comment just before @at in @original, with only blanks between, or None."""
    m = re.search(r'/\*((?:(?!\*/).)*)\*/\s*(?:static\s+)?$', original[:at], re.DOTALL)
    return m.group(1) if m else None


def struct_fields(body, original_body, by_name=None):
    """[(name, case)] of the fields of a struct's body, each case from the field's name (through
    @by_name, name_case by default) or from a comment on its line or just before it."""
    by_name = by_name or name_case
    fields = []
    start = 0
    for m in re.finditer(r';', body):
        declaration = body[start:m.start()]
        pointer = re.search(r'\(\s*\*\s*(\w+)\s*\)', declaration)
        name = pointer or re.search(r'(\w+)\s*(?:\[[^\]]*\]\s*)?$', declaration)
        line_end = original_body.find('\n', m.end())
        after = original_body[m.end():line_end if line_end >= 0 else len(original_body)]
        comment = re.search(r'/\*(.*?)\*/', after)
        case = (comment_case(comment.group(1) if comment else None) or
                comment_case(comment_before(original_body, start + len(declaration) - len(declaration.lstrip()))))
        if name is not None:
            fields.append((name.group(1), case or by_name(name.group(1))))
        start = m.end() + (len(after) if comment else 0)
    return fields


def braced(text, start):
    """The text inside the braces that open at @start, and where it ends."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == '"':
            continue
        if text[i] == '{':
            depth += 1
        elif text[i] == '}':
            depth -= 1
            if depth == 0:
                return text[start + 1:i], i
    return text[start + 1:], len(text)


def top_level_parts(body):
    """The parts of an initializer between top-level commas, each with its offset."""
    parts, depth, current, offset = [], 0, 0, 0
    i = 0
    while i < len(body):
        c = body[i]
        if c == '"':
            end = i + 1
            while end < len(body) and body[end] != '"':
                end += 2 if body[end] == '\\' else 1
            i = end + 1
            continue
        if c in '({[':
            depth += 1
        elif c in ')}]':
            depth -= 1
        elif c == ',' and depth == 0:
            parts.append((body[current:i], current))
            current = i + 1
        i += 1
    if body[current:].strip():
        parts.append((body[current:], current))
    return parts


TABLE = re.compile(r'\bconst\s+(?:(?:char|gchar)\s*\*\s*(?:const\s+)?|struct\s*\{(?P<fields>[^{}]*)\}\s*|'
                   r'(?P<type>\w+)\s+)(?P<name>\w+)\s*\[[^\]]*\]\s*=\s*\{')


def table_texts(text, original, root_headers, by_name=None):
    """(line, text, case) of the texts in C tables: an array of strings takes its case from
    its name ("step_titles"), an array of structs from each field's name ("title", "tooltip"),
    through @by_name (name_case by default); a comment before the table, or on a field, that
    says which case it is in decides."""
    by_name = by_name or name_case
    found = []
    for m in TABLE.finditer(text):
        body_start = m.end() - 1
        body, _ = braced(text, body_start)
        table_case = comment_case(comment_before(original, m.start()))
        if m.group('type') is None and m.group('fields') is None:
            case = table_case or by_name(m.group('name'))
            fields = None
        else:
            case = table_case
            if m.group('fields') is not None:
                fields = struct_fields(m.group('fields'), original[m.start('fields'):m.end('fields')],
                                       by_name)
            else:
                fields = struct_fields_of_type(m.group("type"), original + root_headers, by_name)
        for element, offset in top_level_parts(body):
            element_at = body_start + 1 + offset
            values = [(element, element_at, case)]
            # An element for an index given by name: "[RD_RISK_HIGH] = { … }".
            inner = re.sub(r'^\s*\[[^\]]*\]\s*=\s*', '', element).strip()
            if fields is not None and inner.startswith('{'):
                inner_start = element.index('{')
                inner_body, _ = braced(element, inner_start)
                values = []
                position = 0
                for part, at in top_level_parts(inner_body):
                    # After ".name =", the values go on from the field after it.
                    designated = re.match(r'\s*\.(\w+)\s*=', part)
                    names = [f[0] for f in fields]
                    if designated and designated.group(1) in names:
                        position = names.index(designated.group(1))
                    field = fields[position] if position < len(fields) else None
                    values.append((part, element_at + inner_start + 1 + at,
                                   case or (field[1] if field else None)))
                    position += 1
            for value, at, value_case in values:
                if value_case in (None, FRAGMENT):
                    continue
                for message in MESSAGE.finditer(value):
                    found.append((text.count('\n', 0, at + message.start()) + 1,
                                  c_literal(message.group(1)), value_case))
    return found


def struct_fields_of_type(name, text, by_name=None):
    """The fields of the struct typedef'd as @name in @text, or None."""
    m = re.search(r'typedef\s+struct\s*\w*\s*\{([^{}]*)\}\s*%s\s*;' % re.escape(name), text)
    if m is None:
        m = re.search(r'\bstruct\s+_?%s\s*\{([^{}]*)\}\s*;' % re.escape(name), text)
    if m is None:
        return None
    body = COMMENT.sub(lambda c: re.sub(r'[^\n]', ' ', c.group(0)), m.group(1))
    return struct_fields(body, m.group(1), by_name)


def translatable(element):
    return element.get('translatable') == 'yes' and element.text


def ui_header_texts(tree):
    """(where, text) of each translatable title or button text in a .ui tree."""
    found = []
    # A label that is a button's content, or styled as a heading.
    for obj in tree.iter():
        if obj.tag != 'object' or obj.get('class') not in BUTTON_CLASSES:
            continue
        for prop in obj.findall('property'):
            child = prop.find('object')
            if prop.get('name') == 'child' and child is not None and child.get('class') == 'GtkLabel':
                for label in child.findall('property'):
                    if label.get('name') == 'label' and translatable(label):
                        found.append(('button label', label.text))
    for obj in tree.iter('object'):
        style = {c.get('name') for s in obj.findall('style') for c in s.findall('class')}
        if obj.get('class') == 'GtkLabel' and style & HEADING_CLASSES:
            for prop in obj.findall('property'):
                if prop.get('name') == 'label' and translatable(prop):
                    found.append(('heading', prop.text))
    for obj in tree.iter():
        if obj.tag not in ('object', 'template'):
            continue
        classes = {obj.get('class'), obj.get('parent')}
        for prop in obj.findall('property'):
            if not translatable(prop):
                continue
            name = prop.get('name')
            if ((name == 'title' and classes & TITLED_CLASSES) or
                    (name == 'heading' and 'AdwMessageDialog' in classes) or
                    (name == 'label' and classes & BUTTON_CLASSES)):
                found.append(('%s %s' % (obj.get('class'), name), prop.text))
        for response in obj.iter('response'):
            if translatable(response):
                found.append(('response', response.text))
    for item in tree.iter('item'):
        for attribute in item.findall('attribute'):
            if attribute.get('name') == 'label' and translatable(attribute):
                found.append(('menu item', attribute.text))
    return found


def ui_sentence_texts(tree):
    """(where, text) of each translatable text in a .ui tree that reads as a sentence."""
    found = []
    for obj in tree.iter():
        if obj.tag not in ('object', 'template'):
            continue
        classes = {obj.get('class'), obj.get('parent')}
        for prop in obj.findall('property'):
            name = prop.get('name')
            if not translatable(prop) or name not in SENTENCE_PROPERTIES:
                continue
            owners = SENTENCE_PROPERTIES[name]
            if owners is None or classes & owners:
                found.append(('%s %s' % (obj.get('class') or obj.get('parent'), name), prop.text))
        for accessibility in obj.findall('accessibility'):
            for prop in accessibility.findall('property'):
                if prop.get('name') in ('label', 'description') and translatable(prop):
                    found.append(('accessible %s' % prop.get('name'), prop.text))
    return found


def ui_texts(path):
    """(where, text, case) of each translatable text in a .ui file whose case is known."""
    tree = ET.parse(path)
    return ([(where, text, HEADER) for where, text in ui_header_texts(tree)] +
            [(where, text, SENTENCE) for where, text in ui_sentence_texts(tree)])


def check_the_rules():
    """The rules themselves, on texts the HIG would and would not write."""
    cases = {
        HEADER: (['People in This Case', 'Delete This Entry?', '_Write the First Entry',
                  'Anti-Social Behaviour: First Response', 'Stage 1 Complaint', 'What It Is About',
                  'Save Chronology as _OpenDocument…', 'Remove “%s”?', 'Redress Is Locked',
                  'Who They Are Up To', 'Export as _SVG…'],
                 ['Add a step', 'Stage 1 complaint', 'People In This Case', 'Write The First Entry',
                  'the Bundle', 'Chronology on its own']),
        SENTENCE: (['Save complaint', 'Refer the complaint to the Housing Ombudsman',
                    'Working days in England and Wales', 'Copy it. Then paste it', 'Neighbour A',
                    'ASB case review', 'Use “Add a Step” to add one', '%s of %s, stage 1',
                    'Due on Friday 3 May', 'Stage 2 under the Complaint Handling Code',
                    'Press Ctrl+Z to undo', '_Remember my choice', 'Show it in Redress'],
                   ['Save Complaint', 'save complaint', 'Type Of Tenancy', 'Copy it. then paste it',
                    'Report to the Police', 'Outcome Sought', 'First contact with the Landlord']),
    }
    wrong = []
    for case, (good, bad) in cases.items():
        wrong += ['%s (%s)' % (t, case) for t in good if RULES[case](t)]
        wrong += ['%s (%s)' % (t, case) for t in bad if not RULES[case](t)]
    if wrong:
        print('the letter-case rules themselves are wrong about: %s' % ', '.join(wrong))
        sys.exit(1)


def headers_of(folder):
    """The text of every header under @folder, where tables find their structs' fields."""
    headers = ''
    for where, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if name.endswith('.h'):
                with open(os.path.join(where, name), encoding='utf-8') as f:
                    headers += '\n' + f.read()
    return headers


def sources(root):
    """(path, texts of the file as (where, text, case)) of the .ui files, the GUI's C sources
    and the core's labels."""
    parents = parents_of(root)
    gui_headers = headers_of(os.path.join(root, 'app', 'gui'))
    core_headers = headers_of(os.path.join(root, 'app', 'core'))

    def read_c(path):
        return c_texts(path, parents, gui_headers)

    def read_core(path):
        return core_texts(path, core_headers)

    for top, ext, read in (('ui', '.ui', ui_texts), (os.path.join('app', 'gui'), '.c', read_c),
                           (os.path.join('app', 'core'), '.c', read_core)):
        for folder, _, files in sorted(os.walk(os.path.join(root, top))):
            for name in sorted(files):
                if name.endswith(ext):
                    path = os.path.join(folder, name)
                    yield os.path.relpath(path, root), read(path)


def main(argv):
    only = None
    if len(argv) > 2 and argv[1] == '--only':
        only = argv[2]
        argv = [argv[0]] + argv[3:]
        if only not in RULES:
            print('--only takes %s' % ' or '.join(RULES))
            return 2
    root = argv[1] if len(argv) > 1 else '.'
    check_the_rules()
    failures = {HEADER: [], SENTENCE: []}
    for path, texts in sources(root):
        for where, text, case in texts:
            if only not in (None, case):
                continue
            problem = RULES[case](text)
            if problem:
                place = '%s:%d' % (path, where) if isinstance(where, int) else '%s (%s)' % (path, where)
                failures[case].append('%s: “%s”: %s' % (place, text, problem))
    status = 0
    for case, what in ((HEADER, 'titles, buttons or menu items'),
                       (SENTENCE, 'rows, tick boxes, tooltips, descriptions, placeholders, '
                                  'shortcuts or accessible names')):
        if only not in (None, case):
            continue
        for failure in failures[case]:
            print(failure)
        if failures[case]:
            print('%d %s not in %s case (GNOME HIG)' % (len(failures[case]), what, case))
            status = 1
        else:
            print('%s are in %s case' % (what.replace(' or ', ' and '), case))
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
