"""The learned pass over the quote rules: three small logistic models on named parse features.

- keep: each attributed rule quote is scored, and one scoring below the threshold is dropped.
- propose: reported speech the rules miss. Every verb with a nominal subject that no rule quote
  uses as its cue proposes a quote: its clausal complement when it has one (the rules' own reading,
  reported.py), else the rest of its sentence ("Garland said unemployment and lost earning power
  have …", parsed with "unemployment" as the object of "said"), else, when the verb closes its
  sentence ("…, he said."), the sentence before its subject. Proposals scoring at least the
  threshold are added, best first, none overlapping a rule quote.
- attach: a quoted stretch no run took (a quoted paragraph two paragraphs after its speaker's last
  quote) is read as said by the speaker of the quote before it or after it; the better reading is
  kept when it scores at least the threshold.
Speakers are then resolved like every other quote's (speakers.py is unchanged).

The model file loader/data/quote_model.json holds weights and feature names only (no text);
`make train` writes it (training/train_quotes.py). Without the file, extraction is the rules alone.
NEWS_ARCHIVE_QUOTE_MODEL names another model file, or, set to "none", turns the model off (for
measuring what it adds).
"""
import json
import math
import os
from functools import lru_cache
from importlib import resources

from .clauses import speaker_span, subject_of, text_of, trimmed, within_paragraph, word_count
from .lexicon import addressee_verbs, cue_kind, cue_phrase, cue_text, naming_verbs, speaker_words
from .quote import Quote
from .reported import QUESTION_MARKS, QUESTION_TAGS, reported_from, unsaid

