#!/usr/bin/python3
# test-spoken-e2e.py: what a screen reader says, focus stop by focus stop.
# The sample case is read as Orca reads it to a person moving by Tab: each
# page (Alt+1…6) and each dialog and window of the case is gone through with
# Tab until the focus comes back round, and at each stop the focused
# object's name, role, state or value and description are read over AT-SPI
# and put together as the line Orca speaks on focus. The test fails when a
# line would be empty or only a role, carries a type's name ("GtkButton") or
# a mnemonic underscore, says its name twice ("Next Next"), repeats the
# line of the stop before it on another control (a person cannot tell the
# two apart), takes the focus inside the stop before it by the same name (a
# letter tile, then the button it holds: one control, two stops), is named
# by two different labels joined ("Include the chronology Chronology": GTK
# 4.8 says a widget's label and then what its labelled-by relation points
# to), when a list's row says only its first words while it shows more (a
# row gives its content as its name and its description), when a stop's
# description reaches AT-SPI as a change after its focus (a screen reader
# says it twice), when a window's first stop is not the newest focus a
# screen reader was told of as the window opened (it says nothing there),
# when a Tab says nothing (the text inside an entry row included), and when a stop heard in a window's ring belongs to another
# window (the focus read was that window's, left behind: what the window
# itself does went unheard). It
# fails too when a container around the stop, which Orca says before it as
# the focus goes in, is named after its type ("GtkStackPage panel"), and
# when going to a page by Alt+1…6 does not say the page's name, on a stop
# that ends its name with its role's word ("Letter text text"), on a stop
# inside a control of its own name (a drop-down, or an entry row's text,
# said twice) or of another name (a button in a combo row, said after the
# row's name when reached from elsewhere), and on a window of the case
# that is not a dialog.
# The whole transcript, one line per focus stop, is written to the file
# given as the first argument (meson gives one in the build folder), to be
# read by a person: it is what a blind resident hears.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import os
import shutil
import sys
import tempfile
import time

import pyatspi

from redress_e2e import fail, find, poll, press, start_app, stop_app  # noqa: E402
from redress_keys import (described_after_focus, describe, focus_newest_window, focused, key,  # noqa: E402
                          last_focus_told)
from redress_windows import (GTYPE_NAME, HOLDER_ROLES, MNEMONIC, case_dialogs,  # noqa: E402
                             check_not_lost, close_window, open_window, said_twice, tab_to)

# A fixed day, never the real one: the sample case as written.
TODAY = "2025-03-07"
PAGES = ("What Next", "Diary", "Contacts", "Complaints", "Evidence", "Timeline")
# A window's Tab ring is gone round once the focus comes back to a stop
# already heard; a ring longer than this is cut short, and says so.
MOST_STOPS = 90
# Rows of a list: what they show beyond their name is their description.
ROW_ROLES = ("list item", "table row", "tree item", "table cell")
# A stop that says what the stop before it said, on another control: a
# person cannot tell the two apart. (The timeline's list said two contacts
# of the same minute alike, the sample's complaint typed and imported from
# its email, until a contact's sentence said who it was with and what it
# was about.)
REPEATED = "says the same as the stop before it, another control"
# A control that takes the focus inside the stop before it, by the same
# name: the flow box's child or the row around it was a stop of its own
# that said nothing more (What Next's letter tiles, a row and its switch).
INSIDE_AGAIN = "takes the focus again inside the stop before it, by the same name"
# A control whose description came as a change after its focus: Orca 43
# says the description with the focus, then the change, the same words
# twice (GTK 4.8 told AT-SPI of a control at its first focus, and sent what
# was set on it before as changes just after).
DESCRIBED_AGAIN = "has its description sent as a change after its focus, said twice"
# A window whose first stop a screen reader is not told of as the newest
# focus: GTK 4.8 gave it the focus before the window was active, and told
# nothing when it became so (About was said "About frame" and no more).
UNTOLD_FIRST = "is where the window opens, but a screen reader is not told of it last"
# Roles whose words are the control's own: a row's line leaves them out.
CONTROL_ROLES = ("push button", "toggle button", "check box", "radio button", "combo box",
                 "spin button", "text", "entry", "password text", "slider", "link",
                 "menu item", "page tab")


