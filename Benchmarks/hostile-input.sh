#!/usr/bin/env bash
# Peak memory of zhnorm on a 500 MB line with no newline (issue 6's "limits" case), kept
# out of the test suite because of its size. The input is generated into a pipe (nothing
# on disk) and the output goes to /dev/null.
#
#   Benchmarks/hostile-input.sh [MEGABYTES] [--zhnorm PATH]     default: 500 MB, release build
#
# Prints wall time, throughput and peak RSS (VmHWM, from /usr/bin/time's "Maximum resident
# set size"), and checks that zhnorm read every byte (its --report) and exited 0.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=500
zhnorm=""
while (($#)); do
  case "$1" in
    --zhnorm) zhnorm="$2"; shift 2 ;;
    *) megabytes="$1"; shift ;;
  esac
done
if [ -z "$zhnorm" ]; then
  swift build -c release --static-swift-stdlib --product zhnorm >&2
  zhnorm="$(swift build -c release --show-bin-path)/zhnorm"
fi
bytes=$((megabytes * 1000 * 1000))
report="$(mktemp)"
timing="$(mktemp)"
trap 'rm -f "$report" "$timing"' EXIT
start=$EPOCHREALTIME
# 20-byte units of Chinese, ASCII and a fullwidth comma, cut to exactly $bytes (the cut may
# split a character: the last one then becomes U+FFFD with a warning).
set +e +o pipefail  # yes and tr end with SIGPIPE when head has enough
yes '中文字符abc，' | tr -d '\n' | head -c "$bytes" \
  | /usr/bin/time -f '%M' -o "$timing" "$zhnorm" -q --report "$report" > /dev/null
status=${PIPESTATUS[3]}
set -e -o pipefail
end=$EPOCHREALTIME
[ "$status" = 0 ] || { echo "zhnorm exited with $status" >&2; exit 1; }
peak=$(tail -1 "$timing")
read_bytes=$(grep -o '"bytesIn": [0-9]*' "$report" | grep -o '[0-9]*$')
seconds=$(echo "$end - $start" | bc -l)
printf 'input: %d MB on one line, no newline\n' "$megabytes"
printf 'zhnorm: %s\n' "$zhnorm"
printf 'bytes read: %s (expected %s)\n' "$read_bytes" "$bytes"
printf 'wall: %.1f s, %.1f MB/s\n' "$seconds" "$(echo "$bytes / $seconds / 1000000" | bc -l)"
printf 'peak RSS: %d KiB (%.1f MiB)\n' "$peak" "$(echo "$peak / 1024" | bc -l)"
[ "$read_bytes" = "$bytes" ]
