#!/usr/bin/env python3
"""`mlsysim eval`: quick mode, plans, lighthouse scenarios, personas, formats, exit codes.

Expected numbers are derived by hand in the comments from the registry's datasheet values."""
import os
import tempfile

from clitest import run, run_json, ok, close, done

PLANS = os.path.join(os.environ.get("MLSYSIM_TEST_DATA", "../data"), "plans")


def plan(name):
    return os.path.join(PLANS, name)


# --- quick mode (reference case D17) ---------------------------------------------------------
status, doc, err = run_json("eval", "Llama3_8B", "H100", "-o", "json")
ok(status == 0, "eval Llama3_8B H100 -o json exits 0", err)
ok(doc.get("scenario") == "Llama3_8B on H100", "scenario is 'Llama3_8B on H100'", doc)
ok(doc.get("f_status") == "PASS" and doc.get("p_status") == "PASS"
   and doc.get("m_status") == "SKIPPED", "statuses PASS / PASS / SKIPPED", doc)
for key in ("f_memory_used_gb", "f_memory_capacity_gb", "f_memory_utilization", "p_latency",
            "p_throughput", "p_mfu"):
    ok(key in doc, f"JSON has {key}", doc)
# fp16 weights: 8.03e9 × 2 B = 16.06 GB; 80 GiB = 85.89934592 GB
ok(close(doc.get("f_memory_used_gb", 0), 16.06), "memory used is 16.06 GB", doc)
ok(close(doc.get("f_memory_capacity_gb", 0), 85.89934592), "capacity is 80 GiB", doc)
# 16.06 GB × 1.1 / 3.35 TB/s = 5.273433 ms + 0.01 ms dispatch + 32 × 0.01 ms layers
latency = 17.666e9 / 3.35e12 * 1e3 + 0.33
ok(close(doc.get("p_latency", 0), latency, 1e-9), "p_latency is 5.6034 ms", doc)
ok(close(doc.get("p_throughput", 0), 1e3 / latency, 1e-9), "p_throughput is 1/latency", doc)

status, out, err = run("eval", "Llama3_8B", "H100")
lines = out.splitlines()
ok(status == 0 and lines[0].startswith("╔") and lines[-1].startswith("╚"),
   "the text scorecard is a box", out)
ok(all(len(line) == 62 for line in lines), "every line of the box is 62 columns", out)
ok("║ Level 1: Feasibility [PASS]" in out and "Level 3: Macro/Economics [SKIPPED]" in out,
   "the three levels are named", out)
ok(err == "", "nothing on stderr for a plain evaluation", err)

status, out, err = run("eval", "Llama3_8B", "H100", "-o", "markdown")
ok(status == 0 and out.startswith("## MLSys·im Plan: Llama3_8B on H100"), "markdown output", out)
status, out, err = run("eval", "Llama3_8B", "H100", "-o", "html")
ok(status == 0 and out.startswith("<!DOCTYPE html>") and "#10b981" in out, "html output", out)
status, out, err = run("eval", "Llama3_8B", "H100", "-o", "csv")
ok(status == 1 and out == "" and "not supported" in err, "csv is rejected", err)
status, out, err = run("eval", "Llama3_8B", "H100", "-o", "xml")
ok(status == 1 and out == "", "an unknown format is rejected (D22)", err)

# -b 8: traffic 16.06 × (1 + 0.8) = 28.908 GB / 3.35 TB/s = 8.62925 ms + 0.33 ms
status, doc, err = run_json("eval", "Llama3_8B", "H100", "-b", "8", "-o", "json")
ok(close(doc.get("p_latency", 0), 28.908e9 / 3.35e12 * 1e3 + 0.33, 1e-9), "-b 8 latency", doc)
# int8 halves the weights: 8.03 GB
status, doc, err = run_json("eval", "Llama3_8B", "H100", "-p", "int8", "-o", "json")
ok(close(doc.get("f_memory_used_gb", 0), 8.03), "-p int8 halves the weights", doc)

# η above the registry's 0.60 warning threshold: a warning on stderr, JSON untouched
status, doc, err = run_json("eval", "Llama3_8B", "H100", "-e", "0.75", "-o", "json")
ok(status == 0 and "Efficiency 75%" in err and doc.get("f_status") == "PASS",
   "η 0.75 warns on stderr", err)

# --region adds the macro level over the plans' 30-day default: one H100 at 700 W for 720 h,
# PUE 1.06 in Quebec = 534.24 kWh × 20 g/kWh = 10.6848 kg = 0.0106848 t
status, doc, err = run_json("eval", "Llama3_8B", "H100", "--region", "Quebec", "-o", "json")
ok(doc.get("m_status") == "PASS" and close(doc.get("m_carbon_footprint", 0), 0.0106848, 1e-9),
   "--region Quebec gives the macro level in Quebec", doc)

