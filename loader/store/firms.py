"""Firms named after people: a person's row that the archive also types as an organisation, and never shows as a person.

The model tags a firm named after people ("Hale Dorsey", "Ann Roe & Partners" written "Ann Roe") as a person wherever
its article gives no firm cue; an article that gives one ("analysts at ...", "... raised its target":
loader/extract/mentions.py) types it an organisation, so the archive holds a person row and an organisation row of one
name. _people_named_like_things (store/entities.py) joins the person to the organisation when at least as many articles
name the organisation; firm_decisions (read by merge_short_forms, so the merge keeps the person row's id, its mentions
and quotes follow, and it is undone like any other merge when its evidence goes) decides the rest: the person joins
the organisation, whatever the counts, when at least FIRM_MIN_ARTICLES articles type the name as an organisation and no
article of the archive shows it as a person's (_shown_as_a_person): no title or role on its mentions (one that names a
company, "the brokerage", aside), no honorific before it, no age after it ("..., 58,"), no given name of it written
alone, no "he"/"she" that can only be it, no quote it said as "he" or with a person's role. A founder written as a
person beside the company of his name is shown so in the articles about him, and stays a person; a person that shows
such evidence stays apart even when more articles name the organisation, once it was joined by this rule. A name
that ends in a legal form ("Hale Dunn Inc.", "said sole manager Hale Dunn Inc.") is no person's whatever its roles.

The FINISHER that retypes such rows and their quotes is store/firm_types.py (this module is below store/entities.py,
which reads firm_decisions).
"""
import re
from collections import defaultdict

from ..extract.mentions import (CHANGE_VERBS, FIRM_OWNED, FIRM_OWNERS, FIRM_STAFF, HOLDING_WORDS, IRREGULAR_PAST,
                                 PRICE_WORD, RATING_VERBS, STAFF_LINKS, TARGET_OWNERS, TARGET_WORDS)
from ..extract.names import (LEGAL_FORMS, PERSON, described_as, entity_id, entity_key, fold_words, is_given_name,
                             roles, spelling_core)
from .rows import chunks, marks, once_per_pass

# An organisation row needs this many articles of its own (typed so by a firm cue) for a person row to join it.
FIRM_MIN_ARTICLES = 1
# What an article writes about a firm just before or after its name (the extract stage's firm cues and their words,
# read as text): "analysts at ...", "shares of ...", "a stake in ..." (not before a possessive: "shares of Elon Musk's
# Tesla"); "...'s analysts", "... analyst Ann Roe", "... upgraded", "... raised its stake", "... began its coverage",
# "... lifted their price target" ("their" only so: "Sam Smith set their sights" is a person's singular "they").
FIRM_BEFORE = re.compile(r"(?i)\b(?:(?:%s)s?\s+(?:%s)|%s)\s+(?:the\s+)?$" % (
    "|".join(sorted(FIRM_STAFF)), "|".join(sorted(STAFF_LINKS)),
    "|".join(f"(?:{'|'.join(sorted(words))})\\s+{link}" for link, words in sorted(HOLDING_WORDS.items()))))
POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")


def _either(words) -> str:
    """A pattern of any one of the words: "(?:its|their)"."""
    return "(?:%s)" % "|".join(sorted(words))


def _written_forms(verbs: set[str]) -> str:
    """A pattern of the forms of verbs, by lemma: the lemma (without a final "e") and an ending, or an irregular past
    form ("raise" → "raised", "begin" → "began")."""
    return _either({verb.rstrip("e") for verb in verbs} | {form for verb in verbs
                                                           for form in IRREGULAR_PAST.get(verb, ())})


PRICE_TARGET = r"(?:%s\s+%s|%s\s+%s)" % (PRICE_WORD, _either(TARGET_WORDS), _either(TARGET_WORDS), PRICE_WORD)
FIRM_AFTER = re.compile(r"(?:['’]s?\s+%s\b|\s+%ss?\b|\s+%s\w*\b|\s+%s\w*\s+(?:%s\b|%s\s+%s\b))" % (
    _either(FIRM_OWNED), _either(FIRM_STAFF), _written_forms(RATING_VERBS), _written_forms(CHANGE_VERBS),
    _either(FIRM_OWNERS), _either(TARGET_OWNERS), PRICE_TARGET))
