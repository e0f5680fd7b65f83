"""Reported (indirect) speech from the dependency parse.

A cue verb from the lexicon with a clausal complement ("Geng Shuang said China does not approve …",
"The Treasury statement charged that Ku …", "…, said Busby"), the same misparsed as a relative
clause ("told a news briefing that Ku s case had been raised"), and "according to X".
The content is the reported clause; the speaker is the cue's subject (or a passive's agent). A subjectless
participle of an inference verb after a fact ("has a beta of 1.02, indicating that …") is the writer's, no quote.
"""
from .clauses import SUBJECTS, describes_noun, hearsay, speaker_span, subject_of, trimmed, within_paragraph
from .lexicon import addressee_verbs, cue_phrase, cue_text, inference_verbs, naming_verbs, speaker_words
from .speakers import people_word
from .marks import quoted_spans
from .quote import Quote

# A clausal complement opened by one of these is a question, not a statement ("did not say whether").
QUESTION_MARKS = {"whether", "if"}
QUESTION_TAGS = {"WP", "WRB", "WP$"}
MIN_CONTENT_CHARS = 8
# A wh-word under one of these opens a subordinate part of the reported clause, not a question.
SUBORDINATE_DEPS = {"advcl", "csubj", "csubjpass"}
# Verbs that state where their subject stands ("Acme is …", "has a beta of …", "trades at 12 times earnings"): an
# inference participle after them is the writer's reading of a fact (see inferred).
STATE_VERBS = {"be", "have", "trade"}
# The readers of a market note, whom its writer advises or speaks for: "value investors would argue that".
AUDIENCE = {"investor", "reader", "buyer", "seller", "trader", "shareholder", "saver"}
# Named-entity types of a subject that may speak.
SPEAKING_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")


def reported_quotes(doc) -> list[Quote]:
    quotes = []
    for token in doc:
        if cue_phrase(token):
            quotes.extend(reported_from(doc, token))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            quote = _according_to(doc, token)
            if quote:
                quotes.append(quote)
    return quotes


def reported_from(doc, verb) -> list[Quote]:
    """The quotes a verb reports, read as a cue: its clausal complement(s), its subject the speaker."""
    subject = subject_of(verb)
    if unsaid(verb):
        return []
    if subject is None:
        subject, ranges = _misparsed(doc, verb)
    else:
        ranges = _content_ranges(doc, verb)
    quotes = []
    for start, end in ranges:
        if subject is None:
            break
        start, end = within_paragraph(doc, start, end, verb)
        span = trimmed(doc, start, end)
        if span is None or span[1] - span[0] < MIN_CONTENT_CHARS:
            continue
        content_first = end <= verb.i
        quotes.append(Quote(span[0], span[1], False, "reported", cue=verb, cue_text=cue_text(verb),
                            speaker=speaker_span(subject), content_first=content_first,
                            attribution_end=_attribution_end(doc, verb, subject)))
    return quotes


def _content_ranges(doc, verb) -> list[tuple[int, int]]:
    """Token ranges of what the cue reports, and after a cue that follows its content the content's
    continuation ("…, Tran says, and are mostly meant for …")."""
    ranges = _reported_ranges(doc, verb)
    if ranges and all(end <= verb.i for _, end in ranges):
        ranges += _continued_content(verb)
    return ranges


def _reported_ranges(doc, verb) -> list[tuple[int, int]]:
    """The cue's clausal complements, joined when on one side; or, for a parenthetical cue
    ("The industry, she said, is doing better"), the clause around it."""
    clauses = [child for child in verb.children if child.dep_ == "ccomp" and not _is_question(child, verb)]
    if not clauses:
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            return _split_around(head.left_edge.i, head.right_edge.i + 1, verb, [t.i for t in verb.subtree])
        return _that_clause(verb) or _instruction(verb) or _naming(verb)
    attribution = [verb.i] + [t.i for child in verb.children if child.dep_ != "ccomp" for t in child.subtree]
    ranges = []
    for group in ([c for c in clauses if c.i < verb.i], [c for c in clauses if c.i > verb.i]):
        if group:
            start = min(c.left_edge.i for c in group)
            if start > verb.i:
                start = _misparsed_object_start(verb, start)
            end = max(c.right_edge.i for c in group) + 1
            ranges.extend(_split_around(start, end, verb, attribution))
    return ranges


