"""A speaker's run: quotes with no attribution of their own belong to the speaker just before them.

With quotation marks: a quoted sentence right after an attributed quote continues it
("“China opposes …,” Geng said. “China upholds …”"). Without them (wire copy whose marks were
stripped): after "<content>, <speaker> said." the next sentences that read as speech — first or
second person, or present tense in a past-tense report — and attribute nothing themselves are the
same speaker's floating quotes ("We also are targeting …" after Mnuchin's statement).
"""
from .clauses import trimmed, word_count
from .lexicon import cue_phrase
from .quote import Quote

# Words allowed between an attribution and the next quote of the same run ("he added." is the cue).
MAX_GAP_WORDS = 2
# Floating quotes in stripped text: at most this many sentences after one attribution.
MAX_FLOATING_SENTENCES = 3
SPEAKING_PRONOUNS = {"i", "we", "us", "our", "ours", "my", "me", "you", "your"}
PRESENT_TAGS = {"VBZ", "VBP"}
import os
ORPHANS = os.environ.get("ORPHANS") == "1"


def continue_runs(doc, quotes: list[Quote], stripped: bool) -> list[Quote]:
    """Give each unattributed quote the speaker of its run (or drop it); add floating quotes."""
    result, last = [], None
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.name:
            result.append(quote)
            last = quote
        elif last is not None and _adjacent(doc.text, last, quote):
            last = last.continued(quote.start, quote.end, "continuation", quote.direct)
            result.append(last)
        elif last is not None and ORPHANS:
            last = last.continued(quote.start, quote.end, "orphan", quote.direct)
            result.append(last)
    return _floating(doc, result) if stripped else result


def _adjacent(text: str, previous: Quote, quote: Quote) -> bool:
    gap_start = max(previous.end, previous.attribution_end)
    return gap_start <= quote.start and word_count(text[gap_start:quote.start]) <= MAX_GAP_WORDS


def _floating(doc, quotes: list[Quote]) -> list[Quote]:
    floating, run, count = [], None, 0
    for sentence in doc.sents:
        if not sentence.text.strip():
            continue
        covering = [q for q in quotes if q.start < sentence.end_char and q.end > sentence.start_char]
        if covering:
            run, count = _run_opened_by(covering, sentence), 0
            continue
        span = trimmed(doc, sentence.start, sentence.end)
        if run is None or count >= MAX_FLOATING_SENTENCES or span is None or not _reads_as_speech(sentence):
            run = None
            continue
        run = run.continued(span[0], span[1], "floating", False)
        floating.append(run)
        count += 1
    return sorted(quotes + floating, key=lambda q: q.start)


def _run_opened_by(covering: list[Quote], sentence):
    """The quote whose attribution closes this sentence ("…, Mnuchin said in a statement."), if any."""
    last = max(covering, key=lambda q: q.attribution_end)
    closes = last.content_first and word_count(sentence.doc.text[last.attribution_end:sentence.end_char]) == 0
    return last if closes and last.name else None


def _reads_as_speech(sentence) -> bool:
    if any(cue_phrase(token) and token.dep_ in ("ROOT", "conj") for token in sentence):
        return False
    if any(token.lower_ in SPEAKING_PRONOUNS for token in sentence):
        return True
    root = sentence.root
    tags = {root.tag_} | {child.tag_ for child in root.children if child.dep_ in ("aux", "auxpass")}
    return bool(tags & PRESENT_TAGS)
