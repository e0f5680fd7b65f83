"""Store stage: the schema (declared once, here) and one small save_* function per table."""
import hashlib
import json
from datetime import datetime, timezone

import sqlite_utils

from ..model import Article
from . import migrations
from .duplicates import save_fingerprint  # noqa: F401  (part of the store's interface)
from .lock import LOCK_SUFFIX

# table → (columns, primary key, foreign keys). Names are the contract in DESIGN.md.
TABLES = {
    "sources": ({"id": str, "name": str, "homepage": str, "language": str, "timezone": str}, "id", []),
    "stories": ({"id": int, "label": str, "first_published": str, "article_count": int, "source_count": int},
                "id", []),
    "articles": ({
        "id": str, "source_id": str, "url": str, "title": str, "title_derived": int, "subtitle": str,
        "section": str, "byline": str, "authors": str, "dateline": str, "published_at": str,
        "published_month": str, "updated_at": str, "body": str, "word_count": int, "language": str,
        "credits": str, "related_headlines": str, "content_hash": str, "story_id": int,
        "origin_path": str, "origin_format": str, "loaded_at": str, "near_duplicate_of": str,
        "near_duplicate_score": float, "place_names": str, "country_codes": str,
    }, "id", [("source_id", "sources", "id"), ("story_id", "stories", "id"), ("near_duplicate_of", "articles", "id")]),
    "entities": ({"id": str, "name": str, "type": str, "aliases": str, "article_count": int,
                  "mention_count": int}, "id", []),
    "mentions": ({"id": int, "article_id": str, "entity_id": str, "text": str, "type": str, "start": int,
                  "end": int, "sentence": int, "role": str, "entity_name": str}, "id",
                 [("article_id", "articles", "id"), ("entity_id", "entities", "id")]),
    "quotes": ({"id": int, "article_id": str, "source_id": str, "content": str, "direct": int, "speaker": str,
                "speaker_entity_id": str, "speaker_text": str, "speaker_role": str, "cue": str, "start": int,
                "end": int, "speaker_start": int, "speaker_end": int}, "id",
               [("article_id", "articles", "id"), ("source_id", "sources", "id"),
                ("speaker_entity_id", "entities", "id")]),
    "places": ({"id": int, "name": str, "feature_code": str, "country_code": str, "admin1": str,
                "latitude": float, "longitude": float, "population": int, "article_count": int}, "id", []),
    "locations": ({"id": int, "article_id": str, "place_id": int, "text": str, "start": int, "end": int,
                   "is_dateline": int, "score": float}, "id",
                  [("article_id", "articles", "id"), ("place_id", "places", "id")]),
    "article_origins": ({"article_id": str, "origin_path": str, "position": str, "url": str,
                         "loaded_at": str}, ("article_id", "origin_path", "position"),
                        [("article_id", "articles", "id")]),
    "loads": ({"id": int, "started_at": str, "finished_at": str, "arguments": str, "files": int,
               "inserted": int, "updated": int, "unchanged": int, "duplicates": int, "near_duplicates": int,
               "errors": int}, "id", []),
    # MinHash LSH bands of each article's body, for finding near-duplicates (store/duplicates.py).
    "article_bands": ({"band": str, "article_id": str}, ("band", "article_id"), [("article_id", "articles", "id")]),
    "load_errors": ({"id": int, "load_id": int, "origin_path": str, "position": str, "reason": str,
                     "raw": str}, "id", [("load_id", "loads", "id")]),
}
FTS = {
    "articles": ["title", "subtitle", "body"],
    "quotes": ["content", "speaker"],
}
FTS_TOKENIZER = "porter unicode61"
# Foreign keys are indexed by ensure_db_shape; these are the other columns people facet or sort on.
INDEXES = {
    "articles": [["section"], ["published_month"], ["language"], ["published_at"], ["content_hash"], ["url"]],
    "entities": [["type"], ["name"], ["article_count"]],
    "mentions": [["type"]],
    "quotes": [["speaker"], ["direct"]],
    "places": [["country_code"], ["feature_code"], ["admin1"], ["article_count"]],
    "locations": [["is_dateline"]],
    "load_errors": [["reason"]],
}
# SQL views, created by ensure_db_shape when missing (name → select).
VIEWS = {
    # Places with how many articles and mentions name them, for the map and for "where is the news".
    "place_articles": """select places.id, places.name, places.feature_code, places.country_code, places.admin1,
    places.latitude, places.longitude, count(distinct locations.article_id) as article_count,
    count(*) as mention_count, sum(locations.is_dateline) as dateline_count
from places join locations on locations.place_id = places.id
group by places.id""",
}
# A record that fails lands in load_errors with at most this much of its raw text.
RAW_ERROR_CHARS = 10_000
# Columns that make up an article's content: a change in any of them is an update.
CONTENT_COLUMNS = ["source_id", "url", "title", "title_derived", "subtitle", "section", "byline", "authors",
                   "dateline", "published_at", "updated_at", "body", "language", "credits", "related_headlines"]


