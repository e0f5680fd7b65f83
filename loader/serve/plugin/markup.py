"""An article's body as HTML paragraphs with its quotes, mentions and places marked and linked.

Offsets index `articles.body` (Python str indices, end exclusive), as the store writes them. Quotes are
the outer layer (a quote may run over several paragraphs: each piece is marked, the first carries the
`quote-N` anchor, the last the speaker); mentions and places sit inside, one link per stretch of text.
A span that would cross another of its layer, a quote's edge or a paragraph break is left unmarked
rather than producing broken markup. Every piece of text is escaped; only our own tags are added.
"""
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "quote", "mention" or "place": the CSS class
    href: str | None = None
    label: str = ""  # shown as a tooltip (entity or place name; the speaker for quotes)
    anchor: str | None = None  # element id, for quotes: quote-N
    speaker_href: str | None = None


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    bounds, start = [], 0
    for gap in PARAGRAPH_BREAK.finditer(body):
        if gap.start() > start:
            bounds.append((start, gap.start()))
        start = gap.end()
    if start < len(body.rstrip()):
        bounds.append((start, len(body.rstrip())))
    return bounds


def non_overlapping(spans, length: int) -> list[Span]:
    """Spans within the body that overlap none kept before them (earliest first, then longest)."""
    kept, reach = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if 0 <= span.start < span.end <= length and span.start >= reach:
            kept.append(span)
            reach = span.end
    return kept


def body_html(body: str, quotes, inline) -> list[Markup]:
    """The body as one Markup per paragraph, quotes and inline spans marked."""
    quotes = non_overlapping(quotes, len(body))
    inline = [s for s in non_overlapping(inline, len(body)) if not any(_crosses(s, q) for q in quotes)]
    return [_paragraph(body, start, end, quotes, inline) for start, end in paragraph_bounds(body)]


def _crosses(span: Span, outer: Span) -> bool:
    inside = outer.start <= span.start and span.end <= outer.end
    apart = span.end <= outer.start or span.start >= outer.end
    return not (inside or apart)


def _paragraph(body: str, start: int, end: int, quotes, inline) -> Markup:
    parts, position = [], start
    for quote in quotes:
        q_start, q_end = max(quote.start, start), min(quote.end, end)
        if q_start >= q_end:
            continue
        parts.append(_inline(body, position, q_start, inline))
        parts.append(_quote_piece(body, quote, q_start, q_end, inline))
        position = q_end
    parts.append(_inline(body, position, end, inline))
    return Markup("").join(parts)


def _quote_piece(body: str, quote: Span, start: int, end: int, inline) -> Markup:
    anchor = Markup(' id="{}"').format(quote.anchor) if quote.anchor and start == quote.start else ""
    inner = _inline(body, start, end, inline)
    html = Markup('<span class="quote"{} title="{}">{}</span>').format(anchor, quote.label, inner)
    if end == quote.end and quote.label:
        speaker = (Markup('<a href="{}">{}</a>').format(quote.speaker_href, quote.label)
                   if quote.speaker_href else escape(quote.label))
        html += Markup('<span class="speaker">{}</span>').format(speaker)
    return html


def _inline(body: str, start: int, end: int, inline) -> Markup:
    parts, position = [], start
    for span in inline:
        if span.start < start or span.end > end:
            continue
        parts.append(escape(body[position:span.start]))
        text = body[span.start:span.end]
        if span.href:
            parts.append(Markup('<a class="{}" href="{}" title="{}">{}</a>').format(
                span.kind, span.href, span.label, text))
        else:
            parts.append(Markup('<span class="{}" title="{}">{}</span>').format(span.kind, span.label, text))
        position = span.end
    parts.append(escape(body[position:end]))
    return Markup("").join(parts)
