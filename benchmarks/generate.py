"""Benchmark archives of 10k, 100k and 1M articles, recombined from real ones, with real annotations.

Running spaCy over a million articles would take this machine about ten hours, so the big archives are
built from a few thousand real, really extracted articles ("originals": Reuters-21578 plus corpus/):

1. `originals`: load Reuters-21578 and corpus/ with `--no-nlp`, take ORIGINALS articles with a real body,
   and run `news-archive extract` on their stored bodies once. Kept in benchmarks/data/originals.jsonl.
2. `write_input(n)`: n new articles as JSON Lines. Article i (a seeded recipe, so the same i is always
   the same article) is one original's paragraphs followed by a few paragraphs of another; it gets a unique
   URL and title, a date spread over ten years and one of several sources (each printing dates its own way:
   ISO with Z, ISO with an offset, RFC 2822), a section and a byline.
3. `annotate(db, n)`: after `news-archive load … --no-nlp`, every stored article gets the mentions, quotes
   and locations of the paragraphs it was made of, their offsets shifted to where each paragraph sits in
   the stored body; entities, places and their counts are then refreshed by the store's own finishers.
4. `replicate(base, n)`: past BASE (100,000) articles, loading and annotating each would take this machine
   hours, so the archive is the BASE archive plus copies of it made in SQL: each copy's articles get their
   own URL, id, title number and date (the bodies, and so the annotations' offsets, are the originals'),
   and the FTS index, indexes and counts are built once at the end. Copies share their originals' bodies
   (a search finds each body once per copy); no article_bands rows are written for them (a later load's
   near-duplicate check finds the original, whose body is the same).
Every built archive is checked: every 50th mention, quote and place must index its article's text.

    .venv/bin/python benchmarks/generate.py 100000      # writes benchmarks/data/generated-100000/
    .venv/bin/python benchmarks/generate.py 100000 --db benchmarks/data/bench-100000.db   # and loads it
    .venv/bin/python benchmarks/generate.py 1000000 --db benchmarks/data/bench-1000000.db  # copies of the 100k
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks/data"
ORIGINALS_FILE = DATA / "originals.jsonl"
ORIGINALS = 2000
MIN_ORIGINAL_WORDS = 60
FILE_ARTICLES = 10_000  # articles per generated JSON Lines file
CLI = Path(sys.executable).with_name("news-archive")
START = datetime(2015, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = 10 * 365 * 86400
# (source name as the records give it, URL host, how it prints dates, its UTC offset in hours)
SOURCES = [
    ("Reuters", "www.reuters.com", "iso_z", 0),
    ("South China Morning Post", "www.scmp.com", "iso_offset", 8),
    ("Associated Press", "apnews.com", "rfc2822", -5),
    ("Agence France-Presse", "www.afp.com", "iso_offset", 1),
    ("The Guardian", "www.theguardian.com", "iso_offset", 0),
    ("Nikkei Asia", "asia.nikkei.com", "iso_offset", 9),
]
SECTIONS = ["Business", "World", "Markets", "Politics", "Commodities", "Technology", "Energy", "Asia"]
BYLINES = ["Staff reporter", "Wire desk", "Economics correspondent", "Markets team", "Asia bureau",
           "Commodities desk", "Political editor", "Energy reporter"]


# ---------------------------------------------------------------- 1. originals

def build_originals(count: int = ORIGINALS) -> Path:
    """Load the real collections without NLP, extract `count` of them for real, keep body + output."""
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "originals.db"
        for path in (DATA / "reuters-21578", ROOT / "corpus"):
            subprocess.run([str(CLI), "load", str(path), "--db", str(db), "--no-nlp", "--quiet"], check=True,
                           stderr=subprocess.DEVNULL)
        rows = sqlite3.connect(db).execute(
            "select id, title, body, dateline from articles where word_count >= ? order by rowid limit ?",
            [MIN_ORIGINAL_WORDS, count]).fetchall()
        items = Path(tmp) / "items.jsonl"
        items.write_text("".join(json.dumps({"id": r[0], "title": r[1], "text": r[2], "dateline": r[3]}) + "\n"
                                 for r in rows), encoding="utf-8")
        found = subprocess.run([str(CLI), "extract", str(items), "--workers", "2"], check=True,
                               stdout=subprocess.PIPE, text=True).stdout.splitlines()
    partial = ORIGINALS_FILE.with_suffix(f".{os.getpid()}.partial")  # renamed whole: never half a file
    with partial.open("w", encoding="utf-8") as out:
        for (id_, title, body, _), line in zip(rows, found):
            out.write(json.dumps({"id": id_, "title": title, "body": body, **_paragraph_annotations(
                body, json.loads(line))}, ensure_ascii=False) + "\n")
    partial.replace(ORIGINALS_FILE)
    return ORIGINALS_FILE


def _paragraph_annotations(body: str, found: dict) -> dict:
    """The body's paragraphs, and each paragraph's annotations with offsets relative to its start
    (an annotation that spans two paragraphs is left out)."""
    paragraphs, starts, at = body.split("\n\n"), [], 0
    for paragraph in paragraphs:
        starts.append(at)
        at += len(paragraph) + 2
    per = [{"mentions": [], "quotes": [], "locations": []} for _ in paragraphs]
    for key in per[0]:
        for row in found.get(key) or []:
            index = _paragraph_of(starts, paragraphs, row)
            if index is not None:
                per[index][key].append(_shift(row, -starts[index]))
    return {"paragraphs": paragraphs, "annotations": per}


def _paragraph_of(starts, paragraphs, row) -> int | None:
    ends = [row["end"]] + ([row["speaker_end"]] if row.get("speaker_end") is not None else [])
    begins = [row["start"]] + ([row["speaker_start"]] if row.get("speaker_start") is not None else [])
    for index, start in enumerate(starts):
        if start <= min(begins) and max(ends) <= start + len(paragraphs[index]):
            return index
    return None


def _shift(row: dict, by: int) -> dict:
    shifted = dict(row)
    for key in ("start", "end", "speaker_start", "speaker_end"):
        if shifted.get(key) is not None:
            shifted[key] += by
    return shifted


def read_originals() -> list[dict]:
    if not ORIGINALS_FILE.exists():
        build_originals()
    return [json.loads(line) for line in ORIGINALS_FILE.open(encoding="utf-8")]


# ---------------------------------------------------------------- 2. generated input

PIECES = 4  # originals each new article takes paragraphs from


def recipe(i: int, count: int) -> dict:
    """Article i: which originals and paragraphs it is made of, and its metadata (seeded by i)."""
    rng = random.Random(i)
    return {"originals": rng.sample(range(count), PIECES), "windows": [rng.random() for _ in range(PIECES)],
            "lengths": [rng.randint(1, 2) for _ in range(PIECES)], "source": rng.randrange(len(SOURCES)),
            "seconds": rng.randrange(SPAN_SECONDS), "section": rng.choice(SECTIONS), "byline": rng.choice(BYLINES)}


def parts_of(plan: dict, originals: list[dict]) -> list[tuple[int, int]]:
    """(original, paragraph) pairs in body order: the first original's lede (one or two paragraphs), then
    one or two paragraphs from each of three others. Two articles rarely share more than a paragraph, so
    they are near-duplicates only by chance (a million articles from 3,000 originals that shared half
    their text would be mostly near-duplicates, which no real archive is)."""
    parts = []
    for index, original in enumerate(plan["originals"]):
        paragraphs = len(originals[original]["paragraphs"])
        start = 0 if index == 0 else int(plan["windows"][index] * paragraphs)
        parts += [(original, p) for p in range(start, min(start + plan["lengths"][index], paragraphs))]
    return parts


def article(i: int, originals: list[dict]) -> dict:
    plan = recipe(i, len(originals))
    name, host, style, hours = SOURCES[plan["source"]]
    when = (START + timedelta(seconds=plan["seconds"])).astimezone(timezone(timedelta(hours=hours)))
    first, second = (originals[o] for o in plan["originals"][:2])
    title = f"{first['title']} — {second['title'].split(' ')[0].capitalize()} {i:,}"
    body = "\n\n".join(originals[o]["paragraphs"][p] for o, p in parts_of(plan, originals))
    return {"url": _url(i, plan), "source": name, "title": title,
            "published_at": _date_text(when, style), "section": plan["section"], "byline": plan["byline"],
            "body": body}


def _date_text(when: datetime, style: str) -> str:
    if style == "iso_z":
        return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "rfc2822":
        return when.strftime("%a, %d %b %Y %H:%M:%S %z")
    return when.isoformat(timespec="seconds")


def input_dir(n: int) -> Path:
    return DATA / f"generated-{n}"


def write_input(n: int, originals: list[dict]) -> Path:
    folder = input_dir(n)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, FILE_ARTICLES):
        path = folder / f"articles-{start // FILE_ARTICLES:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(start, min(start + FILE_ARTICLES, n)):
                out.write(json.dumps(article(i, originals), ensure_ascii=False) + "\n")
    return folder


# ---------------------------------------------------------------- 3. annotations

def annotate(db_path: Path, n: int, originals: list[dict]) -> dict:
    """Replicate the originals' annotations into every generated article stored in db_path."""
    from functools import lru_cache

    from loader import store
    from loader.store.entities import entity_id as uncached

    entity_id = lru_cache(maxsize=None)(uncached)  # a million articles name the same few entities
    from loader.store.fts import indexed_afterwards

    db = store.open_db(str(db_path))
    ids = dict(db.execute("select url, id from articles"))
    counts = {"articles": 0, "mentions": 0, "quotes": 0, "locations": 0}
    places = {}
    # Indexes of the annotation tables are dropped and made again at the end (ensure_db_shape makes
    # whatever is missing): a million articles' mentions go in ~3x faster into bare tables.
    dropped = [name for (name,) in db.execute(
        "select name from sqlite_master where type = 'index' and tbl_name in ('mentions', 'quotes', 'locations') "
        "and sql is not null")]
    with db.atomic(), indexed_afterwards(db, "quotes", store.FTS["quotes"]):
        for name in dropped:
            db.execute(f"drop index [{name}]")
        for start in range(0, n, FILE_ARTICLES):
            batch = {"mentions": [], "quotes": [], "locations": [], "entities": [], "tags": [], "source_of": {}}
            plans = {i: recipe(i, len(originals)) for i in range(start, min(start + FILE_ARTICLES, n))}
            wanted = {i: ids.get(_url(i, plans[i])) for i in plans}
            stored = {row[0]: row[1:] for row in db.execute(
                f"select id, body, source_id from articles where id in ({','.join('?' * len(wanted))})",
                list(wanted.values()))}
            for i, article_id in wanted.items():
                if article_id in stored:
                    body, batch["source_of"][article_id] = stored[article_id]
                    _annotate_one(article_id, body, plans[i], originals, batch, places)
                    counts["articles"] += 1
            _write_batch(db, batch, entity_id)
            for key in ("mentions", "quotes", "locations"):
                counts[key] += len(batch[key])
        db.conn.executemany("insert or replace into places (id, name, feature_code, country_code, admin1, "
                            "latitude, longitude, population) values (?,?,?,?,?,?,?,?)", places.values())
    store.ensure_db_shape(db)  # the indexes again
    with db.atomic():
        db.execute("update places set article_count = (select count(distinct article_id) from locations "
                   "where place_id = places.id)")
        db.execute("update quotes set speaker_entity_id = null where speaker_entity_id is not null and "
                   "speaker_entity_id not in (select id from entities)")  # a speaker no mention names
        # Entity counts in SQL: refresh_entities would also pick display names and aliases, mention by
        # mention in Python (~1 s per 10,000 articles); the generated archive keeps the first-seen name.
        db.execute("update entities set mention_count = (select count(*) from mentions where entity_id = entities.id), "
                   "article_count = (select count(distinct article_id) from mentions where entity_id = entities.id)")
    started = time.monotonic()
    store.finish_load(db, store.start_load(db, ["benchmarks/generate.py", "annotate"]), {})
    counts["finish_seconds"] = round(time.monotonic() - started, 1)
    return counts


