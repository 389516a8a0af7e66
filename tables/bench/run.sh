#!/usr/bin/env bash
# Times zhnorm's converter against OpenCC 1.4.2's native CLI on the 100 MB
# corpora (t2s on zh-hant-100m.txt, s2t and s2twp on zh-hans-100m.txt), three
# alternating rounds each, and prints wall time, MB/s and peak RSS.
# Needs: the corpora (bash /work/shared/corpus/make-corpus.sh DIR) and OpenCC
# (python3 -m venv V && V/bin/pip install opencc==1.4.2).
# Usage: run.sh CORPUS_DIR OPENCC_VENV
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CORPUS="${1:-/work/main/.bench-corpus}"
VENV="${2:-/work/main/.bench-tools/venv}"
SITE="$(ls -d "$VENV"/lib/python3*/site-packages)"
OPENCC="$SITE/opencc/clib/bin/opencc"
CONFIGS="$SITE/opencc/clib/share/opencc"
(cd "$HERE" && swift build -c release >/dev/null)
BENCH="$HERE/.build/release/zhconvert-bench"
for profile in t2s s2t s2twp; do
  file="$CORPUS/zh-hans-100m.txt"
  [ "$profile" = t2s ] && file="$CORPUS/zh-hant-100m.txt"
  bytes=$(stat -c %s "$file")
  for round in 1 2 3; do
    for tool in zhnorm opencc; do
      if [ $tool = zhnorm ]; then cmd=("$BENCH" "$profile" "$file")
      else cmd=("$OPENCC" -c "$CONFIGS/$profile.json" -i "$file" -o /dev/stdout); fi
      /usr/bin/time -f "%e %M" "${cmd[@]}" 2>/tmp/zhconvert-bench.time >/dev/null
      read -r seconds kib < <(tail -1 /tmp/zhconvert-bench.time)
      awk -v t=$tool -v p=$profile -v s="$seconds" -v k="$kib" -v b="$bytes" \
        'BEGIN { printf "%-6s %-5s %5.2f s %7.1f MB/s %6.1f MiB\n", t, p, s, b / s / 1e6, k / 1024 }'
    done
  done
done
