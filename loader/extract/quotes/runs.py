"""A speaker's run: quotes with no attribution of their own belong to the speaker just before them.

A quoted sentence right after an attributed quote continues it ("“China opposes …,” Geng said.
“China upholds …”"); so does each further paragraph of a multi-paragraph quote. Text whose
quotation marks were stripped has its own rules (stripped.py).
"""
from .clauses import text_of, word_count
from .quote import Quote

# Words allowed between an attribution and the next quote of the same run ("he added." is the cue).
MAX_GAP_WORDS = 2


def continue_runs(doc, quotes: list[Quote]) -> list[Quote]:
    """Give each unattributed quote the speaker of its run, or drop it."""
    result, last = [], None
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.name:
            result.append(quote)
            last = quote
        elif last is not None and _adjacent(text_of(doc), last, quote):
            last = last.continued(quote.start, quote.end, "continuation", quote.direct)
            result.append(last)
    return result


def _adjacent(text: str, previous: Quote, quote: Quote) -> bool:
    gap_start = max(previous.end, previous.attribution_end)
    return gap_start <= quote.start and word_count(text[gap_start:quote.start]) <= MAX_GAP_WORDS


