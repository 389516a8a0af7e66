#!/usr/bin/env bash
# Benchmarks/dedup.sh — throughput and peak RSS of the dedup step.
#
# Builds (on the fly, never committed) an input of SIZE_MB megabytes (default
# 1000) from the real corpus (.bench-corpus/zh-hans.txt + zh-hant.txt): each
# paragraph joins two random real lines (so that distinct paragraphs are
# distinct), and DUP_PERCENT (default 30) percent of the paragraphs are exact
# copies of an earlier paragraph (from the last 200 000). Then times, on that
# input as one document:
#   zhnorm --skip dedup        the pipeline without dedup (the reference)
#   zhnorm                     the default pipeline (dedup in document scope)
#   zhnorm --near-dup off      dedup without the near-duplicate index
#   zhnorm --dedup-db FILE     with a fresh fingerprint database
# and prints wall time, MB/s, peak RSS and the number of output lines.
#
# Usage: Benchmarks/dedup.sh [--corpus DIR] [--zhnorm PATH] [--keep]
# Environment: SIZE_MB, DUP_PERCENT, BENCH_RUNS (default 1), TMPDIR.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
CORPUS="$REPO/.bench-corpus"
ZHNORM=""
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) CORPUS="$2"; shift 2 ;;
    --zhnorm) ZHNORM="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "dedup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -f "$CORPUS/zh-hans.txt" && -f "$CORPUS/zh-hant.txt" ]] || { echo "dedup.sh: no corpus in $CORPUS (zh-hans.txt, zh-hant.txt)" >&2; exit 2; }
if [[ -z "$ZHNORM" ]]; then
  (cd "$REPO" && swift build -c release --static-swift-stdlib --product zhnorm >&2)
  ZHNORM="$(cd "$REPO" && swift build -c release --show-bin-path)/zhnorm"
fi
SIZE_MB="${SIZE_MB:-1000}"
DUP_PERCENT="${DUP_PERCENT:-30}"
RUNS="${BENCH_RUNS:-1}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/zhnorm-dedup-bench.XXXXXX")"
[[ $KEEP = 1 ]] || trap 'rm -rf "$WORK"' EXIT
INPUT="$WORK/input.txt"

echo "generating $SIZE_MB MB with $DUP_PERCENT% duplicated paragraphs in $WORK ..." >&2
python3 - "$CORPUS/zh-hans.txt" "$CORPUS/zh-hant.txt" "$INPUT" "$SIZE_MB" "$DUP_PERCENT" <<'PY'
import random, sys
hans, hant, out, size_mb, dup = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
lines = [l.strip() for f in (hans, hant) for l in open(f, encoding="utf-8") if l.strip()]
rng = random.Random(2024)
target = size_mb * 1000 * 1000
recent, written, paragraphs, copies = [], 0, 0, 0
with open(out, "w", encoding="utf-8") as f:
    buf = []
    while written < target:
        if recent and rng.randrange(100) < dup:
            p = recent[rng.randrange(len(recent))]
            copies += 1
        else:
            p = rng.choice(lines) + rng.choice(lines)
            if len(recent) < 200000: recent.append(p)
            else: recent[rng.randrange(200000)] = p
        s = p + ("\n\n" if rng.randrange(20) == 0 else "\n")
        buf.append(s)
        written += len(s.encode("utf-8"))
        paragraphs += 1
        if len(buf) >= 10000:
            f.write("".join(buf)); buf = []
    f.write("".join(buf))
print(f"{written} bytes, {paragraphs} paragraphs, {copies} exact copies ({100*copies/paragraphs:.1f}%)", file=sys.stderr)
PY
BYTES=$(stat -c %s "$INPUT")

measure() {  # label, zhnorm arguments...
  local label="$1"; shift
  local best="" rss="" lines=""
  for ((run = 0; run < RUNS; run++)); do
    rm -f "$WORK/fp.sqlite"*
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$ZHNORM" -q "$@" "$INPUT" > "$WORK/out.txt"
    read -r seconds kib < "$WORK/time"
    if [[ -z "$best" ]] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; rss=$kib; fi
  done
  lines=$(wc -l < "$WORK/out.txt")
  awk -v l="$label" -v s="$best" -v k="$rss" -v b="$BYTES" -v n="$lines" \
    'BEGIN{printf "| %-28s | %7.2f | %7.1f | %7.1f | %10d |\n", l, s, b/1e6/s, k/1024, n}'
}

echo "input: $BYTES bytes; zhnorm: $ZHNORM; best of $RUNS"
echo "| run                          | seconds |    MB/s | RSS MiB | lines out  |"
echo "|---|---|---|---|---|"
measure "--skip dedup" --skip dedup
measure "default (dedup, doc scope)"
measure "--near-dup off" --near-dup off
measure "--dedup-db (fresh)" --dedup-db "$WORK/fp.sqlite"
