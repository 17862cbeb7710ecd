#!/usr/bin/python3
"""Trains the models of `echoes clean` that tell article text from page furniture, on WCXB pages.

    build/echoes_dump_line_features ../shared/data/wcxb-articles/html /dev/shm/lines.jsonl
    /usr/bin/python3 bench/train_line_models.py /dev/shm/lines.jsonl \
        ../shared/data/wcxb-articles/ground-truth src/clean/line_model_weights.cc \
        --block-threshold 0.48

Needs Debian's python3-numpy and python3-sklearn (apt-get install), run by
/usr/bin/python3; only retraining does, not building or testing echoes.

Each text block of each page is labelled content when at least 80% of its word
trigrams (whole block for blocks under three words) occur in the page's ground-truth
main_content. Both models are fitted on the development half (even page ids), each
sample weighted by the square root of its words, since the goal is word-level F1:

  - the block model: HTML blocks near the chosen container, with markup features;
    gradient-boosted trees (scikit-learn, Debian python3-sklearn: 100 trees of depth
    3), since markup and text features interact;
    the same blocks also fit a logistic regression, used on pages whose text has
    almost no English function words (other languages and scripts), where trees
    trained on English pages extrapolate badly;
  - the line model: the same pages flattened to one line per block, text features
    of the line and its two neighbours only (for scraped page text such as the
    seeds); an L2-regularised logistic regression.

The decision threshold of each maximises block-label F1 on the development half, or is
given (--block-threshold T, last argument): the block model's 0.48 was chosen on the
development half with the page-level scorer, bench/wcxb_score.py --split dev, over
0.30-0.60 in steps of 0.06 (see README), as the highest F1 that keeps `with` >= 0.955
and drops `without` >= 0.95; the F1-best 0.60 kept 0.951 of `with`.
Figures for both halves are printed; the held-out half (odd ids) is never fitted.
Writes a C++ file with the trees and the weights (features are standardised inside
the weights).
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


def fit_trees(x, y, w):
    """Gradient-boosted trees; returns (bias, [(feature, left, right, cut, value)] per
    tree) with each leaf's value already scaled by the learning rate."""
    from sklearn.ensemble import GradientBoostingClassifier
    model = GradientBoostingClassifier(n_estimators=100, max_depth=DEPTH, learning_rate=0.1,
                                       random_state=0)
    model.fit(x, y, sample_weight=w)
    bias = float(model._raw_predict_init(x[:1])[0, 0])
    trees = [complete_tree(e.tree_, model.learning_rate) for e in model.estimators_[:, 0]]
    # The trees as exported must score like scikit-learn's own model.
    assert np.allclose(tree_scores(bias, trees, x[:2000]), model.decision_function(x[:2000]), atol=1e-5)
    return bias, trees


DEPTH = 3  # kTreeDepth in src/clean/line_model.h


def complete_tree(t, scale):
    """A scikit-learn tree as the complete tree of depth DEPTH that TreeModel walks:
    (features, cuts, leaves); a branch that ends early splits at +inf (always left)
    and repeats its leaf below."""
    inner = 2 ** DEPTH - 1
    features, cuts, leaves = [0] * inner, [math.inf] * inner, [0.0] * (inner + 1)

    def fill(node, pos, depth):
        is_leaf = t.children_left[node] < 0
        if depth == DEPTH:
            assert is_leaf
            leaves[pos - inner] = float(scale * t.value[node][0][0])
        elif is_leaf:
            fill(node, 2 * pos + 1, depth + 1)
            fill(node, 2 * pos + 2, depth + 1)
        else:
            features[pos], cuts[pos] = int(t.feature[node]), float(t.threshold[node])
            fill(t.children_left[node], 2 * pos + 1, depth + 1)
            fill(t.children_right[node], 2 * pos + 2, depth + 1)

    fill(0, 0, 0)
    return features, cuts, leaves


def float_below(cut):
    """The largest float32 not above a (double) cut: echoes compares its float features
    with float cuts, and x > float_below(cut) exactly when x > cut for every float x."""
    f = np.float32(cut)
    if float(f) > cut:
        f = np.nextafter(f, np.float32(-np.inf))
    return f


def tree_scores(bias, trees, x):
    scores = np.full(len(x), bias)
    x32 = x.astype(np.float32).astype(float)
    for features, cuts, leaves in trees:
        i = np.zeros(len(x), dtype=int)
        for _ in range(DEPTH):
            f = np.array(features)[i]
            c = np.array(cuts)[i]
            i = 2 * i + 1 + (x32[np.arange(len(x)), f] > c)
        scores += np.array(leaves)[i - (2 ** DEPTH - 1)]
    return scores


