#!/usr/bin/python3
# test-keyboard-journey-e2e.py: the whole journey with the keyboard alone,
# from an empty data folder to an exported bundle. On a first visit
# (REDRESS_TODAY=2026-02-02) the resident starts a case, writes a diary
# entry, logs a contact and sends a complaint; five weeks later, with no
# answer, What Next offers a chaser, whose letter can be printed or copied,
# and the export assistant makes the bundle. On the way a diary entry, a
# contact and a complaint are deleted by the keyboard and brought back with
# Ctrl+Z. Keys go in through XTest as a person's would; no pointer event is
# ever sent, and no control is pressed through its accessible action. After
# every step the test asks the accessibility tree where the focus is, as a
# screen reader would say it, and fails naming where it should be and where
# it is (in a dialog just opened, which GTK 4.8 with no window manager does
# not say, by where the keys that follow land).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import json
import os
import shutil
import subprocess
import tempfile
import time

import pyatspi
from dogtail import rawinput

from redress_e2e import CLI, fail, poll, start_app, stop_app  # noqa: E402
from redress_keys import describe, focus_newest_window, focused, key  # noqa: E402

CASE_TITLE = "Damp in the back bedroom"
DESCRIPTION = "Black mould over the window again, and the smell is back."
SAID = "They said a surveyor would call within a week."
SAID_AGAIN = "Rang again: nobody had booked the surveyor."
PROMISE = "send a surveyor"
POINTS = "How you handled my reports of damp and mould"


def expect_focus(app, what, role, name=None, starts=None, within=None, timeout=20.0):
    """Waits until the focus is on a @role named @name (or starting with
    @starts, or inside a node named @within), and fails saying where it is."""
    def matches(node):
        if node is None or node.roleName != role:
            return False
        if name is not None and node.name != name:
            return False
        if starts is not None and not (node.name or "").startswith(starts):
            return False
        if within is not None:
            parent = node.parent
            while parent is not None and parent.name != within:
                parent = parent.parent
            if parent is None:
                return False
        return True

    deadline = time.monotonic() + timeout
    node = None
    while time.monotonic() < deadline:
        node = focused(app)
        if matches(node):
            print("# %s: the focus is on %s" % (what, describe(node)))
            return node
        time.sleep(0.3)
    expected = "%s %s" % (role, repr(name) if name is not None
                          else "starting %r" % starts if starts is not None else "(any name)")
    if within is not None:
        expected += " inside %r" % within
    fail("%s: the focus should be on %s, but it is on %s" % (what, expected, describe(node)))


def expect_page(app, name):
    """Waits until the page switcher says the page @name is the one shown."""
    def selected():
        tab = app.findChild(lambda n: n.roleName == "page tab" and n.name == name,
                            retry=False, requireResult=False)
        return tab is not None and tab.getState().contains(pyatspi.STATE_SELECTED)
    poll("the page %r shown" % name, selected)


def read_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def typed_into(app, window_name, name, text):
    """Types @text and checks it landed in the field @name of the window
    @window_name. GTK 4.8 with no window manager does not say which field
    of a dialog has the focus; where the keys go does."""
    what = "in " + (window_name or "the window")

    def field():
        for window in app.children:
            if window_name is not None and window.name != window_name:
                continue
            found = window.findChild(lambda n: n.roleName == "text" and n.name == name,
                                     retry=False, requireResult=False)
            if found is not None:
                return found
        return None
    node = poll("the field %r" % name, field)
    type_text(text)
    try:
        poll("%r typed into %r" % (text, name), lambda: read_text(node) == text, 10)
    except SystemExit:
        fail("%s: the focus should be on the field %r, but what was typed did not land there"
             % (what, name))
    return node


def type_text(text):
    rawinput.typeText(text)
    time.sleep(0.3)


def tab_to(app, what, role, starts, limit=60):
    """Presses Tab until the focus reaches a @role whose name starts with @starts."""
    for _ in range(limit):
        node = focused(app)
        if node is not None and node.roleName == role and (node.name or "").startswith(starts):
            return node
        key("Tab")
    fail("%s: Tab never reached a %s %r; the focus is on %s"
         % (what, role, starts, describe(focused(app))))


def shift_tab_to(app, what, role, name, limit=30):
    """Presses Shift+Tab until the focus reaches the @role named @name."""
    for _ in range(limit):
        node = focused(app)
        if node is not None and node.roleName == role and node.name == name:
            return node
        key("<Shift>Tab")
    fail("%s: Shift+Tab never reached a %s %r; the focus is on %s"
         % (what, role, name, describe(focused(app))))


def confirm_delete(app, what, keep):
    """Answers the question before a delete with Delete, by the keyboard:
    it starts on the harmless answer @keep, and Tab goes to Delete."""
    def asking():
        for w in app.children:
            if w.findChild(lambda n: n.roleName == "push button" and n.name == "Delete",
                           retry=False, requireResult=False) is not None:
                return w
        return None
    question = poll("the question before deleting", asking)
    focus_newest_window()
    expect_focus(app, what + ", asked first", "push button", name=keep)
    key("Tab")
    expect_focus(app, what + ", asked first", "push button", name="Delete")
    key("Return")
    poll("the question answered", lambda: question not in app.children)
    # No window manager: the keyboard goes back to the main window by hand.
    focus_newest_window()


