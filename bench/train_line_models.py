#!/usr/bin/python3
"""Trains the two line models of `echoes clean` on WCXB article pages.

    build/echoes_dump_line_features ../shared/data/wcxb-articles/html /dev/shm/lines.jsonl
    /usr/bin/python3 bench/train_line_models.py /dev/shm/lines.jsonl \
        ../shared/data/wcxb-articles/ground-truth src/clean/line_model_weights.cc

Each text block of each page is labelled content when at least 80% of its word
trigrams (whole block for blocks under three words) occur in the page's ground-truth
main_content. Two L2-regularised logistic regressions are fitted on the development
half (even page ids), each sample weighted by the square root of its words, since the
goal is word-level F1:

  - the block model: HTML blocks near the chosen container, with markup features;
  - the line model: the same pages flattened to one line per block, text features
    of the line and its two neighbours only (for scraped page text such as the seeds).

The decision threshold of each maximises word-level F1 on the development half.
Figures for both halves are printed; the held-out half (odd ids) is never fitted.
Writes a C++ file with the weights (features are standardised inside the weights).
"""
import collections
import json
import math
import os
import re
import sys

import numpy as np

WORD = re.compile(r"\w+", re.U)


def words(s):
    return WORD.findall((s or "").lower())


def trigrams(ws):
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def load(lines_path, gt_dir):
    truth = {}
    rows = []
    with open(lines_path) as f:
        for line in f:
            r = json.loads(line)
            pid = r["id"]
            if pid not in truth:
                g = json.load(open(os.path.join(gt_dir, pid + ".json")))["ground_truth"]
                main = g.get("main_content") or ""
                tw = words(main)
                truth[pid] = (trigrams(tw), {" ".join(words(l)) for l in main.split("\n")}, set(tw),
                              [snippet(x) for x in g.get("with") or []],
                              [snippet(x) for x in g.get("without") or []])
            tri, lines, vocab, with_snippets, without_snippets = truth[pid]
            ws = words(r["text"])
            if not ws:
                continue
            sequence = " " + " ".join(ws) + " "
            # Blocks that hold a `with` snippet (to keep) or a `without` one (to drop).
            snippets = (any(x in sequence for x in with_snippets),
                        any(x in sequence for x in without_snippets))
            if len(ws) < 3:
                label = " ".join(ws) in lines
            else:
                grams = trigrams(ws)
                label = sum(g in tri for g in grams) >= 0.8 * len(grams)
            rows.append((pid, len(ws), label, r["block"], r["line"], snippets))
    return rows


def snippet(s):
    """A ground-truth snippet as a word sequence to look for in a block (as
    bench/wcxb_score.py does; snippets cut mid-word match a word's start)."""
    seq = " " + " ".join(words(s))
    return seq if s and WORD.match(s[-1]) else seq + " "


def fit(x, y, w, l2=1.0, iterations=60):
    """Weighted logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    beta = np.zeros(z.shape[1])
    reg = np.eye(z.shape[1]) * l2
    reg[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        g = z.T @ (w * (p - y)) + reg @ beta
        h = (z * (w * p * (1 - p))[:, None]).T @ z + reg
        step = np.linalg.solve(h, g)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    # Fold the standardisation into raw-feature weights.
    weights = beta[1:] / std
    bias = beta[0] - float((beta[1:] * mean / std).sum())
    return bias, weights


def page_f1(rows, keep):
    """Mean over pages of word-level F1 from block labels (kept words vs content words)."""
    per_page = collections.defaultdict(lambda: [0, 0, 0])  # kept&content, kept, content
    for (pid, n, label, _, _, _), k in zip(rows, keep):
        s = per_page[pid]
        s[0] += n * (k and label)
        s[1] += n * k
        s[2] += n * label
    f1s = []
    for tp, kept, content in per_page.values():
        p = tp / kept if kept else 0.0
        r = tp / content if content else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(f1s) / max(1, len(f1s))


def snippet_rates(rows, keep):
    """Shares of the blocks holding `with` snippets kept and of those holding
    `without` snippets dropped."""
    kept_with = [k for r, k in zip(rows, keep) if r[5][0]]
    dropped_without = [not k for r, k in zip(rows, keep) if r[5][1]]
    return (sum(kept_with) / max(1, len(kept_with)),
            sum(dropped_without) / max(1, len(dropped_without)))


def train(rows, column, name):
    rows = [r for r in rows if r[column] is not None]
    dev = [r for r in rows if int(r[0]) % 2 == 0]
    held = [r for r in rows if int(r[0]) % 2 == 1]
    x = np.array([r[column] for r in dev], dtype=float)
    y = np.array([1.0 if r[2] else 0.0 for r in dev])
    w = np.sqrt(np.array([r[1] for r in dev], dtype=float))
    bias, weights = fit(x, y, w)
    p_dev = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    threshold = float(max((page_f1(dev, p_dev >= t), t) for t in np.arange(0.2, 0.81, 0.02))[1])
    for split, subset in (("dev", dev), ("held-out", held)):
        xs = np.array([r[column] for r in subset], dtype=float)
        keep = 1.0 / (1.0 + np.exp(-(xs @ weights + bias))) >= threshold
        with_kept, without_dropped = snippet_rates(subset, keep)
        print(f"{name}: {len(weights)} features, threshold {threshold:.2f}; {split}: "
              f"block-label F1 {page_f1(subset, keep):.3f}, blocks with `with` snippets kept "
              f"{with_kept:.3f}, with `without` snippets dropped {without_dropped:.3f} "
              f"({len(subset)} blocks)")
    return bias, weights, threshold


def main():
    lines_path, gt_dir, out_path = sys.argv[1:4]
    rows = load(lines_path, gt_dir)
    block = train(rows, 3, "block model")
    line = train(rows, 4, "line model")
    with open(out_path, "w") as out:
        out.write("// Generated by bench/train_line_models.py from the WCXB development half\n")
        out.write("// (even page ids); do not edit by hand. See that script for how.\n\n")
        out.write('#include "clean/line_model.h"\n\nnamespace echoes {\nnamespace {\n\n')
        for var, (bias, weights, threshold) in (("kBlock", block), ("kLine", line)):
            out.write(f"constexpr float {var}Weights[] = {{\n")
            for i in range(0, len(weights), 6):
                out.write("    " + ", ".join(f"{v:.6g}f" for v in weights[i:i + 6]) + ",\n")
            out.write("};\n\n")
        out.write("}  // namespace\n\n")
        for var, model, (bias, weights, threshold) in (("kBlock", "kBlockModel", block),
                                                       ("kLine", "kLineModel", line)):
            out.write(f"const LinearModel {model} = {{{bias:.6g}f, {var}Weights, "
                      f"sizeof {var}Weights / sizeof(float), {threshold:.2f}f}};\n")
        out.write("\n}  // namespace echoes\n")


if __name__ == "__main__":
    main()
