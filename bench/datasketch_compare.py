#!/usr/bin/python3
"""Side-by-side throughput of datasketch (ekzhu/datasketch) and echoes on one core.

Usage:
    bench/datasketch_compare.py --corpus FILE.jsonl [--limit-mb 100] [--echoes build/echoes]
                                [--datasketch-src /work/datasketch-src] [--slow-path]
                                [--skip-echoes] [--skip-datasketch]

What is compared
----------------
Both tools get the SAME documents: the first --limit-mb MiB of whole records of the
JSONL corpus (fields "id" and "text") are copied to a temporary file, and both read that
file. Both use word 5-gram shingles, 128 MinHash permutations and an LSH index for Jaccard
threshold 0.8, and both run pinned to one core (`taskset -c 0`).

  datasketch  a subprocess (`taskset -c 0 /usr/bin/python3 THIS --worker`, PYTHONPATH =
              the datasketch source) that, timed with time.process_time() inside it:
              reads and json-parses each record, normalizes and tokenizes its text (below),
              makes its word 5-grams as bytes (b"w1 w2 w3 w4 w5"), computes the MinHashes
              with datasketch's fastest CPU path, `MinHash.bulk(..., num_perm=128)` (one
              MinHash template whose permutations are shared by every copy; each document
              is one `update_batch`, i.e. one vectorised numpy pass over an
              (n_shingles x 128) matrix), then builds `MinHashLSH(threshold=0.8,
              num_perm=128)` (in-memory dict storage), inserts every document
              (`insertion_session`), queries every document and counts the distinct
              candidate pairs. That is candidate generation only: datasketch does not
              verify, cluster, pick representatives or write anything.
              With --slow-path, the README loop `m = MinHash(num_perm=128); for s in
              shingles: m.update(s)` replaces `bulk` on the first --slow-path-mb MiB, to
              show what the tutorial-style code costs.
  echoes      `taskset -c 0 ECHOES dedup TMPFILE --out DIR --threads 1 --quiet --no-rewrite
              --threshold 0.8 --shingle-size 5 --num-perm 128`, timed by its rusage
              (user + sys, getrusage(RUSAGE_CHILDREN) before/after) and wall clock; best of
              --echoes-repeat runs. This is the WHOLE echoes run: read, parse, normalize,
              exact hashing, MinHash, LSH, verification of every candidate (exact Jaccard /
              containment), clustering and writing kept/dropped/clusters/edges/stats.
              So echoes does strictly more work per byte than the datasketch side.

MB/s is text bytes / CPU seconds, where text bytes is the sum of the UTF-8 lengths of the
"text" fields (the same number for both tools; the JSONL file bytes are in the header,
and echoes' own stats.json `run.mb_per_s` uses file bytes over wall time). 1 MB = 10^6
bytes; --limit-mb and --slow-path-mb count MiB (2^20), like make_big_corpus.py --size-mb.

Why the normalization is the same for both
------------------------------------------
echoes normalizes with Unicode NFKC + case folding (utf8proc), deletes default-ignorable
code points (soft hyphen, zero-width space, ...), turns every run of characters that are
not letters, marks or digits into one space, and makes each character of a script
written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) its own token. It then
shingles the tokens in windows of 5 (a text of 1-4 tokens is one shingle of all of
them). The Python side uses the repository's reference normalization
(tests/reference_normalize.py: the same rules, restated in the standard library; for
ASCII text such as Reuters it is exactly lower-case, split on non-alphanumerics). So on
this benchmark both tools hash the same shingle sets (the hash functions differ:
datasketch SHA-1 -> 32 bits then (a*x+b) mod 2^61-1; echoes 64-bit token-hash
combination then 32-bit multiply-add). The normalization
cost is inside both timings: echoes spends ~40% of its exact-mode time there.

Output: a header (date, CPU, python/numpy/scipy/datasketch versions and datasketch commit,
echoes commit), a table (tool, path, docs, MB, CPU s, MB/s per core, docs/s, candidate
pairs, ratio echoes/that row), the datasketch stage breakdown and echoes' counts from
stats.json. It is printed and appended to bench/logs/datasketch-<UTC timestamp>.log.

Requirements: the driver needs the Python 3 standard library only. The datasketch worker
needs numpy and scipy (datasketch imports scipy.integrate at import time) and a datasketch
source tree or install: on Debian `apt-get install -y python3-numpy python3-scipy` and run
with /usr/bin/python3 (the worker interpreter is --python, default /usr/bin/python3).
The datasketch source is --datasketch-src, else $ECHOES_DATASKETCH_SRC, else
/work/datasketch-src (a checkout of https://github.com/ekzhu/datasketch; keep it outside
this repository). Its commit is read from `git rev-parse` there, or from a file
DATASKETCH_COMMIT at its root (write one when you export it without .git).
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

MIB = 1 << 20
SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.8
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DS_SRC = "/work/datasketch-src"

# ---------------------------------------------------------------------------------------
# Normalization and shingling (the worker's; mirrors src/text/normalizer.cc, see above).

sys.path.insert(0, os.path.join(REPO, "tests"))
from reference_normalize import tokens as tokenize  # noqa: E402


def shingles(tokens):
    """Word 5-grams as UTF-8 bytes; 1-4 tokens make one shingle; no token, none."""
    n = len(tokens)
    if n == 0:
        return []
    if n < SHINGLE:
        return [" ".join(tokens).encode()]
    return [" ".join(tokens[i:i + SHINGLE]).encode() for i in range(n - SHINGLE + 1)]


# ---------------------------------------------------------------------------------------
# Worker: runs inside the pinned subprocess, prints one JSON object on stdout.

def worker(path, mode, lsh_params):
    from datasketch import MinHash, MinHashLSH  # noqa: imports are not timed

    clock = time.process_time
    t_start = clock()
    t_prep = t_minhash = 0.0
    docs = text_bytes = n_shingles = no_token_docs = bad_records = 0
    keys, minhashes = [], []
    chunk_keys, chunk_shingles = [], []
    CHUNK = 1000

    def flush():
        nonlocal t_minhash
        if not chunk_shingles:
            return
        t0 = clock()
        if mode == "bulk":
            ms = MinHash.bulk(chunk_shingles, num_perm=NUM_PERM)
        else:  # the README loop
            ms = []
            for sh in chunk_shingles:
                m = MinHash(num_perm=NUM_PERM)
                for s in sh:
                    m.update(s)
                ms.append(m)
        t_minhash += clock() - t0
        keys.extend(chunk_keys)
        minhashes.extend(ms)
        chunk_keys.clear()
        chunk_shingles.clear()

    with open(path, "rb") as f:
        t0 = clock()
        for line in f:
            try:
                text = json.loads(line)["text"]
                if not isinstance(text, str) or not text:
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                bad_records += 1
                continue
            docs += 1
            text_bytes += len(text.encode())
            sh = shingles(tokenize(text))
            if not sh:  # an all-max MinHash would collide with every other empty one
                no_token_docs += 1
                continue
            n_shingles += len(sh)
            chunk_keys.append(docs - 1)
            chunk_shingles.append(sh)
            if len(chunk_shingles) == CHUNK:
                t_prep += clock() - t0
                flush()
                t0 = clock()
        t_prep += clock() - t0
    flush()

    t0 = clock()
    if lsh_params:
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=lsh_params)
    else:
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    t_lsh_init = clock() - t0

    t0 = clock()
    with lsh.insertion_session() as session:
        for key, m in zip(keys, minhashes):
            session.insert(key, m, check_duplication=False)
    t_insert = clock() - t0

    t0 = clock()
    pairs = 0
    for key, m in zip(keys, minhashes):
        for other in lsh.query(m):
            if other > key:
                pairs += 1
    t_query = clock() - t0
    total = clock() - t_start

    return {
        "mode": mode, "docs": docs, "text_bytes": text_bytes, "shingles": n_shingles,
        "no_token_docs": no_token_docs, "bad_records": bad_records,
        "candidate_pairs": pairs, "bands": lsh.b, "rows": lsh.r,
        "cpu": {"total": total, "read_parse_normalize_shingle": t_prep,
                "minhash": t_minhash, "lsh_init": t_lsh_init, "lsh_insert": t_insert,
                "lsh_query": t_query},
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


VERSIONS_PROBE = r"""
import json, os, sys, platform
out = {"python": platform.python_version(), "executable": sys.executable}
missing = []
for name in ("numpy", "scipy", "datasketch"):
    try:
        mod = __import__(name)
        out[name] = getattr(mod, "__version__", "?")
        if name == "datasketch":
            out["datasketch_file"] = os.path.dirname(os.path.abspath(mod.__file__))
    except Exception as e:
        missing.append("%s (%s: %s)" % (name, type(e).__name__, e))
