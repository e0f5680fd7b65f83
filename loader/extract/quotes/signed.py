"""Signed quotes: a pull quote or embedded post printed as its words followed by the speaker's name
alone ("We will rebuild the bridge this year. Ruth Okafor"), with no cue at all."""
import re

from .quote import Quote
from .stripped import PARAGRAPH

# The words end a sentence, then the name follows (possibly after a closing quotation mark).
SIGNATURE_GAP = re.compile(r"[.!?…][\"”’']?\s+$")
MIN_CONTENT_CHARS = 8


def _line_end(entity) -> int:
    """Where the entity ends within its own line (the tagger sometimes runs a name on past a line break)."""
    return entity.start_char + len(entity.text.split("\n")[0].rstrip())


def _in_line(doc, entity):
    return doc.char_span(entity.start_char, _line_end(entity), alignment_mode="contract")


def signed_quotes(doc, quotes: list[Quote]) -> list[Quote]:
    text = doc.text
    people = [entity for entity in doc.ents if entity.label_ == "PERSON"]
    found = []
    for paragraph in PARAGRAPH.finditer(text):
        end = len(paragraph.group().rstrip()) + paragraph.start()
        signer = next((_in_line(doc, person) for person in people
                       if paragraph.start() < person.start_char < end and _line_end(person) == end), None)
        if signer is None:
            continue
        words = text[paragraph.start():signer.start_char]
        if not SIGNATURE_GAP.search(words):
            continue
        start = paragraph.start() + len(words) - len(words.lstrip())
        stop = paragraph.start() + len(SIGNATURE_GAP.sub("", words).rstrip())
        if stop - start >= MIN_CONTENT_CHARS and not any(q.start < stop and q.end > start for q in quotes):
            found.append(Quote(start, stop, False, "signed", speaker=signer, content_first=True,
                               attribution_end=signer.end_char))
    return found
