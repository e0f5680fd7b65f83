"""The Profile record and the page-layout steps that several profiles share."""
import dataclasses
import re
from dataclasses import dataclass
from typing import Callable

from ..chrome import strip_chrome
from ..dates import parse_date
from ..furniture import drop_furniture
from ..paragraphs import ends_sentence, split_byline, split_credits

# "PUBLISHED : Friday, 27 October, 2017, 7:50pm", "Updated: 2017-10-27 11:31" …
STAMP = re.compile(r"^(?P<kind>published|updated|posted|last updated|first published|date)"
                   r"\s*(?:on|at)?\s*[:|-]?\s*(?P<when>.+)$", re.I)
HEADLINE_MAX_CHARS = 200


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    detect: Callable[[list[str], dict], bool]
    parse: Callable[[list[str], dict], dict]
    homepage: str | None = None
    language: str | None = None
    timezone: str | None = None  # IANA zone for times printed without an offset
    dayfirst: bool = False

    def named(self, source_id: str, name: str | None = None) -> "Profile":
        """This layout under another source id (for `--source` with a slug we have no profile for)."""
        return dataclasses.replace(self, id=source_id, name=name or source_id)

    def with_generic_layout(self, generic: "Profile") -> "Profile":
        """This source (id, name, zone, language) with the layout-free parsing of `generic`."""
        return dataclasses.replace(self, detect=generic.detect, parse=generic.parse)

    def source_row(self) -> dict:
        return {"id": self.id, "name": self.name, "homepage": self.homepage,
                "language": self.language, "timezone": self.timezone}


def take_stamps(paragraphs: list[str], zone: str | None = None, look: int = 8) -> tuple[list[str], dict]:
    """Remove 'Published: …'/'Updated: …' lines near the top; return their dates as published/updated."""
    found, kept = {}, []
    for index, paragraph in enumerate(paragraphs):
        match = STAMP.match(paragraph) if index < look else None
        when = parse_date(match.group("when"), zone) if match else None
        if when:
            key = "updated" if "updated" in match.group("kind").lower() else "published"
            found.setdefault(key, when)
        else:
            kept.append(paragraph)
    return kept, found


def first_match(paragraphs: list[str], pattern: re.Pattern, look: int) -> int | None:
    """Index of the first of the leading `look` paragraphs that `pattern` matches."""
    for index, paragraph in enumerate(paragraphs[:look]):
        if pattern.match(paragraph):
            return index
    return None


def looks_like_headline(paragraph: str) -> bool:
    return len(paragraph) <= HEADLINE_MAX_CHARS and not ends_sentence(paragraph)


def finish_body(paragraphs: list[str], draft: dict) -> dict:
    """Shared tail of every layout: page chrome and furniture out, byline near the top, credit lines at the end."""
    paragraphs, chrome_credits = strip_chrome(paragraphs)
    paragraphs, picture_credits, furniture_byline = drop_furniture(paragraphs)
    paragraphs, byline = split_byline(paragraphs)
    paragraphs, credits = split_credits(paragraphs)
    draft.setdefault("byline", byline or furniture_byline)
    draft.setdefault("credits", "; ".join(filter(None, [credits, *chrome_credits, *picture_credits])) or None)
    draft["body"] = paragraphs
    return draft
