"""Page furniture a text extractor leaves between an article's paragraphs, and paragraphs a page's broken markup
cut in two.

A saved page's widgets and slots print words of their own ("Advertisement", "Sponsored Links", "Most Viewed",
"Posted!", "Start Quote"), a link to another story under an upper-case label ("PHOTOS: Harbour town's new
ferry"), a picture's credit ("Image: Kim Vale", a caption ending "(Photo: Kim Vale/Example Agency)"), a
byline in lower case ("by Kim Vale", "Written by Kim Vale"), and a pull quote repeating a sentence of the
story. Left in the body, NER makes the widget's words and the credited agency entities of every article of
that site, and a pull quote counts a quotation twice. Each is recognised by its shape or by a phrase of
loader/data/furniture_phrases.txt (generic interface wording, never a site's name):
- a paragraph that is one of the phrases, or opens with a label phrase and ends no sentence: removed;
- an upper-case label, a colon and a headline that ends no sentence, the whole paragraph: removed;
- a few words opening or ending with a separator ("LONDON |"), the rest of a metadata row: removed;
- a picture's labelled credit, as a paragraph or closing one: to `credits` (the caption stays);
- a lower-case or "Written by" byline of one to three names: to the byline;
- a pull quote: a paragraph next to furniture (the box's label, "Start Quote") of MIN_QUOTE_WORDS to
  MAX_QUOTE_WORDS words whose letters a longer paragraph at most MAX_QUOTE_DISTANCE paragraphs away holds, or one
  of the next paragraphs repeats (a pull quote comes before the sentence it repeats): removed. A quotation set
  as a subheading, with no furniture around it, stays.
A paragraph that ends without a sentence's end, in a lower-case letter or a comma, followed by one that starts
with a lower-case word (a page's stray <p> in mid-sentence: "the mud-caked living | rooms and gardens") is
joined to it, unless the second reads as a list item ("text - the body", "a-walked for").
"""
import re

from ..datafiles import data_lines
from ..text import loose
from .paragraphs import ends_sentence

LABEL_MARK = " …"
_PHRASES = [line.strip().casefold() for line in data_lines("furniture_phrases.txt")]
PHRASES = frozenset(loose(line.removesuffix(LABEL_MARK)) for line in _PHRASES)
LABELS = tuple(sorted({line.removesuffix(LABEL_MARK).strip() for line in _PHRASES if line.endswith(LABEL_MARK)}))
# A label opens a paragraph of at most this many words that ends no sentence: "Sponsored Links NEW YORK |".
MAX_LABELLED_WORDS = 10
# "PHOTOS: Harbour town's new ferry": an upper-case label of up to four words (the first of four letters or
# more: "Q:" and "A:" label an interview's lines, "USA:" a subheading), a colon, a headline.
LINK = re.compile(r"^[A-Z]{4}[A-Z0-9'’&.-]*(?: [A-Z0-9][A-Z0-9'’&.-]*){0,3}:\s+\S")
MAX_LINK_WORDS = 16
# What is left of a metadata row whose other cells were not text: "LONDON |", "| 3 min read".
SEPARATORS = frozenset("|")
MAX_ROW_WORDS = 6
NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|del|la|le))*"
# A picture's labelled credit: "Image: Kim Vale", "Photo by Kim Vale/Example Agency", "(Credit: Example Agency)",
# "/ AP Photo/Kim Vale"; alone or closing a caption.
CREDIT = re.compile(r"(?:^|(?<=[.!?\"”’)])\s*|\s+/\s+|\s+)\(?(?:[A-Z]{2,4} )?(?:Photo|Photos|Photograph|Picture|"
                    r"Image|Images|Illustration|Credit|Photo credit|Image credit)"
                    r"(?:\s*:\s*|\s+by\s+|\s+courtesy(?:\s+of)?\s+|/)(?:[Cc]ourtesy(?:\s+of)?\s+)?"
                    r"[A-Z][^()\n]{0,60}?\)?$")
MAX_CREDIT_WORDS = 10
BYLINE = re.compile(rf"^(?:Written by|Reported by|Posted by|by)\s*:?\s+"
                    rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME}){{0,2}})$")
