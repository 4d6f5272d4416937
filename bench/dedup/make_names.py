#!/usr/bin/env python3
"""Builds bench/dedup/data/names.tsv, the weighted name table of the dedup benchmark's
generator, from data/names/demo_names.tsv (hand-curated, Iraqi) and the public lists in the
project's shared data folder (Wikidata Latin<->Arabic tokens, nawikurdi, AKhateeb). Run once;
the output is checked in so the benchmark never reads the shared folder. See data/README.md.

usage: make_names.py SHARED_NAMES_DIR DEMO_NAMES_TSV OUT_TSV
"""
import collections
import json
import re
import sys

shared, demo_path, out_path = sys.argv[1:4]

# Wikidata: Arabic token -> Counter of Latin spellings.
wd = collections.defaultdict(collections.Counter)
with open(f"{shared}/wikidata_ar_en/wd_arabic.normalized.aligned.tokens", encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3:
            continue
        latin, letters, count = parts
        if not re.fullmatch(r"[a-z]+", latin):
            continue
        wd[letters.replace(" ", "")][latin] += int(count)

def wd_spellings(arabic):
    """Latin spellings seen for `arabic` in Wikidata, count >= 2 and >= 4% of the token."""
    c = wd.get(arabic)
    if not c:
        return []
    total = sum(c.values())
    return [(s, n) for s, n in c.most_common() if n >= 2 and n >= 0.04 * total]

def weighted_latin(arabic, curated):
    """`curated` spellings first (they fix the capitalisation; 60% to the first, 40% shared by
    the others), blended 70/30 with the Wikidata distribution of spellings of the token."""
    weights = {}
    order = []
    for i, s in enumerate(curated):
        key = s.lower().replace("-", "").replace(" ", "")
        w = 0.6 if i == 0 else 0.4 / (len(curated) - 1)
        if len(curated) == 1:
            w = 1.0
        order.append((key, s))
        weights[key] = 0.7 * w
    spellings = [] if curated and curated[0].startswith("Al-") else wd_spellings(arabic)
    total = sum(n for _, n in spellings)
    for s, n in spellings:
        if s not in weights:
            order.append((s, s.capitalize()))
            weights[s] = 0.0
        weights[s] += 0.3 * n / total
    if not spellings:
        weights = {k: w / 0.7 for k, w in weights.items()}
    return ";".join(f"{s}:{weights[k]:.3f}" for k, s in order)

SORANI = {
    "ا": "a", "ب": "b", "پ": "p", "ت": "t", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh", "د": "d",
    "ر": "r", "ڕ": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ع": "", "غ": "gh", "ف": "f",
    "ڤ": "v", "ق": "q", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "ڵ": "l", "م": "m", "ن": "n",
    "ه": "h", "ھ": "h", "ە": "a", "ۆ": "o", "ێ": "e", "ئ": "", "ة": "a", "ى": "a", "أ": "a",
    "إ": "i", "آ": "a", "ط": "t", "ص": "s", "ض": "z", "ظ": "z", "ث": "s", "ذ": "z", "ؤ": "u",
}

def sorani_latin(word):
    """A plain Latin rendering of a Sorani name as Iraqi Kurdistan documents write it, and a
    variant (ە as e, و as oo); returns [] for words with letters outside the table."""
    out, variant = [], []
    letters = list(word)
    for i, ch in enumerate(letters):
        prev = letters[i - 1] if i else ""
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        if ch in ("و",):
            if prev == "و":
                continue
            if nxt == "و":
                out.append("u"); variant.append("oo"); continue
            w = "w" if (i == 0 or prev in "اەۆێئ" or nxt in "اەۆێ" or not nxt) else "u"
            out.append(w); variant.append(w); continue
        if ch in ("ی", "ي"):
            y = "y" if (i == 0 or prev in "اەۆێو" or nxt in "اەۆێو") else "i"
            out.append(y); variant.append("ee" if y == "i" else y); continue
        if ch not in SORANI:
            return []
        out.append(SORANI[ch]); variant.append("e" if ch == "ە" else SORANI[ch])
    a, b = "".join(out), "".join(variant)
    if not a:
        return []
    a, b = a.capitalize(), b.capitalize()
    return [a] if a == b else [a, b]

rows = []  # (kind, community, sex, arabic, [latin...])
with open(demo_path, encoding="utf-8") as f:
    header_seen = False
    for line in f:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        kind, community, sex, arabic, latin = line.split("\t")
        rows.append((kind, community, sex, arabic, latin.split(";")))

known = {(r[0], r[1], r[2], r[3]) for r in rows}
arabic_known = {r[3] for r in rows}

# Extra Arab given and family names from AKhateeb, with their Wikidata Latin spellings.
ak = f"{shared}/akhateeb_arabic_names"
for fname, kind, sex in (("male-first--names-in-arabic.txt", "given", "male"),
                         ("female-first-names-in-arabic.txt", "given", "female"),
                         ("last-names-in-arabic.txt", "family", "-")):
    with open(f"{ak}/{fname}", encoding="utf-8") as f:
        for line in f:
            name = line.strip()
            if not name or " " in name or name in arabic_known:
                continue
            if kind == "family" and not name.startswith("ال"):
                continue
            sp = wd_spellings(name)
            if not sp:
                continue
            latin = [s.capitalize() for s, _ in sp[:4]]
            if kind == "family" and name.startswith("ال"):
                base = wd_spellings(name[2:])
                if not base:
                    continue
                latin = ["Al-" + s.capitalize() for s, _ in base[:3]]
            rows.append((kind, "arab", sex, name, latin))
            arabic_known.add(name)

# Extra Kurdish given names from nawikurdi (activated, not deleted, one word), Latin by table.
with open(f"{shared}/nawikurdi_ckb/names.json", encoding="utf-8") as f:
    for rec in json.load(f):
        name = rec["name"].strip()
        if rec["Deleted"] or not rec["Activated"] or " " in name or name in arabic_known:
            continue
        latin = sorani_latin(name)
        if not latin:
            continue
        sexes = {"M": ["male"], "F": ["female"], "O": ["male", "female"]}[rec["gender"]]
        for sex in sexes:
            rows.append(("given", "kurdish", sex, name, latin))
        arabic_known.add(name)

# Zipf weights by rank within (kind, community, sex): the curated rows come first in order of
# how common they are, the added ones after them. Exponent 1.0 for given names (Mohammed,
# Ali, Hussein ... dominate as they do in Iraq), 0.8 for family names (tribes are flatter).
ranks = collections.Counter()
with open(out_path, "w", encoding="utf-8") as out:
    out.write("# Weighted names for the dedup benchmark's generator; built by "
              "bench/dedup/make_names.py, sources in README.md.\n")
    out.write("kind\tcommunity\tsex\tweight\tarabic\tlatin\n")
    for kind, community, sex, arabic, latin in rows:
        key = (kind, community, sex)
        rank = ranks[key] + 1
        ranks[key] = rank
        s = 1.0 if kind == "given" else 0.8
        weight = 1000.0 / rank ** s
        out.write(f"{kind}\t{community}\t{sex}\t{weight:.2f}\t{arabic}\t"
                  f"{weighted_latin(arabic, latin)}\n")
print({k: v for k, v in sorted(ranks.items())}, file=sys.stderr)
