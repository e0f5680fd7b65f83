"""Store stage: the schema (declared once, here) and one small save_* function per table."""
import hashlib
import json
import sqlite3
from datetime import datetime, timezone

import sqlite_utils

from ..model import Article
from ..schema import FAILED, FTS, FTS_TOKENIZER, INDEXES, TABLES, VIEWS  # noqa: F401  (the store's interface)
from . import duplicates, migrations
from .counts import create_table as create_count_table, refresh_counts
from .duplicates import save_fingerprint, shingles  # noqa: F401  (save_fingerprint: the store's interface)
from .entities import merge_short_forms, refresh_entities, save_mentions
from .firm_types import type_firms
from .fts import narrow_update_trigger
from .gpe_places import split_by_place
from ..lock import LOCK_SUFFIX
from .places import save_locations
from .provenance import refresh_provenance
from .quotes import save_quotes
from .rows import finisher_pass, insert_or_ignore, replace_article_rows  # noqa: F401  (part of the store's interface)
from .stories import refresh_stories
from .uses import retype_uses

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
    # 64 MB of page cache instead of SQLite's 2 MB: a big archive's indexes (ids, hashes, identity keys,
    # bands) are written at random places, and each miss is a read from the OS (perf, issue 13).
    db.execute("PRAGMA cache_size=-65536")
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
        duplicates.create_table(db)  # if missing: sqlite-utils would make it a rowid table
        for name, (columns, pk, foreign_keys) in TABLES.items():
            table = db[name]
            if not table.exists():
                table.create(columns, pk=pk, foreign_keys=foreign_keys, not_null=_pk_columns(pk))
            for column, kind in columns.items():
                if column not in table.columns_dict:
                    table.add_column(column, kind)
        for name, columns in FTS.items():  # recreated (and refilled) if its columns or triggers differ
            db[name].enable_fts(columns, tokenize=FTS_TOKENIZER, create_triggers=True, replace=True)
            narrow_update_trigger(db, name, columns)
        for name, (_, pk, foreign_keys) in TABLES.items():
            for index_columns in _wanted_indexes(name, pk, foreign_keys):
                db[name].create_index(index_columns, if_not_exists=True)
        for name, select in VIEWS.items():
            db.create_view(name, select, ignore=True)
        create_count_table(db)
        migrations.migrate(db, fresh)


def _wanted_indexes(name: str, pk, foreign_keys) -> list[list[str]]:
    """INDEXES, and one index for each foreign key that no index (nor the primary key) already leads with:
    article_origins and versions by their primary key, mentions by (entity_id, article_id)."""
    listed = INDEXES.get(name, [])
    leading = {_pk_columns_in_order(pk)[0]} | {columns[0] for columns in listed}
    return [[fk[0]] for fk in foreign_keys if fk[0] not in leading] + listed


def _pk_columns_in_order(pk) -> list:
    return list(pk) if isinstance(pk, tuple) else [pk]


def _pk_columns(pk) -> set:
    return set(pk) if isinstance(pk, tuple) else {pk}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(p or "") for p in parts).encode("utf-8")).hexdigest()


def identity_key(url, source_id, title, title_derived, published_at, body) -> str:
    """What names an article: the URL if known, else source + title + publication time (the day when no
    time is given), else source + lede. Two articles may share a key (two "Markets wrap" items of one
    day without times): save_article tells them apart by their bodies."""
    if url:
        key = ("url", url.strip().rstrip("/"))
    elif title and not title_derived:
        key = ("title", source_id, title.lower(), _when(published_at))
    else:
        key = ("lede", source_id, (body or "")[:300])
    return _digest(*key)[:16]


def _when(published_at: str | None) -> str:
    """A publication time names the article down to its time when it has one, else its day."""
    value = published_at or ""
    return value if len(value) > 10 else value[:10]


def article_id(article: Article) -> str:
    """The id of the first article stored under this identity (later, different stories under the same
    key get ids of their own, see save_article)."""
    return identity_key(article.url, article.source_id, article.title, article.title_derived,
                        article.published_at, article.body)


def article_row(article: Article) -> dict:
    row = {column: getattr(article, column) for column in CONTENT_COLUMNS}
    row["authors"] = _json_list(article.authors)
    row["related_headlines"] = _json_list(article.related_headlines)
    row["content_hash"] = _digest(*(row[column] for column in CONTENT_COLUMNS))
    row["identity_key"] = article_id(article)
    row["word_count"] = len(article.body.split())
    row["published_month"] = (article.published_at or "")[:7] or None
    row["origin_path"] = article.origin_path
    row["origin_format"] = article.origin_format
    return row


def _json_list(items: list) -> str:
    return json.dumps(items, ensure_ascii=False) if items else "[]"


