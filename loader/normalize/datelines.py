"""News-agency datelines opening a story's text: the place it was filed from, and the agency that filed it.

Wire copy that a site republishes keeps the agency's dateline as the first words of the text:
"MOSCOW, February 7. /TASS/. …", "INCHEON /Republic of Korea/, March 2. /TASS, Jo Lee/. …",
"NORTH READING, Mass., Feb. 8, 2017 /PRNewswire/. …", "WASHINGTON (AP) — …", "(CNN)A judge …",
"SOFIA, Bulgaria - Europe …". Left in the body, its place counts as a mention of what the story is about and
its agency as an organisation the story names, in every article of that agency. Each is read by its shape —
a town in capitals, an optional region, an optional date, the agency between slashes or brackets, a full stop
or dash — never by an agency's name; the Reuters profile has its own, older pattern for "(Reuters) -".
"""
import re
from dataclasses import dataclass

# A town in capitals ("MOSCOW", "PETROPAVLOVSK-KAMCHATSKY", "ST. PAUL") with an optional region after a comma
# in any case ("GADSDEN, Ala.", "SAN JUAN, Puerto Rico"): up to three capitalised words.
PLACE = r"[A-Z][A-Z .'’&-]*?[A-Z.](?:\s*,\s*[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,2})?"
# A region some agencies put between slashes or brackets after the town: "INCHEON /Republic of Korea/".
REGION = r"\s*(?:/(?P<slashed>[A-Z][\w .'’-]{1,40}?)/|\((?P<bracketed>[A-Z][\w .'’-]{1,40}?)\))"
DATE = r"\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
# The agency: "TASS", "PRNewswire", "AP", "Variety.com", "dpa"; a reporter may follow it after a comma.
AGENCY = r"[A-Za-z][\w.&'’-]{0,24}(?: [A-Z][\w.&'’-]{0,24}){0,2}"
# Capitalised words that open a story but are labels, not towns or agencies ("UPDATE -", "(VIDEO)").
LABELS = frozenset({"update", "updated", "breaking", "breaking news", "corrected", "correction", "live", "video",
                    "watch", "photos", "pictures", "opinion", "analysis", "exclusive", "editorial", "comment",
                    "review", "interview", "audio", "listen", "read more", "related", "warning", "note",
                    "editor's note", "advertisement", "sponsored", "recap", "explainer", "factbox", "q&a"})
END = r"\s*[.:]?\s*[-–—]*\s*"
SLASHED_AGENCY = re.compile(
    rf"^(?P<place>{PLACE}){REGION}?(?:{DATE})?\s*\.?\s*/\s*(?P<agency>{AGENCY})\s*(?:,\s*(?P<reporter>[^/]{{2,40}}?))?\s*/"
    + END)
BRACKETED_AGENCY = re.compile(
    rf"^(?P<place>{PLACE}(?:\s*/\s*{PLACE})*?){REGION}?(?:{DATE})?\s*\((?P<agency>{AGENCY})\)\s*[-–—]+\s*")
AGENCY_ONLY = re.compile(rf"^\((?P<agency>{AGENCY})\)\s*(?=[A-Z\"“‘'])")
# A town in capitals and a dash, no agency: "WASHINGTON - …", "SOFIA, Bulgaria — …". Its town has at least
# three letters, all capitals, so "A - B" lists and sentence openings stay.
PLACE_ONLY = re.compile(rf"^(?P<place>[A-Z][A-Z'’.-]{{2,}}(?: [A-Z][A-Z'’.-]+){{0,2}}"
                        r"(?:\s*,\s*[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,2})?)"
                        rf"(?:{DATE})?\s+[-–—]+\s*(?=[A-Z\"“‘'])")
SHAPES = (SLASHED_AGENCY, BRACKETED_AGENCY, AGENCY_ONLY, PLACE_ONLY)


@dataclass(frozen=True)
class Dateline:
    """What a dateline says: the place ("INCHEON, Republic of Korea"), the agency, a reporter, and where the
    story's own text starts."""
    place: str | None
    agency: str | None
    reporter: str | None
    end: int


def read_dateline(text: str) -> Dateline | None:
    """The agency dateline opening `text`, or None."""
    for shape in SHAPES:
        match = shape.match(text)
        if match and _plausible(match):
            found = match.groupdict()
            return Dateline(_place(found), _agency(found.get("agency")), _name(found.get("reporter")),
                            match.end())
    return None


def _plausible(match: re.Match) -> bool:
    """Not a label ("UPDATE -", "(VIDEO)") and not the whole text."""
    found = match.groupdict()
    first = (found.get("place") or found.get("agency") or "").split(",")[0].strip().lower()
    return first not in LABELS and (found.get("agency") or "").strip().lower() not in LABELS \
        and match.end() < len(match.string)


def _place(found: dict) -> str | None:
    place = found.get("place")
    region = found.get("slashed") or found.get("bracketed")
    if not place:
        return None
    place = re.sub(r"\s+", " ", place).strip(" ,")
    return f"{place}, {region.strip()}" if region else place


def _agency(agency: str | None) -> str | None:
    return re.sub(r"\s+", " ", agency).strip() if agency else None


def _name(reporter: str | None) -> str | None:
    return reporter.strip(" ,.") or None if reporter else None