def open_db(path: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL still commits each file atomically; it skips the fsync per transaction, which
    # only matters for the last commits before a power cut, and costs ~5 ms per one-article file.
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=30000")
    ensure_db_shape(db)
    return db


def database_files(db) -> list[str]:
    main = db.conn.execute("pragma database_list").fetchone()[2]
    return [main + suffix for suffix in ("", "-wal", "-shm", "-journal", LOCK_SUFFIX)] if main else []


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create whatever is missing (tables, columns, FTS with its triggers, indexes), then run the
    versioned migrations an older archive has not had; all in one transaction, safe on every open."""
    migrations.check_not_newer(db)
    with db.atomic():
        fresh = not db["articles"].exists()
        for name, (columns, pk, foreign_keys) in TABLES.items():
            table = db[name]
            if not table.exists():
                table.create(columns, pk=pk, foreign_keys=foreign_keys, not_null=_pk_columns(pk))
            for column, kind in columns.items():
                if column not in table.columns_dict:
                    table.add_column(column, kind)
        for name, columns in FTS.items():  # recreated (and refilled) if its columns or triggers differ
            db[name].enable_fts(columns, tokenize=FTS_TOKENIZER, create_triggers=True, replace=True)
        for name, (columns, pk, foreign_keys) in TABLES.items():
            wanted = [[fk[0]] for fk in foreign_keys] + INDEXES.get(name, [])
            for index_columns in wanted:
                db[name].create_index(index_columns, if_not_exists=True)
        for name, select in VIEWS.items():
            db.create_view(name, select, ignore=True)
        migrations.migrate(db, fresh)


def _pk_columns(pk) -> set:
    return set(pk) if isinstance(pk, tuple) else {pk}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(p or "") for p in parts).encode("utf-8")).hexdigest()


def article_id(article: Article) -> str:
    """Stable identity: the URL if known, else source + title + date, else source + lede.

    Content may change under the same identity (a corrected article), which is an update.
    """
    if article.url:
        key = ("url", article.url.strip().rstrip("/"))
    elif article.title and not article.title_derived:
        key = ("title", article.source_id, article.title.lower(), (article.published_at or "")[:10])
    else:
        key = ("lede", article.source_id, article.body[:300])
    return _digest(*key)[:16]


def article_row(article: Article) -> dict:
    row = {column: getattr(article, column) for column in CONTENT_COLUMNS}
    row["authors"] = json.dumps(article.authors, ensure_ascii=False)
    row["related_headlines"] = json.dumps(article.related_headlines, ensure_ascii=False)
    row["content_hash"] = _digest(*(row[column] for column in CONTENT_COLUMNS))
    row["id"] = article_id(article)
    row["word_count"] = len(article.body.split())
    row["published_month"] = (article.published_at or "")[:7] or None
    row["origin_path"] = article.origin_path
    row["origin_format"] = article.origin_format
    return row


def save_source(db, profile) -> str:
    _insert_or_ignore(db, "sources", profile.source_row())
    return profile.id


def _insert_or_ignore(db, table: str, row: dict) -> None:
    """One row, in plain SQL: called per article, where sqlite-utils' helpers would re-read the schema."""
    columns = ", ".join(f"[{name}]" for name in row)
    db.execute(f"insert or ignore into [{table}] ({columns}) values ({', '.join('?' * len(row))})",
               list(row.values()))


def save_article(db, article: Article, loaded_at: str, only_if_newer: bool = False) -> tuple[str, str]:
    """Insert, update in place, or leave alone; returns (article id, one of
    'inserted' / 'updated' / 'unchanged' / 'duplicate').

    Changed content replaces the stored version unless it says it is older; with `only_if_newer` (a
    second arrival within one load) only if it says it is newer, so that loading the same input again
    changes nothing whichever of two same-age versions came first."""
    row = article_row(article)
    existing = next(db.query("select content_hash, published_at, updated_at from articles where id = ?", [row["id"]]),
                    None)
    if existing is None:
        twin = next(db.query("select id from articles where content_hash = ?", [row["content_hash"]]), None)
        if twin:
            save_origin(db, twin["id"], article, loaded_at)
            return twin["id"], "duplicate"
        db["articles"].insert({**row, "loaded_at": loaded_at})
        status = "inserted"
    elif existing["content_hash"] == row["content_hash"]:
        status = "unchanged" if _has_origin(db, row["id"], article) else "duplicate"
    elif _age(row, existing) < 0 or (only_if_newer and _age(row, existing) <= 0):
        status = "duplicate"  # an earlier snapshot of a page we hold a later version of: origin only
    else:
        db["articles"].update(row["id"], {**row, "loaded_at": loaded_at})
        status = "updated"
    save_origin(db, row["id"], article, loaded_at)
    return row["id"], status


def _age(new: dict, stored: dict) -> int:
    """1 if `new` says it is a later version than `stored` (by update, else publication time), -1 if an
    earlier one, 0 if the same or there is no telling."""
    def when(row):
        try:
            return datetime.fromisoformat(row["updated_at"] or row["published_at"] or "")
        except ValueError:
            return None
    new_time, stored_time = when(new), when(stored)
    try:
        return 0 if not (new_time and stored_time) else (new_time > stored_time) - (new_time < stored_time)
    except TypeError:  # one has an offset, the other not: no order to go by
        return 0


def _has_origin(db, article_id_: str, article: Article) -> bool:
    return bool(db.execute("select 1 from article_origins where article_id = ? and origin_path = ? and position = ?",
                           [article_id_, article.origin_path, article.position]).fetchone())


def save_origin(db, article_id_: str, article: Article, loaded_at: str) -> None:
    _insert_or_ignore(db, "article_origins", {"article_id": article_id_, "origin_path": article.origin_path,
                                              "position": article.position, "url": article.url,
                                              "loaded_at": loaded_at})


def replace_article_rows(db, table: str, article_id_: str, rows: list[dict]) -> None:
    """Extraction output for one article replaces whatever an earlier load stored for it."""
    db.execute(f"delete from [{table}] where article_id = ?", [article_id_])
    if rows:
        db[table].insert_all([{**row, "article_id": article_id_} for row in rows])


def start_load(db, arguments: list[str]) -> int:
    return db["loads"].insert({"started_at": now(), "arguments": json.dumps(arguments)}).last_pk


def finish_load(db, load_id: int, counts: dict) -> None:
    with db.atomic():
        for finish in FINISHERS:
            finish(db)
    db["loads"].update(load_id, {"finished_at": now(), **counts})


def save_load_error(db, load_id: int, origin_path: str, position: str, reason: str, raw: str | None) -> int:
    return db["load_errors"].insert({
        "load_id": load_id, "origin_path": origin_path, "position": position, "reason": reason,
        "raw": raw[:RAW_ERROR_CHARS] if raw else None,
    }).last_pk


def stored_hashes(db, ids: list[str]) -> dict:
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update((row["id"], row["content_hash"]) for row in
                     db.query(f"select id, content_hash from articles where id in ({marks})", chunk))
    return found


def save_extraction(db, article_id_: str, found: dict) -> None:
    """Store one article's `extract` output; each kind is saved by its own module under store/."""
    for key, save in SAVERS.items():
        save(db, article_id_, found.get(key) or [])


# extract key → save function(db, article_id, rows); filled in as mentions, quotes and places land.
# Mentions first: quotes link their speakers to the entities it stores.
SAVERS: dict = {}
# Run once at the end of every load, after the last file's transaction: work that is cheaper done
# once for all articles (refreshing entity counts); each must also finish what an interrupted load left.
FINISHERS: list = []

from . import entities  # noqa: E402 - registers save_mentions and refresh_entities
from .quotes import save_quotes  # noqa: E402  (the savers use the helpers above)

SAVERS["quotes"] = save_quotes

from .places import save_locations  # noqa: E402

SAVERS["locations"] = save_locations
