#!/usr/bin/python3
# test-evidence-e2e.py: the evidence journey through the accessibility tree:
# a PDF letter and a photo added with redress-cli, found by name in the
# evidence grid, a word from inside the PDF finds the PDF alone, and the PDF
# opens in the preview.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/gui/run-gui-test.sh --a11y, like test-diary-e2e.py (see there
# for the GTK 4.8 quirks these helpers work around). The fixtures are made
# here: the PDF with cairo, the JPEG with GdkPixbuf (both come with dogtail).

import json
import os
import shutil
import subprocess
import tempfile

import cairo
import gi

gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf  # noqa: E402

from redress_e2e import (CLI, fail, find, import_case, poll, press, read_text,  # noqa: E402
                         start_app, stop_app)
from dogtail.predicate import GenericPredicate  # noqa: E402

PDF_NAME = "repair-letter.pdf"
PHOTO_NAME = "boiler.jpg"
# A word only the PDF's text holds: not in either file name.
PDF_WORD = "surveyor"


def make_pdf(path):
    surface = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(surface)
    cr.select_font_face("DejaVu Sans")
    cr.set_font_size(14)
    cr.move_to(60, 100)
    cr.show_text("Northway Homes: your report of damp in the bedroom")
    cr.move_to(60, 130)
    cr.show_text("A %s will visit within 20 working days." % PDF_WORD)
    cr.show_page()
    surface.finish()


def make_jpeg(path):
    pixbuf = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, False, 8, 120, 90)
    pixbuf.fill(0xD06020FF)
    pixbuf.savev(path, "jpeg", ["quality"], ["90"])


def grid_cells(grid):
    """Names of the cells the evidence grid shows (it makes one per item shown)."""
    return [cell.name for cell in grid.children if cell.roleName == "table cell"]


def named(names, prefix):
    return [n for n in names if n.startswith(prefix)]


def main():
    data_dir = tempfile.mkdtemp(prefix="redress-e2e-")
    process = None
    try:
        files = os.path.join(data_dir, "from-phone")
        os.mkdir(files)
        pdf = os.path.join(files, PDF_NAME)
        photo = os.path.join(files, PHOTO_NAME)
        make_pdf(pdf)
        make_jpeg(photo)
        import_case(data_dir, {"format": "redress-case", "version": 1,
                               "case": {"title": "Damp in the bedroom"}})
        cases = json.loads(subprocess.check_output([CLI, "--data-dir", data_dir, "cases", "--json"]))
        case_id = str(cases[0]["id"])
        ids = subprocess.check_output([CLI, "--data-dir", data_dir, "add-evidence", case_id,
                                       pdf, photo]).decode().split()
        if len(ids) != 2:
            fail("redress-cli add-evidence printed %r, not two ids" % ids)
        print("ok 1 - a case with a PDF and a JPEG added by redress-cli")

        process, app = start_app(data_dir)
        find(app, "push button", "Switch case")

        # The page switcher's tabs are named: Evidence is one press away.
        press(find(app, "page tab", "Evidence"))
        grid = find(app, "table", "Evidence")
        names = poll("both items in the evidence grid",
                     lambda: (lambda ns: ns if named(ns, PDF_NAME + ", PDF, ") and
                              named(ns, PHOTO_NAME + ", Photo, ") else None)(grid_cells(grid)))
        if len(names) != 2:
            fail("the grid shows %r" % names)
        # The tiles carry the same names (name, kind, date with its weekday).
        pdf_tile = find(grid, "panel", names[0] if names[0].startswith(PDF_NAME) else names[1])
        print("ok 2 - the grid's cells are named after the evidence: %s" % "; ".join(names))

        # Search for a word inside the PDF: only the PDF stays.
        press(find(app, "push button", "Search the evidence"))
        search = find(app, "entry", "Search descriptions, PDFs and emails")
        search.text = PDF_WORD
        poll("the search to be typed", lambda: read_text(search) == PDF_WORD)
        shown = poll("the grid to show the PDF alone",
                     lambda: (lambda ns: ns if len(ns) == 1 else None)(grid_cells(grid)))
        if not shown[0].startswith(PDF_NAME + ", PDF, "):
            fail("searching for %r shows %r" % (PDF_WORD, shown))
        find(app, "label", "1 of 2 pieces of evidence")
        print("ok 3 - searching for %r, a word inside the PDF, shows the PDF alone" % PDF_WORD)

        # Open it, as Return on the tile does, and its first page shows.
        pdf_tile = poll("the PDF's tile",
                        lambda: next((t for t in grid.findChildren(GenericPredicate(roleName="panel"))
                                      if (t.name or "").startswith(PDF_NAME + ", PDF, ")), None))
        if "evidence.open" not in pdf_tile.actions:
            fail("the PDF's tile offers no way to open it: %r" % list(pdf_tile.actions))
        previewed = app.findChild(GenericPredicate(name="Preview, page 1 of 1: %s" % PDF_NAME,
                                                   roleName="image"),
                                  retry=False, requireResult=False)
        if previewed is not None:
            fail("the PDF was previewed before it was opened: the check below would prove nothing")
        pdf_tile.doActionNamed("evidence.open")
        find(app, "image", "Preview, page 1 of 1: %s" % PDF_NAME)
        # GTK 4.8 adds the button's own label after its mnemonic one.
        poll("the Open With Another App button",
             lambda: any("Open With Another App" in (b.name or "")
                         for b in app.findChildren(GenericPredicate(roleName="push button"))))
        print("ok 4 - the PDF opens in the preview, which says what it shows")
    finally:
        stop_app(process)
        shutil.rmtree(data_dir, ignore_errors=True)
    print("all done")


if __name__ == "__main__":
    main()
