#!/usr/bin/env python3
"""`mlsysim solvers`, `mlsysim solve` and `mlsysim walls`: every plugin describes itself, any
plugin runs with its declared parameters, and the 22 walls map to solvers."""
from clitest import run, run_json, ok, close, done

CORE = ["roofline", "serving", "distributed", "economics", "sustainability", "reliability"]

status, doc, err = run_json("solvers", "-o", "json")
ok(status == 0 and isinstance(doc.get("solvers"), list), "solvers -o json", err)
by_id = {s["id"]: s for s in doc.get("solvers", [])}
for sid in CORE:
    ok(sid in by_id, f"{sid} is listed", list(by_id))
for s in doc.get("solvers", []):
    ok(all(k in s for k in ("id", "kind", "walls", "inputs", "parameters", "metrics"))
       and s["kind"] in ("model", "solver", "optimizer"), f"{s['id']} describes itself", s)
    ok(all(m["id"].startswith(s["id"] + ".") and "unit" in m for m in s["metrics"]),
       f"{s['id']}'s metrics are namespaced and have units", s["metrics"])
    ok(all(all(k in p for k in ("id", "unit", "default", "minimum", "maximum"))
           for p in s["parameters"]), f"{s['id']}'s parameters have unit, default and range",
       s["parameters"])
ok(1 in by_id.get("roofline", {}).get("walls", []) and 2 in by_id["roofline"]["walls"],
   "roofline covers walls 1 and 2 (D3)", by_id.get("roofline"))
ok("serving.prefill_chunk_tokens" in [p["id"] for p in by_id["serving"]["parameters"]],
   "serving declares prefill_chunk_tokens", by_id["serving"])
ok("sustainability.total_energy" in by_id["economics"]["requires"],
   "economics requires sustainability's energy", by_id["economics"])
ok(doc.get("load_errors") == [], "no plugin failed to load", doc.get("load_errors"))

status, out, err = run("solvers")
ok(status == 0 and "roofline — " in out and "Parameters:" in out and "Metrics:" in out, "text", out)
status, out, err = run("solvers", "-o", "markdown")
ok(status == 0 and out.startswith("# MLSys·im solvers") and "| `serving.ttft` | ms |" in out,
   "markdown", out[:300])
status, out, err = run("solvers", "-o", "csv")
ok(status == 1 and "not supported" in err, "solvers rejects csv", err)

# --- solve --------------------------------------------------------------------------------
# roofline at batch 8: traffic 16.06 GB × 1.8 = 28.908 GB / 3.35 TB/s = 8.62925 ms + 0.33 ms
status, doc, err = run_json("solve", "roofline", "Llama3_8B", "H100", "-b", "8", "-o", "json")
ok(status == 0 and doc.get("solver") == "roofline", "solve roofline", err)
lat = doc.get("metrics", {}).get("roofline.latency", {})
ok(lat.get("unit") == "ms" and close(lat.get("value", 0), 28.908e9 / 3.35e12 * 1e3 + 0.33, 1e-9),
   "roofline.latency in ms", lat)
ok(doc["metrics"].get("roofline.bottleneck", {}).get("text") == "Memory", "text metric", doc)

# A declared parameter, short or full, with its value parsed as a quantity
status, doc, err = run_json("solve", "serving", "Llama3_8B", "H100", "--param",
                            "prefill_chunk_tokens=512", "-o", "json")
ok(status == 0 and doc["metrics"]["serving.prefill_chunks"]["value"] == 4,
   "--param prefill_chunk_tokens=512 gives 4 chunks of 2048 tokens", doc.get("metrics"))
ok(doc.get("parameters", {}).get("serving.prefill_chunk_tokens") is not None,
   "the parameter is echoed", doc)