def _url(i: int, plan: dict) -> str:
    _, host, _, hours = SOURCES[plan["source"]]
    when = (START + timedelta(seconds=plan["seconds"])).astimezone(timezone(timedelta(hours=hours)))
    return f"https://{host}/{when:%Y/%m/%d}/story-{i}"


def _annotate_one(article_id, body, plan, originals, batch, places) -> None:
    at, names, countries = 0, set(), set()
    for o, p in parts_of(plan, originals):
        paragraph = originals[o]["paragraphs"][p]
        where = body.find(paragraph, at)
        if where < 0:
            continue  # the loader re-shaped this paragraph: its annotations would not fit
        at = where + len(paragraph)
        found = originals[o]["annotations"][p]
        for row in found["mentions"]:
            row = _shift(row, where)
            batch["mentions"].append((article_id, row["entity"], row["type"], row["text"], row["start"],
                                      row["end"], row.get("sentence"), row.get("role")))
        for row in found["quotes"]:
            row = _shift(row, where)
            batch["quotes"].append((article_id, row))
        for row in found["locations"]:
            row = _shift(row, where)
            places[row["geonameid"]] = (row["geonameid"], row["name"], row.get("feature_code"),
                                        row.get("country_code"), row.get("admin1"), row.get("latitude"),
                                        row.get("longitude"), row.get("population"))
            batch["locations"].append((article_id, row["geonameid"], row["text"], row["start"], row["end"],
                                       int(bool(row.get("is_dateline"))), row.get("score")))
            names.add(row["name"])
            countries.update([row["country_code"]] if row.get("country_code") else [])
    if names:
        batch["tags"].append((json.dumps(sorted(names), ensure_ascii=False), json.dumps(sorted(countries)),
                              article_id))


