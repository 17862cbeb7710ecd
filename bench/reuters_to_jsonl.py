#!/usr/bin/env python3
"""Convert the Reuters-21578 SGML collection to JSONL for echoes.

Usage:
    reuters_to_jsonl.py [--src DIR] OUT.jsonl

DIR defaults to <repo>/../shared/data/reuters21578 (resolved from this script's
location, <repo>/bench/). It must hold reut2-000.sgm ... reut2-021.sgm. OUT.jsonl
may be "-" for standard output.

One JSON object per <REUTERS> record, in file order then record order:

    {"id": "reuters-<NEWID>", "date": "1987-02-26T15:01:01Z",
     "title": "...", "text": "..."}

  id     "reuters-" + the NEWID attribute.
  date   <DATE> (e.g. " 26-FEB-1987 15:01:01.79") as ISO 8601 UTC, fractions of a
         second dropped. Omitted when it cannot be parsed (one record has hour 605).
  title  <TITLE>, or "" when the record has none.
  text   <BODY> if present; otherwise, for TYPE="UNPROC", the whole <TEXT> content
         with tags stripped; otherwise (TYPE="BRIEF") the <TITLE>.
All fields: SGML/HTML entities decoded (&lt; &amp; &#3; ...), control characters
other than newline and tab dropped, leading/trailing whitespace stripped; inner
whitespace is kept as in the source. The files are read as latin-1 (one stray byte
0xFC in reut2-017.sgm becomes "ü"); output is UTF-8 (json.dumps, ensure_ascii=False).

Prints to stderr how many documents were written and how many had empty text.
Python 3 standard library only. Importable: iter_documents(src_dir) yields the dicts.
"""

import argparse
import datetime
import glob
import html
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SRC = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "reuters21578"))

_RECORD_RE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID_RE = re.compile(r'\bNEWID\s*=\s*"([^"]*)"')
_DATE_RE = re.compile(r"<DATE>(.*?)</DATE>", re.S)
_TEXT_RE = re.compile(r"<TEXT\b([^>]*)>(.*?)</TEXT>", re.S)
_TYPE_RE = re.compile(r'\bTYPE\s*=\s*"([^"]*)"')
_TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY_RE = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TAG_RE = re.compile(r"<[^<>]*>")
# " 26-FEB-1987 15:01:01.79" (trailing junk such as "&#5;&#5;&#5;F" is ignored).
_REUTERS_DATE_RE = re.compile(
    r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
# Control characters (C0, DEL, C1) except tab and newline; \r is dropped too.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(raw):
    """Decodes entities, drops control characters, strips outer whitespace."""
    return _CONTROL_RE.sub("", html.unescape(raw)).strip()


def parse_date(raw):
    """Returns an ISO 8601 UTC string for a Reuters <DATE>, or None if unparseable."""
    m = _REUTERS_DATE_RE.match(html.unescape(raw))
    if not m:
        return None
    day, mon, year, hh, mm, ss = m.groups()
    month = _MONTHS.get(mon.upper())
    if month is None:
        return None
    try:
        dt = datetime.datetime(int(year), month, int(day), int(hh), int(mm), int(ss))
    except ValueError:
        return None
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def source_files(src_dir):
    return sorted(glob.glob(os.path.join(src_dir, "reut2-*.sgm")))


def iter_documents(src_dir):
    """Yields one dict per <REUTERS> record of src_dir, in file then record order."""
    for path in source_files(src_dir):
        with open(path, "r", encoding="latin-1", newline="") as f:
            data = f.read()
        for rec in _RECORD_RE.finditer(data):
            attrs, inner = rec.group(1), rec.group(2)
            m = _NEWID_RE.search(attrs)
            if not m:
                print("warning: %s: record without NEWID at offset %d, skipped"
                      % (os.path.basename(path), rec.start()), file=sys.stderr)
                continue
            doc = {"id": "reuters-" + m.group(1).strip()}
            m = _DATE_RE.search(inner)
            date = parse_date(m.group(1)) if m else None
            if date is not None:
                doc["date"] = date
            title = ""
            text = ""
            m = _TEXT_RE.search(inner)
            if m:
                tm = _TYPE_RE.search(m.group(1))
                text_type = tm.group(1).upper() if tm else ""
                content = m.group(2)
                t = _TITLE_RE.search(content)
                if t:
                    title = clean(t.group(1))
                b = _BODY_RE.search(content)
                if b:
                    text = clean(b.group(1))
                elif text_type == "UNPROC":
                    text = clean(_TAG_RE.sub("", content))
                else:
                    text = title
            doc["title"] = title
            doc["text"] = text
            yield doc


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Convert Reuters-21578 SGML to echoes JSONL (see the file docstring).")
    ap.add_argument("--src", default=DEFAULT_SRC,
                    help="directory holding reut2-*.sgm (default: %(default)s)")
    ap.add_argument("out", metavar="OUT.jsonl", help='output file, or "-" for stdout')
    args = ap.parse_args(argv)

    if not os.path.isdir(args.src) or not source_files(args.src):
        print("error: no reut2-*.sgm files in %s" % args.src, file=sys.stderr)
        return 2

    written = 0
    empty = 0
    if args.out == "-":
        out = sys.stdout.buffer
        close = False
    else:
        out_dir = os.path.dirname(os.path.abspath(args.out))
        os.makedirs(out_dir, exist_ok=True)
        out = open(args.out, "wb")
        close = True
    try:
        for doc in iter_documents(args.src):
            out.write(json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n")
            written += 1
            if not doc["text"]:
                empty += 1
    finally:
        if close:
            out.close()
        else:
            out.flush()
    print("reuters_to_jsonl: wrote %d documents (%d with empty text) from %d files to %s"
          % (written, empty, len(source_files(args.src)), args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
