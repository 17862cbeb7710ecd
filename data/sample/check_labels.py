#!/usr/bin/env python3
"""Checks data/sample/labels.jsonl against data/sample/news.jsonl.

For EVERY pair of documents this script recomputes, with the reference
normalization below:

  exact        the normalized texts are equal
  jaccard      |S_a & S_b| / |S_a | S_b|        over word 5-gram shingle sets
  containment  |S_a & S_b| / min(|S_a|, |S_b|)

and verifies that the labels file is complete and consistent:

  exact      <=> normalized texts equal
  near       <=> not exact and jaccard >= 0.8              (margin: >= 0.85)
  contained  <=> not exact/near and containment >= 0.8     (margin: >= 0.9,
                                                            and jaccard <= 0.75)
  rewrite, same_event: jaccard < 0.5 and containment < 0.5
  unlabelled pairs:    jaccard < 0.5 and containment < 0.5

It also checks the structure of the labels: every pair of documents joined by a
chain of linked relations (exact, near, contained, rewrite) is itself labelled
with a linked relation, no same_event pair lies inside such a group, and
same_event holds for all pairs between two groups or for none.

Reference normalization (what echoes' normalizer must agree with):
  1. unicodedata.normalize('NFKC', text).casefold()
  2. a character whose Unicode general category starts with L, M or N is a token
     character; characters of scripts written without spaces (UNSPACED_RANGES:
     Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are each a token of
     their own; every other character is a separator;
  3. tokens are maximal runs of token characters; the normalized text is the
     tokens joined by single spaces.
Shingles are the consecutive 5-token sequences; a document with fewer than 5
tokens has a single shingle made of all its tokens.

Usage: python3 check_labels.py [news.jsonl [labels.jsonl]]
Exit status 0 when everything holds, 1 on any violation. Standard library only.
"""

import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

SHINGLE_SIZE = 5
THRESHOLD = 0.8          # the detection threshold for near (jaccard) and contained
NEAR_MARGIN = 0.85       # labelled near pairs must reach this jaccard
CONTAINED_MARGIN = 0.9   # labelled contained pairs must reach this containment
CONTAINED_MAX_JACCARD = 0.75  # ... and stay this far below the near threshold
UNRELATED_MAX = 0.5      # rewrite, same_event and unlabelled pairs stay below this

RELATIONS = ("exact", "near", "contained", "rewrite", "same_event")
LINKED = ("exact", "near", "contained", "rewrite")  # relations echoes must link

# The reference normalization shared with the other checking scripts.
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests"))
from reference_normalize import is_unspaced, normalize, tokens  # noqa: E402,F401


def shingles(toks):
    """The set of word 5-gram shingles of a token list."""
    if len(toks) < SHINGLE_SIZE:
        return {tuple(toks)}
    return {tuple(toks[i:i + SHINGLE_SIZE]) for i in range(len(toks) - SHINGLE_SIZE + 1)}


class Doc:
    """One document with its normalized form and shingle set."""

    def __init__(self, doc_id, text, date=None, line=0):
        self.id = doc_id
        self.text = text
        self.date = date
        self.line = line
        self.tokens = tokens(text)
        self.normalized = " ".join(self.tokens)
        self.shingles = shingles(self.tokens)


def figures(a, b):
    """(exact, jaccard, containment) of two Docs."""
    inter = len(a.shingles & b.shingles)
    union = len(a.shingles | b.shingles)
    jac = inter / union if union else 1.0
    smaller = min(len(a.shingles), len(b.shingles))
    con = inter / smaller if smaller else 1.0
    return a.normalized == b.normalized, jac, con


def expected_relation(exact, jac, con):
    """The copy relation the figures imply, or None."""
    if exact:
        return "exact"
    if jac >= THRESHOLD:
        return "near"
    if con >= THRESHOLD:
        return "contained"
    return None


