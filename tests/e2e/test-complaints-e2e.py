#!/usr/bin/python3
# test-complaints-e2e.py: the built app, driven through the accessibility tree:
# a case whose stage 1 response is late opens on What Next with that deadline
# first and its working-day count; its "Send a chaser" button opens a letter
# that carries the count; every control there has a name.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like test-diary-e2e.py (see there
# for the GTK 4.8 quirks these helpers work around).

import re
import shutil
import subprocess
import tempfile

from redress_e2e import (CLI, fail, find, import_case, poll, press, read_text,  # noqa: E402
                         start_app, stop_app, unnamed_controls)
from dogtail.predicate import GenericPredicate  # noqa: E402

# Made Monday 4 November 2024, acknowledged on Wednesday 6 November: the
# stage 1 response was due 10 working days later, Wednesday 20 November,
# and never came.
TODAY = "2025-01-15"

CASE = {
    "format": "redress-case",
    "version": 1,
    "case": {"title": "Late response", "resident_name": "Sam Resident",
             "landlord_name": "Northway Homes", "contact_preferences": "Email only"},
    "complaints": [{
        "reference": "NH-7",
        "points": ["How you handled my reports of noise"],
        "outcomes": ["apology"],
        "events": [
            {"kind": "made", "date": "2024-11-04"},
            {"kind": "acknowledged", "date": "2024-11-06"},
        ],
    }],
}


def find_button(node, name):
    """A button named @name, or told apart from its like by that description."""
    def look():
        for button in node.findChildren(GenericPredicate(roleName="push button"), recursive=True):
            if (button.name or "").startswith(name) or (button.description or "").startswith(name):
                return button
        return None
    return poll("a button named %r" % name, look)


def find_label(node, pattern):
    def look():
        for label in node.findChildren(GenericPredicate(roleName="label"), recursive=True):
            if re.fullmatch(pattern, label.name or ""):
                return label
        return None
    return poll("a label matching %r" % pattern, look)


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = None
    try:
        import_case(data_dir, CASE)
        # The window judges on a fixed day, never the real one.
        late = int(subprocess.check_output([CLI, "workdays", "2024-11-20", TODAY]).decode().strip())

        process, app = start_app(data_dir, TODAY)

        # The case opens on What Next, its late response first.
        find(app, "push button", "Switch case")
        find_label(app, r"%d working days? late" % late)
        find_label(app, r"Stage 1 response")
        print("ok 1 - What Next shows the stage 1 response %d working days late" % late)

        # The button says "Write a Chaser…"; what it chases is its description.
        press(find_button(app, "Send a chaser: Stage 1 response"))
        letter = find(app, "text", "Letter")
        text = poll("the letter's text", lambda: read_text(letter))
        for expected in ("%d working days late" % late, "Wednesday 20 November 2024", "Email only"):
            if expected not in text:
                fail("the chaser lacks %r" % expected)
        find_button(app, "Copy Letter")
        print("ok 2 - its next step writes a chaser with the dates and the count")

        for frame in [w for w in app.children]:
            missing = unnamed_controls(frame)
            if missing:
                fail("controls without an accessible name in %r: %s" % (frame.name, ", ".join(missing)))
        print("ok 3 - every control on What Next and in the letter has a name")
    finally:
        stop_app(process)
        shutil.rmtree(data_dir, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
