"""Source profiles: how one publisher lays out an article, as data plus two small functions.

A profile is chosen by `detect` on the content (never the file name), most specific first;
`generic` takes the rest. To add a source, write a module like `reuters.py` and list it here.
"""
from .base import Profile
from .generic import GENERIC
from .reuters import REUTERS
from .scmp import SCMP

PROFILES: list[Profile] = [SCMP, REUTERS, GENERIC]
BY_ID = {profile.id: profile for profile in PROFILES}


def choose_profile(paragraphs: list[str], fields: dict, source: str | None = None,
                   name: str | None = None) -> Profile:
    """The profile for `source` when its layout fits the text; otherwise the generic layout filed under
    that source (a Reuters story saved as a web page has no wire dateline to cut)."""
    if source:
        known = BY_ID.get(source)
        if known and known.detect(paragraphs, fields):
            return known
        return known.with_generic_layout(GENERIC) if known else GENERIC.named(source, name)
    for profile in PROFILES:
        if profile.detect(paragraphs, fields):
            return profile
    return GENERIC
