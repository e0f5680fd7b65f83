"""The word lists quote extraction runs on, read from loader/data (rule tables are data)."""
from functools import lru_cache
from ...datafiles import data_lines

# Which kinds of verbs in speech_verbs.txt count as cues (see the file's header). Quotes are what
# people and organisations said: "a report shows …" and "X believes …" are left out.
CUE_KINDS = ("speech",)


def _rows(name: str):
    for line in data_lines(name):
        word, kind = line.split("\t")[:2]
        yield word.strip().lower(), kind.strip()


@lru_cache(maxsize=None)
def addressee_verbs() -> frozenset:
    """Cues whose object is who was told ("told reporters"), not what was said."""
    return _marked_verbs("addressee")


@lru_cache(maxsize=None)
def naming_verbs() -> frozenset:
    """Cues that name or characterise their object ("described it as a carjacking", "calls it a mistake")."""
    return _marked_verbs("naming")


@lru_cache(maxsize=None)
def inference_verbs() -> frozenset:
    """Cues whose subjectless participle after a state or a thing's doing is the writer's reading of a fact
    ("Acme has a beta of 1.02, indicating that …"), not anyone's words (see reported.inferred)."""
    return _marked_verbs("inference")


def _marked_verbs(mark: str) -> frozenset:
    return frozenset(line.split("\t")[0].strip().lower() for line in data_lines("speech_verbs.txt")
                     if line.rstrip().endswith("\t" + mark))


@lru_cache(maxsize=None)
def continuation_words() -> frozenset:
    """Connectives that open a sentence carrying on the previous speaker's words ("Further, …")."""
    return frozenset(line.strip().lower() for line in data_lines("continuation_words.txt"))


@lru_cache(maxsize=None)
def speech_verbs(kinds: tuple = CUE_KINDS) -> frozenset:
    """Lemmas (and "verb particle" pairs such as "point out") that introduce reported content."""
    return frozenset(word for word, kind in _rows("speech_verbs.txt") if kind in kinds)


@lru_cache(maxsize=None)
def speaker_words() -> dict:
    """Word → what it stands for: person, organisation, document, spokesperson or first (I, we)."""
    return dict(_rows("speaker_words.txt"))


@lru_cache(maxsize=None)
def cue_kinds() -> dict:
    """Lemma → its kind in speech_verbs.txt (speech, cognition, finding)."""
    return {word: kind for word, kind in _rows("speech_verbs.txt")}


def cue_kind(lemma: str) -> str:
    """The lexicon kind of a verb lemma ("say" → "speech"), "none" for a verb the lexicon lacks."""
    return cue_kinds().get(lemma, "none")


def cue_phrase(token) -> str | None:
    """The lexicon entry a verb token is a cue for ("said" → "say", "pointed out" → "point out")."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    lemma = token.lemma_.lower()
    verbs = speech_verbs()
    for child in token.children:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in verbs:
            return f"{lemma} {child.lower_}"
    return lemma if lemma in verbs else None


def cue_text(token) -> str:
    """The cue as written, with its particle: "said", "pointed out"."""
    particles = [child for child in token.children if child.dep_ == "prt"]
    return " ".join([token.text] + [p.text for p in particles])
