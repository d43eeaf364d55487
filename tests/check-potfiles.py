#!/usr/bin/env python3
"""Checks that po/POTFILES.in lists every source file with translatable strings, and that every
file it lists exists. Prints TAP; a failure names each file to add or remove.

Usage: check-potfiles.py [--fix] [SOURCE_ROOT]
  --fix  add the missing files to po/POTFILES.in (kept sorted) and drop the ones that are gone
"""
import os
import re
import sys

FIX = '--fix' in sys.argv[1:]
_ARGS = [a for a in sys.argv[1:] if a != '--fix']
ROOT = os.path.abspath(_ARGS[0] if _ARGS else os.path.join(os.path.dirname(__file__), '..'))
SCAN_DIRS = ('core', 'plugins', 'ui', 'data')

# _("…"), N_("…"), C_("ctx", "…"), NC_(…), the (g_)(d)(n)(p)gettext family; not foo_(…).
CODE_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:N|C|NC|Q)?_\s*\(|'
                       r'(?<![A-Za-z0-9_])(?:g_)?d?n?p?gettext2?\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*["\']yes["\']')
CODE_SUFFIXES = ('.c', '.h', '.py')
# Files whose formats are translated through their ITS rules or keywords (desktop, metainfo,
# gschema, libpeas .plugin files): listed whenever they carry user-visible text.
ALWAYS_SUFFIXES = ('.desktop.in', '.desktop.in.in', '.metainfo.xml.in', '.metainfo.xml.in.in',
                   '.plugin.in', '.plugin.desktop.in')


def read_list(path):
    entries = set()
    if not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                entries.add(line)
    return entries


def strip_c_comments(text):
    """Drops /* */ and // comments, leaving string and character literals alone."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            out.append(' ')
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def has_marked_strings(rel, text):
    if rel.endswith(ALWAYS_SUFFIXES):
        return True
    if rel.endswith('.gschema.xml'):
        return 'gettext-domain' in text and ('<summary' in text or '<description' in text)
    if rel.endswith('.ui'):
        return bool(UI_MARK.search(text))
    if rel.endswith(('.c', '.h')):
        return bool(CODE_MARK.search(strip_c_comments(text)))
    if rel.endswith(CODE_SUFFIXES):
        return bool(CODE_MARK.search(text))
    return False


def write_list(path, entries):
    header = []
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            header = [line for line in f if line.startswith('#')]
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        f.writelines(header)
        for e in sorted(entries):
            f.write(e + '\n')
    os.replace(path + '.tmp', path)


def main():
    listed = read_list(os.path.join(ROOT, 'po', 'POTFILES.in'))
    skipped = read_list(os.path.join(ROOT, 'po', 'POTFILES.skip'))
    missing = []
    for top in SCAN_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.') and d != '__pycache__')
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if rel in listed or rel in skipped:
                    continue
                if not name.endswith(CODE_SUFFIXES + ALWAYS_SUFFIXES + ('.ui', '.gschema.xml')):
                    continue
                try:
                    with open(path, encoding='utf-8', errors='replace') as f:
                        text = f.read()
                except OSError:
                    continue
                if has_marked_strings(rel, text):
                    missing.append(rel)
    stale = sorted(e for e in listed if not os.path.exists(os.path.join(ROOT, e)))

    if FIX and (missing or stale):
        write_list(os.path.join(ROOT, 'po', 'POTFILES.in'), (listed | set(missing)) - set(stale))
        for rel in missing:
            print(f'added to po/POTFILES.in: {rel}', file=sys.stderr)
        for rel in stale:
            print(f'removed from po/POTFILES.in: {rel}', file=sys.stderr)
        return 0

    print('1..2')
    if missing:
        print('not ok 1 - po/POTFILES.in lists every file with translatable strings')
        print('# add these to po/POTFILES.in (or po/POTFILES.skip):')
        for rel in missing:
            print(f'#   {rel}')
    else:
        print('ok 1 - po/POTFILES.in lists every file with translatable strings')
    if stale:
        print('not ok 2 - every file in po/POTFILES.in exists')
        for rel in stale:
            print(f'#   no such file: {rel}')
    else:
        print('ok 2 - every file in po/POTFILES.in exists')
    return 1 if missing or stale else 0


if __name__ == '__main__':
    sys.exit(main())
