"""One load run: read → normalize → store, file by file, each file in one transaction; then extract
the stored articles that need it (loader/derive.py) and run the store's finishers.

Nothing a user feeds in stops the run: every unusable file or record becomes a load_errors row
and a one-line warning naming the file and position.
"""
import time
from collections import Counter
from dataclasses import dataclass, field

from tqdm import tqdm

from . import store
from .derive import extract_pending
from .extract import extractor_version
from .model import BadInput, Record, describe
from .normalize import normalize
from .normalize.fields import as_json, valid_text
from .read import expand_paths, printable, read_input
from .store.batch import deferred_indexes, save_fresh, split_fresh

# near_duplicates are also counted as inserted: they are stored, and linked to their earlier twin.
STATUSES = ("inserted", "updated", "unchanged", "duplicates", "near_duplicates", "errors")


@dataclass
class LoadOptions:
    source: str | None = None
    fmt: str | None = None
    nlp: bool = True  # False defers extraction: the articles stay pending for a later load or `extract --db`
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
    extracted: int = 0  # articles whose extraction this load brought up to date
    pending: int = 0  # articles still awaiting extraction when it finished

    @property
    def loaded(self) -> int:
        return sum(self.counts[key] for key in ("inserted", "updated", "unchanged", "duplicates"))

    def summary(self) -> str:
        parts = ", ".join(f"{self.counts[key]} {key.replace('_', '-')}" for key in STATUSES)
        line = (f"Loaded {self.files} file(s), {self.records} record(s) in {self.seconds:.1f}s: {parts} "
                f"(load {self.load_id})")
        if self.extracted:
            line += f"; extracted {self.extracted} article(s)"
        if self.pending:
            line += f"; {self.pending} article(s) await extraction (`news-archive extract --db …`)"
        return line


class Progress:
    """One bar over the input's bytes, advanced record by record, so a single 20,000-record file moves
    it (and its ETA) as steadily as 20,000 small files."""

    def __init__(self, files, enabled: bool):
        self.bar = tqdm(total=sum(f.size for f in files), unit="B", unit_scale=True, desc="loading",
                        disable=not enabled, smoothing=0.1)
        self.done = 0
        self.records = 0

    def record(self, share: float, count: int = 1) -> None:
        self.records += count
        self.bar.update(share * count)
        self.bar.set_postfix_str(f"{self.records:,} records", refresh=False)

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
        warn(_record_error(db, result.load_id, record))
        result.counts["errors"] += 1
    progress = Progress(files, options.progress)
    with deferred_indexes(db, sum(item.size for item in files)):  # made once at the end by a big first load
        for item in files:
            _store_file(db, _prepare(item, options, result), result, warn, progress)
            progress.file_done(item)
    progress.close()
    ran = {}
    if options.nlp:
        result.extracted = extract_articles(db, result.load_id, options.workers, options.progress, warn).saved
        ran = {"extractor_version": extractor_version()}
    result.pending = store.count_pending(db, extractor_version())
    result.seconds = time.monotonic() - started
    store.finish_load(db, result.load_id, {"files": len(files), **result.counts, **ran})
    return result


def extract_archive(db, arguments: list[str], workers: int = 1, progress: bool = True, warn=None, client=None):
    """A run that loads nothing and brings the archive's extraction up to date (`extract --db`), here or
    on a Dask cluster (`client`)."""
    load_id = store.start_load(db, arguments)
    done = extract_articles(db, load_id, workers, progress, warn or (lambda message: tqdm.write(message)), client)
    store.finish_load(db, load_id, {"files": 0, "errors": done.failed, "extractor_version": extractor_version()})
    return done


def extract_articles(db, load_id: int, workers: int, progress: bool, warn, client=None):
    """Extract every article pending for the current extractor version; failures go to load_errors."""
    def failed(item, reason):
        origin = next(db.query("select origin_path, position from article_origins where article_id = ? "
                               "order by loaded_at desc, rowid desc limit 1", [item["id"]]), {})
        record = Record(origin.get("origin_path"), origin.get("position") or f"article {item['id']}", "article",
                        raw=item["text"], error=reason)
        warn(_record_error(db, load_id, record))
    return extract_pending(db, workers, progress, on_error=failed, client=client)


@dataclass
class FileJob:
    """One input file between reading and storing: its articles and its bad records."""
    file: object
    articles: list = field(default_factory=list)
    bad: list = field(default_factory=list)
    records: int = 0


def _prepare(item, options: LoadOptions, result: LoadResult) -> FileJob:
    """Read and normalize one file."""
    try:
        records = read_input(item, options.fmt)
    except Exception as error:  # a reader bug costs this file, recorded, not the rest of the load
        records = [Record(item.origin, "file", "unknown", error=_unexpected(error))]
    if not records:  # a CSV header alone, "[]", {"articles": []}: nothing silently vanishes
        records = [Record(item.origin, "file", "unknown", error="no records in this file")]
    result.records += len(records)
    job = FileJob(item, records=len(records))
    job.articles, job.bad = _normalize_all(records, options.source, options.field_map)
    return job


