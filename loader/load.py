"""One load run: read → normalize → extract → store, file by file, each file in one transaction.

Nothing a user feeds in stops the run: every unusable file or record becomes a load_errors row
and a one-line warning naming the file and position.
"""
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field

from tqdm import tqdm

from . import store
from .extract import extract_items
from .model import BadInput, Record
from .normalize import normalize
from .normalize.fields import as_json, valid_text
from .read import expand_paths, read_input

STATUSES = ("inserted", "updated", "unchanged", "duplicates", "errors")
# SQLite primary result codes that mean the database file, not the record, is the problem.
FATAL_SQLITE_CODES = {5, 6, 8, 10, 11, 13, 14, 26}  # BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB


@dataclass
class LoadOptions:
    source: str | None = None
    fmt: str | None = None
    nlp: bool = True
    workers: int = 1
    progress: bool = True


@dataclass
class LoadResult:
    load_id: int
    files: int
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    seconds: float = 0.0

    @property
    def loaded(self) -> int:
        return sum(self.counts[key] for key in ("inserted", "updated", "unchanged", "duplicates"))

    def summary(self) -> str:
        parts = ", ".join(f"{self.counts[key]} {key}" for key in STATUSES)
        return f"Loaded {self.files} file(s) in {self.seconds:.1f}s: {parts} (load {self.load_id})"


def load_paths(db, paths: list[str], options: LoadOptions, arguments: list[str] | None = None,
               warn=None) -> LoadResult:
    warn = warn or (lambda message: tqdm.write(message))
    started = time.monotonic()
    files, missing = expand_paths(paths, exclude=store.database_files(db))
    result = LoadResult(store.start_load(db, arguments or list(paths)), len(files))
    for record in missing:
        warn(_record_error(db, result.load_id, record))
        result.counts["errors"] += 1
    bar = tqdm(total=sum(f.size for f in files), unit="B", unit_scale=True, desc="loading",
               disable=not options.progress or len(files) < 2)
    for item in files:
        _load_file(db, item, options, result, warn)
        bar.update(item.size)
    bar.close()
    result.seconds = time.monotonic() - started
    store.finish_load(db, result.load_id, {"files": len(files), **result.counts})
    return result


def _load_file(db, item, options: LoadOptions, result: LoadResult, warn) -> None:
    """One file in one transaction; each article in a savepoint, so a record that fails costs itself only."""
    try:
        records = read_input(item, options.fmt)
    except Exception as error:  # a reader bug costs this file, recorded, not the rest of the load
        records = [Record(item.origin, "file", "unknown", error=_unexpected(error))]
    if not records:  # a CSV header alone, "[]", {"articles": []}: nothing silently vanishes
        records = [Record(item.origin, "file", "unknown", error="no records in this file")]
    articles, bad = _normalize_all(records, options.source)
    extracted = _extract_changed(db, articles, options)
    counts, warnings = Counter(), []
    with db.atomic():
        for record in bad:
            warnings.append(_record_error(db, result.load_id, record))
            counts["errors"] += 1
        loaded_at = store.now()
        for article, profile in articles:
            status, warning = _save_one(db, article, profile, extracted, loaded_at, result.load_id)
            counts[status] += 1
            warnings += [warning] if warning else []
    for key in STATUSES:  # counted only once the file's transaction has committed
        result.counts[key] += counts[key]
    for message in warnings:
        warn(message)


def _save_one(db, article, profile, extracted: dict, loaded_at: str, load_id: int) -> tuple[str, str | None]:
    """Save one article and its extraction in a savepoint; returns (status, warning or None)."""
    found = extracted.get(store.article_id(article))
    if isinstance(found, Exception):  # stored later, when a load extracts it, so it is never left unextracted
        return "errors", _record_error(db, load_id, _article_record(article, f"extraction failed: {_describe(found)}"))
    try:
        with db.atomic():
            store.save_source(db, profile)
            article_id, status = store.save_article(db, article, loaded_at)
            if found is not None:
                store.save_extraction(db, article_id, found)
    except Exception as error:  # a bug must not cost the other records; it is recorded, not hidden
        if _fatal(error):
            raise
        return "errors", _record_error(db, load_id, _article_record(article, _unexpected(error)))
    return ("duplicates" if status == "duplicate" else status), None


def _article_record(article, reason: str) -> Record:
    return Record(article.origin_path, article.position, article.origin_format, raw=article.body, error=reason)


def _normalize_all(records: list[Record], source: str | None):
    articles, bad = [], []
    for record in records:
        if record.error:
            bad.append(record)
            continue
        try:
            articles.append(normalize(record, source))
        except Exception as error:  # BadInput is the user's; anything else is our bug, still per record
            record.error = str(error) if isinstance(error, BadInput) else _unexpected(error)
            record.raw = record.raw or record.text or _fields_text(record.fields)
            bad.append(record)
    return articles, bad


def _extract_changed(db, articles, options: LoadOptions) -> dict:
    """Run extraction only for articles whose content is new or changed.

    Returns article id → extract output, or the exception that extracting that article raised.
    """
    if not options.nlp:
        return {}
    rows = [store.article_row(article) for article, _ in articles]
    stored = store.stored_hashes(db, [row["id"] for row in rows])
    todo = [row for row in rows if stored.get(row["id"]) != row["content_hash"]]
    items = [{"id": row["id"], "text": row["body"], "title": row["title"], "dateline": row["dateline"],
              "published_at": row["published_at"]} for row in todo]
    try:
        return {found["id"]: found for found in extract_items(items, options.workers)}
    except Exception:  # find the article that broke the batch; the others are extracted one by one
        return {item["id"]: _extract_alone(item) for item in items}


def _extract_alone(item: dict):
    try:
        return extract_items([item])[0]
    except Exception as error:
        return error


def _record_error(db, load_id: int, record: Record) -> str:
    """Store one load_errors row; returns the warning line naming the file and position."""
    reason, raw = valid_text(record.error or "unknown error"), valid_text(record.raw) if record.raw else None
    origin = valid_text(record.origin_path or "")
    store.save_load_error(db, load_id, origin, record.position, reason, raw)
    return f"warning: {origin} {record.position}: {reason}"


def _unexpected(error: Exception) -> str:
    return f"unexpected error: {_describe(error)}"


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error)[:500]}"


def _fatal(error: Exception) -> bool:
    """Errors of the database file itself (disk full, locked, read-only, corrupt) stop the load."""
    return isinstance(error, sqlite3.Error) and (getattr(error, "sqlite_errorcode", 0) & 0xFF) in FATAL_SQLITE_CODES


def _fields_text(fields: dict) -> str | None:
    """The record's fields as JSON, for load_errors.raw; a field too big to write out is named only."""
    try:
        return as_json(fields)[:store.RAW_ERROR_CHARS] if fields else None
    except BadInput:
        return f"(fields too big to show: {', '.join(map(str, fields))})"[:store.RAW_ERROR_CHARS]