# --- bad input: exit 1 and a message naming the input ----------------------------------------
bad = [
    (("eval", "Llama3_8", "H100"), "Llama3_8B"),                 # suggestion
    (("eval", "Llama3_8B", "H10"), "H100"),
    (("eval", "Llama3_8B", "H100", "-p", "fp6"), "fp6"),          # D18
    (("eval", "Llama3_8B", "H100", "-b", "-3"), "-3"),
    (("eval", "Llama3_8B", "H100", "-b", "0"), "batch"),
    (("eval", "Llama3_8B", "H100", "-e", "0"), "efficiency"),
    (("eval", "Llama3_8B", "H100", "-e", "1.5"), "1.5"),
    (("eval", "Llama3_8B", "H100", "-e", "fast"), "fast"),
    (("eval", "Llama3_8B", "H100", "--region", "Mars"), "Mars"),
    (("eval", "Llama3_8B"), "Hardware argument is required"),
    (("eval", "NoSuchThing"), "NoSuchThing"),
    (("eval",), "Example"),
    (("eval", "missing-plan.yaml"), "missing-plan.yaml"),
]
for args, needle in bad:
    status, out, err = run(*args)
    ok(status == 1 and needle in err and out == "", f"{' '.join(args)} → exit 1 naming {needle}",
       f"status {status}\n{err}")

status, doc, err = run_json("eval", "Llama3_8B", "H100", "--precision", "fp6", "-o", "json")
ok(status == 1 and doc.get("status") == "error"
   and "precision 'fp6' is not supported" in doc.get("reason", "").lower().replace("“", "'")
   .replace("”", "'"),
   "D18: a JSON error names the precision", doc)

# --- physics failure: exit 2 --------------------------------------------------------------
# Llama3_70B: 70.6e9 × 2 B = 141.2 GB > 85.9 GB
status, out, err = run("eval", "Llama3_70B", "H100")
ok(status == 2 and "Level 1: Feasibility [FAIL]" in out and "Out of Memory" in err,
   "out of memory exits 2, with the scorecard", f"{status}\n{out}{err}")
status, doc, err = run_json("eval", "Llama3_70B", "H100", "-o", "json")
ok(status == 2 and doc.get("f_status") == "FAIL" and doc.get("status") == "physics_failed"
   and "title" in doc and "reason" in doc, "out of memory in JSON", doc)

# --- the README's plans ---------------------------------------------------------------------
status, out, err = run("eval", plan("test_plan.yaml"))
ok(status == 0 and "Scenario: Llama-3 8B Edge Inference" in out, "test_plan.yaml evaluates", err)
status, doc, err = run_json("eval", plan("test_fleet_plan.yaml"), "-o", "json")
ok(status == 0 and doc.get("p_status") == "PASS" and doc.get("m_status") == "PASS",
   "test_fleet_plan.yaml evaluates on the fleet path", doc)
# 64 × 700 W × 336 h × PUE 1.06 × 20 g/kWh = 319.119 kg = 0.319119 t (region honoured)
ok(close(doc.get("m_carbon_footprint", 0), 64 * 0.7 * 336 * 1.06 * 20 / 1e6, 1e-9),
   "carbon counted in Quebec", doc)
ok(doc.get("m_capex") == 64 * 25000, "CapEx 64 × $25,000", doc)

# D15: the assert fails → exit 3, naming metric, value and bound
status, out, err = run("eval", plan("test_assert_plan.yaml"))
ok(status == 3, "a failed assert exits 3", status)
ok("macro.carbon_footprint (0.319119) exceeds max (0.1)" in err, "stderr names metric, value, "
   "bound", err)
ok("exceeds max" in out and out.startswith("╔"), "the scorecard lists the violation", out)
status, doc, err = run_json("--output", "json", "eval", plan("test_assert_plan.yaml"))
ok(status == 3 and doc.get("status") == "sla_failed" and doc.get("violations")
   and "m_tco_usd" in doc, "D15: JSON status sla_failed, violations, m_tco_usd", doc)