def fit_linear(x, y, w):
    return fit(x, y, w)


def train(rows, column, name, trees, fixed_threshold=None):
    rows = [r for r in rows if r[column] is not None]
    dev = [r for r in rows if int(r[0]) % 2 == 0]
    held = [r for r in rows if int(r[0]) % 2 == 1]
    x = np.array([r[column] for r in dev], dtype=float)
    y = np.array([1.0 if r[2] else 0.0 for r in dev])
    w = np.sqrt(np.array([r[1] for r in dev], dtype=float))
    if trees:
        bias, model = fit_trees(x, y, w)
        score = lambda xs: tree_scores(bias, model, xs)
    else:
        bias, model = fit_linear(x, y, w)
        score = lambda xs: xs @ model + bias
    p_dev = 1.0 / (1.0 + np.exp(-score(x)))
    threshold = float(max((page_f1(dev, p_dev >= t), t) for t in np.arange(0.2, 0.81, 0.02))[1])
    if fixed_threshold is not None:
        print(f"{name}: threshold {fixed_threshold:.2f} as asked (block-label F1 on dev "
              f"would pick {threshold:.2f})")
        threshold = fixed_threshold
    for split, subset in (("dev", dev), ("held-out", held)):
        xs = np.array([r[column] for r in subset], dtype=float)
        keep = 1.0 / (1.0 + np.exp(-score(xs))) >= threshold
        with_kept, without_dropped = snippet_rates(subset, keep)
        print(f"{name}: {x.shape[1]} features, threshold {threshold:.2f}; {split}: "
              f"block-label F1 {page_f1(subset, keep):.3f}, blocks with `with` snippets kept "
              f"{with_kept:.3f}, with `without` snippets dropped {without_dropped:.3f} "
              f"({len(subset)} blocks)")
    return bias, model, threshold, x.shape[1]


def main():
    lines_path, gt_dir, out_path = sys.argv[1:4]
    block_threshold = float(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--block-threshold" else None
    rows = load(lines_path, gt_dir)
    block = train(rows, 3, "block model", trees=True, fixed_threshold=block_threshold)
    block_linear = train(rows, 3, "block model (linear, for pages unlike English)", trees=False)
    line = train(rows, 4, "line model", trees=False)
    with open(out_path, "w") as out:
        out.write("// Generated by bench/train_line_models.py from the WCXB development half\n")
        out.write("// (even page ids); do not edit by hand. See that script for how.\n\n")
        out.write('#include "clean/line_model.h"\n\n#include <limits>\n\n'
                  'namespace echoes {\nnamespace {\n\n')
        bias, trees, threshold, features = block
        out.write("constexpr float kAlways = std::numeric_limits<float>::max();"
                  "  // a cut every value is below\n\n")
        out.write("// {features}, {cuts}, {leaves} of each tree (see Tree).\n")
        out.write("constexpr Tree kBlockTrees[] = {\n")
        for tree_features, cuts, leaves in trees:
            cut_text = ", ".join("kAlways" if math.isinf(c) else f"{float(float_below(c)):.9e}f"
                                 for c in cuts)
            out.write(f"    {{{{{', '.join(str(f) for f in tree_features)}}},\n"
                      f"     {{{cut_text}}},\n"
                      f"     {{{', '.join(f'{v:.9e}f' for v in leaves)}}}}},\n")
        out.write("};\n\n")
        for var, (_, weights, _, _) in (("kBlockLinear", block_linear), ("kLine", line)):
            out.write(f"constexpr float {var}Weights[] = {{\n")
            for i in range(0, len(weights), 6):
                out.write("    " + ", ".join(f"{v:.6g}f" for v in weights[i:i + 6]) + ",\n")
            out.write("};\n\n")
        out.write("}  // namespace\n\n")
        out.write(f"const TreeModel kBlockModel = {{{bias:.9g}f, kBlockTrees, "
                  f"sizeof kBlockTrees / sizeof(Tree), {features}, {threshold:.2f}f}};\n")
        for var, model, (bias_l, _, threshold_l, _) in (
                ("kBlockLinear", "kBlockLinearModel", block_linear), ("kLine", "kLineModel", line)):
            out.write(f"const LinearModel {model} = {{{bias_l:.6g}f, {var}Weights, "
                      f"sizeof {var}Weights / sizeof(float), {threshold_l:.2f}f}};\n")
        out.write("\n}  // namespace echoes\n")


if __name__ == "__main__":
    main()
