"""Batched saving of a file's brand-new articles: the common case of a big load, in a few executemany calls.

An article is *fresh* when nothing stored shares its content hash (as a current or earlier version), its
identity key or its id, and no earlier article of the same file does either. A fresh article can only be
inserted, so save_article's per-article questions (held already? a version of which article? which id?)
have one answer for all of them, asked with one query per 500 articles. Everything else (updates,
duplicates, earlier versions) still goes through save_article, one savepoint each, after the batch.
The caller puts the batch in a savepoint: if any row fails, it is rolled back and every article of the
file goes the per-article way, so one bad record still costs only itself.
"""
import contextlib

from . import FTS
from .duplicates import save_new_fingerprints
from .fts import indexed_afterwards
from .rows import chunks, insert_rows, marks


# From this many new articles in one file on, the FTS index is filled after the insert, not per row
# (re-creating the trigger costs a schema change; worth it for a big file, not for a one-article file).
INDEX_AFTER_ROWS = 100


# Columns of articles whose indexes the load itself never reads (it reads ids, content hashes and identity
# keys): serve's facets and sorts, the finishers' lookups. A big first load makes them once at the end.
DEFERRABLE = ("published_at", "published_month", "section", "language", "source_id", "story_id",
              "near_duplicate_of", "url", "extracted_with")
DEFER_MIN_BYTES = 20_000_000  # of input: below this, keeping the indexes up to date costs too little to matter


@contextlib.contextmanager
def deferred_indexes(db, input_bytes: int):
    """For a load of DEFER_MIN_BYTES or more into an empty archive, or of more input than the archive
    holds: the DEFERRABLE indexes of articles are dropped before the files are stored and made again
    after, one sort each instead of an insert at a random place per article.

    Each file still commits on its own. While the load runs, readers of the archive go without these
    indexes (slower facets, the same answers); a load killed before the end leaves them missing until
    the next open of the archive, whose ensure_db_shape makes whatever index is missing (making them
    here after an interrupt would keep the user waiting, after a full disk would fail again)."""
    empty = not db.execute("select 1 from articles limit 1").fetchone()
    archive = db.execute("pragma page_count").fetchone()[0] * db.execute("pragma page_size").fetchone()[0]
    if input_bytes < DEFER_MIN_BYTES or not (empty or input_bytes >= archive):  # (pages in the WAL count too)
        yield
        return
    dropped = _deferrable_indexes(db)
    with db.atomic():
        for name, _ in dropped:
            db.execute(f"drop index [{name}]")
    yield  # a load that stops early (interrupted, disk full) leaves them to the next open, as said above
    with db.atomic():
        for _, sql in dropped:
            db.execute(sql)


def _deferrable_indexes(db) -> list[tuple[str, str]]:
    """(name, create statement) of the articles' one-column indexes on DEFERRABLE columns."""
    found = []
    for name, sql in db.execute("select name, sql from sqlite_master where type = 'index' and tbl_name = 'articles' "
                                "and sql is not null").fetchall():
        columns = [row[2] for row in db.execute(f"pragma index_info([{name}])")]
        if len(columns) == 1 and columns[0] in DEFERRABLE:
            found.append((name, sql))
    return found


def split_fresh(db, articles: list, row_of) -> tuple[list, list]:
    """(fresh: [(row, article, profile)], rest: [(article, profile)]) in file order; `row_of` is
    store.article_row."""
    rows, odd = [], []
    for article, profile in articles:
        try:
            rows.append((row_of(article), article, profile))
        except Exception:  # noqa: BLE001 - save_article meets it again, and records it for this article only
            odd.append((article, profile))
    known = _known(db, "content_hash", [row["content_hash"] for row, _, _ in rows]) | \
        _known(db, "identity_key", [row["identity_key"] for row, _, _ in rows]) | \
        _known(db, "id", [row["identity_key"] for row, _, _ in rows]) | \
        _known_versions(db, [row["content_hash"] for row, _, _ in rows])
    fresh, rest, taken = [], odd, set()
    for row, article, profile in rows:
        keys = (row["content_hash"], row["identity_key"])
        if any(key in known or key in taken for key in keys):
            rest.append((article, profile))
        else:
            fresh.append((row, article, profile))
        taken.update(keys)
    return fresh, rest


def _known(db, column: str, values: list[str]) -> set:
    found = set()
    for chunk in chunks(sorted(set(values))):
        found.update(row[0] for row in db.execute(
            f"select [{column}] from articles where [{column}] in ({marks(chunk)})", chunk))
    return found


def _known_versions(db, hashes: list[str]) -> set:
    found = set()
    for chunk in chunks(sorted(set(hashes))):
        found.update(row[0] for row in db.execute(
            f"select content_hash from article_versions where content_hash in ({marks(chunk)})", chunk))
    return found


def save_fresh(db, fresh: list, loaded_at: str) -> list[tuple[str, str | None]]:
    """Insert the fresh articles (their id is their identity key), their sources and origins, and their
    near-duplicate bands; returns [(article id, near-twin family id or None)] in order."""
    if not fresh:
        return []
    sources = {profile.id: profile.source_row() for _, _, profile in fresh}
    insert_rows(db, "sources", list(sources.values()), "insert or ignore")
    articles = [{**row, "id": row["identity_key"], "loaded_at": loaded_at} for row, _, _ in fresh]
    last = db.execute("select coalesce(max(rowid), 0) from articles").fetchone()[0]
    if len(articles) >= INDEX_AFTER_ROWS:
        with indexed_afterwards(db, "articles", FTS["articles"]):
            insert_rows(db, "articles", articles, "insert")
    else:
        insert_rows(db, "articles", articles, "insert")
    insert_rows(db, "article_origins", [
        {"article_id": row["id"], "origin_path": article.origin_path, "position": article.position,
         "url": article.url, "loaded_at": loaded_at} for row, (_, article, _) in zip(articles, fresh)],
        "insert or ignore")
    rowids = dict(db.execute("select id, rowid from articles where rowid > ?", [last]))
    twins = save_new_fingerprints(db, [(rowids[row["id"]], row["id"], row["body"]) for row in articles])
    return [(row["id"], twin) for row, twin in zip(articles, twins)]

