"""Mentions: the named entities of one article, with clean spans and a canonical name per article.

`extract_mentions(item, doc, found)` is the first EXTRACTOR. From spaCy's entities it keeps people,
organisations and places, trims each span ("the", possessive 's / ’s / stripped " s", punctuation),
splits titles off people's names into `role` ("US Defence Secretary Jim Mattis" → name "Jim Mattis",
role "US Defence Secretary"; an appositive such as "Scott Busby, the U.S. deputy ..." also counts),
finds surnames the model missed ("Ku s case"), and resolves short forms to the full name the article
gives ("Ku" → "Ku Sung Sop"; a surname tagged ORG or GPE that names a person becomes PERSON).
Tagging slips fixed here: a word in capitals in a plain-text table's columns is no organisation; a person's
name before a legal form or "and Co" (perhaps after a few more capitalised words: "and Rubber Co") is a company;
a lone one-word "person" that is a town's name is the town, and a longer one that is exactly a country's or a big
place's name, with no given name first, is that place; a company the model tagged in pieces is one organisation
("Alex Smith" + "Sons Inc", "Banco" + "do" + "Brasil", "Wagner and Brown"), and so is a firm named by a run of
surnames ending in a legal form ("Piper, Jaffray and Hopwood Inc"); a "person" a noun describes as a
ship ("the tanker ..."), a publication ("the daily ..."), a river or (in apposition) a company is that thing; a
one-word "person" the article also writes in lower case is a common word capitalised. A one-word name used as the
medium of a message ("posted on ...", "took to ..."), or written before a rank and a member's name ("...
superintendent Ann Hale") or a station, is an organisation; one used as an event ("after ...", "a hard ...", "the ...
talks") that no gazetteer place is called is none of our entities; two names joined by "and" after a firm's noun
("brokers ... and ...") are one firm. A portfolio word in a title ("Secretary of State") or before a lower-case noun
("the State pension", "Treasury bills") and a capitalised common noun in a hyphen compound ("State-owned") are no
organisation; a religion's or its followers' name ("Islam", "Sikhs") is a NORP; a name used as a programme or law
in most of an article's mentions ("Medicaid recipients", "repeal ...") is none of our entities, and a mention
written as one, or as an office ("... Enda Kenny", "his job as ..."), records that use (`used_as`) for the store,
which retypes a name the archive writes so across articles (loader/store/uses.py); an organisation named like a
site ("... Street", "... Hill") written after a preposition of place and never a subject is that site; a country,
city or state no gazetteer place is called is at most another place (LOC); a name whose last word the source
damaged (U+FFFD), with no given name, is no person. An organisation named exactly like a town or county and written in
a town's context ("a ... man", "in ...", "..., S.C.") that never acts is that town; a maker's name written as a car
("a red ...", "... F-250", "... Charger patrol car", "a ... Taurus", "the ... he was driving") is a product, none of our
entities; one word for a kind of place or a level of government ("the State argued", "County") is no organisation (it
may refer back to one the article names by it: "the State Department"); a "person" made only of titles just before a
name ("Sgt" of "Sgt. Ann Lopez") is none, and one ending in a body's noun ("... County Sheriff") a body.
Names in a list before a plural noun of places ("in Lyman and Marsh counties", "on Oak and Birch roads") are those
places, split when tagged as one; a one-word "person" written as a town ("... police", "..., Mich.") that the gazetteer
knows is the town; one shaped like an acronym ("KyTC") or written as a body ("the Sejm voted", "Knesset deputies") is
a body; an "organisation" shaped like a person's name and shown to be one ("Reporter Lisa Crane contributed") is a
person. A financial measure's abbreviation ("an EPS of $1.12", "a PEG ratio", "EBITDA") is no entity; a listing marker
("Acme Corp (NASDAQ:ACME)") makes the name before it a company and its ticker that company's in the whole article;
an exchange and ticker no marker ties ("shares of NASDAQ ACME") are no entity (loader/data/financial_terms.tsv); a bare
ticker written as a stock ("shares of CERN") is the one company the article names with its letters ("Cerner"). Credit
rating grades ("rated Baa and BBB") and diseases or their variants ("the Omicron variant", "COVID-19 cases";
loader/data/disease_words.tsv) are no entity; a legal form tagged apart ("Acme Partners" + "LLC") ends the name
before it, and alone is no mention.
A "person" the article writes as a firm ("X analyst Ann Roe", "analysts at X", "shares of X", "X raised its
target") or whose name ends in a web address ("TickerWatch.com") is an organisation, in every mention unless a title
or role shows that name as a person's. In a sports report, a "person" whose last word is a capitalised plural, alone or
after a town's name, written as a team ("the Foxes were beaten", "Ospreys forward ...") is a team, an organisation.
Cross-article merging of spellings is done when storing (loader/store/entities.py) with the same keys.
"""
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .names import (COMPANY_AFTER, LEGAL_FORMS, PARTNER_WORDS, PERSON, alias_for, described_as, display_preference,
                    REPLACEMENT, entity_key, fold_words, fragment_kind, is_country_prefix,
                    is_given_name, medium_words, name_words, offence_words, product_words, programme_words, religions,
                    roles, site_kind, thing_nouns, title_word, unit_words, WRITTEN_LEGAL_FORM)
from .gazetteer import get_gazetteer, name_key
from .quotes.clauses import text_of
from .quotes.lexicon import speaker_words, speech_verbs
from .toponyms import common_word_town, demonyms, institution_words, postal_codes
from ..datafiles import data_kinds
from ..text import lower_case_words, squash

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
# Types whose single-word mentions may be a person's surname the model mislabelled.
SURNAME_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
LEADING_WORDS = {"the", "a", "an", "another"}
# Verbs of a prompt to follow an account, taken into a name by the model ("Follow Acme on Twitter"): no part of it.
PROMPT_VERBS = {"follow", "like", "join"}
# Job titles written as acronyms, only in capitals ("CAO Ann Roe"; "Cao" is a surname), besides roles.json's titles
# (which hold "ceo", "cfo", "coo" in any case).
TITLE_ACRONYMS = {"CAO", "CTO", "CMO", "EVP", "SVP", "VP"}
# A word of a person's name as written after a title: "Ann", "B.", "O'Hara".
PERSON_WORD = re.compile(r"[A-Z][a-z][\w'’-]*|[A-Z]\.")
POSSESSIVES = {"'s", "’s", "s", "'", "’"}
OPENING_MARKS = "\"“‘'([«<"  # and anything unprintable: spaces, line breaks, control characters
CLOSING_MARKS = "\"”’'),;:!?]»>"
# "International Coffee Organization (ICO)": the acronym a name is given, in brackets just after it.
ACRONYM_DEFINITION = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z&.]{1,7})\)")
INITIALS = re.compile(r"(?:\w\.){2,}")  # "u.s.", "u.s.a.": the last dot belongs to the name
MAX_APPOSITIVE_TOKENS = 25


@dataclass(eq=False)
class Mention:
    first: int  # token range of the name
    last: int  # exclusive
    start: int  # character range of the name in the text
    end: int
    text: str  # the text of that range (Doc.text joins all tokens on every call: read it once)
    type: str
    title_from: int  # first token of a title inside the entity ("Secretary" in "Secretary Rex Tillerson")
    role: str | None = None
    entity: str | None = None
    used_as: str | None = None  # what its context writes it as when that is no entity: "programme", "office"


def extract_mentions(item: dict, doc, found: dict) -> dict:
    text = doc.text
    mentions = [m for m in (_clean(doc, text, ent.start, ent.end, ent.label_) for ent in doc.ents
                            if ent.label_ in TYPES) if m]
    mentions = [_completed(doc, text, _joined_name(doc, text, m)) for m in mentions]
    mentions = _joined_companies(doc, text, mentions)
    mentions = _legal_forms_joined(doc, text, mentions)
    mentions = _firms_of_surnames(doc, text, mentions)
    mentions = _firms_after_a_firm_noun(doc, text, mentions)
    _companies_by_legal_form(mentions, text, doc)
    mentions = _places_starting_companies(doc, text, mentions)
    mentions = _places_ending_bodies(doc, text, mentions)
    mentions = _codes_after_names(doc, text, mentions)
    mentions = _common_words_taken_for_towns(doc, text, mentions, item)
    mentions = _described_names(doc, mentions)
    mentions = _listed_companies(doc, text, mentions)
    mentions += _untagged_websites(doc, text, mentions)
    mentions = [m for m in mentions if fragment_kind(m.text) not in ("table", "time", "title", "currency")]
    mentions = [m for m in mentions if not _financial_measure(text, m)]
    mentions = [m for m in mentions if not _credit_rating(text, m)]
    mentions = [m for m in mentions if not _table_heading(text, m)]
    mentions = _without_things(text, mentions)
    mentions = [_country_of_phrase(doc, m) if _capitalised_phrase(doc, m) else m for m in mentions]
    mentions = [m for m in mentions if m is not None]
    _nationalities(mentions)
    _bodies_taken_for_places(mentions)
    mentions += _people_by_context(doc, text, mentions)
    _people_taken_for_organisations(doc, text, mentions)
    role_tokens = _assign_roles(doc, text, mentions)
    actors = _actors(doc, mentions)
    mentions = [m for m in mentions if not _is_title_word(doc, m, role_tokens, actors)]
    mentions += _missed_surnames(doc, text, mentions)
    mentions = _without_common_words(doc, mentions)
    generic = [m for m in mentions if fragment_kind(m.text) == "generic"]
    mentions = [m for m in mentions if m not in generic]
    _canonicalise(text, mentions, item)
    _firms_taken_for_people(doc, mentions)
    _tickers_of_named_companies(text, mentions)
    _teams_taken_for_people(doc, mentions)
    mentions = _places_listed_before_a_place_noun(doc, text, mentions)
    _towns_taken_for_people(doc, mentions)
    _towns_of_the_articles_region(doc, mentions)
    _cities_as_people(doc, mentions)
    _places_as_people(mentions)
    _media_taken_for_people(doc, mentions)
    _bodies_taken_for_people(doc, mentions)
    _damaged_names_taken_for_people(text, mentions)
    mentions = _without_events(doc, mentions)
    mentions = _without_programmes(doc, mentions)
    mentions = _without_diseases(doc, mentions)
    mentions = _without_offices(doc, mentions)
    _known_titles_as_offices(doc, mentions)
    _sites_taken_for_organisations(doc, mentions)
    _addresses_taken_for_organisations(doc, mentions)
    mentions = [m for m in mentions if not _as_offence(doc, m)]
    _towns_taken_for_organisations(doc, text, mentions)
    mentions = _vehicles_taken_for_organisations(doc, text, mentions)
    _products_taken_for_firms_and_people(doc, mentions)
    units = [m for m in mentions if _unit_word(m)]
    mentions = [m for m in mentions if m not in units]
    mentions = _offices_taken_for_people(doc, text, mentions)
    _places_no_gazetteer_knows(text, mentions)
    units = [m for m in units if not _unit_of_a_person_or_title(doc, m)]
    mentions += _referring_back(generic, mentions) + _referring_back(units, [m for m in mentions if _a_body(m)])
    mentions = _postal_states(doc, text, mentions)
    sentence_starts = [sentence.start for sentence in doc.sents]
    return {"mentions": [_row(m, sentence_starts) for m in sorted(mentions, key=lambda m: m.start)]}


def _row(m: Mention, sentence_starts: list[int]) -> dict:
    return {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "entity": squash(m.entity),
            "sentence": bisect_right(sentence_starts, m.first) - 1, "role": m.role, "used_as": m.used_as}


# --- spans -------------------------------------------------------------------------------------