def state_or_value(node, role):
    """What Orca says after the role: a tick box's state, a spin button's
    value, a text field's text."""
    try:
        states = node.getState()
        if role in ("check box", "radio button"):
            return "checked" if states.contains(pyatspi.STATE_CHECKED) else "not checked"
        if role == "toggle button":
            return "pressed" if states.contains(pyatspi.STATE_PRESSED) else "not pressed"
        if role in ("spin button", "slider"):
            return "%g" % node.queryValue().currentValue
        if role in ("text", "entry", "password text"):
            text = node.queryText()
            return text.getText(0, min(text.characterCount, 60)).replace("\n", " ")
    except Exception:  # no such interface, or gone
        pass
    return ""


def spoken(node):
    """(name, role, value, description) as Orca says them when @node gets the focus."""
    role = node.roleName
    return ((node.name or "").strip(), role, state_or_value(node, role),
            (node.description or "").strip())


def is_focus_stop(node):
    """Whether Tab could stop on @node: a list box says it is focusable,
    but Tab goes into it, to its rows."""
    try:
        states = node.getState()
        return (states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_VISIBLE)
                and node.roleName not in HOLDER_ROLES + ("list",))
    except Exception:  # gone from the tree
        return False


WINDOW_ROLES = ("frame", "window", "dialog", "alert")


def below(node, depth=0):
    """The nodes inside @node, in the order of the tree."""
    try:
        children = node.children if depth < 40 else []
    except Exception:  # gone from the tree
        children = []
    for child in children:
        yield child
        yield from below(child, depth + 1)


def is_window(node):
    """A window of the application, whatever its role (the test fails on a
    dialog of the case that is not a "dialog"): a child of the application."""
    parent = node.parent
    return node.roleName in WINDOW_ROLES or parent is None or parent.roleName == "application"


def after(node):
    """The nodes after @node in its window, in the order of the tree: inside
    it, then after it, then after each node around it."""
    yield from below(node)
    while node is not None and not is_window(node):
        try:
            parent, index = node.parent, node.getIndexInParent()
            siblings = parent.children[index + 1:] if parent is not None else []
        except Exception:  # gone from the tree
            return
        for sibling in siblings:
            yield sibling
            yield from below(sibling)
        node = parent


def window_of(node):
    while node is not None and not is_window(node):
        node = node.parent
    return node


def focused_in(window):
    """The control in @window that has the focus, or None."""
    for node in below(window):
        try:
            states = node.getState()
            if states.contains(pyatspi.STATE_FOCUSED) and node.roleName not in WINDOW_ROLES:
                return node
        except Exception:  # gone from the tree
            pass
    return None


def next_control(node, heard, limit=600):
    """Where Tab went from @node without a word, as far as the tree tells:
    the first control after it in the order of the tree (which Tab mostly
    follows) not heard yet in this round."""
    for seen, candidate in enumerate(after(node)):
        if seen > limit:
            return None
        if is_focus_stop(candidate) and candidate.path not in heard:
            return candidate
    return None


def line_of(parts):
    """One line, as Orca says it: a pause where a description breaks a line."""
    return ", ".join(" / ".join(p.split("\n")) for p in parts if p)


def row_words(node, depth=0):
    """The words a row shows, in the order of its tree: its labels', a
    control's own words left out."""
    if depth > 12:
        return []
    words = []
    try:
        for child in node.children:
            role = child.roleName
            if role in CONTROL_ROLES:
                continue
            if not child.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            if role == "label" and (child.name or "").strip():
                words.append(child.name.strip())
            words += row_words(child, depth + 1)
    except Exception:  # the tree changes under our feet
        pass
    return words


def words(text):
    return {w.strip(".,:;()“”\"'·…").lower() for w in text.split()} - {""}


