"""Find the stretches of text inside quotation marks, whatever the typography.

Double marks (" “ ” « » „, and `` '' used as doubles) delimit quotes; single marks (‘ ’ ' ‹ ›)
delimit a quote only outside double marks (inside them they are a quote within the quote).
A paragraph that opens a double quote without closing it continues into the next paragraph when
that one opens with a mark again (the newspaper convention for multi-paragraph quotes) or closes
the quote before opening another. Apostrophes (Trump’s, don't, workers’ rights) are not quotes.
"""
import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„‟«〝"
DOUBLE_CLOSE = "”»〞"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# `` and '' (typewriter doubles, '' often both opening and closing) become one straight double mark
# next to the quoted text and a space, so offsets stay the same.
TYPEWRITER = re.compile(r"``|''")
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: start/end include the marks; inner_start/inner_end exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def quoted_spans(text: str) -> list[Marked]:
    """All outermost quoted stretches of text, in order."""
    text = TYPEWRITER.sub(lambda m: _typewriter(text, m), text)
    spans = []
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    carried = None  # start of a double quote left open by the previous paragraph
    for number, (start, end) in enumerate(paragraphs):
        following = text[paragraphs[number + 1][0]:paragraphs[number + 1][1]] if number + 1 < len(paragraphs) else ""
        found, carried = _scan_paragraph(text, start, end, carried, following)
        spans.extend(found)
    return [_marked(text, start, end) for start, end in spans]


def _typewriter(text: str, match) -> str:
    after = text[match.end():match.end() + 1]
    opening = match.group() == "``" or (after.isalnum() or after in "$‘'") and (
        match.start() == 0 or not text[match.start() - 1].isalnum())
    return " \u201c" if opening else "\u201d "


def _marked(text: str, start: int, end: int) -> Marked:
    inner_start, inner_end = start + 1, end - 1
    while inner_start < inner_end and not _is_content(text[inner_start]):
        inner_start += 1
    while inner_end > inner_start and not _is_content(text[inner_end - 1]):
        inner_end -= 1
    return Marked(start, end, inner_start, inner_end)


def _is_content(char: str) -> bool:
    return char.isalnum() or char in "$€£¥%…?!)]'’"


def _scan_paragraph(text, start, end, carried, following):
    """Quotes closed in this paragraph, and the start of one left open for the next."""
    spans, opened, single = [], carried, None
    for i in range(start, end):
        char = text[i]
        if opened is not None and i == _first_visible(text, start, end) and opened < start and _opens(text, i, start):
            continue  # the mark that re-opens a quote carried over from the previous paragraph
        if _is_double(char):
            if opened is None and _opens(text, i, start):
                opened, single = i, None
            elif opened is not None and _closes(text, i, end):
                spans.append((opened, i + 1))
                opened = None
        elif opened is None:
            single = _track_single(text, i, start, end, single, spans)
    if opened is not None and not _continues(following):
        spans.append((opened, _trim_end(text, end)))
        opened = None
    return spans, opened


def _track_single(text, i, start, end, single, spans):
    char = text[i]
    if char not in SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE:
        return single
    if single is None:
        return i if char != "’" and char != "›" and _opens(text, i, start) and _word_after(text, i) else None
    if char in SINGLE_CLOSE + STRAIGHT_SINGLE and _closes(text, i, end) and not _letter_after(text, i, end):
        spans.append((single, i + 1))
        return None
    return single


def _is_double(char: str) -> bool:
    return char in DOUBLE_OPEN or char in DOUBLE_CLOSE or char == STRAIGHT_DOUBLE


def _opens(text: str, i: int, start: int) -> bool:
    """A mark opens when it is an opening mark, or a straight one at a word's start."""
    char = text[i]
    if char in DOUBLE_CLOSE or char in SINGLE_CLOSE:
        return False
    before = text[i - 1] if i > start else " "
    return char in DOUBLE_OPEN or char in SINGLE_OPEN or before.isspace() or before in "([{—–-:;,/"


def _closes(text: str, i: int, end: int) -> bool:
    char = text[i]
    if char in DOUBLE_OPEN or char in SINGLE_OPEN:
        return False
    if char in DOUBLE_CLOSE or char in SINGLE_CLOSE:
        return True
    after = text[i + 1] if i + 1 < end else " "
    return not after.isalnum() or text[i - 1] in ".,!?"


def _word_after(text: str, i: int) -> bool:
    return i + 1 < len(text) and (text[i + 1].isalnum() or text[i + 1] in "…$")


def _letter_after(text: str, i: int, end: int) -> bool:
    return i + 1 < end and text[i + 1].isalpha()


def _first_visible(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _continues(following: str) -> bool:
    """Does the next paragraph carry on a quote this one left open?"""
    visible = following.lstrip()
    if not visible:
        return False
    if visible[0] in DOUBLE_OPEN or visible[0] == STRAIGHT_DOUBLE:
        return True
    closes = [visible.find(mark) for mark in DOUBLE_CLOSE if mark in visible]
    opens = [visible.find(mark) for mark in DOUBLE_OPEN if mark in visible]
    return bool(closes) and (not opens or min(closes) < min(opens))


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
