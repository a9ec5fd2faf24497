#!/usr/bin/env python3
"""Run from the repository root: python3 docs/check-links.py

Checks relative links in README.md and docs/*.md: the file exists, and #anchor matches a heading (GitHub slugs)."""
import glob, os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else '.'
os.chdir(root)

def slugs(path):
    out, seen, fence = set(), {}, False
    for line in open(path, encoding='utf-8'):
        if line.lstrip().startswith('```'):
            fence = not fence
            continue
        m = None if fence else re.match(r'^(#{1,6})\s+(.*?)\s*#*\s*$', line)
        if m:
            text = re.sub(r'`([^`]*)`', r'\1', m.group(2))
            text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', text)
            s = re.sub(r'[^\w\- ]', '', text.lower()).replace(' ', '-')
            n = seen.get(s, 0); seen[s] = n + 1
            out.add(s if n == 0 else f'{s}-{n}')
    return out

bad = 0; count = 0
files = ['README.md'] + sorted(glob.glob('docs/*.md'))
for f in files:
    fence = False
    for i, line in enumerate(open(f, encoding='utf-8'), 1):
        if line.lstrip().startswith('```'):
            fence = not fence
            continue
        if fence:
            continue
        for target in re.findall(r'\]\(([^)\s]+)\)', line):
            if re.match(r'^[a-z]+:', target):
                continue
            count += 1
            path, _, anchor = target.partition('#')
            dest = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
            if not os.path.exists(dest):
                print(f'{f}:{i}: missing file {target}'); bad += 1; continue
            if anchor:
                if not dest.endswith('.md'):
                    print(f'{f}:{i}: anchor on a non-markdown file {target}'); bad += 1
                elif anchor not in slugs(dest):
                    print(f'{f}:{i}: no heading for #{anchor} in {dest}'); bad += 1
print(f'{count} relative links checked, {bad} broken')
sys.exit(1 if bad else 0)
