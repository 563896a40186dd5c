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
  D noun derived from a verb (extra = the verb: "production" -> "produce")
  p a kind of product: vehicle, aircraft, weapon, computer, telephone,
    software ("sedan", "airliner", "laptop", "browser")
  K national capital (extra = its country: "moscow" -> "Russia"), for
    metonymy ("Moscow agreed")
  j seldom a noun: mostly an adjective or adverb in SemCor ("out", "far")
  y on "~verb": a verb of the same meaning (extra = the one that stands for
    both: "~supply" -> "provide")

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


def first_senses(pos):
    """lemma -> the offset of its most frequent synset, from index.POS."""
    out = {}
    with open(os.path.join(wn, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fs = line.split()
            # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            out[fs[0]] = fs[4 + int(fs[3]) + 2]
    return out


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

# nouns derived from verbs (WordNet's "+" pointers from noun to verb synsets),
# when the two words share their first three letters (agreement -> agree,
# delivery -> deliver): claims read "began production" as "produce"
verb_words = {}
with open(os.path.join(wn, "data.verb"), encoding="latin-1") as f:
    for line in f:
        if line.startswith(" "):
            continue
        fs = line.split(" ")
        n = int(fs[3], 16)
        verb_words[fs[0]] = [fs[4 + 2 * i] for i in range(n)]
deriv = {}
for lex, words, line in synsets(os.path.join(wn, "data.noun")):
    fs = line.split("|")[0].split(" ")
    n = int(fs[3], 16)
    k = 4 + 2 * n
    for i in range(int(fs[k])):
        sym, off, pos, st = fs[k + 1 + 4 * i: k + 5 + 4 * i]
        if sym != "+" or pos != "v" or off not in verb_words:
            continue
        src, dst = int(st[:2], 16), int(st[2:], 16)
        if not src or not dst or src > len(words) or dst > len(verb_words[off]):
            continue
        noun, verb = words[src - 1].lower(), verb_words[off][dst - 1].lower()
        if "_" in noun or "_" in verb or not noun.isascii() or noun[:3] != verb[:3]:
            continue
        best = deriv.get(noun)
        common = len(os.path.commonprefix([noun, verb]))
        if best is None or common > best[0]:
            deriv[noun] = (common, verb)
for noun, (_, verb) in deriv.items():
    if noun in cls and (noun, "m") not in extra and (noun, "w") not in extra and \
            (noun, "$") not in extra:
        add(noun, "D", verb)

# national capitals (instances of WordNet's "national capital", 08691669)
# and the country they are part of
noun_words = {}
part_of = {}
capitals = []
for lex, words, line in synsets(os.path.join(wn, "data.noun")):
    off = line.split(" ", 1)[0]
    noun_words[off] = words
    fs = line.split("|")[0].split(" ")
    holo = [fs[i + 1] for i in range(len(fs) - 1) if fs[i] == "#p"]
    if holo:
        part_of[off] = holo[0]
    if lex == 15 and " @i 08691669 n " in line and holo:
        capitals.append((words, holo[0]))


def country_of(off):
    """The first synset up the part-of chain that is an ISO 3166 country."""
    for _ in range(3):
        ws = noun_words.get(off)
        if not ws:
            return None
        names = [w.split("(")[0].replace("_", " ") for w in ws]
        if any("C" in cls.get(n.lower(), ()) for n in names):
            return names[0]   # WordNet's first word: "Russia", not "Russian Federation"
        off = part_of.get(off)
    return None


for words, holo in capitals:
    name = country_of(holo)
    if not name:
        continue
    for w in words:
        w = w.split("(")[0]
        p = w.replace("_", " ").lower()
        if w[0].isupper() and "capital" not in p and not any((p, c) in extra for c in "$mwD"):
            add(w, "K", name)

# kinds of product (vehicles and aircraft, weapons, computers, telephones,
# software): WordNet hyponyms of these synsets, one-word lowercase nouns.
# A name right before one ("the Tarvo sedan", "its Quill browser") names a
# product, not its maker.
product_roots = {"03100490", "04565375", "03082979", "04401088", "06566077"}
hypo = {}
for lex, words, line in synsets(os.path.join(wn, "data.noun")):
    fs = line.split("|")[0].split(" ")
    hypo[fs[0]] = [fs[i + 1] for i in range(len(fs) - 1) if fs[i] == "~"]

first_sense = first_senses("noun")
todo, seen = list(product_roots), set()
while todo:
    off = todo.pop()
    if off in seen or off not in hypo:
        continue
    seen.add(off)
    todo.extend(hypo[off])
    for w in noun_words[off]:
        w = w.split("(")[0]
        # only a word whose commonest sense is the product ("arm", "site",
        # "editor" are not)
        if ("_" not in w and w.isascii() and w.islower() and len(w) > 2 and
                first_sense.get(w.lower()) == off):
            add(w, "p")

# one name per country ("A", extra "=" + the name): its ISO common name, else
# the shorter of its ISO short name and the first word of the WordNet synset
# that holds two of its ISO names or one of several words ("Russian
# Federation" -> Russia, "United States of America" -> United States); every
# other ISO name and every capitalised word of that synset ("USA", "Persia")
# is another form of it.
country_names = []
for c in load("iso_3166-1.json", "3166-1"):
    names = [c[k] for k in ("name", "official_name") if k in c]
    if "," in c["name"]:
        names.append(c["name"].split(",")[0])
    country_names.append((c.get("common_name"), names))
by_word = {}
for lex, words, line in synsets(os.path.join(wn, "data.noun")):
    if lex == 15:
        ws = [w.split("(")[0].replace("_", " ") for w in words]
        for w in ws:
            by_word.setdefault(w.lower(), []).append(ws)
forms_of = {}
canon_of = {}
for common, names in country_names:
    low = {n.lower() for n in names + ([common] if common else [])}
    syn = None
    for n in sorted(low):
        for ws in by_word.get(n, []):
            hits = low & {w.lower() for w in ws}
            if len(hits) >= 2 or any(" " in h for h in hits):
                syn = ws
    short = [n for n in names[:1] if "," not in n] + [w for w in (syn or [])[:1] if len(w) > 3]
    canon = common or (min(short, key=len) if short else names[0])
    forms = names + (syn or [])
    for n in forms:
        # "Man" (Isle of Man) is no country; two capitals only with their
        # dotted form in the synset: "US" (U.S.), not "AS" or "PR"
        if len(n) <= 3 and not n.isupper() or \
                len(n) == 2 and ".".join(n) + "." not in forms:
            continue
        if n[0].isupper() and not n.lower().startswith("the ") and n.lower() != canon.lower():
            forms_of.setdefault(n.lower(), set()).add(canon)
    canon_of.setdefault(canon, []).append(names[0])
for n, canons in forms_of.items():
    # a form of two countries ("Korea", "Congo"), or a name two countries
    # would share ("Virgin Islands"), is none
    c = next(iter(canons))
    if len(canons) == 1 and len(canon_of[c]) == 1 and "," not in c and \
            not cls.get(n, set()) & set("$DKmw"):
        add(n, "A", "=" + c)

# nationality adjectives pertain to their country ("Iranian" -> Iran): claims
# take the country as the actor of "the Iranian government agreed"
canon_lower = {c.lower(): c for c in canon_of}
adj_country = {}
for lex, words, line in synsets(os.path.join(wn, "data.adj")):
    fs = line.split("|")[0].split(" ")
    for i in range(len(fs) - 2):
        if fs[i] != "\\" or fs[i + 2] != "n":
            continue
        for w in noun_words.get(fs[i + 1], []):
            w = w.split("(")[0].replace("_", " ").lower()
            cs = forms_of.get(w, set())
            c = next(iter(cs)) if len(cs) == 1 else canon_lower.get(w)
            if c and len(canon_of[c]) == 1 and "," not in c:
                for a in words:
                    a = a.split("(")[0]
                    if a[0].isupper() and "_" not in a:
                        adj_country.setdefault(a.lower(), set()).add(c)
for a, cs in adj_country.items():
    if len(cs) == 1 and "N" in cls.get(a, ()) and not cls[a] & set("A$DKmw"):
        add(a, "A", "=" + cs.pop())

# verbs of one meaning: a verb whose most frequent sense (SemCor's tag
# counts, cntlist.rev: at least 10 tagged uses and 60% of the verb's) is the
# synset that is also another such verb's most frequent sense says the same
# thing ("supply" / "provide", "buy" / "purchase", "build" / "construct").
# "~verb" -> the one of them tagged most often; dossiers merge their claims.
# SemCor's tag counts: lemma -> {(pos digit, sense number): uses}, the pos
# digit of the sense key: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite
sense_tags = {}
with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
    for line in f:
        fs = line.split()
        lemma, _, rest = fs[0].partition("%")
        if len(fs) == 3 and rest[:1].isdigit():
            key = (rest[0], int(fs[1]))
            t = sense_tags.setdefault(lemma, {})
            t[key] = t.get(key, 0) + int(fs[2])
same_sense = {}
for w, off in first_senses("verb").items():
    tags = {n: c for (pos, n), c in sense_tags.get(w, {}).items() if pos == "2"}
    first = tags.get(1, 0)
    if "_" not in w and first >= 10 and first >= 0.6 * sum(tags.values()):
        same_sense.setdefault(off, []).append((-first, w))
for group in same_sense.values():
    group.sort()
    for _, w in group[1:]:
        add("~" + w, "y", group[0][1])

# words seldom used as nouns: fewer than 5 of SemCor's tagged uses are noun
# senses, and under half as many as the adjective and adverb ones, of which
# there are at least 5 ("out", "far", "still", "necessary"; not "suspect",
# 1 against 2); a claim's theme is no such word
for w, tags in sense_tags.items():
    noun = sum(c for (pos, _), c in tags.items() if pos == "1")
    other = sum(c for (pos, _), c in tags.items() if pos in "345")
    if "_" not in w and noun < 5 and 2 * noun < other and other >= 5 and "n" in cls.get(w, ()):
        add(w, "j")

out = sys.stdout
for p in sorted(cls):
    cs = "".join(sorted(cls[p]))
    xs = [extra[(p, c)] for c in sorted(cls[p]) if (p, c) in extra]
    out.write(p + "\t" + cs + ("\t" + xs[0] if xs else "") + "\n")
