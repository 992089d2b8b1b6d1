#!/usr/bin/env python3
"""test-summary.py: prints the final `N passed, N failed` line from meson's testlog.json."""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
FAILED = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"}


def main(path):
    passed = failed = skipped = 0
    failures = []
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                entry = json.loads(line)
                result = entry.get("result", "")
                if result in PASSED:
                    passed += 1
                elif result in FAILED:
                    failed += 1
                    failures.append(entry.get("name", "?"))
                else:
                    skipped += 1
    except FileNotFoundError:
        print("No test log found: the tests did not run.")
        failed = 1
    for name in failures:
        print(f"FAILED: {name}")
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
