#!/usr/bin/env bash
# One command for a newcomer: set up, build, and run mlsysim's main job — MLSys·im Studio when
# there is a display, otherwise `mlsysim eval Llama3_8B H100`. Extra arguments go to the CLI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source build-aux/setup.sh
if [ $# -gt 0 ]; then
  exec meson devenv -C build mlsysim "$@"
elif [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/ui/studio/mlsysim-studio ]; then
  exec meson devenv -C build mlsysim-studio
else
  exec meson devenv -C build mlsysim eval Llama3_8B H100
fi
