"""Entity names: the matching key that makes spelling variants one entity, and the tables behind it.

A key ignores case, accents, dots, hyphens and apostrophes ("U.S." = "US", "Ku Sung-sop" =
"Ku Sung Sop"), maps a person's nickname to its given-name class ("Jim Mattis" = "James Mattis")
and an acronym to what it stands for ("U.S. Treasury" = "United States Treasury"). Keys are pure
functions of (name, type), so entity ids made from them stay the same however many articles arrive.
The tables are data files under loader/data/; aliases that need context ("Treasury" is the U.S.
Treasury Department only where the article mentions the United States) are applied per article by
`alias_for`, never by `entity_key`.
"""
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from ..datafiles import data_kinds, data_lines
from ..text import strip_accents

DATA = Path(__file__).resolve().parents[1] / "data"
PERSON = "PERSON"
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Lower-case words that start a surname ("de Graaf", "van Agt").
SURNAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "ter"}
# Legal forms that end a company's name: "General Motors" and "General Motors Corp" are one company.
LEGAL_FORMS = {"co", "corp", "corporation", "inc", "ltd", "limited", "plc", "llc", "company", "sa", "ag", "nv", "bv",
               "spa", "gmbh", "bhd", "berhad", "pty"}
# Words a partnership's name adds after "and" before its legal form: "Alex Smith and Sons Inc", "Lane and Partners".
PARTNER_WORDS = {"sons", "son", "brothers", "bros", "partners", "associates"}
# A legal form as wire copy writes it after a company's name ("Inc", "Corp", "Co", "Ltd", "Plc"): a pattern, the one
# home of this spelling for every pattern of a company's name (mentions.FIRM_WORD, quotes' WRITTEN_COMPANY).
WRITTEN_LEGAL_FORM = r"(?:Inc|Corp|Co|Ltd|Plc|PLC|Bhd)"
# A company's ending after a name: "J.P. Morgan and Co", "Lazard Freres & Co Inc", "Halvor, Inc".
COMPANY_AFTER = re.compile(r"(?:\s*,)?\s+(?:(?:and|&)\s+Co\b|" + WRITTEN_LEGAL_FORM + r"\b)")
# "People s Security": the apostrophe was lost on the way in; a clean spelling is preferred for display.
STRIPPED_POSSESSIVE = re.compile(r"\w s\b")
POSSESSIVE_S = re.compile(r"(\w)(?:[’'`]| )s\b")  # "People’s", "People's" and "People s" → "Peoples"
NOT_WORD = re.compile(r"[^\w\s]")
TICKER = re.compile(r"[A-Z]{2,6}\.[A-Z]{1,2}")  # an exchange symbol: "REED.L", "BAYG.F"
# A Roman numeral of two letters or more opening a name, before "and" or a comma, numbers the thing before it ("the
# Macintosh II and SE", "Reserves I, II and III"): what the model tagged from there on is no name ("III Corps" is).
NUMERAL_FIRST = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})(?:,|\s+and\s)")


@dataclass(frozen=True)
class Alias:
    canonical: str
    types: frozenset
    context: str | None  # key of an entity the article must also mention, or None


@lru_cache(maxsize=1)
def roles() -> dict:
    data = json.loads((DATA / "roles.json").read_text(encoding="utf-8"))
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


def title_word(word: str) -> bool:
    """A title, an honorific or a portfolio word (roles.json): "President", "Mr.", "Defence"."""
    table = roles()
    word = word.lower().rstrip(".")
    return word in table["titles"] or word in table["honorifics"] or word in table["portfolios"]


@lru_cache(maxsize=1)
def given_name_classes() -> dict[str, tuple[str, bool]]:
    """word → (class representative, whether the word is a formal spelling rather than a nickname)."""
    classes = {}
    for line in data_lines("nicknames.tsv"):
        formal, _, nicknames = line.partition("|")
        formal = formal.split()
        for word in formal:
            classes[word] = (formal[0], True)
        for word in nicknames.split():
            classes[word] = (formal[0], False)
    return classes


# What a decoder writes for bytes it could not read: "Fianna F\ufffd\ufffdil".
REPLACEMENT = "\ufffd"


def is_given_name(word: str) -> bool:
    """Whether the first word of `word` is a given name (nicknames.tsv)."""
    folded = fold_words(word)
    return bool(folded) and folded[0] in given_name_classes()


