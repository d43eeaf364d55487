#!/usr/bin/env python3
"""Checks the translations: every .po in po/LINGUAS compiles with `msgfmt --check`, and
`LANGUAGE=<lang> mlsysim --help` (and `mlsysim units --help`) come out in that language.
Prints TAP. Also reports each catalog's coverage; an incomplete catalog is a TODO, not a failure,
because strings are added all the time (build-aux/update-translations.sh merges them).

Needs MLSYSIM_SOURCE_ROOT and MLSYSIM_BUILD_ROOT; the uninstalled CLI reads the catalogs built in
<build>/po/<lang>/LC_MESSAGES through MLSYSIM_LOCALEDIR.
"""
import os
import re
import subprocess
import sys

SRC = os.environ.get('MLSYSIM_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
BUILD = os.environ.get('MLSYSIM_BUILD_ROOT', 'build')
CLI = os.path.join(BUILD, 'ui', 'cli', 'mlsysim')

count = 0
failed = 0


def ok(cond, name, detail='', todo=None):
    global count, failed
    count += 1
    suffix = f' # TODO {todo}' if todo and not cond else ''
    print(f"{'ok' if cond else 'not ok'} {count} - {name}{suffix}")
    if not cond:
        if not todo:
            failed += 1
        for line in str(detail).splitlines()[:40]:
            print(f'#   {line}')


def unquote(s):
    return bytes(s[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def read_po(path):
    """Returns ({msgid: msgstr} of translated, non-fuzzy entries, translated, fuzzy, untranslated)."""
    entries = []
    cur = {'flags': '', 'msgid': None, 'msgstr': None, 'plural': False}
    field = None

    def flush():
        if cur['msgid'] is not None:
            entries.append(dict(cur))
        cur.update(flags='', msgid=None, msgstr=None, plural=False)

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                flush()
                field = None
            elif line.startswith('#,'):
                if cur['msgid'] is not None:
                    flush()
                cur['flags'] += line
            elif line.startswith('#~'):
                continue
            elif line.startswith('#'):
                if cur['msgid'] is not None and field == 'msgstr':
                    flush()
            elif line.startswith('msgid_plural'):
                cur['plural'] = True
                field = 'msgid_plural'
            elif line.startswith('msgid '):
                if cur['msgid'] is not None and field and field.startswith('msgstr'):
                    flush()
                cur['msgid'] = unquote(line[6:].strip())
                field = 'msgid'
            elif line.startswith('msgstr'):
                m = re.match(r'msgstr(\[\d+\])?\s+(".*")', line)
                value = unquote(m.group(2))
                if m.group(1) in (None, '[0]'):
                    cur['msgstr'] = value
                field = 'msgstr'
            elif line.startswith('"') and field == 'msgid':
                cur['msgid'] += unquote(line.strip())
            elif line.startswith('"') and field == 'msgstr' and cur['msgstr'] is not None:
                cur['msgstr'] += unquote(line.strip())
    flush()
    table, translated, fuzzy, untranslated = {}, 0, 0, 0
    for e in entries:
        if e['msgid'] == '':
            continue
        if 'fuzzy' in e['flags']:
            fuzzy += 1
        elif e['msgstr']:
            translated += 1
            table[e['msgid']] = e['msgstr']
        else:
            untranslated += 1
    return table, translated, fuzzy, untranslated


def run_cli(args, lang=None):
    env = dict(os.environ)
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANG', None)
    env.pop('LANGUAGE', None)
    if lang:
        env['LANGUAGE'] = lang
    env['MLSYSIM_LOCALEDIR'] = os.path.join(BUILD, 'po')
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=60)
    return p.stdout + p.stderr


def main():
    with open(os.path.join(SRC, 'po', 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f for w in line.split('#', 1)[0].split()]
    ok(bool(langs), 'po/LINGUAS names at least one language')
    for lang in langs:
        po = os.path.join(SRC, 'po', lang + '.po')
        p = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                           capture_output=True, text=True)
        ok(p.returncode == 0, f'{lang}.po passes msgfmt --check', p.stderr)
        table, translated, fuzzy, untranslated = read_po(po)
        total = translated + fuzzy + untranslated
        print(f'# {lang}: {translated} of {total} strings translated, {fuzzy} fuzzy, '
              f'{untranslated} untranslated')
        ok(fuzzy == 0 and untranslated == 0, f'{lang}.po is complete',
           f'{fuzzy} fuzzy, {untranslated} untranslated; run build-aux/update-translations.sh',
           todo='strings added since the last translation update')

        for args in (['--help'], ['units', '--help']):
            english = run_cli(args)
            translated_out = run_cli(args, lang)
            # The catalog's translations of lines that the English help prints.
            # The catalog's translations of whole lines the English help prints: a line, the
            # description column of a command or option table, or a multi-line block.
            # (Whole lines only: "KV cache" also occurs inside other, longer strings.)
            lines = set()
            for line in english.splitlines():
                lines.add(line.strip())
                m = re.match(r'^\s*\S.*?\s{2,}(\S.*)$', line)
                if m:
                    lines.add(m.group(1).strip())
            expected = {s: table[s] for s in table
                        if table[s] != s and (s.strip() in lines or ('\n' in s.strip() and s in english))}
            missing = [f'{s!r} -> {t!r}' for s, t in expected.items() if t not in translated_out]
            ok(bool(expected) and not missing and translated_out != english,
               f'LANGUAGE={lang} mlsysim {" ".join(args)} is translated',
               ('no translated string found in the help; does ui/cli/mls-cli.c honour '
                'MLSYSIM_LOCALEDIR?\n' if not expected or translated_out == english else '') +
               '\n'.join(missing) + '\n--- output:\n' + translated_out)
    print(f'1..{count}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
