#!/usr/bin/env python3
"""Print every file with a given suffix under a directory, one per line, sorted."""
import os
import sys

root, suffix = sys.argv[1:3]
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in sorted(filenames):
        if name.endswith(suffix):
            print(os.path.join(dirpath, name))
