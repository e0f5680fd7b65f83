"""Speaker spans the parser did not tag as names: fragments of damaged text, and names it took for common words.

A speaker span is cut to the words of its own sentence: punctuation at its edges ('"Bednarek', "officials.")
goes, and so does everything up to a full stop or closing bracket inside it ("500m. Sinn Fein", "(31.01.2017)
Uber"). A span still holding a quotation mark inside a word ('I couldn"t') is a fragment of damaged text and
names no speaker. What is left may be a name: capitalised words that are no common noun the lexicons know, the
source sometimes damaging a letter into replacement characters (U+FFFD) the parser splits a word at.
"""
import re

from ..names import REPLACEMENT, is_given_name, roles
from .lexicon import speaker_words

# Punctuation that may stand at a span's edge without being part of the speaker's words.
EDGE_MARKS = set(",;:-–—()[]{}\"'“”‘’«»?!.…*/")
# Tokens inside a span after which a new sentence or a new item starts: the speaker is what follows.
BREAKS = {".", "?", "!", ")", "]", "…"}
# Quotation marks that cannot sit inside a speaker's words.
QUOTE_MARKS = set("\"“”«»")
# A word as a name is written: a capital, then letters, replacement characters, hyphens or apostrophes.
NAME_WORD = re.compile(r"[A-Z\ufffd][\w\ufffd'’-]*")
# Up to three capitalised words right before a position, each followed by a space: "Bus " of "Bus ?ireann".
CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w\ufffd'’-]* ){1,3}$")
# Parts of speech a name's first word may be given ("Recycle Now", "Twenty One Pilots"; not "Nevertheless Germany").
NAME_POS = ("PROPN", "NOUN", "ADJ", "NUM", "X")


def own_words(span):
    """The span without punctuation at its edges and without what comes before a full stop or closing bracket
    inside it; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    for token in span:
        if token.text in BREAKS and token.i + 1 < end:
            start = token.i + 1
    while start < end and (doc[start].text in EDGE_MARKS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_MARKS or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def broken(span) -> bool:
    """A span holding a quotation mark inside a word, or a word glued to a mark ('couldn"t', '"We'): damaged text."""
    return any(token.text not in EDGE_MARKS and any(char in QUOTE_MARKS for char in token.text) for token in span)


def damaged_words(span) -> list[str] | None:
    """The words of a span that writes a name the source damaged ("Th" and "o" around two U+FFFD, "Sinn F?in" with
    U+FFFD for "?"): capitalised words, at least one holding a replacement character, as written (the parser's pieces
    joined); None otherwise."""
    text = span.text
    if REPLACEMENT not in text:
        return None
    words = text.split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    if not words or not all(NAME_WORD.fullmatch(word) and word[0] != REPLACEMENT for word in words):
        return None
    return words


def lost_capital(span) -> list[str] | None:
    """ "Bus ?ireann said": a lower-case word right after a "?" glued to it, after capitalised words, is the end of a
    name whose first letter the source lost (an accented capital turned into "?"); the parser cuts the name there.
    The name's words as written ("Bus", "?ireann"); None otherwise."""
    text = span.doc.text
    start = span.start_char
    if len(span) != 1 or not span[0].is_lower or not span[0].is_alpha or text[max(0, start - 2):start] != " ?":
        return None
    before = CAPITALISED_BEFORE.search(text, 0, start - 1)
    words = before.group().split() if before else []
    while words and span.doc.vocab[words[0].lower()].is_stop:
        words = words[1:]  # "But Bus ?ireann": a sentence's first word
    return words + ["?" + span.text] if words else None


def damaged_kind(words: list[str]) -> str:
    """A damaged name of one word is a person's (the name a story calls someone by); of several words whose last
    is damaged and whose first is no given name, an organisation's ("Sinn F\ufffd\ufffdin", as mentions.py reads it)."""
    if len(words) > 1 and (REPLACEMENT in words[-1] or words[-1].startswith("?")) and not is_given_name(words[0]):
        return "ORG"
    return "PERSON"


def lexicon_word(token) -> bool:
    """A word of the speaker lexicon or a title: no name, however it is capitalised ("Police", "Minister")."""
    word = token.lower_.rstrip(".")
    table = roles()
    return word in speaker_words() or token.lemma_.lower() in speaker_words() or word in table["titles"] \
        or word in table["honorifics"]


def name_shaped(tokens: list) -> bool:
    """Capitalised words that read as a name of several words ("Recycle Now", "Twenty One Pilots", "Omaha
    World-Herald", "Open Society Justice Initiative"; punctuation between them left out): every word capitalised,
    the first no function word and of a part of speech names take ("Nevertheless Germany" is none), neither the first
    nor the last a word of the speaker lexicon or a title ("Justice Ann Lo" is a judge), and none in between a title
    other than a portfolio's ("Justice" may name a field, "President" no)."""
    words = [token for token in tokens if not token.is_punct]
    if len(words) < 2 or words[0].pos_ not in NAME_POS or words[0].is_stop \
            or lexicon_word(words[0]) or lexicon_word(words[-1]):
        return False
    table = roles()
    return all((token.is_title or (token.is_upper and token.is_alpha))
               and (token.lower_ not in table["titles"] or token.lower_ in table["portfolios"])
               and token.lower_ not in table["honorifics"] for token in words)