FIRM_REACH = 40  # characters before a name that FIRM_BEFORE reads
# Words that refer to a person, never to a firm.
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
PRONOUN = re.compile(r"\b%s\b" % _either(PRONOUNS), re.IGNORECASE)
# A person's age written after the name: "Ann Roe, 58, said", "Ann Roe (58)".
AGE_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*[,.;]|\(\d{1,3}\))")
HONORIFIC_BEFORE = re.compile(r"\b(\w+)\.?\s*$")
# Where the sentence after a mention ends: the next full stop before a capital, or a paragraph break.
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")


def firm_decisions(db, rows: list[tuple]) -> dict[str, tuple[str, bool]]:
    """person id → (organisation id, whether it joins it) for every person row (of two words or more, or one word
    whose organisation adds legal forms: "Hale Inc") whose name is an organisation row's too, by key or by spelling
    core (spelling_core: "Hale Dorsey Co"), and whose own articles outnumber that one's (fewer:
    _people_named_like_things joins them); `rows` are merge_short_forms' (id, name, type, merged_into,
    article_count)."""
    organisations, merged, names = {}, {row[0]: row[3] for row in rows}, {row[0]: row[1] for row in rows}
    for entity, name, type_, into, articles in rows:
        if type_ == "ORG":
            for key in {("key", entity_key(name, "ORG")), ("core", spelling_core(name)[0])}:
                if key not in organisations or (articles, into is None) > organisations[key][:2]:
                    organisations[key] = (articles, into is None, entity)
    decisions = {}
    for entity, name, type_, into, _ in rows:
        if type_ != PERSON:
            continue
        if len(fold_words(name)) < 2 and entity_id(name, "ORG") in merged:
            continue  # a one-word name joins its place or organisation whatever the counts (_people_named_like_things)
        found = organisations.get(("key", entity_key(name, PERSON)))
        if found is None:
            found = organisations.get(("core", spelling_core(name)[0]))
        if found is None or found[2] == entity:
            continue
        organisation = found[2]
        ids = {entity, organisation, into, merged.get(organisation)} - {None}
        people, firms = _own_articles(db, name, ids)
        if len(firms) >= len(people) or not people:
            continue
        firm_like = _firm_word(names[organisation]) or _cued_in(db, firms, FIRM_MIN_ARTICLES)
        joins = firm_like and (_legal_form(name) or not _shown_as_a_person(db, name, ids, people))
        decisions[entity] = (organisation, joins)
    return decisions


def _own_articles(db, name: str, ids: set) -> tuple[dict, dict]:
    """(article → the mentions (text, start, end, role) of the name typed as a person there, article → those typed as
    an organisation), wherever a merge has put them."""
    people, firms = defaultdict(list), defaultdict(list)
    person_key, other_key = entity_key(name, PERSON), spelling_core(name)[0]
    for article_id, own, text, type_, start, end, role in db.execute(
            f"select article_id, coalesce(entity_name, text), text, type, start, \"end\", role from mentions where "
            f"entity_id in ({marks(sorted(ids))})", sorted(ids)):
        if type_ == PERSON and entity_key(own, PERSON) == person_key:
            people[article_id].append((text, start, end, role))
        elif type_ == "ORG" and spelling_core(own)[0] == other_key:
            firms[article_id].append((text, start, end, role))
    return people, firms


def _legal_form(name: str) -> bool:
    """Whether a name of several words ends in a legal form ("Hale Dunn Inc."): no person's, whatever role it has ("said
    sole manager Hale Dunn Inc.")."""
    words = fold_words(name)
    return len(words) > 1 and words[-1] in LEGAL_FORMS


def _firm_word(name: str) -> bool:
    """Whether the name holds a legal form or a company's noun ("Hale Law Firm", "Hale Dorsey L.P.")."""
    return any(word in LEGAL_FORMS or described_as(word) == "company" for word in fold_words(name))


def _cued_in(db, mentions: dict, wanted: float) -> bool:
    """Whether at least `wanted` of the articles (article → mentions) write a firm's cue at one of those mentions;
    reading stops once the answer is known (most rows of people have none: they stop when too few are left). Read
    once per finisher pass (merge_short_forms and type_firms ask it of the same mentions): no finisher writes a body
    or a mention's span."""
    return once_per_pass(db, ("cued_in", _frozen(mentions), wanted), lambda: _cued_in_bodies(db, mentions, wanted))


def _frozen(mentions: dict) -> frozenset:
    """article → mentions, as a key: neither the order of the articles nor of their mentions changes an answer."""
    return frozenset((article, frozenset(found)) for article, found in mentions.items())


def _cued_in_bodies(db, mentions: dict, wanted: float) -> bool:
    found = 0
    for left, (_, cued) in enumerate(_cued_articles(db, mentions), 1):
        found += cued
        if found >= wanted:
            return True
        if found + len(mentions) - left < wanted:
            return False
    return found >= wanted


