"""South China Morning Post page dumps: section, headline, standfirst, PUBLISHED/UPDATED stamps.

Inline 'related article' links appear as headline-like lines among the paragraphs; they are kept
apart in `related_headlines` rather than read as body.
"""
import re

from ..paragraphs import is_credit
from .base import Profile, finish_body, first_match, looks_like_headline, take_stamps

ZONE = "Asia/Hong_Kong"
PUBLISHED = re.compile(r"^PUBLISHED\s*:\s*\S")
HEADER_FIELDS = {1: ["title"], 2: ["title", "subtitle"], 3: ["section", "title", "subtitle"]}


def _stamp_index(paragraphs: list[str]) -> int | None:
    return first_match(paragraphs, PUBLISHED, look=6)


def detect_scmp(paragraphs: list[str], fields: dict) -> bool:
    return _stamp_index(paragraphs) is not None


def parse_scmp(paragraphs: list[str], fields: dict) -> dict:
    start = _stamp_index(paragraphs)
    header, rest = paragraphs[:start], paragraphs[start:]
    rest, draft = take_stamps(rest, ZONE, look=2)
    for name, value in zip(HEADER_FIELDS.get(len(header), []), header):
        draft[name] = value
    draft["related_headlines"] = [p for p in rest if looks_like_headline(p) and not is_credit(p)]
    body = [p for p in rest if p not in draft["related_headlines"]]
    return finish_body(body, draft)


SCMP = Profile(id="scmp", name="South China Morning Post", homepage="https://www.scmp.com", language="en",
               timezone=ZONE, detect=detect_scmp, parse=parse_scmp)
