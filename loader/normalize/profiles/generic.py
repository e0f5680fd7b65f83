"""Any source we have no profile for: a leading headline line if there is one, date stamps, credits."""
from .base import Profile, finish_body, looks_like_headline, take_stamps


def parse_generic(paragraphs: list[str], fields: dict) -> dict:
    paragraphs, stamps = take_stamps(paragraphs)
    draft = dict(stamps)
    if "title" not in fields and len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        draft["title"] = paragraphs.pop(0)
    return finish_body(paragraphs, draft)


GENERIC = Profile(id="unknown", name="Unknown source", detect=lambda paragraphs, fields: True,
                  parse=parse_generic)
