"""Direct quotes: text inside quotation marks, attributed from the clause before, between or after.

"“…,” Geng said."  "“…,” said Sevaun Palvetzian, CEO of …"  "Wang said: “…”"
"“…,” he said, “…”" (both parts).  A quote with no attribution of its own is returned without a
speaker; the caller decides whether it continues the previous speaker's quote.
"""
from dataclasses import replace

from .clauses import describes_noun, hearsay, speaker_span, subject_of, text_of, token_at, word_count
from .lexicon import cue_phrase, cue_text
from .marks import Marked
from .quote import Quote

SENTENCE_END = {".", "!", "?"}
NOMINAL = ("PROPN", "NOUN", "PRON")
NOMINAL_TAGS = ("NNP", "NNPS", "NN", "NNS", "PRP")
# What may stand between a lead-in and the quote it introduces ("Wang said: “…”", "he said, “…”").
LEAD_INS = {":", ",", "—", "–", "-", "("}
# An attribution clause is short; a longer stretch is narrative, not "X said".
MAX_FRAME_TOKENS = 40
# Short quoted words in running text are titles or scare quotes ("a “diplomatic solution”").
MIN_QUOTE_WORDS = 4


def direct_quotes(doc, marked: list[Marked]) -> list[Quote]:
    text = text_of(doc)
    quotes = []
    for number, mark in enumerate(marked):
        if mark.inner_end <= mark.inner_start:
            continue
        previous_end = marked[number - 1].end if number else 0
        next_start = marked[number + 1].start if number + 1 < len(marked) else len(text)
        quote = _attribute(doc, mark, previous_end, next_start)
        if quote is not None:
            quotes.extend(_by_paragraph(quote, text))
    return quotes


def _by_paragraph(quote: Quote, text: str) -> list[Quote]:
    """A quote running over several paragraphs is one quote per paragraph, all said by the same speaker."""
    pieces, start = [], quote.start
    while True:
        newline = text.find("\n", start, quote.end)
        end = quote.end if newline == -1 else newline
        piece = _stripped_range(text, start, end)
        if piece:
            pieces.append(replace(quote, start=piece[0], end=piece[1]))
        if newline == -1:
            break
        start = newline + 1
    return pieces


def _stripped_range(text: str, start: int, end: int):
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "?!…"):
        end -= 1
    return (start, end) if end > start else None


def _attribute(doc, mark: Marked, previous_end: int, next_start: int):
    quote = Quote(mark.inner_start, mark.inner_end, True, "direct", attribution_end=mark.end)
    before = _frame_before(doc, mark.start, previous_end)
    if before and before[-1].text not in LEAD_INS:
        # Quoted words inside a sentence: a quote only right after its cue ("she said “…”").
        cued = cue_phrase(before[-1]) and _long_enough(text_of(doc), mark)
        return quote if cued and _credit(quote, before, content_first=False) else None
    after = _frame_after(doc, mark.end, next_start)
    closing = text_of(doc)[mark.inner_end:mark.end]
    frames = [before, after] if _introduces(before) and "," not in closing else [after, before]
    for frame in frames:
        if frame and _credit(quote, frame, content_first=frame is after):
            return quote
    if before and before[-1].text == ":" and _credit_colon(quote, before):
        return quote
    return quote if _long_enough(text_of(doc), mark) else None


def _frame_after(doc, start: int, limit: int):
    """Tokens after the closing mark up to the end of the sentence, a paragraph break or the next quote."""
    first = token_at(doc, start)
    tokens = []
    for token in doc[first:first + MAX_FRAME_TOKENS]:
        if token.idx >= limit or "\n" in token.text:
            break
        if token.idx < start:
            continue
        tokens.append(token)
        if token.text in SENTENCE_END:
            break
    return tokens if tokens else None


def _frame_before(doc, end: int, limit: int):
    """Tokens from the sentence start (or the previous quote, or the paragraph) up to the opening mark."""
    last = token_at(doc, end) - 1
    tokens = []
    for index in range(last, max(-1, last - MAX_FRAME_TOKENS), -1):
        token = doc[index]
        if token.idx + len(token.text) > end:
            continue  # part of the opening mark ('' is one token, the mark its second character)
        if token.idx < limit or "\n" in token.text or token.text in SENTENCE_END:
            break
        tokens.append(token)
    if len(tokens) == MAX_FRAME_TOKENS:
        return None
    return list(reversed(tokens)) or None


