"""Extraction as a versioned derivation of stored articles.

`load` stores articles first; then every article whose `extracted_with` is not the current extractor
version (never extracted, changed since, or extracted by older rules, data or model) goes through the
extraction map — a pure function (id, content_hash, text, …) → mentions, quotes, locations — and each
result is saved only if the article still holds the content it was made from. The store is the only
writer; the map runs in this process or on worker processes (loader/extract/workers.py). Results are
saved in batches, each in one transaction and each article in a savepoint, so a load killed at any
instant leaves every article either extracted by this version or still pending.
"""
from dataclasses import dataclass

from tqdm import tqdm

from . import store
from .extract import extract_groups, extractor_version
from .model import describe

BATCH = 48  # articles read, extracted and saved together


@dataclass
class Extracted:
    saved: int = 0
    failed: int = 0
    pending: int = 0


def extract_pending(db, workers: int = 1, progress: bool = True, on_error=None, client=None) -> Extracted:
    """Bring every stored article up to the current extractor version; returns the counts.

    `on_error(item, reason)` is called for each article extraction failed on (the loader records it).
    With a Dask `client` the map runs on its cluster (loader/extract/cluster.py); saving stays here."""
    version = extractor_version()
    done = Extracted(pending=store.count_pending(db, version))
    bar = tqdm(total=done.pending, unit="article", desc="extracting", disable=not progress or not done.pending)
    groups = ((items, items) for items in _pending_batches(db, version))
    for items, found in extract_groups(groups, workers, client):
        with db.atomic():
            for item, result in zip(items, found):
                _save_one(db, item, result, version, done, on_error)
        bar.update(len(items))
    bar.close()
    return done


def _pending_batches(db, version: str):
    """The pending articles' inputs, BATCH at a time, read as they are needed: this process holds neither
    every pending rowid nor every text, however big the archive. An article saved or failed meanwhile lies
    behind the last rowid read, so none is read twice."""
    after = 0
    while rowids := store.pending_extraction(db, version, after, BATCH):
        after = rowids[-1]
        yield store.extraction_inputs(db, rowids)


def _save_one(db, item: dict, found: dict, version: str, done: Extracted, on_error) -> None:
    try:
        with db.atomic():
            saved = store.save_extracted(db, item, found, version)
    except Exception as error:  # a bug in one article's save costs that article, recorded
        if store.is_fatal(error):
            raise
        found, saved = {"error": describe(error)}, False
        store.mark_failed(db, item["id"], version)
    done.saved += saved
    if found.get("error"):
        done.failed += 1
        if on_error:
            on_error(item, f"extraction failed: {found['error']}")
