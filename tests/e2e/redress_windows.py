# redress_windows.py: what the tests that read Redress as a screen reader
# does share: its windows and dialogs opened by the keys a person would
# press and closed with Escape, the rules a spoken name breaks, and the
# check that Redress never tells AT-SPI it has gone.
# SPDX-License-Identifier: GPL-3.0-or-later

import re

import pyatspi

from redress_e2e import fail, poll, press
from redress_keys import describe, focus_newest_window, focused, key, newest_window
from redress_keys import _pump_events as pump_events

# Roles that only hold the focus for what is inside them: a window passes
# it to its first control and is named by its title (checked as below,
# never a type's); a scrolled window and a flow box hand it to their
# content, which is read for itself.
HOLDER_ROLES = ("frame", "window", "dialog", "alert", "scroll pane", "table")
GTYPE_NAME = re.compile(r"^(Gtk|Adw|Rd)[A-Z][A-Za-z]+$")
MNEMONIC = re.compile(r"(^|\s)_\w|\w_\w")


def said_twice(name):
    """ "Next Next", or a label with its title again: "How you told them How"."""
    # As written: "Landscape pages stay landscape" says one word twice, not itself.
    words = name.split()
    return any(words[:k] == words[-k:] for k in range(1, len(words) // 2 + 1))


# GTK 4.8 says a toplevel left the application with the application's own
# root as the child that left, whenever a window changes while realized but
# not yet shown (the policy dialog did, titled as it mapped). libatspi then
# forgets the whole application: a screen reader loses Redress, and every
# call here fails with "The application no longer exists". Such an event is
# a failure of its own, named as soon as it comes.
_LOST = []


def _on_children_removed(event):
    if event.any_data is not None and event.any_data == event.source:
        _LOST.append(event.type)


pyatspi.Registry.registerEventListener(_on_children_removed, "object:children-changed:remove")


def check_not_lost(what):
    pump_events()
    if _LOST:
        fail("Redress told AT-SPI that it had removed itself, %s: a screen reader loses it" % what)


def open_window(app, what, opener, timeout=20):
    """Runs @opener and waits for the window it opens: the app's newest.
    Windows are told apart by who they are, not counted: a menu that closes
    just as the window opens (a popover is a window of the app too) would
    leave the count as it was."""
    before = list(app.children)
    below = newest_window()

    def opened():
        check_not_lost("opening " + what)
        new = [w for w in app.children
               if w not in before and w.roleName not in ("menu", "popup menu", "tool tip")]
        return new[-1] if new else None
    opener()
    window = poll(what + " opened", opened, timeout)
    focus_newest_window(not_before=below)
    return window


def close_window(app, window, what):
    """Escape, as a person would, and the window is gone."""
    focus_newest_window()
    key("Escape")
    poll(what + " closed with Escape", lambda: window not in list(app.children), 10)
    focus_newest_window()


def check_menu_name(item):
    """A screen reader says a menu's name, then its word for a menu, as
    the focus goes into it: a name that ends in that word is heard twice
    ("Main menu menu")."""
    menu = item.parent
    while menu is not None and menu.roleName not in ("menu", "application"):
        menu = menu.parent
    name = (menu.name or "").strip() if menu is not None and menu.roleName == "menu" else ""
    if name.lower().split()[-1:] == ["menu"]:
        fail("the menu is named %r, which a screen reader says %r" % (name, name + " menu"))


def pick_from_menu(app, label):
    """In the menu just opened, Down until @label has the focus, then Return.
    The case menu starts with its list of cases, which Tab leaves."""
    for _ in range(16):
        node = focused(app)
        if node is not None and node.roleName == "menu item" and node.name == label:
            check_menu_name(node)
            key("Return")
            return
        key("Tab" if node is not None and node.roleName == "list item" else "Down")
    fail("the menu never reached %r; the focus is on %s" % (label, describe(focused(app))))


def main_menu(app, label):
    def opener():
        key("F10")
        pick_from_menu(app, label)
    return opener


def press_named(node, name):
    """Presses the control whose name starts with @name (whether or not the
    audit finds it said twice), whatever its role: GTK 4.8 calls a switch
    a check box."""
    press(poll(repr(name), lambda: node.findChild(
        lambda n: (n.name or "").startswith(name) and n.roleName not in HOLDER_ROLES and n.actions,
        retry=False, requireResult=False)))


def case_menu(app, frame, label):
    def opener():
        # A menu button is a button inside a button: the inner one acts.
        press_named(frame, "Switch case")
        pick_from_menu(app, label)
    return opener


def tab_to(app, name, what, limit=40, step="Tab"):
    """Press @step (Tab, or Shift+Tab to go back) until the focus is on the
    control whose name starts with @name, as a keyboard user moves through
    a window."""
    for _ in range(limit):
        node = focused(app)
        if node is not None and (node.name or "").startswith(name):
            return node
        key(step)
    fail("%s never reached %s; the focus is on %s"
         % (step.replace("<Shift>", "Shift+"), what, describe(focused(app))))


def by_button(app, page, name, what):
    """An opener that goes to a page (Alt+1…6), then Tab to the button whose
    name starts with @name, and presses it with Space, as a person does. A
    button pressed by its action, between keys, was a window opened while
    nothing waited for a screen reader: the walk with Orca heard nothing of
    its first stop."""
    def opener():
        key(page)
        tab_to(app, name, what, limit=60)
        key("space")
    return opener


def case_dialogs(app, frame):
    """(what, opener) of every dialog and window of the open case, each
    opened by the keys a person would press: menus by F10 and the arrow
    keys, buttons by Tab and Space."""
    return [
        ("Preferences", main_menu(app, "Preferences")),
        ("Client Record", case_menu(app, frame, "Client Record…")),
        ("About", main_menu(app, "About Redress")),
        ("the shortcuts window", main_menu(app, "Keyboard Shortcuts")),
        ("New Case", main_menu(app, "New Case…")),
        ("Case Details", case_menu(app, frame, "Case Details…")),
        ("Export", lambda: key("<Control>e")),
        ("People", by_button(app, "<Alt>3", "People in this case", "the People button")),
        ("History", by_button(app, "<Alt>2", "History", "the History button")),
        ("Add Step", by_button(app, "<Alt>4", "Add Step…", "the Add Step button")),
        ("a letter", by_button(app, "<Alt>4", "Stage 1 Complaint…", "the Stage 1 Complaint button")),
    ]
