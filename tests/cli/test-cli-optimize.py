#!/usr/bin/env python3
"""`mlsysim optimize parallelism|batching|placement`: the reference's contract (D16), exit codes,
and answers checked against hand arithmetic."""
import os
import tempfile

from clitest import run, run_json, ok, close, done

DATA = os.environ.get("MLSYSIM_TEST_DATA", os.path.join(os.path.dirname(__file__), "..", "data"))
FLEET = os.path.join(DATA, "plans", "test_fleet_plan.yaml")

# D16: `--output json optimize parallelism test_fleet_plan.yaml`
status, doc, err = run_json("--output", "json", "optimize", "parallelism", FLEET)
ok(status == 0, "optimize parallelism exits 0", err)
ok(isinstance(doc.get("best_config"), dict) and doc["best_config"],
   "best_config is non-empty", doc)
ok(isinstance(doc.get("top_candidates"), list) and doc["top_candidates"],
   "top_candidates is a list", doc)
# The plan builds 64 single-H100 nodes (accelerators per node = the H100's count, 1), so TP is
# 1. Llama3_70B needs 70.6e9 × 16 B = 1129.6 GB of model state, ≤ 0.9 × 85.9 GB per device:
# PP ≥ 14.6, so PP ∈ {16, 32, 64}; DP = 64 / PP.
cfg = doc.get("best_config", {})
ok(cfg.get("tp") == 1 and cfg.get("pp") in (16, 32, 64) and cfg.get("dp") * cfg.get("pp") == 64,
   "the best layout fits memory and divides the fleet", cfg)
ok(doc.get("total_searched") == 3 and doc.get("search_space_size") == 7,
   "3 of the 7 PP degrees (1…64) are evaluated", doc)
ok(close(doc.get("objective_value", 0), doc.get("best_mfu", -1)), "objective is the MFU", doc)

status, out, err = run("optimize", "parallelism", FLEET)
ok(status == 0 and out.startswith("3D Parallelism"), "text title: 3D Parallelism", out)

# No fleet: exit 1
status, out, err = run("optimize", "parallelism", "Llama3_8B", "H100")
ok(status == 1 and "fleet" in err, "parallelism without a fleet is bad input", err)

# Nothing fits: Llama3_70B's 1129.6 GB over eight 77.3 GB devices: exit 2 (physics)
with tempfile.TemporaryDirectory() as tmp:
    small = os.path.join(tmp, "small.yaml")
    with open(small, "w") as f:
        f.write('version: "1.0"\nname: "small"\nworkload:\n  name: Llama3_70B\n'
                'hardware:\n  name: H100\n  nodes: 8\n  accelerators_per_node: 8\n')
    status, doc, err = run_json("optimize", "parallelism", small, "-o", "json")
    ok(status == 2 and doc.get("is_feasible") is False and doc.get("best_config") == {},
       "no layout fits: exit 2", (status, doc, err))

# Placement. 64 H100s for 14 days at η = 0.45 (the plan), on the reference's three regions. All
# share the 0.12 USD/kWh default tariff and the capital cost; energy differs by PUE (Quebec
# 1.06, US_Avg and Iowa 1.12) and carbon by grid (20, 429, 680 g/kWh). Quebec is the cheapest
# and the cleanest, so it wins at any tax:
#   IT power 64 × 700 W × (0.3 + 0.7 × 0.45) = 27.552 kW; 336 h → 9257.5 kWh;
#   Quebec carbon 9257.5 × 1.06 × 20 g = 196.3 kg = 0.1963 t; US_Avg 9257.5 × 1.12 × 429 g =
#   4.448 t; Iowa × 680 g = 7.050 t.
regions = ["--regions", "US_Avg,Quebec,Iowa"]
for tax in ("0", "100", "1000"):
    status, doc, err = run_json("optimize", "placement", FLEET, "--carbon-tax", tax, *regions,
                                "-o", "json")
    ok(status == 0 and doc.get("best_region") == "Quebec" and
       doc.get("best_config") == {"region": "Quebec"}, f"placement at {tax} USD/t: Quebec",
       (status, doc, err))
    tops = doc.get("top_candidates", [])
    ok(len(tops) == 3 and all(close(t["objective_usd"],
                                    t["tco_usd"] + t["carbon_t"] * float(tax), 1e-9)
                              for t in tops),
       f"objective = TCO + tons × {tax} for every region", tops)
status, doc, err = run_json("optimize", "placement", FLEET, *regions, "-o", "json")
carbon = {t["region"]: t["carbon_t"] for t in doc.get("top_candidates", [])}
ok(close(carbon.get("Quebec", 0), 0.1963, 1e-3) and close(carbon.get("US_Avg", 0), 4.448, 1e-3)
   and close(carbon.get("Iowa", 0), 7.050, 1e-3), "carbon per region as derived", carbon)
ok(doc.get("carbon_tax_usd_per_t") == 100, "the default tax is the registry's 100 USD/t", doc)
status, out, err = run("optimize", "placement", FLEET, "--carbon-tax", "250", *regions)
ok(status == 0 and out.startswith("Global Placement (Tax: $250/ton)"), "placement title",
   out)
status, out, err = run("optimize", "placement", FLEET, "--regions", "Quebec,Atlantis")
ok(status == 1 and "Atlantis" in err, "an unknown region is bad input", err)

# Batching: Llama3_8B on H100, 512-token requests at 5 per second
status, doc, err = run_json("optimize", "batching", "Llama3_8B", "H100", "-s", "512",
                            "--sla-ms", "30000", "--qps", "5", "-o", "json")
ok(status == 0 and doc.get("is_feasible") is True, "batching finds a batch", (status, err))
ok(doc.get("best_config", {}).get("max_batch_size") == doc.get("best_batch_size") > 0 and
   doc.get("p99_latency_ms", 1e9) <= 30000 and doc.get("objective_value") == -doc["best_batch_size"],
   "the best batch meets the SLA; the objective is −b", doc)
# the reference's throughput: λ × sequence length = 5 × 512
ok(doc.get("max_throughput_tokens_per_s") == 2560, "throughput is 5 × 512 tokens/s", doc)
status, out, err = run("optimize", "batching", "Llama3_8B", "H100", "-s", "512",
                       "--sla-ms", "1000", "--qps", "5")
ok(status == 3 and out.startswith("Batching vs. SLA"), "an SLA nothing meets exits 3",
   (status, out, err))
status, out, err = run("optimize", "batching", "Llama3_8B", "H100", "--sla-ms", "100")
ok(status == 1 and "--qps" in err, "batching needs --qps", err)

status, out, err = run("optimize", "scheduling", FLEET)
ok(status == 1 and "parallelism, batching or placement" in err, "unknown optimizer", err)

done()
