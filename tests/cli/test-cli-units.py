#!/usr/bin/env python3
"""`mlsysim units`: conversions a user relies on, and dimension errors."""
from clitest import run, run_json, ok, close, done

# 400 Gbps = 400e9 bit/s ÷ 8 bit/B = 50e9 B/s = 50 GB/s
status, out, err = run("units", "400 Gbps", "GB/s")
ok(status == 0 and out.strip() == "50 GB/s", "400 Gbps is 50 GB/s", out + err)

# 80 GiB = 80 × 1024³ B = 85,899,345,920 B = 85.89934592 GB
status, doc, err = run_json("-o", "json", "units", "80 GiB", "GB")
ok(status == 0 and close(doc.get("value", 0), 85.89934592), "80 GiB is 85.89934592 GB", doc)

# 700 W × 24 h = 16,800 Wh = 16.8 kWh
status, out, err = run("units", "700 W * 24 h", "kWh")
ok(status == 0 and out.strip() == "16.8 kWh", "700 W for 24 h is 16.8 kWh", out + err)

# 989e12 / 3.35e12 = 295.2239 FLOP/B (the H100 ridge point)
status, out, err = run("units", "989 TFLOP/s / 3.35 TB/s")
ok(status == 0 and out.strip().startswith("295.22") and "FLOP/B" in out, "H100 ridge point", out)

status, out, err = run("units", "989 TFLOP/s + 3.35 TB/s")
ok(status == 1, "adding FLOP/s to B/s exits with status 1", status)
ok(out == "", "nothing on stdout on error", out)
ok("compute rate" in err and "bandwidth" in err, "the error names both kinds", err)

status, out, err = run("units", "400 Gbps", "FLOP")
ok(status == 1 and "bandwidth" in err and "computation" in err,
   "converting bits/s to FLOP is refused", err)

status, doc, err = run_json("-o", "json", "units", "3.35 TB/")
ok(status == 1 and doc.get("status") == "error" and "character 9" in doc.get("reason", ""),
   "a malformed quantity gives a JSON error naming the position", doc)

status, out, err = run("units", "-o", "csv", "1 W")
ok(status == 1 and "not supported" in err, "an unsupported format is rejected", err)

status, out, err = run("units", "--help")
ok(status == 0 and "EXPRESSION" in out, "--help describes the arguments", out)

done()
