"""Any source we have no profile for: a leading headline line if there is one, date stamps, an agency's
dateline, credits."""
from ..datelines import read_dateline
from .base import Profile, finish_body, looks_like_headline, take_stamps


def parse_generic(paragraphs: list[str], fields: dict) -> dict:
    paragraphs, stamps = take_stamps(paragraphs)
    draft = dict(stamps)
    if "title" not in fields and len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        draft["title"] = paragraphs.pop(0)
    return finish_body(take_dateline(paragraphs, draft), draft)


def take_dateline(paragraphs: list[str], draft: dict) -> list[str]:
    """The paragraphs without the agency dateline that opens them; its place, agency and reporter go to the
    draft's dateline, agency and byline."""
    dateline = read_dateline(paragraphs[0]) if paragraphs else None
    if dateline is None:
        return paragraphs
    draft.update({key: value for key, value in (("dateline", dateline.place), ("agency", dateline.agency),
                                                ("byline", dateline.reporter)) if value})
    return [paragraphs[0][dateline.end:], *paragraphs[1:]]


GENERIC = Profile(id="unknown", name="Unknown source", detect=lambda paragraphs, fields: True,
                  parse=parse_generic)
