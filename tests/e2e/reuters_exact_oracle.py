#!/usr/bin/env python3
"""End-to-end check of echoes' exact-duplicate groups on Reuters-21578.

Usage:
    reuters_exact_oracle.py ECHOES_BINARY WORKDIR
    reuters_exact_oracle.py --oracle-only [WORKDIR]   (no binary: print the oracle's groups)

Steps:
  1. If <repo>/../shared/data/reuters21578 is absent: print a SKIP line, exit 77.
  2. Convert it with bench/reuters_to_jsonl.py into WORKDIR/reuters.jsonl.
  3. Run: ECHOES_BINARY dedup WORKDIR/reuters.jsonl --out WORKDIR/out --quiet
  4. Compute the exact-duplicate groups independently:
       normalized = the tokens of NFKC(text).casefold() joined by single spaces, where
       default-ignorable code points (soft hyphen, zero-width space, ...) are removed
       first, a token is a maximal run of characters of Unicode category L*, M* or N*,
       and each such character of Han, Hiragana, Katakana, Thai, Lao, Khmer or Myanmar
       is a token of its own (as include/echoes/normalize.h describes);
       records with an empty normalized text are excluded (echoes rejects them);
       a group = the records sharing one normalized text, 2 or more of them.
  5. Read WORKDIR/out/clusters.jsonl and WORKDIR/out/stats.json, and check that
       - echoes' clusters (as sets of member ids) are exactly the oracle's groups;
       - each representative is a member of its cluster, and is the member with the
         earliest date (records with a date before those without; ties: the longest
         text in UTF-8 bytes, then the first in file order);
       - stats: dropped == sum(len(group) - 1); kept + dropped + rejected == read;
         read == records converted; rejected == records with empty normalized text.
Prints a summary (mismatches, up to 10 of them) and exits 0 on success, 1 on failure,
77 when skipped. Python 3 standard library only.
"""

import datetime
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "reuters21578"))
CONVERTER = os.path.join(REPO, "bench", "reuters_to_jsonl.py")
MAX_SHOWN = 10

# ---------------------------------------------------------------------------
# Oracle normalization: the shared reference (tests/reference_normalize.py).

sys.path.insert(0, os.path.dirname(HERE))
from reference_normalize import normalize  # noqa: E402


# ---------------------------------------------------------------------------
# Records and groups

