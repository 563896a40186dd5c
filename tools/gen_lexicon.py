#!/usr/bin/env python3
"""gen_lexicon.py: builds dossier's lexicon from Debian data packages.

Reads iso-codes (ISO 3166-1 countries, 3166-2 subdivisions, 4217 currencies)
and WordNet 3.0 (wordnet-base: proper-noun instances by lexicographer file,
nationality adjectives, the common-word index and the inflection exception
lists), and writes one line per lowercased word or phrase:

    phrase <TAB> classes [<TAB> extra]

classes (letters, any combination):
  C country      L place         P person (a known individual)
  O organization E event         F facility / structure
  N nationality or group of people (NORP)
  n common noun  v verb          a adjective      r adverb
  $ currency name (extra = ISO 4217 code)
  m noun inflection (extra = lemma)   w verb inflection (extra = lemma)

Usage: gen_lexicon.py [ISO_DIR] [WORDNET_DIR] > lexicon.tsv
Nothing here is taken from a news story: it is what Debian ships.
"""
import json
import os
import sys

iso = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json"
wn = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"

cls = {}
extra = {}


def add(phrase, c, x=None):
    p = " ".join(phrase.replace("_", " ").split()).lower()
    if not p or "\t" in p or len(p) > 80:
        return
    cls.setdefault(p, set()).add(c)
    if x is not None and (p, c) not in extra:
        extra[(p, c)] = x


def load(name, key):
    with open(os.path.join(iso, name), encoding="utf-8") as f:
        return json.load(f)[key]


for c in load("iso_3166-1.json", "3166-1"):
    for k in ("name", "official_name", "common_name"):
        if k in c:
            add(c[k], "C")
            add(c[k], "L")
    # "Iran, Islamic Republic of" -> "Iran"
    n = c["name"]
    if "," in n:
        add(n.split(",")[0], "C")
        add(n.split(",")[0], "L")
for s in load("iso_3166-2.json", "3166-2"):
    add(s["name"], "L")
for cur in load("iso_4217.json", "4217"):
    add(cur["name"], "$", cur["alpha_3"])

# WordNet lexicographer files: 04 act, 06 artifact, 11 event, 14 group,
# 15 location, 17 object (rivers, mountains), 18 person, 26 state (wars)
noun_class = {15: "L", 17: "L", 18: "P", 14: "O", 4: "E", 11: "E", 26: "E", 6: "F"}


def synsets(path):
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fs = line.split(" ")
            lex = int(fs[1])
            n = int(fs[3], 16)
            words = [fs[4 + 2 * i] for i in range(n)]
            yield lex, words, line


for lex, words, line in synsets(os.path.join(wn, "data.noun")):
    inst = " @i " in line
    for w in words:
        if not w[0].isupper():
            continue
        w = w.split("(")[0]
        if inst and lex in noun_class:
            add(w, noun_class[lex])
        elif lex == 18 and not inst:
            add(w, "N")   # Russians, Democrats, Muslims
        elif lex == 14 and not inst and len(w) > 2:
            add(w, "O")
for lex, words, line in synsets(os.path.join(wn, "data.adj")):
    for w in words:
        w = w.split("(")[0]
        if w[0].isupper() and "_" not in w:
            add(w, "N")   # Iranian, Russian, European

# verbs of communication (32) and of cognition, emotion, perception (31, 37,
# 39), nouns of communication (10): features of the attribution taggers
for lex, words, line in synsets(os.path.join(wn, "data.verb")):
    for w in words:
        if "_" not in w and w.isascii():
            if lex == 32:
                add(w.lower(), "s")
            elif lex in (31, 37, 39):
                add(w.lower(), "k")
for lex, words, line in synsets(os.path.join(wn, "data.noun")):
    for w in words:
        if lex == 10 and "_" not in w and w.isascii() and not w[0].isupper():
            add(w, "q")

for pos, letter in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
    with open(os.path.join(wn, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            w = line.split(" ", 1)[0]
            if "_" in w or not w.isascii():
                continue
            add(w, letter)
for pos, letter in (("noun", "m"), ("verb", "w")):
    with open(os.path.join(wn, pos + ".exc"), encoding="latin-1") as f:
        for line in f:
            fs = line.split()
            if len(fs) >= 2 and "_" not in fs[0]:
                add(fs[0], letter, fs[1])

out = sys.stdout
for p in sorted(cls):
    cs = "".join(sorted(cls[p]))
    xs = [extra[(p, c)] for c in sorted(cls[p]) if (p, c) in extra]
    out.write(p + "\t" + cs + ("\t" + xs[0] if xs else "") + "\n")