def _cued_articles(db, mentions: dict):
    """(article, whether it writes a firm's cue just before or after one of its mentions) for the articles of
    `mentions` (article → mentions), read a chunk at a time."""
    for chunk in chunks(sorted(mentions)):
        for article_id, body in db.execute(f"select id, body from articles where id in ({marks(chunk)})", chunk):
            yield article_id, any(_firm_cue(body or "", start, end) for _, start, end, _ in mentions[article_id])


def _firm_cue(body: str, start: int, end: int) -> bool:
    """Whether the body writes a firm's cue just before or after a name at start:end (FIRM_BEFORE, FIRM_AFTER)."""
    before = FIRM_BEFORE.search(body[max(0, start - FIRM_REACH):start]) and not POSSESSIVE_AFTER.match(body, end)
    return bool(before or FIRM_AFTER.match(body, end))


def _shown_as_a_person(db, name: str, ids: set, people: dict) -> bool:
    """Whether any article shows the name as a person's (see the module's docstring): a person's role on a mention
    (no body read), a quote it said as a person, then the bodies, until one does."""
    if any(_person_role(role) for mentions in people.values() for _, _, _, role in mentions):
        return True
    if _quoted_as_person(db, name, ids):
        return True
    return once_per_pass(db, ("shown_in_bodies", name, _frozen(people)), lambda: _shown_in_bodies(db, name, people))


def _shown_in_bodies(db, name: str, people: dict) -> bool:
    """Whether an article's body shows the name as a person's: its given name alone, or one of its mentions (article →
    mentions) with an honorific, an age or "he"/"she" (_shown_as_person)."""
    given = fold_words(name)[0] if is_given_name(name) else None
    for chunk in chunks(sorted(people)):
        for article_id, body in db.execute(f"select id, body from articles where id in ({marks(chunk)})", chunk):
            others = list(db.execute("select text, start from mentions where article_id = ? and type = ?",
                                     [article_id, PERSON]))
            if given and any(fold_words(text) == [given] for text, _ in others):
                return True  # "Ann" alone: the person's given name
            if any(_shown_as_person(body or "", mention, others) for mention in people[article_id]):
                return True
    return False


def _quoted_as_person(db, name: str, ids: set) -> set:
    """The articles that quote the name as a person who is "he" or "she", or with a person's role."""
    key = entity_key(name, PERSON)
    return {article_id for article_id, speaker, text, role in db.execute(
        f"select article_id, coalesce(speaker_name, speaker), speaker_text, speaker_role from quotes where "
        f"speaker_type = 'person' and speaker_entity_id in ({marks(sorted(ids))})", sorted(ids))
        if speaker and entity_key(speaker, PERSON) == key
        and ((text or "").lower() in PRONOUNS or _person_role(role))}


def _person_role(role: str | None) -> bool:
    """Whether a mention's role is a person's: any role, but one that names a company ("the brokerage")."""
    if not role:
        return False
    words = [word for word in re.findall(r"[a-z]+", role.lower()) if word not in ("the", "a", "an")]
    return not any(described_as(word) == "company" for word in words)


def _shown_as_person(body: str, mention: tuple, others: list) -> bool:
    """Whether one mention (text, start, end, role) is shown as a person's: a person's role, an honorific before
    it, an age after it, or "he"/"she" after it, in its sentence or the next, before any other person's name and
    with no other person's name before it in its sentence."""
    _, start, end, role = mention
    if _person_role(role) or AGE_AFTER.match(body, end):
        return True
    before = HONORIFIC_BEFORE.search(body[max(0, start - 12):start])
    if before and before.group(1).lower() in roles()["honorifics"]:
        return True
    return _pronoun_of(body, start, end, [other for other in others if other[1] != start])


def _pronoun_of(body: str, start: int, end: int, others: list) -> bool:
    stops = [match.end() for match in SENTENCE_END.finditer(body, end)][:2]
    reach = stops[1] if len(stops) > 1 else len(body)  # the end of the next sentence
    sentence_start = max((match.end() for match in SENTENCE_END.finditer(body, 0, start)), default=0)
    if any(sentence_start <= other_start < start for _, other_start in others):
        return False  # "Ann Roe, an analyst at ..., said he": the pronoun may be the other person's
    pronoun = PRONOUN.search(body, end, reach)
    return pronoun is not None and not any(end <= other_start < pronoun.start() for _, other_start in others)
