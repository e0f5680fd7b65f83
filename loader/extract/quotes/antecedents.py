"""Who "he" and "she" are: the nearest earlier person of the right gender, subjects first.

Candidates are the people named in the pronoun's sentence (before it) and the few sentences
before, never inside quotation marks (a name in a quote is rarely the one speaking). Within a
sentence its subject comes first, then the others in reading order. A person's gender is read off
the article itself: an honorific or gendered role next to the name ("Ms. Wilson-Raybould",
"spokeswoman Melezia Figueroa"), and the pronouns that follow sentences the person is the subject of; and
from a given name of one gender first in the full name ("Mary Okafor", given_names.tsv), which weighs as a role.
"""
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from ...datafiles import data_lines
from ..names import given_name_gender
from .clauses import text_of

SENTENCES_BACK = 3
HONORIFIC_WEIGHT = 3
ROLE_WEIGHT = 2


@lru_cache(maxsize=1)
def gendered_words() -> dict:
    rows = (line.split("\t") for line in data_lines("gendered_words.txt"))
    return {word.strip(): gender.strip() for word, gender in rows}


class Antecedents:
    def __init__(self, doc, people: list, quoted: list[tuple[int, int]]):
        """people: Name rows of type PERSON (start, end, canonical); quoted: quotation-mark ranges."""
        self.doc = doc
        self.content = (0, 0)
        self.people = [p for p in people if not any(start <= p.start < end for start, end in quoted)]
        self.sentences = [sentence for sentence in doc.sents]
        self.sentence_starts = [sentence.start_char for sentence in self.sentences]
        self.tokens = {person: _head_token(doc, person) for person in self.people}
        self.gender = _genders(doc, self.people, self.tokens, quoted)

    def _sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sentence_starts, char) - 1)

    def person(self, pronoun, content: tuple[int, int] = (0, 0)):
        """The Name a personal pronoun token most likely refers to, or None. Names inside `content`
        (what the pronoun's owner is saying) are not candidates."""
        self.content = content
        wanted = gendered_words().get(pronoun.lower_)
        here = self._sentence_of(pronoun.idx)
        nearby = self._search(pronoun, range(here, max(-1, here - SENTENCES_BACK - 1), -1), wanted, strict=False)
        if nearby is not None:
            return nearby
        # Further back only a person known to be of the pronoun's gender will do.
        return self._search(pronoun, range(here - SENTENCES_BACK - 1, -1, -1), wanted, strict=True)

    def _search(self, pronoun, sentence_numbers, wanted, strict: bool):
        for number in sentence_numbers:
            sentence = self.sentences[number]
            found = [p for p in self.people if sentence.start_char <= p.start < sentence.end_char
                     and p.end <= pronoun.idx and not self.content[0] <= p.start < self.content[1]]
            for person in sorted(found, key=lambda p: (not self._is_subject(p), p.start)):
                known = self.gender.get(person.canonical)
                if known == wanted or (not strict and (wanted is None or known is None)):
                    return person
        return None

    def _is_subject(self, person) -> bool:
        token = self.tokens.get(person)
        return token is not None and token.dep_ in ("nsubj", "nsubjpass")


def _head_token(doc, person):
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _genders(doc, people, tokens, quoted) -> dict:
    votes: dict[str, Counter] = {}
    words = gendered_words()
    for person in people:
        token = tokens.get(person)
        if token is None:
            continue
        tally = votes.setdefault(person.canonical, Counter())
        for word, weight in _clues(doc, person, token):
            gender = words.get(word)
            if gender:
                tally[gender] += weight
    for canonical in {person.canonical for person in people if tokens.get(person) is not None}:
        gender = given_name_gender(canonical)
        if gender:
            votes[canonical][gender] += ROLE_WEIGHT
    starts = sorted((person.start, person.canonical) for person in people)
    shared, text = _shared_surnames(people), text_of(doc)
    for person in people:
        token = tokens.get(person)
        written = text[person.start:person.end]
        if token is not None and token.dep_ in ("nsubj", "nsubjpass") and written not in shared:
            pronoun = _next_pronoun(doc, token, [start for start, canonical in starts
                                                 if start > person.start and canonical != person.canonical], quoted)
            if pronoun:
                votes.setdefault(person.canonical, Counter())[pronoun] += 1
    return {name: tally.most_common(1)[0][0] for name, tally in votes.items()
            if tally and (len(tally) == 1 or tally.most_common(2)[0][1] > tally.most_common(2)[1][1])}


def _shared_surnames(people) -> set:
    """Surnames two people of the article share ("Rakeyia Scott", "Keith Scott"): a mention written as the surname
    alone may be either, so the pronoun after it is no vote for the one it was linked to."""
    full_names: dict[str, set] = {}
    for person in people:
        words = person.canonical.split()
        if len(words) > 1:
            full_names.setdefault(words[-1], set()).add(person.canonical)
    return {surname for surname, names in full_names.items() if len(names) > 1}


def _clues(doc, person, token):
    """Honorific right before the name; gendered nouns in its phrase ("spokeswoman …")."""
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is not None and span.start > 0:
        yield doc[span.start - 1].lower_.rstrip("."), HONORIFIC_WEIGHT
        yield span[0].lower_.rstrip("."), HONORIFIC_WEIGHT
    for other in token.subtree:
        if span is None or not span.start <= other.i < span.end:
            if other.pos_ == "NOUN":
                yield other.lower_, ROLE_WEIGHT


def _next_pronoun(doc, token, others: list[int], quoted: list[tuple[int, int]]):
    """The gender of the first he/she/his/her after the name, in its sentence or the next one, outside quotation marks
    (a "her" in the person's own words is someone else), when no other person stands between (the model's or the
    article's mentions: `others`, where other people's mentions start)."""
    words = gendered_words()
    sentence = token.sent
    end = sentence.end
    if end < len(doc):
        end = doc[end].sent.end
    for other in doc[token.i + 1:end]:
        if other.ent_type_ == "PERSON" and other.ent_iob_ == "B":
            return None
        if other.pos_ == "PRON" and other.lower_ in words and not any(start <= other.idx < end
                                                                       for start, end in quoted):
            return None if any(start < other.idx for start in others[:1]) else words[other.lower_]
    return None
