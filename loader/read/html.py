"""Saved article pages (.html/.htm): trafilatura finds the article text, the page's own metadata
(JSON-LD, OpenGraph, <meta>, canonical link, <time>) gives the fields where it is more exact.

One page is one Record: `text` holds the body paragraphs as plain text (never markup), `fields` the
title, standfirst, authors, dates, section, language, URL and site name for the normalize stage.
"""
import html
import re
from collections import Counter

import lxml.html
import trafilatura
from lxml import etree

from ..model import Record
from .htmlfields import choose_fields, split_standfirst
from .pagemeta import page_metadata, squash
from ..text import loose

# Ask trafilatura's date search (htmldate) for times too, so a fallback date keeps its offset.
DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
# Blocks of trafilatura's output tree that hold text; each becomes one paragraph (list items and
# table rows one each).
BLOCK_TAGS = {"p", "head", "quote", "code", "item", "row"}
CONTAINER_TAGS = {"list", "table", "div", "body", "doc", "main"}
# Precision mode keeping less than this share of the default mode's text has cut into the article.
STRICT_MIN_SHARE = 0.6
# Shares of our words that the JSON-LD articleBody must hold: overall, to count as the full text,
# and per paragraph, to keep it.
FULL_BODY_SHARE, PARAGRAPH_SHARE = 0.8, 0.5
# A paragraph with none of these is furniture (a lone "|", "-", "¯").
HAS_WORD = re.compile(r"\w")
# Lines that are only a URL, a machine timestamp, or an @handle: page furniture, not prose.
FURNITURE = re.compile(
    r"^(?:(?:https?://|www\.)\S+|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?|@\w+|pic\.twitter\.com/\S+)$"
)


def read_html(text: str, origin: str) -> list[Record]:
    try:
        tree = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError) as error:
        return [Record(origin, "file", "html", error=f"cannot parse HTML: {error}", raw=text)]
    meta = page_metadata(tree)
    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            favor_precision=True, date_extraction_params=DATE_PARAMS)
    paragraphs = body_paragraphs(extracted.body if extracted is not None else None)
    paragraphs = _unless_too_strict(paragraphs, text)
    if not paragraphs:
        return [Record(origin, "file", "html", error="no article text found in the page", raw=text)]
    fields = choose_fields(meta, extracted)
    paragraphs = confirm_with_article_body(paragraphs, meta["jsonld"].get("body"))
    paragraphs = _drop_title_line(paragraphs, [fields.get("title"), *headlines(meta)])
    fields["subtitle"], paragraphs = split_standfirst(paragraphs, fields.pop("description", None), tree)
    if not paragraphs:
        return [Record(origin, "file", "html", error="no article text found in the page", raw=text)]
    return [Record(origin, "file", "html", text="\n\n".join(paragraphs),
                   fields={key: value for key, value in fields.items() if value})]


def _unless_too_strict(paragraphs: list[str], page: str) -> list[str]:
    """trafilatura's precision mode drops boilerplate better, but now and then the article with it: when
    its text is much shorter than the default mode's, the default mode's is taken."""
    default = trafilatura.bare_extraction(page, include_comments=False)
    fuller = body_paragraphs(default.body if default is not None else None)
    if len("".join(paragraphs)) < STRICT_MIN_SHARE * len("".join(fuller)):
        return fuller
    return paragraphs


def body_paragraphs(body) -> list[str]:
    """Plain-text paragraphs of trafilatura's output tree, without furniture."""
    if body is None:
        return []
    paragraphs = []
    for text in _block_texts(body):
        text = squash(text)
        if HAS_WORD.search(text) and not FURNITURE.match(text):
            paragraphs.append(text)
    return paragraphs


def _block_texts(element):
    """Text of each block; loose text between blocks (an element's tail) is a paragraph of its own."""
    if element.text:
        yield element.text
    for child in element:
        if child.tag in BLOCK_TAGS:
            yield " ".join(child.itertext())
        elif child.tag in CONTAINER_TAGS or len(child):
            yield from _block_texts(child)
        elif child.text:
            yield child.text
        if child.tail:
            yield child.tail


def confirm_with_article_body(paragraphs: list[str], article_body: str | None) -> list[str]:
    """When the page's JSON-LD carries the full article text, a paragraph it does not contain is furniture
    that the extractor let through. A partial articleBody (a paywall teaser) confirms nothing."""
    words = Counter(_words(html.unescape(re.sub(r"<[^>]+>", " ", article_body or ""))))
    ours = [_words(p) for p in paragraphs]
    total = sum(len(w) for w in ours)
    if not words or not total or _covered(sum(ours, []), words) < FULL_BODY_SHARE * total:
        return paragraphs
    return [p for p, w in zip(paragraphs, ours) if _covered(w, words) >= PARAGRAPH_SHARE * len(w)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _covered(words: list[str], available: Counter) -> int:
    return sum(min(count, available[word]) for word, count in Counter(words).items())


def headlines(meta: dict) -> list[str]:
    """Every headline the page gives: JSON-LD, og:title, the first <h1> (they can all differ)."""
    found = [meta["jsonld"].get("title"), meta["meta"].get("title"), *meta["page"].get("headings", [])[:1]]
    return [html.unescape(text) for text in found if text]


def _drop_title_line(paragraphs: list[str], titles: list) -> list[str]:
    """A headline repeated among the paragraphs (trafilatura keeps it at times) is not body, whichever
    of the page's headlines it is."""
    unwanted = {loose(title) for title in titles if title} - {""}
    return [p for p in paragraphs if loose(p) not in unwanted]



