#!/usr/bin/python3
# orca-listen.py: what Orca itself says on the sample case, key by key.
# Orca runs with its debug log and no speech server (it then logs each
# "SPEECH OUTPUT" it would have spoken), and the sample case is walked by
# keyboard as test-spoken-e2e.py walks it: each page (Alt+1…6) round by Tab,
# a new diary entry, Start a Complaint and each dialog and window of the
# case. The file written says, for each key pressed, what Orca spoke after
# it and the line test-spoken-e2e.py reads there over AT-SPI, to be read
# side by side. Not a test: Orca is not needed for the suite.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/e2e/orca-listen.sh (`make orca-listen`), which gives it a
# display and a session bus through tests/gui/run-gui-test.sh --a11y.
# Usage: orca-listen.py OUTPUT

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

import redress_keys
import redress_windows
from redress_e2e import fail, find, poll, press, start_app, stop_app
from redress_windows import by_button, case_dialogs, tab_to

HERE = os.path.dirname(os.path.abspath(__file__))
# The walk and the line read over AT-SPI are the spoken test's own.
_spec = importlib.util.spec_from_file_location("spoken", os.path.join(HERE, "test-spoken-e2e.py"))
spoken = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(spoken)

ORCA = os.environ.get("ORCA", "/usr/bin/orca")
# Orca's debug log marks each key it hears, and each line it would speak.
KEY_PRESSED = re.compile(r"^vvvvv PROCESS ATSPI_KEY_PRESSED_EVENT: '(.*)' \(\d+\) vvvvv$")
SPEECH = re.compile(r"^\S+ - SPEECH OUTPUT: '(.*)$")
# The end of what it spoke: the voice it spoke in follows the quote.
SPOKEN_END = re.compile(r"^(.*)'(?: voice=\w+)?(?:\{.*\}|\[.*\])?\s*$")
# A line spoken over several lines goes on indented by 18 spaces.
GOES_ON = " " * 18
# Orca drops what it has not said yet when a newer focus comes, as it does
# for a person who presses Tab quickly: it is given time to speak. On a
# loaded machine it can be seconds behind, so after each key the walk waits
# until Orca has taken every event it queued and its log has been still
# this long (Orca writes as it works), and at most QUIET_MOST seconds. A
# still log alone was not enough: Orca can sit for a second with events
# queued (the sample case's first focus was dropped so, as the next Tab's
# came before Orca took it). Only the objects' events are counted: Orca
# leaves the old "focus:" event that follows one queued for seconds.
SETTLE = 0.8
QUIET_MOST = 10.0
QUEUED = " - EVENT MANAGER: Queueing object:"
DEQUEUED = " - EVENT MANAGER: Dequeued object:"
MODIFIERS = ("Alt_L", "Alt_R", "Control_L", "Control_R", "Shift_L", "Shift_R",
             "Super_L", "Super_R", "Meta_L", "Meta_R", "ISO_Level3_Shift")


class Keys:
    """Counts the keys sent, and where the transcript was at each, so that
    Orca's words after a key can be put beside what AT-SPI read then."""

    def __init__(self, log):
        self.pressed = []
        self.reader = None
        self.log = log
        # How far the log has been read, and the events Orca has queued
        # and not yet taken.
        self._read, self._waiting = 0, 0
        self._key = redress_keys.key
        for module in (redress_keys, redress_windows, spoken):
            module.key = self.key
        # The keyboard given to a window that opens is news for Orca as a
        # key is: its first control is said then.
        self._focus_newest_window = redress_windows.focus_newest_window
        redress_windows.focus_newest_window = self.focus_newest_window

    def key(self, combo):
        at = len(self.reader.transcript) if self.reader is not None else 0
        self.pressed.append((combo, at))
        self._key(combo)
        self.wait_for_orca()

    def focus_newest_window(self, *args, **kwargs):
        self._focus_newest_window(*args, **kwargs)
        self.wait_for_orca()

    def queued(self):
        """The events Orca has queued and not taken yet, from what its log
        has said since it was last read."""
        if not os.path.exists(self.log):
            return 0
        with open(self.log, "rb") as f:
            f.seek(self._read)
            new = f.read()
        # Up to the last whole line: Orca may be writing the next.
        new = new[:new.rfind(b"\n") + 1]
        self._read += len(new)
        self._waiting += new.count(QUEUED.encode()) - new.count(DEQUEUED.encode())
        return self._waiting

    def wait_for_orca(self):
        """Until Orca has done with what the key brought: nothing it queued
        left, and its log still for SETTLE seconds."""
        deadline = time.monotonic() + QUIET_MOST
        size, still_since = -1, time.monotonic()
        while time.monotonic() < deadline:
            now = os.path.getsize(self.log) if os.path.exists(self.log) else 0
            if now != size or self.queued() > 0:
                size, still_since = now, time.monotonic()
            elif time.monotonic() - still_since >= SETTLE:
                return
            time.sleep(0.1)