def _write_batch(db, batch: dict, entity_id) -> None:
    entities, mentions = {}, []
    for article_id, name, type_, text, start, end, sentence, role in batch["mentions"]:
        key = entity_id(name, type_)
        entities.setdefault(key, (key, name, type_))
        mentions.append((article_id, key, name, text, type_, start, end, sentence, role))
    db.conn.executemany("insert or ignore into entities (id, name, type, aliases) values (?, ?, ?, '[]')",
                        entities.values())
    db.conn.executemany("insert into mentions (article_id, entity_id, entity_name, text, type, start, [end], "
                        "sentence, role) values (?,?,?,?,?,?,?,?,?)", mentions)
    quotes = [(article_id, row.get("content"), row.get("direct"), row.get("speaker"), row.get("speaker_text"),
               row.get("speaker_role"), row.get("cue"), row["start"], row["end"], row.get("speaker_start"),
               row.get("speaker_end"),
               entity_id(row["speaker"], row.get("speaker_type") or "PERSON") if row.get("speaker") else None)
              for article_id, row in batch["quotes"]]
    db.conn.executemany("insert into quotes (article_id, content, direct, speaker, speaker_text, speaker_role, "
                        "cue, start, [end], speaker_start, speaker_end, speaker_entity_id, source_id) "
                        "values (?,?,?,?,?,?,?,?,?,?,?,?,?)", [(*row, batch["source_of"][row[0]]) for row in quotes])
    db.conn.executemany("insert into locations (article_id, place_id, text, start, [end], is_dateline, score) "
                        "values (?,?,?,?,?,?,?)", batch["locations"])
    db.conn.executemany("update articles set place_names = ?, country_codes = ? where id = ?", batch["tags"])