def _clean(doc, text: str, first: int, last: int, label: str) -> Mention | None:
    while first < last and (doc[first].lower_ in LEADING_WORDS or doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last - 1].text in POSSESSIVES or doc[last - 1].is_punct
                            or doc[last - 1].is_space):
        last -= 1
    if _prompt_verb(doc, first, last):
        first += 1
    if label == "ORG" and _titled_acronym(doc, text, first, last):
        label = PERSON  # "VP Ann Roe" tagged as an organisation: a post's acronym and a person's name
    title_from = first
    if label == PERSON:
        first = _after_titles(doc, first, last)
    if first >= last:
        return None
    start, end = _trim_chars(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
    name = text[start:end]
    if not any(c.isupper() for c in name) or (label == PERSON and not name[0].isupper()):
        return None
    return Mention(first, last, start, end, name, label, title_from)


def _titled_acronym(doc, text: str, first: int, last: int) -> bool:
    """ "EVP Ann B. Roe" tagged as one organisation: a title written as an acronym (TITLE_ACRONYMS, or roles.json's
    titles in capitals: "CEO"; not an honorific, "MS" is a firm's initials) before a name shaped like a person's."""
    words = [token.text for token in doc[first + 1:last]]
    return doc[first].text in TITLE_ACRONYMS | {title.upper() for title in roles()["titles"]} and 2 <= len(words) <= 4 \
        and all(PERSON_WORD.fullmatch(word) for word in words) and words[-1][1:].islower() \
        and not any(word in LEGAL_FORMS | FIRM_HEADS | institution_words() for word in fold_words(" ".join(words)))


def _prompt_verb(doc, first: int, last: int) -> bool:
    """ "Follow Acme on Twitter": a sentence's first word that prompts to follow, like or join an account, before a
    name and "on", is a verb."""
    return last - first >= 2 and doc[first].lower_ in PROMPT_VERBS and (first == 0 or doc[first].is_sent_start) \
        and last < len(doc) and doc[last].lower_ == "on"


def _joined_name(doc, text: str, m: Mention) -> Mention:
    """ "Standard and Poor's Corp" tagged from "Poor's": an organisation's name that starts after
    "<Capitalised word> and" (or "&") the model left untagged takes that word in."""
    if m.type != "ORG" or m.first < 2 or doc[m.first - 1].lower_ not in ("and", "&"):
        return m
    word = doc[m.first - 2]
    if word.ent_iob_ != "O" or not word.text[:1].isupper() or word.pos_ != "PROPN":
        return m
    m.first = m.title_from = m.first - 2
    m.start = word.idx
    m.text = text[m.start:m.end]
    return m


# The rest of a company's name after a cut: "Acme Tyre" + " and Rubber Co", "Acme Eddie" + " Stores Inc"; up to
# three capitalised words (an "and" or "&" may lead them) before the ending.
COMPANY_REST = re.compile(r"(?:\s+(?:and|&))?(?:\s+[A-Z][\w'-]*){1,3}?" + COMPANY_AFTER.pattern)


def _companies_by_legal_form(mentions: list[Mention], text: str, doc=None) -> None:
    """ "Courier Corp" tagged as a person: a name ending in a legal form, or written just before one or before
    "and Co" ("J.P. Morgan and Co"), or starting with an organisation's head noun ("Groupe Marcel"), is a company;
    so is one the model cut before the rest of a company's name that no other entity holds ("Acme Tyre" of "Acme
    Tyre and Rubber Co"). Every other mention of that name in
    the article ("Acme Tyre said") is then the company too."""
    companies = set()
    for m in mentions:
        words = fold_words(m.text)
        if m.type == PERSON and words and (words[-1] in LEGAL_FORMS or COMPANY_AFTER.match(text, m.end)
                                           or (len(words) > 1 and fragment_kind(words[0]) == "generic")
                                           or _company_rest(doc, text, m.end)):
            m.type = "ORG"
            companies.add(m.text)
    for m in mentions:
        if m.type == PERSON and m.text in companies:
            m.type = "ORG"


def _places_starting_companies(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "US West Inc", "Brandon Valley Savings Corp" with only the place tagged: a place written just before up to
    three capitalised words and a legal form ("Ohio Teachers Holdings Inc"), or before the legal form itself (the
    end of "Acme of Virginia Inc"), starts a company's name and is no mention of the place: the whole name is one
    organisation, and any mention inside it goes. A name with a full stop ("U.S. Subsidiary Acme Corp": wire
    copy capitalises the word after "U.S."), a comma, line break or "and" before the ending ("in Ohio, Inc said",
    "Ohio and Acme Corp", a list), or words the model names as a company or person of their own ("sales in Ohio Acme
    Co Ltd plans", a headline run into the text) is left alone."""
    kept = sorted(mentions, key=lambda m: m.start)
    for m in [m for m in kept if m.type in PLACE_TYPES and not m.text.endswith(".")]:
        match = COMPANY_REST.match(text, m.end) or COMPANY_AFTER.match(text, m.end)
        if not match or re.search(r",|\n|\band\b|&", match.group()) or m not in kept \
                or _named_apart(doc, text, kept, m.end, match.end()):
            continue
        start = _company_of_start(text, kept, m)
        company = _span_mention(doc, start, match.end(), "ORG")
        inside = [o for o in kept if start <= o.start and o.end <= match.end()]
        if company is None or any(o.start < match.end() < o.end for o in kept):
            continue
        kept = sorted([o for o in kept if o not in inside] + [company], key=lambda o: o.start)
    return kept


def _named_apart(doc, text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether the words of text[start:end] before its legal form are a company or person of their own: the model
    tags one there, or the article names them alone ("Acme" of "sales in Ohio Acme Co Ltd")."""
    rest = COMPANY_AFTER.split(text[start:end], maxsplit=1)[0].strip()
    return any(ent.label_ in ("ORG", PERSON) and start <= ent.start_char < end for ent in doc.ents) \
        or any(m.type in ("ORG", PERSON) and m.text == rest for m in mentions)


def _company_of_start(text: str, mentions: list[Mention], place: Mention) -> int:
    """Where a company named "<organisation> of <place> <legal form>" starts: the organisation tagged just before
    " of " ("Acme" of "Acme of Virginia Inc"), else the place itself."""
    before = [m for m in mentions if m.type == "ORG" and OF_GAP.fullmatch(text[m.end:place.start])]
    return before[-1].start if before else place.start


AND_GAP = re.compile(r"\s+(?:and|&)\s+")
AND_THE_GAP = re.compile(r"\s+and\s+the\s+")
OF_GAP = re.compile(r"\s+of\s+")
FOREIGN_OF_GAP = re.compile(r"\s+(?:do|da|dos|de|del|della|di|du|des)\s+")
OF_WORDS = {"of", "do", "da", "dos", "de", "del", "della", "di", "du", "des"}


def _joined_companies(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """One company's name the model tagged in two pieces becomes one organisation: a person's or organisation's name,
    "and", and an organisation of a partnership's words ("Alex Smith" + " and " + "Sons Inc"); an organisation cut
    after its "and" and such a rest ("Alex. Smith and" + "Sons Inc"); an organisation ending in a head noun, "of" and
    a person's name, or "do", "de" ... and a person's, organisation's or place's name ("Banco" + " do " + "Brasil"),
    and so a person's name after such a head noun the model left untagged; an organisation ending in a body's head
    noun, "of" and a place not written as an owner ("Teachers Pension Fund" + " of " + "Ohio": the place is part of
    its name, no mention of the place; not "Committee of Ohio's Meat Association"); a one-word organisation, "and" and a
    one-word person's name the article gives no fuller name for and writes only as that pair ("Wagner and Brown");
    an organisation whose name has "of", "and the" and a one-word place or "person" the article writes only after
    it ("Islamic State of Iraq and the Levant")."""
    full = {name_words(m.text)[-1] for m in mentions if m.type == PERSON and len(name_words(m.text)) > 1}
    joined = []
    for m in sorted(mentions, key=lambda m: m.start):
        last = joined[-1] if joined else None
        if last is not None and _one_company(text, last, m, full):
            joined[-1] = Mention(last.first, m.last, last.start, m.end, text[last.start:m.end], "ORG", last.first)
        else:
            joined.append(_after_head_noun(doc, text, m))
    return joined


# "Acme Asset Management" + ", LLC": the gap between a name and a legal form the model tagged apart from it.
LEGAL_FORM_GAP = re.compile(r"[ \t]*,?[ \t]*")
# A legal form written as an abbreviation ("LLC", "Inc.", "Corp") has at most this many letters; a longer one is a
# word that may refer back to a company on its own ("the Company", "the Corporation").
LEGAL_ABBREVIATION = 4


def _legal_forms_joined(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Acme Asset Management" + "LLC" tagged as two names, or "LLC" alone after the untagged "Strategic Blueprint":
    a name made only of legal forms (LEGAL_FORMS: "LLC", "Co. LLC", "Inc.") written right after another name (a
    space or a comma between) is the end of that name, and one written right after capitalised words of its sentence
    that no name holds ends a company's name they start (_untagged_firm): one organisation either way. One written
    as an abbreviation after neither is no mention of any entity (it never stands for the company another sentence
    names), unless written after "the" ("The Co will close two depots"): that one, like a longer one ("the
    Company"), is left to refer back. Only a name tagged as an organisation or a person is a legal form, and only
    such a name takes one: after a place it is the place's state ("Denver, CO", "Las Vegas, NV", "Adelaide, SA")."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type not in ("ORG", PERSON) or not _only_legal_forms(m.text):
            kept.append(m)
        elif kept and kept[-1].type in ("ORG", PERSON) and kept[-1].end <= m.start \
                and LEGAL_FORM_GAP.fullmatch(text, kept[-1].end, m.start) and not _only_legal_forms(kept[-1].text):
            last = kept[-1]
            kept[-1] = Mention(last.first, m.last, last.start, m.end, text[last.start:m.end], "ORG", last.first)
        elif (firm := _untagged_firm(doc, text, m, kept)) is not None:
            kept = [k for k in kept if k.first < firm.first] + [firm]
        elif any(len(word) > LEGAL_ABBREVIATION for word in fold_words(m.text)) \
                or m.first > 0 and doc[m.first - 1].lower_ == "the":
            kept.append(m)
    return kept


# The most words a company's name the model left untagged may have before its legal form ("Lord Abbett & CO.").
MAX_FIRM_WORDS = 6
# Capitalised words of these parts of speech start no company's name ("Finally", "The", "In").
NOT_FIRM_POS = {"DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX", "PART", "ADV", "PUNCT", "SYM"}


def _untagged_firm(doc, text: str, m: Mention, kept: list[Mention]) -> Mention | None:
    """The company a legal form ends when the words just before it are capitalised words (no full stop) that no name
    holds ("Strategic Blueprint" + "LLC", "Lord Abbett & CO." + "LLC"), or such words and a one-name organisation or
    person right before them ("NorthRock" + "Partners" + "LLC"), else None."""
    last = kept[-1] if kept else None
    bound = max(last.last if last is not None else 0, m.first - MAX_FIRM_WORDS)  # the model's sentences cut names
    first = m.first
    while first > bound and _firm_name_word(doc[first - 1]):
        first -= 1
    if last is not None and first == last.last and first < m.first and last.type in ("ORG", PERSON) \
            and all(_firm_name_word(t) for t in doc[last.first:last.last]):
        first = last.first
    while first < m.first and doc[first].text == "&":
        first += 1
    if first == m.first:
        return None
    start = doc[first].idx
    return Mention(first, m.last, start, m.end, text[start:m.end], "ORG", first)


def _firm_name_word(token) -> bool:
    return token.text == "&" or token.text[:1].isupper() and token.pos_ not in NOT_FIRM_POS


def _only_legal_forms(name: str) -> bool:
    words = fold_words(name)
    return bool(words) and all(word in LEGAL_FORMS for word in words)


def _one_company(text: str, a: Mention, b: Mention, full: set[str]) -> bool:
    gap = text[a.end:b.start]
    words = fold_words(b.text)
    rest = b.type == "ORG" and words[:1] != [] and words[0] in PARTNER_WORDS \
        and all(word in PARTNER_WORDS or word in LEGAL_FORMS for word in words)
    if rest and (a.type in (PERSON, "ORG") and AND_GAP.fullmatch(gap)
                 or a.type == "ORG" and a.text.endswith((" and", " &")) and gap.isspace()):
        return True
    if a.type == "ORG" and b.type == PERSON and AND_GAP.fullmatch(gap) and b.text not in full \
            and all(len(m.text.split()) == 1 and m.text.istitle() for m in (a, b)) and fragment_kind(a.text) is None \
            and _only_together(text, a, b):
        return True
    if a.type == "ORG" and " of " in a.text and b.type in ("GPE", "LOC", PERSON) and AND_THE_GAP.fullmatch(gap) \
            and b.text.isalpha() and b.text.istitle() and _only_together(text, a, b, (b,)):
        return True
    of = b.type == PERSON and OF_GAP.fullmatch(gap) \
        or b.type in (PERSON, "ORG", "GPE") and FOREIGN_OF_GAP.fullmatch(gap)
    head = a.text.split()[-1]
    return a.type == "ORG" and (fragment_kind(head) == "generic" and bool(of) or b.type == "GPE" and bool(
        OF_GAP.fullmatch(gap)) and _body_head(head) and not POSSESSIVE_AFTER.match(text, b.end))


POSSESSIVE_AFTER = re.compile(r"['’]s?\b|\s+s\b")  # "of Russia's Meat Association": the place owns the next name
# A group of companies "of" a place is where it is based ("Acme Group of London"); a body "of" a place is named by it.
GROUP_WORDS = {"group", "holdings", "industries"}


# Head nouns of bodies besides the generic ones of name_fragments.tsv: "Teacher Retirement System of Texas". Not a
# company's words ("Services", "Network": "Acme Payment Services of Switzerland" says where the company is).
BODY_WORDS = {"system", "systems", "trust", "foundation", "society", "federation", "league", "alliance",
              "administration", "bureau", "academy", "plan"}


def _body_head(word: str) -> bool:
    """Whether an organisation's head noun takes the place after "of" into its name: "Teachers Pension Fund of
    Ohio", "Valley Bank of Arizona", "Teacher Retirement System of Texas" — not a legal form ("Acme Inc of Ohio")
    or a group of companies."""
    folded = fold_words(word)
    return bool(folded) and (folded[-1] in BODY_WORDS or fragment_kind(word) == "generic"
                             and folded[-1] not in LEGAL_FORMS and folded[-1] not in GROUP_WORDS)


def _places_ending_bodies(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Teacher Retirement System of Texas" with only the place tagged (or the body's words as a person): a place
    after "of" and two or more capitalised words ending in a body's head noun ends that body's name and is no
    mention of the place; the whole name is one organisation. Not a place that owns the name after it ("of Texas's
    Retirement Board"), nor a name whose words run across a sentence start, a comma or "the"."""
    kept = sorted(mentions, key=lambda m: m.start)
    for m in [m for m in kept if m.type in PLACE_TYPES]:
        first = _body_start(doc, m)
        if first is None or m not in kept or OWNER_AFTER.match(text, m.end):
            continue
        body = _span_mention(doc, doc[first].idx, m.end, "ORG")
        if body is None or any(o.start < body.start < o.end or o.start < body.end < o.end for o in kept):
            continue
        kept = sorted([o for o in kept if not body.start <= o.start < body.end] + [body], key=lambda o: o.start)
    return kept


OWNER_AFTER = re.compile(r"(?:['’]s?|\s+s)\s+[A-Z]")  # "of Texas's Retirement Board": the place owns that name


def _body_start(doc, m: Mention) -> int | None:
    """The first token of the capitalised words before "of" and the place m, when they are two or more and the last
    is a body's head noun ("Teacher Retirement System" of "... of Texas")."""
    if m.first < 3 or doc[m.first - 1].text != "of" or not doc[m.first - 2].is_title \
            or not _body_head(doc[m.first - 2].text):
        return None
    first = m.first - 2
    while first > 0 and not doc[first].is_sent_start and doc[first - 1].is_title \
            and doc[first - 1].lower_ not in LEADING_WORDS:
        first -= 1
    return first if m.first - 1 - first >= 2 else None


STATE_CODE = re.compile(r"[A-Z]{2}")
# A filer's kind written after its state code: "Resources Management Corp CT ADV" (an adviser), "Acme Inc. IA ADV".
FILER_CODE = re.compile(r"[A-Z]{2,4}")
AFTER_DEGREE = re.compile(r"\s*(?:[,;:)]|\.(?:\s|$)|$)")


def _codes_after_names(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Two capitals tagged as a place right after a name: after a company's legal form that ends its name ("Harbor
    Point Advisors Inc. MD", a filer's state; also tagged as an organisation or a person of their own: "Co. MA")
    they are part of the company's name, which takes them, unless they are a country's ("Toyota Motor Corp. US
    sales": the place stays), and so are the capitals of the filer's kind after that state ("Corp CT ADV"); after a
    person's name and a comma, before a comma or a full stop ("Jane Roe, MD, said"), they are the person's degree.
    Neither is a mention of a place. The quote stage takes the filer's name as written here."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        before = kept[-1] if kept else None
        if m.type in PLACE_TYPES | {"ORG", PERSON} and FILER_CODE.fullmatch(m.text) and before is not None:
            gap = text[before.end:m.start]
            if before.type == "ORG" and _filers_code(before.text, m.text, gap):
                joined = _span_mention(doc, before.start, m.end, "ORG")
                if joined is not None:
                    kept[-1] = joined
                    continue
            if before.type == PERSON and m.type in PLACE_TYPES and STATE_CODE.fullmatch(m.text) \
                    and gap in (", ", ",") and AFTER_DEGREE.match(text, m.end):
                continue
        kept.append(m)
    return kept


def _filers_code(name: str, code: str, gap: str) -> bool:
    """Whether capitals after a company's name are its filer's state (two capitals after its legal form, not a
    country's: "Inc. MD", "Co. MA") or its filer's kind after that state ("Corp CT" + "ADV")."""
    words, last = fold_words(name), name.split()[-1:]
    if STATE_CODE.fullmatch(code) and gap in (" ", ", ") and words[-1:] and words[-1] in LEGAL_FORMS:
        return not _country_code(code)
    return gap == " " and len(words) > 1 and words[-2] in LEGAL_FORMS and bool(last) \
        and STATE_CODE.fullmatch(last[0]) is not None


def _country_code(code: str) -> bool:
    """Whether the gazetteer's own reading of two capitals is a place above or beside a state ("US", "UK", "EU",
    "LA"), which no filer's state code is ("MD", "NY" read as states; "MA", "CO" read as nothing)."""
    gazetteer = get_gazetteer()
    place_id = gazetteer.preferred.get(name_key(code))
    place = gazetteer.get(place_id) if place_id is not None else None
    return place is not None and place.feature_code != "ADM1"


def _postal_states(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """A state's postal abbreviation after a place and a comma ("Chicago, IL", "Denver, CO"; toponyms.postal_codes:
    a namesake of the place lies in that state) is a mention of that state, named as the state ("Illinois"), whether
    the model tagged it as an organisation ("IL"), dropped it as a legal form ("CO") or left it untagged."""
    by_span = {(m.start, m.end): m for m in mentions}
    added: list[Mention] = []
    for start, end, state in postal_codes(doc, get_gazetteer()):
        code = by_span.get((start, end))
        if code is None and not any(o.start < end and start < o.end for o in mentions + added):
            code = _span_mention(doc, start, end, "GPE")
            added += [code] if code is not None else []
        if code is not None:
            code.type, code.entity, code.role, code.used_as = "GPE", state.name, None, None
    return mentions + added


def _common_words_taken_for_towns(doc, text: str, mentions: list[Mention], item: dict) -> list[Mention]:
    """ "Software and Mobile apps", "its outlook toward Mobile": a one-word place that is a common word, that its
    sentence writes as that word (_written_as_common_word) and that the article does not show to be the town
    (toponyms.common_word_town) is no mention. Without the sentence's evidence it stays the town: "the mayor of
    Mobile", "moved to Mobile"."""
    named = [m.text for m in mentions if m.type in PLACE_TYPES] + [item.get("dateline") or ""]
    return [m for m in mentions if m.type not in PLACE_TYPES or not _written_as_common_word(doc, m)
            or not common_word_town(text, m.start, m.end, named, get_gazetteer())]


def _written_as_common_word(doc, m: Mention) -> bool:
    """Whether the sentence writes a one-word name as a common word: before a lower-case noun ("Mobile apps",
    "Software and Mobile apps"; the nouns of a town, "Mobile police", are toponyms.common_word_town's), or after a
    noun and "toward" ("outlook toward Mobile"; a verb before "toward" moves to the town: "headed toward Mobile")."""
    token = doc[m.last - 1]
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and after.pos_ == "NOUN" and after.text.islower():
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in ("toward", "towards") and head.head.pos_ == "NOUN"


def _only_together(text: str, a: Mention, b: Mention, alone: tuple = ()) -> bool:
    """Whether the article writes these two words only as the pair it has here ("Wagner and Brown"); with `alone`,
    only those of them: "Levant" only after "Islamic State of Iraq and the" (a place the model split off an
    organisation's name), not "the Treasury" of "the Bank of Ireland and the Treasury"."""
    pair = len(re.findall(re.escape(text[a.start:b.end]), text))
    return all(len(re.findall(rf"(?<!\w){re.escape(m.text)}(?!\w)", text)) == pair for m in alone or (a, b))


def _after_head_noun(doc, text: str, m: Mention) -> Mention:
    """ "the Banco do Brasil" with only "Brasil" tagged, as a person: the untagged head noun and "do" join it."""
    head = doc[m.first - 2] if m.first >= 2 and m.type == PERSON else None
    if head is None or doc[m.first - 1].lower_ not in OF_WORDS or head.ent_iob_ != "O" or not head.is_title \
            or fragment_kind(head.text) != "generic":
        return m
    return Mention(head.i, m.last, head.idx, m.end, text[head.idx:m.end], "ORG", head.i)


# A firm named by a run of names: "Merrill Lynch, Pierce, Fenner and Smith Inc", "Rothschild, Unterberg, Towbin Inc",
# "Walker-Gooderham and Worts Ltd". The first name has up to three words, each later one a single (perhaps
# hyphenated) word after ", " or a final "and" / "&"; a company's ending closes the run. No word is a legal form.
FIRM_WORD = rf"(?!{WRITTEN_LEGAL_FORM}\b)[A-Z][\w'.]*(?:-[A-Z][\w'.]*)*"
FIRM_NAME = re.compile(rf"(?<![\w.'’-])(?P<first>{FIRM_WORD}(?:\s+{FIRM_WORD}){{0,2}})"
                       rf"(?:,\s+{FIRM_WORD})*(?:,\s+{FIRM_WORD}|,?\s+(?:and|&)\s+{FIRM_WORD})"
                       rf"(?P<ending>{COMPANY_AFTER.pattern}(?:\s+(?:Inc|Corp|Ltd|Plc|PLC)\b)?)")


def _firms_of_surnames(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm whose name is a run of surnames the model tagged in person-shaped pieces ("L.F. Rothschild" +
    "Unterberg" + "Towbin Inc") is one organisation: the whole run, and its first name wherever else the article
    writes it as a person ("L.F. Rothschild said"), as a legal-form company's name is. Pieces all tagged as
    organisations stay apart (a list of companies), and so does a first name with a given name ("Ann Hale and
    Exxon Corp"); a run of names with no company's ending ("Hale, Dunn and Ross said") is no firm."""
    firms, short_names = [], set()
    for start, end, first_end in _firm_names(doc, text, mentions):
        inside = [m for m in mentions if start <= m.start < end]
        span = doc.char_span(start, end, alignment_mode="expand")
        firms.append((inside, Mention(span.start, span.end, start, end, text[start:end], "ORG", span.start)))
        short_names |= {m.text for m in inside if m.type == PERSON and m.start == start and m.end == first_end}
    replaced = {id(m) for inside, _ in firms for m in inside}
    kept = [m for m in mentions if id(m) not in replaced] + [firm for _, firm in firms]
    for m in kept:
        if m.type == PERSON and m.text in short_names:
            m.type = "ORG"
    return sorted(kept, key=lambda m: m.start)


# Nouns that, just before "<Name> and <Name>" (perhaps with "of", "at" or "with" between), show the pair to be a
# firm's name: a company's noun (loader/data/name_fragments.tsv, kind company) or these, by lemma.
FIRM_CONTEXT = {"broker", "stockbroker", "analyst", "economist", "strategist", "lawyer", "partner"}
FIRM_CONTEXT_LINKS = {"of", "at", "with"}


def _firms_after_a_firm_noun(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "brokers Phillips and Drew", "the law firm of Sullivan and Cromwell", "analysts at Hale and Dorr": two
    one-word names joined by "and" or "&", at least one tagged as a person (the other a person's or organisation's
    name, or a capitalised word the model left untagged), written just after a firm's noun or a firm's staff
    ("analysts at"), are one firm's name with no legal form: one organisation."""
    joined = []
    for m in sorted(mentions, key=lambda m: m.start):
        last = joined[-1] if joined else None
        if last is not None and _one_word_pair(text, last, m) and _firm_context(doc, last.first, m.last):
            joined[-1] = Mention(last.first, m.last, last.start, m.end, text[last.start:m.end], "ORG", last.first)
        else:
            joined.append(m)
    return [_with_untagged_partner(doc, text, m) if m.type == PERSON and _one_word(m) else m for m in joined]


def _one_word(m: Mention) -> bool:
    return " " not in m.text and m.text.istitle()


def _one_word_pair(text: str, a: Mention, b: Mention) -> bool:
    return bool(AND_GAP.fullmatch(text[a.end:b.start])) and PERSON in (a.type, b.type) \
        and all(m.type in (PERSON, "ORG", "GPE") and _one_word(m) for m in (a, b))


def _with_untagged_partner(doc, text: str, m: Mention) -> Mention:
    """The firm "Hale and Dorr" with only "Dorr" tagged (or only "Hale"): the untagged word joins the person's."""
    first, last = m.first, m.last
    if first >= 2 and doc[first - 1].lower_ in ("and", "&") and _untagged_word(doc[first - 2]):
        first -= 2
    elif last + 1 < len(doc) and doc[last].lower_ in ("and", "&") and _untagged_word(doc[last + 1]):
        last += 2
    if (first, last) == (m.first, m.last) or not _firm_context(doc, first, last):
        return m
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    return Mention(first, last, start, end, text[start:end], "ORG", first)


def _untagged_word(token) -> bool:
    return token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.is_title


def _firm_context(doc, first: int, last: int) -> bool:
    """Whether tokens first..last (a pair of names) follow a firm's noun or staff, and no longer name goes on."""
    if last < len(doc) and doc[last].pos_ == "PROPN":  # "Smith and Jones Securities": a longer name
        return False
    j = first - 1
    if j >= 0 and doc[j].lower_ in FIRM_CONTEXT_LINKS:
        j -= 1
    if j < 0 or not (doc[j].is_lower or doc[j].is_sent_start and doc[j].is_title):
        return False
    word = doc[j]
    return word.lemma_.lower() in FIRM_CONTEXT or "company" in (described_as(word.lemma_), described_as(word.lower_))


def _firm_names(doc, text: str, mentions: list[Mention]):
    """The runs of names FIRM_NAME finds that start at a proper noun or a mention, cross no mention's edge, hold a
    person's name or a name the model left untagged, and start with no given name: (start, end, end of the first
    name). A full stop the model took into the ending ("Towbin Inc.") is the name's; an "and" after it
    ("Towbin Inc and") is not, and the mention goes with the rest."""
    position = 0
    while match := FIRM_NAME.search(text, position):
        position = match.end()
        start, end = match.span()
        if any(start < m.start < end and m.end == end + 1 for m in mentions) and text[end:end + 1] == ".":
            end += 1
        first = match.group("first")
        if _crosses(text, mentions, start, end) or _has_given_name(first) or "'s" in first:
            position = start + 1
            continue
        covered = [m for m in mentions if start <= m.start and m.end <= end]
        span = doc.char_span(start, match.start("ending"), alignment_mode="expand")
        if span is None or not (span[0].pos_ == "PROPN" or any(m.start == start for m in covered)):
            position = start + 1
            continue
        if any(token.is_title and token.ent_iob_ == "O" for token in span) or any(m.type == PERSON for m in covered):
            yield start, end, match.end("first")


def _crosses(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether a mention runs across either edge of text[start:end], other than by an "and" after it."""
    return any(m.start < start < m.end or m.start < end < m.end and text[end:m.end].strip() not in ("and", "&")
               for m in mentions)


# What a "person" a ship's, a publication's, a water's or a company's noun describes is: none of ours, an
# organisation, a place, an organisation.
DESCRIBED_TYPES = {"vessel": None, "publication": "ORG", "water": "LOC", "company": "ORG"}


def _described_names(doc, mentions: list[Mention]) -> list[Mention]:
    """ "the tanker Sea Star", "the daily Le Soir", "the river Avon", "the Avon river", "the state oil company,
    Petrolera," or "Sea Star, a Panamanian freighter" tagged as people: a person's name written just after a
    lower-case noun (or two: "aircraft carrier") for a ship, a publication or a river (loader/data/
    name_fragments.tsv), or (a river) just before "river", or in apposition with such a noun or a company's, is
    that thing, and so is every other mention of that name in the article: a ship is none of our entities, a
    publication or a company an organisation, a river a place. An organisation's name a ship's noun describes ("the
    ferry Pride of Dover") is that ship's too."""
    kinds = {}
    for m in mentions:
        kind = _description(doc, m) if m.type in (PERSON, "ORG") else None
        if kind and (m.type == PERSON or kind == "vessel"):
            kinds.setdefault((m.text, m.type), kind)
    for m in mentions:
        if (m.text, m.type) in kinds:
            m.type = DESCRIBED_TYPES[kinds[(m.text, m.type)]]
    return [m for m in mentions if m.type is not None]


def _description(doc, m: Mention) -> str | None:
    before = [token.text for token in doc[max(m.first - 2, 0):m.first]]
    for words in (before[-1:], before[-2:]):
        kind = described_as(" ".join(words)) if words and all(word.islower() for word in words) else None
        if kind and kind != "company":
            return kind
    if m.last < len(doc) and doc[m.last].text.islower() and described_as(doc[m.last].text) == "water":
        return "water"
    root = _root(doc, m)
    nouns = [child for child in root.rights if child.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < m.first:
        nouns.append(root.head)
    kinds = [described_as(noun.text) for noun in nouns if noun.text.islower()]
    kinds = [kind for kind in kinds if kind in ("vessel", "publication") or kind == "company"
             and not any(_is_title(token) for token in root.head.ancestors)]  # "chairman of the firm Ann Hale"
    return kinds[0] if kinds else None


def _titled(m: Mention) -> bool:
    return any(word.lower().rstrip(".") in roles()["titles"] for word in (m.role or "").split())


def _has_given_name(name: str) -> bool:
    return len(fold_words(name)) > 1 and is_given_name(name)


def _company_rest(doc, text: str, end: int) -> bool:
    """Capitalised words and a company's ending right after `end` that the model tagged as no entity."""
    match = COMPANY_REST.match(text, end) if doc is not None else None
    if not match:
        return False
    span = doc.char_span(end, match.end(), alignment_mode="expand")
    return span is not None and all(token.ent_iob_ == "O" for token in span)


# A one-word "person" that is the name of a town at least this big is the town ("Rotterdam", "Duluth").
CITY_MIN_POPULATION = 50_000
# A town's name written without its accents stands for it only when the town is this big ("Izmir", "Cancun");
# "Bush" is not Būsh, a town of 136,000 in Egypt, but the "Bush administration").
UNACCENTED_MIN_POPULATION = 500_000


def _cities_as_people(doc, mentions: list[Mention]) -> None:
    """ "shipments from Rotterdam" tagged as a person: a one-word person's name the article gives no fuller
    name or title for, that does no speaking or acting (no subject of a verb), and that is the name of a town of
    CITY_MIN_POPULATION or more (accents aside for a city of UNACCENTED_MIN_POPULATION: "Izmir"), is that place.
    The places stage keeps it only where the article backs that reading (places.py)."""
    for m in mentions:
        if m.type != PERSON or m.role or len(m.text.split()) != 1 or (m.entity or m.text) != m.text:
            continue
        if any(token.dep_ in ("nsubj", "nsubjpass") for token in doc[m.first:m.last]):
            continue
        if any(get_gazetteer().is_main_name(place, m.text) and place.population >= CITY_MIN_POPULATION
               and (place.name == m.text or place.population >= UNACCENTED_MIN_POPULATION)
               for place in get_gazetteer().candidates(m.text)):
            m.type = "GPE"


def _places_as_people(mentions: list[Mention]) -> None:
    """ "talks with Sri Lanka" tagged as a person: a name of two words or more, given no title or fuller name,
    whose first word is no given name and that the article never shortens to its last word (as it would a
    surname), that is exactly the name of a country, a first-order division or a town of CITY_MIN_POPULATION or
    more, is that place."""
    surnames = {m.text for m in mentions if m.type == PERSON and " " not in m.text}
    for m in mentions:
        words = m.text.split()
        if m.type != PERSON or m.role or len(words) < 2 or (m.entity or m.text) != m.text \
                or _has_given_name(m.text) or words[-1] in surnames:
            continue
        if any(get_gazetteer().is_main_name(place, m.text) and (place.feature_code.startswith(("PCL", "ADM1"))
                                                                  or place.population >= CITY_MIN_POPULATION)
               for place in get_gazetteer().candidates(m.text)):
            m.type = "GPE"


# Lower-case plural nouns of places that a list of names is written before ("Lyman and Marsh counties", "on Oak and
# Birch roads", "the Tigris and Euphrates rivers"), with the type each name of the list then has. ("states" is
# left out: "EU and NATO states" are bodies.)
PLACE_PLURALS = {"counties": "GPE", "townships": "GPE", "parishes": "GPE", "provinces": "GPE", "districts": "GPE",
                 "regions": "GPE", "boroughs": "GPE", "municipalities": "GPE", "prefectures": "GPE", "oblasts": "GPE",
                 "governorates": "GPE", "cities": "GPE", "towns": "GPE", "villages": "GPE", "roads": "FAC",
                 "streets": "FAC", "avenues": "FAC", "boulevards": "FAC", "highways": "FAC", "lanes": "FAC",
                 "rivers": "LOC", "lakes": "LOC", "islands": "LOC", "mountains": "LOC", "valleys": "LOC",
                 "creeks": "LOC"}
LIST_ITEM = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
LIST_GAP = r"(?:,\s+(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)"
LIST_REST = re.compile(rf"(?P<rest>(?:{LIST_GAP}{LIST_ITEM})*)\s+(?P<noun>[a-z]+)\b")
LIST_BEFORE = re.compile(rf"{LIST_ITEM}{LIST_GAP}$")


def _places_listed_before_a_place_noun(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "in Lyman and Marsh counties", "on Oak, Birch and Marsh roads" tagged as people or organisations: a name in
    a list of capitalised names ("A and B", "A, B and C") written just before a lower-case plural noun of places
    (PLACE_PLURALS) is that kind of place — a county, a road, a river. A list the model tagged as one name ("Clay
    and Benton" townships) is split into its names. A name the article gives in full ("Trump" of "Donald Trump")
    or in capitals (an acronym), a body's name ("... Council") and a list before a noun the plural modifies ("...
    roads policing lead") keep their type."""
    kept = []
    for m in mentions:
        kind = _listed_place_kind(doc, text, m) if m.type in (PERSON, "ORG") else None
        if kind is None or (m.entity or m.text) != m.text or m.text.isupper() or m.role \
                or any(word in institution_words() for word in fold_words(m.text)):
            kept.append(m)
            continue
        for part in _list_parts(doc, text, m):
            part.type = kind
            kept.append(part)
    return kept


def _listed_place_kind(doc, text: str, m: Mention) -> str | None:
    after = LIST_REST.match(text, m.end)
    if after is None or after.group("noun") not in PLACE_PLURALS:
        return None
    noun = doc.char_span(after.start("noun"), after.end("noun"))
    if noun is None or noun.root.dep_ == "compound":
        return None  # "... Council roads policing lead"
    listed = after.group("rest") or LIST_BEFORE.search(text, max(0, m.start - 80), m.start) \
        or re.search(LIST_GAP, m.text)
    return PLACE_PLURALS[after.group("noun")] if listed else None


def _list_parts(doc, text: str, m: Mention) -> list[Mention]:
    """The names of a list tagged as one ("Clay and Benton" → "Clay", "Benton"); the mention itself if it is one."""
    parts, start = [], m.start
    for gap in [*re.finditer(LIST_GAP, m.text), None]:
        end = m.start + gap.start() if gap else m.end
        span = doc.char_span(start, end)
        if span is not None:
            parts.append(Mention(span.start, span.end, start, end, text[start:end], m.type, span.start,
                                 entity=text[start:end]))
        start = m.start + gap.end() if gap else end
    return parts if len(parts) > 1 else [m]


def _town_name(gazetteer, name: str) -> bool:
    """Whether the gazetteer has a town or a county whose main name is `name` ("Taylor", "Marion")."""
    return any(gazetteer.is_main_name(place, name)
               and (place.feature_code.startswith("PPL") or place.feature_code == "ADM2")
               for place in gazetteer.candidates(name))


def _towns_taken_for_people(doc, mentions: list[Mention]) -> None:
    """ "Taylor police said", "in Taylor, Mich.", "TAYLOR, Mich. —", "a Taylor man" tagged as a person: a one-word
    name the article gives no fuller name or title, written at least once with words only a town's name takes
    (_beside_town_words; a preposition of place alone is no proof: "confidence in Taylor"), never the subject of a
    verb (but there: a dateline parses so), that is exactly a populated place's or a county's name in the
    gazetteer, is that town in every mention
    (any case) — and so is not joined to a famous person of that surname."""
    gazetteer = get_gazetteer()
    starts = {m.start: m for m in mentions}
    groups: dict[str, list[Mention]] = {}
    for m in _one_word_names(mentions, {PERSON}):
        groups.setdefault(m.text.lower(), []).append(m)
    for group in groups.values():
        beside = [m for m in group if _beside_town_words(doc, m, starts, TOWN_RESIDENTS - KIN_NOUNS)]
        if not beside or any(token.dep_ in ("nsubj", "nsubjpass") for m in group if m not in beside
                             for token in doc[m.first:m.last]):
            continue
        name = group[0].text.title() if group[0].text.isupper() else group[0].text
        if _town_name(gazetteer, name):
            for m in group:
                m.type = "GPE"



# Prepositions whose object is a town's name in a story of the town's region, besides TOWN_PREPOSITIONS ("the road
# between ... and ...", "heading towards ..."); not "to" or "from", which take people as often ("a letter to ...").
REGION_TOWN_PREPOSITIONS = {"between", "toward", "towards"}


def _towns_of_the_articles_region(doc, mentions: list[Mention]) -> None:
    """ "flooding between Hume and Robertson", "schools in Jackson" tagged as a person in an article that names the
    town's state: a one-word name the article gives no fuller name or title, written at least once after a preposition
    of place or in a list with places (_placed_in_text; or so in a mention the model typed as a place), written nowhere
    as a person is (_written_as_person: the subject of a verb, a possessive, a noun's modifier, beside a person), that
    the gazetteer holds as a town or a county of a first-order division the article names (_regions_named), is that
    town in every mention — and so is not joined to a famous person of that surname. A preposition alone is no proof,
    nor the region alone: a president's surname is a town's in many states."""
    gazetteer = get_gazetteer()
    groups: dict[str, list[Mention]] = {}
    for m in _one_word_names(mentions, {PERSON}):
        groups.setdefault(m.text, []).append(m)
    places = [m for m in mentions if m.type == "GPE" and m.text in groups]  # the same name typed as a place
    placed = {name: group for name, group in groups.items() if any(
        _placed_in_text(doc, m, mentions) for m in group + [m for m in places if m.text == name])}
    if not placed:
        return
    regions = _regions_named(gazetteer, mentions)
    towns = {name: group for name, group in placed.items() if any(
        gazetteer.is_main_name(place, name) and (place.country_code, place.admin1) in regions
        and (place.feature_code.startswith("PPL") or place.feature_code == "ADM2")
        for place in gazetteer.candidates(name))}
    people = [m for m in mentions if m.type == PERSON]  # "between Warren and Clinton": a race as likely as a road
    for group in towns.values():
        if not any(_written_as_person(doc, m, people) for m in group):
            for m in group:
                m.type = "GPE"


def _regions_named(gazetteer, mentions: list[Mention]) -> set[tuple[str, str]]:
    """(country code, first-order division) of the divisions the article names as places ("Mississippi", "Miss.",
    "New South Wales") and of the cities of CITY_MIN_POPULATION or more it names ("Sydney")."""
    found = set()
    for m in mentions:
        if m.type not in ("GPE", "LOC"):
            continue
        for place in gazetteer.candidates(m.text):
            if place.admin1 and gazetteer.is_main_name(place, m.text) and (
                    place.feature_code == "ADM1"
                    or place.feature_code.startswith("PPL") and place.population >= CITY_MIN_POPULATION):
                found.add((place.country_code, place.admin1))
    return found


def _mention_of(token, mentions: list[Mention]) -> Mention | None:
    return next((m for m in mentions if m.first <= token.i < m.last), None)


def _placed_in_text(doc, m: Mention, mentions: list[Mention]) -> bool:
    """After a preposition of place (TOWN_PREPOSITIONS, REGION_TOWN_PREPOSITIONS), itself or as the later name of a
    list ("between Hume Highway and ..."), or in a list with a place ("Lincoln, ... and Omaha")."""
    token = _root(doc, m)
    while token.dep_ == "conj" and token.head.i != token.i:
        partner = _mention_of(token.head, mentions)
        if partner is not None and partner.type in PLACE_TYPES:
            return True
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in TOWN_PREPOSITIONS | REGION_TOWN_PREPOSITIONS:
        return True
    partners = (_mention_of(child, mentions) for child in _root(doc, m).children if child.dep_ == "conj")
    return any(partner is not None and partner.type in PLACE_TYPES for partner in partners)


def _written_as_person(doc, m: Mention, people: list[Mention]) -> bool:
    """The subject of a verb, a possessive ("...'s"), the modifier of a noun ("the ... administration"), or in a list
    with one of the `people` ("... and Smith")."""
    root = _root(doc, m)
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "compound", "appos") or any(
            child.dep_ == "case" for child in root.children):
        return True
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [child for child in root.children if child.dep_ in ("conj", "appos")]
    return any(_mention_of(token, people) is not None for token in linked)

# --- one-word names that are a medium, a body or an event, not a person or place ----------------------------

POSSESSIVE_WORDS = {"his", "her", "their", "its", "our", "my", "your", "'s", "’s"}
# The title of a rank inside a body, written between the body's name and a member's ("Garda superintendent Tony
# Healy", "Acme chief executive ...": "executive"), unlike a person's staff ("Smith spokesman Tom Jones").
RANK_TITLES = {"commissioner", "superintendent", "sergeant", "sgt", "inspector", "constable", "detective", "officer",
               "captain", "capt", "commander", "cmdr", "coach", "manager", "chairman", "chairwoman", "chairperson",
               "ceo", "cfo", "coo", "director", "executive", "founder", "striker", "treasurer", "colonel", "col",
               "lieutenant", "lt", "corporal", "chief"}
# A building of a body written just after its name ("the Garda station", "Police Headquarters").
BODY_BUILDINGS = {"station", "headquarters"}
# Words before a name that make it the time of an event ("after Brexit", "post Brexit").
EVENT_TIME_WORDS = {"after", "before", "post", "pre", "until", "following"}
# Nouns of a political process that a name may modify as the process's name ("the Brexit talks", "a Grexit vote").
PROCESS_NOUNS = {"process", "talks", "vote", "negotiations", "referendum", "negotiator", "deal", "bill"}
# Nouns of what follows an event, before "of" and its name at the end of a phrase ("the terms of Brexit.").
OUTCOME_NOUNS = {"terms", "consequences", "outcome", "impact", "implications", "aftermath", "wake", "downsides",
                 "effects"}
ARTICLES = {"a", "an"}


def _one_word_names(mentions: list[Mention], types: set) -> list[Mention]:
    """One-word mentions of these types the article gives no fuller name and no title or role."""
    return [m for m in mentions if m.type in types and " " not in m.text and (m.entity or m.text) == m.text
            and not m.role]


def _media_taken_for_people(doc, mentions: list[Mention]) -> None:
    """ "posted a selfie on Twitter", "wrote on Twitter", "took to Twitter", "Trump's use of Twitter", "his
    Twitter account" tagged as a person (or as a place no gazetteer place is called): a one-word name the article
    gives no fuller name or title, written at least once as the medium of a message — after "on" or "via" that a
    word of publishing governs (loader/data/name_fragments.tsv, kind medium), after "took to", "posted to" or "use
    of", between "a", "the" or a possessive and such a noun, or in a list with such a medium ("on Twitter or
    Instagram") — is a web platform or channel, and every mention of it in the article is that organisation."""
    names = _one_word_names(mentions, {PERSON, "GPE", "LOC"})
    named = [m for m in names if _as_medium(doc, m)]
    tokens = {m.last - 1 for m in named}
    named += [m for m in names if _listed_with(doc[m.last - 1], tokens)]
    media = {m.text for m in named if m.type == PERSON or not get_gazetteer().candidates(m.text)}
    for m in mentions:
        if m.type in (PERSON, "GPE", "LOC") and m.text in media:
            m.type = "ORG"


def _listed_with(token, tokens: set[int]) -> bool:
    """Whether a word is a conjunct of one of these tokens (or they of it): "on Twitter or Instagram"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i in tokens:
            return True
    return any(child.dep_ == "conj" and child.i in tokens for child in token.subtree)


def _as_medium(doc, m: Mention) -> bool:
    before = doc[m.first - 1] if m.first > 0 else None
    after = doc[m.last] if m.last < len(doc) else None
    if before is None or after is not None and after.text in POSSESSIVES:  # "on Smith's page" is Smith's
        return False
    word = before.lower_
    if word in ("on", "via"):
        head = before.head  # "wrote on ...", "a post on ...", "posted a selfie on ..."
        verb = head.head if head.dep_ == "dobj" else head
        return head.i != before.i and (_medium_word(head, any_case=True) or _medium_word(verb, any_case=True))
    if word in ("to", "of") and m.first >= 2:
        return (doc[m.first - 2].lemma_, word) in (("take", "to"), ("post", "to"), ("upload", "to"), ("use", "of"))
    return (word in ARTICLES or word == "the" or word in POSSESSIVE_WORDS) and after is not None \
        and after.pos_ == "NOUN" and _medium_word(after)


def _medium_word(token, any_case: bool = False) -> bool:
    """A word of publishing; in lower case unless `any_case` (a verb may open a sentence: "Follow us on ...")."""
    return (any_case or token.is_lower) and (token.lemma_.lower() in medium_words() or token.lower_ in medium_words())


def _bodies_taken_for_people(doc, mentions: list[Mention]) -> None:
    """ "Garda superintendent Tony Healy", "Acme chief executive Ann Hale", "the Garda station" tagged as a
    person: a one-word name the article gives no fuller name or title, written at least once just before the
    title of a rank (RANK_TITLES, perhaps after other titles) and a person's name, or before a body's building
    (BODY_BUILDINGS, also inside a longer name: "Carrow Garda Station"), is the body that rank or building belongs
    to, and every mention of it in the article is that organisation; a "person" whose name ends in such a building
    is that building. A person's staff ("Smith spokesman Tom Jones") does not count. So is a one-word "person" shaped
    like an acronym ("KyDOT", "NYSDOT": _acronym_shaped) or written as a body is ("the Sejm voted", "an open letter
    to the Rada", "Knesset deputies": _as_body)."""
    starts = {m.first for m in mentions if m.type == PERSON}
    bodies = {token.text for token in doc[:-1] if token.is_title and token.pos_ == "PROPN"
              and doc[token.i + 1].lower_ in BODY_BUILDINGS}
    names = _one_word_names(mentions, {PERSON})
    bodies |= {m.text for m in names if _before_rank(doc, m, starts)}
    # not an event ("the Brexit referendum"), a people ("the Briton") or, after "the", an office that speaks ("the
    # Taoiseach told ..."; an acronym may speak: "KyTC said")
    others = {m.text for m in names if _as_event(doc, m)} | set(demonyms())
    offices = others | {m.text for m in names if _speaks(doc, m)}
    bodies |= {m.text for m in names if _acronym_shaped(doc, m) and m.text not in others
               or _as_body(doc, m) and m.text not in offices}
    for m in mentions:
        if m.type == PERSON and m.text in bodies:
            m.type = "ORG"
        elif m.type == PERSON and doc[m.last - 1].lower_ in BODY_BUILDINGS:
            m.type = "FAC"




# Lower-case nouns of a body's members or parts written after its name ("Knesset deputies", "Duma speaker").
MEMBER_NOUNS = {"deputies", "deputy", "members", "member", "lawmakers", "legislators", "speaker", "chamber",
                "session", "plenary", "faction", "factions"}
# Capitals after a short lower-case start: an agency's acronym with its state's ("KyTC", "NyDOT"), not a
# surname's prefix ("McCAIN" in a heading: the article writes it otherwise too).
CAMEL_ACRONYM = re.compile(r"[A-Z][a-z]{1,2}[A-Z]{2,}[a-z]?")
UPPER_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _acronym_shaped(doc, m: Mention) -> bool:
    """A one-word name in capitals ("NYSDOT") or with a run of capitals after a short start ("KyTC") that the
    article writes in no other case ("Trump" beside "TRUMP" in a heading) and that is no given name or title."""
    if not (CAMEL_ACRONYM.fullmatch(m.text) or UPPER_ACRONYM.fullmatch(m.text)) or m.text.startswith(("Mac", "Mc")):
        return False
    folded = m.text.lower()
    return all(token.text == m.text for token in doc if token.lower_ == folded) and not is_given_name(m.text) \
        and folded not in roles()["titles"]


def _speaks(doc, m: Mention) -> bool:
    root = _root(doc, m)
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in speech_verbs()


def _as_body(doc, m: Mention) -> bool:
    """Written as a body, not a person: after "the" as the head of its phrase ("the Sejm voted", "a letter to the
    Rada"; not "the Smith family", "the Obama-era", "the Shakespeare of ...", nor a family, "the Obamas") or before a
    noun of its members ("... deputies")."""
    before = doc[m.first - 1] if m.first > 0 else None
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in MEMBER_NOUNS:
        return True
    if before is None or before.lower_ != "the" or m.text.endswith("s") or _is_title(doc[m.first]):
        return False  # a family ("the Obamas") or an office ("the Queen", "the Treasurer")
    if m.first >= 2 and doc[m.first - 2].is_title and doc[m.first - 2].pos_ == "PROPN":
        return False  # an epithet: "Carlos the Jackal"
    return after is None or not (after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or after.text in POSSESSIVES
                                 or after.text == "-" or after.lower_ == "of")  # "the Obama-era", "the ... of rock"


def _damaged_names_taken_for_people(text: str, mentions: list[Mention]) -> None:
    """ "Fianna F\ufffd\ufffdil's spokesman" tagged as a person: the model cannot read a word the source damaged into
    replacement characters (U+FFFD) and takes the name for a person's. A name of two words or more whose last word
    is so damaged, given no title or role, whose first word is no given name and whose last word the article never
    writes alone (as it would a surname) is an organisation's (a party, "Sinn F\ufffd\ufffdin"; a police force). A
    damaged given name with a clean surname ("Se\ufffd\ufffdn Kelly") stays a person."""
    for m in mentions:
        words = m.text.split()
        if m.type == PERSON and not m.role and len(words) >= 2 and REPLACEMENT in words[-1] \
                and (m.entity or m.text) == m.text and not _has_given_name(m.text) \
                and text.count(words[-1]) == text.count(m.text):
            m.type = "ORG"


def _before_rank(doc, m: Mention, person_starts: set[int]) -> bool:
    i = m.last
    while i < len(doc) and _is_title(doc[i]) and doc[i].lower_.rstrip(".") not in roles()["portfolios"]:
        i += 1
    return i > m.last and i in person_starts and doc[i - 1].lower_.rstrip(".") in RANK_TITLES


def _without_events(doc, mentions: list[Mention]) -> list[Mention]:
    """ "after Brexit", "a hard Brexit" tagged as a person or a place: a one-word name the article gives no fuller
    name (a "role" does not count: "chief Brexit negotiator" gives one) and that is no word of a person's full name
    in it, that no gazetteer place is called, that never says anything, and that the article writes at least once,
    tagged so, as an event — after a word of time ("after", "before", "post") and not before a noun or a verb, as
    the noun after "a" and adjectives ("a hard ..."), before a noun of a political process (PROCESS_NOUNS: "the ...
    talks"), or after a noun of its outcome and "of" at the end of a phrase ("the terms of ...") — is an event or
    process, none of our entities: all its mentions in the article are dropped, those tagged as an organisation too.
    An organisation's own mention does not count ("the House vote", "the Senate bill"), but a one-word
    "organisation" written after a word of time other than "before" ("after Brexit", not "testified before
    Congress"; not before "and": "after Tesco and Asda") or after a noun of its outcome and "of" is such an event too;
    not an acronym ("going after ISIS")."""
    events = {m.text for m in mentions if " " not in m.text and (m.entity or m.text) == m.text
              and (m.type in (PERSON, "GPE", "LOC") and _as_event(doc, m)
                   or m.type == "ORG" and not m.text.isupper() and _as_event(doc, m, process_forms=False)
                   and doc[m.first - 1].lower_ != "before")}
    events -= {m.text for m in mentions if _says(doc, m)}
    events -= {word for m in _full_names(mentions) for word in name_words(m.text)}  # "after Park" of "Park Geun-hye"
    events = {name for name in events if not get_gazetteer().candidates(name)}
    return [m for m in mentions if m.text not in events]


def _as_event(doc, m: Mention, process_forms: bool = True) -> bool:
    """Whether this mention is written as an event; with `process_forms` False only after a word of time or after
    "<outcome> of"."""
    after = doc[m.last] if m.last < len(doc) else None
    if process_forms and after is not None and after.lower_ in PROCESS_NOUNS and after.pos_ == "NOUN":
        return True
    if m.first == 0 or after is not None and (after.text in POSSESSIVES or after.pos_ in ("NOUN", "PROPN")):
        return False
    if doc[m.first - 1].lower_ in EVENT_TIME_WORDS:  # "after Smith won" is Smith, "after Tesco and Asda" a firm,
        return after is None or after.pos_ not in ("VERB", "AUX", "CCONJ") and not after.is_title  # so "after
    # House Republican leaders" a body
    if m.first >= 2 and doc[m.first - 1].lower_ == "of" and doc[m.first - 2].lower_ in OUTCOME_NOUNS:
        return after is None or after.is_punct
    i = m.first - 1
    if not process_forms:
        return False
    while i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    return i < m.first - 1 and doc[i].lower_ in ARTICLES


# --- diseases named like organisations -----------------------------------------------------------------------

# "COVID-19", "SARS-CoV-2": a disease's or virus's code name, letters, a hyphen and a number of one or two digits.
DISEASE_CODE = re.compile(r"[A-Z][A-Za-z]{2,}(?:-[A-Z][A-Za-z]+)?-\d{1,2}")
# Words of time before which a code name is the disease as an event ("during COVID-19", "amid COVID-19").
DISEASE_TIME_WORDS = EVENT_TIME_WORDS | {"during", "amid", "since"}
# How far before "against" a word of vaccination shows a disease ("how effective are the vaccines against ...").
VACCINE_REACH = 10
DASHES = {"-", "–", "—"}


@lru_cache(maxsize=1)
def _disease_words() -> dict[str, frozenset]:
    return data_kinds("disease_words.tsv")


def _without_diseases(doc, mentions: list[Mention]) -> list[Mention]:
    """ "the Omicron variant", "COVID-19 cases", "vaccines against Omicron", "an Omicron-specific booster": a name
    (no person's full name) that the article writes as a disease, a virus or a variant of one (loader/data/
    disease_words.tsv) in at least a third of its mentions, or once before a variant's noun, and never as a speaker,
    is that disease: none of our entities, so all its mentions in the article are dropped, but those tagged as a
    country, city or state (GPE: "the India variant" is India's). A name that holds no code name counts the nouns
    bodies have too ("Medicare patients", "the Chipotle outbreak": generic) only beside another kind of use or when
    the article also writes it in lower case ("Omicron cases" beside "the omicron surge"). A code name ("COVID-19",
    grouped on its own even where the article took it for a short form of a longer name) is a disease when it is a
    known one (kind code), or once a sentence of it names a disease or a variant ("... amid the pandemic"; not "shots
    were fired, KTLA-5 reported")."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if DISEASE_CODE.fullmatch(m.text):
            groups.setdefault(m.text, []).append(m)
        elif m.type != PERSON or not _has_given_name(m.entity or m.text):
            groups.setdefault(m.entity or m.text, []).append(m)
    dropped = set()
    for name, group in groups.items():
        code = DISEASE_CODE.fullmatch(name)
        uses = [(m, kind) for m in group if (kind := _disease_use(doc, m))]
        if all(kind == "generic" for _, kind in uses) and not DISEASE_CODE.search(name) \
                and name.lower() not in lower_case_words(text_of(doc)):
            uses = []
        sure = any(_before_variant_noun(doc, m) for m, _ in uses) or code and (
            name.lower() in _disease_words()["code"] or any(_in_health_sentence(doc, m) for m in group))
        if (sure or uses and 3 * len(uses) >= len(group)) and not any(_says(doc, m) for m in group):
            dropped.update(m for m in group if m.type != "GPE")
    return [m for m in mentions if m not in dropped]


def _in_health_sentence(doc, m: Mention) -> bool:
    """Whether the sentence of this mention names a disease or a variant ("pandemic", "virus", "variant")."""
    words = _disease_words()
    return any(token.lower_ in words["disease"] or token.lower_ in words["variant"] for token in doc[m.first].sent)


def _before_variant_noun(doc, m: Mention) -> bool:
    """ "the Omicron variant", "the Omicron-specific variant vaccine": a name before a variant's noun."""
    variant = _disease_words()["variant"]
    compound = _disease_words()["compound"]
    return any(i < len(doc) and doc[i].lower_ in variant for i in (m.last, m.last + 1, m.last + 2)
               if all(doc[j].text in DASHES or doc[j].lower_ in compound for j in range(m.last, i)))


def _disease_use(doc, m: Mention) -> str:
    """How this mention is written as a disease, "" if it is not: before a noun of one ("... variant",
    "...-positive"; "generic" if bodies have that noun too: "... patients"), as the object of "against" after a word
    of vaccination, after a noun of one and "of" ("the spread of ..."), before "-specific" and a word of vaccination;
    a code name ("COVID-19") also before a word of vaccination ("... vaccine"), after a word of time ("amid ...") or
    after a noun of an outcome and "of" ("the impact of ..."). A place is written so only before a variant's noun
    ("the Delta variant"); a nationality not before a noun of one or after "... of" either ("Palestinian deaths", "a
    wave of Russian drones", "a Republican wave")."""
    words = _disease_words()
    i = m.last + (m.last < len(doc) and doc[m.last].text in DASHES)
    after = doc[i].lower_ if i < len(doc) else ""
    if after in words["variant"]:
        return "variant"
    if m.type in PLACE_TYPES:
        return ""
    if after in words["after"]:
        return "" if m.type == "NORP" else "generic" if after in words["generic"] else "after"
    if after in words["compound"] and i > m.last and i + 1 < len(doc) \
            and (doc[i + 1].lower_ in words["vaccine"] or doc[i + 1].lower_ in words["variant"]):
        return "vaccine"
    j = m.first - 1 - (m.first > 0 and doc[m.first - 1].lower_ == "the")
    before = doc[j].lower_ if j >= 0 else ""
    if before == "against":
        start = max(doc[j].sent.start, j - VACCINE_REACH)
        return "vaccine" if any(token.lower_ in words["vaccine"] for token in doc[start:j]) else ""
    if before == "of" and j > 0 and doc[j - 1].lower_ in words["of"]:
        return "" if m.type == "NORP" else "of"
    if not DISEASE_CODE.fullmatch(m.text):
        return ""
    return "code" if after in words["vaccine"] or before in DISEASE_TIME_WORDS \
        or before == "of" and j > 0 and doc[j - 1].lower_ in OUTCOME_NOUNS else ""


# --- programmes and sites named like organisations ---------------------------------------------------------

def _without_programmes(doc, mentions: list[Mention]) -> list[Mention]:
    """ "expand their Medicaid programs", "Medicaid recipients", "repeal Obamacare", "the repeal of Obamacare":
    an organisation's (or a "person's" with no given name) name that the article writes at least twice, and in at
    least half its mentions, as a public programme's or a law's name — before a noun of a programme (loader/data/
    name_fragments.tsv, kind programme: "... program", "... expansion", "... recipients"), as the object of such a
    verb ("repeal ...", "expand ...") or after such a noun and "of" — and never as a speaker, is that programme or
    law: none of our entities, so all its mentions in the article are dropped. A name ending in an organisation's
    head noun ("... Agency") is kept. A kept mention written so (of any type: the model tags "repeal of ..." NORP
    too), or (unless tagged a person: "under Smith") after "under" at the end of a phrase ("the cover they get under
    ..."), has `used_as` "programme": the store's evidence for a law an archive names once per article
    (loader/store/uses.py). One scan of each name's mentions serves both (_programme_groups)."""
    dropped = set()
    for group in _programme_groups(mentions).values():
        written = {m: (_says(doc, m), _as_programme(doc, m)) for m in group}
        if not any(says for says, _ in written.values()):
            for m, (_, as_programme) in written.items():
                if as_programme or m.type != PERSON and _under(doc, m):
                    m.used_as = "programme"
        named = [m for m in group if m.type in ("ORG", PERSON)]  # the entities a programme's name is dropped from
        uses = sum(written[m][1] for m in named)
        if uses >= 2 and 2 * uses >= len(named) and not any(written[m][0] for m in named):
            dropped.update(named)
    return [m for m in mentions if m not in dropped]


def _programme_groups(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """name → its mentions (of any type, no person's full name) whose name may be a programme's: not one ending in an
    organisation's head noun ("... Agency")."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type != PERSON or not _has_given_name(m.entity or m.text):
            groups.setdefault(m.entity or m.text, []).append(m)
    return {name: group for name, group in groups.items()
            if (words := fold_words(name)) and fragment_kind(words[-1]) != "generic"}


def _under(doc, m: Mention) -> bool:
    """ "expanded the program under ...", "premiums would rise under ...": the object of "under" that ends a phrase."""
    after = doc[m.last] if m.last < len(doc) else None
    root = _root(doc, m)
    return root.dep_ == "pobj" and root.head.lower_ == "under" and (after is None or after.is_punct)


# Programme nouns whose "of ..." names the programme's owner ("the program of the Games", "the nuclear programme of
# Iran"), not the programme.
OWNED_NOUNS = {"program", "programme"}
# Nouns for a law, whose other name a name is when written "the ... Act, known as ...".
LAW_NOUNS = {"act", "law", "legislation", "bill", "statute", "scheme", "program", "programme"}


def _as_programme(doc, m: Mention) -> bool:
    """Whether this mention is written as a programme's or a law's name: before a noun of a programme ("...
    recipients"), as the object of such a verb ("repeal ...", "... was repealed") or of such a noun and "of" or
    "for" ("the replacement for ..."), or as the other name of a law ("the Care Act, known as ...")."""
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and after.is_lower and after.pos_ == "NOUN" and after.lower_ in programme_words():
        return True
    root = _root(doc, m)
    head = root.head
    if root.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in programme_words():
        return True
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ == "known":
        named = head.head.head  # "the Affordable Care Act, known as ...", "the legislation, known informally as ..."
        return named.lower_ in LAW_NOUNS or named.ent_type_ == "LAW"
    return root.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.pos_ == "NOUN" \
        and head.head.lemma_.lower() in programme_words() and head.head.lemma_.lower() not in OWNED_NOUNS


def _without_offices(doc, mentions: list[Mention]) -> list[Mention]:
    """ "Taoiseach Enda Kenny said", "the Taoiseach said" tagged as an organisation or a person: a one-word
    capitalised "organisation" or "person" (no role, no fuller name in the article) that the article writes at
    least once just before a person's full name, as a title, and at least once after "the", and never before a
    possessive ("the Kremlin's"), is an office, none of our entities: all its mentions in the article are dropped.
    A body after "of" is a title's ("Speaker of the House Paul Ryan"), one before a title a rank's ("House Speaker
    Paul Ryan", "Education Correspondent Ann Hale"). A kept mention written just before a person's full name has
    `used_as` "office": the store's evidence for an office an article writes only one way (loader/store/uses.py)."""
    title_words = _title_words(doc, mentions)
    titles = {doc[i].text for i in title_words}
    names = [m for m in mentions if m.text.isalpha() and m.text.istitle() and (m.entity or m.text) == m.text
             and (m.type == "ORG" or m.type == PERSON and not m.role)]
    offices = titles & {m.text for m in names if m.first > 0 and doc[m.first - 1].lower_ == "the"}
    offices -= {m.text for m in names if m.last < len(doc) and doc[m.last].text in POSSESSIVES}
    for m in names:
        if m.last == m.first + 1 and (m.first in title_words or _as_office(doc, m)):
            m.used_as = "office"
    return [m for m in mentions if not (m in names and m.text in offices)]


# Titles (roles.json) that alone after "the" name a body, not an office: "the Executive" (a government), "the Crown"
# (the state as a party in court).
BODY_TITLES = {"executive", "crown"}


def _known_titles_as_offices(doc, mentions: list[Mention]) -> None:
    """ "The Taoiseach said", "the Chancellor's budget" tagged as an organisation or a person: one capitalised word
    that is a title (roles.json), written after "the" and not the name of a body or of a kind of place (BODY_TITLES,
    institution and unit words: "the Executive", "the State" stay), carries `used_as` "office": a title written
    before a name is dropped as that name's role, so this is the archive's evidence that the word is an office
    (loader/store/uses.py)."""
    for m in mentions:
        word = m.text.lower()
        if m.type in ("ORG", PERSON) and not m.role and m.last == m.first + 1 and m.text.istitle() and m.first > 0 \
                and doc[m.first - 1].lower_ == "the" and word in roles()["titles"] \
                and word not in BODY_TITLES | institution_words() | unit_words():
            m.used_as = "office"


# Verbs (lemmas) whose "as ..." names an office held: "served as ...", "was elected as ...".
OFFICE_VERBS = {"serve", "remain", "elect", "appoint", "name", "swear", "resign", "quit", "continue", "return",
                "step", "nominate", "reappoint", "re-elect"}


def _as_office(doc, m: Mention) -> bool:
    """ "his job as ...", "his responsibility as ...", "served as ...": a bare name after "as" that follows a singular
    noun or a verb of holding an office (not "firms such as ...", "known as ...", "as ... said")."""
    root = _root(doc, m)
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "as" or m.first < 2 or doc[m.first - 1].lower_ != "as" \
            or doc[m.first - 2].lower_ == "such":
        return False
    return head.head.tag_ == "NN" or head.head.pos_ == "VERB" and head.head.lemma_.lower() in OFFICE_VERBS


def _title_words(doc, mentions: list[Mention]) -> set[int]:
    """Tokens written as a title just before a person's full name ("Taoiseach Enda Kenny"), not after "of" and not
    before a title of the name's own ("House Speaker Paul Ryan")."""
    return {m.first - 1 for m in mentions if m.type == PERSON and len(m.text.split()) > 1 and m.first > 0
            and m.title_from == m.first and not _is_title(doc[m.first])
            and doc[m.first].lower_ not in OFFICE_TITLES and not _after_of(doc, m.first - 1)}


def _after_of(doc, i: int) -> bool:
    """Whether the word at i follows "of" or "of the"."""
    j = i - 2 if i >= 2 and doc[i - 1].lower_ == "the" else i - 1
    return j >= 0 and doc[j].lower_ == "of"


# Prepositions of place a site's name is written after ("a lunch on ...", "traveled to ...", "reporting from ...").
PLACE_PREPOSITIONS = {"on", "at", "in", "to", "from", "near", "outside", "inside", "across", "around", "into", "onto",
                      "toward", "towards", "along", "off", "through"}
SITE_TYPES = {"road": "FAC", "area": "LOC"}


def _organisations_by_name(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """name → the article's mentions the model tagged as an organisation of that name, in the article's order."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "ORG":
            groups.setdefault(m.entity or m.text, []).append(m)
    return groups


def _sites_taken_for_organisations(doc, mentions: list[Mention]) -> None:
    """ "a lunch on Capitol Hill", "reporting from Capitol Hill", "protesters outside Downing Street" tagged as an
    organisation: a name of two words or more ending in a capitalised word of a site (loader/data/
    name_fragments.tsv, kinds road and area: "Street", "Square", "Hill") that the article writes at least once as
    the object of a preposition of place (PLACE_PREPOSITIONS) and never as the subject of a verb (a metonym:
    "Downing Street said", "Wall Street rallied") is that site there: a road or square a facility (FAC), a hill or
    quarter a place (LOC)."""
    groups = _organisations_by_name(mentions)
    for name, group in groups.items():
        words = name.split()
        kind = site_kind(words[-1]) if len(words) >= 2 and words[-1][:1].isupper() else None
        if kind and any(_after_place_preposition(doc, m) for m in group) \
                and not any(token.dep_ in ("nsubj", "nsubjpass") for m in group for token in doc[m.first:m.last]):
            for m in group:
                m.type = SITE_TYPES[kind]


def _addresses_taken_for_organisations(doc, mentions: list[Mention]) -> None:
    """ "341 S. Main St.", "at 85 Elm Ave." tagged as an organisation: a name ending in a word of a road
    (loader/data/name_fragments.tsv, kind road: "Street", "St.", "Ave.") that starts with a house number, or is
    written just after one, is a street address: a site (FAC), whatever its verb."""
    for m in mentions:
        words = m.text.split()
        if m.type == "ORG" and len(words) >= 2 and site_kind(words[-1]) == "road" \
                and (words[0].isdigit() or (m.first > 0 and doc[m.first - 1].text.isdigit())):
            m.type = "FAC"


# Words before an offence's acronym (lemmas, up to OFFENCE_REACH tokens before it: "charged with ...", "arrested on
# suspicion of ...", "pleaded guilty to ...") and nouns just after it ("a ... crash", "13 ... arrests").
OFFENCE_CUES = {"charge", "arrest", "suspicion", "convict", "conviction", "guilty", "cite", "book", "jail", "sentence",
                "plead", "indict", "accuse", "suspect", "alleged", "allegedly", "suspected", "felony", "misdemeanor",
                "misdemeanour", "second", "third", "fourth", "offense", "offence", "aggravated", "probation"}
OFFENCE_NOUNS = {"arrest", "crash", "checkpoint", "charge", "conviction", "offense", "offence", "stop", "patrol",
                 "enforcement", "case", "law", "test", "collision", "accident", "suspect", "fatality", "crackdown",
                 "saturation", "count", "level", "reading", "limit", "violation", "citation", "offender", "driver",
                 "incident", "death", "homicide", "manslaughter", "wreck", "court", "program", "programme"}
OFFENCE_REACH = 4


def _as_offence(doc, m: Mention) -> bool:
    """ "Arrested on suspicion of DUI", "charged with OWI", "a DWI crash", "13 DUI arrests" tagged as a name: the
    acronym of a traffic offence or a legal measure of one (loader/data/name_fragments.tsv, kind offence), written
    within OFFENCE_REACH words after an offence's cue (OFFENCE_CUES) or just before an offence's noun
    (OFFENCE_NOUNS; "a BAC of 0.12"), is a common noun there, no entity."""
    words = fold_words(m.text)
    if len(words) != 1 or words[0] not in offence_words():
        return False
    before = doc[max(0, m.first - OFFENCE_REACH):m.first]
    after = doc[m.last] if m.last < len(doc) else None
    number_after = after is not None and after.lower_ == "of" and m.last + 1 < len(doc) and doc[m.last + 1].like_num
    return any(token.lemma_.lower() in OFFENCE_CUES or token.lower_ in OFFENCE_CUES for token in before) \
        or (after is not None and (after.lemma_.lower() in OFFENCE_NOUNS or after.lower_ in OFFENCE_NOUNS)) \
        or number_after


def _after_place_preposition(doc, m: Mention) -> bool:
    root = _root(doc, m)
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


# --- towns, vehicles and offices the model took for organisations or people ----------------------------------

# Prepositions that put a town's name in place ("schools in ...", "a farm near ..."); "at", "to" and "from" also
# take a university or a company ("studied at ...", "sold to ..."), so they do not count.
TOWN_PREPOSITIONS = {"in", "near", "outside", "around", "across", "throughout", "inside"}
# Lower-case nouns a town's name is written "of" after ("the city of ...", "the outskirts of ...").
TOWN_OF_NOUNS = {"city", "town", "village", "county", "suburb", "suburbs", "outskirts", "borough", "township",
                 "mayor", "residents", "streets", "downtown", "centre", "center", "hamlet", "municipality"}
# Lower-case nouns a town's name is written before: a resident ("a ... man") or the town's own services.
TOWN_RESIDENTS = {"man", "woman", "boy", "girl", "teen", "teenager", "resident", "native", "couple", "family",
                  "mother", "father", "toddler", "infant", "motorist", "homeowner"}
# Of those, the ones a family's name is also written before ("a Smith family member").
KIN_NOUNS = {"family", "couple", "mother", "father"}
TOWN_SERVICES = {"police", "city", "county", "council", "mayor", "residents", "area", "firefighters", "neighborhood",
                 "neighbourhood", "suburb", "resident"}
# Colours a car is described by ("a red ...", "a silver ..."); with a model year, what makes a maker's name a car.
COLOURS = {"black", "white", "red", "blue", "green", "silver", "gray", "grey", "gold", "yellow", "orange", "brown",
           "tan", "maroon", "beige", "purple", "burgundy", "dark-colored", "light-colored"}
# Nouns of a road vehicle, written after its maker and model ("a Ford pickup", "his Dodge Charger patrol car").
VEHICLE_NOUNS = {"car", "truck", "pickup", "suv", "sedan", "saloon", "van", "minivan", "vehicle",
                 "coupe", "hatchback", "motorcycle", "wagon", "convertible", "cruiser", "limousine", "taxi"}
VEHICLE_NOUN_GAP = 3
# Nouns of owning a company: a name written after one and "in" ("a stake in ...") or before one ("... shareholders")
# is a company's, whatever town shares its name.
OWNERSHIP_NOUNS = {"stake", "stakes", "share", "shares", "shareholder", "shareholders", "stock", "holding",
                   "holdings", "investment", "investments", "interest", "stockholders"}
# Determiners before a vehicle's name, PRODUCT_NEWS or a product's noun ("the rover ..."), possessives too.
DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "that", "this"}
# Lemmas of verbs done with a vehicle: a maker's name that is their object ("drove a ...") or that a clause of one
# follows ("the ... he had been driving") is a car.
VEHICLE_VERBS = {"drive", "park", "steal", "crash", "ride", "tow"}
# Words a clause that follows a car's name may start with before its verb: "the ... [that] he had been driving".
CLAUSE_POS = {"PRON", "AUX", "PART", "ADV"}
CLAUSE_GAP = 5
# A person's possessives: not a thing's "its" nor the clitic "'s".
PERSONAL_POSSESSIVES = POSSESSIVE_WORDS - {"its", "'s", "’s"}
# Capitalised nouns that end the name of a body or an office, not a person's ("Brookfield Police", "Benton County
# Sheriff", "the State Department").
OFFICE_BODY_NOUNS = {"police", "department", "council", "parliament", "ministry", "sheriff", "commission",
                     "committee", "agency", "office", "assembly", "legislature", "senate", "congress", "bureau",
                     "administration", "authority", "board", "cabinet", "government", "constabulary", "directorate"}


def _towns_taken_for_organisations(doc, text: str, mentions: list[Mention]) -> None:
    """ "A Dover man", "schools in Salem", "the city of Dover", "Camden, S.C.", "Dover police"
    tagged as an organisation: a name that is exactly a populated place's or a county's in the gazetteer, that the
    article writes at least once in a place's context (after a preposition of place, TOWN_PREPOSITIONS, or "of"
    after a noun of a town, TOWN_OF_NOUNS; before a comma and a state, a country or an abbreviation; between "a" and
    a resident's noun, TOWN_RESIDENTS; before a lower-case noun of its services, TOWN_SERVICES), is that town there.
    It is a body, not a town, when the article makes it act (the subject of a verb: "Salem said", "Dover
    beat Decatur") or owned ("a stake in ..."), writes it after "the" as a head noun ("in the White House"; "the
    Sinjar area" is still a town), writes it in capitals (an acronym: "in NATO") or in lower case (a common word:
    "in Congress" where it writes "congress"), or when it is only words of institutions ("Senate"). A longer name
    ("Oxford University Press") is no town's."""
    gazetteer = get_gazetteer()
    groups = _organisations_by_name(mentions)
    starts = {m.start: m for m in mentions}
    words = lower_case_words(text)
    for name, group in groups.items():
        if name.isupper() or name.lower() in words or all(word.lower() in institution_words() for word in name.split()):
            continue
        if any(_acts_or_heads(doc, m) for m in group) or not any(_in_town_context(doc, m, starts) for m in group):
            continue
        if _town_name(gazetteer, name):
            for m in group:
                m.type = "GPE"


def _acts_or_heads(doc, m: Mention) -> bool:
    """The subject of a verb, a head noun after "the" ("the White House said", "in the White House"), or a company
    owned ("a stake in ...", "... shareholders": OWNERSHIP_NOUNS)."""
    root = _root(doc, m)
    after = doc[m.last] if m.last < len(doc) else None
    return any(token.dep_ in ("nsubj", "nsubjpass") for token in doc[m.first:m.last]) \
        or m.first > 0 and doc[m.first - 1].lower_ == "the" and root.dep_ != "compound" \
        or root.dep_ == "pobj" and root.head.head.lower_ in OWNERSHIP_NOUNS \
        or after is not None and after.is_lower and after.lower_ in OWNERSHIP_NOUNS


def _in_town_context(doc, m: Mention, starts: dict) -> bool:
    root = _root(doc, m)
    return root.dep_ == "pobj" and root.head.lower_ in TOWN_PREPOSITIONS or _beside_town_words(doc, m, starts)


def _beside_town_words(doc, m: Mention, starts: dict, residents: set = TOWN_RESIDENTS) -> bool:
    """Words only a town's name is written with: "the city of ...", "..., Mich.", "..., New Jersey", "... police",
    "a ... man" (not a preposition of place alone, which also takes a person: "confidence in ...")."""
    root = _root(doc, m)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in TOWN_OF_NOUNS:
        return True
    after = doc[m.last] if m.last < len(doc) else None
    following = doc[m.last + 1] if m.last + 1 < len(doc) else None
    if after is not None and after.text == "," and following is not None:
        if re.fullmatch(r"(?:[A-Z][a-z]{0,4}\.)+", following.text):
            return True  # "Camden, S.C.", "Decatur, Ala."
        state = starts.get(following.idx)
        if state is not None and state.type == "GPE" and any(
                place.feature_code.startswith(("PCL", "ADM1")) and get_gazetteer().is_main_name(place, state.text)
                for place in get_gazetteer().candidates(state.text)):
            return True  # "Camden, New Jersey", "Gwadar, Pakistan"; not a list of towns ("Stanford, Princeton")
    if after is not None and after.is_lower and after.lower_ in TOWN_SERVICES:
        return True
    return m.first > 0 and doc[m.first - 1].lower_ in ARTICLES and after is not None and after.is_lower \
        and after.lower_ in residents


def _vehicles_taken_for_organisations(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "a 2008 Ford F-250", "his Dodge Charger patrol car", "a red Honda" tagged as an organisation: a maker's
    name written as a car — after a colour, or before a model whose name has a digit or before a vehicle's noun
    (VEHICLE_NOUNS) a word or two on — is a product, none of our entities (a year before it is no evidence: "a 2016
    Gallup poll"); once
    the article writes a name so, its other mentions after a determiner ("the Honda was found") are that car
    too. The maker acting or named in full ("Ford said", "Ford Motor Co") stays an organisation."""
    starts = {m.first for m in mentions}
    cars = {m.entity or m.text for m in mentions if m.type == "ORG" and _as_vehicle(doc, m, starts)}
    return [m for m in mentions if not (m.type == "ORG" and (m.entity or m.text) in cars and m.first > 0
                                        and (_as_vehicle(doc, m, starts) or
                                             doc[m.first - 1].lower_ in DETERMINERS))]


# --- products written as people or organisations --------------------------------------------------------------

PRODUCT = "PRODUCT"
# Adjectives after a determiner that make the name after them a product's ("the new ...", "its latest ...").
PRODUCT_NEWS = {"new", "latest", "upcoming", "next-generation"}
# Words that list what a range holds ("its products include ...", "services such as ...", "apps like ...").
LIST_VERBS = {"include", "comprise"}
LIST_LINKS = {"including", "like", "as"}
# A version after a name: "... 4.1.2", "... 5", "... S4", "... 8.1", not a year ("... 2013").
VERSION = re.compile(r"(?:\d{1,2}|[A-Z]{1,2}\d{1,2})(?:\.\d{1,2}){0,2}[a-z]?|\d{1,3}(?:\.\d{1,2}){1,2}")
# What follows a team's score: "-1", ", Rovers 1", " Rovers 1".
SCORE_AFTER = re.compile(r"\s*(?:[-–]\s*\d|[,;]?\s+(?:[A-Z][\w.'’]*\s+){1,3}\d{1,2}\b)")
# Nouns after a plain number that make it a product's version ("... 5 sales"; not "... 14 miles away").
VERSION_NOUNS = {"sales", "users", "owners", "buyers", "models"}
PRODUCT_GAP = 2  # lower-case words between a name and its product's noun ("the ... mobile operating system")


def _products_taken_for_firms_and_people(doc, mentions: list[Mention]) -> None:
    """ "the Android operating system", "the Cassini spacecraft", "installed Snapchat", "the new iPad", "iOS 7", "apps
    for Android", "its products include Haokan" tagged as a person or an organisation: a name written as a product —
    before a product's noun (loader/data/name_fragments.tsv, kind product: "... app", "... phones", "...-based" unless
    a place is so named), after one and a determiner ("the rover ..."), before a version ("... 4.1"), after "the new"
    or "the latest", as the object of a product's verb ("launched ...", "... was unveiled") or of a release's noun and
    "of" ("the debut of ...", "versions of ..."), after "for" or "on" a product's word governs ("apps for ...",
    "available on ..."), listed after a range of products ("its services include ...", "products
    such as ..."), or listed with a name so written ("iPhone and Android apps") — is a product in that mention, and
    in all its mentions when the article writes at least half of them so; a "person" only with a product's shape
    (_product_shaped). Never one the article shows as a firm or a person: the subject of a word of speech or of a
    maker's verb (kind maker: "... said", "... hired", "... launched"), the object of a firm's verb (kind acquired:
    "sued ...", "acquired ...", "joined ..."), a name with a role, a title or a legal form, a firm's cue ("analysts at
    ...", "... CEO Ann Roe", "... 's shares"), nor the medium of a message ("posted on ...":
    _media_taken_for_people). Products are no people or organisations: PRODUCT, a type of their own, so that an
    archive's row of a name takes the type most of its mentions have (refresh_entities) — a firm named like its app
    stays an organisation where it acts as one."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "ORG" or m.type == PERSON and _product_shaped(m.entity or m.text):
            groups.setdefault(m.entity or m.text, []).append(m)
    for group in groups.values():
        if any(_not_a_product(doc, m) for m in group):
            continue
        framed = [m for m in group if _as_product(doc, m)]
        tokens = {m.last - 1 for m in framed}
        framed += [m for m in group if m not in framed and _listed_with(doc[m.last - 1], tokens)]
        for m in group if 2 * len(framed) >= len(group) else framed:
            m.type = PRODUCT


def _product_shaped(name: str) -> bool:
    """A "person's" name a product may have: one word ("Gmail"), or words with a model's number ("Optimus F3"), no
    initial or given name first ("R. Hernandez 2" of a box score)."""
    words = name.split()
    return len(words) == 1 or any(any(c.isdigit() for c in word) for word in words) \
        and not words[0].endswith(".") and not is_given_name(name)


def _not_a_product(doc, m: Mention) -> bool:
    """Shown as a firm or a person: speaking or a maker's subject, a firm's object, a role, a title, a legal form, a
    firm's cue, a medium."""
    if m.role or _titled(m) or any(word in LEGAL_FORMS for word in fold_words(m.text)) \
            or _is_title(doc[m.first]) or _as_medium(doc, m):
        return True
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and (_is_title(after) or after.text in POSSESSIVES and m.last + 1 < len(doc)
                              and (_is_title(doc[m.last + 1]) or doc[m.last + 1].lower_ in FIRM_OWNED)):
        return True  # "... CEO Tim Cook", "...'s chief executive", "...'s shares"
    if COMPANY_AFTER.match(text_of(doc), m.end) or _written_as_firm(doc, m):
        return True
    root = _root(doc, m)
    verb = root.head
    if root.dep_ == "nsubj" and (verb.lemma_.lower() in speech_verbs() or verb.lemma_.lower() in
                                 product_words("maker") | product_words("product")):
        return True
    if root.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in product_words("acquired"):
        return True
    if root.dep_ == "pobj" and verb.lower_ == "by" and verb.head.lemma_.lower() in product_words("acquired"):
        return True  # "was acquired by ...", "sued by ..."
    return root.dep_ == "pobj" and verb.lower_ == "of" and _is_title(verb.head)  # "vice president of ..."


def _as_product(doc, m: Mention) -> bool:
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and after.text in POSSESSIVES:
        return False
    if _product_noun_after(doc, m) or _product_noun_before(doc, m) or _version_after(doc, m, after):
        return True
    if m.first >= 2 and doc[m.first - 1].lower_ in PRODUCT_NEWS and doc[m.first - 2].lower_ in DETERMINERS \
            and (after is None or after.pos_ not in ("NOUN", "PROPN")) and not _organisation_noun(m.text.lower()):
        return True  # "the new iPad", not "the new Congress"
    root = _root(doc, m)
    head = root.head
    while head.dep_ == "conj" and head.head.i != head.i and root.dep_ == "conj":
        root, head = head, head.head  # "launched Gmail and Maps": the first conjunct's
    products = product_words("product")
    if root.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in products:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in products:
        return True  # "the launch of ...", "versions of ..."
    if root.dep_ == "pobj" and head.lower_ in ("for", "on") and head.head.lemma_.lower() in products \
            and head.head.is_lower:
        return True  # "apps for ...", "available on ..."
    return _listed_in_a_range(root)


def _product_noun_after(doc, m: Mention) -> bool:
    """ "... phones", "the ... mobile operating system", "...-based", "the ... spacecraft"."""
    i = m.last
    if i < len(doc) and doc[i].text == "-":
        if get_gazetteer().candidates(m.text):
            return False  # "Homs-based", a place's
        i += 1
    words = [token for token in doc[i:i + PRODUCT_GAP + 1] if token.is_lower]
    words = words[:next((n for n, token in enumerate(words) if token.i != i + n), len(words))]
    for n, token in enumerate(words):
        if token.lower_ in product_words("product") or n + 1 < len(words) \
                and f"{token.lower_} {words[n + 1].lower_}" in product_words("product"):
            return token.pos_ in ("NOUN", "VERB", "ADJ") and (token.i == m.last or doc[m.last].text == "-"
                                                              or all(w.pos_ in ("ADJ", "NOUN") for w in words[:n]))
        if token.pos_ not in ("ADJ", "NOUN"):
            return False
    return False


def _product_noun_before(doc, m: Mention) -> bool:
    """ "the rover Curiosity", "the app Haokan": a product's noun just before the name, after a determiner."""
    if m.first < 2:
        return False
    noun, before = doc[m.first - 1], doc[m.first - 2]
    return noun.is_lower and noun.pos_ == "NOUN" and noun.lower_ in product_words("product") \
        and before.lower_ in DETERMINERS


def _version_after(doc, m: Mention, after) -> bool:
    """ "... 4.1.2", "... 5 sales", "... S4": a version number just after the name (or an organisation's last word,
    after a capitalised one: "Galaxy S4"): dotted, with a letter, or a plain number before a product's noun or "sales",
    "users"; not a count ("... 14 miles"), a score ("... 2, Rovers 1"; "... 2-1"), a table's row or a year."""
    last = doc[m.last - 1]
    if SCORE_AFTER.match(text_of(doc), m.end if m.last - m.first > 1 else doc[m.last].idx + len(doc[m.last])
                         if after is not None else m.end):
        return False
    if m.type == "ORG" and m.last - m.first > 1 and VERSION.fullmatch(last.text) and not doc[m.first].like_num \
            and doc[m.last - 2].text[:1].isupper() and not doc[m.first].text.endswith("."):
        return True  # not a player's line in a box score ("R. Hernandez 2"), nor "Group of 20"
    if after is None or not VERSION.fullmatch(after.text):
        return False
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if following is not None and (following.like_num or following.text in DASHES):
        return False  # a table's row ("... 0.2 0 0")
    if "." in after.text or not after.text.isdigit():
        return True  # "... 4.1", "... S4"
    return following is not None and following.is_lower and (following.lower_ in VERSION_NOUNS
                                                             or following.lower_ in product_words("product"))


def _listed_in_a_range(root) -> bool:
    """ "its products include Haokan", "services such as Haokan", "apps like ...": the object (or a conjunct of it)
    of a verb of listing whose subject is a range of products, or of "including", "like", "such as" after one."""
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ == "dobj" and head.lemma_.lower() in LIST_VERBS:
        return any(child.dep_ == "nsubj" and child.lower_ in product_words("range") for child in head.children)
    if root.dep_ == "pobj" and head.lower_ in LIST_LINKS:
        noun = head.head.head if head.lower_ == "as" and head.head.lower_ == "such" else head.head
        return noun.lower_ in product_words("range")
    return False


def _as_vehicle(doc, m: Mention, starts: set[int]) -> bool:
    """After a determiner and a colour ("a red ...", unless a lower-case noun follows: "a black ... student"), or
    before a model with a digit ("... F-250") or before a vehicle's noun with at most a model's name or a compound
    noun between ("... Charger patrol car", "a ... pickup"; not "... from his car"), or written as a car after a
    determiner (_driven_after_determiner)."""
    after = doc[m.last] if m.last < len(doc) else None
    if m.first >= 2 and doc[m.first - 1].is_lower and doc[m.first - 1].lower_ in COLOURS \
            and doc[m.first - 2].lower_ in DETERMINERS:
        return after is None or not (after.is_lower and after.pos_ == "NOUN" and after.lower_ not in VEHICLE_NOUNS)
    if any(token.is_lower and token.lower_ in VEHICLE_NOUNS for token in doc[m.first + 1:m.last]):
        return True  # "the Ford Transit van" tagged whole
    if _driven_after_determiner(doc, m, after):
        return True
    if after is None or after.i in starts:
        return False
    if after.text[:1].isupper() and any(c.isdigit() for c in after.text):
        return True
    for token in doc[m.last:m.last + VEHICLE_NOUN_GAP]:
        if token.is_lower and token.lower_ in VEHICLE_NOUNS:
            return True
        if not (token.is_title and token.pos_ == "PROPN" or token.is_lower and token.dep_ == "compound"):
            return False
    return False


def _driven_after_determiner(doc, m: Mention, after) -> bool:
    """ "a Ford Taurus", "the Honda Civic", "drove a Toyota", "the Chevrolet he had been driving": a name after a
    determiner (perhaps and a year: "a 2015 ...") that is the maker of a model the model tags a product written
    just after it, or the object of a verb done with a vehicle (VEHICLE_VERBS), or followed by a clause of one with
    a subject of its own; not in a heading set in capitals."""
    before = m.first - 1
    if before >= 1 and doc[before].like_num and len(doc[before].text) == 4:
        before -= 1  # a model year
    if before < 0 or doc[before].lower_ not in DETERMINERS or len(doc[before]) > 1 and doc[before].is_upper:
        return False  # not in a heading set in capitals ("THE FBI DIRECTOR")
    if _before_a_model(doc, m, after, doc[before].lower_ in PERSONAL_POSSESSIVES):
        return True
    root = _root(doc, m)
    if root.dep_ == "compound":
        return False
    if root.dep_ == "dobj" and root.head.lemma_ in VEHICLE_VERBS:
        return True
    subject = False  # the clause's own: "the ... he was driving", not "the Champions League steals their attention"
    for token in doc[m.last:m.last + CLAUSE_GAP]:
        if token.pos_ == "VERB" and token.lemma_ in VEHICLE_VERBS:
            return subject
        if token.pos_ not in CLAUSE_POS and token.lower_ not in ("that", "which"):
            return False
        subject = subject or token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass")
    return False


def _before_a_model(doc, m: Mention, after, owned: bool) -> bool:
    """The maker of a model written just after it: a product the model tags ("a Ford Taurus"), or a capitalised word
    it tags nothing that heads the maker's phrase and is no title or organisation's noun, when a person owns it
    ("his Chevrolet Malibu") or the sentence has a word of driving or of a vehicle ("recall the Ford Focus cars")."""
    if after is None or not after.text[:1].isupper():
        return False
    if after.ent_type_ == "PRODUCT" and after.ent_iob_ == "B":
        return True
    if after.ent_iob_ != "O" or after.pos_ != "PROPN" or after.dep_ == "compound" or _root(doc, m).head.i != after.i \
            or _is_title(after) or _organisation_noun(after.lower_):
        return False
    return owned or any(token.lemma_ in VEHICLE_VERBS or token.is_lower and token.lower_ in VEHICLE_NOUNS
                        for token in after.sent)


def _a_body(m: Mention) -> bool:
    """Whether an organisation's name holds a noun of a body beside any word for a kind of place ("State
    Department", "State Council"; not "State of Israel", "Islamic State"): what a unit word may refer back to."""
    return m.type == "ORG" and any(_organisation_noun(word) and word not in unit_words()
                                   for word in fold_words(m.entity or m.text))


def _unit_of_a_person_or_title(doc, m: Mention) -> bool:
    """ "his State" (a person's own place), "the State Attorney General" (an office's title): a unit word that
    refers back to no body."""
    return m.first > 0 and doc[m.first - 1].lower_ in PERSONAL_POSSESSIVES \
        or m.last < len(doc) and _is_title(doc[m.last])


def _unit_word(m: Mention) -> bool:
    """ "The State argued", "their trip to State", "the County said" tagged as an organisation: one word for a kind
    of place or a level of government (loader/data/name_fragments.tsv, kind unit) for which the article gives no
    fuller name is a capitalised common word (a court's party, a team's or a body's short name). Like a generic
    head noun ("the Bank") it refers back to a body the article names whose name holds it ("fall in State" after
    "the State Department"; _referring_back, _a_body), unless a person's or a title's (_unit_of_a_person_or_title),
    and is none of our entities when there is none."""
    words = fold_words(m.text)
    return m.type == "ORG" and len(words) == 1 and words[0] in unit_words() \
        and fold_words(m.entity or m.text) == words


def _offices_taken_for_people(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Sgt" cut from "Sgt. James Miller", "Benton County Sheriff", "the Brookfield Police" tagged as a person:
    a "person" made only of titles (roles.json) written just before another person's name is that name's title,
    none of our entities; a "person" of two words or more ending in a capitalised noun of a body or an office
    (OFFICE_BODY_NOUNS) is that body, an organisation."""
    starts = {m.first for m in mentions if m.type == PERSON}
    kept = []
    for m in mentions:
        words = [token for token in doc[m.first:m.last] if not token.is_punct]
        if m.type == PERSON and words and all(_is_title(token) for token in words):
            after = m.last + (1 if m.last < len(doc) and doc[m.last].text == "." else 0)
            if after in starts or after < len(doc) and doc[after].is_title and doc[after].pos_ == "PROPN":
                continue
        if m.type == PERSON and len(words) >= 2 and words[-1].is_title and words[-1].lower_ in OFFICE_BODY_NOUNS:
            m.type = "ORG"
        kept.append(m)
    return kept


def _places_no_gazetteer_knows(text: str, mentions: list[Mention]) -> None:
    """ "fearful of Brexit", "a Netflix series" tagged as a country, city or state: a GPE no gazetteer place is called
    (the gazetteer holds every town of 500 people, every country and division) — nor its canonical name, nor with a
    full stop ("Calif."), nor without a lower-case word after it ("Sichuan province") — is at most another place
    (LOC): a quarter, a bay ("Jobar", "Blacksod") or no place at all. Initials the gazetteer knows with dots ("NY"
    as "N.Y.") and abbreviations ("La.") stay; "RT" (a channel) does not."""
    gazetteer = get_gazetteer()
    for m in mentions:
        if m.type != "GPE" or text[m.end:m.end + 1] == ".":
            continue  # an abbreviation: "Good Hope, La."
        words = m.text.split()
        forms = {m.text, m.entity or m.text, m.text + "."}
        if m.text.isalpha() and m.text.isupper() and len(m.text) <= 4:
            forms.add("".join(letter + "." for letter in m.text))  # "NY" as "N.Y."
        if len(words) > 1 and words[-1].islower():
            forms.add(" ".join(words[:-1]))
        if not any(gazetteer.candidates(form) for form in forms):
            m.type = "LOC"


def _completed(doc, text: str, m: Mention) -> Mention:
    """ "Group of" cut before "Seven" or "5": a name never ends in "of"; the number or capitalised word
    after it belongs to the name."""
    if m.type == "ORG" and doc[m.last - 1].lower_ == "of" and m.last < len(doc) \
            and (doc[m.last].like_num or doc[m.last].is_title):
        m.last += 1
        m.end = doc[m.last - 1].idx + len(doc[m.last - 1].text)
        m.text = text[m.start:m.end]
    return m


def _after_titles(doc, first: int, last: int) -> int:
    """First token after a leading title: the last title word that a non-title word follows."""
    cut = first
    for i in range(first, last - 1):
        if _is_title(doc[i]) and not _is_title(doc[i + 1]):
            cut = i + 1
    while first < cut < last and (doc[cut].is_punct or not doc[cut].text[:1].isupper()):
        cut += 1
    return cut if cut < last else first


def _is_title(token) -> bool:
    return title_word(token.lower_) or token.text in TITLE_ACRONYMS


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    bracket = text.rfind("(", start, end)
    if bracket > start and ")" not in text[bracket:end]:
        end = bracket  # "International Coffee Organization (ICO": the model stopped inside the brackets
    while start < end and (text[start] in OPENING_MARKS or _blank(text[start])):
        start += 1
    while end > start:
        if text[end - 1] in CLOSING_MARKS or _blank(text[end - 1]):
            end -= 1
        elif text[end - 2:end] in ("'s", "’s") and end - 2 > start:
            end -= 2
        elif text[end - 1] == "." and not _is_abbreviation(text[start:end]):
            end -= 1
        else:
            break
    return start, end


def _blank(char: str) -> bool:
    return char.isspace() or not char.isprintable()


def _is_abbreviation(text: str) -> bool:
    last_word = text.split()[-1].lower()
    return last_word in roles()["abbreviations"] or INITIALS.fullmatch(last_word) is not None


def _people_by_context(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Names the model tagged ORG or missed, which a title before them ("spokesman Geng Shuang") or a
    role after them ("Sun Xingjie, another Korean affairs expert") shows to be people."""
    by_range = {(m.first, m.last): m for m in mentions}
    covered = {i for m in mentions for i in range(m.first, m.last)}
    found = []
    for token in doc:
        first = _name_start(doc, token)
        if first is None or not _has_person_context(doc, first, token):
            continue
        match = by_range.get((first, token.i + 1))
        if match and match.type == "ORG":
            match.type = PERSON
        elif not match and not covered.intersection(range(first, token.i + 1)):
            start, end = doc[first].idx, token.idx + len(token.text)
            found.append(Mention(first, token.i + 1, start, end, text[start:end], PERSON, first))
    return found


# Lower-case words of a newsroom's staff written before a reporter's name ("reporter Lisa Crane"), and the verbs of
# a credit line after it ("Lisa Crane contributed to this report").
STAFF_WORDS = {"reporter", "reporters", "writer", "writers", "editor", "editors", "correspondent", "correspondents",
               "photographer", "photographers", "columnist", "columnists", "contributor", "producer", "staff"}
CREDIT_VERBS = {"contributed", "compiled"}


def _people_taken_for_organisations(doc, text: str, mentions: list[Mention]) -> None:
    """ "Reporter Lisa Crane contributed to this report" tagged as an organisation: a name shaped like a person's —
    two or three capitalised words, the last no given name (nicknames.tsv: not "Morgan Stanley"), no word of a body,
    a legal form or a site, no place's name, no company's ending after it — that the
    article shows to be a person's at least once (after a title or a newsroom's staff word, STAFF_WORDS; before a
    credit line's verb, CREDIT_VERBS; or its last word tagged as a person alone) is a person in every mention.
    Written after "at" or "the" ("an analyst at ...", "the Associated Press"), as a brand before a noun ("...
    jeans"), before a legal form or a post ("... CEO") anywhere in the article, or with a word the article also
    writes in lower case (other than a given name: "Radio Kerry" where it writes "radio"), it stays a company."""
    surnames = {m.text for m in mentions if m.type == PERSON and " " not in m.text
                and not (m.first > 0 and doc[m.first - 1].is_title)}  # not a name's end cut off: "Sesame" "Workshop"
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "ORG" and _person_shaped(m.text):
            groups.setdefault(m.text, []).append(m)
    lower = lower_case_words(text)
    for name, group in groups.items():
        common = [word for word in name.split()[1 if is_given_name(name) else 0:] if word.lower() in lower]
        if common or any(_as_company(doc, text, m) for m in group) or get_gazetteer().candidates(name):
            continue
        if name.split()[-1] in surnames or any(_shown_as_person(doc, m) for m in group):
            for m in group:
                m.type = PERSON


# The endings of websites' names ("TickerWatch.com"); a name ending in one of these or a country's is a web address.
WEBSITE_ENDINGS = r"com|net|org|info|biz|io|co\.uk"
# A web address's ending: "TickerWatch.com" is a website, never a person.
WEB_ADDRESS = re.compile(rf"\w\.(?:{WEBSITE_ENDINGS}|co|us|uk|ca|de|au)$", re.I)
# A website written as a capitalised name ("TickerWatch.com", "Stock-News.net"): not a link's host ("www.x.com",
# "x.com/page"), an e-mail's domain or part of a longer host.
WEBSITE_NAME = re.compile(rf"(?<![\w@./-])[A-Z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:{WEBSITE_ENDINGS})(?![\w/@-]|\.\w)")


def _untagged_websites(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "According to data from TickerWatch.com, ...": a website the text names as a capitalised name that the model
    left untagged is an organisation's mention (a source quotes can then go to), unless a mention already holds it."""
    found = []
    for match in WEBSITE_NAME.finditer(text):
        if not any(m.start < match.end() and match.start() < m.end for m in mentions):
            site = _span_mention(doc, match.start(), match.end(), "ORG")
            if site is not None and site.start == match.start() and site.end == match.end():
                found.append(site)
    return found
# A firm's staff (by lemma) written just after its name and before a person's ("Hale Dunn analyst Ann Roe"), or
# before "at", "with" or "of" and the firm ("analysts at Hale Dunn", "analyst Ann Roe of Hale Dunn").
FIRM_STAFF = {"analyst", "economist", "strategist", "chairman", "broker", "stockbroker", "underwriter", "dealer"}
STAFF_LINKS = {"at", "with", "of"}
# What a firm owns or is, written after its name and "'s" ("Hale Dunn's analysts", "... 's board").
FIRM_OWNED = {"analyst", "analysts", "economist", "economists", "strategist", "strategists", "board", "subsidiary",
              "rating", "ratings", "shareholders", "directors", "clients", "underwriters"}
# Verbs of a broker's call (by lemma), whose subject with no given name is a firm ("Hale Dunn upgraded Acme"); the
# verbs of CALL_VERBS only with an object of CALL_OBJECTS ("... initiated coverage", "... reiterated a buy rating"):
# a person "reiterated" or "initiated talks" too.
RATING_VERBS = {"upgrade", "downgrade"}
CALL_VERBS = {"initiate", "reiterate", "reaffirm", "rate", "start", "resume", "assign", "maintain"}
CALL_OBJECTS = {"coverage", "rating", "recommendation"}
# Verbs whose subject, written with "its" before the object ("... raised its price target"), is a firm.
CHANGE_VERBS = {"raise", "cut", "lower", "boost", "lift", "trim", "reduce", "increase", "set", "upgrade",
                "downgrade", "initiate", "reiterate", "reaffirm", "start", "begin", "resume"}
# The past forms of CHANGE_VERBS and RATING_VERBS not written as the lemma and an ending ("raised", "cut"): the text
# cues of store/firms.py read these, where no lemma is at hand.
IRREGULAR_PAST = {"begin": ("began", "begun")}
# Holdings written before "of" or "in" and the firm held ("shares of Hale Dunn", "a stake in Hale Dunn").
HOLDING_WORDS = {"of": {"shares", "stock", "stocks"}, "in": {"stake", "stakes", "holding", "holdings"}}
# Verbs of a broker's note on a company (by lemma) whose subject, given name or not, is a firm when their object is
# "coverage" or a rating "on" the company ("... began coverage on Acme", "... reissued a buy rating on Acme").
NOTE_VERBS = CALL_VERBS | {"assume", "begin", "restate", "reissue"}
# A firm's holding in a company (by lemma), the object of a market note's verb with "its" before it ("... grew its
# holdings in Acme", "... trimmed its position in Acme"), or bought "new" ("... acquired a new stake in Acme").
HOLDING_OBJECTS = {"stake", "position", "holding", "holdings"}
NEW_HOLDING_VERBS = {"acquire", "buy", "purchase", "take", "establish", "open"}
# The words of a broker's price target ("their price objective", "its target price"): PRICE_WORD and one of these.
PRICE_WORD = "price"
TARGET_WORDS = {"target", "objective"}
# The owner written before a firm's object ("... raised its target"); a price target's may be "their" too ("...
# lifted their price objective"), which a person's singular "they" writes before other things ("set their sights").
FIRM_OWNERS = {"its"}
TARGET_OWNERS = FIRM_OWNERS | {"their"}
# Nouns that end a firm's name, never a person's ("... Wealth Management Group", "Hale Law Firm"), besides legal forms
# and partnership words: a "person" whose name ends in one, or holds "&", is a firm.
FIRM_HEADS = {"group", "holdings", "management", "advisors", "advisers", "advisory", "capital", "firm", "investments",
              "securities", "ventures", "llp", "lp"}


def _firms_taken_for_people(doc, mentions: list[Mention]) -> None:
    """A firm named after people ("Hale Dunn", "Ann B. Hale") or a website ("TickerWatch.com") tagged as a person: a
    "person" (or nationality) whose name ends in a web address's ending, or a "person" (no nationality's word) the
    article writes as a firm — before a firm's staff and a person's name ("Hale Dunn analyst Ann Roe"), after a
    firm's staff and "at", "with" or "of" ("analysts at ...", "analyst Ann Roe of ...") or after a person's full
    name and "of" ("Ann Roe of ...") when no gazetteer place is called so, before "'s" and what a firm owns ("...
    's analysts", "... 's board"), after a holding ("shares of ...", "a stake in ...", not "a stake in ...' fate") —
    is an organisation in that mention. So is one written as the subject of a verb with "its" before its object
    ("... raised its target") or, with no given name first, of a broker's call ("... upgraded Acme", "... initiated
    coverage"), and every
    other mention of a name written as a firm, unless the article shows that name as a person's (a title, an
    honorific or a role, on it or on a longer name ending with it: "managing director Ann Hale" keeps "Hale said" a
    person, and "analysts at Hale" the firm)."""
    firms = [m for m in mentions if m.type == PERSON and m.text not in demonyms() and _written_as_firm(doc, m)
             or m.type in (PERSON, "NORP") and WEB_ADDRESS.search(m.text)
             or m.type == PERSON and (_firm_shaped(m.text) or _noted_as_firm(doc, m))]
    acting = [m for m in mentions if m.type == PERSON and m.text not in demonyms()
              and (_acts_as_firm(doc, m) or _starts_a_company(m, mentions))]
    human = {m.text for m in firms + acting if _shown_as_human(doc, m.text, mentions)}
    names = {m.text for m in firms + acting} - human
    for m in mentions:
        if m in firms or m.type == PERSON and m.text in names:
            m.type, m.entity = "ORG", m.text


def _written_as_firm(doc, m: Mention) -> bool:
    before = doc[m.first - 1] if m.first > 0 else None
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and _staff_word(after) and after.i + 1 < len(doc) \
            and doc[after.i + 1].ent_type_ == PERSON:
        return True
    if after is not None and after.text in ("'s", "’s") and after.i + 1 < len(doc) \
            and doc[after.i + 1].lower_ in FIRM_OWNED:
        return True
    if before is not None and before.lower_ in STAFF_LINKS and m.first >= 2 and _staff_before(doc, m.first - 2):
        return True
    if before is not None and before.lower_ == "of" and m.first >= 2 and _ends_full_name(doc, m.first - 2) \
            and not get_gazetteer().candidates(m.text):
        return True  # "said Carol Bell of ...": a person is of a firm or a place, never of another person
    return before is not None and m.first >= 2 and doc[m.first - 2].lower_ in HOLDING_WORDS.get(before.lower_, ()) \
        and not (after is not None and after.text in POSSESSIVES)  # "a personal stake in Wes' fate"


def _acts_as_firm(doc, m: Mention) -> bool:
    root = _root(doc, m)
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or _described_as_person(root):
        return False
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    if verb.lemma_.lower() in CHANGE_VERBS and any(_owned_by(child, FIRM_OWNERS) for child in objects):
        return True
    if root.dep_ == "nsubj" and (_market_note_call(verb, objects) or _one_word_name(m)
                                 and any(_new_holding(verb, child) for child in objects)):
        return True
    call = verb.lemma_.lower() in RATING_VERBS or verb.lemma_.lower() in CALL_VERBS and any(
        child.lemma_.lower() in CALL_OBJECTS for child in objects)
    return call and root.dep_ == "nsubj" and not is_given_name(m.text)


def _market_note_call(verb, objects: list) -> bool:
    """A market note's verb frame whose subject is a firm, given name or not ("Ann Hale & Co" shortened to "Ann
    Hale"): "... raised their price objective on Acme", "... grew its holdings in Acme", "... initiated coverage on
    Acme", "... cut Acme from an outperform rating to a neutral rating"."""
    if any(_owned_by(child, TARGET_OWNERS) and _price_target(child) or _owned_by(child, FIRM_OWNERS)
           and child.lemma_.lower() in HOLDING_OBJECTS for child in objects):
        return True
    if verb.lemma_.lower() in NOTE_VERBS and any(child.lemma_.lower() in ("coverage", "rating")
                                                  and _on_a_company(verb, child) for child in objects):
        return True
    return _rating_changed(verb)


def _one_word_name(m: Mention) -> bool:
    """Whether a person's mention is one word standing for no full name of its article and is no given name: "Velloria
    acquired a new stake", not "Icahn" after "Carl Icahn" (a person's full name buys a new stake too)."""
    name = m.entity or m.text
    return " " not in name and not is_given_name(name)


def _rating_changed(verb) -> bool:
    """ "... cut Acme from an outperform rating to a neutral rating": a verb with "from" and a rating."""
    return any(child.dep_ == "prep" and child.lower_ == "from" and any(
        grand.dep_ == "pobj" and grand.lemma_.lower() == "rating" for grand in child.children)
        for child in verb.children)


def _on_a_company(verb, token) -> bool:
    """Whether a note's object is "on" a company, written after the object or the verb ("a buy rating on Acme",
    "began coverage on shares of Acme"): a proper name that is no date, or a holding ("shares", "stock"); not "began
    coverage on Tuesday", "... on election night"."""
    return any(child.dep_ == "prep" and child.lower_ == "on" and any(
        grand.dep_ == "pobj" and (grand.pos_ == "PROPN" and grand.ent_type_ not in ("DATE", "TIME")
                                  or grand.lower_ in HOLDING_WORDS["of"]) for grand in child.children)
        for child in (*token.children, *verb.children))


def _noted_as_firm(doc, m: Mention) -> bool:
    """A market note's company or broker written as a person: "their price target on Acme", "a buy rating on Acme",
    "... cut Acme from a buy rating to ...", "Hale Dunn' price objective suggests ..."."""
    root = _root(doc, m)
    head = root.head
    if root.dep_ == "poss":
        return _price_target(head)
    if root.dep_ == "dobj":
        return _rating_changed(head)
    if root.dep_ != "pobj" or head.lower_ != "on":
        return False
    owner = head.head
    owned = [owner] if owner.pos_ in ("NOUN", "PROPN") else [c for c in owner.children if c.dep_ == "dobj"]
    return any(_price_target(o) or o.lemma_.lower() in ("rating", "coverage") for o in owned)


def _owned_by(token, owners: set[str]) -> bool:
    return any(child.dep_ == "poss" and child.lower_ in owners for child in token.children)


def _price_target(token) -> bool:
    words = {token.lemma_.lower()} | {child.lemma_.lower() for child in token.children if child.dep_ == "compound"}
    return PRICE_WORD in words and bool(words & TARGET_WORDS)


def _new_holding(verb, token) -> bool:
    """ "... acquired a new stake in Acme", "... bought a new position in shares of Acme": a firm's when its subject
    is one word (a person's full name buys a new stake too)."""
    return verb.lemma_.lower() in NEW_HOLDING_VERBS and token.lemma_.lower() in HOLDING_OBJECTS \
        and any(child.dep_ == "amod" and child.lower_ == "new" for child in token.children)


def _described_as_person(root) -> bool:
    """ "Ann Hale, an analyst at Acme, raised her target": an appositive of a person's title or a firm's staff."""
    return any(child.dep_ == "appos" and (child.lemma_.lower() in roles()["titles"] or _staff_word(child))
               for child in root.children)


def _firm_shaped(name: str) -> bool:
    """ "Hale, Dunn & Ross", "Hale Dunn Wealth Management Group", "Hale Law Firm": a name with "&" or ending in a
    firm's head noun, legal form or partnership word is a firm's, never a person's."""
    words = fold_words(name)
    return "&" in name or len(words) > 1 and words[-1] in FIRM_HEADS | LEGAL_FORMS | PARTNER_WORDS


def _starts_a_company(m: Mention, mentions: list[Mention]) -> bool:
    """ "Exelon" beside "Exelon Corp." in one article: a one-word "person" (no given name) that starts a company's
    name the article writes with a legal form is that company, unless a person's full name there ends with it."""
    if " " in m.text or is_given_name(m.text):
        return False
    companies = [o for o in mentions if o.type == "ORG" and o.text.split()[0] == m.text
                 and fold_words(o.text)[-1:] and fold_words(o.text)[-1] in LEGAL_FORMS]
    return bool(companies) and not any(o.type == PERSON and o.text.endswith(" " + m.text) for o in mentions)


def _staff_before(doc, i: int) -> bool:
    """Whether token i is a firm's staff word, or ends a person's name written just after one ("analyst Ann Roe")."""
    if _staff_word(doc[i]):
        return True
    j = i
    while j >= 0 and doc[j].ent_type_ == PERSON:
        j -= 1
    return j < i and j >= 0 and _staff_word(doc[j])


def _ends_full_name(doc, i: int) -> bool:
    """Whether token i ends a name of two or more words the model tagged as a person's."""
    j = i
    while j >= 0 and doc[j].ent_type_ == PERSON and doc[j].is_title and (j == i or doc[j + 1].ent_iob_ == "I"):
        j -= 1
    return i - j >= 2


def _staff_word(token) -> bool:
    return token.lemma_.lower() in FIRM_STAFF or token.lower_.removesuffix("s") in FIRM_STAFF


def _shown_as_human(doc, name: str, mentions: list[Mention]) -> bool:
    return any(m.type == PERSON and (m.text == name or m.text.endswith(" " + name))
               and (_titled(m) or _shown_as_person(doc, m)) for m in mentions)


def _person_shaped(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-z][\w'’-]*|[A-Z]\.", word) for word in words):
        return False
    folded = fold_words(name)
    body_words = institution_words() | LEGAL_FORMS | OFFICE_BODY_NOUNS
    return len(folded) == len(words) and not is_given_name(words[-1]) \
        and not any(word in body_words or site_kind(word) or fragment_kind(word) for word in folded)


def _as_company(doc, text: str, m: Mention) -> bool:
    root = _root(doc, m)
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and after.lower_.rstrip(".") in roles()["titles"]:
        return True  # a body's post: "the former ... CEO", "... deputy secretary-general"
    return m.first > 0 and doc[m.first - 1].lower_ in ("at", "the") or COMPANY_AFTER.match(text, m.end) is not None \
        or root.dep_ == "compound" and root.head.is_lower or after is not None and after.is_lower \
        and after.pos_ == "NOUN" and after.i == root.head.i


def _shown_as_person(doc, m: Mention) -> bool:
    before = doc[m.first - 1].lower_.rstrip(".") if m.first > 0 else ""
    after = doc[m.last] if m.last < len(doc) else None
    titled = (before in roles()["titles"] or m.first > 0 and doc[m.first - 1].text in TITLE_ACRONYMS) \
        and doc[m.first - 1].pos_ in ("NOUN", "PROPN")  # not "former"
    return before in STAFF_WORDS or titled or before in roles()["honorifics"] \
        or after is not None and after.lower_ in CREDIT_VERBS


def _name_start(doc, token) -> int | None:
    """First token of a 2-4 word capitalised proper name whose last word is `token`."""
    if token.pos_ != "PROPN" or not token.is_title or token.head.i == token.i + 1:
        return None
    first = token.i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title \
            and doc[first - 1].dep_ == "compound" and not _is_title(doc[first - 1]):
        first -= 1
    return first if 2 <= token.i + 1 - first <= 4 else None


def _has_person_context(doc, first: int, root) -> bool:
    table = roles()
    before = doc[first - 1].lower_.rstrip(".") if first > 0 else ""
    if before in table["titles"] or before in table["honorifics"]:
        return True
    if first > 0 and doc[first - 1].text in TITLE_ACRONYMS:
        return True
    return any(child.dep_ == "appos" and child.lower_ in table["titles"] for child in root.rights)


# --- sports teams taken for people ----------------------------------------------------------------------------

# Lower-case words only a sports report writes (singular; a plural in "s" or "es" counts): an article that writes two
# of them is about sport.
SPORTS_TERMS = {"coach", "quarterback", "striker", "midfielder", "goalkeeper", "winger", "pitcher", "batsman",
                "innings", "inning", "touchdown", "playoff", "league", "fixture", "semifinal", "semi-final",
                "quarterfinal", "quarter-final", "wicket", "halftime", "half-time", "kickoff", "kick-off", "scorer",
                "goalscorer", "tournament", "championship", "fly-half", "scrum-half", "referee", "rugby", "soccer",
                "cricket", "basketball", "baseball", "hockey", "football", "relegation"}
SPORTS_ARTICLE_MIN = 2
LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)*(?![\w-])")
# Lemmas that, in a sports article, make a sentence tell of a game ("the Foxes were beaten", "the Hawks won").
GAME_WORDS = SPORTS_TERMS | {"season", "game", "match", "goal", "title", "final", "victory", "win", "defeat", "loss",
                             "beat", "lose", "score", "draw", "play", "host", "trail", "edge", "thrash", "rout",
                             "clinch", "face", "point", "side", "team", "club", "fan", "derby", "cup"}
# Nouns a team's nickname is written before ("the Ospreys forward", "Miners quarterback Sam Hale"), and those a
# player's name may be written before too ("Wolverines coach Dale Pike", but "Ann Banks coach Tom Ross"): these count
# only after a nickname alone.
TEAM_STAFF = {"quarterback", "striker", "midfielder", "goalkeeper", "defender", "winger", "pitcher", "batsman",
              "bowler", "forward", "captain", "skipper", "players", "squad", "guard", "linebacker", "receiver",
              "flanker", "fly-half", "scrum-half", "full-back", "fullback"}
ANY_STAFF = TEAM_STAFF | {"coach", "manager", "boss", "fans", "supporters", "player"}
# Nouns that make "the ... " a family, not a team ("the Smiths' family home", "the Obamas' daughters").
KIN_AFTER = {"family", "families", "household", "couple", "children", "daughters", "sons", "daughter", "son",
             "home", "house", "parents", "siblings", "brothers", "sisters"}


def _teams_taken_for_people(doc, mentions: list[Mention]) -> None:
    """A sports team's nickname tagged as a person: in a sports article (two SPORTS_TERMS or more), a "person" whose
    last word is a capitalised plural (not "-ss", "-us" or "-is": "Ross", "Jesus", "Francis"), alone or after a
    country's, a first-order division's or a big town's name ("Denver Miners"), written as a team — after "the" in a
    sentence that tells of a game ("the Foxes were beaten", "the Denver Miners won the final") or before a team's
    staff ("Wolverines coach Dale Pike", "Ospreys forward ...") in any mention, even one the model typed as an
    organisation — is a team, an organisation, in every mention, and
    so is every short form the article resolved to it. A person stays one: a surname the article gives a person's
    fuller name or a title for ("Evans scored", "Jamie Roberts"), a name whose last word the article writes alone as
    a surname ("Austin Rivers" ... "Rivers said"), a family ("the Smiths' home", or where the article names a "John
    Smith"), a nationality ("the Kurds"). Without a sports article nothing changes: "the Beatles played", "Bali
    Sharks" (a charity), "George Soros" (George is a town too)."""
    if not sports_article(text_of(doc)):
        return
    people = [m for m in mentions if m.type == PERSON]
    names = {m.text for m in people if _team_shaped(m) and not _team_of_a_person(m, people)}
    teams = {m.text for m in mentions if m.text in names and m.type in (PERSON, "ORG") and _team_cue(doc, m)}
    for m in people:
        if (m.entity or m.text) in teams or m.text in teams:
            m.type, m.entity = "ORG", (m.entity if m.entity in teams else m.text)


def sports_article(text: str) -> bool:
    """Whether the text writes SPORTS_ARTICLE_MIN of the SPORTS_TERMS or more, in lower case ("coaches" counts)."""
    words = set(LOWER_WORD.findall(text))
    found = {word for word in SPORTS_TERMS if word in words or word + "s" in words or word + "es" in words}
    return len(found) >= SPORTS_ARTICLE_MIN


def _team_shaped(m: Mention) -> bool:
    """A name of at most four words, no title or role, whose last word is a capitalised plural."""
    words = m.text.split()
    last = words[-1] if words else ""
    return 1 <= len(words) <= 4 and not m.role and last not in demonyms() \
        and re.fullmatch(r"[A-Z][a-z]+[a-hj-rtv-z]s", last) is not None


def _plural_singular(word: str) -> set[str]:
    """The singulars a plural may stand for: "Foxes" → {"Foxe", "Fox"}, "Ospreys" → {"Osprey"}."""
    found = {word[:-1]}
    if word.endswith("es"):
        found.add(word[:-2])
    if word.endswith("ies"):
        found.add(word[:-3] + "y")
    return found


def _team_of_a_person(m: Mention, people: list[Mention]) -> bool:
    """Whether the article shows the name's last word as a person's: the entity it resolved to is a longer person's
    name, its singular is a given name ("Williams"), or a person of two words or more ends in it or its singular
    ("Jamie Roberts" for "Roberts", "John Smith" for "the Smiths")."""
    last = m.text.split()[-1]
    if m.entity and m.entity != m.text:
        return True
    if is_given_name(last) or any(is_given_name(word) for word in _plural_singular(last)):
        return True
    surnames = {last} | _plural_singular(last)
    return any(len(p.text.split()) >= 2 and p.text.split()[-1] in surnames and not _city_and_nickname(p.text)
               for p in people if p is not m)


def _team_cue(doc, m: Mention) -> bool:
    """The nickname alone or after a town's name ("Denver Miners"; after other words it is left as typed), written as
    a team (_written_as_team); a name whose last word the article also writes alone as a surname is (not after "the")
    is a person's ("the Austin Rivers fan club" ... "Rivers said")."""
    if " " not in m.text:
        return _written_as_team(doc, m)
    return _city_and_nickname(m.text) and not _last_word_as_surname(doc, m) and _written_as_team(doc, m)


def _last_word_as_surname(doc, m: Mention) -> bool:
    """Whether the article writes the last word of the name alone as a surname is written: after no capitalised word
    or "the", before no team's staff noun or possessive ("Rivers was happy" of "Austin Rivers"; a team is "the
    Roosters", "Roosters coach ...")."""
    last = m.text.split()[-1]
    for token in doc:
        if token.text != last or token.i > 0 and (doc[token.i - 1].is_title or doc[token.i - 1].lower_ == "the"):
            continue
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if after not in ANY_STAFF and after not in ("'", "’", "'s", "’s"):
            return True
    return False


def _city_and_nickname(name: str) -> bool:
    """Whether the words before the last are exactly a country's, a first-order division's or a town's name of
    CITY_MIN_POPULATION or more ("Denver" of "Denver Miners")."""
    head = " ".join(name.split()[:-1])
    return bool(head) and any(
        get_gazetteer().is_main_name(place, head) and (place.feature_code.startswith(("PCL", "ADM1"))
                                                       or place.population >= CITY_MIN_POPULATION)
        for place in get_gazetteer().candidates(head))


def _written_as_team(doc, m: Mention) -> bool:
    """Before a team's staff noun ("...' quarterback"; ANY_STAFF after a nickname alone: "... coach Dale Pike"), or
    after "the" (no family's noun after it) in a sentence with a word of a game (GAME_WORDS)."""
    after = doc[m.last] if m.last < len(doc) else None
    if after is not None and after.text in ("'", "’", "'s", "’s") and m.last + 1 < len(doc):
        after = doc[m.last + 1]
    if after is not None and after.lower_ in KIN_AFTER:
        return False
    if after is not None and after.is_lower and after.lower_ in (TEAM_STAFF if " " in m.text else ANY_STAFF):
        return True
    if m.first == 0 or doc[m.first - 1].lower_ != "the":
        return False
    return any(token.is_lower and token.lemma_ in GAME_WORDS for token in doc[m.first].sent)


# Columns of a table set in plain text: a gap of this many spaces inside a line ("WHEAT      12.5     10.1").
TABLE_GAP = re.compile(r"\S {3,}\S")


def _table_heading(text: str, m: Mention) -> bool:
    """ "WHEAT", "DEL" of a grain table: one word in capitals tagged as an organisation on a line whose
    columns are set apart by runs of spaces is a row or column heading, not an organisation."""
    if m.type != "ORG" or not m.text.isupper() or len(m.text.split()) != 1:
        return False
    line = text[text.rfind("\n", 0, m.start) + 1:text.find("\n", m.end) % (len(text) + 1)]
    return bool(TABLE_GAP.search(line))


def _without_things(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the Louvre accord", "Louisiana Sweet crude", "the Rostam platform": a person's or organisation's
    name that the article mostly writes before a lower-case noun naming a thing (loader/data/
    name_fragments.tsv, kind thing) is that thing's name, so none of its mentions in the article is the
    person or organisation. A name ending in an organisation's noun ("Texaco Inc") is kept."""
    things = set()
    for name in {m.text for m in mentions if m.type in (PERSON, "ORG")}:
        words = fold_words(name)
        if not words or fragment_kind(words[-1]) == "generic":
            continue
        uses = [match.group(1) for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)(?:\s+(\w+))?", text)]
        if 2 * sum(use in thing_nouns() for use in uses if use) >= len(uses):
            things.add(name)
    return [m for m in mentions if not (m.type in (PERSON, "ORG") and m.text in things)]


def _capitalised_phrase(doc, m: Mention) -> bool:
    """ "the U.S. Attack represents", "by U.S. Exporters", "Japanese Firms": a country and a capitalised
    common noun (a headline word, or text once in capitals) that is plural, or follows a determiner after
    a country's initials, is no organisation's name; one ending in an organisation's noun ("the U.S. Navy",
    "the U.K. Treasury") is, and so is one used as a name ("U.S. Steel said", "the Canadian Press")."""
    words = m.text.split()
    capitalised = [word for word in words if word[:1].isupper()]
    if m.type != "ORG" or len(capitalised) != 2 or words[:2] != capitalised \
            or not (is_country_prefix(words[0]) or words[0] in demonyms()):
        return False
    noun = doc[m.first + 1] if m.last - m.first > 1 else None
    if noun is None or noun.text != words[1] or _organisation_noun(noun.lower_):
        return False
    plural = noun.tag_ in ("NNS", "NNPS") or (noun.lower_.endswith("s") and not noun.lower_.endswith("ss"))
    return plural or (m.first > 0 and doc[m.first - 1].pos_ == "DET" and is_country_prefix(words[0]))


def _country_of_phrase(doc, m: Mention) -> Mention | None:
    """What is left of such a phrase: its country ("U.S.", a GPE) or nationality ("Japanese", a NORP)."""
    word = m.text.split()[0]
    span = doc.char_span(m.start, m.start + len(word))
    if span is None:
        return None
    return Mention(span.start, span.end, m.start, m.start + len(word), word,
                   "NORP" if word in demonyms() else "GPE", span.start)


def _organisation_noun(word: str) -> bool:
    return (word in institution_words() or fragment_kind(word) == "generic"
            or speaker_words().get(word) in ("company", "institution"))


def _nationalities(mentions: list[Mention]) -> None:
    """"Kuwaiti" tagged as a place or an organisation: a nationality adjective alone is a NORP, as the same
    word is when the model tags it so (one entity, of NORP type); the places stage counts it for its country
    where it is used as an adjective ("Kuwaiti tankers"). "Kuwaiti Airways" is no demonym alone. So is a religion's
    or its followers' name ("converts to Islam", "Sikh temples": loader/data/religions.txt), tagged as a person too
    unless it is a word of a person's full name the article gives ("Christian" of "Christian Dior"); "Catholic
    Church" is an organisation."""
    given = {word for m in _full_names(mentions) for word in m.text.split()}
    for m in mentions:
        if m.type in ("GPE", "LOC", "ORG") and (m.text in demonyms() or m.text in religions()) \
                or m.type == PERSON and m.text in religions() and m.text not in given:
            m.type = "NORP"


def _bodies_taken_for_places(mentions: list[Mention]) -> None:
    """ "the Gulf Emirates Central Bank" tagged as a place: a place's name of two words or more that ends in a
    capitalised noun for a company or public body ("Bank", "Ministry", "Council") and is no place the gazetteer
    knows ("West Bank") is that organisation."""
    for m in mentions:
        words = m.text.split()
        if m.type in ("GPE", "LOC") and len(words) >= 2 and words[-1][:1].isupper() \
                and speaker_words().get(words[-1].lower()) in ("company", "institution") \
                and not get_gazetteer().candidates(m.text):
            m.type = "ORG"


# --- roles ---------------------------------------------------------------------------------------

def _assign_roles(doc, text: str, mentions: list[Mention]) -> set[int]:
    """Set `role` on people from the title before the name or an appositive after it.

    Returns the token indexes of the titles in front of names, where "Defence" is no organisation."""
    role_tokens = set()
    for m in mentions:
        if m.type != PERSON:
            continue
        root = _root(doc, m)
        begin = _modifiers_start(doc, m.title_from, root)
        begin = _skip_leading(doc, begin, m.first)
        if begin < m.first and _names_a_role(doc[begin:m.first]):
            m.role = _span_text(doc, text, begin, m.first)
            role_tokens.update(range(begin, m.first))
        else:
            m.role = _appositive(doc, text, root)
    return role_tokens


def _root(doc, m: Mention):
    for token in doc[m.first:m.last]:
        if not m.first <= token.head.i < m.last or token.head.i == token.i:
            return token
    return doc[m.last - 1]


def _modifiers_start(doc, first: int, root) -> int:
    """Walk left from the name over words that hang off it in the parse ("U.S. Treasury Secretary")."""
    sentence_start = root.sent.start
    i = first - 1
    while i >= sentence_start and not doc[i].is_punct and root.is_ancestor(doc[i]):
        i -= 1
    return i + 1


def _skip_leading(doc, begin: int, end: int) -> int:
    while begin < end and (doc[begin].lower_ in LEADING_WORDS or doc[begin].is_punct):
        begin += 1
    return begin


def _names_a_role(tokens) -> bool:
    return any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in roles()["titles"] for t in tokens)


def _appositive(doc, text: str, root) -> str | None:
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            subtree = list(child.subtree)
            begin = _skip_leading(doc, subtree[0].i, subtree[-1].i + 1)
            if begin <= subtree[-1].i and len(subtree) <= MAX_APPOSITIVE_TOKENS:
                return _span_text(doc, text, begin, subtree[-1].i + 1)
    return None


def _span_text(doc, text: str, first: int, last: int) -> str | None:
    start, end = _trim_chars(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
    return text[start:end] or None


def _actors(doc, mentions: list[Mention]) -> set[str]:
    """Organisations' names the article makes act or own ("Labour won", "Labour's leader"): names, not common nouns."""
    return {m.text for m in mentions if m.type == "ORG" and (
        any(token.dep_ in ("nsubj", "nsubjpass") for token in doc[m.first:m.last])
        or m.last < len(doc) and doc[m.last].text in POSSESSIVES)}


def _is_title_word(doc, m: Mention, role_tokens: set[int], actors: frozenset | set = frozenset()) -> bool:
    """A one-word "organisation" that is a capitalised common noun, not an organisation's name: a portfolio word in
    a title ("Defence" in "US Defence Secretary Jim Mattis"; after a title and "of" or "for": "Secretary of State",
    "the Minister for Justice", "Minister of the Interior"; before an office's title with no name after it: "the
    Defense Minister added") or modifying the lower-case noun after it ("the State pension", "Treasury bills");
    or a capitalised word the tagger reads as a common noun, joined by a hyphen to the lower-case word after it
    ("State-owned", "State-run schools"; not an acronym: "ISIS-inspired"). A word the article makes act or own
    elsewhere ("Labour won", "Labour's leader") is a name there: "Labour voters", "a Labour-led move" stay."""
    if m.type != "ORG" or m.last - m.first != 1:
        return False
    if doc[m.first].lower_ in roles()["portfolios"] and (m.first in role_tokens or _in_a_title(doc, m)):
        return True
    return m.text not in actors and (doc[m.first].lower_ in roles()["portfolios"] and _modifies_a_common_noun(doc, m)
                                     or _compound_modifier(doc, m))


# Titles of an office that a portfolio word written just before names ("the Defense Minister", "Education Secretary").
OFFICE_TITLES = {"minister", "ministers", "secretary", "secretaries", "undersecretary", "under-secretary",
                 "commissioner", "correspondent", "editor"}


def _in_a_title(doc, m: Mention) -> bool:
    i = m.first - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ in ("of", "for") and _is_title(doc[i - 1]):
        return True
    return m.last < len(doc) and doc[m.last].lower_ in OFFICE_TITLES


def _modifies_a_common_noun(doc, m: Mention) -> bool:
    """ "the State pension", "full State ownership", "Treasury bills": a portfolio word just before a lower-case noun
    it modifies, unless that noun is a body's, a role's or a speaker's ("the Labour party", "the Labor leader", "a
    Treasury official", "the State department")."""
    after = doc[m.last] if m.last < len(doc) else None
    if after is None or not after.is_lower or after.pos_ != "NOUN" or doc[m.first].head.i != after.i:
        return False
    lemma = after.lemma_.lower()
    return not (_organisation_noun(lemma) or lemma in speaker_words() or lemma in roles()["titles"])


def _compound_modifier(doc, m: Mention) -> bool:
    token = doc[m.first]
    return token.pos_ == "NOUN" and token.is_title and m.last + 1 < len(doc) and doc[m.last].text == "-" \
        and not token.whitespace_ and not doc[m.last].whitespace_ and doc[m.last + 1].is_lower


# --- within-article canonical names ------------------------------------------------------------------

def _full_names(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.type == PERSON and len(name_words(m.text)) > 1]


def _missed_surnames(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Standalone surnames or family names of people the article names in full, which the model
    did not tag (often beside a stripped apostrophe: "Ku s case")."""
    short_forms = set()
    for m in _full_names(mentions):
        words = name_words(m.text)
        short_forms.update((words[0], words[-1]))
    if not short_forms:
        return []
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(short_forms))) + r")\b")
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if (span is not None and len(span) == 1 and span.start not in covered and span[0].pos_ == "PROPN"
                and not _beside_name(doc, span.start)):
            found.append(Mention(span.start, span.end, match.start(), match.end(), match.group(), PERSON, span.start))
    return found


def _without_common_words(doc, mentions: list[Mention]) -> list[Mention]:
    """ "Concentrates produced were ...", "Heifers at 66.00": a one-word "person" that the article also writes in
    lower case as a common word (not as a proper noun of text set in lower case) is that word capitalised, no name,
    when the article gives it no title, no fuller name and never makes it the one who says something."""
    full = {word for m in _full_names(mentions) for word in name_words(m.text)}
    lower_words = {token.text for token in doc if token.text.islower() and token.pos_ != "PROPN"}
    common = set()
    for m in mentions:
        if m.type == PERSON and " " not in m.text and m.text.istitle() and m.text not in full \
                and m.text.lower() in lower_words:
            common.add(m.text)
    for m in mentions:
        if m.text in common and m.type == PERSON and (m.role or _says(doc, m)):
            common.discard(m.text)
    return [m for m in mentions if not (m.type == PERSON and m.text in common)]


def _says(doc, m: Mention) -> bool:
    return any(token.dep_ == "nsubj" and token.head.lemma_ in ("say", "tell") for token in doc[m.first:m.last])


def _beside_name(doc, i: int) -> bool:
    """A surname inside a longer capitalised name ("Busby Street") is not the person."""
    return any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() for j in (i - 1, i + 1))


def _canonicalise(text: str, mentions: list[Mention], item: dict) -> None:
    companies = _companies_taken_for_people(mentions)
    people = _resolve_people(mentions, item)
    others = [m for m in mentions if m not in people]
    article_keys = {entity_key(m.text, m.type) for m in others}
    defined = {**_acronym_definitions(text, others), **companies, **_ticker_companies(text, others)}
    groups: dict[str, list[Mention]] = {}
    for m in others:
        m.entity = defined.get(m.text) or alias_for(m.text, m.type, article_keys) or m.text
        groups.setdefault(entity_key(m.entity, m.type), []).append(m)
    for group in groups.values():
        _unify(group)


def _companies_taken_for_people(mentions: list[Mention]) -> dict[str, str]:
    """ "Phelps Dodge" or "Becor" tagged PERSON where the article names "Phelps Dodge Corp" or "Becor
    Western Inc": the start of an organisation's longer name is that organisation, unless a title in its role
    shows a person. Retypes those mentions as ORG; returns their text → the organisation's name."""
    organisations = [m for m in mentions if m.type == "ORG"]
    found = {}
    for m in mentions:
        if m.type != PERSON or _titled(m):  # "analyst Ann Hale of Ann Hale and Associates"
            continue
        words = fold_words(m.text)
        longer = [o.text for o in organisations if len(fold_words(o.text)) > len(words)
                  and fold_words(o.text)[:len(words)] == words]
        if longer:
            m.type = "ORG"
            found[m.text] = longer[0]
    return found


def _referring_back(generic: list[Mention], named: list[Mention]) -> list[Mention]:
    """"the Bank", "the Commission" alone: the organisation the article names nearest before (else
    first after) whose name holds that word; a generic word with no such organisation is dropped."""
    found = []
    for m in generic:
        word = fold_words(m.text)[0]
        candidates = [other for other in named if other.type == "ORG" and word in fold_words(other.entity)]
        before = [other for other in candidates if other.start < m.start]
        referent = before[-1] if before else (candidates[0] if candidates else None)
        if referent is not None:
            m.entity, m.type = referent.entity, referent.type
            found.append(m)
    return found


def _acronym_definitions(text: str, mentions: list[Mention]) -> dict[str, str]:
    """acronym → full name, from "Full Name (FN)" in the article; the acronym must start like the name."""
    defined = {}
    for m in mentions:
        match = ACRONYM_DEFINITION.match(text, m.end)
        if match and match.group("acronym")[0] == m.text[0] and len(m.text.split()) > 1:
            defined.setdefault(match.group("acronym"), m.text)
    return defined


def _unify(group: list[Mention]) -> None:
    """One name and the most frequent type for every mention of one entity in the article."""
    names = [m.entity for m in group]
    types = [m.type for m in group]
    name = max(names, key=lambda n: (display_preference(n), -names.index(n)))
    kind = max(types, key=lambda t: (types.count(t), -types.index(t)))
    for m in group:
        m.entity, m.type = name, kind


def _resolve_people(mentions: list[Mention], item: dict) -> set:
    full = _full_names(mentions)
    groups: dict[str, list[Mention]] = {}
    for m in full:
        m.entity = m.text
        groups.setdefault(entity_key(m.entity, PERSON), []).append(m)
    for group in groups.values():
        _unify(group)
        _prefer_heading_spelling(group, item)
    people = set(full)
    headline = item.get("title") or ""  # not a standfirst, which names others too ("Kim Jong Un's half-brother")
    for m in mentions:
        if m in people:
            continue
        match = _nearest_full_name(m, m.text, full, headline) \
            if m.type in SURNAME_TYPES and " " not in m.text else None
        if match or m.type == PERSON:
            written = None if match or " " in m.text else _full_name_in_a_longer_name(m, mentions)
            m.entity, m.type = (match.entity if match else written or m.text), PERSON
            people.add(m)
    return people


def _surname_shaped(word: str) -> bool:
    """Letters (and ' ’ - between them), a capital first, not all capitals: "Lawrence", "O'Neill", "McDonald",
    "Rocha-Chu", "Ferrández"; not "COVID-19" or "NASA"."""
    letters = re.sub(r"(?<=\w)['’-](?=\w)", "", word)
    return letters.isalpha() and word[:1].isupper() and not letters.isupper()


def _full_name_in_a_longer_name(m: Mention, mentions: list[Mention]) -> str | None:
    """ "Lawrence" in an article whose one "Carmen Lawrence" ends a longer name or is a name of another type ("Federal
    Labor MP Carmen Lawrence" tagged as an organisation): the surname stands for that capitalised word and itself, the
    name its own article writes, rather than for whoever of that surname the archive holds. None when the longer name
    is a company's (it ends in a legal form), the word before is a title ("President Reagan"), the two words are a
    place's name ("Port Moresby"), the longer name joins names with "&" ("Johnson & Johnson COVID-19"), the word is
    not shaped like a surname ("COVID-19") or the article writes two such names; nor when the two words are the whole
    of a name of another type ("Lake Oroville", "China Oceanwide"), which is as likely a place or a body named after
    a person, unless a title shows a person. A surname inside a longer name ("Gorey Garda Station", "Compania Telefonica
    Nacional") is that name's, not a person's."""
    if not _surname_shaped(m.text):  # "COVID-19" of "Johnson & Johnson COVID-19" is no surname
        return None
    found = set()
    for other in mentions:
        words = other.text.split()
        if other is m or len(words) < 2 or words[-1] != m.text or fold_words(other.text)[-1] in LEGAL_FORMS \
                or "&" in words:
            continue
        before, name = words[-2], " ".join(words[-2:])
        if before.isalpha() and before[:1].isupper() and not before.isupper() and not title_word(before) \
                and not _place_name(name) and (len(words) > 2 or m.role):
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _place_name(name: str) -> bool:
    gazetteer = get_gazetteer()
    return any(gazetteer.is_main_name(place, name) for place in gazetteer.candidates(name))


def _nearest_full_name(m: Mention, word: str, full: list[Mention], headline: str = "") -> Mention | None:
    """The full name this surname or family name refers to: the closest before it, else after it; the headline's
    person when the word fits people by their first word and the headline names one (_headline_subject).

    A place name only counts as a surname ("Israel" is not "Israel Katz", but "Washington" may be
    "Denzel Washington"); other types also as a family name written first ("Wang" of "Wang Sheng")."""
    def matches(f: Mention) -> bool:
        words = name_words(f.text)
        if f.text.isupper():  # "JOHN CARTER, 27, of Concord ... Carter said"; a headline in capitals leads with no name
            return word.upper() == words[-1]
        return word == words[-1] or (word == words[0] and m.type != "GPE")

    candidates = [f for f in full if matches(f)]
    subject = _headline_subject(word, candidates, headline)
    if subject is not None:
        return subject
    before = [f for f in candidates if f.start < m.start]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


# A name a headline writes: the word and one or two capitalised words, then no capitalised word ("Kim Jong Nam:",
# "kill Kim Jong Nam, police say"); a title-case headline's longer runs ("Paul Over Health Bill") are no name.
HEADING_NAME = r"\b{}((?:[ -][A-Z][\w-]*){{1,2}})(?![\w-]|[ -][A-Z])"


def _headline_subject(word: str, candidates: list[Mention], headline: str) -> Mention | None:
    """The person the headline names when a lone word fits people of the article by their first word and the headline
    names one of that word: a family name written first ("Kim" in a story headed "Kim Jong Nam: ...", whose body also
    names his half-brother "Kim Jong Un") or a given name. None otherwise: the nearest decides, as for a surname two
    people share ("Clinton"), or when the headline names none or two."""
    if not any(name_words(f.entity)[-1] != word for f in candidates):
        return None
    named = {entity_key(word + match.group(1), PERSON): word + match.group(1)
             for match in re.finditer(HEADING_NAME.format(re.escape(word)), headline)}
    if len(named) != 1:
        return None
    [(key, name)] = named.items()
    same = [f for f in candidates if _same_start(name, f.entity)]  # the one spelled alike first ("Kim Jong-nam,-the")
    return min(same, key=lambda f: entity_key(f.entity, PERSON) != key, default=None) or _headline_person(name)


def _headline_person(name: str) -> Mention:
    """A person only a headline names, as a full name a lone word of the body may refer to."""
    return Mention(-1, -1, -1, -1, name, PERSON, -1, entity=name)


def _same_start(heading_name: str, name: str) -> bool:
    """Whether a headline's run of capitalised words begins with the name ("Kim Jong-un Visits" and "Kim Jong Un")."""
    written, known = fold_words(heading_name), fold_words(name)
    return written[:len(known)] == known or known[:len(written)] == written


def _prefer_heading_spelling(group: list[Mention], item: dict) -> None:
    """"Jim Mattis" in the body, "James Mattis" in a headline of the same page: use the formal name."""
    name = group[0].entity
    if display_preference(name)[1]:
        return
    headings = "\n".join(filter(None, [item.get("title"), item.get("subtitle"),
                                       *(item.get("related_headlines") or [])]))
    rest = " ".join(name.split()[1:])
    for match in re.finditer(rf"\b(\w+) {re.escape(rest)}\b", headings):
        candidate = f"{match.group(1)} {rest}"
        if entity_key(candidate, PERSON) == entity_key(name, PERSON) and display_preference(candidate)[1]:
            for m in group:
                m.entity = candidate
            return


# Financial-table tokens of stock notes (loader/data/financial_terms.tsv): a measure's abbreviation ("EPS", "P/E")
# is no entity; a listing marker "(NASDAQ:ACME)" after a company's name gives the company's ticker.
TICKER_SYMBOL = r"[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z]{1,2})?"
# An exchange's name this long written before a capitalised word ("NASDAQ ACME") is a listing without a ":" too.
LONG_EXCHANGE = 4
# What follows a measure that is given a value: "an ESP of +0.17%", "a P/E of 30", "EPS of $1.12", "PEG ratio 2.1".
VALUED = re.compile(r"\s+(?:of\s+|ratio\b|at\s+|[-+$€£(]|\d)")


@lru_cache(maxsize=1)
def _financial_terms() -> dict[str, frozenset]:
    return data_kinds("financial_terms.tsv")


@lru_cache(maxsize=1)
def _listing_patterns() -> tuple:
    """(a listing marker after a company's name: "(NASDAQ:ACME)", "(NYSE: ACM, TSX: ACM)", "(NYSE:ACM – Get Report)";
    an exchange and a ticker in running text: "NASDAQ ACME", "NYSE: ACM")."""
    exchanges = "|".join(re.escape(name) for name in sorted(_financial_terms()["exchange"], key=len, reverse=True))
    listing = rf"(?:{exchanges})\s*[:-]?\s*(?P<ticker>{TICKER_SYMBOL})(?![\w-])"
    other = rf"(?:{exchanges})\s*[:-]?\s*{TICKER_SYMBOL}"
    marker = re.compile(rf"(?:['’]s)?\.?\s*\(\s*{listing}(?:\s*[,;/]\s*{other})*(?:\s+[-–—][^()\n]{{1,40}})?\s*\)")
    return marker, re.compile(rf"(?<![\w.-])(?P<exchange>{exchanges})(?P<colon>\s*:\s*|[ \t]+)"
                              rf"(?P<ticker>{TICKER_SYMBOL})(?![\w-])")


def _financial_measure(text: str, m: Mention) -> bool:
    """ "an EPS of $1.12", "a PEG ratio of 2.1", "Earnings ESP", "EBITDA rose", "12% YoY": a name made only of the
    abbreviations of financial measures, written in their case, and measure words ("ratio", "earnings") is no entity;
    an abbreviation that may be something else alone ("ESP", "NAV") only with a measure word or given a value."""
    terms = _financial_terms()
    words = m.text.split()
    abbreviations = [word for word in words if word in terms["measure"] or word in terms["valued"]]
    if not abbreviations or any(word not in abbreviations and word.lower() not in terms["word"] for word in words):
        return False
    return any(word in terms["measure"] for word in words) or len(words) > 1 or bool(VALUED.match(text, m.end))


# How many characters either side of a grade that is also a name a rating word or another grade shows it a grade.
GRADE_REACH = 30
# Words that join grades in a list ("Baa and BBB", "AA to A+"): no word of a name.
GRADE_LINKS = {"and", "or", "to", "/", "&"}
# A word that gives the grade after it to something ("an AA rating", "its BBB rating"); "The BBB rating of the firm"
# and "an A+ BBB rating" are the Better Business Bureau's.
GRADE_GIVEN = re.compile(r"\b(?:a|an|its|their)\s+$", re.IGNORECASE)
# "the" right before a grade-shaped name writes a body ("an A+ rating from the BBB"), whatever rating word is before.
GRADE_AS_BODY = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _credit_rating(text: str, m: Mention) -> bool:
    """ "municipal securities rated Baa and BBB or better", "an Aa2 rating", "cut to BBB-": a name made only of
    credit rating grades (loader/data/financial_terms.tsv, grade) is no entity; a grade that is also a name ("AAA",
    "BBB", "CCC": rated grade) only with another grade beside it, a rating word before it ("rated BBB", "cut its rating
    to BBB") or a rating word right after it when an article or "its" comes before ("an AA rating"): "The BBB rating
    of the firm" is the Better Business Bureau's rating, and so is "the BBB" in "an A+ rating from the BBB"."""
    terms = _financial_terms()
    grades, rated = terms["grade"], terms["rated grade"]
    words = [word for word in m.text.split() if word not in GRADE_LINKS]
    if not words or any(word not in grades and word not in rated for word in words):
        return False
    if any(word in grades for word in words):
        return True
    before, after = text[max(0, m.start - GRADE_REACH):m.start], text[m.end:m.end + GRADE_REACH]
    before_tokens, after_tokens = re.findall(r"[\w+-]+", before), re.findall(r"[\w+-]+", after)
    if any(token in grades for token in before_tokens + after_tokens):
        return True
    if not GRADE_AS_BODY.search(before) and any(part.lower() in terms["rating word"] for token in before_tokens
                                                for part in (token, *token.split("-"))):
        return True
    return bool(GRADE_GIVEN.search(before)) and bool(after_tokens) and after_tokens[0].lower() in terms["rating word"]


def _listed_companies(doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Acme Corp (NASDAQ:ACME)": a name right after which the article writes a listing marker is a company's (an
    organisation, even if tagged a person); the ticker inside is a mention of that company and the exchange there no
    mention of its own. An exchange and a ticker written elsewhere ("shares of NASDAQ ACME", "NYSE: ACM"), tagged as
    one name or two, are a mention of the ticker's company when a marker of the article ties it to one, else no
    entity (never a person); a bare ticker so tied is that company's."""
    marker, _ = _listing_patterns()
    listed, markers = {}, []
    for m in mentions:
        match = marker.match(text, m.end)
        if match and m.type in ("ORG", PERSON):
            m.type = "ORG"
            listed.setdefault(match.group("ticker"), m)
            markers.append(match)
    listings = markers + [match for match in _written_listings(text)
                          if not any(other.start() <= match.start() < other.end() for other in markers)]
    kept, found = [], []
    for m in mentions:
        inside = [match for match in listings if match.start() <= m.start and m.end <= match.end()]
        (found if inside else kept).append((m, inside[0] if inside else None))
    tickers = {match for m, match in found if match.group("ticker") in listed} | set(markers)
    kept = [m for m, _ in kept]
    for match in tickers:
        ticker = _span_mention(doc, match.start("ticker"), match.end("ticker"), "ORG")
        kept += [ticker] if ticker is not None else []
    for m in kept:
        if m.text in listed:
            m.type = "ORG"
    return sorted(kept, key=lambda m: m.start)


# A bare ticker written as a stock ("shares of ACME", "ACME opened at $12", "ACME's PEG ratio", "stakes in ACME").
TICKER_NAME = re.compile(r"[A-Z]{2,5}")
STOCK_BEFORE = re.compile(r"(?:\b(?:shares|stock|stakes?|holdings|positions?)\s+(?:of|in)"
                          r"|\b(?:weighed in|commented)\s+on|\b(?:buy|sell|own))\s+$", re.IGNORECASE)
# "opened", "closed" and "traded" only with a price's move after them ("CERN opened at $92"): "The SEC opened an
# investigation" is a body's act.
STOCK_AFTER = re.compile(r"(?:['’]s)?\s+(?:stock|shares)\b|\s+has been the (?:topic|subject)\b"
                         r"|\s+(?:opened|closed|traded)(?:\s+(?:the\s+)?(?:day|session|week))?"
                         r"\s+(?:at|up|down|higher|lower|flat|as)\b|['’]s\s+(?:PEG|P/E|price|market)\b")
STOCK_REACH = 40  # how many characters before a ticker STOCK_BEFORE reads


def _tickers_of_named_companies(text: str, mentions: list[Mention]) -> None:
    """ "Shares of CERN opened at $92", "Cerner Co. has a market cap ...": a bare ticker-shaped name ("CERN"; tagged as
    a place only if no gazetteer place is called so: not "US") the article writes at least once as a stock and names
    no fuller name for is the one company the article names whose name holds the ticker's letters (_holds_letters:
    "Cerner Co." for CERN), in all its mentions; not a body of the same letters that other articles write out (the
    store joins it by name)."""
    tickers: dict[str, list[Mention]] = {}
    for m in mentions:
        if TICKER_NAME.fullmatch(m.text) and (m.entity or m.text) == m.text and (
                m.type in ("ORG", PERSON) or m.type in PLACE_TYPES and not get_gazetteer().candidates(m.text)):
            tickers.setdefault(m.text, []).append(m)
    for ticker, group in tickers.items():
        if not any(_written_as_stock(text, m) for m in group):
            continue
        companies = [m.entity for m in mentions if m.type in ("ORG", PERSON) and m.entity and m.entity != ticker
                     and _holds_letters(m.entity, ticker)]  # a company tagged a person makes the choice unsure
        if len({_without_legal_forms(name) for name in companies}) == 1:  # "Acme Co." and "Acme": one company
            for m in group:
                m.entity, m.type = max(companies, key=companies.count), "ORG"


def _written_as_stock(text: str, m: Mention) -> bool:
    return bool(STOCK_BEFORE.search(text[max(0, m.start - STOCK_REACH):m.start]) or STOCK_AFTER.match(text, m.end))


def _holds_letters(name: str, ticker: str) -> bool:
    """Whether a company's name (no legal form) is longer than the ticker and its first word starts with the ticker's
    first letter and holds the others in order ("Cerner" for CERN, "DexCom" for DXCM, not "Morgan Stanley" for
    MRNA), or its words start with the ticker's letters ("International Business Machines" for IBM)."""
    words = ["".join(ch for ch in word if ch.isalpha()) for word in _without_legal_forms(name)]
    words = [word for word in words if word]
    if not words or len("".join(words)) <= len(ticker):
        return False
    rest = iter(words[0][1:])
    ticker = ticker.lower()
    return words[0][0] == ticker[0] and all(ch in rest for ch in ticker[1:]) \
        or "".join(word[0] for word in words) == ticker


def _without_legal_forms(name: str) -> tuple[str, ...]:
    return tuple(word for word in fold_words(name) if word not in LEGAL_FORMS)


def _written_listings(text: str) -> list:
    """An exchange and a ticker in running text: "NYSE: ACM", "NASDAQ ACME" (without ":" only after an exchange's name
    of LONG_EXCHANGE letters or more: "SIX NATIONS" is none), not an exchange's own name ("NYSE MKT")."""
    _, written = _listing_patterns()
    exchanges = _financial_terms()["exchange"]
    return [match for match in written.finditer(text)
            if (":" in match.group("colon") or len(match.group("exchange")) >= LONG_EXCHANGE)
            and match.group() not in exchanges]


def _span_mention(doc, start: int, end: int, label: str) -> Mention | None:
    """A mention of the characters start:end (its tokens those that hold them)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return Mention(span.start, span.end, start, end, text_of(doc)[start:end], label, span.start)


def _ticker_companies(text: str, mentions: list[Mention]) -> dict[str, str]:
    """ticker → the name of the company a listing marker of the article gives it to ("Acme Corp (NYSE: ACM)")."""
    marker, _ = _listing_patterns()
    found = {}
    for m in mentions:
        match = marker.match(text, m.end)
        if match and m.type == "ORG":
            found.setdefault(match.group("ticker"), m.text)
    return found