out["missing"] = missing
print(json.dumps(out))
"""


# ---------------------------------------------------------------------------------------
# Driver helpers.

def die(msg):
    sys.stderr.write("datasketch_compare: " + msg.rstrip() + "\n")
    sys.exit(1)


def note(msg):
    sys.stderr.write("datasketch_compare: " + msg + "\n")
    sys.stderr.flush()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_head(root):
    """Commit of the checkout at `root`, read from .git without running git."""
    gitdir = os.path.join(root, ".git")
    try:
        if os.path.isfile(gitdir):  # worktree / submodule: "gitdir: PATH"
            with open(gitdir) as f:
                gitdir = os.path.join(root, f.read().split(":", 1)[1].strip())
        with open(os.path.join(gitdir, "HEAD")) as f:
            head = f.read().strip()
        if not head.startswith("ref:"):
            return head
        ref = head.split(":", 1)[1].strip()
        common = gitdir
        if os.path.isfile(os.path.join(gitdir, "commondir")):
            with open(os.path.join(gitdir, "commondir")) as f:
                common = os.path.join(gitdir, f.read().strip())
        for base in (gitdir, common):
            p = os.path.join(base, ref)
            if os.path.isfile(p):
                with open(p) as f:
                    return f.read().strip()
        with open(os.path.join(common, "packed-refs")) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and parts[1] == ref:
                    return parts[0]
    except (OSError, IndexError):
        pass
    return None


def datasketch_commit(src):
    commit = git_head(src)
    if commit:
        return commit
    p = os.path.join(src, "DATASKETCH_COMMIT")
    if os.path.isfile(p):
        with open(p) as f:
            return f.read().strip() or "unknown"
    return "unknown"


def datasketch_version(src, probed):
    try:
        with open(os.path.join(src, "pyproject.toml")) as f:
            m = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
            if m:
                return m.group(1)
    except OSError:
        pass
    return probed


def take_records(corpus, dest, limit_bytes):
    """Copy whole records until the next would pass limit_bytes; count text bytes."""
    n = file_bytes = text_bytes = 0
    truncated = False
    with open(corpus, "rb") as src, open(dest, "wb") as out:
        for line in src:
            if not line.strip():
                continue
            if not line.endswith(b"\n"):
                line += b"\n"
            if file_bytes + len(line) > limit_bytes:
                truncated = True
                break
            out.write(line)
            n += 1
            file_bytes += len(line)
            try:
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    text_bytes += len(text.encode())
            except (ValueError, AttributeError):
                pass
    return {"records": n, "file_bytes": file_bytes, "text_bytes": text_bytes,
            "whole_corpus": not truncated}


def pin_prefix(core):
    if shutil.which("taskset"):
        return ["taskset", "-c", str(core)]
    note("taskset not found: not pinned to one core (install util-linux)")
    return []


def child_env(ds_src):
    env = dict(os.environ)
    env["PYTHONPATH"] = ds_src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    return env


def probe_datasketch(python, ds_src):
    if not os.path.isdir(os.path.join(ds_src, "datasketch")):
        die(f"no datasketch source at {ds_src} (expected {ds_src}/datasketch/__init__.py).\n"
            "  Get it outside this repository, e.g.\n"
            f"    git clone https://github.com/ekzhu/datasketch {ds_src}\n"
            "  (or export a fetched mirror: git --git-dir=MIRROR archive HEAD | tar -x -C DIR),\n"
            "  then pass --datasketch-src DIR or set ECHOES_DATASKETCH_SRC=DIR.")
    if not (os.path.isfile(python) and os.access(python, os.X_OK)):
        die(f"worker interpreter {python} not found; pass --python PATH (one that has numpy and scipy)")
    r = subprocess.run([python, "-c", VERSIONS_PROBE], env=child_env(ds_src),
                       capture_output=True, text=True)
    if r.returncode != 0:
        die(f"{python} failed to start the import probe:\n{r.stderr}")
    info = json.loads(r.stdout)
    if info["missing"]:
        die(f"{python} cannot import: " + "; ".join(info["missing"]) + "\n"
            "  numpy and scipy (datasketch imports scipy.integrate at import time): on Debian\n"
            "    apt-get install -y python3-numpy python3-scipy   # then use --python /usr/bin/python3\n"
            "  or `PYTHON -m pip install numpy scipy` for another interpreter.\n"
            f"  datasketch: a source checkout at --datasketch-src (now {ds_src}).")
    if not info["datasketch_file"].startswith(os.path.abspath(ds_src)):
        note(f"warning: datasketch imported from {info['datasketch_file']}, not {ds_src}")
    return info


def run_worker(args, path, mode, lsh_params):
    cmd = pin_prefix(args.core) + [args.python, os.path.abspath(__file__), "--worker", path,
                                   "--mode", mode]
    if lsh_params:
        cmd += ["--lsh-params", "%d,%d" % lsh_params]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=child_env(args.datasketch_src), capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        die(f"datasketch worker failed ({' '.join(cmd)}):\n{r.stderr}")
    res = json.loads(r.stdout.strip().splitlines()[-1])
    res["wall_process"] = wall
    return res


def run_echoes(args, path, outdir):
    """Best (least CPU) of --echoes-repeat runs; retries while the binary is missing/failing."""
    cmd = pin_prefix(args.core) + [args.echoes, "dedup", path, "--out", outdir, "--threads", "1",
                                   "--quiet", "--no-rewrite", "--threshold", str(THRESHOLD), "--shingle-size",
                                   str(SHINGLE), "--num-perm", str(NUM_PERM)]
    best = None
    runs = 0
    attempts = 0
    while runs < args.echoes_repeat:
        attempts += 1
        error = None
        if not (os.path.isfile(args.echoes) and os.access(args.echoes, os.X_OK)):
            error = f"{args.echoes} is missing or not executable"
        else:
            shutil.rmtree(outdir, ignore_errors=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            out, err = proc.communicate()
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0:
                error = f"exit {proc.returncode}: {err.strip()[-2000:]}"
            else:
                try:
                    with open(os.path.join(outdir, "stats.json")) as f:
                        stats = json.load(f)
                except (OSError, ValueError) as e:
                    error = f"no readable stats.json: {e}"
        if error:
            if attempts > args.echoes_retries:
                note(f"echoes failed {attempts} times, giving up: {error}")
                return None
            note(f"echoes: {error}; retrying in {args.echoes_retry_wait:.0f} s "
                 f"(it may be being rebuilt)")
            time.sleep(args.echoes_retry_wait)
            continue
        runs += 1
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        res = {"cpu": cpu, "user": after.ru_utime - before.ru_utime,
               "sys": after.ru_stime - before.ru_stime, "wall": wall, "stats": stats,
               "cmd": " ".join(cmd)}
        if best is None or cpu < best["cpu"]:
            best = res
    best["runs"] = runs
    mtime = os.path.getmtime(args.echoes)
    best["binary_mtime"] = datetime.datetime.fromtimestamp(
        mtime, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return best


def fmt_row(cols, widths):
    return "  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w)
                     for i, (c, w) in enumerate(zip(cols, widths)))


def main():
    ap = argparse.ArgumentParser(
        description="datasketch MinHash-LSH vs echoes dedup, same documents, one core.",
        epilog="See the module docstring (head of this file) for exactly what is timed.")
    ap.add_argument("--corpus", help="JSONL corpus (fields id, text)")
    ap.add_argument("--limit-mb", type=float, default=100,
                    help="take the first this many MiB of whole records (default 100)")
    ap.add_argument("--echoes", default=os.path.join(REPO, "build", "echoes"),
                    help="echoes binary (default <repo>/build/echoes)")
    ap.add_argument("--datasketch-src",
                    default=os.environ.get("ECHOES_DATASKETCH_SRC", DEFAULT_DS_SRC),
                    help="datasketch source tree, put on PYTHONPATH "
                         "(default $ECHOES_DATASKETCH_SRC or /work/datasketch-src)")
    ap.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3")
                    else sys.executable,
                    help="interpreter with numpy+scipy for the datasketch worker "
                         "(default /usr/bin/python3)")
    ap.add_argument("--core", type=int, default=0, help="CPU to pin both tools to (default 0)")
    ap.add_argument("--slow-path", action="store_true",
                    help="also time the README loop MinHash().update(s) per shingle")
    ap.add_argument("--slow-path-mb", type=float, default=5,
                    help="MiB of records for --slow-path (default 5)")
    ap.add_argument("--lsh-params", default=None,
                    help="B,R bands and rows for datasketch's MinHashLSH instead of its "
                         "optimum for threshold 0.8 (e.g. echoes' plan, shown in its stats)")
    ap.add_argument("--skip-echoes", action="store_true", help="do not run echoes")
    ap.add_argument("--skip-datasketch", action="store_true", help="do not run datasketch")
    ap.add_argument("--echoes-repeat", type=int, default=3,
                    help="echoes runs, the least CPU is kept (default 3)")
    ap.add_argument("--echoes-retries", type=int, default=5,
                    help="retries while the echoes binary is missing or fails (default 5)")
    ap.add_argument("--echoes-retry-wait", type=float, default=30, help="seconds (default 30)")
    ap.add_argument("--tmpdir", default=None, help="where the temporary corpus goes")
    ap.add_argument("--keep-tmp", action="store_true", help="keep the temporary directory")
    ap.add_argument("--log-dir", default=os.path.join(REPO, "bench", "logs"))
    # internal: the pinned datasketch subprocess
    ap.add_argument("--worker", metavar="FILE", help=argparse.SUPPRESS)
    ap.add_argument("--mode", choices=("bulk", "update"), default="bulk", help=argparse.SUPPRESS)
    args = ap.parse_args()

    lsh_params = None
    if args.lsh_params:
        try:
            b, r = (int(x) for x in args.lsh_params.split(","))
            lsh_params = (b, r)
        except ValueError:
            die("--lsh-params wants B,R, e.g. 16,8")

    if args.worker:
        try:
            import numpy  # noqa: F401
            import datasketch  # noqa: F401
        except ImportError as e:
            die(f"worker cannot import {e.name}: run the driver with --python pointing at an "
                "interpreter with numpy+scipy, and --datasketch-src at a datasketch checkout")
        print(json.dumps(worker(args.worker, args.mode, lsh_params)))
        return

    if not args.corpus:
        ap.error("--corpus is required")
    if not os.path.isfile(args.corpus):
        die(f"no corpus file {args.corpus}")
    if args.skip_echoes and args.skip_datasketch:
        die("nothing to do: both --skip-echoes and --skip-datasketch")
    args.echoes = os.path.abspath(args.echoes)
    args.datasketch_src = os.path.abspath(args.datasketch_src)

    info = None
    if not args.skip_datasketch:
        info = probe_datasketch(args.python, args.datasketch_src)

    tmp = tempfile.mkdtemp(prefix="ds-compare-", dir=args.tmpdir)
    try:
        data = os.path.join(tmp, "corpus.jsonl")
        note(f"copying the first {args.limit_mb:g} MiB of records of {args.corpus}")
        taken = take_records(args.corpus, data, int(args.limit_mb * MIB))
        if taken["records"] == 0:
            die("no records taken (empty corpus, or --limit-mb smaller than one record)")
        with open(data, "rb") as f:  # warm the page cache: both tools read it from memory
            while f.read(1 << 24):
                pass

        rows = []
        ech = None
        if not args.skip_echoes:
            note(f"echoes: {args.echoes_repeat} run(s)")
            ech = run_echoes(args, data, os.path.join(tmp, "echoes-out"))
        ds = slow = None
        if not args.skip_datasketch:
            note("datasketch: MinHash.bulk + MinHashLSH (one run; may take minutes at 100 MB)")
            ds = run_worker(args, data, "bulk", lsh_params)
            if args.slow_path:
                sub = os.path.join(tmp, "subset.jsonl")
                sub_taken = take_records(data, sub, int(args.slow_path_mb * MIB))
                note(f"datasketch: README update() loop on {sub_taken['records']} records "
                     f"({args.slow_path_mb:g} MiB)")
                slow = run_worker(args, sub, "update", lsh_params)
                slow_bulk = run_worker(args, sub, "bulk", lsh_params) \
                    if not sub_taken["whole_corpus"] else ds

        # ---- report
        now = datetime.datetime.now(datetime.timezone.utc)
        lines = []
        out = lines.append
        out("# datasketch vs echoes: MinHash-LSH near-duplicate candidates, one core")
        out(f"date:       {now.strftime('%Y-%m-%dT%H:%M:%SZ')}")
        out(f"cpu:        {cpu_model()} ({os.cpu_count()} cores; runs pinned with taskset -c {args.core})")
        ec = git_head(REPO)
        out(f"echoes:     commit {ec[:12] if ec else 'unknown'} (working tree may differ); binary "
            f"{args.echoes}" + (f", built {ech['binary_mtime']}" if ech else ""))
        if info:
            out(f"python:     {info['python']} ({info['executable']}), numpy {info['numpy']}, "
                f"scipy {info['scipy']}")
            out(f"datasketch: {datasketch_version(args.datasketch_src, info['datasketch'])} "
                f"commit {datasketch_commit(args.datasketch_src)[:12]} ({args.datasketch_src})")
        out(f"corpus:     first {args.limit_mb:g} MiB of records of {args.corpus}"
            + (" (the whole file, smaller than the limit)" if taken["whole_corpus"] else "")
            + f": {taken['records']} records, {taken['file_bytes']} file bytes, "
            f"{taken['text_bytes']} text bytes")
        out(f"settings:   word {SHINGLE}-gram shingles, num_perm {NUM_PERM}, LSH threshold {THRESHOLD}")
        out("MB = 10^6 text bytes (UTF-8 of the 'text' fields); MB/s = text MB / CPU s of one core")
        out("")

        ref = None
        if ech:
            st = ech["stats"]
            tb = st.get("text_bytes", taken["text_bytes"])
            ref = taken["text_bytes"] / 1e6 / ech["cpu"] if ech["cpu"] > 0 else None
            rows.append(["echoes", "dedup: parse+normalize+exact+MinHash+LSH+verify+cluster+write",
                         st.get("read"), taken["text_bytes"] / 1e6, ech["cpu"], ech["wall"],
                         ref, st.get("read", 0) / ech["cpu"] if ech["cpu"] else 0,
                         st.get("candidates", "?")])
            if tb != taken["text_bytes"]:
                note(f"echoes counted {tb} text bytes, the driver {taken['text_bytes']}")

        def ds_row(res, label):
            cpu = res["cpu"]["total"]
            mbs = res["text_bytes"] / 1e6 / cpu
            return ["datasketch", label, res["docs"], res["text_bytes"] / 1e6, cpu,
                    res["wall_process"], mbs, res["docs"] / cpu, res["candidate_pairs"]]

        if ds:
            rows.append(ds_row(ds, "MinHash.bulk + MinHashLSH insert/query (candidates only)"))
        if slow:
            rows.append(ds_row(slow, f"README MinHash().update(s) loop + LSH, first {args.slow_path_mb:g} MiB"))
            if slow_bulk is not ds:
                rows.append(ds_row(slow_bulk, f"MinHash.bulk + LSH, same first {args.slow_path_mb:g} MiB"))

        head = ["tool", "path", "docs", "MB", "CPU s", "wall s", "MB/s/core", "docs/s",
                "cand.pairs", "echoes/this"]
        table = [head]
        for r in rows:
            ratio = "-" if ref is None or r[0] == "echoes" else "%.1fx" % (ref / r[6])
            table.append([r[0], r[1], r[2], "%.2f" % r[3], "%.3f" % r[4], "%.3f" % r[5],
                          "%.2f" % r[6], "%.0f" % r[7], r[8], ratio])
        widths = [max(len(str(t[i])) for t in table) for i in range(len(head))]
        for t in table:
            out(fmt_row(t, widths))
        out("(wall s: echoes whole process; datasketch whole subprocess incl. interpreter start "
            "and imports. CPU s: echoes whole process, best of %s; datasketch inside the worker "
            "from opening the file to the last query)" % (ech["runs"] if ech else "-"))
        out("")

        for res, label in ((ds, "bulk"), (slow, "update loop")):
            if not res:
                continue
            c = res["cpu"]
            out(f"datasketch {label}: CPU s read+parse+normalize+shingle {c['read_parse_normalize_shingle']:.3f}, "
                f"MinHash {c['minhash']:.3f} ({res['shingles'] / 1e6 / c['minhash']:.2f} M shingles/s), "
                f"LSH init {c['lsh_init']:.3f}, insert {c['lsh_insert']:.3f}, query {c['lsh_query']:.3f}; "
                f"{res['shingles']} shingles; LSH b={res['bands']} r={res['rows']}; "
                f"{res['no_token_docs']} docs without tokens skipped, {res['bad_records']} bad records; "
                f"peak RSS {res['maxrss_mb']:.0f} MB")
        if ech:
            st = ech["stats"]
            out(f"echoes: read {st.get('read')}, kept {st.get('kept')}, dropped {st.get('dropped')}, "
                f"rejected {st.get('rejected')}; dropped_by_relation "
                f"{json.dumps(st.get('dropped_by_relation', {}), sort_keys=True)}; "
                f"lsh {json.dumps(st.get('lsh'))}, candidates {st.get('candidates')}, "
                f"verified_edges {st.get('verified_edges')}; user {ech['user']:.3f} s, sys {ech['sys']:.3f} s; "
                f"file MB/s per CPU s {taken['file_bytes'] / 1e6 / ech['cpu']:.1f}")
            out(f"echoes command: {ech['cmd']}")
        elif not args.skip_echoes:
            out("echoes: FAILED (see stderr)" + ("; the datasketch figures above stand alone" if ds else ""))
        out("note: echoes' candidates are counted after exact duplicates are merged and include "
            "containment candidates; datasketch's are all distinct pairs that share an LSH band.")

        text = "\n".join(lines) + "\n"
        sys.stdout.write(text)
        os.makedirs(args.log_dir, exist_ok=True)
        log = os.path.join(args.log_dir, "datasketch-%s.log" % now.strftime("%Y%m%d-%H%M%S"))
        with open(log, "a") as f:
            f.write(text)
        print(f"log: {log}")
        if not args.skip_echoes and not ech:
            sys.exit(3)
    finally:
        if args.keep_tmp:
            note(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
