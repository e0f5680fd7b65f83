"""Reuters wire copy: 'WASHINGTON (Reuters) - The United States …' (also ISOT-style CSV text), and the
1987 wire of Reuters-21578, which ends with a 'Reuter' sign-off instead (its dateline is a separate field).
"""
import re

from ..datelines import PLACE as _PLACE
from ..furniture import is_furniture
from .base import Profile, finish_body, first_match, looks_like_headline, take_stamps

# Places joined by slashes ("WEST PALM BEACH, Fla./WASHINGTON"), optionally ", Oct 26", the agency in
# brackets, a dash of any kind.
DATELINE = re.compile(
    rf"^(?P<city>{_PLACE}(?:\s*/\s*{_PLACE})*?)(?:\s*,\s*[A-Za-z]{{3,9}}\.?\s+\d{{1,2}})?\s*\(Reuters\)\s*[-–—]+\s*"
)
LOOK_AHEAD = 4  # the dateline paragraph comes after at most a headline, standfirst and a stamp
SIGN_OFF = re.compile(r"\s*\bREUTER\b\.{0,3}\s*$", re.I)  # the agency's end-of-story mark, on the last line


def _dateline_index(paragraphs: list[str]) -> int | None:
    return first_match(paragraphs, DATELINE, LOOK_AHEAD)


def detect_reuters(paragraphs: list[str], fields: dict) -> bool:
    return _dateline_index(paragraphs) is not None or bool(paragraphs and _sign_off_start(paragraphs[-1]) is not None)


def _sign_off_start(paragraph: str) -> int | None:
    """Where SIGN_OFF matches in the paragraph (None: nowhere), read from the end: the pattern's leading
    \\s* made every search scan the whole paragraph."""
    stripped = paragraph.rstrip()
    core = stripped.rstrip(".")
    if len(stripped) - len(core) > 3 or core[-6:].lower() != "reuter":
        return None
    before = core[-7:-6]
    if before and (before.isalnum() or before == "_"):  # \b: REUTER must start a word
        return None
    return len(core[:-6].rstrip())


def parse_reuters(paragraphs: list[str], fields: dict) -> dict:
    paragraphs, draft = take_stamps(paragraphs, look=LOOK_AHEAD)
    paragraphs = _without_sign_off(paragraphs)
    start = _dateline_index(paragraphs)
    if start is None:
        return finish_body(paragraphs, draft)
    head, paragraphs = paragraphs[:start], paragraphs[start:]
    if head and looks_like_headline(head[0]):
        draft["title"] = head.pop(0)
    head = [paragraph for paragraph in head if not is_furniture(paragraph)]
    if head:
        draft["subtitle"] = " ".join(head)
    match = DATELINE.match(paragraphs[0])
    draft["dateline"] = match.group("city").strip()
    paragraphs[0] = paragraphs[0][match.end():]
    return finish_body(paragraphs, draft)


def _without_sign_off(paragraphs: list[str]) -> list[str]:
    if not paragraphs:
        return paragraphs
    start = _sign_off_start(paragraphs[-1])
    last = paragraphs[-1] if start is None else paragraphs[-1][:start]
    return paragraphs[:-1] + ([last] if last.strip() else [])


REUTERS = Profile(id="reuters", name="Reuters", homepage="https://www.reuters.com", language="en",
                  detect=detect_reuters, parse=parse_reuters)
