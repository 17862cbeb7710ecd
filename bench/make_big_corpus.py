#!/usr/bin/env python3
"""Build a large benchmark corpus by replicating the converted Reuters corpus.

Usage:
    make_big_corpus.py IN.jsonl OUT.jsonl --size-mb 1100 [--seed 1]

IN.jsonl is the output of bench/reuters_to_jsonl.py (any JSONL with "id" and "text"
fields works; other fields are copied). OUT.jsonl receives replicas of IN until it
holds at least --size-mb MiB (1 MiB = 1,048,576 bytes of uncompressed JSONL); it stops
after the record that reaches the size, so the last replica is usually partial. If
OUT ends in ".gz" it is gzip-compressed (the size still counts uncompressed bytes).

  replica 0   every record exactly as read (ids unchanged);
  replica k   (k >= 1) every record with id "<id>#k"; about 70% of them perturbed,
              the other ~30% left with their text unchanged (exact duplicates of
              replica 0). A perturbation is one of, with equal odds:
                - replace 1-3 random words with words drawn from the corpus vocabulary
                  (alphabetic words of 2+ letters seen in IN's texts);
                - drop one sentence (texts of 2+ sentences; otherwise replace words);
                - both.
              Records whose text has no word are left unchanged.
The output is a deterministic function of IN, --size-mb and --seed (Python's
random.Random seeded per replica). IN is held in memory (Reuters: ~20 MB);
OUT is streamed. Prints the size written, record count and seconds to stderr.
Python 3 standard library only.
"""

import argparse
import gzip
import json
import random
import re
import sys
import time

_WORD_RE = re.compile(r"[A-Za-z]{2,}")
# A sentence ends with . ! or ? followed by whitespace; the split keeps the separators.
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])(\s+)")

MIB = 1 << 20
PERTURB_FRACTION = 0.7


def load(path):
    records = []
    with open(path, "r", encoding="utf-8", newline="\n") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                sys.exit("error: %s:%d: %s" % (path, lineno, e))
            if not isinstance(obj, dict) or "id" not in obj:
                sys.exit("error: %s:%d: not an object with an id" % (path, lineno))
            records.append(obj)
    return records


def vocabulary(records):
    words = set()
    for r in records:
        text = r.get("text")
        if isinstance(text, str):
            words.update(_WORD_RE.findall(text))
    return sorted(words)


def replace_words(text, rng, vocab):
    spans = [m.span() for m in _WORD_RE.finditer(text)]
    if not spans or not vocab:
        return text
    chosen = sorted(rng.sample(range(len(spans)), min(len(spans), rng.randint(1, 3))))
    parts = []
    pos = 0
    for i in chosen:
        start, end = spans[i]
        parts.append(text[pos:start])
        parts.append(rng.choice(vocab))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def drop_sentence(text, rng):
    """Text without one random sentence, or None if it has fewer than 2."""
    pieces = _SENTENCE_SPLIT_RE.split(text)  # sentence, sep, sentence, sep, ..., sentence
    sentences = (len(pieces) + 1) // 2
    if sentences < 2:
        return None
    i = rng.randrange(sentences)
    if i == sentences - 1:
        del pieces[2 * i - 1:2 * i + 1]  # the last sentence and the separator before it
    else:
        del pieces[2 * i:2 * i + 2]      # the sentence and the separator after it
    return "".join(pieces)


def perturb(text, rng, vocab):
    mode = rng.randrange(3)  # 0: words, 1: sentence, 2: both
    if mode in (1, 2):
        shorter = drop_sentence(text, rng)
        if shorter is None:
            mode = 0
        else:
            text = shorter
    if mode in (0, 2):
        text = replace_words(text, rng, vocab)
    return text


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Replicate a JSONL corpus with perturbed copies (see the docstring).")
    ap.add_argument("inp", metavar="IN.jsonl")
    ap.add_argument("out", metavar="OUT.jsonl")
    ap.add_argument("--size-mb", type=float, required=True,
                    help="stop once OUT holds this many MiB (uncompressed)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    t0 = time.time()
    records = load(args.inp)
    if not records:
        sys.exit("error: %s holds no records" % args.inp)
    vocab = vocabulary(records)
    target = int(args.size_mb * MIB)

    written = 0
    docs = 0
    perturbed = 0
    replica = 0
    opener = gzip.open if args.out.endswith(".gz") else open
    with opener(args.out, "wb") as out:
        while written < target:
            rng = random.Random("echoes-big-corpus:%d:%d" % (args.seed, replica))
            for rec in records:
                if replica > 0:
                    rec = dict(rec)
                    rec["id"] = "%s#%d" % (rec["id"], replica)
                    text = rec.get("text")
                    if (isinstance(text, str) and rng.random() < PERTURB_FRACTION
                            and _WORD_RE.search(text)):
                        rec["text"] = perturb(text, rng, vocab)
                        perturbed += 1
                line = json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n"
                out.write(line)
                written += len(line)
                docs += 1
                if written >= target:
                    break
            replica += 1

    seconds = time.time() - t0
    print("make_big_corpus: wrote %.1f MiB (%d bytes), %d documents (%d replicas, "
          "%d perturbed) to %s in %.1f s"
          % (written / MIB, written, docs, replica, perturbed, args.out, seconds),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
