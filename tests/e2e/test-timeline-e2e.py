#!/usr/bin/python3
# test-timeline-e2e.py: what a screen reader finds on the sample case's
# Timeline page: the picture, named after its current item, and a list of
# the same items, one sentence each.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import re
import shutil
import subprocess
import tempfile

from redress_e2e import APP, fail, find, poll, press  # noqa: E402
from dogtail.tree import root  # noqa: E402

WEEK = re.compile(r"^Week \d+ of \d{4}, from \w+day \d+ \w+ \d{4}: \d+ incidents?\. ")


def labels(node, depth=0):
    """The names of the labels below node, in order."""
    if depth > 30:
        return []
    out = []
    try:
        if node.roleName == "label" and node.name:
            out.append(node.name)
        for child in node.children:
            out.extend(labels(child, depth + 1))
    except Exception:  # the tree changes under our feet
        pass
    return out


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = subprocess.Popen([APP, "--data-dir", data_dir])
    try:
        def registered():
            return [a for a in root.applications() if a.name == "redress"][0]
        app = poll("the app on the accessibility bus", registered, 30)
        press(find(app, "push button", "Open Sample Case"))
        frame = poll("the main window", lambda: [w for w in app.children if w.name != "Redress (Locked)"][0])
        press(find(frame, "page tab", "Timeline"))

        items = find(frame, "list", "Timeline items")
        rows = poll("the timeline's rows", lambda: labels(items))
        print("# %d rows shown; the first: %s" % (len(rows), rows[0]))
        if not any(WEEK.match(r) for r in rows):
            fail("no row reads as a week of incidents: %r" % rows[:5])

        # The picture: one image, focusable, whose name is its current item's
        # sentence (the newest item when the page opens).
        picture = poll("the timeline picture", lambda: frame.findChild(
            lambda n: n.roleName == "image" and n.description.startswith("The arrow keys"),
            retry=False, requireResult=False))
        name = picture.name
        print("# the picture is named: %s" % name)
        if ": " not in name or name == "Timeline of the case":
            fail("the picture is not named after an item: %r" % name)
        for action in ("Export as SVG…", "Export as PNG…"):
            find(frame, "push button", action)
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(data_dir, ignore_errors=True)

    print("ok 1 - the timeline reads as a list of sentences, and its picture is named")


if __name__ == "__main__":
    main()
