#!/usr/bin/python3
# test-help-keys-e2e.py: the help window by its keys, pressed as a person
# presses them. F1 on the main window opens the help (Redress's own window:
# REDRESS_OWN_HELP keeps yelp out of it); Return on a topic opens its page
# with the keyboard on the page's heading; narrowed to a phone's 360
# pixels, where the page is shown over the topics, Alt+Left and Escape go
# back to the topic left, and Escape on the topics closes the help. Keys go
# in through XTest; the focus is read over AT-SPI as a screen reader hears
# it. Each step waits for what its key does, so the test fails, naming the
# step, if a key's binding is removed.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import os
import shutil
import tempfile
import time

from redress_e2e import fail, poll, start_app, stop_app  # noqa: E402
from redress_keys import describe, focus_newest_window, focused, key, resize_newest_window  # noqa: E402
from redress_windows import open_window  # noqa: E402

# The help's pages as help/C names them, in the order of its topics
TOPICS = ["Redress help", "Getting started", "The diary", "Deadlines and working days"]
NARROW = 360

def narrow_newest_window(width, height):
    """Makes the newest window, the help, @width pixels wide, as a phone's
    screen is."""
    if not resize_newest_window(width, height):
        fail("no window to narrow")
    time.sleep(1.0)  # the leaflet folds, and its panes slide


def expect_focus(app, what, role, name, timeout=20.0):
    """Waits until the focus is on a @role named @name, and fails saying
    where it is instead."""
    deadline = time.monotonic() + timeout
    node = None
    while time.monotonic() < deadline:
        node = focused(app)
        if node is not None and node.roleName == role and node.name == name:
            print("# %s: the focus is on %s" % (what, describe(node)))
            return node
        time.sleep(0.3)
    fail("%s: the focus should be on %s %r, but it is on %s" % (what, role, name, describe(node)))


def help_keys(app):
    focus_newest_window()
    helpwin = open_window(app, "the help, by F1", lambda: key("F1"))
    if helpwin.name != "Redress Help":
        fail("F1 opened %s %r, not the help" % (helpwin.roleName, helpwin.name))
    print("ok 1 - F1 on the main window opens the help")

    # Beside the page, the topics start with the keyboard on the first.
    expect_focus(app, "the help opened", "list item", TOPICS[0])
    for topic in TOPICS[1:]:
        key("Down")
        expect_focus(app, "Down in the topics", "list item", topic)
    key("Return")
    expect_focus(app, "Return on a topic", "label", TOPICS[-1])
    print("ok 2 - Return on a topic opens its page, the keyboard on its heading")

    # At a phone's width the page is shown over the topics.
    narrow_newest_window(NARROW, 640)
    focus_newest_window()
    expect_focus(app, "the help narrowed", "label", TOPICS[-1])
    key("<Alt>Left")
    expect_focus(app, "Alt+Left on a page", "list item", TOPICS[-1])
    print("ok 3 - Alt+Left goes back to the topic left")

    key("Up")
    expect_focus(app, "Up in the topics", "list item", TOPICS[-2])
    key("Return")
    expect_focus(app, "Return on a topic, narrow", "label", TOPICS[-2])
    key("Escape")
    expect_focus(app, "Escape on a page", "list item", TOPICS[-2])
    print("ok 4 - Escape goes back from a page to the topic left")

    key("Escape")
    poll("the help closed by Escape on its topics", lambda: helpwin not in list(app.children), 10)
    print("ok 5 - Escape on the topics closes the help")


def main():
    work = tempfile.mkdtemp(prefix="redress-e2e-")
    env = dict(os.environ)
    # The machine may have yelp; Redress's own help window is what is tested.
    env["REDRESS_OWN_HELP"] = "1"
    process = None
    try:
        process, app = start_app(os.path.join(work, "data"), "2026-02-02", env=env)
        help_keys(app)
    finally:
        if process is not None:
            stop_app(process)
        shutil.rmtree(work, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