def labelled_by(node):
    """What @node's labelled-by relation points to, as GTK 4.8 joins it
    into the name, or ''."""
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                targets = (relation.getTarget(i) for i in range(relation.getNTargets()))
                return " ".join(n for n in ((t.name or "").strip() for t in targets if t is not None) if n)
    except Exception:  # no relations, or gone
        pass
    return ""


def joined_labels(name, node):
    """(its own label, what labels it) when @name is two different labels
    joined: GTK 4.8 names a widget by its label property and then by what
    its labelled-by relation points to. None otherwise."""
    by = labelled_by(node)
    if not by or name == by or not name.endswith(" " + by):
        return None
    own = name[:-len(by)].strip()
    return (own, by) if own and own != by else None


def said_name(node):
    try:
        return (node.name or "").strip()
    except Exception:  # gone from the tree
        return None


def is_inside(node, container):
    """Whether @node is inside @container in the accessibility tree."""
    try:
        path = container.path
        node = node.parent
        while node is not None and node.roleName not in WINDOW_ROLES:
            if node.path == path:
                return True
            node = node.parent
    except Exception:  # gone from the tree
        pass
    return False


def said_again(name, description):
    """The description ends by saying the whole name again ("Delete this
    entry" described "Delete this entry")."""
    named, described = name.split(), description.split()
    return bool(named) and described[-len(named):] == named


# Containers Orca leaves out whatever their name: only for laying out.
LAYOUT_ROLES = ("filler", "scroll pane", "section", "layered pane", "redundant object",
                "unknown", "separator")


def containers_said(node, depth=0):
    """The names of the containers around @node up to its window, which
    Orca says as the focus goes into them ("Diary panel"); a container
    without a name, or only for laying out, it leaves out."""
    names = []
    try:
        parent = node.parent
        while parent is not None and parent.roleName not in WINDOW_ROLES and depth < 60:
            if (parent.name or "").strip() and parent.roleName not in LAYOUT_ROLES:
                names.append(parent.name.strip())
            parent, depth = parent.parent, depth + 1
    except Exception:  # gone from the tree
        pass
    return names


# Controls Orca 43 says by their name as the focus goes into them, as it
# says a panel's (its speech formats for an ancestor); a button around a
# button (a menu button) it says by its state alone, if at all.
SAID_AROUND_ROLES = ("combo box", "text", "entry", "password text", "page tab")


def controls_around(node, depth=0):
    """The names of the controls (a combo box, a text field…) that hold
    @node, which Orca says, by name and role, as the focus goes in."""
    names = []
    try:
        parent = node.parent
        while parent is not None and parent.roleName not in WINDOW_ROLES and depth < 60:
            if parent.roleName in SAID_AROUND_ROLES:
                names.append((parent.name or "").strip())
            parent, depth = parent.parent, depth + 1
    except Exception:  # gone from the tree
        pass
    return names


def problems_of(parts, node, before):
    """What is wrong with this stop's line, given the stop before it
    (its line and its object's path, or None)."""
    name, role, value, description = parts
    line = line_of(parts)
    found = []
    if not name and not value and not description:
        found.append("says only its role" if role else "says nothing")
    elif not name:
        found.append("has no name")
    for word in (name + " " + description).split():
        if GTYPE_NAME.match(word.strip(",.:;")):
            found.append("says a type's name, %r" % word)
    # GTK 4.8 names a stack's page without a title "GtkStackPage", which
    # Orca said before the control each time the focus went into one.
    for container in containers_said(node):
        if GTYPE_NAME.match(container):
            found.append("is inside a container said as a type's name, %r" % container)
    # A drop-down was a combo box around the button that takes the focus,
    # and an entry row a text field around its text: Orca said the control
    # around, then the stop, by the same name.
    around = controls_around(node)
    if name and name in around:
        found.append("is inside a control of its name, which is said before it")
    # A button inside a combo row (Contacts' "Add or change people" in the
    # "With" row): Tab from the row says the button alone, but reached
    # from anywhere else (Shift+Tab from below) Orca says the row first,
    # "With combo box", as if the button were a part of its choice.
    elif around:
        found.append("is inside another control, %r, which is said before it when the focus "
                     "comes from outside" % around[0])
    if MNEMONIC.search(name) or MNEMONIC.search(description):
        found.append("says a mnemonic underscore")
    if said_twice(name) or said_again(name, description):
        found.append("says its name twice")
    # Orca says the role after the name: the letter's text, named "Letter
    # text", was "Letter text text".
    if name and role and name.lower().split()[-1:] == role.split()[-1:]:
        found.append("ends its name with its role's word, which is said again after it")
    if before is not None and before[0] == line and before[1] != node.path:
        found.append(REPEATED)
    container = before[2] if before is not None and len(before) > 2 else None
    if container is not None and name and is_inside(node, container) and said_name(container) == name:
        found.append(INSIDE_AGAIN)
    joined = joined_labels(name, node)
    if joined:
        found.append("is named by two labels joined, %r and %r" % joined)
    if role in ROW_ROLES:
        said = words(name + " " + description)
        more = [w for w in row_words(node) if not words(w) <= said]
        if more:
            found.append("a row says only %r while it shows %r too" % (line, more))
    return found