def words_under(node, depth=0):
    """What a screen reader's review of @node reads: its name and its
    descendants' names."""
    words = [node.name or ""]
    if depth < 12:
        for child in node.children:
            words.extend(words_under(child, depth + 1))
    return words


def expect_row(app, what, within, has):
    """Waits for the focus on a list item inside @within, and fails unless
    it reads @has (GTK 4.8 names the row by nothing: its labels say it)."""
    node = expect_focus(app, what, "list item", within=within)
    words = [w for w in words_under(node) if w]
    if not any(has in w for w in words):
        fail("%s: the focus should be on the row of %r, but it is on %s, which reads %r"
             % (what, has, describe(node), words))
    return node


def undo(app, what, within, has):
    """Ctrl+Z; the record comes back, chosen, with the keyboard on its row."""
    key("<Control>z")
    return expect_row(app, what, within, has)


def cli_json(data_dir, *args):
    return json.loads(subprocess.check_output([CLI, "--data-dir", data_dir] + list(args) + ["--json"]))


def window(app, name):
    return poll("the window %r" % name, lambda: next((w for w in app.children if w.name == name), None))


def first_visit(app):
    """Monday 2 February 2026: a case, a diary entry, a contact and a
    complaint, sent that day."""
    # 1. The welcome page: the keyboard starts on Start a Case.
    expect_focus(app, "on the welcome page", "push button", name="Start a Case")
    key("Return")
    window(app, "New Case")
    focus_newest_window()
    typed_into(app, "New Case", "Case title", CASE_TITLE)
    key("<Alt>r")  # C_reate
    # The case opens on its diary, the keyboard on its first entry's button.
    expect_focus(app, "after creating the case", "push button", name="Write the First Entry")
    print("ok 1 - started a case; the focus is on Write the First Entry")

    # 2. A diary entry: the editor takes the keyboard to what happened.
    key("Return")
    expect_focus(app, "in the diary editor", "text", name="What happened")
    type_text(DESCRIPTION)
    key("Tab")
    expect_focus(app, "after what happened", "text", name="How it affected you")
    print("ok 2 - wrote a diary entry")

    # 2b. Deleted by the keyboard: with none left, the keyboard waits on the
    # empty diary's button; Ctrl+Z brings the entry back, the keyboard on it.
    shift_tab_to(app, "in the diary editor", "push button", "Delete this entry")
    key("Return")
    confirm_delete(app, "deleting the entry", "Keep It")
    expect_focus(app, "after deleting the only entry", "push button", name="Write the First Entry")
    undo(app, "after undoing the delete", "Diary entries", DESCRIPTION[:20])
    print("ok 3 - deleted the entry and undid it; the focus followed")

    # 3. A contact: Alt+3, the first contact's button, what was said.
    key("<Alt>3")
    expect_focus(app, "on Contacts", "push button", name="Log the First Contact")
    key("Return")
    expect_focus(app, "in the contact editor", "text", name="What was said")
    type_text(SAID)
    key("Tab")
    # The text inside an entry row says it has the focus, by the row's title.
    expect_focus(app, "in the contact editor", "text", name="They promised to")
    typed_into(app, None, "They promised to", PROMISE)
    print("ok 4 - logged a contact")

    # 3b. A second contact, deleted from its delete button: the keyboard
    # goes to the first; Ctrl+Z brings the second back, the keyboard on it.
    key("<Alt>n")
    expect_focus(app, "in a new contact", "text", name="What was said")
    type_text(SAID_AGAIN)
    shift_tab_to(app, "in the contact editor", "push button", "Delete this contact")
    key("Return")
    confirm_delete(app, "deleting the second contact", "Cancel")
    expect_row(app, "after deleting a contact", "Contacts, newest first", SAID[:20])
    undo(app, "after undoing the delete", "Contacts, newest first", SAID_AGAIN[:20])
    print("ok 5 - deleted a contact and undid it; the focus followed")

    # 4. A complaint through the assistant: Ctrl+Return moves it on; on
    # the letter, Alt+S says it was sent today.
    key("<Alt>4")
    expect_focus(app, "on Complaints", "push button", starts="Start a Complaint")
    key("Return")
    assistant = window(app, "Start a Complaint")
    focus_newest_window()
    typed_into(app, "Start a Complaint", "What you are complaining about, one point per line", POINTS)
    # Each step starts where its work is: the diary entries to tick, the
    # contacts told of, the remedies to tick, the letter.
    for role, starts in (("check box", "Monday 2 February 2026 at 12:00 — " + DESCRIPTION[:20]),
                         ("label", "Your contact log has 2 times you told them"),
                         ("check box", "An apology"),
                         ("text", "Letter")):
        key("<Control>Return")
        expect_focus(app, "in Start a Complaint, the next step", role, starts=starts)
    sent = poll("the sent tick box", lambda: assistant.findChild(
        lambda n: n.roleName == "check box" and (n.name or "").startswith("I have sent it today"),
        retry=False, requireResult=False))
    key("<Alt>t")
    expect_focus(app, "after ticking I have sent it", "text", name="Letter")
    poll("the sent box ticked", lambda: sent.getState().contains(pyatspi.STATE_CHECKED), 10)
    key("<Control>Return")
    # The keyboard lands on the new complaint, not back on the button.
    expect_focus(app, "after the assistant", "list item", within="Complaints")
    print("ok 6 - started a complaint and sent it; the focus is on it in the list")

    # 4b. The Delete key in the list: the last complaint gone, the keyboard
    # is on Start a Complaint; Ctrl+Z brings it back, the keyboard on it.
    key("Delete")
    confirm_delete(app, "deleting the complaint", "Cancel")
    expect_focus(app, "after deleting the only complaint", "push button", starts="Start a Complaint")
    undo(app, "after undoing the delete", "Complaints", POINTS[:20])
    print("ok 7 - deleted the complaint and undid it; the focus followed")
    # Ctrl+Q: the window saves what is pending as it closes.
    key("<Control>q")


