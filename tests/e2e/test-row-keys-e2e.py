#!/usr/bin/python3
# test-row-keys-e2e.py: the keys of rows whose switch took their focus stop,
# pressed as a person presses them. In the Export dialog, Down and Up go
# from one option's switch to the next and back, though their rows take no
# focus; on a new diary entry, the switch of "It went on for a while", once on,
# closes its row with Left and opens it with Right while staying on, says
# so (expanded or not, over AT-SPI), and Down goes from it into the row it
# opened. Keys go in through XTest; the focus and states are read over
# AT-SPI as a screen reader hears them. Each step waits for what its key
# does, so the test fails, naming the step, if a key does nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import shutil
import tempfile
import time

import pyatspi

from redress_e2e import fail, find, poll, press, start_app, stop_app  # noqa: E402
from redress_keys import describe, focus_newest_window, focused, key  # noqa: E402
from redress_windows import close_window, open_window, tab_to  # noqa: E402

TODAY = "2026-02-02"
# Three switches of the export's options, one after the other
LANDSCAPE = "Landscape pages stay landscape"
PAGE_NUMBERS = "Section page numbers"
VOLUMES = "Split into volumes"
WENT_ON = "It went on for a while"


def expect_focus(app, what, name, timeout=20.0):
    """Waits until the focus is on a control whose name starts with @name,
    and fails saying where it is instead."""
    deadline = time.monotonic() + timeout
    node = None
    while time.monotonic() < deadline:
        node = focused(app)
        if node is not None and (node.name or "").startswith(name):
            print("# %s: the focus is on %s" % (what, describe(node)))
            return node
        time.sleep(0.3)
    fail("%s: the focus should be on %r, but it is on %s" % (what, name, describe(node)))


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:  # gone from the tree
        return False


def expect_expanded(node, what, expanded):
    poll("%s: the switch says its row is %s" % (what, "open" if expanded else "closed"),
         lambda: has_state(node, pyatspi.STATE_EXPANDABLE)
         and has_state(node, pyatspi.STATE_EXPANDED) == expanded, 10)


def export_keys(app):
    export = open_window(app, "Export", lambda: key("<Control>e"))
    tab_to(app, LANDSCAPE, "the switch of %r" % LANDSCAPE)
    # Tab, not Down, brought the focus here: GTK's own Up and Down went on
    # from the row last chosen by them, and stayed four presses on this one.
    key("Down")
    expect_focus(app, "Down from %r" % LANDSCAPE, PAGE_NUMBERS)
    key("Down")
    expect_focus(app, "Down from %r" % PAGE_NUMBERS, VOLUMES)
    key("Up")
    expect_focus(app, "Up from %r" % VOLUMES, PAGE_NUMBERS)
    key("Up")
    expect_focus(app, "Up from %r" % PAGE_NUMBERS, LANDSCAPE)
    print("ok 1 - Down and Up go between switches whose rows take no focus")
    close_window(app, export, "Export")


def expander_keys(app):
    key("<Alt>2")
    key("<Control>n")
    # A new entry starts on "What happened", below the switch
    switch = tab_to(app, WENT_ON, repr(WENT_ON), limit=20, step="<Shift>Tab")
    if has_state(switch, pyatspi.STATE_EXPANDABLE):
        fail("turned off, %s says it has a row to open" % describe(switch))
    key("space")
    expect_expanded(switch, "turned on", True)
    key("Left")
    expect_expanded(switch, "Left", False)
    if not (has_state(switch, pyatspi.STATE_CHECKED) or has_state(switch, pyatspi.STATE_PRESSED)):
        fail("Left turned the switch of %r off; it should only close the row" % WENT_ON)
    key("Right")
    expect_expanded(switch, "Right", True)
    print("ok 2 - Left and Right close and open a row whose switch is on, and it says so")

    key("Down")
    deadline = time.monotonic() + 10
    node = focused(app)
    while (node is None or (node.name or "").startswith(WENT_ON)) and time.monotonic() < deadline:
        time.sleep(0.3)
        node = focused(app)
    if node is None or (node.name or "").startswith(WENT_ON):
        fail("Down from the switch of %r stayed on %s" % (WENT_ON, describe(node)))
    print("# Down from the switch: the focus is on %s" % describe(node))
    key("Up")
    expect_focus(app, "Up back to the switch", WENT_ON)
    print("ok 3 - Down goes into the row the switch opened, and Up comes back")


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = None
    try:
        process, app = start_app(data_dir, today=TODAY)
        press(find(app, "push button", "Open Sample Case"))
        poll("the sample case", lambda: [w for w in app.children if w.findChild(
            lambda n: (n.name or "").startswith("Sample: noise"), retry=False, requireResult=False)][0])
        focus_newest_window()
        export_keys(app)
        expander_keys(app)
    finally:
        if process is not None:
            stop_app(process)
        shutil.rmtree(data_dir, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
