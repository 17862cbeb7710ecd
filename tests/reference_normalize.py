"""The reference normalization, in plain Python: the one every script checks echoes
against (tests/e2e/reuters_exact_oracle.py, data/sample/check_labels.py,
bench/datasketch_compare.py).

It restates include/echoes/normalize.h without sharing any of its code:
  1. default-ignorable code points (soft hyphen, zero-width space, ...) are removed,
     then NFKC and case folding;
  2. a token is a maximal run of letters, marks and digits (categories L*, M*, N*);
  3. every character of a script written without spaces (the same ranges as
     IsUnspacedScript in src/text/normalizer.cc) is a token of its own.
Python's Unicode tables (and fold-then-compose order) may differ from utf8proc's on
rare characters; on the corpora here the two agree.
"""

import re
import unicodedata

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties), as utf8proc's IGNORE.
_IGNORABLE = {cp: None for a, b in (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF)) for cp in range(a, b + 1)}

# Scripts written without spaces: each character is a token.
UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),    # Thai, Lao
    (0x1000, 0x109F),    # Myanmar
    (0x1780, 0x17FF),    # Khmer
    (0x3040, 0x30FF),    # Hiragana, Katakana
    (0x31F0, 0x31FF),    # Katakana phonetic extensions
    (0x3400, 0x4DBF),    # Han extension A
    (0x4E00, 0x9FFF),    # Han
    (0xF900, 0xFAFF),    # Han compatibility
    (0xFF66, 0xFF9F),    # half-width Katakana (NFKC maps most away)
    (0x20000, 0x3134F),  # Han extensions B..G
)

_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def is_unspaced(ch):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in UNSPACED_RANGES)


def tokens(text):
    """The tokens of `text`."""
    if text.isascii():  # the common case: lower-case, split on non-alphanumerics
        return _ASCII_TOKEN.findall(text.lower())
    folded = unicodedata.normalize("NFKC", text.translate(_IGNORABLE)).casefold()
    out, run = [], []
    for ch in folded:
        if unicodedata.category(ch)[0] not in "LMN":
            if run:
                out.append("".join(run))
                run = []
        elif is_unspaced(ch):
            if run:
                out.append("".join(run))
                run = []
            out.append(ch)
        else:
            run.append(ch)
    if run:
        out.append("".join(run))
    return out


def normalize(text):
    """The normalized text: tokens joined by single spaces."""
    return " ".join(tokens(text))