# Plan errors: exit 1 with file:line:column
with tempfile.TemporaryDirectory() as tmp:
    def write(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    head = 'version: "1.0"\nname: t\n'
    cases = [
        ("unknown.yaml", head + "workload:\n  name: Llama3_8B\n  seqlen: 9\nhardware:\n  name: H100\n",
         ":5:3:", "seq_len"),
        ("indivisible.yaml", head + "workload:\n  name: Llama3_8B\nhardware:\n  name: H100\n"
         "  nodes: 10\n  accelerators_per_node: 4\n", ":7:10:", "divisible"),
        ("malformed.yaml", 'version: "1.0\n', ":", "YAML"),
        ("empty.yaml", "", "empty.yaml", "empty"),
        ("unitless.yaml", head + "workload:\n  name: Llama3_8B\nhardware:\n  name: H100\n"
         "  nodes: 8\n  fabric_bandwidth: 400\n", ":8:21:", "bare number"),
        ("region.yaml", head + "workload:\n  name: Llama3_8B\nhardware:\n  name: H100\n"
         "ops:\n  region: Quebek\n", ":8:11:", "Quebec"),
        ("param.yaml", head + "workload:\n  name: Llama3_8B\nhardware:\n  name: H100\n"
         "parameters:\n  serving.nope: 3\n", "parameters.serving.nope", "serving.prefill_chunk_tokens"),
        ("metric.yaml", head + "workload:\n  name: Llama3_8B\nhardware:\n  name: H100\n"
         "constraints:\n  assert:\n    - {metric: performance.nope, max: 1}\n",
         "performance.nope", "not available"),
    ]
    for name, text, where, needle in cases:
        path = write(name, text)
        status, out, err = run("eval", path)
        want = 3 if name == "metric.yaml" else 1
        ok(status == want and where in err and needle in err,
           f"plan {name}: exit {want} naming {where} and {needle}", f"{status}\n{err}")

    # A plan's values can be overridden on the command line.
    status, doc, err = run_json("eval", plan("test_plan.yaml"), "-b", "1", "-o", "json")
    ok(status == 0 and doc.get("scenario") == "Llama-3 8B Edge Inference", "plan with -b", doc)

# --- lighthouse scenarios ------------------------------------------------------------------
scenarios = ["SmartDoorbell", "TinySensor", "AutonomousVehicle", "AutonomousVehicle_Waymo",
             "MobileHealth", "MobileAssistant", "LocalTraining", "FrontierTraining",
             "ChatbotServing", "KeywordSpotting"]
for key in scenarios:
    status, doc, err = run_json("eval", key, "-o", "json")
    ok(status in (0, 2, 3) and "f_status" in doc and doc.get("m_status") == "PASS",
       f"scenario {key} evaluates", f"{status} {doc} {err}")

# Chatbot Serving: 5.60 ms against a 500 ms target passes; a year of one H100 at full TDP on
# the US average grid: 700 W × 8760 h × 1.12 × 429 g/kWh = 2946.30 kg = 2.9463 t
status, doc, err = run_json("eval", "ChatbotServing", "-o", "json")
ok(status == 0 and doc.get("p_status") == "PASS" and doc.get("p_sla_latency") == 500,
   "ChatbotServing meets its 500 ms target", doc)
ok(close(doc.get("m_carbon_footprint", 0), 0.7 * 8760 * 1.12 * 0.429 / 1000, 1e-9),
   "ChatbotServing's annual carbon", doc)
# Keyword Spotting: 20 MFLOP / (0.5 GFLOP/s × 0.5) = 80 ms + 1 ms + 0.01 ms = 81.01 ms > 30 ms
status, out, err = run("eval", "keywordspotting")
ok(status == 3 and "Level 2: Performance [FAIL]" in out and "81.01 ms" in out,
   "KeywordSpotting misses 30 ms: exit 3", f"{status}\n{out}{err}")
# Mobile Assistant: 16.06 GB of weights in 8 GiB: exit 2
status, out, err = run("eval", "MobileAssistant")
ok(status == 2, "MobileAssistant does not fit: exit 2", status)

# --- personas: the system ledger ----------------------------------------------------------
status, doc, err = run_json("eval", "ChatbotServing", "--persona", "cloud", "-o", "json")
ok(status == 0 and doc.get("track") == "Cloud Titan" and doc.get("mission") == "Chatbot Serving",
   "the cloud persona's ledger", doc)
for key in ("latency_ms", "throughput_sps", "mfu_pct", "carbon_kg", "tco_usd", "goodput_pct"):
    ok(key in doc, f"ledger JSON has {key}", doc)
# 700 W × 8760 h × 1.12 × 429 g/kWh = 2946.30 kg
ok(close(doc.get("carbon_kg", 0), 0.7 * 8760 * 1.12 * 0.429, 1e-9), "ledger carbon, one H100", doc)
ok(close(doc.get("throughput_sps", 0), 1e3 / latency, 1e-9), "ledger throughput", doc)
status, edge, err = run_json("eval", "AutonomousVehicle", "--persona", "edge", "-o", "json")
status, one, err = run_json("eval", "AutonomousVehicle", "--persona", "cloud", "-o", "json")
ok(close(edge.get("carbon_kg", 0), one.get("carbon_kg", 1) * 10000, 1e-9),
   "the edge persona scales carbon by its 10,000 vehicles", (edge, one))
status, out, err = run("eval", "ChatbotServing", "--persona", "nobody")
ok(status == 1 and "nobody" in err, "an unknown persona is bad input", err)

status, out, err = run("eval", "--help")
ok(status == 0 and "PLAN" in out and "--persona" in out, "--help", out)

done()
