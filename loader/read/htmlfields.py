"""Choosing each article field among the candidates a page offers (pagemeta.py) and trafilatura's guess.

The rules are about kinds of evidence, never about particular sites: the headline most of the page's
sources agree on; authors as the JSON-LD names them, unless that is only the publisher; the publication
time from JSON-LD, with the offset borrowed from another tag that gives the same moment.
"""
import html
import re
import unicodedata
import warnings
from collections import Counter
from datetime import datetime

from dateutil import parser as dateparser
from ..datafiles import data_lines
from ..text import loose, squash

SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " : ")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # soft hyphen, zero widths
# Quote and dash styles a headline may be spelled with in one source and not in another.
SAME_MARKS = str.maketrans({**dict.fromkeys("’‘‚‛′`´", "'"), **dict.fromkeys("“”„‟«»‹›″", '"'),
                            **dict.fromkeys("‐‑‒–—―−", "-")})


def _conjunctions() -> list[str]:
    return [line.strip() for line in data_lines("name_conjunctions.txt")]


# "Anna Smith and Bo Li", "A. Meier und B. Kraus, dpa": names are split on these (any language).
NAME_SPLIT = re.compile(r"\s*(?:[,;&]|\s(?:%s)\s)\s*" % "|".join(map(re.escape, _conjunctions())), re.I)
BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por|di|av|door|af|od|від|от|автор)\s*:?\s+", re.I)
EMAIL = re.compile(r"\S+@\S+\.\w+")


def choose_fields(meta: dict, extracted) -> dict:
    ld, tags, page = meta["jsonld"], meta["meta"], meta["page"]
    fallback = extracted.as_dict() if extracted is not None else {}
    site = clean(tags.get("site_name") or ld.get("site_name") or fallback.get("sitename"))
    return {
        "title": choose_title(ld, tags, page, site) or clean(fallback.get("title")),
        "description": clean(ld.get("description") or tags.get("description") or fallback.get("description")),
        "authors": choose_authors([ld.get("authors"), tags.get("authors")], site, fallback.get("author")),
        "published_at": choose_date([ld.get("published"), tags.get("published"), *_labelled_times(page),
                                     fallback.get("date")]),
        "updated_at": choose_date([ld.get("updated"), tags.get("updated")]),
        "section": clean(ld.get("section") or tags.get("section") or _first(fallback.get("categories"))),
        "language": language_code(ld.get("language") or page.get("language") or tags.get("language")),
        "url": page.get("url") or tags.get("url") or ld.get("url") or fallback.get("url"),
        "source": site,
    }


def clean(text) -> str | None:
    if not isinstance(text, str):
        return None
    text = squash(html.unescape(text).translate(INVISIBLE))
    return text or None





# ---------------------------------------------------------------- title
def choose_title(ld: dict, tags: dict, page: dict, site: str | None) -> str | None:
    """The headline most of JSON-LD, og:title and <h1> agree on (compared loosely); JSON-LD first."""
    metas = [clean(ld.get("title")), _strip_site(clean(tags.get("title")), site)]
    if re.search(r"&#?\w+;", ld.get("title") or ""):
        metas.reverse()  # an HTML-escaped JSON-LD headline is a copy; og:title holds the original form
    heading = _heading(page.get("headings") or [], metas)
    metas = [_strip_tail(title, [*metas, heading]) for title in metas]
    candidates = [*metas, heading]
    core = _core(metas)
    if core:
        return core
    votes = Counter(loose(c) for c in candidates if c)
    best = None
    for candidate in candidates:
        if candidate and (best is None or votes[loose(candidate)] > votes[loose(best)]):
            best = candidate
    return best or _strip_site(clean(page.get("html_title")), site)


def _core(titles: list) -> str | None:
    """Of two metadata headlines where one holds the other and more ("Topic: Headline", "Headline and
    a longer tail"), the shorter: the extra words are a kicker or an extension, not the headline. The
    shorter must stand in the longer as it is spelled, punctuation included: "Who is she?" is a headline
    of its own, not the core of "Who is she and what did she say?"."""
    present = [t for t in titles if t]
    for short in sorted(present, key=lambda t: len(loose(t))):
        if loose(short) and any(loose(short) != loose(t) and _stands_in(short, t) for t in present):
            return short
    return None


def _stands_in(short: str, long: str) -> bool:
    """`short` appears in `long` as written: case, quote and dash styles and spacing aside."""
    return _spelling(short) in _spelling(long)


def _spelling(text: str) -> str:
    return squash(unicodedata.normalize("NFKC", text).casefold().translate(SAME_MARKS))


def _heading(headings: list[str], metas: list) -> str | None:
    """The <h1> that repeats a metadata title, else the first (a page may put its logo in an h1)."""
    headings = [clean(h) for h in headings if clean(h)]
    wanted = {loose(m) for m in metas if m}
    return next((h for h in headings if loose(h) in wanted), headings[0] if headings else None)


def _strip_tail(title: str | None, others: list) -> str | None:
    """'Headline - Some Site Name' → 'Headline' when another source gives 'Headline' alone: a tail after
    a separator that no other source has is a site name that og:site_name does not spell the same."""
    if sum(1 for other in others if other and loose(other) == loose(title)) > 1:
        return title  # another source prints the same tail: it belongs to the headline
    for separator in SEPARATORS:
        head = (title or "").rpartition(separator)[0].strip()
        if head and any(other and loose(other) == loose(head) for other in others):
            return head
    return title


