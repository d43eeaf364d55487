#!/usr/bin/env python3
"""`mlsysim plot`: figures in each format, and errors a user can act on."""
import os
import struct
import tempfile

from clitest import run, ok, done

tmp = tempfile.mkdtemp(prefix="mlsysim-plot-")

png = os.path.join(tmp, "roof.png")
status, out, err = run("plot", "roofline", "H100,A100", "-w", "Llama3_8B", "-o", png,
                       "--width", "800", "--height", "450")
ok(status == 0 and os.path.exists(png), "a roofline PNG is written", err)
if os.path.exists(png):
    with open(png, "rb") as f:
        head = f.read(24)
    # PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers
    w, h = struct.unpack(">II", head[16:24])
    ok(head[:8] == b"\x89PNG\r\n\x1a\n" and (w, h) == (800, 450), "the PNG has the asked pixels",
       (w, h))

svg = os.path.join(tmp, "roof.svg")
status, out, err = run("plot", "roofline", "H100", "-w", "Llama3_8B", "-o", svg)
text = open(svg, encoding="utf-8").read() if os.path.exists(svg) else ""
ok(status == 0 and "Llama3_8B" in text and "Arithmetic intensity" in text,
   "the SVG names the workload and the axis", err)

pdf = os.path.join(tmp, "score.pdf")
status, out, err = run("plot", "scorecard", "Llama3_8B", "H100", "--theme", "print", "-o", pdf)
data = open(pdf, "rb").read() if os.path.exists(pdf) else b""
ok(status == 0 and data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 1,
   "a scorecard PDF is written", err)

status, out, err = run("plot", "roofline", "H1OO", "-o", png)
ok(status == 1 and "H100" in err, "an unknown device suggests the near name", err)

status, out, err = run("plot", "roofline", "H100")
ok(status == 1 and "-o" in err, "a missing output file is explained", err)

status, out, err = run("plot", "roofline", "H100", "-o", os.path.join(tmp, "roof.bmp"))
ok(status == 1 and "roof.bmp" in err, "an unknown extension names the file", err)

done()
