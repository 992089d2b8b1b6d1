#!/usr/bin/python3
# test-keyboard-journey-e2e.py: the whole journey with the keyboard alone,
# from an empty data folder to an exported bundle: start a case, write a
# diary entry, log a contact, start a complaint, What Next, a letter, the
# bundle. Keys go in through the accessibility bus (XTest) as a person's
# would; no pointer event is ever sent, and no control is pressed through
# its accessible action. After each step the test asks the accessibility
# tree where the focus is, as a screen reader would say it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like the other end-to-end tests.

import ctypes
import ctypes.util
import json
import os
import shutil
import subprocess
import tempfile
import time

import pyatspi
from dogtail import rawinput

from redress_e2e import APP, CLI, fail, poll  # noqa: E402
from dogtail.tree import root  # noqa: E402

CASE_TITLE = "Damp in the back bedroom"
DESCRIPTION = "Black mould over the window again, and the smell is back."
SAID = "They said a surveyor would call within a week."
POINTS = "How you handled my reports of damp and mould"
# Roles that only hold the focus for their window: the focus is inside them.
HOLDERS = ("frame", "window", "dialog", "alert")


# libX11 through ctypes, for one call a window manager would make.
_X11 = ctypes.CDLL(ctypes.util.find_library("X11"))
_X11.XOpenDisplay.restype = ctypes.c_void_p
_X11.XOpenDisplay.argtypes = [ctypes.c_char_p]
_X11.XDefaultRootWindow.restype = ctypes.c_ulong
_X11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
_X11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                            ctypes.POINTER(ctypes.c_ulong),
                            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                            ctypes.POINTER(ctypes.c_uint)]
_X11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
_X11.XFlush.argtypes = [ctypes.c_void_p]


class _WindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
                ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("c_class", ctypes.c_int),
                ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
                ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
                ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


_X11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                      ctypes.POINTER(_WindowAttributes)]
_display = None
IS_VIEWABLE = 2
REVERT_TO_PARENT = 2


def focus_newest_window():
    """Gives the keyboard to the newest window, as a window manager does when
    one opens. None runs here (GTK 4.8 reports no positions otherwise), so
    keys would go on to the window under the pointer: the main window. This
    neither moves the pointer nor clicks."""
    global _display
    if _display is None:
        _display = _X11.XOpenDisplay(None)
    root_window = _X11.XDefaultRootWindow(_display)
    parent, top = ctypes.c_ulong(), ctypes.c_ulong()
    children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    _X11.XQueryTree(_display, root_window, ctypes.byref(top), ctypes.byref(parent),
                    ctypes.byref(children), ctypes.byref(count))
    # Children come bottom to top: the newest mapped window is the last.
    for i in reversed(range(count.value)):
        attributes = _WindowAttributes()
        _X11.XGetWindowAttributes(_display, children[i], ctypes.byref(attributes))
        if attributes.map_state == IS_VIEWABLE and not attributes.override_redirect:
            _X11.XSetInputFocus(_display, children[i], REVERT_TO_PARENT, 0)
            _X11.XFlush(_display)
            time.sleep(0.5)
            return


def focused(app):
    """The node a screen reader would say has the focus, or None."""
    found = None
    stack = [(app, 0)]
    while stack:
        node, depth = stack.pop()
        try:
            state = node.getState()
            if state.contains(pyatspi.STATE_FOCUSED) and node.roleName not in HOLDERS:
                found = node
            if depth < 70 and state.contains(pyatspi.STATE_VISIBLE) or depth < 3:
                stack.extend((child, depth + 1) for child in node.children)
        except Exception:  # the tree changes under our feet
            pass
    return found


def describe(node):
    return "nothing" if node is None else "%s %r" % (node.roleName, node.name)


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
            return node
        time.sleep(0.3)
    fail("%s: the focus is on %s" % (what, describe(node)))


