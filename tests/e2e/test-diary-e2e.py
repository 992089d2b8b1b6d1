#!/usr/bin/python3
# test-diary-e2e.py: the built app, driven through the accessibility tree as a
# person with a screen reader would: start a case, write a diary entry, close
# the window, start again and read the entry back from the list.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y (Xvfb, a session bus, the
# accessibility bus). Controls are found by role and accessible name and
# pressed through their "click" action: GTK 4.8 reports no screen
# coordinates, so nothing here clicks by position.

import datetime
import json
import shutil
import subprocess
import tempfile

from redress_e2e import (APP, CLI, fail, find, poll, press, read_text,  # noqa: E402
                         start_app, unnamed_controls)
from dogtail.predicate import GenericPredicate  # noqa: E402

CASE_TITLE = "Noise from Flat 5"
DESCRIPTION = "Music and shouting from Flat 5 until two in the morning."
LOCATION = "Children's bedroom"
# A fixed day: the new entry starts on it, at noon (REDRESS_TODAY).
TODAY = datetime.date(2025, 1, 15)


def stop_app(process, app):
    # Closing the window is what a person does; it writes what is pending.
    frame = poll("the main window", lambda: [w for w in app.children if w.name == "Redress"][0])
    press(find(frame, "push button", "Close"))
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        fail("the app did not exit when its window was closed")
    if process.returncode != 0:
        fail("the app exited with status %d" % process.returncode)


def list_labels(app):
    entries = find(app, "list", "Diary entries")
    labels = []

    def collect(node, depth=0):
        if depth > 12:
            return
        for child in node.children:
            if child.roleName == "label":
                labels.append(child.name)
            collect(child, depth + 1)
    collect(entries)
    return labels


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    try:
        process, app = start_app(data_dir, TODAY.isoformat())
        print("# started %s" % APP)

        # Welcome page → New Case dialog.
        press(find(app, "push button", "Start a Case"))
        title = find(app, "text", "Case title")
        title.text = CASE_TITLE
        poll("the title to be typed", lambda: read_text(title) == CASE_TITLE)
        press(find(app, "push button", "Create"))
        find(app, "push button", "Switch case", visible=True)
        print("ok 1 - started a case through the New Case dialog")

        # An empty diary says what to do; its button starts the first entry.
        press(find(app, "push button", "Write the First Entry"))
        description = find(app, "text", "What happened")
        description.text = DESCRIPTION
        where = find(app, "text", "Where")
        where.text = LOCATION
        # (GTK 4.8 offers no action on check buttons, so ticking "Police"
        # is left to the in-process tests in tests/gui.)
        reference = find(app, "text", "Reference number")
        reference.text = "CAD 0001/23NOV26"

        # The list shows the entry once it is written (a moment after typing).
        poll("the entry in the diary list", lambda: DESCRIPTION in list_labels(app))
        # A screen reader hears what the date buttons are set to, weekday and all.
        said = "Start date: %s" % TODAY.strftime("%A %-d %B %Y")
        poll("a start date button named %r" % said,
             lambda: app.findChild(GenericPredicate(name=said, roleName="push button"),
                                   retry=False, requireResult=False) is not None)
        print("ok 2 - wrote an entry in the editor and saw it in the list")

        stop_app(process, app)

        # The command-line tool reads what the window wrote.
        cases = json.loads(subprocess.check_output([CLI, "--data-dir", data_dir, "cases", "--json"]))
        if [c["title"] for c in cases] != [CASE_TITLE]:
            fail("redress-cli lists cases %r" % cases)
        incidents = json.loads(subprocess.check_output(
            [CLI, "--data-dir", data_dir, "incidents", str(cases[0]["id"]), "--json"]))
        if len(incidents) != 1:
            fail("redress-cli lists %d incidents" % len(incidents))
        stored = json.dumps(incidents[0])
        for expected in (DESCRIPTION, LOCATION, "CAD 0001/23NOV26"):
            if expected not in stored:
                fail("the stored entry lacks %r: %s" % (expected, stored))
        print("ok 3 - closing the window saved every field")

        # Next day: the same case opens, and on its Diary page the entry is in
        # the list (a page not yet shown has no rows yet).
        process, app = start_app(data_dir, TODAY.isoformat())
        find(app, "push button", "Switch case", visible=True)
        press(find(app, "page tab", "Diary"))
        labels = poll("the entry after restarting",
                      lambda: (lambda ls: ls if DESCRIPTION in ls else None)(list_labels(app)))
        if "CAD 0001/23NOV26" not in labels:
            fail("the list row lacks its badges: %r" % labels)
        print("ok 4 - after restarting, the entry is read back from the list")

        # Every control of the window, with a case and an entry open, has a
        # name of its own.
        frame = [w for w in app.children if w.name == "Redress"][0]
        missing = unnamed_controls(frame)
        if missing:
            fail("controls without an accessible name: %s" % ", ".join(missing))
        print("ok 5 - every control in the window has an accessible name")
        stop_app(process, app)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
