#!/usr/bin/env bash
# Fetch the Lee corpus (about 350 Australian Broadcasting Corporation news stories, one per line) from the
# gensim wheel on PyPI, where it ships as test data, into the git-ignored benchmarks/data/lee. Never commit it.
#   bash benchmarks/fetch_lee.sh   →   benchmarks/data/lee/lee_background.cor, lee.cor
set -euo pipefail
cd "$(dirname "$0")"
VERSION=4.4.0
DEST=data/lee
if [ -f "$DEST/lee.cor" ]; then
    echo "$DEST is already there"
    exit 0
fi
mkdir -p data/wheels "$DEST"
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest data/wheels "gensim==$VERSION"
wheel=$(ls data/wheels/gensim-"$VERSION"-*.whl | head -n 1)
python3 - "$wheel" "$DEST" <<'PY'
import sys, zipfile
from pathlib import Path
with zipfile.ZipFile(sys.argv[1]) as wheel:
    for name in ("lee_background.cor", "lee.cor"):
        (Path(sys.argv[2]) / name).write_bytes(wheel.read(f"gensim/test/test_data/{name}"))
PY
echo "$(cat "$DEST"/*.cor | wc -l) stories in $DEST (from $wheel)"