def save_source(db, profile) -> str:
    insert_or_ignore(db, "sources", profile.source_row())
    return profile.id


def save_article(db, article: Article, loaded_at: str) -> tuple[str, str]:
    """Insert, update, keep as an earlier version, or leave alone; returns (article id, one of
    'inserted' / 'updated' / 'unchanged' / 'duplicate').

    Content already held (as the current or an earlier version of any article) changes nothing but
    the origins. Otherwise the stored article this is a version of (same identity key and, without a
    URL, a body that is a near-duplicate or an extension of the stored one) is updated — unless the new
    content says it is older, when it is kept as an earlier version only. The later arrival wins when
    their times do not tell. Anything else is a new article, with an id of its own. An update clears
    the article's extraction (mentions, quotes, places index the old body) and marks it pending."""
    row = article_row(article)
    holder = _holder_of(db, row["content_hash"])
    if holder:
        status = "unchanged" if _has_origin(db, holder, article) else "duplicate"
        save_origin(db, holder, article, loaded_at)
        return holder, status
    stored = _version_of(db, row)
    if stored is None:
        row["id"] = _free_id(db, row)
        db["articles"].insert({**row, "loaded_at": loaded_at})
        status = "inserted"
    elif _age(row, stored) < 0:
        save_version(db, stored["id"], {**row, "loaded_at": loaded_at})
        row["id"], status = stored["id"], "duplicate"  # an earlier snapshot of a page we hold a later version of
    else:
        save_version(db, stored["id"], stored)
        row["id"], status = stored["id"], "updated"
        db["articles"].update(row["id"], {**row, "loaded_at": loaded_at, "extracted_with": None})
        save_extraction(db, row["id"], {})
    save_origin(db, row["id"], article, loaded_at)
    return row["id"], status


def _holder_of(db, content_hash: str) -> str | None:
    """The article whose current or earlier content this is."""
    found = db.execute("select id from articles where content_hash = ?", [content_hash]).fetchone()
    found = found or db.execute("select article_id from article_versions where content_hash = ? "
                                "order by article_id limit 1", [content_hash]).fetchone()
    return found[0] if found else None


# Whether a body under a stored article's identity key is that article again (edited, grown or cut) or
# another story: compared as sets of word pairs, which one edited word changes little and two stories
# on one subject share little of.
KIN_WORDS = 2
VERSION_CONTAINMENT = 0.8  # this share of the shorter body's word pairs is in the longer one: grown or cut
VERSION_SIMILARITY = 0.6  # or this Jaccard similarity: edited in place


def _version_of(db, row: dict) -> dict | None:
    """The stored article `row` is a new or old version of, if any."""
    candidates = list(db.query("select * from articles where identity_key = ? order by rowid", [row["identity_key"]]))
    if row["url"] or not candidates:
        return candidates[0] if candidates else None
    parts = shingles(row["body"], KIN_WORDS)
    scored = [(_kinship(parts, shingles(candidate["body"] or "", KIN_WORDS)), candidate) for candidate in candidates]
    best = max(scored, key=lambda pair: pair[0])
    return best[1] if best[0] > 0 else None


def _kinship(a: set, b: set) -> float:
    """How much two bodies are one article: their Jaccard similarity when one contains most of the other
    or they are alike enough, else 0."""
    if not a or not b:
        return float(a == b)
    shared = len(a & b)
    containment, jaccard = shared / min(len(a), len(b)), shared / len(a | b)
    return jaccard if containment >= VERSION_CONTAINMENT or jaccard >= VERSION_SIMILARITY else 0.0


def _free_id(db, row: dict) -> str:
    """The identity key, unless another story holds it: then a hash of the key and this content."""
    if not db.execute("select 1 from articles where id = ?", [row["identity_key"]]).fetchone():
        return row["identity_key"]
    return _digest(row["identity_key"], row["content_hash"])[:16]


def save_version(db, article_id_: str, row: dict) -> int:
    """Keep one content of an article in article_versions; returns its version number."""
    number = db.execute("select coalesce(max(version), 0) + 1 from article_versions where article_id = ?",
                        [article_id_]).fetchone()[0]
    insert_or_ignore(db, "article_versions", {
        "article_id": article_id_, "version": number, "content_hash": row["content_hash"], "title": row["title"],
        "subtitle": row["subtitle"], "body": row["body"], "published_at": row["published_at"],
        "updated_at": row["updated_at"], "loaded_at": row["loaded_at"], "origin_path": row["origin_path"]})
    return number


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
    insert_or_ignore(db, "article_origins", {"article_id": article_id_, "origin_path": article.origin_path,
                                             "position": article.position, "url": article.url,
                                             "loaded_at": loaded_at})


