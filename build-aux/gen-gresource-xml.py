#!/usr/bin/env python3
"""Write a GResource XML that lists every file with a given suffix under a directory.

Usage: gen-gresource-xml.py OUTPUT SOURCE_DIR PREFIX SUFFIX
"""
import os
import sys
from xml.sax.saxutils import escape

out, root, prefix, suffix = sys.argv[1:5]
names = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in sorted(filenames):
        if name.endswith(suffix):
            names.append(os.path.relpath(os.path.join(dirpath, name), root))

with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n')
    f.write(f'  <gresource prefix="{escape(prefix)}">\n')
    for name in names:
        f.write(f"    <file>{escape(name)}</file>\n")
    f.write("  </gresource>\n</gresources>\n")
