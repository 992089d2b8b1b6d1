#!/usr/bin/env python3
"""test-summary.py: prints the final `N passed, N failed` line from meson's testlog.json.

Given several logs (CI's plain run and its sanitizer run), the line counts
them all, and each failure is named with the build folder it failed in.
"""
import json
import os
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
FAILED = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"}


def count(path, label, totals, failures):
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                entry = json.loads(line)
                result = entry.get("result", "")
                if result in PASSED:
                    totals["passed"] += 1
                elif result in FAILED:
                    totals["failed"] += 1
                    failures.append(label + entry.get("name", "?"))
                else:
                    totals["skipped"] += 1
    except FileNotFoundError:
        # A run that never started counts as one failure, not as nothing.
        print(f"No test log found at {path}: the tests did not run.")
        totals["failed"] += 1


def main(paths):
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    failures = []
    for path in paths:
        # meson-logs/testlog.json sits two levels under the build folder.
        build = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(path))))
        count(path, f"{build}: " if len(paths) > 1 else "", totals, failures)
    for name in failures:
        print(f"FAILED: {name}")
    if totals["skipped"]:
        print(f"{totals['skipped']} skipped")
    print(f"{totals['passed']} passed, {totals['failed']} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
