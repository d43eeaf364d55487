#!/usr/bin/env python3
"""`mlsysim audit`: the provenance report, and its exit status."""
import os
import shutil
import tempfile

from clitest import run, run_json, ok, done

NO_USER = {"MLSYSIM_REGISTRY_PATH": ""}

status, out, err = run("audit", env=NO_USER)
ok(status == 0, "the built-in catalog passes the audit", out + err)
ok("Coverage: 100.0%" in out, "coverage is 100%", out[:300])
ok("hardware" in out and "models" in out, "per-category counts", out[:600])

status, doc, err = run_json("audit", "-o", "json", env=NO_USER)
ok(status == 0 and doc.get("coverage") == 100.0 and doc.get("entries", 0) >= 128,
   "json: coverage and entry count", {k: doc.get(k) for k in ("coverage", "entries")})
ok(set(doc) >= {"coverage", "entries", "sourced", "max_age_days", "missing_url", "stale",
                "categories", "findings"}, "json keys", sorted(doc))
cats = {c["category"]: c for c in doc.get("categories", [])}
ok(cats.get("hardware", {}).get("entries", 0) >= 50
   and cats["hardware"]["sourced"] == cats["hardware"]["entries"], "hardware fully sourced",
   cats.get("hardware"))
ok(doc.get("max_age_days") == 365, "the default maximum age is 365 days")
ok(all(f["issues"] for f in doc.get("findings", [])), "every finding says what it is about")

status, out, err = run("audit", "-o", "markdown", env=NO_USER)
ok(status == 0 and out.startswith("# ") and "| hardware |" in out, "markdown report", out[:300])

# a user directory with a value verified in 2001: stale at 365 days, and --strict fails
tmp = tempfile.mkdtemp(prefix="mlsysim-audit-")
try:
    with open(os.path.join(tmp, "old.yaml"), "w", encoding="utf-8") as f:
        f.write("cooling:\n"
                "  OldHall:\n"
                "    pue: 2.0\n"
                "    provenance:\n"
                "      kind: illustrative\n"
                "      ref: an old survey\n"
                "      verified: \"2001-01-01\"\n")
    env = {"MLSYSIM_REGISTRY_PATH": tmp}
    status, doc, err = run_json("audit", "-o", "json", env=env)
    stale = [f for f in doc.get("findings", []) if "stale" in f["issues"]]
    ok(status == 0 and any(f["key"] == "OldHall" for f in stale),
       "a value verified in 2001 is stale, but coverage is still 100%", stale)
    status, out, err = run("audit", "--strict", env=env)
    ok(status == 1 and "OldHall" in out, "--strict exits 1 when a value is stale", out[-400:])
    status, doc, err = run_json("audit", "--max-age", "100000", "-o", "json", env=env)
    ok(status == 0 and not any(f["key"] == "OldHall" and "stale" in f["issues"]
                               for f in doc.get("findings", [])),
       "--max-age widens the window", doc.get("stale"))
finally:
    shutil.rmtree(tmp)

status, out, err = run("audit", "--max-age", "-3", env=NO_USER)
ok(status == 1, "a negative age is refused", err)
status, out, err = run("audit", "-o", "csv", env=NO_USER)
ok(status == 1 and "not supported" in err, "csv is not an audit format", err)

done()
