"""Text damaged by a lossy export, mended where the damage has only one reading.

Some exports (the NewsArticles CSV is one) wrote every curly mark — ’ ” “ — — as a straight double quote, the
space after it as "?", and a non-breaking space as "-": "we don"t", "teachers"?unions", "choice,"?Sen. Warren",
"WASHINGTON "?The", "the law.-If Congress". Left as they are, a contraction reads as a name ("Don"t"), a stray
double quote opens or closes a quotation, and two sentences stay glued together. Each rule reads a shape, never
a word list of the sample:
- a double quote (or two) inside a word before a contraction's or possessive's ending ("t, "s, "re, "ll, "ve,
  "d, "m) is an apostrophe — "t ("don"t", "Gov"t") and "ve always, "re/"ll/"d/"m after a word of up to five
  letters ("I"m", "they"ll") always, the others only where no quotation is open before it (there the mark may
  close the quotation: '"a food desert"s' lost the "i" of "is");
- '"?' glued to the next word is a curly mark and the space after it: after a space it is a dash ("WASHINGTON
  — The"), unless a quotation is not open and a mark a few words on may close one (then it may be an opening
  mark: it stays); after a word, a closing quotation mark when a quotation is open, else an apostrophe ending
  a word in -s before a lower-case word ("teachers' unions"), else a closing mark;
- "-" between a sentence's or clause's end and the next word, or glued to a quotation mark on the side where the
  word is not, is a lost space ("anger.-That", "said,-the", "called-"Harbour").
A question mark after a closing quote with a space after it ('Who said "no"? Nobody.') is real and stays.

A parser needs the same damage mended without a character moving, so that every offset it gives stays the text's
own (mend_in_place, for loader/extract/nlp.py, on texts that went through mend or not): a double quote is an
apostrophe exactly where mend reads one (a '"s' inside a quotation stays a quotation mark: in the NewsArticles set
two of the three that mend leaves close a quotation whose "is" lost its "i", '"a food desert"s highly debated');
a damaged closing mark ('"?' or '"-' before a letter) reads as the mark and a space; a damaged mark before an
opening one ('did."?"I') as spaces; a hyphen for a lost space after a lower-case word's full stop or comma
("bought.-Ramirez", "post,-Gatti"; not "U.S.-Mexico") or glued to the capital starting a word (" -That") as a space.
"""
import re

# A straight double quote (or two), maybe with "?" (a lost space) after it: every one is read, so that whether a
# quotation is open is known at each.
MARK = re.compile(r'""?\??')
# The endings of contractions and possessives, as a whole word's rest.
CONTRACTION = re.compile(r"(?:t|s|re|ll|ve|d|m)(?![A-Za-z])")
# A non-breaking space damaged into "-" after a sentence's or clause's end ("anger.-That", "years."-Dowlen",
# "said,-the", "said:-"We"), before a quotation mark glued to a word ("called-"Harbour", "centers-"?and") and
# after a closing one ("called it "safe"-and"). A sentence's end needs two lower-case letters before it, so
# "U.S.-Mexico" stays.
LOST_SPACE = re.compile(r"(?:(?<=[a-z]{2}[.!?])|(?<=[a-z]{2}[.!?][\"'])|(?<=[a-z][,;:]))-(?=[\"A-Z])|"
                        r"(?<=[a-z][,;])-(?=[a-z])|(?<=[a-z])-(?=\"\??[A-Za-z])|(?<=[a-z.,!?]\")-(?=[a-z])|"
                        r"(?<=[a-z]{2}[.!?])-(?= [A-Z])")
# Same-length readings for a parser (mend_in_place): a damaged closing mark, "?" or "-" after a double quote and
# before a letter; a hyphen for a lost space; a damaged closing mark ("?" or replacement characters and "?") right
# before an opening one.
DAMAGED_CLOSE = re.compile(r'(?<=")[?-](?=[A-Za-z])')
DAMAGED_SPACE = re.compile(r"(?<=[a-z][.,])-(?=[ A-Za-z])|(?<=\s)-(?=[A-Z][a-z])")
DAMAGED_BEFORE_OPEN = re.compile(r'(?<=")\ufffd*\?(?=")')
DASH = "—"
MAX_PRONOUN = 5  # letters of the word before "'re", "'ll", "'m", "'d" that reads as one inside a quotation
MAX_SHORT_QUOTE = 40  # characters: a '"?' closed within them opened a quotation