# ---------------------------------------------------------------- 4. a million: copies of the base archive

BASE = 100_000  # articles loaded and annotated for real; bigger archives are copies of this one
COPY_SHIFT = timedelta(days=36, seconds=3607)  # copy k is published k × this later (wrapping in the ten years)
STORY_URL = re.compile(r"^(?P<host>https?://[^/]+)/\d{4}/\d{2}/\d{2}/story-(?P<number>\d+)$")
TRAILING_NUMBER = re.compile(r" [\d,]+$")
# What each copy of an article changes; every other column (the body among them) is the original's.
CHANGED = ["id", "url", "title", "published_at", "published_month", "identity_key", "content_hash", "origin_path"]


def replicate(base_path: Path, n: int, out: Path) -> dict:
    """An archive of n articles: the base archive (BASE real, annotated articles) and n / BASE - 1 copies
    of it made in SQL, each article of copy k with its own URL, id, title number and a date k × COPY_SHIFT
    later, and its original's body, mentions, quotes and places (same offsets: the same body). Entity,
    place and quote-group counts are the base's times the copies; facet_counts is recomputed.
    The FTS index and the annotation indexes are built once at the end."""
    from loader import store
    from loader.store.fts import indexed_afterwards

    copies = n // BASE
    if n % BASE or copies < 2:
        raise SystemExit(f"{n:,} is not a multiple of {BASE:,} above it")
    building = out.with_name(out.name + ".building")
    _copy_file(base_path, building)
    db = store.open_db(str(building))
    # A rollback journal holds only the pages a transaction changes, and appended pages are new: the copies
    # go straight into the file instead of through gigabytes of write-ahead log. A crash leaves only the
    # .building file, made again from the start; the archive opens in WAL mode again below.
    db.execute("pragma journal_mode = delete")
    db.execute("pragma synchronous = off")
    timings, started = {}, time.monotonic()
    columns = list(db["articles"].columns_dict)
    big = ("articles", "mentions", "quotes", "locations", "article_origins")
    dropped = [name for (name,) in db.execute(
        f"select name from sqlite_master where type = 'index' and sql is not null and tbl_name in "
        f"({','.join('?' * len(big))})", big)]
    last = {table: db.execute(f"select max(rowid) from [{table}]").fetchone()[0] for table in big}
    with db.atomic(), indexed_afterwards(db, "articles", store.FTS["articles"]), \
            indexed_afterwards(db, "quotes", store.FTS["quotes"]):
        for name in dropped:
            db.execute(f"drop index [{name}]")
        db.execute("create temp table copy_ids (old text, k integer, new text, primary key (old, k)) without rowid")
        _copy_articles(db, columns, copies, last["articles"])
        timings["articles"] = round(time.monotonic() - started)
        _copy_annotations(db, last)
        timings["annotations"] = round(time.monotonic() - started)
        db.execute("update entities set article_count = article_count * ?, mention_count = mention_count * ?",
                   [copies, copies])
        db.execute("update places set article_count = article_count * ?", [copies])
        db.execute("update quote_groups set quote_count = quote_count * ?, article_count = article_count * ?",
                   [copies, copies])
    timings["fts"] = round(time.monotonic() - started)
    store.ensure_db_shape(db)  # the dropped indexes again
    timings["indexes"] = round(time.monotonic() - started)
    with db.atomic():
        store.refresh_counts(db)
    timings["counts"] = round(time.monotonic() - started)
    db.execute("pragma journal_mode = wal")
    db.conn.close()
    building.replace(out)
    return timings