def parse_iso_date(value):
    """A comparable datetime for an ISO 8601 date string, or None."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    try:
        dt = datetime.datetime.fromisoformat(v)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=datetime.timezone.utc)
    return dt


def load_records(path):
    """[(index, id, text, date_or_None)] in file order."""
    records = []
    with open(path, "r", encoding="utf-8", newline="\n") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            records.append((len(records), obj["id"], obj.get("text", ""),
                            parse_iso_date(obj.get("date"))))
    return records


def representative_key(record):
    index, _, text, date = record
    return (0 if date is not None else 1,
            date if date is not None else 0,
            -len(text.encode("utf-8")),
            index)


def oracle_groups(records):
    """(groups, empty): groups maps frozenset(ids) -> expected representative id."""
    by_norm = {}
    empty = 0
    for rec in records:
        norm = normalize(rec[2])
        if not norm:
            empty += 1
            continue
        by_norm.setdefault(norm, []).append(rec)
    groups = {}
    for norm, recs in by_norm.items():
        if len(recs) >= 2:
            groups[frozenset(r[1] for r in recs)] = min(recs, key=representative_key)[1]
    return groups, empty


def describe(ids, by_id, limit=4):
    ids = sorted(ids, key=lambda i: by_id[i][0] if i in by_id else -1)
    shown = ", ".join(ids[:limit]) + (", ..." if len(ids) > limit else "")
    first = by_id.get(ids[0])
    snippet = ""
    if first is not None:
        snippet = " " + json.dumps(first[2][:60])
    return "%d members [%s]%s" % (len(ids), shown, snippet)


# ---------------------------------------------------------------------------

def convert(workdir):
    jsonl = os.path.join(workdir, "reuters.jsonl")
    subprocess.run([sys.executable, CONVERTER, "--src", DATA, jsonl], check=True)
    return jsonl


def oracle_only(workdir):
    os.makedirs(workdir, exist_ok=True)
    records = load_records(convert(workdir))
    by_id = {r[1]: r for r in records}
    groups, empty = oracle_groups(records)
    in_groups = sum(len(g) for g in groups)
    print("records: %d  empty normalized text: %d" % (len(records), empty))
    print("exact groups: %d  docs in groups: %d  expected dropped: %d  largest: %d"
          % (len(groups), in_groups, in_groups - len(groups),
             max((len(g) for g in groups), default=0)))
    for g, rep in sorted(groups.items(), key=lambda kv: -len(kv[0]))[:MAX_SHOWN]:
        print("  rep %s: %s" % (rep, describe(g, by_id)))
    return 0


def main(argv):
    if len(argv) >= 1 and argv[0] == "--oracle-only":
        if not os.path.isdir(DATA):
            print("SKIP: ../shared/data/reuters21578 not found (it is present in CI)")
            return 77
        return oracle_only(argv[1] if len(argv) > 1 else "/tmp/reuters_oracle")
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    binary, workdir = os.path.abspath(argv[0]), argv[1]
    if not os.path.isdir(DATA):
        print("SKIP: ../shared/data/reuters21578 not found (it is present in CI)")
        return 77
    os.makedirs(workdir, exist_ok=True)

    jsonl = convert(workdir)
    out_dir = os.path.join(workdir, "out")
    clusters_path = os.path.join(out_dir, "clusters.jsonl")
    stats_path = os.path.join(out_dir, "stats.json")
    for stale in (clusters_path, stats_path):  # never judge a previous run's output
        if os.path.exists(stale):
            os.remove(stale)
    cmd = [binary, "dedup", jsonl, "--out", out_dir, "--quiet", "--exact-only"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        print("FAIL: %s exited with %d" % (" ".join(cmd), proc.returncode))
        sys.stdout.write(proc.stderr.decode("utf-8", "replace")[-4000:])
        return 1

    records = load_records(jsonl)
    by_id = {r[1]: r for r in records}
    groups, empty = oracle_groups(records)

    problems = []
    clusters = {}  # frozenset(members) -> representative
    seen_members = {}
    if not os.path.isfile(clusters_path):
        print("FAIL: %s was not written" % clusters_path)
        return 1
    with open(clusters_path, "r", encoding="utf-8", newline="\n") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                members = obj["members"]
                rep = obj["representative"]
                int(obj["cluster"])
            except (ValueError, KeyError, TypeError) as e:
                problems.append("clusters.jsonl:%d: malformed line (%s)" % (lineno, e))
                continue
            key = frozenset(members)
            if len(key) != len(members):
                problems.append("clusters.jsonl:%d: repeated member ids" % lineno)
            if len(key) < 2:
                problems.append("clusters.jsonl:%d: cluster of %d member(s)" % (lineno, len(key)))
            for m in members:
                if m in seen_members:
                    problems.append("clusters.jsonl:%d: %s is also in the cluster on line %d"
                                    % (lineno, m, seen_members[m]))
                seen_members[m] = lineno
            if rep not in key:
                problems.append("clusters.jsonl:%d: representative %s is not a member"
                                % (lineno, rep))
            clusters[key] = rep

    missing = [g for g in groups if g not in clusters]
    extra = [c for c in clusters if c not in groups]
    for g in sorted(missing, key=lambda g: min(by_id[i][0] for i in g)):
        problems.append("oracle group not in clusters.jsonl: " + describe(g, by_id))
    for c in sorted(extra, key=lambda c: min(by_id[i][0] if i in by_id else -1 for i in c)):
        problems.append("cluster not an oracle group: " + describe(c, by_id))
    for g, expected in groups.items():
        rep = clusters.get(g)
        if rep is not None and rep != expected and rep in g:
            problems.append("representative of %s is %s, expected %s"
                            % (describe(g, by_id), rep, expected))

    expected_dropped = sum(len(g) - 1 for g in groups)
    try:
        with open(stats_path, "r", encoding="utf-8") as f:
            stats = json.load(f)
        read, kept = int(stats["read"]), int(stats["kept"])
        dropped, rejected = int(stats["dropped"]), int(stats["rejected"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        problems.append("stats.json unreadable or incomplete: %s" % e)
        stats = None
    if stats is not None:
        if dropped != expected_dropped:
            problems.append("stats: dropped %d, expected %d" % (dropped, expected_dropped))
        if kept + dropped + rejected != read:
            problems.append("stats: kept %d + dropped %d + rejected %d != read %d"
                            % (kept, dropped, rejected, read))
        if read != len(records):
            problems.append("stats: read %d, expected %d records" % (read, len(records)))
        if rejected != empty:
            problems.append("stats: rejected %d, expected %d (empty normalized text)"
                            % (rejected, empty))

    print("reuters exact oracle: %d records, %d empty, %d oracle groups (%d docs), "
          "%d echoes clusters (%d docs)"
          % (len(records), empty, len(groups), sum(len(g) for g in groups),
             len(clusters), sum(len(c) for c in clusters)))
    if stats is not None:
        print("echoes stats: read %d kept %d dropped %d rejected %d (expected dropped %d)"
              % (read, kept, dropped, rejected, expected_dropped))
    if problems:
        print("FAIL: %d mismatch(es)%s:" % (
            len(problems), ", first %d" % MAX_SHOWN if len(problems) > MAX_SHOWN else ""))
        for p in problems[:MAX_SHOWN]:
            print("  " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
