"""One load run: read → normalize → extract → store, file by file, each file in one transaction.

Nothing a user feeds in stops the run: every unusable file or record becomes a load_errors row
and a one-line warning naming the file and position.
"""
import time
from dataclasses import dataclass, field

from tqdm import tqdm

from . import store
from .extract import extract_items
from .model import BadInput, Record
from .normalize import normalize
from .read import expand_paths, read_input

# near_duplicates are also counted as inserted: they are stored, and linked to their earlier twin.
STATUSES = ("inserted", "updated", "unchanged", "duplicates", "near_duplicates", "errors")


@dataclass
class LoadOptions:
    source: str | None = None
    fmt: str | None = None
    nlp: bool = True
    workers: int = 1
    progress: bool = True
    field_map: dict = field(default_factory=dict)  # article field → dotted path (`--map body=content.text`)


@dataclass
class LoadResult:
    load_id: int
    files: int
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    seconds: float = 0.0
    records: int = 0
    seen: set = field(default_factory=set, repr=False)  # article ids stored by this load

    @property
    def loaded(self) -> int:
        return sum(self.counts[key] for key in ("inserted", "updated", "unchanged", "duplicates"))

    def summary(self) -> str:
        parts = ", ".join(f"{self.counts[key]} {key.replace('_', '-')}" for key in STATUSES)
        return (f"Loaded {self.files} file(s), {self.records} record(s) in {self.seconds:.1f}s: {parts} "
                f"(load {self.load_id})")


class Progress:
    """One bar over the input's bytes, advanced record by record, so a single 20,000-record file moves
    it (and its ETA) as steadily as 20,000 small files."""

    def __init__(self, files, enabled: bool):
        self.bar = tqdm(total=sum(f.size for f in files), unit="B", unit_scale=True, desc="loading",
                        disable=not enabled, smoothing=0.1)
        self.done = 0

    def record(self, share: float, result: "LoadResult") -> None:
        self.bar.update(share)
        self.bar.set_postfix_str(f"{result.records:,} records", refresh=False)

    def file_done(self, item) -> None:
        self.done += item.size
        self.bar.update(self.done - self.bar.n)

    def close(self) -> None:
        self.bar.close()


def load_paths(db, paths: list[str], options: LoadOptions, arguments: list[str] | None = None,
               warn=None) -> LoadResult:
    warn = warn or (lambda message: tqdm.write(message))
    started = time.monotonic()
    files, missing = expand_paths(paths, exclude=store.database_files(db))
    result = LoadResult(store.start_load(db, arguments or list(paths)), len(files))
    for record in missing:
        _record_error(db, result, record, warn)
    progress = Progress(files, options.progress)
    for item in files:
        _load_file(db, item, options, result, warn, progress)
        progress.file_done(item)
    progress.close()
    result.seconds = time.monotonic() - started
    store.finish_load(db, result.load_id, {"files": len(files), **result.counts})
    return result


def _load_file(db, item, options: LoadOptions, result: LoadResult, warn, progress: Progress) -> None:
    try:
        records = read_input(item, options.fmt)
        result.records += len(records)
        share = item.size / max(1, len(records))
        articles, bad = _normalize_all(records, options.source, options.field_map)
        extracted = _extract_changed(db, articles, options)
        with db.atomic():
            for record in bad:
                _record_error(db, result, record, warn)
                progress.record(share, result)
            loaded_at = store.now()
            for article, profile in articles:
                store.save_source(db, profile)
                article_id, status = store.save_article(db, article, loaded_at)
                if article_id in extracted:
                    store.save_extraction(db, article_id, extracted[article_id])
                _count(db, result, article_id, article, status)
                progress.record(share, result)
    except Exception as error:  # a bug must not cost the rest of the load; it is recorded, not hidden
        _record_error(db, result, Record(item.origin, "file", "unknown",
                                         error=f"unexpected error: {type(error).__name__}: {error}"), warn)


def _count(db, result: LoadResult, article_id: str, article, status: str) -> None:
    """Tally one stored record; a new or changed body is fingerprinted and linked to a near-twin.

    A second arrival of an article this load already stored is a duplicate even when it changed it
    (a wire story sent again later the same day, a page saved twice)."""
    twin = store.save_fingerprint(db, article_id, article.body) if status in ("inserted", "updated") else None
    if status == "updated" and article_id in result.seen:
        status = "duplicate"
    result.seen.add(article_id)
    result.counts["duplicates" if status == "duplicate" else status] += 1
    result.counts["near_duplicates"] += bool(twin) and status == "inserted"


def _normalize_all(records: list[Record], source: str | None, field_map: dict | None = None):
    articles, bad = [], []
    for record in records:
        if record.error:
            bad.append(record)
            continue
        try:
            articles.append(normalize(record, source, field_map))
        except BadInput as error:
            record.error = str(error)
            record.raw = record.raw or record.text or _fields_text(record.fields)
            bad.append(record)
    return articles, bad


def _extract_changed(db, articles, options: LoadOptions) -> dict:
    """Run extraction only for articles whose content is new or changed."""
    if not options.nlp:
        return {}
    rows = [store.article_row(article) for article, _ in articles]
    stored = store.stored_hashes(db, [row["id"] for row in rows])
    todo = [row for row in rows if stored.get(row["id"]) != row["content_hash"]]
    items = [{"id": row["id"], "text": row["body"], "title": row["title"], "dateline": row["dateline"],
              "published_at": row["published_at"]} for row in todo]
    return {found["id"]: found for found in extract_items(items, options.workers)}


def _record_error(db, result: LoadResult, record: Record, warn) -> None:
    store.save_load_error(db, result.load_id, record.origin_path, record.position, record.error, record.raw)
    result.counts["errors"] += 1
    warn(f"warning: {record.origin_path} {record.position}: {record.error}")


def _fields_text(fields: dict) -> str | None:
    return "\n".join(f"{key}: {value}" for key, value in fields.items())[:store.RAW_ERROR_CHARS] or None