class Reader:
    """Goes round windows by Tab, keeping the transcript and the problems."""

    def __init__(self, app):
        self.app = app
        self.transcript = []
        self.problems = []

    def read_ring(self, where, window=None, opened=False):
        """From where the focus is in @window (by default the window the
        focus is in now), Tab until the focus comes back to a stop already
        heard in this ring (or stays put). Each stop must be @window's own,
        and, in a window just @opened, the first must be the newest focus
        a screen reader was told of."""
        if window is None:
            node = focused(self.app)
            window = window_of(node) if node is not None else None
        self.transcript.append("== %s" % where)
        heard, before, silent = set(), None, 0
        # What Tab passed without a word, as far as the tree tells.
        silences = set()
        for stop in range(MOST_STOPS):
            if stop:
                key("Tab")
            node = self.wait_for_focus(window)
            if node is not None and window is not None and window_of(node) != window:
                if stop == 0:
                    # Nothing in it has the focus yet: a screen reader says
                    # the window's title as it opens, and Tab goes into it.
                    self.transcript.append("(opens with nothing focused: %r is said)" % window.name)
                    continue
                try:
                    line, home = line_of(spoken(node)), window_of(node)
                except Exception:  # gone as we read it
                    line, home = "?", None
                problem = "belongs to another window, %s" % describe(home)
                self.transcript.append(line + "    <- " + problem)
                self.problems.append("%s: %r %s" % (where, line, problem))
                if node.path in heard:
                    return
                heard.add(node.path)
                before = (line, node.path, node)
                continue
            if node is None:
                # No focus event and no focused object: Orca says nothing.
                silent += 1
                if silent > 3:
                    fail("%s: the focus is lost after %d Tabs" % (where, stop))
                passed = heard | silences
                before = ("", None, self.hear_silence(where, before, passed))
                silences |= passed - heard
                continue
            silent = 0
            try:
                parts, path = spoken(node), node.path
            except Exception:  # gone as we read it: read where the focus is now
                continue
            if path in heard:
                return
            heard.add(path)
            line = line_of(parts)
            found = problems_of(parts, node, before)
            if stop == 0 and opened and not self.first_stop_told(window):
                found.append(UNTOLD_FIRST)
            if parts[3] and described_after_focus(node):
                found.append(DESCRIBED_AGAIN)
            self.transcript.append(line + "".join("    <- " + f for f in found))
            for problem in found:
                self.problems.append("%s: %r %s" % (where, line, problem))
            before = (line, path, node)
        self.transcript.append("(cut short after %d stops)" % MOST_STOPS)

    def first_stop_told(self, window, timeout=3.0):
        """Whether the newest focus told since the window was opened is in
        @window. A screen reader keeps only the newest: the window's own
        focus, told before the window was active, or followed by the focus
        going back to the menu's button in the window below, is not said."""
        deadline = time.monotonic() + timeout
        while True:
            told = last_focus_told()
            try:
                if told is not None and window_of(told) == window:
                    return True
            except Exception:  # gone from the tree
                pass
            if time.monotonic() > deadline:
                return False
            time.sleep(0.3)

    def hear_silence(self, where, before, passed):
        """Where the Tab went that said nothing: the next control after the
        stop before it that Tab has not passed yet in this round."""
        last = before[2] if before is not None and len(before) > 2 else None
        node = next_control(last, passed) if last is not None else None
        if node is not None:
            passed.add(node.path)
        self.transcript.append("(silence, %s)    <- says nothing" % describe(node))
        self.problems.append("%s: the stop after %r (%s) says nothing" % (
            where, before and before[0], describe(node)))
        return node

    def wait_for_focus(self, window, timeout=2.5):
        """The focus in @window; or, when none comes in time, where it is
        (another window's, or None). No focus event comes for the control a
        window opens on: a screen reader looks for it in the window, as
        this does when the last focus heard is another's."""
        deadline = time.monotonic() + timeout
        while True:
            node = focused(self.app)
            try:
                if window is None and node is not None:
                    return node
                if window is not None and node is not None and window_of(node) != window:
                    node = focused_in(window) or node
                if node is not None and window_of(node) == window:
                    return node
            except Exception:  # gone as we read it
                pass
            if time.monotonic() > deadline:
                return node
            time.sleep(0.3)

    def read_window(self, what, opener, inside=None):
        window = open_window(self.app, what, opener)
        # Each of these belongs to the main window: a screen reader says
        # "dialog" after its title. GTK 4.8 left some without a role
        # ("filler"), which Orca leaves unsaid.
        if window.roleName != "dialog":
            self.problems.append("%s (%s) is a %s, not a dialog" % (what, window.name, window.roleName))
        self.read_ring("%s (%s)" % (what, window.name), window, opened=True)
        if inside is not None:
            inside(window)
        close_window(self.app, window, what)


