#!/usr/bin/env python3
"""Write Tests/ZhNormUnitTests/Convert/Fixtures/opencc-differential.json: an
adversarial text (random dictionary keys, values and fragments of them, with
punctuation, spaces, ASCII letters that occur in keys, compatibility
ideographs and a supplementary-plane ideograph) and OpenCC 1.4.2's output for
it under all 16 profiles (library, all dictionaries).

Build/test-time only. Usage (needs `pip install opencc==1.4.2`):
    python3 make-differential-fixture.py OPENCC_DATA_DIR OUT.json
Deterministic: fixed random seed, dictionary files read in sorted order.
"""
import glob
import json
import os
import random
import sys

import opencc

PROFILES = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
            "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"]


def main():
    data_dir, out_path = sys.argv[1], sys.argv[2]
    pieces = []
    for path in sorted(glob.glob(os.path.join(data_dir, "data", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                key, values = line.rstrip("\n").split("\t", 1)
                pieces.append(key)
                pieces.extend(values.split())
    rng = random.Random(20261121)
    text = []
    for _ in range(2500):
        piece = rng.choice(pieces)
        if rng.random() < 0.3 and len(piece) > 1:
            start = rng.randrange(len(piece))
            piece = piece[start:start + rng.randint(1, len(piece))]
        text.append(piece)
        if rng.random() < 0.05:
            text.append(rng.choice(["，", "。", "\n", " ", "a", "-", "·", "L", "\uF9D1", "\U00020000"]))
    text = "".join(text)
    expected = {p: opencc.OpenCC(p).convert(text) for p in PROFILES}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"opencc": "1.4.2", "input": text, "expected": expected}, f,
                  ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
