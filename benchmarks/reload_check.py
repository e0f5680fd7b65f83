"""Reload check on real news: one JSON Lines file of Reuters-21578 records loaded twice with NLP.

Counts every table after each load and the annotations whose offsets do not index their own article's
body. A load that stores what its input says changes nothing the second time and misplaces nothing.
It calls the loader in-process, so `PYTHONPATH=<another checkout>` measures another version the same way.

    .venv/bin/python benchmarks/reload_check.py [--records 1500] [--workers 2]
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _results import publish

from loader import store
from loader.load import LoadOptions, load_paths

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks/data/reuters-21578"
TABLES = ("articles", "entities", "mentions", "quotes", "locations", "article_versions")


def sample(records: int, path: Path) -> Path:
    """The first `records` documents of the collection, in its order, as one JSON Lines file."""
    rows = []
    for part in sorted(DATA.glob("reuters-*.json")):
        rows += json.loads(part.read_text(encoding="utf-8"))
        if len(rows) >= records:
            break
    path.write_text("\n".join(json.dumps(row) for row in rows[:records]), encoding="utf-8")
    return path


def misplaced(db) -> int:
    bodies = {row[0]: row[1] for row in db.execute("select id, body from articles")}
    count = 0
    for table, text in (("mentions", "text"), ("locations", "text")):
        if not db[table].exists():
            continue
        for article, start, end, value in db.execute(
                f"select article_id, start, [end], {text} from {table} where start is not null"):
            count += (bodies.get(article) or "")[start:end] != value
    return count


def counts(db) -> dict:
    found = {table: db[table].count if db[table].exists() else "–" for table in TABLES}
    return {**found, "misplaced annotations": misplaced(db)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--label", default="this checkout")
    parser.add_argument("--no-publish", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = sample(args.records, Path(tmp) / "reuters-sample.jsonl")
        db = store.open_db(str(Path(tmp) / "archive.db"))
        runs = []
        for name in ("first load", "same file again"):
            started = time.monotonic()
            result = load_paths(db, [str(path)], LoadOptions(workers=args.workers, progress=False), warn=lambda m: None)
            runs.append((name, time.monotonic() - started, result.summary(), counts(db)))
    header = "| run | seconds | " + " | ".join(runs[0][3]) + " |"
    lines = [f"# Reload check: {args.records} Reuters-21578 records in one JSON Lines file, loaded twice with NLP",
             "", f"Command: `.venv/bin/python benchmarks/reload_check.py --records {args.records} "
             f"--workers {args.workers}` ({args.label}).", "", header,
             "|---|---:|" + "---:|" * len(runs[0][3])]
    lines += [f"| {name} | {seconds:.0f} | " + " | ".join(str(v) for v in found.values()) + " |"
              for name, seconds, _, found in runs]
    lines += ["", *[f"- {name}: `{summary}`" for name, _, summary, _ in runs], ""]
    report = "\n".join(lines)
    if args.no_publish:
        print(report)
        return 0
    return publish(report, "reload_check.md")


if __name__ == "__main__":
    sys.exit(main())