MODEL_FILE = "quote_model.json"
MODEL_VARIABLE = "NEWS_ARCHIVE_QUOTE_MODEL"
NOMINAL = ("PROPN", "NOUN", "PRON")
MIN_CONTENT_WORDS = 3
CHILD_DEPS = {"neg", "aux", "auxpass", "dobj", "dative", "xcomp", "ccomp", "prep", "advcl", "conj", "acomp"}
# Children of the verb that stand between it and its content: "told reporters on Monday that …".
FRAME_DEPS = {"prep", "npadvmod", "advmod", "prt", "punct", "agent", "dative"}
PERSON_WORDS = {"i", "we", "us", "our", "my", "me", "you", "your"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# A proposal sharing this much of its length with a rule quote is that quote, not a new one.
MAX_SHARED = 0.5


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict | None:
    """The model as {"weights": {feature: weight}, "bias", "threshold"}, or None when there is none."""
    chosen = os.environ.get(MODEL_VARIABLE) if path is None else path
    if chosen == "none":
        return None
    if chosen:
        text = open(chosen, encoding="utf-8").read()
    else:
        source = resources.files("loader").joinpath("data", MODEL_FILE)
        if not source.is_file():
            return None
        text = source.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return json.loads("\n".join(lines))


def probability(part: dict, features: list[str]) -> float:
    weights = part["weights"]
    total = part["bias"] + sum(weights.get(feature, 0.0) for feature in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def revised(doc, quotes: list[Quote], marks) -> list[Quote]:
    """The rules' quotes less those the model doubts, plus the proposals it accepts."""
    model = load_model()
    if model is None:
        return quotes
    kept = [quote for quote in quotes if not _doubted(model["keep"], doc, quote, marks)]
    return kept + _accepted(model["propose"], candidates(doc, quotes, marks), quotes)


def attached(doc, orphans: list[Quote], quotes: list[Quote]) -> list[Quote]:
    """Quoted stretches no run took ("…" two paragraphs after its speaker's last quote), each given
    to the speaker of the quote before or after it when the model scores that at least its threshold."""
    model = load_model()
    if model is None or "attach" not in model:
        return []
    part, found = model["attach"], []
    for options in attachments(doc, orphans, quotes):
        score, quote = max(((probability(part, named), quote) for quote, named in options), key=lambda pair: pair[0])
        if score >= part["threshold"]:
            found.append(quote)
    return found


def attachments(doc, orphans: list[Quote], quotes: list[Quote]) -> list[list[tuple[Quote, list[str]]]]:
    """For each orphan, its readings as said by the speaker of the nearest quote before it and after
    it, with features (training reads the same list)."""
    named = sorted((quote for quote in quotes if quote.name), key=lambda q: q.start)
    found = []
    for orphan in orphans:
        before = [("before", quote) for quote in named if quote.end <= orphan.start][-1:]
        after = [("after", quote) for quote in named if quote.start >= orphan.end][:1]
        options = [(by.continued(orphan.start, orphan.end, "attached", orphan.direct),
                    _attach_features(doc, orphan, by, side)) for side, by in before + after]
        if options:
            found.append(options)
    return found


def _attach_features(doc, orphan: Quote, speaker_quote: Quote, side: str) -> list[str]:
    text = text_of(doc)
    low, high = (max(speaker_quote.end, speaker_quote.attribution_end), orphan.start) if side == "before" \
        else (orphan.end, speaker_quote.start)
    gap = text[low:high] if high > low else ""
    span = doc.char_span(low, high, alignment_mode="contract") if high > low else None
    people = sum(1 for entity in doc.ents if entity.label_ == "PERSON" and low <= entity.start_char < high)
    cues = span is not None and any(cue_phrase(token) for token in span)
    paragraph_start = text.rfind("\n", 0, orphan.start) + 1
    line_end = text.find("\n", orphan.end)
    whole = word_count(text[paragraph_start:orphan.start]) == 0 and \
        word_count(text[orphan.end:len(text) if line_end == -1 else line_end]) == 0
    content = text[orphan.start:orphan.end]
    named = [f"side={side}", f"gap={_bucket(word_count(gap))}", f"side_gap={side}|{_bucket(word_count(gap))}",
             f"paragraphs={min(gap.count(chr(10)), 4)}", f"side_people={side}|{min(people, 2)}",
             f"length={_bucket(word_count(content))}", f"by={speaker_quote.kind}",
             f"speaker_type={speaker_quote.entity_type or '-'}"]
    if cues:
        named.append(f"gap_cue={side}")
    if whole:
        named.append("whole_paragraph")
    if any(word.lower().strip(".,;:!?") in PERSON_WORDS for word in content.split()):
        named.append("content_person")
    if content[-1:] in ".!?…" or text[orphan.end:orphan.end + 2].lstrip()[:1] in (".", "!", "?"):
        named.append("sentence")
    if content[:1].isupper():
        named.append("capital")
    return named


def rule_features(doc, quote: Quote, marks) -> list[str] | None:
    """Features of an attributed rule quote; None for one the model does not judge (no speaker yet:
    a continuation waits for its run)."""
    return features(doc, quote, f"rule:{quote.kind}", marks) if quote.speaker is not None else None


def _doubted(part: dict, doc, quote: Quote, marks) -> bool:
    named = rule_features(doc, quote, marks)
    return named is not None and probability(part, named) < part["threshold"]


def _accepted(part: dict, proposals: list, quotes: list[Quote]) -> list[Quote]:
    """Proposals scoring at least the threshold, best first, none overlapping another quote."""
    scored = sorted(((probability(part, named), quote) for quote, named in proposals), key=lambda pair: -pair[0])
    accepted: list[Quote] = []
    for score, quote in scored:
        if score >= part["threshold"] and _free(quote, quotes + accepted):
            accepted.append(quote)
    return accepted


def candidates(doc, quotes: list[Quote], marks) -> list[tuple[Quote, list[str]]]:
    """Every proposal with its features (training reads the same list)."""
    used = {quote.cue.i for quote in quotes if quote.cue is not None}
    found = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in used or _inside(verb.idx, marks) or _refused(verb):
            continue
        subject = subject_of(verb)
        if subject is None or subject.pos_ not in NOMINAL or subject.i > verb.i + 3:
            continue
        for quote, shape in _proposals(doc, verb, subject):
            if _free(quote, quotes) and not _inside(quote.start, marks):
                found.append((quote, features(doc, quote, shape, marks)))
    return found


def _refused(verb) -> bool:
    """Cues the rules read and turn down on purpose: "did not say", "was told" (unsaid), and the
    naming verbs, whose only reading is their characterisation ("called the plan a “bold step”")."""
    return unsaid(verb) or verb.lemma_.lower() in naming_verbs()


def _proposals(doc, verb, subject):
    reported = reported_from(doc, verb)
    for quote in reported:
        quote.kind = "learned"
    if reported:
        return [(quote, "clause") for quote in reported]
    span, shape = _rest_of_sentence(doc, verb, subject), "rest"
    if span is None:
        span, shape = _sentence_before(doc, verb, subject), "before"
    if span is None:
        return []
    quote = Quote(span[0], span[1], False, "learned", cue=verb, cue_text=cue_text(verb),
                  speaker=speaker_span(subject), content_first=shape == "before",
                  attribution_end=verb.idx + len(verb.text))
    return [(quote, shape)]


def _rest_of_sentence(doc, verb, subject):
    """ "Garland said unemployment and lost earning power have …": what follows the verb and the
    words that frame it ("told reporters on Monday"), to the end of the sentence."""
    start = verb.i + 1
    addressee = verb.lemma_.lower() in addressee_verbs()
    for child in verb.rights:
        framing = child.dep_ in FRAME_DEPS or (addressee and child.dep_ == "dobj") or child.i <= subject.i
        if child.left_edge.i != start or not framing:
            break
        start = child.right_edge.i + 1
    first, last = within_paragraph(doc, start, verb.sent.end, verb)
    if first < last and (doc[first].lower_ in QUESTION_MARKS or doc[first].tag_ in QUESTION_TAGS):
        return None  # "would not say when the port would reopen": a question, not what was said
    span = trimmed(doc, first, last) if last > first else None
    if span is None or word_count(text_of(doc)[span[0]:span[1]]) < MIN_CONTENT_WORDS:
        return None
    return span


def _sentence_before(doc, verb, subject):
    """ "Macharia and some colleagues hid under desks, he said,": the words before the attribution."""
    opener = min(subject.left_edge.i, verb.i)
    framing = {token.i for token in subject.subtree}
    for child in verb.rights:
        if child.dep_ in FRAME_DEPS:
            framing.update(token.i for token in child.subtree)
    if any(not (token.is_punct or token.is_space) and token.i not in framing
           for token in doc[verb.i + 1:verb.sent.end]):
        return None
    first, last = within_paragraph(doc, verb.sent.start, opener, verb)
    span = trimmed(doc, first, last) if last > first else None
    if span is None or word_count(text_of(doc)[span[0]:span[1]]) < MIN_CONTENT_WORDS:
        return None
    return span


def features(doc, quote: Quote, shape: str, marks) -> list[str]:
    """Named features of a quote: how it was found (shape), its cue verb, its speaker as written, and
    the shape of its content."""
    verb, speaker = quote.cue, quote.speaker
    lemma = verb.lemma_.lower() if verb is not None else "-"
    kind = cue_kind(cue_phrase(verb) or lemma) if verb is not None else "-"
    content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    tokens = list(content) if content is not None else []
    length = _bucket(word_count(text_of(doc)[quote.start:quote.end]))
    named = [f"shape={shape}", f"lemma={lemma}", f"lemma_shape={lemma}|{shape}", f"kind={kind}",
             f"kind_shape={kind}|{shape}", f"length={length}", f"kind_length={kind}|{length}",
             f"shape_length={shape}|{length}"]
    if verb is not None:
        named += _verb_features(verb, kind)
    if speaker is not None:
        named += _speaker_features(speaker.root)
    if any(token.lower_ in PERSON_WORDS for token in tokens):
        named.append("content_person")
    if any(token.tag_ in FINITE_TAGS for token in tokens):
        named.append("content_finite")
    if quote.content_first:
        named.append("content_first")
    if quote.direct:
        named.append("direct")
    if tokens and tokens[0].lower_ == "to":
        named.append("content_to")
    inside = {token.i for token in tokens}
    if any(token.dep_ in ("nsubj", "nsubjpass", "expl") and token.head.i in inside for token in tokens):
        named.append("content_subject")
    if verb is not None and tokens and tokens[0].head.i == verb.i and tokens[0].dep_ == "dobj":
        named.append("content_opens_with_object")
        if any(token.dep_ == "conj" and token.head.i == verb.i and token.tag_ in FINITE_TAGS for token in tokens):
            named.append("object_then_finite_verb")
    if any(mark.start < quote.end and mark.end > quote.start for mark in marks):
        named.append("content_marked")
    return named


def _verb_features(verb, kind: str) -> list[str]:
    named = [f"tag={verb.tag_}", f"dep={verb.dep_}", f"kind_dep={kind}|{verb.dep_}"]
    children = {child.dep_ for child in verb.children}
    named += [f"child={dep}" for dep in sorted(children & CHILD_DEPS)]
    named += [f"modal={child.lower_}" for child in verb.children if child.tag_ == "MD"]
    objects = [child for child in verb.children if child.dep_ in ("dobj", "dative")]
    named += [f"object={child.ent_type_ or child.pos_}" for child in objects[:1]]
    if verb.i - verb.sent.start <= 3:
        named.append("cue_opens_sentence")
    return named


def _speaker_features(head) -> list[str]:
    named = [f"subject={head.pos_}", f"subject_entity={head.ent_type_ or '-'}",
             f"subject_word={speaker_words().get(head.lower_, '-')}"]
    if head.pos_ == "PRON":
        named.append(f"pronoun={head.lower_}")
    return named


def _bucket(words: int) -> str:
    return next(label for limit, label in ((3, "1-3"), (7, "4-7"), (15, "8-15"), (30, "16-30"))
                if words <= limit) if words <= 30 else "31+"


def _free(quote: Quote, others: list[Quote]) -> bool:
    length = quote.end - quote.start
    return all(quote.overlap(other) < MAX_SHARED * min(length, other.end - other.start) for other in others)


def _inside(char: int, marks) -> bool:
    return any(mark.start < char < mark.end for mark in marks)
