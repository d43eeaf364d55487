#!/usr/bin/env python3
"""Count TAP subtests in meson's testlog.json and print "N passed, N failed".

A test binary that crashed after its last subtest counts as one more failure. Exits 1 when
anything failed.
"""
import json
import re
import sys

passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)
    result = t["result"]
    tap = re.findall(r"^(?:ok|not ok)\b.*$", t.get("stdout") or "", re.M)
    if tap:
        for l in tap:
            if "# SKIP" in l:
                skipped += 1
            elif l.startswith("ok") or "# TODO" in l:
                passed += 1
            else:
                failed += 1
                print(f"FAILED: {t['name']}: {l}", file=sys.stderr)
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(l.startswith("not ok") for l in tap):
            failed += 1
            print(f"FAILED: {t['name']} ended with {result}", file=sys.stderr)
    elif result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
        print(f"FAILED: {t['name']} ({result})", file=sys.stderr)

print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
