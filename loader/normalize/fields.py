"""Names that structured inputs (JSON keys, CSV headers, front matter) use for article fields."""
import json
import math
import re

from ..model import BadInput

# article field → accepted input names, compared case- and punctuation-insensitively.
FIELD_ALIASES = {
    "title": ["title", "headline", "head", "name", "heading"],
    "subtitle": ["subtitle", "standfirst", "description", "summary", "dek", "subhead", "lede", "abstract"],
    "body": ["body", "text", "content", "article", "article_text", "articlebody", "story", "full_text", "maintext"],
    "section": ["section", "subject", "category", "desk", "topic", "articlesection"],
    "byline": ["byline", "author", "authors", "by", "creator", "writer"],
    "dateline": ["dateline", "place"],
    "published_at": ["published_at", "published", "date", "publish_date", "pubdate", "date_published",
                     "datepublished", "publication_date", "time", "timestamp", "created_at", "created"],
    "updated_at": ["updated_at", "updated", "modified", "date_modified", "datemodified", "last_modified"],
    "url": ["url", "link", "canonical_url", "permalink", "href", "source_url"],
    "language": ["language", "lang", "inlanguage"],
    "source": ["source", "publisher", "outlet", "site", "site_name", "source_id", "publication", "media"],
    "credits": ["credits", "credit"],
}
# A field is text, a list of texts or an object with a name: anything deeper or bigger is not an
# article field but a mis-mapped blob (or a YAML alias bomb, whose lists expand exponentially).
MAX_FIELD_DEPTH = 20
MAX_FIELD_ITEMS = 10_000
MAX_FIELD_CHARS = 2_000_000
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LOOKUP = {alias: field for field, aliases in FIELD_ALIASES.items() for alias in aliases}


NOT_KEY = re.compile(r"[^a-z0-9]+")


def _key(name: str) -> str:
    return NOT_KEY.sub("_", str(name).strip().lower()).strip("_")


def _field_of(name) -> str | None:
    """The article field an input key names (None: not one of ours); remembered per key, since every
    record of a file repeats the same few keys."""
    try:
        return _FIELD_OF[name]
    except (KeyError, TypeError):  # TypeError: a key that cannot be a dict key here (never from JSON)
        key = _key(name)
        field = _LOOKUP.get(key) or _LOOKUP.get(key.replace("_", ""))
        if isinstance(name, str) and len(_FIELD_OF) < MAX_REMEMBERED_KEYS:
            _FIELD_OF[name] = field
        return field


MAX_REMEMBERED_KEYS = 10_000
_FIELD_OF: dict = {}


def map_fields(raw: dict, overrides: dict | None = None) -> dict:
    """Canonical field → value; the first matching input key wins, empty values are skipped.

    `overrides` (field → dotted path, from `--map body=content.text`) win over the names above when the
    path holds a value in this record.
    """
    mapped = {}
    for name, value in raw.items():
        field = _field_of(name)
        if field and field not in mapped and not _empty(value):
            mapped[field] = value
    for field, path in (overrides or {}).items():
        value = value_at(raw, path)
        if not _empty(value):
            mapped[field] = value
    return mapped


def value_at(value, path: str):
    """The value at a dotted path: keys of objects, 0-based indexes of lists; a key applied to a list
    collects it from every item ("authors.name" → every author's name)."""
    for step in path.split("."):
        if isinstance(value, list):
            value = value[int(step)] if step.isdigit() and int(step) < len(value) else \
                [found for item in value if (found := value_at(item, step)) is not None] or None
        elif isinstance(value, dict):
            value = value[step] if step in value else _by_key(value, step)
        else:
            return None
        if value is None:
            return None
    return value


def _by_key(value: dict, step: str):
    return next((item for key, item in value.items() if _key(key) == _key(step)), None)


def parse_mappings(pairs) -> dict:
    """['body=content.text', …] → {'body': 'content.text'}; raises ValueError naming a bad pair."""
    mappings = {}
    for pair in pairs:
        field, _, path = pair.partition("=")
        field, path = field.strip(), path.strip()
        if field not in FIELD_ALIASES or not path:
            raise ValueError(f"--map {pair!r}: expected FIELD=PATH with FIELD one of {', '.join(FIELD_ALIASES)}")
        mappings[field] = path
    return mappings


def _empty(value) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def as_text(value) -> str | None:
    """A scalar field as text; lists (e.g. several authors) joined, objects taken by their name.

    Raises BadInput for values too deep or too big to be an article field.
    """
    if value is None:
        return None
    if type(value) is str and len(value) <= MAX_FIELD_CHARS:  # the common case, within any budget
        return valid_text(value.strip()) or None
    return _text(value, 0, _Budget())


class _Budget:
    """What one field may still hold; shared references (YAML aliases) are paid for at every use."""

    def __init__(self):
        self.items, self.chars = MAX_FIELD_ITEMS, MAX_FIELD_CHARS

    def spend(self, depth: int, chars: int = 0) -> None:
        self.items -= 1
        self.chars -= chars
        if depth > MAX_FIELD_DEPTH:
            raise BadInput(f"a field is nested over {MAX_FIELD_DEPTH} levels deep (the limit)")
        if self.items < 0:
            raise BadInput(f"a field holds over {MAX_FIELD_ITEMS:,} values (the limit)")
        if self.chars < 0:
            raise BadInput(f"a field holds over {MAX_FIELD_CHARS:,} characters (the limit)")


def _text(value, depth: int, budget: _Budget) -> str | None:
    budget.spend(depth)
    if _empty(value):
        return None
    if isinstance(value, list):
        return ", ".join(filter(None, (_text(item, depth + 1, budget) for item in value))) or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("text"), depth + 1, budget) or as_json(value, depth, budget)
    if isinstance(value, float) and not math.isfinite(value):  # JSON NaN, Infinity, 1e999999: no text
        return None
    text = valid_text(str(value).strip())
    budget.spend(depth, len(text))
    return text or None


def as_json(value, depth: int = 0, budget: _Budget | None = None) -> str:
    """JSON text of a value known to be of bounded size (BadInput otherwise): json.dumps would expand
    shared references without limit."""
    _measure(value, depth, budget or _Budget())
    try:
        return valid_text(json.dumps(value, ensure_ascii=False, default=str))
    except (TypeError, ValueError) as error:  # keys JSON cannot hold, such as YAML dates
        raise BadInput(f"a field cannot be written as JSON: {error}") from None


def _measure(value, depth: int, budget: _Budget) -> None:
    """Walk a value before json.dumps expands it, so its size is known to be bounded."""
    budget.spend(depth, len(value) if isinstance(value, str) else 8)
    children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
    for child in children if isinstance(value, (dict, list)) else ():
        _measure(child, depth + 1, budget)


def valid_text(text: str) -> str:
    """Lone UTF-16 surrogates (JSON "\\ud800" escapes) cannot be stored as UTF-8, and a NUL ("\\u0000")
    cuts text short in SQLite's functions: each becomes U+FFFD, as a NUL read from a file does."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text if text.isascii() else LONE_SURROGATE.sub("\ufffd", text)
