#!/usr/bin/env python3
"""`mlsysim sweep`: the cartesian product of axes as CSV, JSON or text; searches and fronts.

Expected values come from the reference's cases (C39) or from a brute force in Python over the
full table the command prints, never from the search code under test."""
import csv
import io
import json
import os
import subprocess

from clitest import MLSYSIM, run, run_json, ok, close, done

DATA = os.environ.get("MLSYSIM_TEST_DATA", os.path.join(os.path.dirname(__file__), "..", "data"))
PLAN = os.path.join(DATA, "plans", "test_plan.yaml")

# CSV (RFC 4180): a header with units, CRLF records, one row per point
status, out, err = run("sweep", "Llama3_8B", "H100", "--axis", "batch_size=1,8",
                       "--axis", "precision=fp16,int8", "-m", "roofline.latency",
                       "-m", "roofline.bottleneck", "-o", "csv")
ok(status == 0, "sweep -o csv exits 0", err)
raw = subprocess.run([MLSYSIM, "sweep", "Llama3_8B", "H100", "--axis", "batch_size=1,8",
                      "--axis", "precision=fp16,int8", "-m", "roofline.latency", "-o", "csv"],
                     capture_output=True).stdout
ok(raw.count(b"\r\n") == 5 and b"\n" not in raw.replace(b"\r\n", b""),
   "CSV records end in CRLF", raw[:200])
rows = list(csv.reader(io.StringIO(out, newline="")))
ok(rows and rows[0] == ["batch_size", "precision", "roofline.latency [ms]", "roofline.bottleneck"],
   "CSV header names the axes and the metrics with units", rows[:1])
ok(len(rows) == 5, "2 × 2 points", len(rows))
# C39: Llama3_8B on H100, batch 1, fp16, η 0.5: 17.666 GB / 3.35 TB/s + 0.33 ms = 5.603433 ms
first = rows[1] if len(rows) > 1 else []
ok(first[:2] == ["1", "fp16"] and close(float(first[2]), 5.603433, 1e-6) and first[3] == "Memory",
   "batch 1, fp16 is the C39 point, memory-bound", first)
# last axis fastest: batch 1 fp16, batch 1 int8, batch 8 fp16, batch 8 int8
ok([r[:2] for r in rows[1:]] == [["1", "fp16"], ["1", "int8"], ["8", "fp16"], ["8", "int8"]],
   "points in cartesian order, the last axis fastest", rows)

# JSON: axes, metrics with units, a row object per point
status, doc, err = run_json("sweep", "Llama3_8B", "H100", "--axis", "batch_size=1:64:x2",
                            "-m", "roofline.latency", "-o", "json")
ok(status == 0 and doc.get("n_points") == 7 and doc.get("complete") is True,
   "sweep -o json: 1:64:x2 is seven points", doc)
ok(doc.get("metrics", [{}])[0].get("unit") == "ms", "the JSON names the unit", doc.get("metrics"))
ok([r.get("batch_size") for r in doc.get("rows", [])] == [1, 2, 4, 8, 16, 32, 64],
   "rows carry the axis values as numbers", doc.get("rows"))

# A search, checked against a brute force over the full table
axes = ["--axis", "hardware=H100,A100,T4,L4,B200", "--axis", "batch_size=1:64:x2",
        "-m", "roofline.latency", "-m", "roofline.throughput", "-m", "roofline.feasible"]
status, full, err = run_json("sweep", "Llama3_8B", "H100", *axes, "-o", "json")
ok(status == 0 and full.get("n_points") == 35, "5 devices × 7 batches", err)
table = full.get("rows", [])
admissible = [r for r in table if r["roofline.feasible"] == 1 and r["roofline.latency"] <= 10]
expected = max(admissible, key=lambda r: r["roofline.throughput"]) if admissible else None
status, best, err = run_json("sweep", "Llama3_8B", "H100", *axes,
                             "--objective", "maximize: roofline.throughput",
                             "--constraint", "roofline.latency <= 10", "-o", "json")
def same(a, b):
    return a is not None and b is not None and a.keys() == b.keys() and all(
        close(a[k], b[k], 1e-12) if isinstance(a[k], (int, float)) else a[k] == b[k] for k in a)

ok(status == 0 and same(best.get("best"), expected),
   "the best point is the fastest admissible one", (best.get("best"), expected))
