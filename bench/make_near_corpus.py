#!/usr/bin/env python3
"""Build a benchmark corpus of mostly unique documents with planted echoes.

Usage: make_near_corpus.py REUTERS.jsonl OUT.jsonl [--size-mb 1100] [--seed 7]

Reuters-21578 has only 19 MB of text, so unique documents are composed: each is 4 to
25 sentences drawn at random from the pool of all Reuters sentences, each word of which
is replaced by a random Reuters word with probability 0.3. A 1 GB corpus draws every
sentence ~50 times; the replacements keep a given 5-gram to a handful of documents,
as in a real corpus, instead of fifty.
Echoes are planted at known rates, after the document they copy:
  10%  near copy: 1 to 3 words replaced, or one sentence appended (Jaccard ~0.8-0.97)
   3%  exact copy (same text; sometimes different case and spacing)
   2%  excerpt: the first half of the sentences (containment 1, Jaccard ~0.5)
The planted counts are printed, so a run can be checked against them. Deterministic
for a given seed. Output is streamed.
"""

import argparse
import json
import random
import re
import sys
import time

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def load_sentences(path):
    pool = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text", "")
            for s in SENTENCE_END.split(" ".join(text.split())):
                if len(s.split()) >= 6:
                    pool.append(s)
    return pool


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reuters")
    ap.add_argument("out")
    ap.add_argument("--size-mb", type=float, default=1100)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = load_sentences(args.reuters)
    vocabulary = sorted({w for s in pool[:20000] for w in s.split() if w.isalpha()})
    limit = int(args.size_mb * 1024 * 1024)
    counts = {"unique": 0, "near": 0, "exact": 0, "excerpt": 0}
    written = 0
    start = time.time()
    recent = []  # (id, sentences) of recent originals, for planting copies
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        def emit(doc_id, text, kind):
            nonlocal written, n
            line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            counts[kind] += 1
            n += 1

        while written < limit:
            sentences = [" ".join(w if rng.random() >= 0.3 else rng.choice(vocabulary)
                                  for w in rng.choice(pool).split())
                         for _ in range(rng.randint(4, 25))]
            doc_id = "doc-%d" % n
            emit(doc_id, " ".join(sentences), "unique")
            recent.append((doc_id, sentences))
            if len(recent) > 1000:
                recent.pop(0)
            roll = rng.random()
            if roll < 0.10:
                src_id, src = rng.choice(recent)
                words = " ".join(src).split()
                if rng.random() < 0.5:
                    for _ in range(rng.randint(1, 3)):
                        words[rng.randrange(len(words))] = rng.choice(vocabulary)
                    text = " ".join(words)
                else:
                    text = " ".join(src + [rng.choice(pool)])
                emit(src_id + "-near-%d" % n, text, "near")
            elif roll < 0.13:
                src_id, src = rng.choice(recent)
                text = " ".join(src)
                if rng.random() < 0.5:
                    text = "  ".join(text.upper().split(" "))
                emit(src_id + "-exact-%d" % n, text, "exact")
            elif roll < 0.15:
                src_id, src = rng.choice(recent)
                if len(src) >= 8:
                    emit(src_id + "-excerpt-%d" % n, " ".join(src[: len(src) // 2]), "excerpt")
    print("make_near_corpus: %.1f MiB, %d documents %s, %.1f s"
          % (written / 1048576, n, counts, time.time() - start), file=sys.stderr)


if __name__ == "__main__":
    main()