MAX_BYLINE_WORDS = 8
# A pull quote: a sentence or two, near the paragraph it repeats (a repeated list item far apart stays).
MIN_QUOTE_WORDS, MAX_QUOTE_WORDS, MAX_QUOTE_DISTANCE = 6, 40, 4
# Joining: the first paragraph has some words and ends in a lower-case letter or a comma; the second opens with
# a lower-case word that is no list item's term ("text - …", "a-walked", "html: …").
MIN_JOIN_WORDS = 4
OPEN_END = re.compile(r"[a-z,]$")
LIST_ITEM = re.compile(r"^\S+(?:\s+\S+){0,2}?(?::|\s+[-–—]\s)|^[a-z]-")


def drop_furniture(paragraphs: list[str]) -> tuple[list[str], list[str], str | None]:
    """The paragraphs without furniture and with broken ones joined, the picture credits taken out, and a
    byline found among them (None if none)."""
    kept, boxed, credits, byline = [], [], [], None
    dropped = False  # whether the paragraph before was furniture
    for paragraph in paragraphs:
        if is_furniture(paragraph):
            if kept and not dropped:
                boxed[-1] = True
            dropped = True
            continue
        match = BYLINE.match(paragraph)
        if match and len(paragraph.split()) <= MAX_BYLINE_WORDS and not (kept and _continues(kept[-1], paragraph)):
            byline = byline or match.group("names")
            continue
        credit = CREDIT.search(paragraph)
        if credit and len(credit.group().split()) <= MAX_CREDIT_WORDS:
            credits.append(credit.group().strip(" /()"))
            paragraph = paragraph[:credit.start()].rstrip()
            if not paragraph:
                continue
        kept.append(paragraph)
        boxed.append(dropped)
        dropped = False
    kept = [p for p, quote in zip(kept, _pull_quotes(kept, boxed)) if not quote]
    return rejoin(kept), credits, byline


def is_furniture(paragraph: str) -> bool:
    """A widget's words, a labelled line that ends no sentence, or an upper-case label's link to a story."""
    if loose(paragraph) in PHRASES:
        return True
    if ends_sentence(paragraph):
        return False
    words = paragraph.split()
    if not words:
        return False  # an empty paragraph (a dateline's, once the dateline is read) is the paragraph reader's
    folded = paragraph.casefold()
    if len(words) <= MAX_LABELLED_WORDS and any(folded.startswith(label + " ") for label in LABELS):
        return True
    if len(words) <= MAX_ROW_WORDS and (words[0] in SEPARATORS or words[-1] in SEPARATORS):
        return True
    return len(words) <= MAX_LINK_WORDS and bool(LINK.match(paragraph))


def rejoin(paragraphs: list[str]) -> list[str]:
    """Paragraphs cut in mid-sentence joined again (see the module's rule)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _continues(joined[-1], paragraph):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _continues(before: str, paragraph: str) -> bool:
    return (paragraph[:1].islower() and bool(OPEN_END.search(before)) and len(before.split()) >= MIN_JOIN_WORDS
            and not LIST_ITEM.match(paragraph))


def _pull_quotes(paragraphs: list[str], boxed: list[bool]) -> list[bool]:
    """Whether each paragraph is a pull quote (see the module's rule); only one next to furniture can be."""
    folded = [loose(p) for p in paragraphs]
    return [box and _pull_quote(folded, index, paragraph)
            for index, (paragraph, box) in enumerate(zip(paragraphs, boxed))]


def _pull_quote(folded: list[str], index: int, paragraph: str) -> bool:
    if not MIN_QUOTE_WORDS <= len(paragraph.split()) <= MAX_QUOTE_WORDS:
        return False
    letters = folded[index]
    near = folded[max(0, index - MAX_QUOTE_DISTANCE):index + MAX_QUOTE_DISTANCE + 1]
    return any(letters in other and len(other) > len(letters) for other in near) or \
        letters in folded[index + 1:index + MAX_QUOTE_DISTANCE + 1]