tops = best.get("top_candidates", [])
ok(len(tops) == min(5, len(admissible)) and
   all(a["roofline.throughput"] >= b["roofline.throughput"] for a, b in zip(tops, tops[1:])),
   "top candidates: five, best first", tops)

# The Pareto front (min latency, max throughput), by brute force
def dominated(p, rows):
    return any(q["roofline.latency"] <= p["roofline.latency"] and
               q["roofline.throughput"] >= p["roofline.throughput"] and
               (q["roofline.latency"] < p["roofline.latency"] or
                q["roofline.throughput"] > p["roofline.throughput"]) for q in rows)

feasible = [r for r in table if r["roofline.feasible"] == 1]
front = [r for r in feasible if not dominated(r, feasible)]
status, par, err = run_json("sweep", "Llama3_8B", "H100", *axes,
                            "--pareto", "min: roofline.latency",
                            "--pareto", "max: roofline.throughput", "-o", "json")
got = par.get("pareto_front", [])
key = lambda r: (r["hardware"], r["batch_size"])
ok(status == 0 and sorted(map(key, got)) == sorted(map(key, front)),
   "the Pareto front is the set of non-dominated feasible points", (got, front))

# CSV of a search holds its rows only
status, out, err = run("sweep", "Llama3_8B", "H100", *axes, "--objective",
                       "min: roofline.latency", "--top", "3", "-o", "csv")
ok(status == 0 and len(list(csv.reader(io.StringIO(out, newline="")))) == 4,
   "--top 3 -o csv writes a header and three rows", out)

# Nothing meets the constraints: exit 3, as an SLA failure
status, out, err = run("sweep", "Llama3_8B", "H100", "--axis", "batch_size=1,2",
                       "-m", "roofline.latency", "--objective", "min: roofline.latency",
                       "--constraint", "roofline.latency < 0.001 ms")
ok(status == 3 and "No valid configurations" in err, "no admissible point: exit 3", (status, err))

# Text: a summary and an aligned table with units in the header
status, out, err = run("sweep", "Llama3_8B", "H100", "--axis", "batch_size=1,8",
                       "-m", "roofline.latency")
lines = out.splitlines()
ok(status == 0 and lines[0].startswith("Sweep: ") and "2 points" in lines[0],
   "text starts with a summary", out)
ok(any("roofline.latency [ms]" in l for l in lines), "the header names the unit", out)

# A plan file: its workload and hardware, the axes varying it
status, out, err = run("sweep", PLAN, "--axis", "batch_size=1,16", "-m", "roofline.latency",
                       "-o", "csv")
ok(status == 0 and len(out.strip().splitlines()) == 3, "a plan file sweeps", (status, err))

# Progress: with --progress (stderr is not a terminal here) a percentage per line, ending at
# 100%; without it, nothing on stderr
long_axes = ["--axis", "batch_size=1:2000", "--axis", "efficiency=0.01:1:0.01",
             "-m", "roofline.latency", "--objective", "min: roofline.latency"]
status, out, err = run("sweep", "Llama3_8B", "H100", *long_axes, "--progress")
ok(status == 0 and err.strip().splitlines()[-1:] == ["100%"] and
   all(l.endswith("%") for l in err.strip().splitlines()),
   "--progress reports percentages ending at 100%", err)
status, out, err = run("sweep", "Llama3_8B", "H100", *long_axes)
ok(status == 0 and "%" not in err, "no progress without --progress off a terminal", err)

# Bad input: exit 1 naming what is wrong
for args, needle in [
        (["--axis", "nonsense=1,2"], "nonsense"),
        (["--axis", "batch_size=0"], "batch_size"),
        (["--axis", "hardware=H1000"], "H1000"),
        (["--metric", "roofline.nope"], "roofline.nope"),
        (["--objective", "fastest"], "Invalid objective"),
        (["--constraint", "roofline.latency < 3"], "--objective"),
]:
    status, out, err = run("sweep", "Llama3_8B", "H100", "--axis", "batch_size=1,2"
                           if "batch_size" not in args[-1] else "efficiency=0.5", *args)
    ok(status == 1 and needle in err, f"bad input {args} exits 1 naming it", (status, err))
status, out, err = run("sweep", "Llama3_8B", "H100", "--axis", "batch_size=1", "-o", "html")
ok(status == 1 and out == "", "-o html is not supported by sweep", (status, err))

done()