def read_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def typed_into(app, window_name, name, text):
    """Types @text and checks it landed in the field @name of the window
    @window_name. GTK 4.8 with no window manager does not say which field
    of a dialog has the focus; where the keys go does."""
    what = "in " + window_name

    def field():
        window = next((w for w in app.children if w.name == window_name), None)
        return window and window.findChild(lambda n: n.roleName == "text" and n.name == name,
                                           retry=False, requireResult=False)
    node = poll("the field %r" % name, field)
    type_text(text)
    try:
        poll("%r typed into %r" % (text, name), lambda: read_text(node) == text, 10)
    except SystemExit:
        fail("%s: what was typed did not land in %r" % (what, name))
    return node


def key(combo):
    rawinput.keyCombo(combo)
    time.sleep(0.3)


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


def cli_json(data_dir, *args):
    return json.loads(subprocess.check_output([CLI, "--data-dir", data_dir] + list(args) + ["--json"]))


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    bundle = os.path.join(data_dir, "bundle.pdf")
    process = subprocess.Popen([APP, "--data-dir", os.path.join(data_dir, "data")])
    try:
        app = poll("the app on the accessibility bus",
                   lambda: next((a for a in root.applications() if a.name == "redress"), None), 30)

        # 1. The welcome page: the keyboard starts on Start a Case.
        expect_focus(app, "on the welcome page", "push button", name="Start a Case")
        key("Return")
        poll("New Case", lambda: next((w for w in app.children if w.name == "New Case"), None))
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
        print("ok 2 - wrote a diary entry")

        # 3. A contact: Alt+3, the first contact's button, what was said.
        key("<Alt>3")
        expect_focus(app, "on Contacts", "push button", name="Log the First Contact")
        key("Return")
        tab_to(app, "in the contact editor", "text", "What was said")
        type_text(SAID)
        key("Tab")
        print("ok 3 - logged a contact")

        # 4. A complaint through the assistant: Ctrl+Return moves it on.
        key("<Alt>4")
        expect_focus(app, "on Complaints", "push button", starts="Start a Complaint")
        key("Return")
        poll("Start a Complaint", lambda: next((w for w in app.children
                                                if w.name == "Start a Complaint"), None))
        focus_newest_window()
        typed_into(app, "Start a Complaint", "What you are complaining about, one point per line", POINTS)
        for step in range(5):
            key("<Control>Return")
            time.sleep(0.5)
        # The keyboard lands on the new complaint, not back on the button.
        expect_focus(app, "after the assistant", "list item", within="Complaints")
        print("ok 4 - started a complaint; the focus is on it in the list")

        # 5. What Next, then a letter from it.
        key("<Alt>1")
        expect_focus(app, "on What Next", "push button", starts="")
        tab_to(app, "on What Next", "push button", "Write")
        key("Return")
        letter = expect_focus(app, "in the letter", "text", name="Letter text")
        key("Escape")
        expect_focus(app, "back from the letter", "push button", starts="Write")
        print("ok 5 - What Next and a letter from it")

        # 6. The bundle: Ctrl+E, Export…, a file name, Return.
        key("<Control>e")
        poll("the export dialog", lambda: next((w for w in app.children
                                                if w.name == "Export Bundle"), None))
        key("<Alt>e")  # _Export…
        poll("the file chooser", lambda: next((w for w in app.children
                                               if w.roleName in ("dialog", "file chooser")
                                               and w.name not in ("Export Bundle", "Redress")), None))
        key("<Control>a")
        type_text(bundle)
        key("Return")
        poll("the bundle on disk", lambda: os.path.exists(bundle) and os.path.getsize(bundle) > 0, 90)
        check = subprocess.run(["qpdf", "--check", bundle], capture_output=True)
        if check.returncode not in (0, 3):
            fail("qpdf --check on the bundle: %s" % check.stdout.decode())
        print("ok 6 - exported the bundle")

        cases = cli_json(os.path.join(data_dir, "data"), "cases")
        if [c["title"] for c in cases] != [CASE_TITLE]:
            fail("redress-cli lists cases %r" % cases)
        stored = json.dumps(cli_json(os.path.join(data_dir, "data"), "incidents", str(cases[0]["id"])))
        if DESCRIPTION not in stored:
            fail("the diary entry was not saved: %s" % stored)
        print("ok 7 - what was typed is in the store")
        del letter
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