def _continued_content(verb) -> list[tuple[int, int]]:
    """ "The pills have few uses, Tran says, and are mostly meant for …": the parser hangs the
    content's second verb on the cue; with no subject of its own it carries on the content, unless it
    reads as the speaker's next action, in the cue's own tense ("…, Smith said, and left the room")."""
    joiners = [child for child in verb.rights if child.dep_ == "cc"]
    for child in verb.rights:
        if child.dep_ != "conj" or not joiners or joiners[0].i > child.i or cue_phrase(child):
            continue
        own_subject = any(grand.dep_ in ("nsubj", "nsubjpass", "expl") for grand in child.children)
        helped = any(grand.dep_ in ("aux", "auxpass") for grand in child.children)
        if not own_subject and (helped or child.tag_ != verb.tag_):
            return [(joiners[0].i, child.right_edge.i + 1)]
    return []


def _misparsed_object_start(verb, start: int) -> int:
    """ "Garland said unemployment and lost earning power have …": the parser makes the clause's
    subject the object of "said". Only verbs with an addressee ("told reporters") take an object."""
    if verb.lemma_.lower() in addressee_verbs():
        return start
    objects = [child for child in verb.rights if child.dep_ == "dobj" and child.i < start]
    return min([start] + [child.left_edge.i for child in objects])


def _misparsed(doc, verb):
    """ "Still, McNeely said disease can …" parsed with "said" as a modifier: a name right before a
    past or present "said"/"says" with words after it is the speaker, the rest of the sentence the content."""
    before = doc[verb.i - 1] if verb.i else None
    if (verb.lemma_.lower() != "say" or verb.tag_ not in ("VBD", "VBZ") or before is None
            or before.pos_ not in ("PROPN", "PRON") or verb.dep_ == "ROOT"):
        return None, []
    sentence_end = verb.sent.end
    if verb.i + 1 >= sentence_end or doc[verb.i + 1].is_punct:
        return None, []
    return before, [(verb.i + 1, sentence_end)]


def _split_around(start: int, end: int, verb, attribution: list[int]) -> list[tuple[int, int]]:
    """A clause the attribution interrupts ("China, Geng said, does not …") gives two parts."""
    if not start <= verb.i < end:
        return [(start, end)]
    low, high = min(attribution), max(attribution)
    return [part for part in ((start, low), (high + 1, end)) if part[1] > part[0]]


def unsaid(verb) -> bool:
    """ "did not say", "won't say": nothing was said; "was asked", "was told": the subject heard it; "a report called",
    "a photograph said to be from": a name or a description, no one's words (see describes_noun, hearsay); "has a
    beta of 1.02, indicating that", "investors should note that": the writer's (see inferred, the_writers)."""
    children = list(verb.children)
    negated = any(child.dep_ == "neg" for child in children)
    passive = any(child.dep_ == "auxpass" for child in children) and not any(c.dep_ == "agent" for c in children)
    return negated or passive or describes_noun(verb) or hearsay(verb) or inferred(verb) or the_writers(verb)


