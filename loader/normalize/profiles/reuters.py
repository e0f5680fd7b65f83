"""Reuters wire copy: 'WASHINGTON (Reuters) - The United States …' (also ISOT-style CSV text)."""
import re

from .base import Profile, finish_body, first_match, looks_like_headline, take_stamps

# City (optionally ", Oct 26" or "/SEOUL"), the agency in brackets, a dash of any kind.
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z .'’/&-]*?[A-Z.])(?:\s*,\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?\s*\(Reuters\)\s*[-–—]+\s*"
)
LOOK_AHEAD = 4  # the dateline paragraph comes after at most a headline, standfirst and a stamp


def _dateline_index(paragraphs: list[str]) -> int | None:
    return first_match(paragraphs, DATELINE, LOOK_AHEAD)


def detect_reuters(paragraphs: list[str], fields: dict) -> bool:
    return _dateline_index(paragraphs) is not None


def parse_reuters(paragraphs: list[str], fields: dict) -> dict:
    paragraphs, draft = take_stamps(paragraphs, look=LOOK_AHEAD)
    start = _dateline_index(paragraphs)
    head, paragraphs = paragraphs[:start], paragraphs[start:]
    if head and looks_like_headline(head[0]):
        draft["title"] = head.pop(0)
    if head:
        draft["subtitle"] = " ".join(head)
    match = DATELINE.match(paragraphs[0])
    draft["dateline"] = match.group("city").strip()
    paragraphs[0] = paragraphs[0][match.end():]
    return finish_body(paragraphs, draft)


REUTERS = Profile(id="reuters", name="Reuters", homepage="https://www.reuters.com", language="en",
                  detect=detect_reuters, parse=parse_reuters)
