#!/usr/bin/env bash
# Brings the translations up to date with the sources: adds newly marked files to
# po/POTFILES.in (tests/check-potfiles.py --fix), regenerates po/mlsysim.pot with xgettext and
# merges it into every po/<lang>.po with msgmerge (changed strings come back fuzzy), then prints
# each language's coverage. Translate what it reports as fuzzy or untranslated, then commit.
#
# Usage: build-aux/update-translations.sh      (BUILD=<dir> to use another build directory)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PYENV_VERSION=system   # the pyenv python3 on PATH has no PyGObject
BUILD=${BUILD:-build}

/usr/bin/python3 tests/check-potfiles.py --fix .
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD" >/dev/null
fi
meson compile -C "$BUILD" mlsysim-pot >/dev/null
meson compile -C "$BUILD" mlsysim-update-po >/dev/null

total=$(msgattrib --no-obsolete po/mlsysim.pot 2>/dev/null | grep -c '^msgid ' || true)
echo "po/mlsysim.pot: $((total - 1)) strings"
status=0
for lang in $(sed 's/#.*//' po/LINGUAS); do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1) || status=1
  echo "po/$lang.po: $stats"
done
exit $status
