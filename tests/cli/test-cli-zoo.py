#!/usr/bin/env python3
"""`mlsysim zoo`: the registry as tables a user can sort and export."""
import csv
import io
import os

from clitest import run, run_json, ok, done

DATA = os.environ.get("MLSYSIM_TEST_DATA", os.path.join(os.path.dirname(__file__), "..", "data"))
USER_DIR = os.path.join(DATA, "registry-user")
NO_USER = {"MLSYSIM_REGISTRY_PATH": ""}

status, doc, err = run_json("zoo", "hardware", "-o", "json", env=NO_USER)
ok(status == 0 and isinstance(doc, list) and len(doc) >= 50, "zoo hardware -o json lists >= 50",
   err)
keys = ["key", "name", "tier", "peak_flops", "memory_bandwidth", "memory_capacity", "tdp",
        "provenance"]
ok(all(all(k in item for k in keys) for item in doc), "every object has the issue-3 keys")
by_key = {item["key"]: item for item in doc}
h100 = by_key.get("H100", {})
ok(h100.get("peak_flops") == "989 TFLOP/s" and h100.get("memory_bandwidth") == "3.35 TB/s"
   and h100.get("memory_capacity") == "80 GiB" and h100.get("tdp") == "700 W",
   "H100 quantities are strings with units", h100)
prov = h100.get("provenance") or {}
ok(set(prov) >= {"kind", "ref", "url", "verified", "notes"} and prov["kind"] == "datasheet"
   and prov["url"].startswith("https://"), "provenance is an object with kind, ref, url…", prov)
ok(h100.get("release_year") == 2022, "release_year is a JSON integer", h100.get("release_year"))

# default order: peak FLOP/s, largest first (GB200 NVL72 162 PFLOP/s > H100 989 TFLOP/s >
# A100 312 TFLOP/s > T4 65 TFLOP/s > ESP32-S3 0.5 GFLOP/s)
order = [item["key"] for item in doc]
pos = {k: order.index(k) for k in ("GB200_NVL72", "H100", "A100", "T4", "ESP32_S3")}
ok(pos["GB200_NVL72"] < pos["H100"] < pos["A100"] < pos["T4"] < pos["ESP32_S3"],
   "hardware is sorted by peak FLOP/s, descending", pos)

# --reverse flips it
status, rev, err = run_json("zoo", "hardware", "--reverse", "-o", "json", env=NO_USER)
rorder = [i["key"] for i in rev]
rpos = {k: rorder.index(k) for k in pos}
ok(status == 0 and rpos["ESP32_S3"] < rpos["T4"] < rpos["A100"] < rpos["H100"]
   < rpos["GB200_NVL72"], "--reverse puts the smallest first", rpos)

# --sort by a field path: memory bandwidth ascending (A100 2039 GB/s < H100 3.35 TB/s < B200 8 TB/s)
status, bw, err = run_json("zoo", "hardware", "--sort", "memory.bandwidth", "-o", "json",
                           env=NO_USER)
order = [i["key"] for i in bw]
ok(status == 0 and order.index("A100") < order.index("H100") < order.index("B200"),
   "--sort memory.bandwidth sorts ascending", err)

# text: an aligned table with the H100 on one line
status, out, err = run("zoo", "hardware", env=NO_USER)
lines = out.splitlines()
ok(status == 0 and lines[0].startswith("Key") and "Peak" in lines[0], "text has a header", out[:200])
h100_line = next((l for l in lines if l.startswith("H100 ")), "")
ok("989 TFLOP/s" in h100_line and "3.35 TB/s" in h100_line, "H100 row shows its numbers",
   h100_line)
ok(len({len(l.rstrip()) > 0 for l in lines}) == 1, "no blank lines")

# models: parameters, largest first
status, models, err = run_json("zoo", "models", "-o", "json", env=NO_USER)
order = [m["key"] for m in models]
ok(status == 0 and len(models) >= 35, "zoo models lists >= 35", err)
ok(order.index("Llama3_405B") < order.index("Llama3_70B") < order.index("Llama3_8B")
   < order.index("ResNet50"), "models are sorted by parameters, descending", order[:6])

for category, least in (("grids", 12), ("fleets", 7), ("fabrics", 10), ("scenarios", 10),
                        ("personas", 4)):
    status, items, err = run_json("zoo", category, "-o", "json", env=NO_USER)
    ok(status == 0 and len(items) >= least and all("provenance" in i for i in items),
       f"zoo {category} lists >= {least}", err)

status, fleets, err = run_json("zoo", "fleets", "-o", "json", env=NO_USER)
frontier = next((f for f in fleets if f["key"] == "Frontier_8K"), {})
# 1024 nodes × 8 H100 = 8192
ok(frontier.get("count") == 1024 and frontier.get("total_accelerators") == 8192
   and frontier.get("accelerator") == "H100", "fleets show nodes and accelerators", frontier)

# other formats
status, out, err = run("zoo", "fabrics", "-o", "csv", env=NO_USER)
rows = list(csv.DictReader(io.StringIO(out)))
ndr = next((r for r in rows if r["key"] == "InfiniBand_NDR"), {})
ok(status == 0 and ndr.get("bandwidth") == "400 Gbps" and ndr.get("provenance_kind"),
   "csv has a header row and provenance columns", out[:300])
status, out, err = run("zoo", "grids", "-o", "markdown", env=NO_USER)
ok(status == 0 and out.startswith("| Key |") and "| US_Avg |" in out, "markdown table", out[:200])
status, out, err = run("zoo", "personas", "-o", "html", env=NO_USER)
ok(status == 0 and out.startswith("<table") and "Cloud Titan" in out, "html table", out[:200])

# mistakes
status, out, err = run("zoo", "hardwear", env=NO_USER)
ok(status == 1 and "hardware" in err and "models" in err and "fleets" in err,
   "an unknown category exits 1 and lists the valid ones", err)
status, doc, err = run_json("-o", "json", "zoo", "spaceships", env=NO_USER)
ok(status == 1 and doc.get("status") == "error" and "scenarios" in doc.get("reason", ""),
   "…also as JSON", doc)
status, out, err = run("zoo", "hardware", "--sort", "warp_speed", env=NO_USER)
ok(status == 1 and "peak_flops" in err, "an unknown sort field exits 1 and lists columns", err)

# a user registry directory adds an accelerator and overrides H100, and says so
status, doc, err = run_json("zoo", "hardware", "-o", "json",
                            env={"MLSYSIM_REGISTRY_PATH": USER_DIR})
by_key = {item["key"]: item for item in doc} if isinstance(doc, list) else {}
ok(status == 0 and "TestAccel" in by_key and by_key["TestAccel"]["peak_flops"] == "123 TFLOP/s",
   "a user directory's accelerator is listed", err)
ok(by_key.get("H100", {}).get("memory_bandwidth") == "4 TB/s", "the user's H100 replaces the "
   "built-in one", by_key.get("H100"))
ok("user.yaml" in err and "H100 overrides the built-in entry" in err,
   "the override is reported on stderr", err)
status, out, err = run("zoo", "hardware", env={"MLSYSIM_REGISTRY_PATH": USER_DIR})
ok(status == 0 and any(l.startswith("TestAccel ") for l in out.splitlines()),
   "…and in the text table", out[:300])

done()
