"""Normalize stage: a raw Record → an Article, through the source profile that fits its content."""
import functools
import re
import unicodedata
from urllib.parse import urlsplit

from ..model import Article, BadInput, Record
from .damage import mend
from .dates import date_before_other_words, parse_date
from .fields import as_text, map_fields, valid_text
from .paragraphs import derive_title, split_paragraphs
from .markup import looks_like_markup, markup_to_text, unescape_entities
from .profiles import GENERIC, PROFILES, choose_profile
from ..text import squash

# Longest article text we accept, in characters; real articles stay far below (a long read is
# ~100,000), so anything bigger is a mis-parsed file, not news.
MAX_ARTICLE_CHARS = 1_000_000
MAX_RAW_DATE_CHARS = 1_000  # of an unusable date value kept in load_errors


def normalize(record: Record, source: str | None = None, field_map: dict | None = None) -> tuple[Article, object]:
    """Return the Article and the profile that shaped it; raise BadInput for unusable records.

    `field_map` (article field → dotted path) overrides how structured records name their fields.
    """
    fields = map_fields(record.fields, field_map)
    text = record.text if record.text is not None else _plain(as_text(fields.get("body")))
    if not text or not text.strip():
        raise BadInput("no article text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise BadInput(f"article text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit")
    paragraphs = [mend(paragraph) for paragraph in split_paragraphs(text)]
    profile = choose_profile(paragraphs, fields, source or source_slug(fields), as_text(fields.get("source")))
    if profile is GENERIC:
        profile = _site_profile(as_text(fields.get("url"))) or profile
    draft = profile.parse(paragraphs, fields)
    if profile is GENERIC and draft.get("agency") and _slug(draft["agency"]):
        profile = GENERIC.named(_slug(draft["agency"]), draft["agency"])  # no source but the dateline's agency
    if not draft["body"]:
        raise BadInput("no article text after removing headline and page furniture")
    return _article(record, fields, draft, profile), profile


def _article(record: Record, fields: dict, draft: dict, profile) -> Article:
    def pick(name):
        return _clean(as_text(fields.get(name)) or draft.get(name))

    title = _mended(pick("title"))
    byline = pick("byline")
    problems = []

    def date(name, draft_name):
        return _date(record, name, fields.get(name) or draft.get(draft_name), profile, problems)

    return Article(
        source_id=profile.id,
        body="\n\n".join(draft["body"]),
        title=title or derive_title(draft["body"]),
        title_derived=0 if title else 1,
        subtitle=_mended(pick("subtitle")),
        section=pick("section"),
        byline=byline,
        authors=_authors(fields.get("byline"), byline),
        dateline=pick("dateline"),
        published_at=date("published_at", "published"),
        updated_at=date("updated_at", "updated"),
        language=pick("language") or profile.language,
        credits=pick("credits"),
        related_headlines=draft.get("related_headlines") or [],
        url=pick("url"),
        origin_path=record.origin_path,
        origin_format=record.format,
        position=record.position,
        problems=problems,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _plain(value) if looks_like_markup(value) else unescape_entities(value)
    value = squash(value if value.isascii() else unicodedata.normalize("NFC", value))
    return value or None


def _mended(value: str | None) -> str | None:
    return mend(value) if value else value


def _plain(text: str | None) -> str | None:
    """Structured inputs sometimes carry HTML: its text, never its tags, goes on."""
    return markup_to_text(text) if text and looks_like_markup(text) else text


def _date(record: Record, name: str, value, profile, problems: list) -> str | None:
    """A date that cannot be read costs only itself: the article keeps going, a problem keeps the raw value."""
    parsed = parse_date(value, profile.timezone, profile.dayfirst)
    if parsed is None and value not in (None, "") and not isinstance(value, bool):
        parsed, rest = date_before_other_words(value, profile.dayfirst)
        if parsed and not any(character.isdigit() for character in rest):
            return parsed  # only words no date has (a wire's codes) were left out: nothing of the date is lost
        loss = f"the end of it is not readable, the article was loaded with {parsed}" if parsed else \
            "not a usable date, the article was loaded without it"
        raw = valid_text(str(value))[:MAX_RAW_DATE_CHARS]
        problems.append(Record(record.origin_path, record.position, record.format, raw=raw,
                               error=f"{name}: {loss}"))
    return parsed


def _authors(raw, byline: str | None) -> list[str]:
    if isinstance(raw, list):
        return [name for name in (as_text(item) for item in raw) if name]
    if not byline:
        return []
    return [name.strip() for name in re.split(r",\s*|\s+and\s+|\s*&\s*", byline) if name.strip()]


def source_slug(fields: dict) -> str | None:
    """A record that names its source ('Reuters', 'The Guardian') is filed under that slug; one whose URL
    is on a known publisher's site, under that publisher's profile."""
    host = _host(as_text(fields.get("url")))
    if host:
        for profile in PROFILES:
            if profile.homepage and host == _host(profile.homepage):
                return profile.id
    name = as_text(fields.get("source"))
    return _slug(name) if name else None


def _site_profile(url: str | None):
    """An article that names no source, on a site we have no profile for, is filed under that site
    ("abcnews.go.com"), not under "unknown": a reader can still tell its publisher."""
    host = _host(url)
    slug = _slug(host) if host else None
    return GENERIC.named(slug, host) if slug else None


@functools.lru_cache(maxsize=4096)  # a file names the same few sources in every record
def _slug(name: str) -> str | None:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or None


def _host(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    return _netloc("/".join(url.split("/", 3)[:3]))


@functools.lru_cache(maxsize=4096)
def _netloc(origin: str) -> str | None:
    """The host of a URL's scheme://host part (what urlsplit finds there), remembered: records of one
    file share a few sites."""
    return urlsplit(origin).netloc.lower().removeprefix("www.") or None
