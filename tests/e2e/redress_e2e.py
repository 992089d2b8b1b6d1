# redress_e2e.py: what the end-to-end tests share: dogtail set up for
# GTK 4.8, the programs under test, and helpers that wait for the
# accessibility tree instead of assuming it is ready.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import this before anything from dogtail.tree: dogtail reads its
# configuration when that module loads, and without it exits asking for a
# GNOME setting.

import os
import subprocess
import sys
import time

import dogtail.config

dogtail.config.config.checkForA11y = False
dogtail.config.config.searchShowingOnly = False
dogtail.config.config.searchCutoffCount = 3
dogtail.config.config.defaultDelay = 0.3
dogtail.config.config.logDebugToFile = False

from dogtail.predicate import GenericPredicate  # noqa: E402

APP = os.environ.get("REDRESS_APP", "redress")
CLI = os.environ.get("REDRESS_CLI", "redress-cli")


def fail(message):
    print("not ok - " + message)
    sys.exit(1)


def poll(what, condition, timeout=20.0):
    """Waits until condition() returns something true, and returns it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = condition()
            if found:
                return found
        except Exception:  # the tree changes under our feet; try again
            pass
        time.sleep(0.3)
    fail("timed out waiting for " + what)


def find(node, role, name, visible=False):
    """The first node below node with this role and name, waited for."""
    # GTK 4.8 never sets the "showing" state; "visible" follows
    # gtk_widget_get_visible(), which is enough for what is hidden here.
    def look():
        found = node.findChild(GenericPredicate(name=name, roleName=role),
                               retry=False, requireResult=False)
        if found is not None and visible and not found.visible:
            return None
        return found
    return poll("%s %r" % (role, name), look)


def read_text(node):
    # GTK 4.8 answers getText(0, -1) with '': ask for the exact length.
    text = node.queryText()
    return text.getText(0, text.characterCount)


def press(node):
    # A button's click action fires about 250 ms later and ignores repeats
    # inside that time: callers poll for the effect.
    actions = node.actions
    for name in ("click", "activate", "toggle", "press"):
        if name in actions:
            node.doActionNamed(name)
            break
    else:
        fail("%s offers no action to press (%r)" % (node, list(actions)))
    time.sleep(0.4)


def stop_app(process):
    """Asks Redress to quit, and kills it if it has not within 20 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
