#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) over WCXB pages, for bench/wcxb_compare.sh.

    /usr/bin/python3 bench/peers/readability_lxml.py HTML_DIR OUT.jsonl

Times Document(html).summary() + .short_title() per page (pages decompressed in
memory first), then (untimed) turns the summary HTML into text with lxml, one line
per block.
readability-lxml has no date extraction: date is null.
"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote",
          "section", "article", "td", "th", "dd", "dt", "figcaption"}


def to_text(html):
    root = lxml.html.fromstring(html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCKS:
            el.tail = ("\n" + el.tail) if el.tail else "\n"
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())


def main():
    src, out_path = sys.argv[1:3]
    names = sorted(n for n in os.listdir(src) if ".htm" in n)
    with open(out_path, "w") as out:
        for name in names:
            raw = gzip.open(os.path.join(src, name)).read() if name.endswith(".gz") else open(
                os.path.join(src, name), "rb").read()
            html = raw.decode("utf-8", errors="replace")
            start = time.process_time()
            seconds = None
            try:
                doc = Document(html)
                summary = doc.summary(html_partial=True)
                title = doc.short_title()
                seconds = time.process_time() - start  # text formatting is not timed
                text = to_text(summary)
            except Exception as e:  # a peer's failure on a page scores as empty
                title, text = "", ""
                print(f"readability-lxml: {name}: {e}", file=sys.stderr)
            if seconds is None:
                seconds = time.process_time() - start
            out.write(json.dumps({"id": name.split(".")[0], "text": text, "title": title,
                                  "date": None, "seconds": seconds}) + "\n")


if __name__ == "__main__":
    main()
