"""Toponym recognition: which spans of an article name a place.

Place entities (GPE, LOC, FAC) from the spaCy Doc or the mentions stage, cleaned of "the" and possessives
("North Korea's", stripped-apostrophe "North Korea s"); entities the small model mislabels (a country
tagged ORG or PERSON, a region like "DMZ"); the country at the head of an organisation ("U.S." in
"U.S. Treasury"), unless it is a common word the article also writes in lower case ("Coast" of "Coast Guard");
and gazetteer matches the model missed ("Korean peninsula"). Demonyms (NORP: "North
Korean", "Chinese") stay entities; used as adjectives ("Russian troops", "the Chinese embassy") they also
stand for their country here (loader/data/demonyms.tsv), as geoparsing sets count them; nouns ("the
Russians") are people, not places.
"""
import re
from functools import lru_cache
from typing import NamedTuple

from .gazetteer import Gazetteer, Place, name_key
from ..datafiles import data_lines

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels the small model gives to places by mistake; their spans count only on a prominent exact match.
MISLABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
# Spans under these labels are never scanned for gazetteer names: "Washington" in "George Washington".
BLOCKING_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE", "FAC"}
PROMINENT_CODES = {"PCLI", "PCLH", "CONT", "ADM1", "PPLC"}
SCAN_MIN_POPULATION = 100_000
MAX_SCAN_TOKENS = 4
MAX_PREFIX_TOKENS = 3
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
AREA_PREFIX = re.compile(r"(?:Greater|Metro|Metropolitan|Downtown|Suburban|Uptown)\s+(?=[A-Z])")
TRAILING_JUNK = set("\"”“)]}&-–—,;:!?")
POSSESSIVE = re.compile(r"(?:['’]s?|(?<=[A-Za-z]{2})\s+s)$")
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "mid"}
# A dateline opening a paragraph or following a sentence or a date: "TORRINGTON — ", "EAST HAMPTON,
# Conn. - ", "WASHINGTON (Reuters) -", "March 24, 2009 MANSFIELD --".
INLINE_DATELINE = re.compile(r"(?m)(?:^\s*|(?<=[.!?\d]\s))([A-Z][A-Z.'\- ]{2,40}?[A-Z.])"
                             r"(?=(?:,\s+[A-Z][A-Za-z. ]{1,20})?\s*"
                             r"(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s)")
# Words before a name that say it is where something is: "in Mobile", "the port at Mobile", "a man from Mobile".
WHERE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|around|across|throughout)\s+$")
# Nouns a town's name is written before in local news: "a Mobile man", "Mobile police", "the Mobile area".
TOWN_NOUN_AFTER = re.compile(r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|residents?|natives?|couple|family|"
                             r"police|mayor|officials|area|city council|county)\b")
# A name in a list beside another place's name: "London, Berlin, Paris, Brussels, and Nice".
LISTED_AFTER = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)$")
LISTED_BEFORE = re.compile(r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)")
KNOWN_ABROAD_NAMES = 20  # a town GeoNames names in this many ways (languages) is known by its name: "Nice", "Hollywood"
QUALIFIER_AFTER = re.compile(r"\s*,\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)")  # "Mobile, Ala.", "Nice, France"
HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Gov", "Sen", "Rep", "Sgt", "Lt", "Capt", "Gen", "Col", "Rev",
              "Judge", "President", "Governor", "Senator", "Mayor", "Coach", "Officer", "Deputy", "Det", "St"}


class Toponym(NamedTuple):
    start: int
    end: int
    text: str
    weak: bool = False  # only a guess (a "person" named like a town): kept if the article supports it
    dateline: bool = False  # written as a dateline inside the text: the story's own place
    adjectival: bool = False  # a demonym standing for its country: "Russian" in "Russian troops"
    lookup: str = ""  # the name to look up when it is not the text itself ("Russia" for "Russian")
    town_guess: bool = False  # a one-word "person" to the model that the mentions stage took for a big town

    @property
    def name(self) -> str:
        return self.lookup or self.text