def mend(text: str) -> str:
    """The text with export damage undone where it has one reading (see the module's rules)."""
    if "-" in text:
        text = LOST_SPACE.sub(lambda m: "" if text[m.end():m.end() + 1] == " " else " ", text)
    return _mend_marks(text) if '"' in text else text


def mend_in_place(text: str) -> str:
    """The text with the damage a parser must not see mended character for character (see the module's last
    paragraph): "care,"?Trump" → "care," Trump", "bought.-Ramirez" → "bought. Ramirez", "couldn"t" → "couldn't"."""
    if '"' in text:
        text = DAMAGED_BEFORE_OPEN.sub(_spaces, DAMAGED_CLOSE.sub(" ", _apostrophes(text)))
    return DAMAGED_SPACE.sub(" ", text) if "-" in text else text


def _apostrophes(text: str) -> str:
    """The text with each single double quote that mend reads as an apostrophe written as one."""
    chars = None
    for start, end, replacement in _readings(text):
        if replacement == "'" and end - start == 1:
            chars = chars or list(text)
            chars[start] = "'"
    return "".join(chars) if chars else text


def _spaces(match) -> str:
    return " " * len(match.group())


def _mend_marks(text: str) -> str:
    pieces, at = [], 0
    for start, end, replacement in _readings(text):
        pieces.append(text[at:start] + replacement)
        at = end
    return "".join(pieces) + text[at:] if pieces else text


def _readings(text: str):
    """(start, end, replacement) of each double quote, read in text order; `open_quote` follows the quotation marks
    that stay."""
    open_quote = False
    for match in MARK.finditer(text):
        mark, start, end = match.group(), match.start(), match.end()
        before, after = text[start - 1:start], text[end:end + 1]
        replacement = mark
        if not mark.endswith("?"):
            if before.isalpha() and after.isalpha() and _apostrophe(text, start, end, open_quote):
                replacement = "'"
        elif after and not after.isspace() and after != "?":
            if not before or before.isspace():
                if after.isalpha() and mark == '"?':
                    replacement = mark if not open_quote and _closed_next(text, end) else DASH + " "
            elif not open_quote and before == "s" and after.islower() and mark == '"?':
                replacement = "' "
            else:
                replacement = mark.rstrip("?") + " "
        if '"' in replacement:
            open_quote = _opens(before, text[end:end + 1] if replacement == mark else " ", open_quote)
        yield start, end, replacement


def _opens(before: str, after: str, open_quote: bool) -> bool:
    """Whether a quotation is open after a double quote that stays one: a mark after a space (or an opening
    bracket or dash) opens one, a mark after a word with no word after it closes it, one glued on both sides
    turns the state over."""
    if not before or before.isspace() or before in "([{—–-":
        return True
    if not after or not after.isalnum():
        return False
    return not open_quote


def _closed_next(text: str, start: int) -> bool:
    """Whether a double quote within a few words after `start` may close a quotation (it follows a word or a
    punctuation mark and no letter follows it): then a '"?' before it may have opened that short quotation
    ("called it "?safe"?and") as well as an aside ("the ambassador "?just not, in Sessions"?telling"), and stays."""
    at = text.find('"', start, start + MAX_SHORT_QUOTE)
    return at > 0 and not text[at - 1].isspace() and not (text[at - 1].isalpha() and text[at + 1:at + 2].isalpha())


def _apostrophe(text: str, start: int, end: int, open_quote: bool) -> bool:
    """Whether the double quote at text[start:end], inside a word, stands for an apostrophe."""
    rest = CONTRACTION.match(text, end)
    if not rest:
        return False
    ending = rest.group()
    if ending == "t" or ending == "ve":  # "don"t", "Gov"t" also inside a quotation
        return True
    if ending != "s":  # "I"m", "we"re", "they"ll" inside a quotation: a short word before it
        word_start = start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if start - word_start <= MAX_PRONOUN:
            return True
    return not open_quote
