#!/usr/bin/python3
# test-announce-e2e.py: what a screen reader is told when a delete's toast
# comes and when Undo changes it, heard as an AT-SPI client hears it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GTK 4.8 and libadwaita 1.2 send no event for a toast (nor for its title
# changing), and GTK 4.8 has no way to announce; it does send a name change
# for a status label the client has read. The window keeps one that says
# what each toast says: this test reads the window as a screen reader does,
# deletes a contact, presses Undo, and waits for each sentence to arrive
# as an event.

import shutil
import tempfile
import time

from redress_e2e import fail, find, import_case, poll, press, start_app, stop_app  # noqa: E402
from redress_keys import describe, focus_newest_window, focused, key  # noqa: E402
from gi.repository import GLib  # noqa: E402
import pyatspi  # noqa: E402

TODAY = "2025-01-15"

CASE = {
    "format": "redress-case",
    "version": 1,
    "case": {"title": "Told aloud", "resident_name": "Sam Resident",
             "landlord_name": "Northway Homes"},
    "contacts": [{"id": 1, "occurred_at": "2024-10-01T09:30", "direction": "to",
                  "channel": "email", "summary": "Sent my complaint."}],
}

heard = []


def on_name_changed(event):
    try:
        role = event.source.getRoleName()
    except Exception:  # the object may be gone already
        role = "?"
    heard.append((role, str(event.any_data)))


def wait_to_hear(sentence, timeout=20.0):
    """Waits for a status line to say @sentence, pumping the events in."""
    deadline = time.monotonic() + timeout
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        if ("status bar", sentence) in heard:
            return
        time.sleep(0.1)
    fail("a screen reader was never told %r; it heard %r" % (sentence, heard))


def read_everything(node, depth=0):
    """Reads the window as a screen reader's review of it does."""
    if depth > 60:
        return
    for child in node.children:
        read_everything(child, depth + 1)


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = None
    try:
        import_case(data_dir, CASE)
        pyatspi.Registry.registerEventListener(on_name_changed,
                                               "object:property-change:accessible-name")

        process, app = start_app(data_dir, TODAY)
        frame = poll("the main window",
                     lambda: next((w for w in app.children if w.roleName == "frame"), None))
        press(find(frame, "page tab", "Contacts"))
        read_everything(frame)

        press(find(frame, "push button", "Delete this contact"))
        press(find(app, "push button", "Delete", visible=True))
        wait_to_hear("Contact deleted")
        print("ok 1 - a screen reader is told the contact was deleted")

        # The toast came after the client read the window, and GTK 4.8
        # tells it of no new child: its Undo button cannot be found through
        # the tree. Ctrl+Z, outside a text box, is the way.
        focus_newest_window()
        print("# the keyboard is on %s" % describe(focused(app)))
        key("<Control>z")
        wait_to_hear("Contact restored")
        print("ok 2 - and, after Undo, that it is back")
    finally:
        stop_app(process)
        shutil.rmtree(data_dir, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