def the_writers(verb) -> bool:
    """The writer's own advice, hypothesis or reading, said by no one: a cue under "should", "could" or another modal
    whose subject is a bare plural of people, no one in particular ("investors should note that"; under "would" only
    the readers, AUDIENCE: "value investors would argue that", not "prosecutors would argue that"), or a thing ("a
    low beta could suggest that"), unless it names something ("critics would call it a farce" is their view, voiced
    for them); an infinitive cue after "it is" and a description ("it's important to note that", "it is fair to
    say"); a thing telling the writer and reader ("the technical data tells us to buy")."""
    subject = subject_of(verb)
    if subject is None:
        return False
    modals = [child.lower_ for child in verb.children if child.dep_ == "aux" and child.tag_ == "MD"
              and child.lower_ not in ("will", "wo", "shall")]
    modal = bool(modals)
    # "would" of people is the past of the future in a story ("police would say only that", "prosecutors would
    # argue that"): the writer's hypothesis only for the readers' own kind ("value investors would argue that")
    generic = subject.tag_ == "NNS" and not any(child.dep_ in ("det", "poss", "nummod") for child in subject.children) \
        and (not set(modals) <= {"would", "'d"} or subject.lemma_.lower() in AUDIENCE)
    thing = subject.pos_ == "NOUN" and not _can_speak(subject)  # not "many of the protesters would say"
    naming = verb.lemma_.lower() in naming_verbs()  # "critics would call it a farce": the group's view, voiced
    if modal and not naming and ((generic and _can_speak(subject) and not subject.ent_type_) or thing
                                 or (_anyone(subject) and not set(modals) <= {"would", "'d"})):
        return True  # "investors should note that", "a low beta could suggest that", "a cynic might say that"
    head = verb.head
    if verb.dep_ == "xcomp" and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children) \
            and head.lemma_ == "be" and subject.lower_ == "it" and subject.head.i == head.i \
            and any(child.dep_ in ("acomp", "attr") for child in head.children):
        return True
    addressed = any(child.dep_ in ("dobj", "dative") and child.lower_ in ("us", "me") for child in verb.children)
    kind = speaker_words().get(subject.lower_) or speaker_words().get(subject.lemma_.lower())
    return addressed and kind in ("thing", "document")  # not "one of them tells me"


def _anyone(subject) -> bool:
    """ "A cynic might say", "a skeptic could argue": a bare singular noun for a person after "a" or "an", with no
    words of its own that tell who (not "a spokesman for Acme", "a senior official who ..."), is anyone at all: under
    a modal other than "would" the writer's hypothesis ("a spokesman would later say" is the story's past)."""
    children = list(subject.children)
    return subject.tag_ in ("NN", "JJ") and not subject.ent_type_ and _can_speak(subject) \
        and any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in children) \
        and all(child.dep_ == "det" for child in children)


def inferred(verb) -> bool:
    """ "Acme has a beta of 1.02, indicating that its shares are more volatile", "The index has been rising, suggesting
    that optimism is back": a participle of an inference verb with no subject of its own, hung on a clause that is not
    speech and that states where its subject stands (STATE_VERBS) or has a thing as subject, is what the writer reads
    into a fact. After a cue ("The minister hinted at a deal, suggesting that …") or an act of someone who can speak
    ("Ms Lo struck a conciliatory tone, suggesting that …", "The ministry sent the forecast, suggesting they …") it
    stays the speaker's words."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in inference_verbs():
        return False
    if any(child.dep_ in SUBJECTS for child in verb.children) or verb.head is verb or cue_phrase(verb.head):
        return False
    if verb.head.lemma_.lower() in STATE_VERBS:
        return True
    subject = subject_of(verb.head)
    return subject is not None and not _can_speak(subject)


def _can_speak(token) -> bool:
    """Whether a subject may be someone who speaks: a name (tagged or a proper noun: "Price", "Sch?uble"), a pronoun,
    a word for people or bodies (not a thing)."""
    if token.ent_type_ in SPEAKING_ENTITIES or token.pos_ in ("PRON", "PROPN") \
            or (token.is_title and token.i != token.sent.start):  # "Price" mid-sentence, parsed as a noun
        return True
    lemma = token.lemma_.lower()
    kind = speaker_words().get(lemma)
    return kind not in (None, "thing", "document") or people_word(lemma)


def _is_question(clause, verb) -> bool:
    """ "asked whether …", "would not say what the message is": a question, not a statement. A wh-word
    that opens a subordinate part of the clause ("When you have a family, my study comes second",
    "What gives me hope is …") does not make it one, nor does any clause before its cue."""
    if any(child.dep_ == "mark" and child.lower_ in QUESTION_MARKS for child in clause.children):
        return True
    edge = clause.left_edge
    if edge.tag_ not in QUESTION_TAGS or clause.i < verb.i:
        return False
    path = [edge] + [ancestor for ancestor in edge.ancestors if clause in ancestor.ancestors]
    return not any(token.dep_ in SUBORDINATE_DEPS for token in path)


def _that_clause(verb) -> list[tuple[int, int]]:
    """`told a news briefing that Ku s case had been raised` is often parsed as a relative clause on
    the cue's object; take what follows "that" when "that" comes right after the object."""
    for child in verb.rights:
        if child.dep_ not in ("dobj", "dative", "npadvmod"):
            continue
        for clause in child.rights:
            opener = clause.left_edge
            if clause.dep_ == "relcl" and opener.lower_ == "that" and opener.i == child.i + 1:
                return [(opener.i + 1, clause.right_edge.i + 1)]
    return []