def pair_violations(relation, exact, jac, con):
    """Returns the list of problems of one pair given its label (None = unlabelled)."""
    problems = []
    implied = expected_relation(exact, jac, con)
    if relation in ("exact", "near", "contained"):
        if implied != relation:
            problems.append("labelled %s but the figures say %s" % (relation, implied or "unrelated"))
        elif relation == "near" and jac < NEAR_MARGIN:
            problems.append("near pair with jaccard %.3f < margin %.2f" % (jac, NEAR_MARGIN))
        elif relation == "contained":
            if con < CONTAINED_MARGIN:
                problems.append("contained pair with containment %.3f < margin %.2f"
                                % (con, CONTAINED_MARGIN))
            if jac > CONTAINED_MAX_JACCARD:
                problems.append("contained pair with jaccard %.3f > margin %.2f"
                                % (jac, CONTAINED_MAX_JACCARD))
    else:
        what = relation or "unlabelled"
        if implied is not None:
            problems.append("%s pair but the figures say %s (missing or wrong label)" % (what, implied))
        else:
            if jac >= UNRELATED_MAX:
                problems.append("%s pair with jaccard %.3f >= %.1f" % (what, jac, UNRELATED_MAX))
            if con >= UNRELATED_MAX:
                problems.append("%s pair with containment %.3f >= %.1f" % (what, con, UNRELATED_MAX))
    return problems


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_jsonl(path, errors):
    """Yields (line number, object) for each line of `path` that is a JSON object;
    records every other line in `errors`."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append("%s:%d: empty line" % (path, n))
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append("%s:%d: invalid JSON: %s" % (path, n, e))
                continue
            if not isinstance(rec, dict):
                errors.append("%s:%d: not a JSON object" % (path, n))
                continue
            yield n, rec


def load_news(path, errors):
    docs = []
    seen = set()
    for n, rec in read_jsonl(path, errors):
        doc_id, text, date = rec.get("id"), rec.get("text"), rec.get("date")
        if not isinstance(doc_id, str) or not doc_id:
            errors.append("%s:%d: missing or non-string id" % (path, n))
            continue
        if doc_id in seen:
            errors.append("%s:%d: duplicate id %r" % (path, n, doc_id))
            continue
        if not isinstance(text, str) or not text.strip():
            errors.append("%s:%d: %s has no text" % (path, n, doc_id))
            continue
        if "date" in rec and (not isinstance(date, str) or not DATE_RE.match(date)):
            errors.append("%s:%d: %s has a date that is not YYYY-MM-DD: %r" % (path, n, doc_id, date))
        extra = set(rec) - {"id", "date", "text"}
        if extra:
            errors.append("%s:%d: %s has unexpected fields %s" % (path, n, doc_id, sorted(extra)))
        seen.add(doc_id)
        doc = Doc(doc_id, text, date, n)
        if not doc.tokens:
            errors.append("%s:%d: %s has no tokens" % (path, n, doc_id))
        docs.append(doc)
    return docs


def load_labels(path, ids, errors):
    labels = {}
    for n, rec in read_jsonl(path, errors):
        a, b, rel, note = rec.get("a"), rec.get("b"), rec.get("relation"), rec.get("note")
        if not isinstance(a, str) or not isinstance(b, str):
            errors.append("%s:%d: a and b must be strings" % (path, n))
            continue
        if a not in ids or b not in ids:
            errors.append("%s:%d: unknown id in (%s, %s)" % (path, n, a, b))
            continue
        if not a < b:
            errors.append("%s:%d: a must sort before b: (%s, %s)" % (path, n, a, b))
            continue
        if rel not in RELATIONS:
            errors.append("%s:%d: unknown relation %r" % (path, n, rel))
            continue
        if not isinstance(note, str) or not note.strip():
            errors.append("%s:%d: (%s, %s) has no note" % (path, n, a, b))
        extra = set(rec) - {"a", "b", "relation", "note"}
        if extra:
            errors.append("%s:%d: unexpected fields %s" % (path, n, sorted(extra)))
        if (a, b) in labels:
            errors.append("%s:%d: pair (%s, %s) labelled twice" % (path, n, a, b))
            continue
        labels[(a, b)] = rel
    return labels


def structure_violations(ids, labels):
    """Transitive completeness of linked labels and consistency of same_event."""
    problems = []
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), rel in labels.items():
        if rel in LINKED:
            parent[find(a)] = find(b)
    groups = {}
    for i in sorted(ids):
        groups.setdefault(find(i), []).append(i)
    for members in groups.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                rel = labels.get((a, b))
                if rel not in LINKED:
                    problems.append("(%s, %s) are in one linked group but labelled %s; label the "
                                    "pair with a linked relation" % (a, b, rel or "nothing"))
    cross = {}
    for (a, b), rel in labels.items():
        ga, gb = find(a), find(b)
        if ga != gb:
            key = (min(ga, gb), max(ga, gb))
            cross.setdefault(key, set()).add(rel)
    for (ga, gb), rels in sorted(cross.items()):
        if "same_event" in rels:
            size = len(groups[ga]) * len(groups[gb])
            count = sum(1 for a in groups[ga] for b in groups[gb]
                        if labels.get((min(a, b), max(a, b))) == "same_event")
            if count != size:
                problems.append("groups {%s} and {%s}: %d of %d pairs labelled same_event; "
                                "label all or none" % (", ".join(groups[ga]), ", ".join(groups[gb]),
                                                       count, size))
    return problems


def main(argv):
    news_path = argv[1] if len(argv) > 1 else os.path.join(HERE, "news.jsonl")
    labels_path = argv[2] if len(argv) > 2 else os.path.join(HERE, "labels.jsonl")
    errors = []
    try:
        docs = load_news(news_path, errors)
        ids = {d.id for d in docs}
        labels = load_labels(labels_path, ids, errors)
    except OSError as e:
        print("check_labels: cannot read input: %s" % e, file=sys.stderr)
        return 1

    rows = []
    best_j, best_c = (0.0, None), (0.0, None)
    unlabelled = 0
    ordered = sorted(docs, key=lambda d: d.id)
    for i, da in enumerate(ordered):
        for db in ordered[i + 1:]:
            exact, jac, con = figures(da, db)
            rel = labels.get((da.id, db.id))
            for p in pair_violations(rel, exact, jac, con):
                errors.append("(%s, %s): %s" % (da.id, db.id, p))
            if rel is None:
                unlabelled += 1
                if jac > best_j[0]:
                    best_j = (jac, (da.id, db.id))
                if con > best_c[0]:
                    best_c = (con, (da.id, db.id))
            else:
                rows.append((RELATIONS.index(rel), rel, da.id, db.id, exact, jac, con))
    errors.extend(structure_violations(ids, labels))

    rows.sort()
    wa = max([len(r[2]) for r in rows] + [1])
    wb = max([len(r[3]) for r in rows] + [1])
    print("%-10s  %-*s  %-*s  %5s  %7s  %11s" % ("relation", wa, "a", wb, "b", "exact", "jaccard",
                                                   "containment"))
    for _, rel, a, b, exact, jac, con in rows:
        print("%-10s  %-*s  %-*s  %5s  %7.3f  %11.3f" % (rel, wa, a, wb, b, "yes" if exact else "no",
                                                         jac, con))
    print()
    print("%-10s  %5s  %15s  %15s" % ("relation", "pairs", "jaccard min-max", "contain min-max"))
    for rel in RELATIONS:
        sel = [r for r in rows if r[1] == rel]
        if not sel:
            print("%-10s  %5d" % (rel, 0))
            continue
        js = [r[5] for r in sel]
        cs = [r[6] for r in sel]
        print("%-10s  %5d  %6.3f - %6.3f  %6.3f - %6.3f" % (rel, len(sel), min(js), max(js),
                                                           min(cs), max(cs)))
    print("%-10s  %5d  max jaccard %.3f %s, max containment %.3f %s" % (
        "unlabelled", unlabelled, best_j[0], best_j[1] or "", best_c[0], best_c[1] or ""))
    print()
    print("%d documents (%d with a date), %d pairs, %d labelled" % (
        len(docs), sum(1 for d in docs if d.date), len(docs) * (len(docs) - 1) // 2, len(labels)))

    if errors:
        for e in errors:
            print("VIOLATION: %s" % e, file=sys.stderr)
        print("check_labels: FAILED with %d violation(s)" % len(errors), file=sys.stderr)
        return 1
    print("check_labels: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
