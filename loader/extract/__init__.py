"""Extract stage: article text → mentions, quotes, locations (the `extract` contract in DESIGN.md).

Pure functions of the text. The spaCy Doc is parsed once per article; each extractor is a callable
`(item, doc, found) -> {key: rows}` run in order, so later ones (quotes, places) can use what
earlier ones (mentions) found. The loader and `news-archive extract` call the same `extract_items`.
"""
from . import nlp

# Filled in by the mentions, quotes and places stages, in that order.
EXTRACTORS: list = []
KEYS = ("mentions", "quotes", "locations")


def extract_items(items: list[dict], workers: int = 1) -> list[dict]:
    """items: {"id", "text", optional "title", "dateline", "published_at"} → contract output, same order."""
    if not EXTRACTORS:
        return [_empty(item) for item in items]
    docs = nlp.parse([item["text"] for item in items])
    return [_extract_one(item, doc) for item, doc in zip(items, docs)]


def _empty(item: dict) -> dict:
    return {"id": item.get("id"), **{key: [] for key in KEYS}}


def _extract_one(item: dict, doc) -> dict:
    found = _empty(item)
    for extractor in EXTRACTORS:
        found.update(extractor(item, doc, found))
    return found


from .places import extract_places  # noqa: E402  (after EXTRACTORS exists; places run last)

EXTRACTORS.append(extract_places)
