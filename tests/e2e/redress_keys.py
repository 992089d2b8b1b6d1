# redress_keys.py: the keyboard for the end-to-end tests: keys sent through
# XTest as a person's would, the keyboard given to the newest window as a
# window manager would, and where the focus is as a screen reader hears it.
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import time

import pyatspi
from gi.repository import GLib

import redress_e2e  # noqa: F401 (dogtail set up before rawinput loads)
from dogtail import rawinput  # noqa: E402

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
_X11.XResizeWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_uint, ctypes.c_uint]
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


def _newest_window():
    """The X window shown last, not a pop-up; None if there is none."""
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
            return children[i]
    return None


def newest_window():
    """The X window shown last, to tell a window opened after it."""
    return _newest_window()


def focus_newest_window(not_before=None, timeout=5.0):
    """Gives the keyboard to the newest window, as a window manager does when
    one opens. None runs here (GTK 4.8 reports no positions otherwise), so
    keys would go on to the window under the pointer: the main window. This
    neither moves the pointer nor clicks. With @not_before (what
    newest_window() was before a window was opened), it first waits until
    a newer one is shown: the accessibility tree may list the new window
    before the X server has it on screen, and giving the keyboard to the
    window below would take it from the new one."""
    window = _newest_window()
    deadline = time.monotonic() + timeout
    while not_before is not None and window == not_before and time.monotonic() < deadline:
        time.sleep(0.1)
        window = _newest_window()
    if window is not None:
        _X11.XSetInputFocus(_display, window, REVERT_TO_PARENT, 0)
        _X11.XFlush(_display)
        time.sleep(0.5)


def resize_newest_window(width, height):
    """Gives the newest window @width x @height pixels, as a person drags its
    edge (no window manager runs here, so the window's own size changes and
    GTK lays it out again), and waits until it has them. Returns False if
    there is no window."""
    window = _newest_window()
    if window is None:
        return False
    _X11.XResizeWindow(_display, window, width, height)
    _X11.XFlush(_display)

    def resized():
        attributes = _WindowAttributes()
        _X11.XGetWindowAttributes(_display, window, ctypes.byref(attributes))
        return attributes.width == width
    redress_e2e.poll("the newest window %d pixels wide" % width, resized)
    return True


# What a screen reader hears: the focus events, kept as they come. Walking
# the whole tree over D-Bus takes many seconds on a loaded machine, so it is
# only the fallback for a window whose focus changed without an event
# (GTK says nothing when a window gets the keyboard back).
_last_focus = []
# The focus events and description changes since the last key, in the order
# they came: ("focus" or "description", the object).
_since_key = []


def _on_focus_event(event):
    if event.detail1:
        _last_focus[:] = [event.source]
        _since_key.append(("focus", event.source))


def _on_description_event(event):
    _since_key.append(("description", event.source))


pyatspi.Registry.registerEventListener(_on_focus_event, "object:state-changed:focused")
pyatspi.Registry.registerEventListener(_on_description_event,
                                       "object:property-change:accessible-description")


def _pump_events():
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def _holds_focus(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSED) and node.roleName not in HOLDERS
    except Exception:  # gone from the tree
        return False


def focused(app):
    """The node a screen reader would say has the focus, or None."""
    _pump_events()
    if _last_focus and _holds_focus(_last_focus[0]):
        return _last_focus[0]
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


def described_after_focus(node):
    """Whether @node's description reached AT-SPI as a change after its focus
    event, since the last key: a screen reader says the description with the
    focus, then says the change again (GTK 4.8 did so on a control's first
    focus, for everything set on it before)."""
    _pump_events()
    focused_at = None
    for i, (what, source) in enumerate(_since_key):
        try:
            same = source == node
        except Exception:  # gone from the tree
            same = False
        if not same:
            continue
        if what == "focus":
            focused_at = i
        elif focused_at is not None:
            return True
    return False


def last_focus_told():
    """The object of the newest focus event since the last key, or None: a
    screen reader says only the newest focus it has been told of."""
    _pump_events()
    for what, source in reversed(_since_key):
        if what == "focus":
            return source
    return None


def key(combo):
    # What came before the key belongs to the key before.
    _pump_events()
    del _since_key[:]
    rawinput.keyCombo(combo)
    time.sleep(0.3)
