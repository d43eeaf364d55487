#!/usr/bin/env python3
"""Lints the Flatpak manifest offline (the GNOME SDK cannot be downloaded here). Prints TAP.

Usage: check-flatpak-manifest.py MANIFEST APP_ID

Checks that the JSON parses and names the app ID and a GNOME runtime, that every downloaded
source is pinned by sha256, that the sandbox holes are the minimal set (files go through the
portals), and that `flatpak-builder --show-manifest` reads it without a warning on stderr
(it only warns, exit 0, on unknown properties). That last check is skipped when flatpak-builder
is not installed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
DOWNLOADED = {'archive', 'file', 'patch'}

count = 0
failed = 0


def ok(cond, name, detail=''):
    global count, failed
    count += 1
    print(f"{'ok' if cond else 'not ok'} {count} - {name}")
    if not cond:
        failed += 1
        for line in str(detail).splitlines():
            print(f'#   {line}')


def skip(name, reason):
    global count
    count += 1
    print(f'ok {count} - {name} # SKIP {reason}')


def modules(manifest):
    for m in manifest.get('modules', []):
        if isinstance(m, dict):
            yield m
            yield from modules(m)


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    print('1..5')
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        ok(False, 'the manifest is valid JSON', e)
        for name in ('app ID and runtime', 'sources pinned', 'minimal permissions', 'show-manifest'):
            ok(False, name, 'the manifest did not parse')
        return 1
    ok(True, 'the manifest is valid JSON')

    problems = []
    if manifest.get('id', manifest.get('app-id')) != app_id:
        problems.append(f"id is {manifest.get('id')!r}, meson's app_id is {app_id!r}")
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('runtime/sdk must be org.gnome.Platform/org.gnome.Sdk')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))):
        problems.append(f"runtime-version {manifest.get('runtime-version')!r} is not a stable release")
    if not manifest.get('command'):
        problems.append('no command')
    ok(not problems, 'the manifest names the app ID, a stable GNOME runtime and a command',
       '\n'.join(problems))

    unpinned = []
    for m in modules(manifest):
        for s in m.get('sources', []):
            if isinstance(s, dict) and s.get('type') in DOWNLOADED and 'url' in s:
                if not re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', '')):
                    unpinned.append(f"{m.get('name')}: {s['url']}")
            if isinstance(s, dict) and s.get('type') == 'git' and not s.get('commit'):
                unpinned.append(f"{m.get('name')}: git source without a commit")
    ok(not unpinned, 'every downloaded source is pinned by sha256', '\n'.join(unpinned))

    extra = [a for a in manifest.get('finish-args', []) if a not in ALLOWED_FINISH_ARGS]
    ok(not extra, 'finish-args are minimal; files go through the portals',
       'not allowed: ' + ' '.join(extra))

    builder = shutil.which('flatpak-builder')
    if not builder:
        skip('flatpak-builder --show-manifest prints no warnings', 'flatpak-builder not installed')
    else:
        # It creates .flatpak-builder/ in its working directory: keep that out of the tree.
        with tempfile.TemporaryDirectory() as tmp:
            p = subprocess.run([builder, '--show-manifest', os.path.abspath(path)], cwd=tmp,
                               capture_output=True, text=True, timeout=120)
        ok(p.returncode == 0 and not p.stderr.strip(),
           'flatpak-builder --show-manifest prints no warnings',
           f'exit {p.returncode}\n{p.stderr}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