def _store_file(db, job: FileJob, result: LoadResult, warn, progress: Progress) -> None:
    """One file in one transaction; each article in a savepoint, so a record that fails costs itself only."""
    share = job.file.size / max(job.records, 1)
    counts, warnings = Counter(), []
    with db.atomic():
        for record in job.bad:
            warnings.append(_record_error(db, result.load_id, record))
            counts["errors"] += 1
            progress.record(share)
        loaded_at = store.now()
        fresh, rest = split_fresh(db, job.articles, store.article_row)
        saved = _save_fresh(db, fresh, loaded_at, result)
        if saved is None:  # a record the batch could not take: every article of the file on its own
            rest = job.articles
        else:
            counts.update(saved)
            progress.record(share, len(fresh))
        for article, profile in rest:
            keys, warning = _save_one(db, article, profile, loaded_at, result)
            counts.update(keys)
            warnings += [warning] if warning else []
            progress.record(share)
        for article, _ in job.articles:  # what normalizing dropped, the article kept (an impossible date)
            warnings += [_record_error(db, result.load_id, problem) for problem in article.problems]
            counts["errors"] += len(article.problems)  # every load_errors row is counted
    for key in STATUSES:  # counted only once the file's transaction has committed
        result.counts[key] += counts[key]
    for message in warnings:
        warn(message)


def _save_fresh(db, fresh: list, loaded_at: str, result: LoadResult) -> Counter | None:
    """The file's brand-new articles in a few executemany calls, in one savepoint (store/batch.py);
    None if anything in it failed (it is then rolled back, for the per-article path to redo)."""
    try:
        with db.atomic():
            saved = save_fresh(db, fresh, loaded_at)
    except Exception as error:  # noqa: BLE001 - the per-article path finds and records the culprit
        if store.is_fatal(error):
            raise
        return None
    result.seen.update(article_id for article_id, _ in saved)
    return Counter({"inserted": len(saved), "near_duplicates": sum(1 for _, twin in saved if twin)})


def _save_one(db, article, profile, loaded_at: str, result: LoadResult) -> tuple[list, str | None]:
    """Save one article in a savepoint; returns (the counts it adds to, warning or None).

    A new or changed body is fingerprinted and linked to a near-twin. A second arrival of an article
    this load already stored is a duplicate even when it changed it (a wire story sent again later the
    same day, a page saved twice)."""
    try:
        with db.atomic():
            store.save_source(db, profile)
            article_id, status = store.save_article(db, article, loaded_at)
            twin = store.save_fingerprint(db, article_id, article.body) if status in ("inserted", "updated") else None
    except Exception as error:  # a bug must not cost the other records; it is recorded, not hidden
        if store.is_fatal(error):
            raise
        return ["errors"], _record_error(db, result.load_id, _article_record(article, _unexpected(error)))
    if status == "duplicate" or (status == "updated" and article_id in result.seen):
        status = "duplicates"
    result.seen.add(article_id)
    return [status] + (["near_duplicates"] if twin and status == "inserted" else []), None


def _article_record(article, reason: str) -> Record:
    return Record(article.origin_path, article.position, article.origin_format, raw=article.body, error=reason)


def _normalize_all(records: list[Record], source: str | None, field_map: dict | None = None):
    articles, bad = [], []
    for record in records:
        if record.error:
            bad.append(record)
            continue
        try:
            articles.append(normalize(record, source, field_map))
        except Exception as error:  # BadInput is the user's; anything else is our bug, still per record
            record.error = str(error) if isinstance(error, BadInput) else _unexpected(error)
            record.raw = record.raw or record.text or _fields_text(record.fields)
            bad.append(record)
    return articles, bad


def _record_error(db, load_id: int, record: Record) -> str:
    """Store one load_errors row; returns the warning line naming the file and position."""
    reason, raw = valid_text(record.error or "unknown error"), valid_text(record.raw) if record.raw else None
    origin = valid_text(record.origin_path or "")
    store.save_load_error(db, load_id, origin, record.position, reason, raw)
    return printable(f"warning: {origin} {record.position}: {reason}")


def _unexpected(error: Exception) -> str:
    return f"unexpected error: {describe(error)}"


def _fields_text(fields: dict) -> str | None:
    """The record's fields as JSON, for load_errors.raw; a field too big to write out is named only."""
    try:
        return as_json(fields)[:store.RAW_ERROR_CHARS] if fields else None
    except BadInput:
        return f"(fields too big to show: {', '.join(map(str, fields))})"[:store.RAW_ERROR_CHARS]