def _strip_site(title: str | None, site: str | None) -> str | None:
    """'Headline | Site' → 'Headline' (also 'Site - Headline')."""
    if not title or not site:
        return title
    for separator in SEPARATORS:
        if title.endswith(separator + site):
            return title[: -len(separator + site)].strip() or title
        if title.startswith(site + separator):
            return title[len(site + separator):].strip() or title
    return title


# ---------------------------------------------------------------- authors
def choose_authors(sources: list, site: str | None, guess=None) -> list[str]:
    """The first of the page's metadata sources that names people, else the guess from the visible text
    (trafilatura's). Authors that only name the publisher are a statement of the page: they lose to
    another metadata source naming someone else, and to a guess only when it gives full names (initials
    and desk codes such as "amw" are no better than the publisher); they are kept when nobody is named."""
    publisher_only = []
    for index, source in enumerate([*sources, guess]):
        names = author_names(source)
        if not names:
            continue
        if site and all(loose(name) == loose(site) for name in names):
            publisher_only = publisher_only or names
            continue
        if index == len(sources) and publisher_only and not all(_full_name(name) for name in names):
            continue
        return names
    return publisher_only


def _full_name(name: str) -> bool:
    """A given name and a family name at least: two words."""
    return len(name.split()) >= 2


def author_names(value) -> list[str]:
    """Names from a string or a list of them, split on "," "and" …; the same name twice (compared loosely)
    once."""
    items = value if isinstance(value, list) else [value]
    names, seen = [], set()
    for item in items:
        for part in NAME_SPLIT.split(item if isinstance(item, str) else ""):
            name = _clean_name(part)
            if name and loose(name) not in seen:
                seen.add(loose(name))
                names.append(name)
    return names


def _clean_name(text: str) -> str | None:
    text = clean(EMAIL.sub("", text or "")) or ""
    text = BYLINE_PREFIX.sub("", _strip_asides(text)).strip(" .:-–—")
    return text if text and re.search(r"\w", text) else None  # not empty, not punctuation


def _strip_asides(text: str) -> str:
    """'Anna Meier (ame)', 'Bo Li [photos]' → the name: bracketed asides are initials, roles, credits."""
    return clean(re.sub(r"\([^)]*\)|\[[^]]*\]", " ", text)) or ""


# ---------------------------------------------------------------- dates
def choose_date(candidates: list) -> str | None:
    """The first candidate that parses; if it lacks a time or an offset, another candidate for the same
    day (and, when given, the same wall-clock time) that has both lends its precision."""
    parsed = [(text, when) for text in candidates if (when := _parse(text)) is not None]
    if not parsed:
        return None
    text, first = parsed[0]
    if first.tzinfo is None:
        for other_text, other in parsed[1:]:
            if other.tzinfo is not None and _same_moment(first, other, _has_time(text)):
                return other_text
    return text


def _parse(text) -> datetime | None:
    if not isinstance(text, str) or not re.search(r"\d{4}|\d{1,2}[./-]\d{1,2}", text):
        return None
    try:
        with warnings.catch_warnings():  # "EST"-style names parse as naive times; that is handled
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            return dateparser.parse(text.strip())
    except (ValueError, OverflowError):
        return None


def _has_time(text: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d\d", text))


def _same_moment(naive: datetime, aware: datetime, with_time: bool) -> bool:
    local = aware.replace(tzinfo=None)
    return local == naive if with_time else local.date() == naive.date()


def _labelled_times(page: dict) -> list[str]:
    """<time> elements that say they are the publication time, then the first <time> of the page."""
    times = page.get("times") or []
    labelled = [value for label, value in times if "publish" in label or "pubdate" in label]
    return labelled + [value for _, value in times[:1]]


# ---------------------------------------------------------------- language
def language_code(value) -> str | None:
    """'de-DE', 'en_GB', 'German'? → 'de', 'en'; only two- or three-letter codes are trusted."""
    text = clean(value) if isinstance(value, str) else None
    if not text:
        return None
    code = re.split(r"[-_]", text)[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _first(values):
    return values[0] if isinstance(values, list) and values else None


# ---------------------------------------------------------------- standfirst
def split_standfirst(paragraphs: list[str], description: str | None, tree) -> tuple[str | None, list[str]]:
    """(subtitle, body): a leading paragraph that repeats the page description is the standfirst and
    leaves the body; a description shown elsewhere on the page is the standfirst as it stands; a
    description that appears nowhere on the page (a teaser for search engines) or only inside the body
    is not a standfirst."""
    if not description:
        return None, paragraphs
    for index, paragraph in enumerate(paragraphs[:2]):
        if _same_text(paragraph, description):
            return paragraph, paragraphs[:index] + paragraphs[index + 1:]
    wanted = loose(description)
    if wanted in loose(" ".join(paragraphs)) or wanted not in loose(visible_text(tree)):
        return None, paragraphs  # the body itself (some put the whole text there), or not shown
    return description, paragraphs


def _same_text(paragraph: str, description: str) -> bool:
    """Equal, or one a truncation of the other ("…" teasers), compared loosely."""
    a, b = loose(paragraph), loose(description)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 0.6 * len(long)


def visible_text(tree) -> str:
    return " ".join(tree.xpath("//body//text()[not(ancestor::script or ancestor::style or "
                               "ancestor::noscript or ancestor::template)]"))