def recognise(doc, mentions: list[dict], gazetteer: Gazetteer) -> list[Toponym]:
    """Toponym spans in text order, none overlapping; each has at least one gazetteer candidate."""
    text = doc.text  # built anew on every access: read it once
    found: list[Toponym] = list(_inline_datelines(text, gazetteer))
    people = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    for start, end, label in _entity_spans(doc, mentions):
        toponym = _from_entity(text, start, end, label, gazetteer)
        if toponym and _common_word_in_a_name(text, toponym, start, end):
            continue
        if toponym and not _overlaps(toponym, found):
            found.append(_town_guess(toponym, label, people))
    blocked = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents
               if ent.label_ in BLOCKING_LABELS | {"NORP"}]
    for toponym in _scan(doc, text, gazetteer, found, blocked):
        found.append(toponym)
    found.extend(toponym for toponym in _adjectival(doc, gazetteer) if not _overlaps(toponym, found))
    found.extend(toponym for toponym in _postal_codes(doc, gazetteer) if not _overlaps(toponym, found))
    names = _person_names(doc)
    return sorted(toponym for toponym in found if not (toponym.weak and toponym.text in names))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """demonym → the place it stands for, from loader/data/demonyms.tsv."""
    return dict(line.split("\t") for line in data_lines("demonyms.tsv")[1:])


def _adjectival(doc, gazetteer: Gazetteer):
    """NORP entities used as a modifier of a noun after them: "Russian" in "Russian troops"."""
    for ent in doc.ents:
        last = ent[-1]
        place = demonyms().get(ent.text)
        if (ent.label_ == "NORP" and place and last.dep_ in ("amod", "compound", "nmod")
                and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN")
                and gazetteer.candidates(place)):
            yield Toponym(ent.start_char, ent.end_char, ent.text, adjectival=True, lookup=place)


# A state's postal abbreviation after a place and a comma: "Austin, TX", "Chicago, IL 60601", "Toronto, ON.".
POSTAL_AFTER = re.compile(r"((?:[A-Z][\w.'’-]*[ \t]+){0,2}[A-Z][\w.'’-]*),[ \t]*([A-Z]{2,3})(?![\w'’-]|\.\w)")


def postal_codes(doc, gazetteer: Gazetteer) -> list[tuple[int, int, Place]]:
    """(start, end, state) of each state's postal abbreviation written right after a place's name and a comma
    ("Austin, TX": Texas; "... Release Chicago, IL"), where a namesake of that place (its last one to three words)
    lies in the state (of two states, the one of the bigger namesake: "Perth, WA") and no person's name ends there
    ("Jane Roe, MD" is a degree). Alone, "TX" or "CA" is no place here (nor "IN", "OR", "ME"); after a place the
    state qualifies it, as "Tex." does."""
    text = doc.text
    people = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    found = []
    for match in POSTAL_AFTER.finditer(text):
        states = gazetteer.postal_states(match.group(2))
        if not states or any(start < match.end(1) <= end for start, end in people):
            continue
        words = match.group(1).split()
        names = [" ".join(words[-count:]) for count in range(len(words), 0, -1)]
        fitting = [(place.population, state) for state in states for name in names
                   for place in gazetteer.candidates(name) if place.admin1_id == state.id or place.id == state.id]
        if fitting:  # where two states' namesakes fit ("Perth, WA"), the state of the bigger one
            found.append((match.start(2), match.end(2), max(fitting, key=lambda pair: pair[0])[1]))
    return found


def _postal_codes(doc, gazetteer: Gazetteer):
    """Toponyms of the states postal abbreviations stand for after a place ("Chicago, IL"), looked up by the
    state's full code ("US-IL": gazetteer.postal_states) so the two capitals never become a name of their own."""
    for start, end, place in postal_codes(doc, gazetteer):
        code = doc.text[start:end]
        yield Toponym(start, end, code, lookup=f"{place.country_code}-{code}")


def _town_guess(toponym: Toponym, label: str, people: list[tuple[int, int]]) -> Toponym:
    """A place the mentions stage found in a one-word name the model took for a person ("shipments from
    Rotterdam"): a guess that the resolver keeps only on a confident big town or the article's support."""
    if label in PLACE_LABELS and not toponym.weak and " " not in toponym.text and _overlaps(toponym, people):
        return toponym._replace(town_guess=True)
    return toponym


