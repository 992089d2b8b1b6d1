#!/usr/bin/python3
# test-ics.py: `redress-cli ics` writes every open deadline as a VEVENT, read back
# here with an independent parser (python3-icalendar).
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest

import icalendar

CLI = os.environ["REDRESS_CLI"]

# Made Monday 4 November 2024, acknowledged Wednesday 13 November (late): the
# stage 1 response is due 10 working days later, Wednesday 27 November, and
# has not come. One promise is kept (the landlord was back in touch), one is
# still open, and one was made by the police, not the landlord.
CASE = {
    "format": "redress-case",
    "version": 1,
    "case": {"title": "Calendar test — Flat 6", "landlord_name": "Northway Homes"},
    "parties": [
        {"id": "officer", "name": "Sam Okafor", "role": "landlord-officer"},
        {"id": "pc", "name": "PC Lee", "role": "police"},
    ],
    "contacts": [
        {"id": 1, "occurred_at": "2024-10-01T10:00", "direction": "from", "channel": "phone",
         "party": "officer", "promise": "Ring me back", "promise_due": "2024-10-04"},
        {"id": 2, "occurred_at": "2024-10-03T09:00", "direction": "from", "channel": "phone",
         "party": "officer", "summary": "Rang back as promised"},
        {"id": 3, "occurred_at": "2024-11-05T11:00", "direction": "to", "channel": "email",
         "party": "officer", "promise": "Send the noise app link", "promise_due": "2024-12-20"},
        {"id": 4, "occurred_at": "2024-11-06T15:00", "direction": "from", "channel": "visit",
         "party": "pc", "promise": "Visit Flat 6", "promise_due": "2024-11-08"},
    ],
    "complaints": [
        {"reference": "NH-7", "points": ["Noise from Flat 6"],
         "events": [
             {"kind": "made", "date": "2024-11-04", "contact": 3},
             {"kind": "acknowledged", "date": "2024-11-13"},
         ]},
    ],
}


def run(*args):
    return subprocess.run([CLI, *args], check=True, capture_output=True).stdout


class IcsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="redress-ics-")
        self.data_dir = os.path.join(self.tmp.name, "data")
        path = os.path.join(self.tmp.name, "case.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(CASE, f, ensure_ascii=False)
        self.case_id = run("--data-dir", self.data_dir, "import", path).decode().strip()

    def tearDown(self):
        self.tmp.cleanup()

    def calendar(self, today):
        raw = run("--data-dir", self.data_dir, "ics", self.case_id, "--today", today)
        self.assertIn(b"\r\n", raw, "iCalendar lines end with CRLF")
        return icalendar.Calendar.from_ical(raw)

    def events(self, cal):
        return [c for c in cal.walk() if c.name == "VEVENT"]

    def test_open_deadlines_become_events(self):
        cal = self.calendar("2024-11-29")
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertIn("Redress", str(cal["PRODID"]))
        events = {str(e["SUMMARY"]).split(":")[0]: e for e in self.events(cal)}
        # Only the open ones: not the acknowledgement (done), not the kept
        # promise, not the police's promise.
        self.assertEqual(sorted(events), ["Promise", "Stage 1 response"])

        response = events["Stage 1 response"]
        self.assertEqual(response.decoded("DTSTART"), datetime.date(2024, 11, 27))
        self.assertEqual(response.decoded("DTEND"), datetime.date(2024, 11, 28))
        self.assertIn("NH-7", str(response["SUMMARY"]))
        description = str(response["DESCRIPTION"])
        self.assertIn("Wednesday 27 November 2024", description)
        self.assertIn("2 working days late", description)
        alarm = [c for c in response.walk() if c.name == "VALARM"][0]
        self.assertEqual(alarm.decoded("TRIGGER"), datetime.timedelta(days=-1))

        promise = events["Promise"]
        self.assertEqual(promise.decoded("DTSTART"), datetime.date(2024, 12, 20))
        self.assertIn("Send the noise app link", str(promise["SUMMARY"]))

    def test_uids_are_stable_and_unique(self):
        first = [str(e["UID"]) for e in self.events(self.calendar("2024-11-29"))]
        again = [str(e["UID"]) for e in self.events(self.calendar("2024-12-02"))]
        self.assertEqual(len(first), len(set(first)))
        self.assertEqual(sorted(first), sorted(again))

    def test_nothing_open_is_an_empty_calendar(self):
        path = os.path.join(self.tmp.name, "empty.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"format": "redress-case", "version": 1, "case": {"title": "Nothing yet"}}, f)
        case_id = run("--data-dir", self.data_dir, "import", path).decode().strip()
        raw = run("--data-dir", self.data_dir, "ics", case_id, "--today", "2024-11-29")
        cal = icalendar.Calendar.from_ical(raw)
        self.assertEqual(str(cal["X-WR-CALNAME"]), "Redress: Nothing yet")
        self.assertEqual(self.events(cal), [])

    def test_bad_input(self):
        result = subprocess.run([CLI, "--data-dir", self.data_dir, "ics", self.case_id,
                                 "--today", "2024-02-30"], capture_output=True)
        self.assertEqual(result.returncode, 2)
        result = subprocess.run([CLI, "--data-dir", self.data_dir, "ics", "999"],
                                capture_output=True)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b"")


if __name__ == "__main__":
    unittest.main(verbosity=2)
