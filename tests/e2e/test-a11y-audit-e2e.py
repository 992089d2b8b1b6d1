#!/usr/bin/python3
# test-a11y-audit-e2e.py: what a screen reader hears in the sample case.
# Every page and the Start a Complaint assistant are opened, then the whole
# accessibility tree is read, and the test fails on a control a screen
# reader would announce badly: no name, a GType name ("GtkCheckButton"),
# a name said twice ("Next Next") or one with a mnemonic underscore.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import re
import shutil
import subprocess
import tempfile

import pyatspi

from redress_e2e import APP, fail, find, poll, press  # noqa: E402
from dogtail.tree import root  # noqa: E402

PAGES = ("What Next", "Diary", "Contacts", "Complaints", "Evidence", "Timeline")
# Roles a person moves to and acts on: each needs a name of its own.
CONTROL_ROLES = ("push button", "toggle button", "check box", "radio button", "text",
                 "combo box", "spin button", "page tab", "menu item", "slider")
# Roles that may have no name, but never a GType's.
NAMED_ROLES = CONTROL_ROLES + ("image", "frame", "dialog", "label")
GTYPE_NAME = re.compile(r"^(Gtk|Adw|Rd)[A-Z][A-Za-z]+$")
MNEMONIC = re.compile(r"(^|\s)_\w|\w_\w")


def said_twice(name):
    """ "Next Next", or a label with its title again: "How you told them How"."""
    words = [w.lower() for w in name.split()]
    return any(words[:k] == words[-k:] for k in range(1, len(words) // 2 + 1))


def audit(node, where, problems, depth=0):
    if depth > 80:
        return
    try:
        role, name = node.roleName, node.name or ""
        focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
        children = node.children
    except Exception:  # the tree changes under our feet
        return
    what = "%s: %s %r" % (where, role, name)
    if GTYPE_NAME.match(name):
        # Where it is, for whoever has to find it.
        chain, parent = [], node.parent
        while parent is not None and len(chain) < 6:
            chain.append("%s %r" % (parent.roleName, parent.name))
            parent = parent.parent
        what += " (in " + " < ".join(chain) + ")"
    if role in NAMED_ROLES and GTYPE_NAME.match(name):
        problems.add(what + " is named after its type")
    elif role in CONTROL_ROLES and focusable and not name.strip():
        problems.add(what + " has no name")
    elif role in CONTROL_ROLES and MNEMONIC.search(name):
        problems.add(what + " carries a mnemonic underscore")
    elif role in CONTROL_ROLES and said_twice(name):
        problems.add(what + " is said twice")
    for child in children:
        audit(child, where, problems, depth + 1)


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = subprocess.Popen([APP, "--data-dir", data_dir])
    problems = set()
    try:
        def registered():
            return [a for a in root.applications() if a.name == "redress"][0]
        app = poll("the app on the accessibility bus", registered, 30)
        press(find(app, "push button", "Open Sample Case"))
        frame = poll("the main window", lambda: [w for w in app.children if w.name != "Redress (Locked)"][0])

        for page in PAGES:
            press(find(frame, "page tab", page))
        audit(frame, "main window", problems)
        print("# read the main window and its six pages")

        press(find(frame, "page tab", "Complaints"))
        # Pages not shown are in the tree too: press the one that opens it.
        buttons = frame.findChildren(lambda n: n.roleName == "push button" and n.name == "Start a Complaint…")
        assistant = None
        for button in buttons:
            press(button)
            try:
                assistant = [w for w in app.children if w.name == "Start a Complaint"][0]
                break
            except IndexError:
                pass
        assistant = assistant or poll("the assistant",
                                      lambda: [w for w in app.children if w.name == "Start a Complaint"][0])
        points = find(assistant, "text", "What you are complaining about, one point per line")
        points.text = "How you handled my reports of noise"
        press(find(assistant, "push button", "Next"))
        poll("the diary entries to tick",
             lambda: [c for c in assistant.findChildren(lambda n: n.roleName == "check box")])
        audit(assistant, "Start a Complaint", problems)
        print("# read Start a Complaint, step 2")
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(data_dir, ignore_errors=True)

    if problems:
        for p in sorted(problems):
            print("# " + p)
        fail("%d controls a screen reader would announce badly" % len(problems))
    print("ok 1 - every control of the sample case's pages and assistant has a proper name")


if __name__ == "__main__":
    main()
