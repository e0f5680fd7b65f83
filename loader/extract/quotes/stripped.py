"""Text whose quotation marks were stripped (wire copy: "Today s sanctions target …, U.S. Treasury
Secretary Steven Mnuchin said in a statement.").

The reported-speech rules already take the clause before ", <speaker> said" as the quote. Here:
the sentences of the same paragraph before it that read as speech belong to it ("S1. S2. S3, he
said." was one quote), and after it the sentences that read as speech and attribute nothing
themselves are the same speaker's floating quotes ("We also are targeting …"), in its paragraph
and, when they speak in the first person or open with a connective ("Further, …"), the next one.
A sentence reads as speech when it speaks in the first or second person or in the present tense
(news narrative is in the past). Whether such a quote was direct is unknown: `direct` stays 0.
"""
import re
from bisect import bisect_right

from .clauses import speaker_span, subject_of, text_of, trimmed, word_count
from .lexicon import addressee_verbs, continuation_words, cue_phrase, cue_text, naming_verbs
from .quote import Quote

# "Nunes said during a news conference." is an attribution of its own; longer is narrative.
MAX_BARE_ATTRIBUTION_WORDS = 10
# At most this many sentences after one attribution.
MAX_FLOATING_SENTENCES = 3
SPEAKING_PRONOUNS = {"i", "we", "us", "our", "ours", "my", "me", "you", "your"}
PRESENT_TAGS = {"VBZ", "VBP"}
SENTENCE_END = (".", "!", "?", "…", '"', "”", "'", "’")
PARAGRAPH = re.compile(r"[^\n]+")


def floating_quotes(doc, quotes: list[Quote]) -> list[Quote]:
    """The quotes, with content-first ones extended backwards and floating quotes added."""
    paragraph_starts = [match.start() for match in PARAGRAPH.finditer(text_of(doc))]
    sentences = [sentence for sentence in doc.sents if sentence.text.strip()]
    _extend_backwards(sentences, quotes, paragraph_starts)
    return sorted(quotes + _floating(sentences, quotes, paragraph_starts), key=lambda q: q.start)


class _Run:
    """Floating quotes after one attribution: the quote that opened it and the last one added."""

    def __init__(self, opener: Quote, paragraph: int):
        self.opener, self.paragraph, self.current, self.count = opener, paragraph, None, 0


def _floating(sentences, quotes: list[Quote], paragraph_starts) -> list[Quote]:
    floating, run = [], None
    for sentence in sentences:
        paragraph = bisect_right(paragraph_starts, sentence.start_char) - 1
        covering = [q for q in quotes if q.start < sentence.end_char and q.end > sentence.start_char]
        if covering:
            opener = _run_opened_by(covering, sentence)
            run = _Run(opener, paragraph) if opener else None
            continue
        span = trimmed(sentence.doc, sentence.start, sentence.end)
        if run is None or span is None or "\n" in text_of(sentence.doc)[span[0]:span[1]] \
                or not _continues_run(run, sentence, paragraph):  # "READ MORE: …" over a break: a line, no speech
            run = None
            continue
        if run.current is not None and paragraph == run.paragraph:
            run.current.end = span[1]  # one quote per paragraph, as it was printed
        else:
            run.current = run.opener.continued(span[0], span[1], "floating", False)
            floating.append(run.current)
        run.paragraph, run.count = paragraph, run.count + 1
    return floating


def _extend_backwards(sentences, quotes: list[Quote], paragraph_starts) -> None:
    """ "S1. S2. S3, he said.": S1 and S2 belong to the quote when they read as speech."""
    starts = [sentence.start_char for sentence in sentences]
    for quote in quotes:
        if not quote.content_first or quote.direct:
            continue
        number = bisect_right(starts, quote.start) - 1
        if number < 0 or word_count(text_of(sentences[number].doc)[sentences[number].start_char:quote.start]):
            continue  # the quote does not open its sentence
        paragraph = bisect_right(paragraph_starts, quote.start) - 1
        for earlier in range(number - 1, max(-1, number - MAX_FLOATING_SENTENCES - 1), -1):
            sentence = sentences[earlier]
            if bisect_right(paragraph_starts, sentence.start_char) - 1 != paragraph or not _free(sentence, quotes):
                break
            if not _reads_as_speech(sentence) or sentence.text.rstrip()[-1:] not in SENTENCE_END:
                break
            span = trimmed(sentence.doc, sentence.start, sentence.end)
            if span:
                quote.start = span[0]