def write_transcript(path, transcript):
    if path:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(transcript) + "\n")
        print("# the transcript is in %s" % path)


def main():
    transcript_path = sys.argv[1] if len(sys.argv) > 1 else None
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = None
    started = time.monotonic()
    reader = None
    try:
        process, app = start_app(data_dir, today=TODAY)
        press(find(app, "push button", "Open Sample Case"))
        frame = poll("the sample case", lambda: [w for w in app.children if w.name != "Redress (Locked)"
                                                 and w.findChild(
                                                     lambda n: (n.name or "").startswith("Sample: noise"),
                                                     retry=False, requireResult=False)][0])
        focus_newest_window()
        reader = Reader(app)
        for number, page in enumerate(PAGES, start=1):
            key("<Alt>%d" % number)
            poll("the page %r shown" % page, lambda: find(frame, "page tab", page).getState().contains(
                pyatspi.STATE_SELECTED))
            # Orca says the page the focus goes into by its name ("Diary
            # panel"): going to a page by its key says which page it is.
            node = reader.wait_for_focus(frame)
            if node is None or page not in containers_said(node):
                reader.problems.append("going to the %s page by Alt+%d does not say its name (the focus "
                                       "is on %s)" % (page, number, describe(node)))
            reader.read_ring("the %s page" % page, frame)

        def turn_on_adviser_mode(window):
            # Client Record is offered to advisers: Preferences' first switch.
            tab_to(app, "I am an adviser", "the adviser switch")
            key("space")
        insides = {"Preferences": turn_on_adviser_mode}
        for what, opener in case_dialogs(app, frame):
            reader.read_window(what, opener, insides.get(what))
        check_not_lost("at the end")
    finally:
        stop_app(process)
        shutil.rmtree(data_dir, ignore_errors=True)
        if reader is not None:
            write_transcript(transcript_path, reader.transcript)
    stops = sum(1 for line in reader.transcript if not line.startswith(("==", "(cut")))
    print("# %d focus stops heard in %.0f s" % (stops, time.monotonic() - started))
    if reader.problems:
        for p in reader.problems:
            print("# " + p)
        fail("%d focus stops a screen reader would say badly" % len(reader.problems))
    print("ok 1 - every focus stop of the sample case's pages and dialogs is said well")


if __name__ == "__main__":
    main()