def start_orca(home, log):
    """Orca with a settings folder, home and runtime of its own, its debug
    log in @log, and no speech server: it cannot reach one, nor start one,
    so nothing is heard and every line it would speak is logged."""
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               SPEECHD_ADDRESS="unix_socket:" + os.path.join(home, "no-speech-dispatcher"),
               SPEECHD_CMD=os.path.join(home, "no-speech-dispatcher"))
    prefs = os.path.join(home, "orca")
    os.makedirs(prefs)
    said = os.path.join(home, "orca-output")
    # Key echo off: the log says which key was pressed anyway.
    with open(said, "w") as out:
        process = subprocess.Popen([ORCA, "--user-prefs", prefs, "--debug-file", log,
                                    "--disable", "key-echo,braille,sound"],
                                   env=env, stdout=out, stderr=subprocess.STDOUT)

    def started():
        if process.poll() is not None:
            # Orca runs once per user on a machine, whatever the display.
            with open(said) as f:
                fail("Orca stopped as it started: %s" % f.read().strip())
        return any(a.name == "orca" for a in pyatspi.Registry.getDesktop(0))
    poll("Orca on the accessibility bus", started, 180)
    return process


def stop_orca(process):
    # Orca writes the end of its log as it quits.
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def heard(log):
    """[(key, [spoken line…])] from Orca's log: the lines it spoke before
    the first key (under None), then after each key that is not a modifier."""
    said = [(None, [])]
    speaking = None
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if speaking is not None:
                if not line.startswith(GOES_ON):
                    speaking = None
                    continue
                line = line[len(GOES_ON):]
            else:
                pressed = KEY_PRESSED.match(line)
                if pressed:
                    if pressed.group(1) not in MODIFIERS:
                        said.append((pressed.group(1), []))
                    continue
                speech = SPEECH.match(line)
                if not speech:
                    continue
                line, speaking = speech.group(1), []
                said[-1][1].append("")
            end = SPOKEN_END.match(line)
            speaking.append(end.group(1) if end else line)
            said[-1][1][-1] = " / ".join(speaking)
            if end:
                speaking = None
    return said


def key_of(combo):
    """The key Orca logs for a combination sent: "<Alt>3" → "3", "space" →
    " ", "<Shift>Tab" → "ISO_Left_Tab"."""
    name = re.sub(r"<\w+>", "", combo)
    if name == "Tab" and "<Shift>" in combo:
        return "ISO_Left_Tab"
    return " " if name == "space" else name


def side_by_side(keys, said, transcript):
    """For each key: what Orca said, and what AT-SPI read there."""
    out = []
    if said and said[0][1]:
        out += ["== before any key", *("  Orca: " + s for s in said[0][1])]
    said = said[1:]
    if len(said) != len(keys.pressed):
        out.append("(Orca heard %d keys, %d were sent: the pairs below may be out of step)"
                   % (len(said), len(keys.pressed)))
    read = 0
    for i, (combo, at) in enumerate(keys.pressed):
        following = keys.pressed[i + 1][1] if i + 1 < len(keys.pressed) else len(transcript)
        # The headings the walk wrote before this key.
        while read < at:
            out.append(transcript[read])
            read += 1
        name, words = said[i] if i < len(said) else ("?", [])
        mark = "" if name == "?" or name.lower() == key_of(combo).lower() else " (Orca heard %s)" % name
        out.append("[%s]%s" % (combo, mark))
        out += ["  Orca: " + w for w in words] or ["  Orca: (nothing)"]
        while read < following:
            line = transcript[read]
            out.append(line if line.startswith("==") else "  AT-SPI: " + line)
            read += 1
    out += transcript[read:]
    return out


def walk(app, frame, reader):
    for number, page in enumerate(spoken.PAGES, start=1):
        keys_alt = "<Alt>%d" % number
        spoken.key(keys_alt)
        poll("the page %r shown" % page, lambda: find(frame, "page tab", page).getState().contains(
            pyatspi.STATE_SELECTED))
        reader.read_ring("the %s page" % page)
    start_complaint = by_button(app, "<Alt>4", "Start a Complaint…", "the Start a Complaint button")
    def turn_on_adviser_mode(window):
        # Client Record is offered to advisers: Preferences' first switch.
        tab_to(app, "I am an adviser", "the adviser switch")
        spoken.key("space")
    insides = {"Preferences": turn_on_adviser_mode}
    for what, opener in [("Start a Complaint", start_complaint)] + case_dialogs(app, frame):
        reader.read_window(what, opener, insides.get(what))
    # A new diary entry, from the Diary page's own shortcut, last: History
    # (above) is for an entry already saved.
    spoken.key("<Alt>2")
    spoken.key("<Control>n")
    reader.read_ring("the Diary page, a new entry")


def main():
    output = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "orca-transcript.txt")
    log = os.path.splitext(output)[0] + "-debug.log"
    scratch = tempfile.mkdtemp(prefix="redress-orca-")
    data_dir = os.path.join(scratch, "data")
    os.makedirs(data_dir)
    keys = Keys(log)
    orca = process = reader = None
    try:
        orca = start_orca(os.path.join(scratch, "home"), log)
        process, app = start_app(data_dir, today=spoken.TODAY)
        press(find(app, "push button", "Open Sample Case"))
        frame = poll("the sample case", lambda: [
            w for w in app.children if w.name != "Redress (Locked)" and w.findChild(
                lambda n: (n.name or "").startswith("Sample: noise"), retry=False,
                requireResult=False)][0])
        keys.focus_newest_window()
        reader = keys.reader = spoken.Reader(app)
        walk(app, frame, reader)
        time.sleep(2)
    finally:
        stop_app(process)
        stop_orca(orca)
        shutil.rmtree(scratch, ignore_errors=True)
        # What was heard up to a failure is worth reading too.
        if os.path.exists(log):
            lines = side_by_side(keys, heard(log), reader.transcript if reader else [])
            with open(output, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            print("# what Orca said is in %s (its whole log in %s)" % (output, log))


if __name__ == "__main__":
    main()
