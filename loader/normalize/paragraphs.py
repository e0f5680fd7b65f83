"""Text → paragraphs, and the small line-level tests profiles share."""
import re
import unicodedata

SENTENCE_END = re.compile(r"[.!?…:;]['\"’”»)\]]*$")
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|research|compiled|edited|written)\b.*\bby\b",
    re.I,
)
BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][\w.'’-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]+){0,8})\s*$")
# Control characters other than tab and newline (wire archives end stories with \x03) carry no text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
INDENT = re.compile(r"^(?: {2,}|\t)\S")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Runs of spaces and tabs become one space: the runs that are not one space already (matching every
# single space too made a new string per paragraph).
BLANKS = re.compile(r"[ \t]{2,}|\t")
# A wrapped line in hard-wrapped text (e-mail, wire archives) is long and ends mid-sentence.
WRAP_WIDTH = (55, 100)
# The fit test needs three lines or more, two or more of them within MARGIN characters of the widest,
# which is MIN_WRAP_WIDTH or more: narrower "lines" are table rows or lists.
MIN_WRAP_WIDTH = 40
MARGIN = 12
WRAPPED_SHARE = 0.5


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; inside a block, hard-wrapped lines are joined, others kept apart.

    Old wire copy (Reuters-21578) has no blank lines: an indented line starts each paragraph.
    """
    text = CONTROL.sub("", text if text.isascii() else unicodedata.normalize("NFC", text))
    blocks = [block for block in BLANK_LINE.split(text) if block.strip()]
    paragraphs = []
    for block in blocks:
        if "\n" not in block:  # one line (most paragraphs of text with blank lines between them)
            paragraphs.append(block.strip())
            continue
        raw_lines = [line for line in block.split("\n") if line.strip()]
        lines = [line.strip() for line in raw_lines]
        if _indented_paragraphs(raw_lines):
            paragraphs.extend(_join_indented(raw_lines))
        elif _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return [BLANKS.sub(" ", p) if "  " in p or "\t" in p else p for p in paragraphs]


def _indented_paragraphs(lines: list[str]) -> bool:
    """Some lines indented and some not: the indented ones open paragraphs (typewriter layout)."""
    indented = sum(1 for line in lines if INDENT.match(line))
    return 0 < indented < len(lines) and len(lines) > 2


def _join_indented(lines: list[str]) -> list[str]:
    paragraphs: list[list[str]] = []
    for line in lines:
        if INDENT.match(line) or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [" ".join(lines) for lines in paragraphs]


def _hard_wrapped(lines: list[str]) -> bool:
    """At least half the lines but the last run on into the next one: broken mid-sentence at a typical
    wrap width, mid-sentence before a lower-case word, or where the next word would not have fitted."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    at_margin = (sum(len(line) >= width - MARGIN for line in lines) >= 2 and width >= MIN_WRAP_WIDTH
                 and len(lines) >= 3)
    wrapped = [line for line, following in zip(lines, lines[1:])
               if _runs_on(line, following, width if at_margin else None)]
    return len(wrapped) >= WRAPPED_SHARE * (len(lines) - 1)


def _runs_on(line: str, following: str, width: int | None) -> bool:
    if not SENTENCE_END.search(line) and (WRAP_WIDTH[0] <= len(line) <= WRAP_WIDTH[1] or following[:1].islower()
                                          or following[:1].isdigit()):
        return True
    return width is not None and width - MARGIN <= len(line) and len(line) + 1 + len(following.split()[0]) > width


def ends_sentence(paragraph: str) -> bool:
    return bool(SENTENCE_END.search(paragraph))


def is_credit(paragraph: str) -> bool:
    return len(paragraph) < 300 and bool(CREDIT_LINE.match(paragraph))


def split_credits(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Trailing 'Additional reporting by …' lines leave the body for `credits`."""
    credits = []
    while paragraphs and is_credit(paragraphs[-1]):
        credits.insert(0, paragraphs.pop().strip("() "))
    return paragraphs, "; ".join(credits) or None


def split_byline(paragraphs: list[str]) -> tuple[list[str], str | None]:
    for index, paragraph in enumerate(paragraphs[:3]):
        if BYLINE.match(paragraph):
            return paragraphs[:index] + paragraphs[index + 1:], paragraph[3:].strip()
    return paragraphs, None


def derive_title(body_paragraphs: list[str], limit: int = 100) -> str | None:
    """The lede's first sentence, cut at a word boundary: a stand-in title, flagged as derived."""
    if not body_paragraphs:
        return None
    lede = body_paragraphs[0]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", lede, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
