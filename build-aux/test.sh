#!/usr/bin/env bash
# One command for a newcomer and for CI: set up, build, and run every test under Xvfb. Prints
# "N passed, N failed" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source build-aux/setup.sh
export GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
set +e
xvfb-run -a -s '-screen 0 1280x1024x24' \
  meson test -C "$BUILD" --print-errorlogs --num-processes 2 "$@"
rc=$?
set -e
/usr/bin/python3 build-aux/test-summary.py "$BUILD/meson-logs/testlog.json" || rc=1
exit $rc