def _free(sentence, quotes: list[Quote]) -> bool:
    return not any(q.start < sentence.end_char and q.end > sentence.start_char for q in quotes)


def _continues_run(run: _Run, sentence, paragraph: int) -> bool:
    """Within the attribution's paragraph any sentence that reads as speech; in the next paragraph
    only one that speaks in the first or second person or opens with a connective ("Further, …")."""
    if run.count >= MAX_FLOATING_SENTENCES or sentence.text.rstrip()[-1:] not in SENTENCE_END:
        return False
    if paragraph == run.paragraph:
        return run.opener.content_first and _reads_as_speech(sentence)
    if paragraph != run.paragraph + 1 or not _reads_as_speech(sentence):
        return False
    return _speaks_in_person(sentence) or sentence[0].lower_ in continuation_words()


def _run_opened_by(covering: list[Quote], sentence):
    """The quote that closes this sentence, by its attribution ("…, Mnuchin said in a statement.") or
    its content ("Wang said China was unlikely to …"), if any."""
    last = max(covering, key=lambda q: max(q.attribution_end, q.end))
    closes = word_count(text_of(sentence.doc)[max(last.attribution_end, last.end):sentence.end_char]) == 0
    return last if closes and last.name else None


def bare_attributions(doc, quotes: list[Quote]) -> list[Quote]:
    """ "I knew this was happening! Nunes said." — a sentence that is only an attribution makes the
    sentence before it (in its paragraph) a quote; not one whose cue acts on an object ("Acme has maintained its
    position.")."""
    paragraph_starts = [match.start() for match in PARAGRAPH.finditer(text_of(doc))]
    sentences = [sentence for sentence in doc.sents if sentence.text.strip()]
    found = []
    for previous, sentence in zip(sentences, sentences[1:]):
        root = sentence.root
        subject = subject_of(root) if cue_phrase(root) else None
        if subject is None or any(child.dep_ == "ccomp" for child in root.children) or _acts_on_object(root):
            continue
        if sum(1 for token in sentence if not (token.is_punct or token.is_space)) > MAX_BARE_ATTRIBUTION_WORDS:
            continue
        same_paragraph = (bisect_right(paragraph_starts, previous.start_char)
                          == bisect_right(paragraph_starts, sentence.start_char))
        span = trimmed(doc, previous.start, previous.end)
        if same_paragraph and span and _free(previous, quotes + found):
            end = sentence[-1].idx + len(sentence[-1].text)
            found.append(Quote(span[0], span[1], False, "reported", cue=root, cue_text=cue_text(root),
                               speaker=speaker_span(subject), content_first=True, attribution_end=end))
    return found


def _acts_on_object(verb) -> bool:
    """ "Acme has maintained its position through acquisitions.": a cue verb with an object that is no addressee
    ("told reporters") and that it does not name ("He now calls it a rookie mistake") does something to it; the
    sentence attributes nothing."""
    lemma = verb.lemma_.lower()
    return lemma not in addressee_verbs() and lemma not in naming_verbs() \
        and any(child.dep_ == "dobj" for child in verb.children)


def _has_cue(sentence) -> bool:
    """Does the sentence attribute something itself ("Busby said …")? "We are asking owners to …" does not."""
    for token in sentence:
        if cue_phrase(token) and token.dep_ in ("ROOT", "conj"):
            subject = subject_of(token)
            if subject is None or subject.lower_ not in SPEAKING_PRONOUNS:
                return True
    return False


def _reads_as_speech(sentence) -> bool:
    if _has_cue(sentence):
        return False
    if _speaks_in_person(sentence):
        return True
    root = sentence.root
    tags = {root.tag_} | {child.tag_ for child in root.children if child.dep_ in ("aux", "auxpass")}
    return bool(tags & PRESENT_TAGS)


def _speaks_in_person(sentence) -> bool:
    return any(token.lower_ in SPEAKING_PRONOUNS for token in sentence)