def _copy_file(source: Path, target: Path) -> None:
    """A consistent copy of the base archive (its write-ahead log included) through SQLite's backup."""
    import sqlite3

    target.unlink(missing_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _copy_articles(db, columns: list[str], copies: int, last_rowid: int) -> None:
    """Copies 1 … copies-1 of every base article, 10,000 base articles at a time."""
    from loader import store

    listed = ", ".join(f"[{column}]" for column in columns)
    for start in range(0, last_rowid, FILE_ARTICLES):
        rows = db.execute(f"select {listed} from articles where rowid > ? and rowid <= ?",
                          [start, start + FILE_ARTICLES]).fetchall()
        new_rows, ids = [], []
        for k in range(1, copies):
            for values in rows:
                row = dict(zip(columns, values))
                copy = _copied(row, k)
                copy["content_hash"] = store._digest(*(copy[column] for column in store.CONTENT_COLUMNS))
                new_rows.append([copy.get(column, row[column]) for column in columns])
                ids.append((row["id"], k, copy["id"]))
        db.conn.executemany(f"insert into articles ({listed}) values ({','.join('?' * len(columns))})", new_rows)
        db.conn.executemany("insert into temp.copy_ids values (?, ?, ?)", ids)


def _copied(row: dict, k: int) -> dict:
    """What copy k of an article changes: date, URL (and so id), the number in its title."""
    published = _shifted(row["published_at"], k)
    match = STORY_URL.match(row["url"] or "")
    if not match:
        raise SystemExit(f"not a generated article: {row['url']}")
    number = int(match["number"]) + k * BASE
    url = f"{match['host']}/{published[:10].replace('-', '/')}/story-{number}"
    key = store_identity(url)
    return {**row, "url": url, "published_at": published, "published_month": published[:7], "id": key,
            "identity_key": key, "title": TRAILING_NUMBER.sub(f" {number:,}", row["title"] or ""),
            "origin_path": f"{row['origin_path']}#copy-{k}"}


def store_identity(url: str) -> str:
    from loader import store

    return store.identity_key(url, None, None, None, None, None)


def _shifted(published_at: str, k: int) -> str:
    when = datetime.fromisoformat(published_at)
    moved = START + (when - START + k * COPY_SHIFT) % timedelta(seconds=SPAN_SECONDS)
    return moved.astimezone(when.tzinfo).isoformat(timespec="seconds")


ANNOTATION_COPIES = {  # table → columns copied as they are (article_id is mapped to the copy's)
    "mentions": ["entity_id", "text", "type", "start", "end", "sentence", "role", "entity_name"],
    "quotes": ["source_id", "content", "direct", "speaker", "speaker_entity_id", "speaker_text", "speaker_role",
               "cue", "start", "end", "speaker_start", "speaker_end", "speaker_type", "group_id", "story_id"],
    "locations": ["place_id", "text", "start", "end", "is_dateline", "score"],
    "article_origins": ["origin_path", "position", "url", "loaded_at"],
}


def _copy_annotations(db, last: dict) -> None:
    for table, columns in ANNOTATION_COPIES.items():
        listed = ", ".join(f"[{column}]" for column in columns)
        copied = ", ".join(f"original.[{column}]" for column in columns)
        db.execute(f"insert into [{table}] (article_id, {listed}) select copy_ids.new, {copied} "
                   f"from [{table}] as original join temp.copy_ids on copy_ids.old = original.article_id "
                   f"where original.rowid <= ? order by copy_ids.k, original.rowid", [last[table]])


def check_offsets(db_path: Path, step: int = 50) -> dict:
    """Every step-th mention, quote and location must be the text its offsets point at in its article's body
    (quotes: content and speaker; a dateline location has no offsets). Raises SystemExit on any that is not."""
    import sqlite3

    checks = {
        "mentions": "substr(a.body, x.start + 1, x.[end] - x.start) = x.text",
        "quotes": "substr(a.body, x.start + 1, x.[end] - x.start) = x.content and (x.speaker_start is null or "
                  "substr(a.body, x.speaker_start + 1, x.speaker_end - x.speaker_start) = x.speaker_text)",
        "locations": "x.start is null or substr(a.body, x.start + 1, x.[end] - x.start) = x.text",
    }
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    found = {}
    for table, condition in checks.items():
        sql = (f"select count(*), coalesce(sum({condition}), 0) from [{table}] as x "
               f"join articles a on a.id = x.article_id where x.rowid % ? = 0")
        checked, right = conn.execute(sql, [step]).fetchone()
        if checked != right:
            raise SystemExit(f"{checked - right} of {checked} {table} checked do not index their article's text")
        found[table] = checked
    return found


# ---------------------------------------------------------------- command line

def load(folder: Path, db_path: Path) -> float:
    started = time.monotonic()
    subprocess.run([str(CLI), "load", str(folder), "--db", str(db_path), "--no-nlp", "--quiet"], check=True)
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="how many articles to generate")
    parser.add_argument("--db", type=Path, help="also load them (--no-nlp) into this file and annotate it")
    args = parser.parse_args()
    if args.db and args.n > BASE:
        base = DATA / f"bench-{BASE}.db"
        if not base.exists():
            build(BASE, base)
        started = time.monotonic()
        timings = replicate(base, args.n, args.db)
        print(f"copied {base.name} into {args.db} ({args.n:,} articles) in {time.monotonic() - started:.0f} s "
              f"(cumulative s: {timings})", flush=True)
    elif args.db:
        build(args.n, args.db)
    else:
        write_input(args.n, read_originals())
    if args.db:
        print(f"offsets checked: {check_offsets(args.db)}", flush=True)
    return 0


def build(n: int, db_path: Path) -> None:
    """n generated articles loaded (--no-nlp) into db_path and annotated."""
    started = time.monotonic()
    originals = read_originals()
    print(f"{len(originals)} originals ({time.monotonic() - started:.0f} s)", flush=True)
    started = time.monotonic()
    folder = write_input(n, originals)
    print(f"wrote {n:,} articles to {folder} ({time.monotonic() - started:.0f} s)", flush=True)
    print(f"loaded into {db_path} in {load(folder, db_path):.0f} s", flush=True)
    started = time.monotonic()
    counts = annotate(db_path, n, originals)
    print(f"annotated {counts} in {time.monotonic() - started:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
