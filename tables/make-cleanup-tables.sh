#!/usr/bin/env bash
# Regenerate tables/nfc-attention.bin (the Unicode step's NFC attention
# bitmap) from the system ICU (Debian libicu-dev). Build-time only; needs a C
# compiler. The output depends only on ICU's Unicode data: re-running with the
# same ICU yields the same bytes (check with `git diff`).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cc -O2 -o "$WORK/gen_nfc_attention" "$HERE/gen_nfc_attention.c" -licuuc
"$WORK/gen_nfc_attention" "$HERE/nfc-attention.bin"
sha256sum "$HERE/nfc-attention.bin"
