"""Links to other stories set inside an article's text: "READ MORE: <headline>", "RELATED:", "WATCH:".

Pages put a link to another story between two paragraphs; flattened to text, the link's headline runs into the
story's next sentence with nothing to mark where it ends ("READ MORE: Harbour town braces for storms The ferry
stopped …"). Left in, the other story's names count as this one's. Where the headline ends is read from its
words: after a question mark, before an opening quote, a sentence opener ("The", "He", "According") or a
"Name:" label, or — in a headline in sentence case — at the first capital after a lower-case word that comes
after the headline's second word (one before is taken only when no other end comes: "Pelham seeks Coast Guard
help …" is one headline); in title case
before the capital that the first lower-case word follows. A link whose end cannot be told before a full stop
stays, so the story's own sentence is never cut.
"""
import re

from ..datafiles import data_kinds

WORD = re.compile(r"\S+")

# A link to another story set inside the text: "READ MORE: <its headline>", "RELATED:", "WATCH:", "IN PICTURES:".
# The label opens a sentence and is written as a label (capitalised, a colon after it), so prose such as "the
# banner read: …" or "Human Rights Watch: …" stays.
LINK_LABEL = re.compile(r"(?:^|(?<=[.!?:;\"”’)–—-]))\s*(?<![\w,])"
                        r"(?:READ MORE|Read [Mm]ore|REA[Dd] MORE|READ ALSO|Read [Aa]lso|ALSO READ|"
                        r"Also [Rr]ead|READ|Read|RELATED|Related|WATCH|Watch|IN PICTURES|In [Pp]ictures|SEE ALSO|"
                        r"See [Aa]lso|MORE|More|LISTEN|Listen)\s*:\s*-?\s*(?=[\w\"'“‘])")
URL_WORD = re.compile(r"^(?:https?://|www\.|pic\.twitter\.com/)\S+$")
MAX_HEADLINE_WORDS = 18
# Fewer words than a headline has: a capital after them ("Kim Vale meets | Harbour Council") is still the headline's.
MIN_HEADLINE_WORDS = 3
# A full stop that ends no sentence: initials ("U.S.", "J.") and titles ("Mr.").
ABBREVIATION = re.compile(r"(?:^|\.)[A-Z]\.$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep)\.$")
TITLE_CASE_WORDS = 5  # capitalised words in a row that are more than a name
# Words that open a sentence but rarely a headline's second half (the story's text starts again at one of them), words
# a headline does not end on, and the words a headline in title case leaves in lower case (loader/data).
OPENERS, SMALL, TITLE_SMALL = (data_kinds("headline_words.tsv")[kind] for kind in ("opener", "small", "title_small"))


def related_links(text: str) -> list[tuple[int, int]]:
    """"READ MORE: <headline>" links to other stories, label and headline, where the headline's end can be
    told; a label whose headline's end cannot be told stays, with its headline."""
    spans = []
    for label in LINK_LABEL.finditer(text):
        end = headline_end(text, label.end())
        if end is not None:
            spans.append((label.start(), end))
    return spans


def headline_end(text: str, start: int) -> int | None:
    """Where the headline (or the links) that starts at `start` ends and the story's own text starts again:
    after a question or exclamation mark, before an opening quote or a sentence opener ("The", "He" …), or, in
    a headline written in sentence case, before the first capitalised word after a lower-case one; the end
    of the text. None when no such place comes before a full stop."""
    words = list(WORD.finditer(text, start, start + 600))
    if words and URL_WORD.match(words[0].group()):
        index = next((k for k, w in enumerate(words) if not URL_WORD.match(w.group())), len(words))
        return words[index - 1].end()
    titled = _title_case(words)
    fallback = early = None
    for index, word in enumerate(words[:MAX_HEADLINE_WORDS + 1]):
        token, before = word.group(), words[index - 1].group() if index else ""
        if index >= 2 and ":" in token and any(":" in w.group() for w in words[:index]):
            return _label_start(words, index)  # a second colon: an interviewer's or speaker's label ("Kim Vale:")
        inside = before.endswith((":", "-", "–", "—", ",")) or before.lower().strip("'’\"") in SMALL
        if index >= 2 and not inside:
            if token[0] in "\"“":  # a quote opens the story's sentence, unless one was opened before it
                return word.start() if fallback is None else fallback
            if token.strip("'’‘\"“") in OPENERS and not titled:
                return word.start()
            if token[0].isupper() and token != "I" and (before[:1].islower() or before[:1].isdigit()):
                if fallback is None and index < MIN_HEADLINE_WORDS and not titled:
                    early = word.start() if early is None else early  # "Kim Vale meets | Harbour Council …":
                    continue  # a headline has more words than two, unless no other end comes
                if titled:
                    return None if fallback is None else fallback
                fallback = word.start() if fallback is None else fallback
        if titled and index >= 1 and token[:1].islower() and token.lower() not in SMALL and len(token) > 2:
            previous = words[index - 1]
            return previous.start() if index >= 2 and previous.group()[:1].isupper() else None
        if token.rstrip("\"”'’").endswith(("?", "!")) and index + 1 < len(words):
            return word.end()
        if token.rstrip("\"”'’").endswith(".") and not ABBREVIATION.search(token):
            return early if fallback is None else fallback
    if len(words) <= MAX_HEADLINE_WORDS and not any(w.group().endswith(".") for w in words):
        return words[-1].end() if words else None
    return early if fallback is None else fallback


def _label_start(words: list[re.Match], index: int) -> int | None:
    """Where the run of capitalised words ending at words[index] starts (None: at the headline's start)."""
    start = index
    while start > 1 and words[start - 1].group()[:1].isupper() and ":" not in words[start - 1].group():
        start -= 1
    return words[start].start() if start > 1 and words[start].group()[:1].isupper() else None


def _title_case(words: list[re.Match]) -> bool:
    """Whether a headline is written in title case: its first lower-case word that is not a small word comes
    after more capitalised words than a name has (or never)."""
    capitalised = 0
    for word in words[:MAX_HEADLINE_WORDS]:
        token = word.group()
        if token[:1].islower() and token.lower() not in TITLE_SMALL and len(token) > 2:
            return capitalised >= TITLE_CASE_WORDS
        capitalised += token[:1].isupper()
    return True