def return_visit(app, bundle):
    """Five weeks later, Monday 9 March 2026: no answer, so What Next says
    to chase; the chaser, then the bundle."""
    # 5. The case opens again where it was left; Alt+1 goes to What Next.
    # The keyboard starts in the page shown, not on Switch case.
    expect_focus(app, "in the reopened case", "push button", starts="Start a Complaint")
    focus_newest_window()
    key("<Alt>1")
    expect_page(app, "What Next")
    expect_focus(app, "on What Next", "push button", starts="Start a Complaint")
    tab_to(app, "on What Next", "push button", "Write a Chaser")
    key("Return")
    window(app, "Chaser")
    focus_newest_window()
    expect_focus(app, "in the letter", "text", name="Letter")
    letter = read_text(focused(app))
    # The complaint was made on the first visit: the chaser says so.
    if "2 February 2026" not in letter:
        fail("the chaser does not say when the complaint was made: %r" % letter[:400])
    # Print and Copy are reachable from the letter with the keyboard alone.
    key("<Shift>Tab")
    reached = {describe(focused(app))}
    for _ in range(4):
        key("<Shift>Tab")
        reached.add(describe(focused(app)))
    for name in ("Print", "Copy Letter"):
        if "push button %r" % name not in reached:
            fail("Shift+Tab from the letter never reached %r, only %s" % (name, sorted(reached)))
    key("Escape")
    poll("the letter closed", lambda: not any(w.name == "Chaser" for w in app.children))
    # A window manager gives the keyboard back to the main window.
    focus_newest_window()
    expect_focus(app, "back from the letter", "push button", starts="Write a Chaser")
    print("ok 8 - What Next, the chaser; Print and Copy reachable")

    # 6. The bundle: Ctrl+E, Export…, a file name, Return.
    key("<Control>e")
    window(app, "Export Bundle")
    focus_newest_window()
    # The keyboard starts on Export…, not on Cancel.
    expect_focus(app, "in Export Bundle", "push button", name="Export…")
    key("<Alt>e")  # _Export…
    chooser = poll("the file chooser", lambda: next((w for w in app.children
                                                     if w.name == "Save the Bundle"), None))
    focus_newest_window()
    expect_focus(app, "in the file chooser", "text", within=chooser.name)
    key("<Control>a")
    type_text(bundle)
    key("Return")
    expect_focus(app, "on the done page", "push button", name="Open", timeout=90)
    if not os.path.exists(bundle) or os.path.getsize(bundle) == 0:
        fail("the done page shows, but %s is not there" % bundle)
    check = subprocess.run(["qpdf", "--check", bundle], capture_output=True)
    if check.returncode != 0:
        fail("qpdf --check on the bundle: %s" % check.stdout.decode())
    # The done page says which folder the bundle is in.
    export = window(app, "Export Bundle")
    folder = os.path.dirname(bundle)
    poll("the folder named on the done page", lambda: export.findChild(
        lambda n: n.roleName == "label" and folder in (n.name or ""),
        retry=False, requireResult=False), 10)
    print("ok 9 - exported the bundle; the focus is on Open")


def main():
    work = tempfile.mkdtemp(prefix="redress-e2e-")
    data_dir = os.path.join(work, "data")
    bundle = os.path.join(work, "bundle.pdf")
    process = None
    try:
        process, app = start_app(data_dir, "2026-02-02")
        first_visit(app)
        if process.wait(timeout=30) != 0:
            fail("Redress ended with %d after Ctrl+Q" % process.returncode)

        process, app = start_app(data_dir, "2026-03-09")
        return_visit(app, bundle)

        cases = cli_json(data_dir, "cases")
        if [c["title"] for c in cases] != [CASE_TITLE]:
            fail("redress-cli lists cases %r" % cases)
        stored = json.dumps(cli_json(data_dir, "incidents", str(cases[0]["id"])))
        if DESCRIPTION not in stored:
            fail("the diary entry was not saved: %s" % stored)
        print("ok 10 - what was typed is in the store")
    finally:
        if process is not None:
            stop_app(process)
        shutil.rmtree(work, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
