"""One load run: read → normalize → extract → store, each file stored in its own transaction.

Files are read and normalized a little ahead of storing, so that extraction sees their articles in
batches (across many one-article files) and runs on all workers while this process stores.

Nothing a user feeds in stops the run: every unusable file or record becomes a load_errors row
and a one-line warning naming the file and position.
"""
import time
from dataclasses import dataclass, field

from tqdm import tqdm

from . import store
from .extract import extract_groups
from .model import BadInput, Record
from .normalize import normalize
from .read import expand_paths, read_input

STATUSES = ("inserted", "updated", "unchanged", "duplicates", "errors")


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


@dataclass
class FileJob:
    """One input file between reading and storing: its articles, its bad records, what to extract."""
    file: object
    articles: list = field(default_factory=list)
    bad: list = field(default_factory=list)
    items: list = field(default_factory=list)
    error: str | None = None


def load_paths(db, paths: list[str], options: LoadOptions, arguments: list[str] | None = None,
               warn=None) -> LoadResult:
    warn = warn or (lambda message: tqdm.write(message))
    started = time.monotonic()
    files, missing = expand_paths(paths)
    result = LoadResult(store.start_load(db, arguments or list(paths)), len(files))
    for record in missing:
        _record_error(db, result, record, warn)
    bar = tqdm(total=sum(f.size for f in files), unit="B", unit_scale=True, desc="loading",
               disable=not options.progress or len(files) < 2)
    jobs = (_prepare(db, item, options) for item in files)
    for job, found in extract_groups(((job, job.items) for job in jobs), options.workers if options.nlp else 1):
        _store_file(db, job, found, result, warn)
        bar.update(job.file.size)
    bar.close()
    result.seconds = time.monotonic() - started
    store.finish_load(db, result.load_id, {"files": len(files), **result.counts})
    return result


def _prepare(db, item, options: LoadOptions) -> FileJob:
    """Read and normalize one file, and list the articles whose content is new or changed."""
    job = FileJob(item)
    try:
        job.articles, job.bad = _normalize_all(read_input(item, options.fmt), options.source)
        if options.nlp:
            job.items = _changed_items(db, job.articles)
    except Exception as error:  # a bug must not cost the rest of the load; it is recorded, not hidden
        job.error = f"unexpected error: {type(error).__name__}: {error}"
    return job


def _store_file(db, job: FileJob, found: list[dict], result: LoadResult, warn) -> None:
    """Everything from one file in one transaction: a load killed at any instant leaves no partial article."""
    if job.error:
        _record_error(db, result, Record(job.file.origin, "file", "unknown", error=job.error), warn)
        return
    extracted = {item["id"]: one for item, one in zip(job.items, found)}
    try:
        with db.atomic():
            for record in job.bad:
                _record_error(db, result, record, warn)
            loaded_at = store.now()
            for article, profile in job.articles:
                store.save_source(db, profile)
                article_id, status = store.save_article(db, article, loaded_at)
                if article_id in extracted:
                    _save_extraction(db, article, article_id, extracted[article_id], result, warn)
                result.counts["duplicates" if status == "duplicate" else status] += 1
    except Exception as error:  # a bug must not cost the rest of the load; it is recorded, not hidden
        _record_error(db, result, Record(job.file.origin, "file", "unknown",
                                         error=f"unexpected error: {type(error).__name__}: {error}"), warn)


def _save_extraction(db, article, article_id: str, found: dict, result: LoadResult, warn) -> None:
    if found.get("error"):
        _record_error(db, result, Record(article.origin_path, article.position or "article", "unknown",
                                         error=f"extraction failed, article stored without it: {found['error']}"),
                      warn)
        return
    store.save_extraction(db, article_id, found)


def _normalize_all(records: list[Record], source: str | None):
    articles, bad = [], []
    for record in records:
        if record.error:
            bad.append(record)
            continue
        try:
            articles.append(normalize(record, source))
        except BadInput as error:
            record.error = str(error)
            record.raw = record.raw or record.text or _fields_text(record.fields)
            bad.append(record)
    return articles, bad


def _changed_items(db, articles) -> list[dict]:
    """Extraction input for the articles whose content is new or changed (re-loads skip the rest)."""
    rows = [(store.article_row(article), article) for article, _ in articles]
    stored = store.stored_hashes(db, [row["id"] for row, _ in rows])
    return [{"id": row["id"], "text": row["body"], "title": row["title"], "dateline": row["dateline"],
             "published_at": row["published_at"], "subtitle": row["subtitle"],
             "related_headlines": article.related_headlines}
            for row, article in rows if stored.get(row["id"]) != row["content_hash"]]


def _record_error(db, result: LoadResult, record: Record, warn) -> None:
    store.save_load_error(db, result.load_id, record.origin_path, record.position, record.error, record.raw)
    result.counts["errors"] += 1
    warn(f"warning: {record.origin_path} {record.position}: {record.error}")


def _fields_text(fields: dict) -> str | None:
    return "\n".join(f"{key}: {value}" for key, value in fields.items())[:store.RAW_ERROR_CHARS] or None
