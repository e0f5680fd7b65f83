"""The records that flow between stages: Record (read) → Article (normalize)."""
from dataclasses import dataclass, field


@dataclass
class Record:
    """One raw item as a reader found it, before any interpretation.

    `text` is the whole document for page dumps; `fields` holds named values for structured
    inputs (JSON, CSV, front matter). A reader that cannot make sense of an item sets `error`.
    """

    origin_path: str
    position: str
    format: str
    text: str | None = None
    fields: dict = field(default_factory=dict)
    error: str | None = None
    raw: str | None = None


@dataclass
class Article:
    source_id: str
    body: str
    title: str | None = None
    title_derived: int = 0
    subtitle: str | None = None
    section: str | None = None
    byline: str | None = None
    authors: list = field(default_factory=list)
    dateline: str | None = None
    published_at: str | None = None
    updated_at: str | None = None
    language: str | None = None
    credits: str | None = None
    related_headlines: list = field(default_factory=list)
    url: str | None = None
    origin_path: str | None = None
    origin_format: str | None = None
    position: str | None = None
    # What normalizing had to drop without losing the article (an impossible date): load_errors rows
    problems: list[Record] = field(default_factory=list)


class BadInput(Exception):
    """A user's input we cannot use: reported with its origin, never raised as a traceback."""


def describe(error: Exception) -> str:
    """An unexpected error in one line for load_errors and warnings: its class and the start of its message."""
    return f"{type(error).__name__}: {str(error)[:500]}"
