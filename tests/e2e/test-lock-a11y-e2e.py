#!/usr/bin/python3
# test-lock-a11y-e2e.py: locking and unlocking while a screen reader reads the
# window. Unlocking puts the case pages back into the window; GTK 4.8 then
# resets each widget's accessible role, and a role reset on an accessible
# object that a client has already read is a Gtk-CRITICAL. The app runs under
# G_DEBUG=fatal-criticals, so any such critical ends it and fails the test.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import os
import shutil
import subprocess
import tempfile
import time

import pyatspi
from dogtail import rawinput

from redress_e2e import APP, fail, find, poll, press  # noqa: E402
from dogtail.tree import root  # noqa: E402

PAGES = ("What Next", "Diary", "Contacts", "Complaints", "Evidence")


def read_all(node, depth=0):
    """Reads every node below node as a screen reader browsing it would:
    name, role, description, states and relations. Returns how many."""
    if depth > 80:
        return 0
    try:
        node.name, node.roleName, node.description
        node.getState()
        node.getRelationSet()
        children = node.children
    except Exception:  # the tree changes under our feet
        return 0
    return 1 + sum(read_all(child, depth + 1) for child in children)


def alive(process, log, when):
    time.sleep(0.5)
    if process.poll() is not None:
        fail("the app ended (status %d) %s:\n%s" % (process.returncode, when, open(log).read()))


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    log = os.path.join(data_dir, "stderr.txt")
    env = dict(os.environ, G_DEBUG="fatal-criticals")
    process = subprocess.Popen([APP, "--data-dir", os.path.join(data_dir, "data")],
                               env=env, stderr=open(log, "w"))
    try:
        def registered():
            return [a for a in root.applications() if a.name == "redress"][0]
        app = poll("the app on the accessibility bus", registered, 30)
        press(find(app, "push button", "Open Sample Case"))
        frame = poll("the main window", lambda: [w for w in app.children if w.name == "Redress"][0])
        for page in PAGES:
            press(find(frame, "page tab", page))
        before = read_all(frame)
        # What a screen reader keeps hold of: the controls it has visited.
        kept = frame.findChildren(lambda n: n.roleName in ("push button", "page tab", "text", "label"))
        print("# read %d nodes; holding %d of them" % (before, len(kept)))

        for cycle in range(2):
            rawinput.keyCombo("<Control>l")
            unlock = find(app, "push button", "Unlock")
            alive(process, log, "on locking")
            locked = read_all(frame)
            # Asking after what it held while the pages are out of the window.
            for node in kept:
                try:
                    node.name, node.getState(), node.parent
                except Exception:
                    pass
            print("# locked: %d nodes" % locked)
            if locked * 4 > before:
                fail("the locked window still shows %d of its %d nodes" % (locked, before))
            press(unlock)
            poll("the pages back", lambda: frame.findChild(
                lambda n: n.roleName == "page tab" and n.name == "Diary", retry=False, requireResult=False))
            alive(process, log, "on unlocking")
            after = read_all(frame)
            alive(process, log, "reading the unlocked window")
            print("# cycle %d: unlocked, read %d nodes" % (cycle + 1, after))
            press(find(frame, "page tab", PAGES[cycle + 1]))
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        errors = [line for line in open(log) if "CRITICAL" in line or "WARNING" in line]
        shutil.rmtree(data_dir, ignore_errors=True)

    if errors:
        fail("the lock cycle logged:\n" + "".join(errors))
    print("ok 1 - lock, read, unlock twice with a screen reader attached: no criticals")


if __name__ == "__main__":
    main()
