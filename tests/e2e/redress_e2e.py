# redress_e2e.py: what the end-to-end tests share: dogtail set up for
# GTK 4.8, the programs under test, and helpers that wait for the
# accessibility tree instead of assuming it is ready.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import this before anything from dogtail.tree: dogtail reads its
# configuration when that module loads, and without it exits asking for a
# GNOME setting.

import json
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
from dogtail.tree import root  # noqa: E402

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


def import_case(data_dir, case):
    """Imports @case, a case in the JSON of redress-cli import, into
    @data_dir with redress-cli, as a resident's earlier work."""
    path = os.path.join(data_dir, "case.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(case, f)
    subprocess.check_call([CLI, "--data-dir", data_dir, "import", path],
                          stdout=subprocess.DEVNULL)


def start_app(data_dir, today=None, env=None, **popen_args):
    """Starts Redress on @data_dir, as if it were @today (an ISO date, set
    through REDRESS_TODAY) if given, and waits for it on the accessibility
    bus. Returns the process and the app's accessible; if the app never
    comes, it is stopped before the test fails."""
    env = dict(os.environ if env is None else env)
    if today is not None:
        env["REDRESS_TODAY"] = today
    process = subprocess.Popen([APP, "--data-dir", data_dir], env=env, **popen_args)
    try:
        app = poll("the app on the accessibility bus",
                   lambda: next((a for a in root.applications()
                                 if a.name == "redress" and a.get_process_id() == process.pid),
                                None), 30)
    except SystemExit:
        stop_app(process)
        raise
    return process, app


CONTROL_ROLES = ("push button", "toggle button", "text", "check box", "combo box",
                 "spin button", "page tab", "menu item")


def unnamed_controls(node, found=None, depth=0):
    """Controls below @node a screen reader would announce without a useful
    name: none, or a type's name ("GtkButton"), as "role 'name'"."""
    found = [] if found is None else found
    if depth > 60:
        return found
    try:
        role, name = node.roleName, node.name
    except Exception:
        return found
    if role in CONTROL_ROLES and (not name.strip() or name.startswith(("Gtk", "Adw"))):
        found.append("%s %r" % (role, name))
    for child in node.children:
        unnamed_controls(child, found, depth + 1)
    return found
