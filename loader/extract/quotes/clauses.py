"""Dependency-parse helpers shared by the quote finders: who is the subject of a cue, which tokens
make up a speaker as written, and how a clause is trimmed to its content."""
from bisect import bisect_left

from .lexicon import speaker_words

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Clause relations through which a cue without a subject of its own takes its head's subject
# ("…, it said, adding that …"; "Busby said … and added that …").
SUBJECT_SHARING = ("conj", "advcl", "xcomp", "pcomp")
# Tokens that may open or close a content span but carry no content.
EDGE_PUNCT = set(",;:-–—()[]\"'“”‘’«»")
LEADING_WORDS = {"that", "and", "but", "because"}
NAME_LINKS = ("compound", "flat", "nmod", "amod", "poss", "case", "det", "nummod", "quantmod", "punct")


def subject_of(verb, depth: int = 2):
    """The token naming who does `verb`: its subject, the agent of a passive, or (for a cue
    coordinated with or subordinate to another verb) that verb's subject."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    subjects = [child for child in children
                if child.dep_ in SUBJECTS and not (child.dep_ == "nsubjpass" and child.lower_ == "it")]
    if subjects:
        return _nearest_subject(verb, subjects)
    if depth and verb.dep_ in SUBJECT_SHARING and verb.head is not verb:
        return subject_of(verb.head, depth - 1)
    return None


def _nearest_subject(verb, subjects: list):
    """Of two subjects the parser gave one verb, the one right before it: a heading run into the sentence
    ("Regional response The minister stressed …") leaves its noun as a first subject that speaks for no one."""
    before = [child for child in subjects if child.i < verb.i]
    return before[-1] if before else subjects[0]


def speaker_span(head):
    """The speaker as written around its head noun: "Steven Mnuchin", "the Treasury statement", "he".

    A name inside a longer noun phrase is the speaker span and the rest is role
    (see speakers.role_of); for a common noun the span is the noun with its modifiers up to the head.
    """
    doc = head.doc
    entity = entity_at(head)
    if entity is not None:
        return entity
    left = head
    for token in reversed(list(head.lefts)):
        if token.dep_ in NAME_LINKS and token.right_edge.i == left.i - 1:
            left = token.left_edge
    return doc[left.i:head.i + 1]


def describes_noun(verb) -> bool:
    """ "a report called “A Tide of Debt”", "the so-called “bathroom bills”", "a photograph said to be from the
    scene": a cue's participle that modifies a noun names or describes it, and no one says anything (unless a passive's
    agent is given: "a statement issued by Acme")."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN") \
        and not any(child.dep_ == "agent" for child in verb.children)


def hearsay(verb) -> bool:
    """ "A photograph said to be from the scene showed ...", "He is said to have left": "said to be/have" tells what
    people say of something, with no one saying it."""
    doc = verb.doc
    return verb.lemma_.lower() == "say" and verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "to" \
        and doc[verb.i + 2].lemma_.lower() in ("be", "have")


def relative_antecedent(token):
    """ "Heather, who finally confessed …": the noun a relative pronoun stands for, else None."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head is not token.head:
        return token.head.head
    return None


def entity_at(token):
    """The named-entity span (person, organisation, …) a token belongs to, without "the"."""
    if not token.ent_type_ or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY",
                                                  "QUANTITY"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    return doc[start:end]


def is_first_person(token) -> bool:
    return speaker_words().get(token.lower_) == "first"


def trimmed(doc, start: int, end: int):
    """Char range of tokens start:end without edge punctuation, spaces and a leading "that"."""
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT
                           or (doc[start].lower_ in LEADING_WORDS and doc[start].dep_ in ("mark", "cc"))):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT or doc[end - 1].text == "."):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


def text_of(doc) -> str:
    """doc.text, joined once per document (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def token_at(doc, char: int) -> int:
    """Index of the first token starting at or after a character offset."""
    starts = doc.user_data.get("token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["token_starts"] = [token.idx for token in doc]
    return bisect_left(starts, char)


def within_paragraph(doc, start: int, end: int, anchor) -> tuple[int, int]:
    """Token range start:end cut to the paragraph (line) the anchor token is in."""
    text = text_of(doc)
    low = text.rfind("\n", 0, anchor.idx) + 1
    high = text.find("\n", anchor.idx)
    high = len(text) if high == -1 else high
    while start < end and doc[start].idx < low:
        start += 1
    while end > start and doc[end - 1].idx >= high:
        end -= 1
    return start, end