def _introduces(frame) -> bool:
    """Does the clause before a quote lead into it ("Wang said:", "He added,")?"""
    return bool(frame) and frame[-1].text in (":", ",") and any(cue_phrase(t) for t in frame)


def _credit(quote: Quote, frame, content_first: bool) -> bool:
    """Find the cue and speaker in an attribution frame and credit them to the quote."""
    in_frame = {token.i for token in frame}
    for cue in (frame if content_first else reversed(frame)):
        if not cue_phrase(cue) and not (cue.lower_ == "according" and cue.i + 1 in in_frame):
            continue
        speaker = _speaker_in_frame(cue, frame, in_frame)
        if speaker is None or (content_first and (not _opens_frame(cue, speaker, frame)
                                                  or _reports_after(cue, in_frame))):
            continue
        quote.cue, quote.speaker, quote.content_first = cue, speaker_span(speaker), content_first
        quote.cue_text = "according to" if cue.lower_ == "according" else cue_text(cue)
        quote.attribution_end = max(quote.attribution_end, frame[-1].idx + len(frame[-1].text))
        return True
    return False


def _reports_after(cue, in_frame) -> bool:
    """ "“…” - The White House has admitted that Trump was told …": a cue after a quote whose own clausal complement
    follows it in the same frame says something else, and does not attribute the quote before it (the next quoted part
    of "“…,” Tester said, “…”" lies past the frame: his)."""
    return any(child.dep_ == "ccomp" and child.i > cue.i and child.i in in_frame for child in cue.children)


def _opens_frame(cue, speaker, frame) -> bool:
    """After a quote the attribution comes first: before the cue only the speaker's phrase, or
    auxiliaries and adverbs ("he was quoted as saying"), never another clause."""
    phrase = {token.i for token in speaker.subtree}
    return all(token.i in phrase or token.is_punct or token.pos_ in ("AUX", "ADV", "PART", "ADP")
               or token.lemma_ == "quote" for token in frame if token.i < cue.i)


def _speaker_in_frame(cue, frame, in_frame):
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj" and c.i in in_frame]
        return objects[0] if objects else None
    if describes_noun(cue) or hearsay(cue):
        return None  # "a mural called “The Long Road”": a name, no one's words
    subject = subject_of(cue)
    if subject is not None and subject.i in in_frame:
        return subject
    # Parsers often hang "said Busby" or "Geng said" off the quote: take the noun next to the cue, not the object of a
    # preposition or of another verb ("answered the remarks on immigration by tweeting, “…”", "will shape Britain's
    # future, adding: “…”": no one's name).
    nouns = [t for t in frame if (t.pos_ in NOMINAL or t.tag_ in NOMINAL_TAGS) and t.i != cue.i and t.dep_ != "pobj"
             and not (t.dep_ == "dobj" and t.head.i != cue.i)]
    after = [t for t in nouns if t.i > cue.i and t.i <= cue.i + 3]
    before = [t for t in nouns if t.i < cue.i and t.i >= cue.i - 4]
    candidates = after[:1] if after and not before else before[-1:]
    if not candidates:
        return None
    head = candidates[0]
    while head.head.i in in_frame and head.head.pos_ in ("PROPN", "NOUN") and head.dep_ in ("compound", "flat"):
        head = head.head
    return head


def _long_enough(text: str, mark: Marked) -> bool:
    """A quote, not a quoted word: four words or more, or a whole sentence ("“The vote stands.”")."""
    inner = text[mark.inner_start:mark.inner_end]
    sentence = inner[:1].isupper() and any(stop in text[mark.inner_end - 1:mark.end] for stop in ".!?")
    return word_count(inner) >= MIN_QUOTE_WORDS or sentence


def _credit_colon(quote: Quote, before) -> bool:
    """ "Martell, the addictions doctor, is more blunt: “…”" — the subject of the lead-in speaks."""
    root = before[-1].sent.root if before[-1].sent.root in before else None
    subject = subject_of(root) if root is not None else None
    if subject is None or subject.pos_ not in ("PROPN", "PRON") or subject.i not in {t.i for t in before}:
        return False
    quote.speaker, quote.content_first = speaker_span(subject), False
    return True
