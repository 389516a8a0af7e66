#!/usr/bin/env python3
"""Character agreement between two conversions of the same text.

Usage: Benchmarks/agreement.py A B [--top N]

A and B should be the same text converted by two tools (e.g. A = OpenCC's output,
B = zhnorm's), line for line. For every Han character of A (CJK Unified Ideographs,
Extension A and later extensions, and the compatibility ideographs) we check whether B
has the same character at the same place:

  * lines of equal length are compared position by position;
  * lines whose lengths differ are aligned with difflib (SequenceMatcher), and every Han
    character of A in a non-equal stretch counts as a disagreement (a stretch of unequal
    length is reported as one class, e.g. "著名 → 着名 名");
  * if the files have different numbers of lines, the lines themselves are first aligned
    with difflib; A's lines with no partner count as disagreeing (class "… → ∅").

Prints the counts, the agreement percentage to 4 decimals, and the top N (default 30)
disagreement classes as "A-char → B-char  count  example context" (context from A, the
character in 【】). Differences at non-Han positions of A (punctuation, Latin, ...) are
counted separately and do not enter the percentage.

Python 3 standard library only; a development tool, not a runtime dependency of zhnorm.
"""

import argparse
import collections
import difflib
import re
import sys
import unicodedata

HAN_RANGES = (
    "\u3400-\u4dbf"          # CJK Unified Ideographs Extension A
    "\u4e00-\u9fff"          # CJK Unified Ideographs
    "\uf900-\ufaff"          # CJK Compatibility Ideographs
    "\U00020000-\U000323af"  # Extensions B-H (SIP and TIP)
    "\U0002f800-\U0002fa1f"  # CJK Compatibility Ideographs Supplement
)
HAN_RE = re.compile("[" + HAN_RANGES + "]")
CTX = 8           # characters of context either side
MAX_SPAN = 12     # longest span shown in a multi-character class


def is_han(c):
    return HAN_RE.match(c) is not None


def context(line, start, end):
    left = line[max(0, start - CTX):start]
    right = line[end:end + CTX]
    s = ("…" if start > CTX else "") + left + "【" + line[start:end] + "】" + right + \
        ("…" if end + CTX < len(line) else "")
    return s.replace("\t", "\\t").replace("\r", "\\r")


def clip(s):
    return s if len(s) <= MAX_SPAN else s[:MAX_SPAN] + "…"


class Tally:
    def __init__(self):
        self.han = 0           # Han characters in A
        self.diff = 0          # of which disagree
        self.other_diff = 0    # disagreeing non-Han positions of A
        self.classes = collections.Counter()
        self.examples = {}
        self.other = collections.Counter()
        self.b_extra = 0       # characters B inserted where A has nothing

    def record(self, key, example, han_count):
        self.diff += han_count
        self.classes[key] += han_count
        self.examples.setdefault(key, example)

    def same_length(self, a, b):
        """Position-by-position comparison of two lines of equal length."""
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                if is_han(x):
                    self.record((x, y), context(a, i, i + 1), 1)
                else:
                    self.other_diff += 1
                    self.other[(x, y)] += 1

    def line(self, a, b):
        self.han += len(HAN_RE.findall(a))
        if a == b:
            return
        if len(a) == len(b):
            self.same_length(a, b)
            return
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            if op == "insert":
                self.b_extra += j2 - j1
                continue
            sa, sb = a[i1:i2], b[j1:j2]
            if op == "replace" and len(sa) == len(sb):
                for k, (x, y) in enumerate(zip(sa, sb)):
                    if x != y:
                        if is_han(x):
                            self.record((x, y), context(a, i1 + k, i1 + k + 1), 1)
                        else:
                            self.other_diff += 1
                            self.other[(x, y)] += 1
                continue
            n = len(HAN_RE.findall(sa))
            if n:
                self.record((clip(sa), clip(sb) or "∅"), context(a, i1, i2), n)
            self.other_diff += len(sa) - n

    def unpaired(self, a):
        """A line of A with no partner in B."""
        self.han += len(HAN_RE.findall(a))
        n = len(HAN_RE.findall(a))
        if n:
            self.record((clip(a), "∅"), context(a, 0, min(len(a), 1)), n)


def show(x, y):
    """'x → y'; code points added when the two look alike (e.g. U+F9D1 vs U+516D 六)."""
    s = f"{x} → {y}"
    if x != y and unicodedata.normalize("NFKC", x) == unicodedata.normalize("NFKC", y):
        s += " (" + " ".join(f"U+{ord(c):04X}" for c in x) + " → " + \
             " ".join(f"U+{ord(c):04X}" for c in y) + ")"
    return s


def read_lines(path):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        return f.read().split("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", help="reference conversion (e.g. OpenCC output)")
    ap.add_argument("b", help="candidate conversion of the same text")
    ap.add_argument("--top", type=int, default=30, help="disagreement classes to list (30)")
    args = ap.parse_args()

    la, lb = read_lines(args.a), read_lines(args.b)
    t = Tally()
    if len(la) == len(lb):
        for a, b in zip(la, lb):
            t.line(a, b)
    else:
        print(f"warning: line counts differ (A {len(la)}, B {len(lb)}); aligning lines with difflib",
              file=sys.stderr)
        sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                for a in la[i1:i2]:
                    t.han += len(HAN_RE.findall(a))
            elif op in ("replace", "delete"):
                m = min(i2 - i1, j2 - j1)
                for k in range(m):
                    t.line(la[i1 + k], lb[j1 + k])
                for a in la[i1 + m:i2]:
                    t.unpaired(a)

    print(f"A: {args.a} ({len(la)} lines)")
    print(f"B: {args.b} ({len(lb)} lines)")
    print(f"Han characters in A: {t.han}")
    print(f"differing: {t.diff}")
    pct = 100.0 * (t.han - t.diff) / t.han if t.han else 100.0
    print(f"agreement: {pct:.4f} %")
    print(f"non-Han positions differing: {t.other_diff}; characters only in B: {t.b_extra}")
    print()
    print(f"top {args.top} disagreement classes (A → B, Han characters affected, example from A):")
    for (x, y), n in t.classes.most_common(args.top):
        print(f"{show(x, y)}\t{n}\t{t.examples[(x, y)]}")
    if t.other:
        print()
        print("top non-Han differences:")
        for (x, y), n in t.other.most_common(10):
            print(f"{x!r} → {y!r}\t{n}")


if __name__ == "__main__":
    main()
