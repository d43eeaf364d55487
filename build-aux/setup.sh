#!/usr/bin/env bash
# Installs what mlsysim needs on Debian 12 (only the missing packages) and configures and builds
# it in ./build. Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PKGS=(meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libpeas-dev libpeas-1.0-0 gir1.2-peas-1.0
  libjson-glib-dev libyaml-dev libcairo2-dev libpango1.0-dev gobject-introspection
  libgirepository1.0-dev python3-gi python3-gi-cairo gir1.2-gtk-4.0
  gettext itstool desktop-file-utils appstream appstream-util
  xvfb xauth dbus fonts-dejavu-core flatpak-builder imagemagick poppler-utils)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export PYENV_VERSION=system   # the pyenv python3 on PATH has no PyGObject
BUILD=${BUILD:-build}
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD" ${MESON_ARGS:-}
fi
meson compile -C "$BUILD"