# economics on one H100 for the 30-day default with an explicit price: 700 W × 720 h × 1.12
# (US_Avg PUE) = 564.48 kWh × $0.08 = $45.1584
status, doc, err = run_json("solve", "economics", "Llama3_8B", "H100", "--days", "30", "--param",
                            "economics.kwh_price=0.08 USD/kWh", "-o", "json")
ok(status == 0 and close(doc["metrics"]["economics.opex_energy"]["value"], 564.48 * 0.08, 1e-9),
   "economics.kwh_price with units", doc.get("metrics", {}).get("economics.opex_energy"))
ok([s["id"] for s in doc["solvers"]] == ["sustainability", "economics"],
   "the producer of economics' requirement runs first", doc.get("solvers"))

# A cluster, and the scenario's knobs through --param
status, doc, err = run_json("solve", "distributed", "Llama3_70B", "--fleet", "Research_256",
                            "--param", "tp=8", "-o", "json")
ok(status == 0 and doc.get("fleet") == "Research_256", "solve on a registry cluster", err)
ok(doc["metrics"].get("distributed.tp", {}).get("value") == 8, "tp=8 reaches the solver",
   doc.get("metrics", {}).get("distributed.tp"))

status, out, err = run("solve", "roofline", "Llama3_8B", "H100", "-o", "markdown")
ok(status == 0 and out.startswith("## Llama3_8B on H100") and "`roofline.latency`" in out,
   "solve markdown", out[:200])

for args, needle in [
        (("solve", "rooflin", "Llama3_8B", "H100"), "roofline"),
        (("solve", "serving", "Llama3_8B", "H100", "--param", "nope=3"),
         "serving.prefill_chunk_tokens"),
        (("solve", "serving", "Llama3_8B", "H100", "--param", "prefill_chunk_tokens"), "ID=VALUE"),
        (("solve", "serving", "Llama3_8B", "H100", "--param", "prefill_chunk_tokens=-5"), "between"),
        (("solve", "economics", "Llama3_8B", "H100", "--param", "kwh_price=0.08"), "bare number"),
        (("solve", "economics", "Llama3_8B", "H100", "--param", "kwh_price=3 GB"), "kwh_price"),
        (("solve", "roofline", "Llama3_8B"), "Example"),
        (("solve", "distributed", "Llama3_8B", "--fleet", "Nope_1"), "Nope_1"),
        (("solve", "distributed", "Llama3_8B", "H100"), "fleet")]:
    status, out, err = run(*args)
    ok(status == 1 and needle in err and out == "", f"{' '.join(args)} → exit 1 naming {needle}",
       f"{status}\n{err}")

# --- walls --------------------------------------------------------------------------------
status, doc, err = run_json("walls", "-o", "json")
walls = doc.get("walls", [])
ok(status == 0 and [w["number"] for w in walls] == list(range(1, 23)), "22 walls, 1…22 (D1)", doc)
domains = {}
for w in walls:
    domains[w["domain"]] = domains.get(w["domain"], 0) + 1
ok(domains == {"node": 7, "data": 3, "algorithm": 3, "fleet": 3, "operations": 4, "analysis": 2},
   "per-domain counts 7/3/3/3/4/2 (D4)", domains)
ok(all(w["equation"] and w["constraint"] for w in walls), "every wall has equation and "
   "constraint", walls)
ok(walls[0]["name"] == "Compute" and "roofline" in walls[0]["solvers"], "wall 1 is Compute, "
   "resolved by roofline (D2)", walls[0])
ok("serving" in walls[3]["solvers"] and "distributed" in walls[13]["solvers"]
   and "economics" in walls[16]["solvers"], "the solvers covering walls 4, 14, 17", walls)
status, out, err = run("walls")
ok(status == 0 and "Domain 1: Node (7 walls)" in out and "Domain 6: Analysis (2 walls)" in out,
   "walls text groups by domain (D5)", out)
status, out, err = run("walls", "-o", "markdown")
ok(status == 0 and "| 2 | Memory |" in out and "\\|W\\|" in out, "walls markdown escapes |", out)

done()