@lru_cache(maxsize=1)
def _given_name_genders() -> dict[str, str]:
    return {word: gender for word, gender in (line.split("\t") for line in data_lines("given_names.tsv"))}


def given_name_gender(name: str) -> str | None:
    """ "male" or "female" when the first word of a person's name is a given name of one gender (given_names.tsv,
    which lists the nicknames of one gender too: "Bill"; a nickname it leaves out, "Nicky", "Jamie", is of either),
    else None: a hyphened first word ("Jean-Luc") is none."""
    words = strip_accents(name).lower().replace(".", "").split()
    if len(words) < 2:
        return None
    return _given_name_genders().get(words[0])


def fold_words(name: str) -> list[str]:
    """Lower-case ASCII-folded words, with dots, hyphens and apostrophes taken out (a new list: callers may change
    it)."""
    return list(_folded_words(name))


@lru_cache(maxsize=65536)  # the finishers fold each entity's name many times (merge_short_forms: 86,470 calls)
def _folded_words(name: str) -> tuple[str, ...]:
    text = strip_accents(name).lower()
    text = POSSESSIVE_S.sub(r"\1s", text)
    text = NOT_WORD.sub(" ", text.replace(".", ""))
    words = text.split()
    return tuple(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


@lru_cache(maxsize=1)
def _alias_tables() -> tuple[dict, list]:
    rows = [line.split("\t") for line in data_lines("entity_aliases.tsv")][1:]
    prefixes = []
    for canonical, _, _, prefix, variants in rows:
        if prefix == "yes":
            target = fold_words(canonical)
            prefixes += [(fold_words(variant), target) for variant in variants.split("|")]
    prefixes.sort(key=lambda pair: -len(pair[0]))
    by_key: dict[str, list[Alias]] = {}
    for canonical, types, context, _, variants in rows:
        context_key = None if context == "-" else _base_key(context, "GPE", prefixes)
        alias = Alias(canonical, frozenset(types.split()), context_key)
        for variant in [canonical, *variants.split("|")]:
            by_key.setdefault(_base_key(variant, "ORG", prefixes), []).append(alias)
    return by_key, prefixes


def _two_capitals(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return len(letters) == 2 and letters.isupper()


@lru_cache(maxsize=1)
def _capital_variants() -> frozenset:
    """The keys of the alias variants written in capitals ("US", "U.N.", "N.Y."): a name of two capitals matches only
    these (the mentions stage reads a state's postal code after a town: "Austin, TX")."""
    _, prefixes = _alias_tables()
    rows = [line.split("\t") for line in data_lines("entity_aliases.tsv")][1:]
    return frozenset(_base_key(variant, "ORG", prefixes) for row in rows for variant in [row[0], *row[4].split("|")]
                     if variant.replace(".", "").replace(" ", "").isupper())


def _expand_prefix(words: list[str], prefixes: list) -> list[str]:
    for variant, target in prefixes:
        if words[:len(variant)] == variant:
            return target + words[len(variant):]
    return words


def _base_key(name: str, kind: str, prefixes: list) -> str:
    words = fold_words(name)
    if kind == PERSON:
        if len(words) > 1 and words[0] in given_name_classes():
            words = [given_name_classes()[words[0]][0], *words[1:]]
        return " ".join(words)
    return " ".join(_expand_prefix(words, prefixes))


def alias_for(name: str, kind: str | None, article_keys: set | frozenset = frozenset()) -> str | None:
    """The canonical name `name` stands for, if an alias row applies: to this mention type (any type
    when kind is None) and, for a row with a context, where that context key is among article_keys."""
    if kind == PERSON:
        return None
    by_key, prefixes = _alias_tables()
    key = _base_key(name, kind, prefixes)
    if _two_capitals(name) and key not in _capital_variants():
        return None  # "VA", "MD", "M.D.": no AP abbreviation ("Va.", "Md."); a state's code only after a town
    for alias in by_key.get(key, []):
        if (kind is None or kind in alias.types) and (alias.context is None or alias.context in article_keys):
            return alias.canonical
    return None


def is_country_prefix(word: str) -> bool:
    """ "U.S.", "UK", "EC": a word the alias table expands at the start of a name into a country or union."""
    _, prefixes = _alias_tables()
    folded = fold_words(word)  # once, not once per prefix: merge_short_forms asks this of every word of every name
    return any(variant == folded for variant, _ in prefixes)


def contextual_alias(name: str) -> tuple[str, str] | None:
    """(canonical, context key) of an alias row that applies to `name` only where the article mentions
    its context ("Fed" is the Federal Reserve where the United States is named), else None."""
    by_key, prefixes = _alias_tables()
    for alias in by_key.get(_base_key(name, "ORG", prefixes), []):
        if alias.context is not None:
            return alias.canonical, alias.context
    return None


@lru_cache(maxsize=65536)
def entity_key(name: str, kind: str) -> str:
    """The matching key of a canonical name: equal keys (and both people or both not) = one entity.

    Only aliases without a context apply here, whatever the mention type, so that a name the model
    typed ORG in one article and GPE in another still has one key."""
    _, prefixes = _alias_tables()
    canonical = alias_for(name, None) if kind != PERSON else None
    return _base_key(canonical or name, kind, prefixes)


def entity_id(name: str, type_: str) -> str:
    """The id of the entity a canonical name of this type belongs to (also for quotes' speakers): its key, but a
    person's given name as written, not folded with its nicknames ("Steve King" and "Stephen King" are two rows, which
    _given_name_variants joins only on evidence that they are one person; within one article the extract stage has
    already made them one name)."""
    key = " ".join(fold_words(name)) if type_ == PERSON else entity_key(name, type_)
    return _hashed(type_, key)


def folded_entity_id(name: str, type_: str) -> str:
    """The id older archives gave a name: a person's given name folded with its nicknames (the migration
    split_given_name_variants reads it)."""
    return _hashed(type_, entity_key(name, type_))


def _hashed(type_: str, key: str) -> str:
    kind = PERSON if type_ == PERSON else "OTHER"
    return hashlib.sha256(f"{kind}\x1f{key}".encode("utf-8")).hexdigest()[:16]


# What a name's spelling may add or drop and still be one name: a handle's "@", a web domain ("Acme.com").
HANDLE = re.compile(r"^[@#](?=\w)")
DOMAIN = re.compile(r"(?<=\w)\.(?:com|net|org)(?:\.[a-z]{2})?\b", re.IGNORECASE)
# "Incorporated" is spelt out only at the end of a name: a legal form here, never inside the key's word lists.
SPELT_LEGAL_FORMS = LEGAL_FORMS | {"incorporated"}


def spelling_core(name: str) -> tuple[str, bool]:
    """What is left of a name's spelling once the spaces between its words, "&" for "and", a handle's "@", a web
    domain and (after another word) legal forms are taken out: "Bureau of Land & Water" = "Bureau of Land and
    Water", "LedgerWatch" = "Ledger Watch", "Wal-Mart" = "Walmart", "TickerWatch.com" = "TickerWatch", "Acme,
    Inc." = "Acme Incorporated" = "Acme Co."; and whether legal forms were all that followed its first word (such
    a name is compared only with others of that shape: "Acme Co" is not, on spelling alone, the "Acme" of a story)."""
    words = fold_words(DOMAIN.sub("", HANDLE.sub("", name)).replace("&", " and "))
    several = len(words) > 1
    while len(words) > 1 and words[-1] in SPELT_LEGAL_FORMS:
        words.pop()
    return "".join(words), several and len(words) == 1


@lru_cache(maxsize=1)
def _fragment_words() -> dict[str, frozenset]:
    return data_kinds("name_fragments.tsv")


def fragment_kind(name: str) -> str | None:
    """Why a tagged "name" is no name of its own: "table" (only words of a results table: "Revs",
    "Avg"; a table's word beside a figure, "Div 50 won vs"; a single letter; a ticker symbol; a list's Roman numeral,
    "II and III"), "time" (a time zone: "GMT"), "title" (a title after a name: "Esq"), "currency" (a money unit:
    "U.S. Dlrs"), "generic" (only organisation head nouns and legal forms: "Bank", "Commission", "Co Inc"), else
    None."""
    words = fold_words(name)
    if not words or len(name.strip()) == 1 or TICKER.fullmatch(name.strip()):
        return "table"  # a letter ("P" of "S and P"), a ticker symbol ("REED.L")
    if NUMERAL_FIRST.match(name.strip()) and not name.isupper():
        return "table"  # "II and III", "II and Macintosh": the numbers of a list's items (not a headline in capitals)
    table = _fragment_words()
    figures = [word.replace(",", "").replace(".", "").isdigit() for word in words]
    if all(word in table["table"] or figure for word, figure in zip(words, figures)):
        return "table"  # "Revs", "Avg 12"
    if (words[-1] in table["table"] or figures[-1]) and any(
            word in table["table"] and any(figures[max(0, i - 1):i + 2]) for i, word in enumerate(words)):
        return "table"  # "Div 50 won vs": a table's word beside a figure, and the name ends as a results line does
    if all(word in table["time"] or word.isdigit() for word in words):
        return "time"  # "GMT", "1530 GMT"
    if all(word in table["title"] for word in words):
        return "title"  # "Esq" of "Laura Finch, Esq."
    if words[-1] in table["currency"]:
        return "currency"
    if all(word in table["generic"] for word in words):
        return "generic"  # "Bank", "Co Inc"
    return None


def thing_nouns() -> frozenset:
    """Lower-case nouns that make the name before them a thing's name ("the Louvre accord", "Brent crude")."""
    return _fragment_words()["thing"]


def medium_words() -> frozenset:
    """Lower-case lemmas for publishing a message or for what is published ("post", "wrote", "account"): a name
    written after one and "on" or "via" ("posted a selfie on ...") is the medium the message went out on."""
    return _fragment_words()["medium"]


def programme_words() -> frozenset:
    """Lower-case nouns after a name ("... recipients") and lemmas of which it is the object ("repeal ...") that make it
    a public programme's or a law's name."""
    return _fragment_words()["programme"]


def product_words(kind: str = "product") -> frozenset:
    """Words of a product's frame (loader/data/name_fragments.tsv): "product" (a noun or verb that makes a name a
    product's: "the ... app", "launched ..."), "range" (a noun whose list names products: "its products include
    ..."), "maker" (a verb whose subject is no product: "... hired"), "acquired" (one whose object is a firm: "sued
    ...")."""
    return _fragment_words()[kind]


@lru_cache(maxsize=1)
def religions() -> frozenset:
    """Names of religions and of their followers as a text capitalises them ("Islam", "Sikhs"), from
    loader/data/religions.txt, with either apostrophe ("Shi'ite", "Shi’ite")."""
    names = set(data_lines("religions.txt"))
    return frozenset(names | {name.replace("'", "’") for name in names})


def unit_words() -> frozenset:
    """Lower-case words for a kind of place or a level of government ("state", "federal", "county"): one alone is no
    organisation's name."""
    return _fragment_words()["unit"]


def offence_words() -> frozenset:
    """Lower-case acronyms of a traffic offence or a legal measure of one ("dui", "owi", "bac")."""
    return _fragment_words()["offence"]


def site_kind(word: str) -> str | None:
    """ "road" or "area" for the last word of a site's name ("Street", "St.", "Hill"), else None."""
    for kind in ("road", "area"):
        if word.lower().rstrip(".") in _fragment_words()[kind]:
            return kind
    return None


def described_as(words: str) -> str | None:
    """The kind of thing a lower-case noun (or two) written beside a name makes it: "vessel" ("the tanker ..."),
    "publication" ("the daily ..."), "water" ("the river ..."), "company" ("the brokerage ..."), else None."""
    for kind in ("vessel", "publication", "water", "company"):
        if words in _fragment_words().get(kind, ()):
            return kind
    return None


def is_nickname(word: str) -> bool:
    found = given_name_classes().get(fold_words(word)[0] if fold_words(word) else "")
    return bool(found) and not found[1]


def display_preference(name: str) -> tuple:
    """Higher sorts first among spellings of one entity: clean apostrophes, formal given name, not all
    caps, then fewer lower-case words ("Labor Department" over "Labor department"; "of" does not count)."""
    words = name.split()
    lower_words = sum(word[:1].islower() and len(word) > 3 for word in words)
    return (not STRIPPED_POSSESSIVE.search(name), not (len(words) > 1 and is_nickname(words[0])),
            not name.isupper() or len(name) <= 5, -lower_words)


def name_words(name: str) -> list[str]:
    """A person's name as written, split into words, without Jr./Sr./III."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words
