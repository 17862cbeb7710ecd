#!/usr/bin/env python3
"""Scores extractor outputs against the WCXB article ground truth.

    bench/wcxb_score.py OUTPUT.jsonl [OUTPUT.jsonl ...] --truth DIR [--split all|dev|holdout|ci]

Each OUTPUT.jsonl holds one line per page: {"id": "0001", "text": ..., "title": ...,
"date": "YYYY-MM-DD" or null, "seconds": extraction time of that page}; its file name
(minus .jsonl) names the extractor. Prints, per extractor and split:

  P, R, F1   mean over pages of word-level precision, recall and F1 of the text
             against ground_truth.main_content: words are \\w+ runs, lower-cased,
             compared as bags (a word counts as often as it occurs in both); an empty
             extraction scores 0; the 2 pages without main_content are left out
  with       share of the `with` snippets found in the text (as word sequences; a
             snippet cut mid-word may end with the start of a word)
  without    share of the `without` snippets not found in it
  title      exact title match after whitespace is collapsed; "title~" also folds
             typographic quotes, dashes and ellipses to ASCII and applies NFKC
             (the ground truth mixes both spellings)
  date       publication day equal to ground_truth.publish_date (pages with a whole day)
  pages/s    pages / sum of per-page seconds (extraction only, one core)

Splits: dev = even ids (used while developing echoes), holdout = odd ids (never tuned
on), ci = every 8th page in id order (the CI regression subset).
Standard library only, so it runs under any python3.
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata

WORD = re.compile(r"\w+", re.U)
TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u2013": "-", "\u2014": "--", "\u2026": "..."})


def words(s):
    return WORD.findall((s or "").lower())


def sequence(s):
    return " " + " ".join(words(s)) + " "


def snippet_sequence(s):
    """A snippet's words as a sequence to look for. The ground truth cuts long snippets
    mid-word (often at 80 characters): when one ends inside a word, that last word only
    has to begin a word of the text."""
    seq = " " + " ".join(words(s))
    ends_in_word = bool(s) and bool(WORD.match(s[-1]))
    return seq if ends_in_word else seq + " "


def collapse(s):
    return " ".join((s or "").split())


def folded(s):
    return collapse(unicodedata.normalize("NFKC", (s or "").translate(TYPOGRAPHY)))


def in_split(pid, split, order):
    n = int(pid)
    if split == "dev":
        return n % 2 == 0
    if split == "holdout":
        return n % 2 == 1
    if split == "ci":
        return order[pid] % 8 == 0
    return True


def score(path, truth_dir, split):
    rows = [json.loads(line) for line in open(path)]
    ids = sorted(r["id"] for r in rows)
    order = {pid: i for i, pid in enumerate(ids)}
    m = collections.defaultdict(list)
    seconds = 0.0
    for r in rows:
        if not in_split(r["id"], split, order):
            continue
        g = json.load(open(os.path.join(truth_dir, r["id"] + ".json")))["ground_truth"]
        truth = collections.Counter(words(g.get("main_content")))
        got = collections.Counter(words(r.get("text")))
        if truth:  # pages without main_content (2) have no P/R/F1
            shared = sum((truth & got).values())
            p = shared / sum(got.values()) if got else 0.0
            rc = shared / sum(truth.values())
            m["p"].append(p)
            m["r"].append(rc)
            m["f1"].append(2 * p * rc / (p + rc) if p + rc else 0.0)
        text = sequence(r.get("text"))
        for s in g.get("with") or []:
            m["with"].append(snippet_sequence(s) in text)
        for s in g.get("without") or []:
            m["without"].append(snippet_sequence(s) not in text)
        m["title"].append(collapse(r.get("title")) == collapse(g.get("title")))
        m["title~"].append(folded(r.get("title")) == folded(g.get("title")))
        day = g.get("publish_date") or ""
        if len(day) >= 10:  # a whole day (two are only YYYY-MM)
            day = day[:10]
            m["date"].append((r.get("date") or "") == day)
        seconds += float(r.get("seconds") or 0)
    mean = lambda k: sum(m[k]) / len(m[k]) if m[k] else float("nan")
    n = len(m["title"])
    return n, {k: mean(k) for k in ("p", "r", "f1", "with", "without", "title", "title~", "date")}, (
        n / seconds if seconds else float("nan"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outputs", nargs="+")
    ap.add_argument("--truth", required=True, help="the ground-truth directory")
    ap.add_argument("--split", default="all", choices=["all", "dev", "holdout", "ci"])
    args = ap.parse_args()
    print(f"split: {args.split}")
    print(f"{'extractor':<18} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'with':>6} {'without':>7} "
          f"{'title':>6} {'title~':>6} {'date':>6} {'pages/s':>9}")
    for path in args.outputs:
        name = os.path.basename(path).rsplit(".jsonl", 1)[0]
        n, s, rate = score(path, args.truth, args.split)
        print(f"{name:<18} {n:>5} {s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f} {s['with']:>6.3f} "
              f"{s['without']:>7.3f} {s['title']:>6.3f} {s['title~']:>6.3f} {s['date']:>6.3f} {rate:>9.1f}")


if __name__ == "__main__":
    sys.exit(main())
