"""Quotes: who said what, as direct quotes (in quotation marks) and reported speech, each attributed
to a canonical speaker. `extract_quotes` is the extractor registered in loader.extract.EXTRACTORS.

Steps: quoted stretches are attributed from the clause around them (direct.py); reported speech is
read off the parse (reported.py); the two are merged (a reported clause that is a quoted one is the
same quote); speakers are resolved in reading order (speakers.py); quotes with no attribution of
their own continue the run of the speaker before them (runs.py), which is also how text whose
quotation marks were stripped gets its floating quotes.
"""
from ..names import fold_words
from .clauses import text_of
from .direct import direct_quotes
from .learned import attached, revised
from .marks import quoted_spans
from .quote import Quote
from .reported import reported_quotes
from .runs import continue_runs
from .signed import signed_quotes
from .speakers import Names, Resolver
from .stripped import bare_attributions, floating_quotes

# A reported clause mostly inside a quoted stretch is that quote's attribution, not a second quote.
SAME_QUOTE_SHARE = 0.5
# A quoted stretch mostly inside a longer reported clause is part of it ("said it was “very good”").
PART_OF_CLAUSE_SHARE = 0.8
# Words a quote repeated in its article must have to be a repeat (a pull quote), not a phrase two quotes share.
MIN_REPEAT_WORDS = 6


def extract_quotes(item: dict, doc, found: dict) -> dict:
    names = Names.from_mentions(found["mentions"]) if found.get("mentions") else Names.from_doc(doc)
    return {"quotes": [row(quote, text_of(doc)) for quote in find_quotes(doc, names, item.get("title"))]}


def find_quotes(doc, names: Names, headline: str | None = None) -> list[Quote]:
    marks = quoted_spans(text_of(doc))
    quotes, orphans = runs_and_orphans(doc, names, marks, headline)
    quotes = sorted(quotes + attached(doc, orphans, quotes), key=lambda q: q.start)
    if not marks:  # no quotation marks at all: wire copy whose marks were stripped
        quotes = floating_quotes(doc, quotes)
    return _without_repeats(_without_overlaps([quote for quote in quotes if quote.name]), text_of(doc))


def runs_and_orphans(doc, names: Names, marks, headline: str | None = None) -> tuple[list[Quote], list[Quote]]:
    """The quotes with speakers resolved and runs continued, and the quoted stretches no run took; `headline`
    names the company "the company" stands for when the body names none."""
    quotes = revised(doc, rule_quotes(doc, marks), marks)
    resolver = Resolver(doc, names, [(mark.start, mark.end) for mark in marks], headline)
    for quote in sorted(quotes, key=lambda q: q.speaker_start if q.speaker is not None else q.start):
        if quote.speaker is not None:
            _apply(quote, resolver.resolve(quote.speaker, (quote.start, quote.end)))
    runs = continue_runs(doc, quotes)
    taken = {(quote.start, quote.end) for quote in runs}
    return runs, [quote for quote in quotes if not quote.name and (quote.start, quote.end) not in taken]


def rule_quotes(doc, marks) -> list[Quote]:
    """What the rules find before speakers are resolved: direct and reported quotes, merged, plus
    bare attributions (text without quotation marks) and signed quotes."""
    direct = direct_quotes(doc, marks)
    reported = [quote for quote in reported_quotes(doc) if not _inside_marks(quote.cue.idx, marks)]
    quotes = _merge(direct, reported, marks, text_of(doc))
    if not marks:
        quotes += bare_attributions(doc, quotes)
    return quotes + signed_quotes(doc, quotes)


def _inside_marks(char: int, marks) -> bool:
    return any(mark.start < char < mark.end for mark in marks)


def _merge(direct: list[Quote], reported: list[Quote], marks, text: str) -> list[Quote]:
    for clause in reported:
        _extend_into_marks(clause, marks, text)
    dropped = set()
    for quote in direct:
        for index, clause in enumerate(reported):
            shared = quote.overlap(clause)
            if not shared:
                continue
            if shared >= SAME_QUOTE_SHARE * (clause.end - clause.start):
                dropped.add(index)
                if quote.speaker is None:
                    _adopt(quote, clause)
            elif shared >= PART_OF_CLAUSE_SHARE * (quote.end - quote.start):
                quote.kind = "part"
    kept = [quote for quote in direct if quote.kind != "part"]
    return kept + [clause for index, clause in enumerate(reported) if index not in dropped]


def _extend_into_marks(clause: Quote, marks, text: str) -> None:
    """ "said he was “very pleased. This levels the field.”": the reported clause ends where the
    quotation it runs into ends, not at the sentence break inside it."""
    for mark in marks:
        if clause.start <= mark.start < clause.end < mark.inner_end and "\n" not in text[clause.end:mark.inner_end]:
            clause.end = mark.inner_end


def _adopt(quote: Quote, clause: Quote) -> None:
    quote.cue, quote.cue_text, quote.speaker = clause.cue, clause.cue_text, clause.speaker
    quote.content_first = clause.content_first
    quote.attribution_end = max(quote.attribution_end, clause.attribution_end)


def _apply(quote: Quote, speaker) -> None:
    if speaker is not None:
        quote.name, quote.entity_type, quote.role = speaker.name, speaker.type, speaker.role


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Where two quotes cover the same words, keep the direct one, else the longer."""
    ranked = sorted(quotes, key=lambda q: (not q.direct, q.speaker is None, -(q.end - q.start)))
    kept = []
    for quote in ranked:
        if all(quote.overlap(other) < 0.5 * min(quote.end - quote.start, other.end - other.start) for other in kept):
            kept.append(quote)
    return sorted(kept, key=lambda q: q.start)


def _without_repeats(quotes: list[Quote], text: str) -> list[Quote]:
    """A quote whose words the article repeats whole in another quote (a pull quote set apart from the story, a
    transcript after the report) is one quote: the copy with no attribution of its own (no cue: a continuation, a
    floating quote, a display quote a run took) goes when another copy has one, and of two copies with the same
    speaker the later; a longer quote that holds a shorter one stays whole (its other words are new)."""
    folded = [fold_words(text[quote.start:quote.end]) for quote in quotes]
    words = [" " + " ".join(each) + " " for each in folded]
    dropped = set()
    for index, quote in enumerate(quotes):
        for other, copy in enumerate(quotes):
            if other == index or other in dropped or min(len(folded[index]), len(folded[other])) < MIN_REPEAT_WORDS \
                    or words[index] not in words[other]:  # only a copy the other holds whole goes
                continue
            if (quote.cue is None and copy.cue is not None) or \
                    (quote.name == copy.name and (quote.cue is None) == (copy.cue is None) and other < index):
                dropped.add(index)
                break
    return [quote for index, quote in enumerate(quotes) if index not in dropped]


def row(quote: Quote, text: str) -> dict:
    """One quote in the `extract` contract's shape (plus speaker_text/role/type for the store)."""
    return {
        "start": quote.start, "end": quote.end, "content": text[quote.start:quote.end],
        "speaker": quote.name, "speaker_start": quote.speaker_start, "speaker_end": quote.speaker_end,
        "cue": quote.cue_text, "direct": int(quote.direct),
        "speaker_text": quote.speaker.text if quote.speaker is not None else None,
        "speaker_role": quote.role, "speaker_type": quote.entity_type, "rule": quote.kind,
    }