def start_load(db, arguments: list[str]) -> int:
    return db["loads"].insert({"started_at": now(), "arguments": json.dumps(arguments)}).last_pk


def finish_load(db, load_id: int, counts: dict) -> None:
    with db.atomic(), finisher_pass(db):
        for finish in FINISHERS:
            finish(db)
    db["loads"].update(load_id, {"finished_at": now(), **counts})


def save_load_error(db, load_id: int, origin_path: str, position: str, reason: str, raw: str | None) -> int:
    # Plain SQL: a file of many bad records calls this per record, and sqlite-utils' insert re-reads the schema.
    return db.execute("insert into load_errors (load_id, origin_path, position, reason, raw) values (?, ?, ?, ?, ?)",
                      [load_id, origin_path, position, reason, raw[:RAW_ERROR_CHARS] if raw else None]).lastrowid




PENDING = "from articles where (extracted_with is null or extracted_with not in (?, ?))"


def pending_extraction(db, version: str, after: int = 0, limit: int = -1) -> list[int]:
    """Rowids of the articles whose extraction is not from `version`, oldest first: those after rowid `after`,
    at most `limit` of them (all with -1), so that a caller can page through a million without holding them."""
    return [row[0] for row in db.execute(f"select rowid {PENDING} and rowid > ? order by rowid limit ?",
                                         [version, FAILED + version, after, limit])]


def count_pending(db, version: str) -> int:
    return db.execute(f"select count(*) {PENDING}", [version, FAILED + version]).fetchone()[0]


def extraction_inputs(db, rowids: list[int]) -> list[dict]:
    """The `extract` contract's input for these articles (with content_hash, to check on saving)."""
    rows = db.query(f"select id, content_hash, body, title, subtitle, dateline, published_at, related_headlines "
                    f"from articles where rowid in ({','.join('?' * len(rowids))}) order by rowid", rowids)
    return [{"id": row["id"], "content_hash": row["content_hash"], "text": row["body"], "title": row["title"],
             "subtitle": row["subtitle"], "dateline": row["dateline"], "published_at": row["published_at"],
             "related_headlines": json.loads(row["related_headlines"] or "[]")} for row in rows]


def save_extraction(db, article_id_: str, found: dict) -> None:
    """Store one article's `extract` output; each kind is saved by its own module under store/."""
    for key, save in SAVERS.items():
        save(db, article_id_, found.get(key) or [])


def save_extracted(db, item: dict, found: dict, version: str) -> bool:
    """Save an extraction result if the article still has the content it was made from; returns whether
    it was saved. A result with an `error` marks the article failed for this version."""
    current = db.execute("select content_hash from articles where id = ?", [item["id"]]).fetchone()
    if not current or current[0] != item["content_hash"]:
        return False
    if found.get("error"):
        mark_failed(db, item["id"], version)
        return False
    save_extraction(db, item["id"], found)
    db.execute("update articles set extracted_with = ? where id = ?", [version, item["id"]])
    return True


def mark_failed(db, article_id_: str, version: str) -> None:
    db.execute("update articles set extracted_with = ? where id = ?", [FAILED + version, article_id_])


# SQLite primary result codes that mean the database file, not the record, is the problem.
FATAL_SQLITE_CODES = {5, 6, 8, 10, 11, 13, 14, 26}  # BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB


def is_fatal(error: Exception) -> bool:
    """Errors of the database file itself (disk full, locked, read-only, corrupt) stop the load."""
    return isinstance(error, sqlite3.Error) and (getattr(error, "sqlite_errorcode", 0) & 0xFF) in FATAL_SQLITE_CODES


# extract key → save function(db, article_id, rows). Mentions first: quotes link their speakers to the
# entities it stores, and places are independent of both.
SAVERS = {
    "mentions": save_mentions,
    "quotes": save_quotes,
    "locations": save_locations,
}
# Run once at the end of every load, after the last file's transaction and the extraction: work that is
# cheaper done once for all articles; each must also finish what an interrupted load left.
FINISHERS = [
    refresh_entities,  # counts, names and aliases of the entities whose mentions changed
    merge_short_forms,  # after the counts: a short form joins the one full entity the archive holds for it
    type_firms,  # after the merges: people the archive writes only as firms are organisations; their quotes follow
    retype_uses,  # after the merges: names the archive writes as laws or offices (reads the merged entity ids)
    split_by_place,  # after every refresh of entities: a GPE name its articles resolve to several places, split
    refresh_stories,  # new articles join or start stories (after entities: stories compare the names)
    refresh_provenance,  # credit lines, and new quotes join quote groups (after stories: groups are per story)
    refresh_counts,  # facet_counts for the whole archive; last, after what it counts is final
]