def _person_names(doc) -> set[str]:
    """Words the article uses for people: "Clinton" once "Bill Clinton" or "Mrs. Clinton" appears."""
    names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            names.add(ent[-1].text)
            names.add(ent[1:].text)
    for token in doc[1:]:
        if doc[token.i - 1].text.rstrip(".") in HONORIFICS and token.text[:1].isupper():
            names.add(token.text)
    return names


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, a possessive ending and surrounding spaces from text[start:end]."""
    surface = text[start:end]
    leading = LEADING_ARTICLE.match(surface)
    if leading and len(surface) > leading.end():
        start += leading.end()
        surface = surface[leading.end():]
    end = _strip_trailing(text, start, end)
    possessive = POSSESSIVE.search(text[start:end])
    if possessive and possessive.start() > 0:
        end = _strip_trailing(text, start, start + possessive.start())
    return start, end


def _strip_trailing(text: str, start: int, end: int) -> int:
    while end > start and (not text[end - 1].isprintable() or text[end - 1].isspace()
                           or text[end - 1] in TRAILING_JUNK):
        end -= 1
    return end


def _entity_spans(doc, mentions: list[dict]):
    """(start, end, label) from the Doc and from the mentions stage, places first, without repeats."""
    seen, spans = set(), []
    for ent in doc.ents:
        spans.append((ent.start_char, ent.end_char, ent.label_))
    for mention in mentions or []:
        spans.append((mention["start"], mention["end"], mention.get("type") or ""))
    for span in sorted(spans, key=lambda s: (s[2] not in PLACE_LABELS, s[0])):
        if span[:2] not in seen:
            seen.add(span[:2])
            yield span


def _inline_datelines(text: str, gazetteer: Gazetteer):
    for match in INLINE_DATELINE.finditer(text):
        surface = match.group(1)
        if not is_compass(surface, gazetteer) and gazetteer.candidates(surface.title()):
            yield Toponym(match.start(1), match.end(1), surface, dateline=True)


def is_compass(surface: str, gazetteer: Gazetteer | None = None) -> bool:
    """"West", "Northern", "Central": directions, not the places some gazetteers name so (unless our own
    table lists the name, as it does "Middle East")."""
    key = name_key(surface)
    if gazetteer is not None and key in gazetteer.preferred or any(
            place.id < 0 for place in (gazetteer.candidates(surface) if gazetteer else ())):
        return False
    return all(word in COMPASS for word in key.split())


def _common_word_in_a_name(text: str, toponym: Toponym, start: int, end: int) -> bool:
    """ "Coast" of "Coast Guard", "Justice" of "the Justice Department", "Centre" of "Research Centre": one word
    read as a place from inside a longer name, that the article also writes in lower case ("the coast"), is a
    common word of that name, no place. A town written as one ("in Mobile, Alabama") is a name of its own."""
    inside = (toponym.start, toponym.end) != clean_span(text, start, end)
    word = toponym.text
    return inside and " " not in word and word[:1].isupper() and not word.isupper() \
        and re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def common_word_town(text: str, start: int, end: int, named: list[str], gazetteer: Gazetteer) -> bool:
    """Whether text[start:end] is a common word written capitalised, not the town named so: "Software and Mobile
    apps", "its outlook toward Mobile". A one-word name whose only places are towns (no country, state, capital or
    place of our own table) and that is also a common word (an English adjective, or a word the article also writes
    in lower case) is the town only where the article says so: written after "in", "at", "from" or "near"; before
    a noun local news writes after a town ("a Mobile man", "Mobile police"); in a list beside another place; or
    with a name of the town's state beside it or anywhere in the article (`named`: the article's other place names
    and its dateline; "Mobile, Ala.", "Alabama", another town of Alabama). A town known abroad by its name
    (GeoNames gives it KNOWN_ABROAD_NAMES names or more: "Nice", "Hollywood") is exempt. The mentions stage drops
    such a GPE mention; recognise still reads the name as a toponym (on the geoparsing sets the same test dropped
    named towns too: 4 of 14)."""
    word = text[start:end]
    if " " in word or not word.istitle() or not word.isalpha() or not _common_word(word, text):
        return False
    candidates = gazetteer.candidates(word)
    towns = [place for place in candidates if gazetteer.is_main_name(place, word)]
    if not towns or any(place.id < 0 or place.feature_code in PROMINENT_CODES
                        or place.name_count >= KNOWN_ABROAD_NAMES for place in candidates):
        return False
    if WHERE_BEFORE.search(text, max(0, start - 12), start) or TOWN_NOUN_AFTER.match(text, end) \
            or _listed_with(text, start, end, named):
        return False
    qualifier = QUALIFIER_AFTER.match(text, end)
    states = {place.admin1_id for place in towns if place.admin1_id}
    return not any(_names_a_place_in(other, states, gazetteer)
                   for other in [*named, qualifier.group(1) if qualifier else ""] if other and other != word)


def _listed_with(text: str, start: int, end: int, named: list[str]) -> bool:
    """Whether text[start:end] stands in a list right beside another place the article names ("Paris, Brussels,
    and Nice")."""
    before = LISTED_AFTER.search(text, max(0, start - 40), start)
    after = LISTED_BEFORE.match(text, end)
    return any(match is not None and match.group(1) in named and match.group(1) != text[start:end]
               for match in (before, after))


def _common_word(word: str, text: str) -> bool:
    """An English adjective ("Mobile", "Nice", "Normal"; the parser's own word list) or a word the article also
    writes in lower case."""
    lower = word.lower()
    return lower in _adjectives() or re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


@lru_cache(maxsize=1)
def _adjectives():
    """The English adjectives the parser's lemmatizer knows (WordNet's, in the model's lookup tables)."""
    from .nlp import get_nlp  # here: the store imports this module without spaCy
    return frozenset(get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["adj"])


def _names_a_place_in(surface: str, states: set[int], gazetteer: Gazetteer) -> bool:
    """Whether a name means one of these first-level divisions or a place in one: the division itself (under any
    of its names: "Ala."), or a town or county whose most populous reading lies there."""
    readings = gazetteer.candidates(surface)
    if any(place.feature_code == "ADM1" and place.id in states for place in readings):
        return True
    own = [place for place in readings if gazetteer.is_main_name(place, surface)]
    return bool(own) and max(own, key=lambda place: place.population).admin1_id in states


def _from_entity(text: str, start: int, end: int, label: str, gazetteer: Gazetteer) -> Toponym | None:
    start, end = clean_span(text, start, end)
    surface = text[start:end]
    if end <= start or is_compass(surface, gazetteer):
        return None
    candidates = gazetteer.candidates(surface)
    if not candidates and surface.endswith("."):  # "Texas." at a sentence end, but "U.S." and "Ky." stay
        end -= 1
        surface = text[start:end]
        candidates = gazetteer.candidates(surface)
    area = AREA_PREFIX.match(surface)
    if not candidates and area and gazetteer.candidates(surface[area.end():]):  # "Metro Vancouver"
        start += area.end()
        surface = text[start:end]
        candidates = gazetteer.candidates(surface)
    with_article = text[:start].endswith(("the ", "The ", "THE "))
    if _implausible(text, start, end, candidates, gazetteer, with_article):
        return None
    if label in ("FAC", "ORG", "PERSON") and _institution_with_article(text, end, surface, candidates, with_article):
        return None
    if label in PLACE_LABELS and candidates:
        return Toponym(start, end, surface)
    if label in MISLABELS and any(_prominent(place, surface, gazetteer, label, with_article) for place in candidates):
        return Toponym(start, end, surface)
    if label in ("ORG", "FAC", "PERSON"):
        return (_institution_place(text, start, end, gazetteer) or _place_after_of(text, start, end, gazetteer)
                or (_prominent_inside(text, start, end, gazetteer) if label == "ORG" else None)
                or (Toponym(start, end, surface, weak=True) if candidates and label in ("PERSON", "ORG") else None))
    return None


def _institution_with_article(text: str, end: int, surface: str, candidates: list[Place], with_article: bool) -> bool:
    """A building or organisation written with "the", ending in an institution's word and standing as a noun
    of its own ("at the White House in Washington", "the White House said") is the institution, not the
    town that shares its name. Not when the name describes the next noun ("the Maryville church", "the
    Columbia-based firm"), when no candidate is a town, or when a town's own name has the article ("The
    Hague", "The Bronx")."""
    if not with_article or not candidates or not all(place.feature_code.startswith("PPL") for place in candidates):
        return False
    if " " not in surface or surface.rsplit(" ", 1)[1].casefold() not in institution_words():
        return False  # "the Golden Gate", "the Near North Side" are places people go
    from spacy.lang.en.stop_words import STOP_WORDS  # here: the store imports this module without spaCy
    following = re.match(r"\s*([A-Za-z]+)", text[end:end + 40])
    if text[end:end + 1] == "-" or (following and not (following.group(1).islower()
                                                        and following.group(1) in STOP_WORDS)):
        return False  # "the Columbia-based designer"
    return not any(place.name.casefold().startswith("the ") for place in candidates)


def _implausible(text: str, start: int, end: int, candidates: list[Place], gazetteer: Gazetteer,
                 with_article: bool) -> bool:
    """Readings that are words, not places: "the Valley", "the Gulf" (a common noun after "the", unless
    the place's own name has it: "The Bronx"); "SWAT", "NICE" (an acronym that is no country's or state's
    abbreviation, unless the state of a namesake follows it: "TAMPA, Fla."); "St. Patrick's Day", "St. Michael's
    Hospital" (a saint, not a town)."""
    surface = text[start:end]
    strong = [place for place in candidates if place.id < 0 or place.feature_code in PROMINENT_CODES
              or gazetteer.is_main_name(place, "The " + surface)]
    if with_article and " " not in surface and not strong:
        return True
    if surface.isupper() and len(surface.replace(".", "")) <= 5 and not any(
            place.id < 0 or place.feature_code in PROMINENT_CODES
            or gazetteer.preferred.get(name_key(surface)) == place.id
            for place in candidates) and not _state_after(text, end, candidates, gazetteer):
        return True
    saints_day = re.match(r"['’]s\s+[A-Z]", text[end:end + 4])  # "St. Patrick's Day", not "St. Louis's mayor"
    return surface.startswith(("St. ", "St ", "Saint ")) and saints_day is not None


def _state_after(text: str, end: int, candidates: list[Place], gazetteer: Gazetteer) -> bool:
    """Whether the state of one of a name's namesakes is written right after it: "TAMPA, Fla.", "Mobile, Ala."."""
    qualifier = QUALIFIER_AFTER.match(text, end)
    states = {place.admin1_id for place in candidates if place.admin1_id}
    return qualifier is not None and bool(states) and _names_a_place_in(qualifier.group(1), states, gazetteer)


def _prominent_inside(text: str, start: int, end: int, gazetteer: Gazetteer) -> Toponym | None:
    """A country or state named inside an organisation's name: "Air Zimbabwe", "the Jamaica Cancer Society".
    A state ("Centre", "Victoria" are some) is only a guess, kept if the article is about its country."""
    words = list(re.finditer(r"[^\s\-–—/]+", text[start:end]))
    for count in range(min(MAX_PREFIX_TOKENS, len(words)), 0, -1):
        for first in range(len(words) - count + 1):
            sub_start, sub_end = clean_span(text, start + words[first].start(), start + words[first + count - 1].end())
            surface = text[sub_start:sub_end]
            if not surface[:1].isupper() or is_compass(surface, gazetteer):
                continue
            codes = {place.feature_code for place in gazetteer.candidates(surface)
                     if gazetteer.is_main_name(place, surface)}
            if codes & {"PCLI", "CONT", "ADM1"}:
                return Toponym(sub_start, sub_end, surface, weak=not codes & {"PCLI", "CONT"})
    return None


def _prominent(place: Place, surface: str, gazetteer: Gazetteer, label: str = "", with_article=False) -> bool:
    """A reading strong enough to count without the model's agreement."""
    if place.id < 0 or place.feature_code in ("CONT", "PCLI", "PCLH"):
        return True
    if (label == "PERSON" and " " not in surface) or with_article:  # "Georgia" is a first name too;
        return False  # "the Centre" is India's government
    if place.feature_code in PROMINENT_CODES:
        return gazetteer.is_main_name(place, surface)
    if place.feature_code == "ADM2" and " " in surface:  # "Henry County": the whole name says it is a place
        return gazetteer.is_main_name(place, surface)
    return place.population >= SCAN_MIN_POPULATION and gazetteer.is_main_name(place, surface)


@lru_cache(maxsize=1)
def institution_words() -> frozenset:
    return frozenset(line.strip() for line in data_lines("institution_words.txt"))


def _institution_place(text: str, start: int, end: int, gazetteer: Gazetteer) -> Toponym | None:
    """"Athens" in "Athens Police Department", "U.S." in "U.S. Treasury": the place an organisation is of."""
    words = list(re.finditer(r"[^\s\-–—]+", text[start:end]))
    for count in range(min(MAX_PREFIX_TOKENS, len(words) - 1), 0, -1):
        prefix_start, prefix_end = clean_span(text, start, start + words[count - 1].end())
        surface = text[prefix_start:prefix_end]
        if is_compass(surface, gazetteer) or not gazetteer.candidates(surface):
            continue
        following = name_key(words[count].group()).split()[:1]
        if (following and following[0] in institution_words()) or _full_division_name(surface, gazetteer):
            strong = any(_prominent(place, surface, gazetteer) for place in gazetteer.candidates(surface))
            return Toponym(prefix_start, prefix_end, surface, weak=not strong)
    return None


def _full_division_name(surface: str, gazetteer: Gazetteer) -> bool:
    """"Douglas County" in "Douglas County Road": a whole division name of several words."""
    return len(surface.split()) > 1 and any(place.feature_code in ("PCLI", "ADM1", "ADM2") and
                                            gazetteer.is_main_name(place, surface)
                                            for place in gazetteer.candidates(surface))


def _place_after_of(text: str, start: int, end: int, gazetteer: Gazetteer) -> Toponym | None:
    """"Alexandria" in "the University of Alexandria", "City of Torrington"."""
    head, of, tail = text[start:end].rpartition(" of ")
    if not of:
        head, of, tail = text[start:end].rpartition(" in ")
    if not of or not tail[:1].isupper():
        return None
    tail_start, tail_end = clean_span(text, start + len(head) + len(of), end)
    surface = text[tail_start:tail_end]
    candidates = gazetteer.candidates(surface)
    if not candidates or is_compass(surface, gazetteer):
        return None
    strong = any(_prominent(place, surface, gazetteer) for place in candidates)
    return Toponym(tail_start, tail_end, surface, weak=not strong)


def _overlaps(toponym: Toponym, others) -> bool:
    return any(toponym.start < other[1] and other[0] < toponym.end for other in others)


def _scan(doc, text: str, gazetteer: Gazetteer, found: list[Toponym], blocked: list[tuple]):
    """Gazetteer names the model did not tag: capitalised, proper-noun-led, prominent, unclaimed."""
    index = 0
    while index < len(doc):
        match = _longest_match(doc, text, index, gazetteer, found, blocked)
        if match:
            yield match[0]
            index = match[1]
        else:
            index += 1


def _longest_match(doc, text: str, index: int, gazetteer: Gazetteer, found, blocked):
    token = doc[index]
    if not token.text[:1].isupper() or token.pos_ not in ("PROPN", "ADJ"):
        return None
    if index and doc[index - 1].text in ("St.", "St", "Saint"):  # "Patrick" in "St. Patrick's Day"
        return None
    for count in range(min(MAX_SCAN_TOKENS, len(doc) - index), 0, -1):
        span = doc[index:index + count]
        if span[-1].is_punct:
            continue
        start, end = clean_span(text, span.start_char, span.end_char)
        toponym = Toponym(start, end, text[start:end])
        if end <= start or _overlaps(toponym, found) or not _scan_allowed(toponym, blocked, count):
            continue
        if token.pos_ == "ADJ" and count == 1:
            continue
        candidates = gazetteer.candidates(toponym.text)
        if is_compass(toponym.text, gazetteer) or _implausible(text, start, end, candidates, gazetteer,
                                                                text[:start].endswith(("the ", "The "))):
            continue
        if any(_prominent(place, toponym.text, gazetteer) for place in candidates):
            return toponym, index + count
    return None


def _scan_allowed(toponym: Toponym, blocked: list[tuple], count: int) -> bool:
    """Inside no blocking entity; a demonym ("Korean") only as the head of a longer name ("Korean peninsula")."""
    for start, end, label in blocked:
        if toponym.start < end and start < toponym.end:
            if label != "NORP" or count < 2 or not (toponym.start <= start and end < toponym.end):
                return False
    return True