def _instruction(verb) -> list[tuple[int, int]]:
    """ "urged all travellers to check the advisory": a cue with an addressee reports what it asked
    for as an infinitive clause after its object."""
    if verb.lemma_.lower() not in addressee_verbs():
        return []
    has_object = any(child.dep_ in ("dobj", "dative") for child in verb.rights)
    for child in verb.rights:
        if has_object and child.dep_ == "xcomp" and child.left_edge.lower_ == "to":
            return [(child.left_edge.i, child.right_edge.i + 1)]
    return []


def _naming(verb) -> list[tuple[int, int]]:
    """ "described the attempt as a carjacking", "calls him a great kid": the characterisation is
    what was said, either the object predicate or "as" + noun phrase after the object (the parser
    hangs "as" on the object or on the verb). A label in quotation marks ("called the plan a “bold
    step”") is a scare quote, not a quote."""
    if verb.lemma_.lower() not in naming_verbs():
        return []
    return [(start, end) for start, end in _characterisation(verb) if not quoted_spans(verb.doc[start:end].text)]


def _characterisation(verb) -> list[tuple[int, int]]:
    objects = [child for child in verb.rights if child.dep_ == "dobj"]
    predicates = [child for child in verb.rights if child.dep_ == "oprd"]
    if predicates:
        return [(predicates[0].left_edge.i, predicates[0].right_edge.i + 1)]
    for prep in [token for holder in [verb] + objects[:1] for token in holder.rights] if objects else []:
        described = [child for child in prep.children if child.dep_ == "pobj"]
        if prep.lower_ == "as" and described:
            return [(described[0].left_edge.i, described[0].right_edge.i + 1)]
    return []


def _attribution_end(doc, verb, subject) -> int:
    tokens = [verb, subject] + [c for c in verb.children if c.dep_ in ("prep", "dobj", "dative", "npadvmod",
                                                                       "prt", "advmod")]
    right = max(t.right_edge.i if t is not verb else t.i for t in tokens)
    return doc[right].idx + len(doc[right].text)


def _according_to(doc, according):
    """ "According to X, …" / "…, according to X." — content is the rest of the sentence."""
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    phrase_start, phrase_end = according.i, max(to.right_edge.i, objects[0].right_edge.i) + 1
    start, end = within_paragraph(doc, according.sent.start, according.sent.end, according)
    before = trimmed(doc, start, phrase_start)
    after = trimmed(doc, phrase_end, end)
    span = max((part for part in (before, after) if part), key=lambda part: part[1] - part[0], default=None)
    if span is None or span[1] - span[0] < MIN_CONTENT_CHARS:
        return None
    return Quote(span[0], span[1], False, "according", cue=according, cue_text="according to",
                 speaker=speaker_span(objects[0]), content_first=span[0] < according.idx,
                 attribution_end=doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text))
