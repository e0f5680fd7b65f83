"""Speaker resolution: the speaker as written → the canonical entity, and the role as written.

Names come from the mentions extractor (`found["mentions"]`, canonical `entity` names) when it ran,
else from the parser's entities with short names expanded to the fullest name in the article
("Busby" → "Scott Busby"). Pronouns go to the last person ("he", "she") or organisation ("it",
"they") that spoke; a document ("the statement", "the Treasury statement") to the organisation that
issued it: the one named in the phrase of the person who made the statement ("U.S. Treasury Secretary
Steven Mnuchin said in a statement"), else the last organisation that spoke or was named. Only an ORG
issues statements: a nationality or a place used as an adjective ("the North Korean military") never
speaks for one. The role is what the text says about a named speaker ("U.S. Treasury Secretary").
Common nouns no name stands for (see Resolver._unnamed): a role noun is the person given that role,
"the government" the country named before, unnamed people ("a portfolio manager", "some", "the judge",
"his mother", "a Tory MP"), news media ("state media") and public bodies the article does not name ("the
police") are anonymous sources; "the 57-year-old" and "his administration" are the person the text names
before; things ("evidence", "54%", "the rallies", "this pact"), "no one" and "one" as anybody are no
speaker (the quote keeps none); a document or text with no issuer named ("the report said", "according to a lawsuit")
is a document (DOCUMENT), by its noun ("report", "lawsuit"); what is left is a description.
"The company" of a wire story whose body names no company is the one its headline marks with a ticker;
"usda" in lower case is the USDA; a country before a common noun ("U.S. refiners", "US officials", "US
intelligence agencies") leaves the noun speaking (an unnamed group; "the US army" that body), never the country,
except its government; a capitalised name after it ("U.S. Mint") is an organisation. "The diplomat", "the Russian
diplomat" are the person the article made foreign minister, ambassador or envoy (of that country; roles.json
lists the offices a general noun covers). A text ("the editorial", "a note from Acme") speaks for whoever its
phrase names, else is a document (never the organisation named before). A document whose words name its author's
body ("a police report", "an army statement": the army, unnamed, when no name holds it) or the agent of an issuing
clause ("a report carried by X") is theirs; one owned by "its" ("according to its latest filing") is the organisation
"its" points back to. "The company" in the sentence of its words, with no organisation spoken before, is the
organisation those words have as subject ("X raised its stake in Y, according to the company").
A bare surname two people of the article have ("Reed" of Tom and Danny Reed) is the one the text names as a subject
in its paragraph (or the one before), else stays the surname as written: no guess between two people; "the younger
Reed" is the younger by the ages or kinship the text gives ("Tom Reed, 62", "his son Danny Reed"), else the surname.
"""
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .antecedents import Antecedents, gendered_words
from .clauses import relative_antecedent, speaker_span, subject_of
from ..gazetteer import get_gazetteer
from ..toponyms import demonyms
from ..names import (COMPANY_AFTER, LEGAL_FORMS, SURNAME_PARTICLES, WRITTEN_LEGAL_FORM, alias_for, fold_words, roles,
                     title_word)
from .lexicon import addressee_verbs, cue_phrase, speaker_words
from .untagged import broken, damaged_kind, damaged_words, is_given_name, lexicon_word, lost_capital, name_shaped, \
    own_words
from ...text import squash

PERSON = "PERSON"
# The type of an unnamed source ("analysts", "traders"): a category journalists quote, not an entity.
ANONYMOUS = "ANONYMOUS"
# A document or text that speaks with no issuer the article names ("the report said", "according to a study", "the
# leaflet states"): a typed source of its own kind, its noun as one lower-case spelling (see document_name).
DOCUMENT = "DOCUMENT"
# Endings of English nouns that name people by what they do ("critic", "resident", "prosecutor").
PEOPLE_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "man", "ic", "ate")
# Nouns for a body of people that is no one organisation: in the plural ("member countries", "both sides")
# an unnamed group, as plural company and public-body nouns are ("building societies", "rights groups").
GROUP_NOUNS = {"country", "nation", "state", "side", "society", "region", "province", "city", "town",
               "household", "family", "team", "camp", "faction", "bloc", "partner", "house"}
# Pronouns that point at people the text does not name ("those who sold said").
DEMONSTRATIVE_PEOPLE = {"those"}
# Collective nouns for people that name a group in the singular ("the opposition said", "industry said").
COLLECTIVE_NOUNS = {"industry", "sector", "opposition", "public", "community", "management", "staff",
                    "workforce", "majority", "minority", "population", "electorate",
                    "establishment", "leadership", "family", "couple", "duo", "trio"}
# Determiners that make a singular common noun no lexicon knows a thing, not a source ("this pact"); "a" and
# "the" are left out: "a citizen", "a veteran" are people no lexicon lists, "the shrine" may be a body.
THING_DETERMINERS = ("this", "that", "these", "those")
# Nouns for bodies of people that no lexicon kind covers ("the AU force", "the think tank", "the campaign").
BODY_NOUNS = {"force", "tank", "campaign", "military", "alliance", "coalition", "charity", "nonprofit", "team",
              "club", "band", "crew", "panel", "jury", "palace", "regime", "junta"}
# Endings of English abstract nouns for qualities and states ("the weakness", "the volatility"), no agent;
# not -tion or -ment, which also end documents that speak for their issuer ("the agreement said").
ABSTRACT_SUFFIXES = ("ness", "ity", "ism", "hood")
# Common nouns for things that cannot speak: measures and movements of markets, and spans of time
# ("the figures said" is a parse slip, the figures are what someone reported).
NON_AGENT_NOUNS = {"price", "rate", "level", "figure", "total", "amount", "volume", "value", "rise", "fall",
                   "gain", "loss", "increase", "decrease", "decline", "drop", "growth", "change", "spread",
                   "margin", "yield", "cost", "profit", "surplus", "deficit", "pct", "percent", "share",
                   "result", "term", "sale", "purchase", "output", "demand", "supply", "activity",
                   "year", "quarter", "month", "week", "day", "period", "era", "season", "name", "initial",
                   "dividend", "bond", "difficulty", "rest"}
# Endings of nouns for texts and acts that speak for whoever issued them ("the decision", "the settlement").
DOCUMENT_ENDINGS = ("tion", "sion", "ment")
# Abstract nouns that do name bodies of people or organisations ("the federation", "the station said").
AGENT_ABSTRACTS = {"federation", "confederation", "foundation", "organisation", "organization", "institution",
                   "coalition", "station", "nation", "opposition", "population", "legislature", "community",
                   "university", "municipality", "charity", "conference", "alliance", "agence", "management",
                   "presidency", "secretariat", "directorate", "magistrature", "prefecture", "majority",
                   "minority", "leadership", "establishment", "entity", "authority", "party", "movement",
                   "delegation", "convention", "mission", "division", "congregation", "association"}
# Nouns any organisation goes by ("the organisation said"): the one that last spoke or was named before.
GENERIC_BODIES = {"organisation", "organization", "charity", "nonprofit", "club", "foundation", "institution"}
# Every common noun above that names a body of people or an agent, not a thing.
AGENT_NOUNS = AGENT_ABSTRACTS | BODY_NOUNS | GROUP_NOUNS | COLLECTIVE_NOUNS
# Names that can speak for themselves ("Pyongyang says"); a NORP ("North Korean") is a description.
ORGANISATION_TYPES = ("ORG", "GPE", "FAC")
# Who issues a statement, a study or a spokesperson's words when the text does not say.
ISSUER_TYPES = ("ORG",)
# What the body before a document's noun may resolve to and speak for it: not a place ("a government statement" is no
# country named before it, which may be another country's).
AUTHOR_TYPES = ("ORG", PERSON)
# Bodies a document is filed with, not written by ("a court filing", "court papers").
VENUE_BODIES = {"court"}
NAMED_TYPES = (PERSON,) + ORGANISATION_TYPES
# Names a common noun their last word is may stand for ("the gallery" after "the National Gallery", a FAC).
SPEAKING_PLACES = ISSUER_TYPES + ("FAC",)
ARTICLES = ("the ", "a ", "an ")
# A public body's name built from the words of its phrase ("Los Angeles District Attorney's Office") is no longer.
MAX_BODY_WORDS = 6
# A run of proper nouns this long that the parser did not tag is still taken for a person's name.
MAX_NAME_WORDS = 4
# An honorific alone is not a role ("Mr. Hemming").
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"}
# Penn tags of plural nouns, common and proper.
PLURAL_TAGS = ("NNS", "NNPS")
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "appos", "ROOT")
# Lower-case words inside an organisation's name ("Syrian Observatory for Human Rights").
NAME_CONNECTORS = {"for", "of", "and", "&"}
# Words joining the capitalised words of one name the tagger missed ("Mutual of America", "Bluestein R H & Co.").
NAME_JOINERS = {"of", "and", "&"}
# Endings of nouns that name a company by what it makes ("the glassmaker", "the carmaker").
COMPANY_ENDINGS = ("maker", "producer", "manufacturer")
# Nouns for a country's government: "the government said" is the country named before ("Japan said").
GOVERNMENT_NOUNS = {"government", "administration", "cabinet"}
# Public bodies of a kind of their own: when no name the article gives holds the noun, an unnamed one ("the police").
OWN_BODIES = {"police", "army", "navy", "coastguard", "embassy", "court", "military"}
# Nouns any public body goes by ("the agency said" after "the Secret Service"): the nearest one named before.
GENERIC_PUBLIC_BODIES = {"agency", "authority", "regulator", "watchdog"}
# Of those, the ones that stand for the country itself ("the Japanese government said" is Japan); "the
# administration" may be any body so named ("Food and Drug Administration"), else an unnamed source.
COUNTRY_GOVERNMENTS = {"government", "cabinet"}
# A public body a possessive pronoun owns speaks for that person ("his administration said", "her office said").
OWNED_BODIES = GOVERNMENT_NOUNS | {"office"}
# Words for no one at all ("nobody said", "none of them"); "one" and "body" after "no" too ("no one wants").
NOBODY_WORDS = {"nobody", "none", "noone", "nothing"}
# Words that tell two people of one surname apart by age ("the elder Reed", "the younger Reed").
ELDER_WORDS = {"elder", "eldest", "older", "oldest", "senior"}
YOUNGER_WORDS = {"younger", "youngest", "junior"}
# "Tom Reed, 62," gives his age; "his son Danny Reed" says Danny is the younger of the two, "her father Tom Reed" the
# elder.
AGE_AFTER_NAME = re.compile(r",\s*(?:aged\s+)?(\d{1,3})\b")
CHILD_WORDS = {"son", "daughter", "grandson", "granddaughter", "child"}
KIN_BEFORE_NAME = re.compile(r"\b(son|daughter|grandson|granddaughter|child|father|mother|grandfather|grandmother|"
                             r"parent)\s*,?\s*$", re.IGNORECASE)
# Verbs of a participle clause that say who got hold of a document, not who wrote it ("a report seen by Reuters").
OBTAINING_VERBS = frozenset({"obtain", "see", "review", "receive", "view", "acquire", "examine"})
# How many sentences before "they" a plural subject for people may stand ("The lawyers advise ... The advice is ...
# They say"), and before a document the organisation that issued it ("Acme said ... He added ... the paper said").
SENTENCES_BACK_FOR_THEY = 2
# Prepositions after a noun that give its topic ("a scandal over EU funds", "a report on China"), never its speaker.
TOPIC_PREPOSITIONS = ("over", "about", "on", "into", "regarding", "concerning", "against")
# Verbs whose subject made or put out a document ("Acme released a report", "the spokesman forwarded a statement"),
# besides the speech cues ("said in a statement").
ISSUING_VERBS = frozenset({"issue", "release", "publish", "send", "forward", "file", "write", "sign", "prepare",
                           "draft", "present", "submit", "post", "circulate", "distribute", "produce", "compile",
                           "carry", "bring", "lodge", "commission", "conduct"})
# Parts of speech of a head that names no speaker once every rule has passed it ("this suggests", "'s").
NON_SPEAKER_POS = ("PRON", "DET", "ADV", "ADP", "PART", "SCONJ", "CCONJ", "INTJ", "PUNCT", "SYM", "AUX")
# Pronouns and numbers that stand for unnamed people ("some said", "one said"): an unnamed source.
QUANTIFIERS = {"some", "many", "most", "several", "others", "one", "few", "both", "all",
               "half", "third", "quarter", "dozens", "hundreds", "thousands", "millions", "handful"}
# Prepositional phrases after a name that say who the speaker is ("Scott Busby, from the State Department").
ROLE_PREPOSITIONS = ("from", "of", "at", "with")
# General nouns for people that cover the offices a roles.json list names ("the diplomat" → the foreign minister).
OFFICES = {"diplomat": "diplomatic_offices", "lawmaker": "legislative_offices"}
# Determiners of an organisation the text does not name ("the head of another bank", "the chairman of a bank").
UNNAMED_DETERMINERS = ("a", "an", "another", "some")
# A company's name as wire copy writes it: in angle brackets, or capitalised words ending in a legal form.
WRITTEN_COMPANY = re.compile(r"<(?P<marked>[^<>]{2,60})>"
                             r"|(?P<name>(?:[A-Z][\w&'-]*\s+){1,4}" + WRITTEN_LEGAL_FORM + r"\b)")
# A ticker in wire marks: "<HNSN.L>", "<plen>".
WIRE_TICKER = re.compile(r"<[A-Za-z]{2,6}(?:\.[A-Z]{1,2})?>")
# Wire headlines mark the company they are about with its ticker: "ACME MINES <ACMM> 4TH QTR NET".
# or with the name itself in angle brackets: "<NEXT PLC> <NEXL.L> FIVE MONTHS".
HEADLINE_TICKER = re.compile(r"^(?:<(?P<marked>[^<>]+)>|(?P<name>[^<>]+?)(?:'S)?\s*<[A-Z.]{1,8}>)")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    type: str
    canonical: str
    role: str | None = None  # what the article calls a named person ("Finance Minister"), from the mentions


@dataclass
class Speaker:
    name: str
    type: str | None
    role: str | None = None
    organisation: "Speaker | None" = None  # the ORG named in a person's phrase: who they speak for


class Names:
    """The named entities of one article, by position, with their canonical names."""

    def __init__(self, names: list[Name]):
        self.names = sorted(names, key=lambda name: name.start)
        self.starts = [name.start for name in self.names]

    @classmethod
    def from_mentions(cls, rows: list[dict]) -> "Names":
        return cls([Name(row["start"], row["end"], row["type"], row.get("entity") or row["text"], row.get("role"))
                    for row in rows if row.get("type") in NAMED_TYPES])

    @classmethod
    def from_doc(cls, doc) -> "Names":
        found = [(ent.start_char, ent.end_char, ent.label_, _clean(ent.text)) for ent in doc.ents
                 if ent.label_ in NAMED_TYPES]
        names = []
        for start, end, label, text in found:
            canonical, kind = _fullest(start, text, label, found)
            names.append(Name(start, end, kind, canonical))
        return cls(names)

    def within(self, start: int, end: int) -> list[Name]:
        first = max(0, bisect_right(self.starts, start) - 1)
        return [name for name in self.names[first:bisect_right(self.starts, end)]
                if name.start < end and name.end > start]

    def last_before(self, char: int, types) -> Name | None:
        for name in reversed(self.names[:bisect_right(self.starts, char)]):
            if name.type in types and name.end <= char:
                return name
        return None


def _clean(text: str) -> str:
    text = squash(text).strip("<>\"“”' ")  # wire copy marks company names "<Amir Mines Ltd>"
    for article in ARTICLES:
        if text.lower().startswith(article) and len(text) > len(article):
            text = text[len(article):]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[:-len(suffix)]
    return text


def _fullest(start: int, text: str, label: str, found) -> tuple[str, str]:
    """ "Busby" → "Scott Busby": the nearest earlier (else the first later) longer name of the same
    kind whose words contain these words. A one-word name that is part of a person's name is that
    person, whatever the parser called it ("Wang" tagged ORG after "Wang Sheng")."""
    words = text.lower().split()
    matching = [(other_start, other, other_label) for other_start, _, other_label, other in found
                if (other_label == label or (other_label == PERSON and len(words) == 1))
                and len(other) > len(text) and _is_subsequence(words, other.lower().split())]
    if not matching:
        return text, label
    earlier = [match for match in matching if match[0] < start]
    _, name, kind = max(earlier) if earlier else min(matching)
    return name, kind


def _is_subsequence(short: list, long_: list) -> bool:
    remaining = iter(long_)
    return all(word in remaining for word in short)


class Resolver:
    """Walks an article's quotes in reading order, remembering who spoke last."""

    def __init__(self, doc, names: Names, quoted: list[tuple[int, int]], headline: str | None = None):
        self.doc, self.names = doc, names
        self.headline_company = headline_company(headline or "", names)
        self.antecedents = Antecedents(doc, [name for name in names.names if name.type == PERSON], quoted)
        self.last_person: Speaker | None = None
        self.last_organisation: Speaker | None = None
        self.roles: dict[str, str] = {}
        self.apposed: dict[int, str | None] = {}  # a person's mention start → the title it stands in apposition to
        self.organisations: dict[str, Speaker] = {}
        self.spoken: list[Speaker] = []
        self.settled: list[Speaker] = []  # speakers a subject before the quote was resolved to (_resolve_subject)
        self.content = (0, 0)  # the character range of the quote being resolved

    def resolve(self, span, content: tuple[int, int] = (0, 0)) -> Speaker | None:
        """The canonical speaker for a speaker span; `content` is the quote's own character range."""
        antecedent = relative_antecedent(span.root) if len(span) == 1 else None
        if antecedent is not None:
            span = speaker_span(antecedent)
        span = own_words(_subject_of_cue(span))
        if span is None or broken(span):
            return None  # 'did."?"I couldn"t', "-": a fragment of damaged text names no one
        if lost_capital(span) is not None:  # "Bus ?ireann said": whatever the parser tagged of the name it cut
            speaker = self._damaged_name(span)
            self._remember(speaker)
            return speaker
        head = span.root
        self.content = content
        kind = speaker_words().get(head.lower_) if len(span) == 1 or head.pos_ == "NOUN" or _gerund_noun(head) \
            else None
        kind = kind or (speaker_words().get(_lemma(head)) if not _business_name(span, head) else None) \
            or _document(head)
        if kind == "thing" or _nobody(head):
            return None  # "evidence suggests", "no one wants to say": no one's words
        authors = [child for child in head.lefts if child.dep_ == "compound" and kind == "document"
                   and "anonymous" in (speaker_words().get(child.lower_), speaker_words().get(child.lemma_.lower()))]
        if authors:  # "US media reports say": the media, unnamed, whatever country they are of
            author = authors[-1]
            name = author.lower_ if speaker_words().get(author.lower_) else anonymous_name(author)  # "media"
            speaker = Speaker(name, ANONYMOUS)
            self._remember(speaker)
            return speaker
        body = _author_body(head) if kind == "document" and not authors else None
        author = self._resolve_subject(body, span.doc[_first_modifier(head):body.i + 1]) if body is not None else None
        if author is not None and author.type is None:  # "an Israeli army statement": a body no name holds, unnamed
            author = Speaker(_source_phrase(span.doc[body.left_edge.i:body.i + 1]), ANONYMOUS)
        if author is not None and author.type in AUTHOR_TYPES:  # "a police report" after "the Aurora Police Department"
            self._remember(author)
            return author
        if kind == "spokesperson" and self._for_country_group(head):
            speaker = Speaker(anonymous_name(head), ANONYMOUS)  # "a spokesman for US forces": not the country
            self._remember(speaker)
            return speaker
        if kind == "text" and not head.is_lower:
            kind = None  # "Page said", "the Post said": a name, not a page or a post
        owner = self._owning_organisation(head) if kind == "document" else None
        if owner is not None:  # "according to its most recent filing with the SEC": the subject "its" points to
            self._remember(owner)
            return owner
        named = self._named(span, head, "document" if kind == "text" else kind)
        if kind == "text" and named is None:  # "the leaflet states", "a tweet said": a text no one in its phrase
            speaker = Speaker(document_name(head), DOCUMENT)  # wrote stays a document of its own, no one else's
            self._remember(speaker)
            return speaker
        if named is None and kind in (None, "role"):
            found = self._organisation_by_first_word(span) or self._person_in_phrase(span, head) \
                or self._office_holder(span, head)
            if found is not None:
                self._remember(found)
                return found
        if named is not None and named.type == PERSON and (pair := self._namesakes(self._written(named))) \
                and (elder := _age_word(span.doc, named.start)) is not None:  # "the younger Reed said" of two Reeds
            speaker = self._by_age(pair, elder) or self._namesake(self._written(named), span.start_char, pair)
        elif named is not None and named.type == PERSON and (pair := self._namesakes(self._written(named))):
            speaker = self._namesake(self._written(named), span.start_char, pair)  # "Reed said" of two Reeds
        elif named is not None:
            speaker = self._earlier_person(named.canonical) if named.type != PERSON else None
            role = _clean(span.doc.text[span.start_char:named.start].strip(" ,")) or None \
                if named.type == PERSON and named.start >= span.end_char \
                and (_is_title_word(head) or _names_people(head)) \
                else _role(span, head)  # "X's envoy, Ann Lo": the title's words, not the name
            speaker = speaker or Speaker(named.canonical, named.type, role, self._organisation_in_phrase(head, named))
        elif kind == "person":
            speaker = self._person(head, content) or self._last_person_like(head) or self.last_person
        elif kind in ("company", "institution"):
            speaker = self._organisation_noun(span, head, kind)
            if speaker.type in (None, "GPE") and _owner_pronoun(head) is not None \
                    and head.lemma_.lower() in OWNED_BODIES:  # no body named, or only the country before
                speaker = self._person(_owner_pronoun(head), content) or speaker  # "his administration": his
            if speaker.type is None and head.lemma_.lower() == "bank":
                speaker = self._central_bank(_central_bank_before(span) if not _central_bank(head) else head) or speaker
            if speaker.type is None and kind == "company":
                speaker = _company_written_before(span) or speaker
            if speaker.type is None and kind == "institution" and head.tag_ in PLURAL_TAGS:
                speaker = Speaker(_source_phrase(span), ANONYMOUS)  # "Kyrgyzstan's law enforcement agencies"
            if speaker.type is None and kind == "institution" and not _possessed(head):
                speaker = self._public_body_before(span, speaker)
        elif kind == "anonymous":
            speaker = self._definite_office(span, head) or Speaker(anonymous_name(head), ANONYMOUS)
        elif kind == "document" and _owner_pronoun(head) is not None:
            speaker = self._person(_owner_pronoun(head), content)  # "his petition said": the person it is his
        elif kind in ("organisation", "document", "spokesperson"):
            speaker = self._issuer(span, kind)
        elif kind == "first":
            speaker = None  # "I"/"we" outside quotation marks: the writer, or a quote we cannot see
        else:
            speaker = self._unlisted(span)
        if author is not None and author.type == ANONYMOUS and (speaker is None or speaker.type in (None, DOCUMENT)):
            speaker = author  # "an army statement" no named body wrote: the army, an unnamed source
        earlier = kind == "document" or any(speaker is spoken for spoken in self.spoken + self.settled)  # "it": as is
        if speaker is not None and speaker.type is None and not earlier:
            speaker = _group_or_thing(span, speaker)
        if speaker is not None and speaker.type is None and not earlier:
            speaker = self._unnamed_source(span, speaker)
        if speaker is not None:
            self._remember(speaker, reporting=_reports(span))
        return speaker

    def _named(self, span, head, kind):
        """A name in the speaker span, or for a common noun in its whole phrase ("a study by Civic Action")."""
        apposed = _apposed_person(head, self.names) if head.is_lower and (_is_title_word(head) or _names_people(head)) \
            else None  # a lower-case title, not a name ending like one ("Feldman", "Muller")
        if apposed is not None:
            return apposed  # "the EU ambassador to Brazil, Joao Cravinho, said": he, not the EU
        own = self.names.within(span.start_char, span.end_char)
        titled = self._person_after_title_word(head) if own and all(name.type in ISSUER_TYPES for name in own) else None
        if titled is not None:
            return titled  # "UN High Commissioner for Human Rights Zeid Raad said": he, not the UN
        if own and all(name.type in ISSUER_TYPES for name in own) and _someone_of_a_body(head):
            return None  # "the former EU parliamentarian": one person the body had, not the body speaking
        if own and all(name.type in ("GPE", "NORP") for name in own):
            company = _company_span(span) or _named_after_country(head, own)  # "US West Inc", "U.S. Mint"
            if company is not None:
                return company
        if own and not _group_of_country(head, own):
            return _prefer(own)
        if head.pos_ in ("NOUN",) or kind in ("document", "spokesperson"):
            phrase = [name for name in self.names.within(head.left_edge.idx, head.right_edge.idx
                                                          + len(head.right_edge.text))
                      if not _in_clause_of(head, name, None if kind == "anonymous" else OBTAINING_VERBS)
                      and not _relation_of(head, name) and not _beside_body(head, name)
                      and not _owner_of_other(head, name) and not _in_conjunct(head, name) and not _topic(head, name)
                      and not (_in_relative_clause(head, name) and (_is_title_word(head) or _names_people(head)))
                      and not (kind == "document" and _beside_agent(head, name))]
            issuers = [name for name in phrase if name.type in ISSUER_TYPES]
            if head.tag_ in PLURAL_TAGS and len({name.canonical for name in issuers}) > 1:
                return None  # "representatives of the UN, the EU and the Arab League": a group of several bodies
            if not issuers and _group_of_country(head, phrase):
                return None
            return _prefer(issuers or phrase) if phrase else None
        return None

    def _person_after_title_word(self, head) -> Name | None:
        """The person named after a title in its phrase ("UN High Commissioner for Human Rights Zeid Raad"), not
        one the title relates to ("the father of Ann Lo") or a clause describes ("the envoy who met Ann Lo")."""
        if not _is_title_word(head) or head.tag_ in PLURAL_TAGS or head.lower_ in roles()["honorifics"]:
            return None
        end = head.right_edge.idx + len(head.right_edge.text)
        return next((name for name in self.names.within(head.idx, end) if name.type == PERSON and name.start > head.idx
                     and not _relation_of(head, name) and not _in_relative_clause(head, name)
                     and not _in_clause_of(head, name) and not _owner_of_other(head, name)), None)

    def _person(self, pronoun, content) -> Speaker | None:
        name = self.antecedents.person(pronoun, content)
        return self._speaker(name) if name else None

    def _last_person_like(self, pronoun) -> Speaker | None:
        """The last person who spoke whose gender (when known) fits the pronoun."""
        wanted = gendered_words().get(pronoun.lower_)
        for earlier in reversed(self.spoken):
            known = self.antecedents.gender.get(earlier.name)
            if earlier.type == PERSON and (wanted is None or known is None or known == wanted):
                return earlier
        return None

    def _for_country_group(self, head) -> bool:
        """Whether a spokesperson speaks "for" or "of" a group or body only a country modifies ("a spokesman for US
        forces"): no organisation the text names."""
        for prep in head.rights:
            objects = [child for child in prep.children if child.dep_ == "pobj" and child.pos_ == "NOUN"] \
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of") else []
            if objects:
                names = self.names.within(objects[0].left_edge.idx, objects[0].idx + len(objects[0].text))
                return bool(names) and _group_of_country(objects[0], names)
        return False

    def _issuer(self, span, kind) -> Speaker | None:
        if kind == "organisation":
            found = self._pronoun_antecedent(span)
            if found is not None:
                return found
        if kind == "organisation" and self.last_organisation:
            return self.last_organisation
        person = self.last_person
        if person is not None and person.name in self.organisations:
            return self.organisations[person.name]
        if kind == "spokesperson":
            return self._spokesperson(span, head=span.root)
        if kind == "document" and not _possessed(span.root):
            return self._document_issuer(span)
        return self._organisation_before(span)  # "its report said"

    def _owning_organisation(self, document) -> Speaker | None:
        """ "Acme raised its stake in Zenith, according to its most recent filing with the SEC": a document owned by
        "its" or "their" is the organisation named as the subject "its" points back to (see _governing_subjects), not a
        body its phrase goes to nor one named in passing; None when no organisation is such a subject."""
        owner = next((child for child in document.children if child.dep_ == "poss"
                      and child.lower_ in ("its", "their")), None)
        if owner is None:
            return None
        for token in _governing_subjects(owner):
            found = self._subject_name(token)
            if found:
                return self._speaker(found[-1])
        return None

    def _subject_name(self, subject) -> list[Name]:
        """The organisation a subject names where its context says it is one ("its latest filing", "according to the
        company"): the last organisation tagged in its phrase (not a bare legal form, "LLC", that the tagger cut from
        a name), else its words when they are all capitalised proper nouns the tagger left untagged or took for a
        person's ("Bokf Na", "Creative Planning", "Edmond DE Rothschild Holding S.A."). Empty when it names none."""
        start, end = subject.left_edge.idx, subject.idx + len(subject.text)
        tagged = [name for name in self.names.within(start, end) if name.type in ISSUER_TYPES]
        names = [name for name in tagged if not _bare_legal_form(self.doc.text[name.start:name.end])
                 or any(other.canonical in name.canonical for other in tagged if other is not name)]
        if names:
            return names[-1:]
        words = _proper_phrase(subject)
        if words is None:
            return []
        folded = fold_words(words.text)
        same = [name for name in self.names.within(words.start_char, words.end_char)
                if (name.start, name.end) == (words.start_char, words.end_char)]  # tagged as another type: its entity
        fuller = {name.canonical for name in self.names.names if name.type in ISSUER_TYPES
                  and fold_words(name.canonical)[:len(folded)] == folded}  # "RadioShack" of "RadioShack Corp"
        canonical = same[0].canonical if same else fuller.pop() if len(fuller) == 1 else _clean(words.text)
        return [Name(words.start_char, words.end_char, "ORG", canonical)]

    def _pronoun_antecedent(self, span) -> Speaker | None:
        """Who "it" or "they" is when the text says it nearby: for "it", the nearest organisation or place named as a
        subject before it in its sentence ("Seoul condemned what it called"), else the last speaker when that was an
        organisation or a document ("the report said ... it added"); for "they", the nearest plural noun for people
        that is a subject in its sentence or the two before ("The lawyers advise ... They say"), else one organisation
        named as the subject governing it or of the sentence before ("Wells Harbor downgraded Acme. They noted": the
        firm, not the company it rated; never one of two joined subjects). None: the caller's rules."""
        head = span.root
        if head.lower_ == "it":
            for token in _governing_subjects(head):
                names = [name for name in self.names.within(token.idx, token.idx + len(token.text))
                         if name.type in ORGANISATION_TYPES]
                if names:
                    return self._speaker(names[0])
                if token.pos_ == "PROPN" and token.is_title and not self.names.within(token.idx, token.idx + 1) \
                        and token.lower_ not in speaker_words():  # "Wired broke the news, offering what it called"
                    return Speaker(_clean(speaker_span(token).text), "ORG")  # a name no tagger took, and no person's
                kind = speaker_words().get(token.lemma_.lower()) or _document(token)
                if token.is_lower and token.tag_ not in PLURAL_TAGS and (kind in ("company", "institution", "document")
                                                                         or token.lemma_.lower() in GENERIC_BODIES):
                    return self._resolve_subject(token)  # "Malaysia's foreign ministry condemns it. ... it said"
            last = self.spoken[-1] if self.spoken else None
            if last is not None and (last.type in ORGANISATION_TYPES or last.type in (None, DOCUMENT)):
                return last
            return None
        if head.lower_ == "they":
            for token in _governing_subjects(head, SENTENCES_BACK_FOR_THEY):
                if token.tag_ == "NNS" and _names_people(token):
                    return self._resolve_subject(token)
            for token in _governing_subjects(head):  # "Wells Harbor downgraded Acme. They noted": the firm
                names = [name for name in self.names.within(token.left_edge.idx, token.idx + len(token.text))
                         if name.type in ISSUER_TYPES]
                if names and not any(child.dep_ == "conj" and not _inside(child, names) for child in token.children):
                    return self._speaker(names[-1])  # "Wells Fargo & Company": one name, not two joined subjects
        return None

    def _resolve_subject(self, token, span=None) -> Speaker | None:
        """The speaker a subject noun phrase before the quote (or `span`, its words) stands for, resolved as if it had
        spoken, without recording it as a speaker (the caller records whom it returns); what it returns is final (see
        resolve)."""
        state = (list(self.spoken), dict(self.roles), dict(self.organisations), self.last_person,
                 self.last_organisation, self.content)
        found = self.resolve(span if span is not None else speaker_span(token), self.content)
        self.spoken, self.roles, self.organisations, self.last_person, self.last_organisation, self.content = state
        if found is not None:
            self.settled.append(found)
        return found

    def _document_issuer(self, span) -> Speaker:
        """ "the statement said", "the report said" with no issuer in its phrase: the issuer of the same document
        named before ("a statement by the interior ministry", "the Munich Security Report", "Acme said in a
        statement"), else the organisation named as the subject nearest before (see _subject_organisation: "Acme
        agreed to sell a plant. The settlement said"); plural documents no phrase credits ("reports said", "opinion
        polls suggest") and any other document are documents speaking (kind DOCUMENT, see document_name), never the
        organisation named last (a body the text names only as a topic)."""
        head = span.root
        if head.tag_ in PLURAL_TAGS:  # "reports said", "opinion polls suggest": documents of no one named
            return self._issuer_of(head) or Speaker(document_name(head), DOCUMENT)
        for token in [head] + list(reversed(span.doc[:span.start])):
            if token.lemma_.lower() == head.lemma_.lower() and token.pos_ in ("NOUN", "PROPN"):
                found = self._issuer_of(token)
                if found is not None:
                    return found
        return self._subject_organisation(span) or Speaker(document_name(head), DOCUMENT)  # "the motion said"

    def _subject_organisation(self, span) -> Speaker | None:
        """The organisation named as a subject nearest before the span: in its own sentence, else the main subject of
        one of the two sentences before ("Acme agreed to sell a plant. The settlement said"; "Malaysia's foreign
        ministry said it had checked. ... the statement said"): what the text is about, unlike a body it names in
        passing. A subject that is a body's common noun is resolved as that noun is."""
        sentence = span.sent
        subjects = [token for token in reversed(span.doc[sentence.start:span.start])
                    if token.dep_ in ("nsubj", "nsubjpass")]
        subjects += _main_subjects_before(sentence, SENTENCES_BACK_FOR_THEY)
        for token in subjects:
            names = [name for name in self.names.within(token.left_edge.idx, token.idx + len(token.text))
                     if name.type in ISSUER_TYPES]
            if names:
                return self._speaker(names[-1])
            if token.is_lower and token.tag_ not in PLURAL_TAGS and speaker_words().get(token.lemma_.lower()) in (
                    "company", "institution"):  # the parser may tag "ministry" a proper noun
                found = self._resolve_subject(token)
                if found is not None and found.type in ISSUER_TYPES:
                    return found
        return None

    def _issuer_of(self, document) -> Speaker | None:
        """Who issued a document the text names: a name that ends in the noun ("the Munich Security Report"), an
        organisation in its phrase ("a statement by the White House"), a body its phrase names by a common noun ("a
        statement by the interior ministry"), or the named subject of the verb it belongs to ("Acme said in a
        statement", "Acme released a report"); None when the text does not say."""
        own = [name for name in self.names.within(document.idx, document.idx + len(document.text))]
        if own:
            return self._speaker(own[0])
        end = document.right_edge.idx + len(document.right_edge.text)
        phrase = [name for name in self.names.within(document.left_edge.idx, end) if name.type in ORGANISATION_TYPES
                  and _credits(document, name)]
        if phrase:
            return self._speaker(phrase[0])
        issued = self._issued_by(document)
        if issued is not None:
            return issued
        for prep in document.rights:
            body = next((child for child in prep.children if child.dep_ == "pobj"), None) \
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from") else None
            kind = speaker_words().get(body.lemma_.lower()) if body is not None else None
            if kind in ("company", "institution"):
                found = self._organisation_noun(document.doc[body.left_edge.i:body.i + 1], body, kind)
                if found.type is not None:
                    return found
        verb = document.head.head if document.dep_ == "pobj" else document.head
        if document.dep_ not in ("dobj", "pobj") or not (cue_phrase(verb) or verb.lemma_.lower() in ISSUING_VERBS):
            return None  # "Rudd broke the law": not the law's author
        subject = subject_of(verb)
        if subject is None:
            return None
        names = self.names.within(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
        if not names:
            return None
        name = _prefer(names)
        if name.type == PERSON and name.canonical in self.organisations:
            return self.organisations[name.canonical]
        return self._speaker(name)

    def _issued_by(self, document) -> Speaker | None:
        """ "a lawsuit filed by Acme Corp", "a report carried by the state news agency": the agent of an issuing verb
        whose clause describes the document, named or a body's common noun resolved as if it spoke (not "a report
        seen by Reuters": seeing issues nothing)."""
        for clause in document.rights:
            if clause.dep_ != "acl" or clause.lemma_.lower() not in ISSUING_VERBS:
                continue
            agent = next((child for child in clause.children if child.dep_ == "agent"), None)
            author = next((child for child in agent.children if child.dep_ == "pobj"), None) if agent else None
            if author is None:
                continue
            end = author.right_edge.idx + len(author.right_edge.text)
            names = [name for name in self.names.within(author.left_edge.idx, end) if name.type in NAMED_TYPES]
            if names:
                return self._speaker(_prefer(names))
            found = self._resolve_subject(author)
            return found if found is not None and found.type is not None else None
        return None

    def _organisation_before(self, span) -> Speaker | None:
        """The organisation that spoke last, else the one named last before the span."""
        last = self.last_organisation
        return last if last is not None and last.type in ISSUER_TYPES else self._mention_before(span, ISSUER_TYPES)

    def _recent_issuer(self, span) -> Speaker | None:
        """The organisation a bare "a spokesman" speaks for: the one that spoke last, when it is the last
        speaker; else one named in that sentence or the one before. None after an unnamed source and when the
        organisation is further back (an EU named three paragraphs up employs no "spokesman" of a later one)."""
        last = self.last_organisation
        if last is not None and last.type in ISSUER_TYPES and self.spoken and self.spoken[-1] is last:
            return last
        if self.spoken and self.spoken[-1].type == ANONYMOUS:
            return None  # "A No 10 spokesman said ... A spokesman added": the same unnamed source, no organisation
        sentence = span.sent
        previous = span.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        name = self.names.last_before(span.start_char, ISSUER_TYPES)
        if name is not None and name.start >= previous:
            return self._speaker(name)
        return None

    def _spokesperson(self, span, head) -> Speaker:
        """ "a company spokesman" → the company (as for "the company"); "a Chinese foreign ministry
        spokesman" → the ministry; a bare "a spokesman" → the organisation that just spoke or was named
        in that sentence or the one before; someone's ("her spokesman", "a No 10 spokesman") or any other an
        unnamed source."""
        for token in head.lefts:
            kind = speaker_words().get(token.lemma_.lower())
            if kind in ("company", "institution"):
                found = self._organisation_noun(span, token, kind, first=min(c.left_edge.i for c in head.lefts))
                if found.type is not None:
                    return found
        if any(child.dep_ not in ("det", "punct") for child in head.lefts):  # "her spokesman", "a No 10 spokesman"
            return Speaker(anonymous_name(head), ANONYMOUS)  # someone's, whom no name holds: not the last organisation
        owner = _spoken_for(head)
        if owner is not None:  # "a spokesman for the British leader": whom no organisation's name holds
            kind = speaker_words().get(owner.lemma_.lower())
            found = self._organisation_noun(span, owner, kind) if kind in ("company", "institution") else None
            return found if found is not None and found.type is not None else Speaker(anonymous_name(head), ANONYMOUS)
        return self._recent_issuer(span) or Speaker(anonymous_name(head), ANONYMOUS)

    def _organisation_noun(self, span, noun, kind, first: int | None = None) -> Speaker:
        """ "the ministry", "the Ontario government", "the Chinese foreign ministry": the organisation the
        article names that fits (see _nominal); else, for a public body the words name ("Ontario
        Government", "Chinese Foreign Ministry": the entity other articles name with capitals), that one.
        A description (no entity) when there is none."""
        first = min([child.left_edge.i for child in noun.lefts], default=noun.i) if first is None else first
        words = [t for t in span.doc[first:noun.i + 1] if t.pos_ not in ("DET", "PUNCT", "PART", "PRON")]
        found = self._nominal(span, noun, kind, [t.lower_ for t in words])
        if found.type is None and kind == "institution" and 2 <= len(words) <= MAX_BODY_WORDS \
                and noun.tag_ not in PLURAL_TAGS:
            return Speaker(" ".join(t.text[:1].upper() + t.text[1:] + _possessive_after(t) for t in words), "ORG")
        if found.type is None and len(words) == 1 and noun.lemma_.lower() in COUNTRY_GOVERNMENTS:
            return self._country_before(span) or found
        return found

    def _public_body_before(self, span, description: Speaker) -> Speaker:
        """ "the agency said" that no name holds: the one public body the article names before it ("the Food and
        Drug Administration"), for a noun any public body goes by the nearest one ("the Secret Service"), or an
        organisation it calls by that noun ("AP news agency");
        with none named before (companies are no police), and for a plural or "the administration", an unnamed
        source of that kind ("the police", "state radio", "intelligence agencies"); with two in the nearest one's
        sentence, the description."""
        noun = span.root.lemma_.lower()
        if noun in OWN_BODIES:
            return Speaker(_source_phrase(span), ANONYMOUS)  # "the police" no name holds: not the ministry before
        bodies = [name for name in self.names.names if name.type in ISSUER_TYPES and name.end <= span.start_char
                  and (_public_body(name.canonical) or _called(span.doc.text, name, noun))]
        if span.root.tag_ in PLURAL_TAGS or noun in GOVERNMENT_NOUNS or not bodies:
            return Speaker(_source_phrase(span), ANONYMOUS)  # "US intelligence agencies", "the administration"
        if noun not in GENERIC_PUBLIC_BODIES and len({body.canonical for body in bodies}) > 1:
            return description  # "the embassy" after a museum and a ministry: no guess
        nearest = bodies[-1]
        words = span.doc.char_span(nearest.start, nearest.end, alignment_mode="expand")
        sentence = words.sent.start_char if words is not None else nearest.start
        if len({body.canonical for body in bodies if body.start >= sentence}) > 1:
            return description  # "the FDA and the Health Board approved it. The agency said": no guess
        return self._speaker(nearest)

    def _country_before(self, span) -> Speaker | None:
        """ "the government said": the country named last before it (a place whose best-known reading is a
        country), speaking as "Japan said" would."""
        for name in reversed(self.names.names[:bisect_right(self.names.starts, span.start_char)]):
            if name.type == "GPE" and name.end <= span.start_char and _country(name.canonical):
                return Speaker(name.canonical, "GPE")
        return None

    def _nominal(self, span, head, kind, words: list[str]) -> Speaker:
        """ "the company said", "the ministry said": the organisation that last spoke, else the nearest
        one named before, whose name holds the noun ("the bank" → "Bank of Canada") and the word before
        it ("foreign ministry"); with no organisation spoken before, a "company" in the sentence of its words is the
        organisation they have as subject (see _content_subject). Failing that, for a business noun the last company
        (no public body) that spoke or was named, else the first named after. A description (no entity) when there is
        none."""
        noun = head.lemma_.lower()
        wanted = {noun, *words[-2:-1]}
        spoke = [Name(0, 0, speaker.type, speaker.name) for speaker in self.spoken if speaker.type in ISSUER_TYPES]
        named = [name for name in self.names.names if name.type in ISSUER_TYPES and name.end <= span.start_char]
        later = [name for name in reversed(self.names.names) if name.type in ISSUER_TYPES
                 and name.start >= span.end_char] if kind == "company" else []
        headline = [self.headline_company] if kind == "company" and self.headline_company else []
        subject = self._content_subject(span) if kind == "company" else []
        for candidates in (spoke, subject, headline, named, later):  # subject, headline, later: for a company only
            holding = [name for name in candidates if wanted <= set(fold_words(name.canonical))]
            if not holding and kind == "company":
                holding = [name for name in candidates if candidates in (headline, subject)
                           or not _public_body(name.canonical)]  # the subject of its words: whatever its name
            if holding:
                return self._speaker(holding[-1])
        return Speaker(_clean(span.text).lower(), None)

    def _content_subject(self, span) -> list[Name]:
        """ "Birchwood LLC raised its stake in Acme Corp., according to the company", "Acme will buy Zenith Inc, the
        company said": a "company" that speaks in the sentence of its words, after them or in "according to", is the
        organisation named as the subject of those words (what they are about), not one they name in passing (a
        ticker's company, an object, a list). Empty when the words are elsewhere or their subject names none."""
        start, end = self.content
        sentence = span.sent
        if end <= start or start < sentence.start_char or end > sentence.end_char \
                or not (end <= span.start_char or _after_according_to(span)):
            return []
        words = span.doc.char_span(start, end, alignment_mode="expand")
        subjects = [child for child in words.root.children if child.dep_ in ("nsubj", "nsubjpass")] if words else []
        for subject in subjects:
            found = self._subject_name(subject)
            if found:
                return found
        return []

    def _organisation_in_phrase(self, head, person: Name) -> Speaker | None:
        """ "U.S. Treasury Secretary Steven Mnuchin" → the Treasury: the ORG in the noun phrase of a named person."""
        if person.type != PERSON:
            return None
        end = head.right_edge.idx + len(head.right_edge.text)
        found = [name for name in self.names.within(head.left_edge.idx, end) if name.type in ISSUER_TYPES]
        return Speaker(found[0].canonical, found[0].type) if found else None

    def _mention_before(self, span, types) -> Speaker | None:
        """The last name of those types before the span, not a medium someone spoke to ("told Reuters news agency") or
        that reported the news ("the Associated Press reported")."""
        for name in reversed(self.names.names[:bisect_right(self.names.starts, span.start_char)]):
            if name.type in types and name.end <= span.start_char and not self._addressee(name):
                return self._speaker(name)
        return None

    def _addressee(self, name: Name) -> bool:
        """Whether a name is who a cue's speaker spoke to ("told The Associated Press") or a medium that reported."""
        words = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if words is None:
            return False
        root = words.root
        while root.dep_ in ("compound", "appos") and root.head is not root:  # "told Reuters news agency"
            root = root.head
        return (root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in addressee_verbs()) or _reports(words)

    def _unlisted(self, span) -> Speaker:
        """A speaker the entity list lacks: a name ("Sun Xingjie", then "Sun") or a description."""
        text = _clean(span.text)
        named = self._damaged_name(span) or self._named_surname(span) or _written_lower(span, self.names) \
            or self._acronym_after_the(span) \
            or _company_of_word(span) or _initials(span, self.names) or self._ticker_after_name(span)
        if named is not None:
            return named
        company = _company_span(span)  # "<American Acme Motor Co Inc> said": a company's name, whatever its tags
        if company is not None:
            return Speaker(company.canonical, "ORG")
        if not all(token.pos_ == "PROPN" or token.is_punct for token in span):
            capitals = _in_capitals(span.root)
            if capitals:
                return Speaker(capitals, "ORG")
            if any(token.pos_ == "PROPN" for token in span):
                if text.split()[-1].lower().rstrip(".") in LEGAL_FORMS:
                    return Speaker(text, "ORG")  # "Amir Mines Ltd": a company's name, whatever its tags
                if span.root.pos_ != "PROPN" and _names_people(span.root):  # "an INA correspondent"
                    return self._unnamed(span, span.root) or Speaker(text, None)
                return self._person_after_title(span) or self._organisation_after_noun(span) \
                    or self._capitalised_name(span) or Speaker(text, None)
            return self._unnamed(span, span.root) or self._capitalised_name(span) or Speaker(text.lower(), None)
        if len(text.split()) > MAX_NAME_WORDS:  # "Waseda University Political Science Professor Mitsuru Uchida"
            return self._earlier_person(text) or self._person_after_title(span) or Speaker(text, None)
        if _business_name(span, span.root):
            return Speaker(text, "ORG")  # "ETF Channel": a business's name, not a person's
        return self._earlier_person(text) or _plural_group(span.root) or Speaker(text, PERSON)

    def _capitalised_name(self, span) -> Speaker | None:
        """ "Ramishvili said" after a quote, "the Syrian Observatory for Human Rights said", "says Recycle Now":
        capitalised words no lexicon knows that the parser took for common words (see _capitalised_word for one
        word). Several joined by "for", "of" or "and" are an organisation's name; several with no joining word a
        person's when the first is a given name, else an organisation's; "the" and one such word the organisation
        the article names with that word ("the Academy" after "the Academy of Motion Picture Arts"), else one of
        that name."""
        words = [token for token in span if not (token.i == span.start and token.lower_ == "the")]
        content = [token for token in words if token.lower_ not in NAME_CONNECTORS]
        if content and len(words) == len(content) and name_shaped(content):
            text = span.doc[content[0].i:content[-1].i + 1].text
            if is_given_name(content[0].text):
                return self._person_called(text) or Speaker(text, PERSON)
            return Speaker(text, "ORG")
        if not content or not all(token.is_title or (token.is_upper and token.is_alpha) for token in content) \
                or any(_lemma(token) in speaker_words() or _is_title_word(token) or token.is_stop for token in content):
            return None
        if len(content) == 1 and len(span) == 1:
            return self._capitalised_word(span, content[0])
        if len(content) == 1 and len(span) == 2 and content[0].pos_ == "PROPN" and len(content[0].text) > 2:
            return self._organisation_with_word(content[0].text) or Speaker(content[0].text, "ORG")  # "the Academy"
        if len(words) > len(content) >= 2 and words[-1] in content:
            return Speaker(span.doc[words[0].i:words[-1].i + 1].text, "ORG")
        return None

    def _capitalised_word(self, span, token) -> Speaker | None:
        """One capitalised word for the speaker: where no sentence starts, a person's name (surname or given name:
        the person the article names so, else a person of that name) unless a nationality ("said Syrian"); at a
        sentence's start, where any word is capitalised, only the one person the article names so ("Stone said"
        after "Roger Stone"). So is a word written with "a" or an adjective ("a senior Republican", "an emotional
        Federer"): a common noun unless the article names someone so."""
        before = span.doc.text[:span.start_char].rstrip().rstrip("\"'”’").rstrip()  # '... call." Rallies': a sentence
        word = token.text.strip(".-,;:'\"")
        if token.lower_.endswith("ing"):  # "Condemning"
            return None
        if before and before[-1] not in ".!?:;" and token.pos_ in ("NOUN", "PROPN", "ADJ") \
                and word not in demonyms() and not _common_use(token):  # "a senior Republican": a noun, unless named
            return self._named_surname(span, word) or self._person_called(word) or Speaker(word, PERSON)
        return self._person_called(word) or _pointed_person(token, word)

    def _damaged_name(self, span) -> Speaker | None:
        """ "Th" and "o" around two U+FFFD "said", "Bus ?ireann said": a capitalised name the source damaged into
        replacement characters or a "?", which the parser splits and tags as it can: a person's (the one the article
        names so, else one of that name), or an organisation's (see untagged.damaged_kind)."""
        words = damaged_words(span) or lost_capital(span)
        if words is None:
            return None
        name = " ".join(words)
        if damaged_kind(words) == "ORG":
            return Speaker(name, "ORG")
        return self._person_called(name) or Speaker(name, PERSON)

    def _person_called(self, text: str) -> Speaker | None:
        """The person a name as written stands for: one who spoke before with those words in their name ("Sun" after
        "Sun Xingjie"), else, for one word, the one person the article names whose given name or surname it is
        ("Ramirez", "Lubna"); None when none or several are."""
        found = self._earlier_person(text)
        if found is not None or len(text.split()) != 1:
            return found
        word = text.lower()
        people = {name.canonical for name in self.names.names if name.type == PERSON and len(name.canonical.split()) > 1
                  and word in (name.canonical.split()[0].lower(), name.canonical.split()[-1].lower())}
        if len(people) != 1:
            return None
        canonical = people.pop()
        return self._with_role(canonical, PERSON)

    def _organisation_with_word(self, word: str) -> Speaker | None:
        """The one organisation or facility the article names with this word in its name ("Academy" → "Academy of
        Motion Picture Arts and Sciences"); None when none or several are."""
        folded = fold_words(word)
        found = {(name.canonical, name.type) for name in self.names.names
                 if name.type in SPEAKING_PLACES and folded and folded[0] in fold_words(name.canonical)}
        if len(found) != 1:
            return None
        canonical, kind = found.pop()
        return self._with_role(canonical, kind)

    def _unnamed(self, span, head) -> Speaker | None:
        """A common noun no name in the article stands for. "the minister": the person the article names
        with that word in their role ("Finance Minister Ali Reza"); "the glassmaker": the company named
        before, as for "the company"; "a portfolio manager", "the trader", "critics", "some", "one":
        unnamed sources of that kind ("manager", "some"). None for anything else: an office holder or a
        relative the text does not name ("the prime minister", "his father") or a thing is a description."""
        if head.lower_ == "one" and (_of_things(head) or _generic_one(head)):
            return None  # "one of the charges says": a thing; "one can argue": anybody, no source
        if head.lower_ in QUANTIFIERS:
            return Speaker(head.lower_, ANONYMOUS)
        if _aged(head):  # "the 57-year-old said": the person the sentence or the ones before name
            return self._person(head, self.content) or Speaker("person", ANONYMOUS)
        if head.pos_ == "NOUN" and any(_aged(child) for child in head.lefts):  # "a 30-year-old model": someone unnamed
            return Speaker(anonymous_name(head), ANONYMOUS)
        earlier = self._earlier_source(head) or self._organisation_by_last_word(span, head)
        if earlier is not None:
            return earlier
        if head.lemma_.lower().endswith(COMPANY_ENDINGS):
            found = self._nominal(span, head, "company", [])
            return found if found.type is not None else None
        if not _names_people(head):
            return None
        if head.tag_ == "NNS":  # "the ministers said": a group, never the one person given that role
            return _plural_group(head) or Speaker(anonymous_name(head), ANONYMOUS)
        person = self._person_by_role(span, head.lemma_.lower())
        return person or Speaker(anonymous_name(head), ANONYMOUS)  # "the judge", "his father": someone unnamed

    def _unnamed_source(self, span, description: Speaker) -> Speaker:
        """A description once every rule has passed it, with a name in its words ("a Tory MP", "Morocco's
        Minister", "the Scottish FA"): a title or a noun for people is the person the article gives that role,
        else an unnamed source of that noun; a noun for a body of people ("the US-led coalition", "the AU
        force") an unnamed source of that phrase; anything else stays the description."""
        head = span.root
        if head.pos_ not in ("NOUN", "PROPN") or _inside(head, self.names.within(span.start_char, span.end_char)):
            return description
        lemma = head.lemma_.lower()
        owner = _owner_pronoun(head)
        if owner is not None and speaker_words().get(lemma) is None and not _names_people(head) \
                and head.tag_ not in PLURAL_TAGS:
            return self._person(owner, self.content)  # "his opinion", "her Twitter feed": the person, or no one
        if head.tag_ not in PLURAL_TAGS and (_is_title_word(head) or _names_people(head)):
            return self._person_by_role(span, lemma) or Speaker(anonymous_name(head), ANONYMOUS)
        if lemma in AGENT_NOUNS and any(
                child.dep_ in ("amod", "compound", "poss", "nmod") or child.lower_ in UNNAMED_DETERMINERS
                for child in head.lefts):  # not a bare "the federation": the one named, or a description
            return Speaker(_source_phrase(span), ANONYMOUS)
        if lemma in AGENT_NOUNS and head.tag_ not in PLURAL_TAGS and any(child.lower_ == "the" for child in head.lefts):
            last = self._organisation_before(span) if lemma in GENERIC_BODIES else None
            if last is not None:
                return last  # "the charity said" with no charity named by that word: the organisation before
            return Speaker(_source_phrase(span), ANONYMOUS)  # "the palace", "the military", "the family": unnamed
        return description

    def _person_in_phrase(self, span, head) -> Speaker | None:
        """ "Canada's Minister of State for Finance, Tom Hockin, said", "Portuguese Ambassador to Peking Octavio
        Valerio said": a title (or a noun for people) whose phrase goes on to a person's name is that person,
        the words before the name their role."""
        if not (_is_title_word(head) or _names_people(head) or head.lower_ == "one") or head.tag_ in PLURAL_TAGS:
            return None
        end = head.right_edge.idx + len(head.right_edge.text)
        people = [name for name in self.names.within(head.idx, end) if name.type == PERSON and name.start > head.idx
                  and not _relation_of(head, name) and not _in_relative_clause(head, name)
                  and not _owner_of_other(head, name)]
        if not people:
            return None
        person = people[0]
        role = _clean(span.doc.text[span.start_char:person.start].strip(" ,"))
        return Speaker(person.canonical, PERSON, role or None)

    def _office_holder(self, span, head) -> Speaker | None:
        """ "The Governor said", "the King said", "the group's president said": one office ("the" and a title,
        capitalised or not) is the nearest person named before whose role holds that title."""
        if head.tag_ in PLURAL_TAGS or not _is_title_word(head) or _of_unnamed(head) or not any(
                (child.dep_ == "det" and child.lower_ in ("the", "this", "that"))
                or (child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"))
                for child in head.children):  # "the Governor", "the group's president"
            return None
        return self._person_by_role(span, head.lower_.rstrip(".")) or self._body_of_office(head)

    def _definite_office(self, span, head) -> Speaker | None:
        """ "the Russian diplomat", "Russia's top diplomat", "this official": one unnamed source's noun made definite
        is the person the article gave a role that holds it or an office it covers (see _person_by_role), unless the
        same noun spoke unnamed before ("an official said ... the official said")."""
        if head.tag_ in PLURAL_TAGS or self._earlier_source(head) is not None or not any(
                (child.dep_ == "det" and child.lower_ in ("the", "this", "that"))
                or (child.dep_ == "poss" and child.pos_ == "PROPN") for child in head.children):
            return None
        return self._person_by_role(span, head.lemma_.lower())

    def _body_of_office(self, head) -> Speaker | None:
        """ "The Governor of the Central Bank of Ruritania said" with no governor named: the body the office is
        of speaks; "the embassy's agricultural officer": an office of a body the text does not name is an
        unnamed source of that kind ("officer")."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                end = prep.right_edge.idx + len(prep.right_edge.text)
                bodies = [name for name in self.names.within(prep.idx, end) if name.type in ISSUER_TYPES]
                if bodies:
                    return self._speaker(bodies[0])
        owner = next((child for child in head.children if child.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "NOUN":
            return Speaker(anonymous_name(head), ANONYMOUS)
        return None

    def _organisation_by_first_word(self, span) -> Speaker | None:
        """ "Dixons said" after "Dixons Group PLC said", the parser taking the name for a plural noun: one
        capitalised word that starts the name of an organisation the article names is that organisation (a word
        tagged as a name only when that name ends in a legal form: "Facebook" is not "Facebook Research"; the
        one whose name ends in a legal form, else the one it names most often, then the nearest before)."""
        if len(span) != 1 or not span[0].is_title or len(span[0].text) < 3 or span[0].lower_ in speaker_words():
            return None  # a lone letter ("S") starts too many names
        word = fold_words(span.text)
        headline = [self.headline_company] if self.headline_company else []
        starting = [name for name in self.names.names + headline if name.type in ISSUER_TYPES
                    and len(fold_words(name.canonical)) > 1 and fold_words(name.canonical)[:1] == word
                    and (span[0].pos_ != "PROPN" or fold_words(name.canonical)[-1] in LEGAL_FORMS)]
        if not starting:
            return None
        counts = Counter(name.canonical for name in starting)
        found = max(starting, key=lambda name: (fold_words(name.canonical)[-1] in LEGAL_FORMS, counts[name.canonical],
                                                name.end <= span.start_char, -abs(name.start - span.start_char)))
        return self._speaker(found)

    def _ticker_after_name(self, span) -> Speaker | None:
        """ "Hanson Trust Plc <HNSN.L> said", "Plenum Publishing Corp <plen> said": a ticker in angle brackets
        taken for the speaker is the organisation named right before it."""
        text = span.doc.text
        start = text.rfind("<", 0, span.start_char + 1)
        if start < 0 or not WIRE_TICKER.fullmatch(text[start:span.end_char].strip() + (
                "" if text[start:span.end_char].strip().endswith(">") else ">")):
            return None
        name = self.names.last_before(start, ISSUER_TYPES)
        if name is None or text[name.end:start].strip(" >'s") != "":
            return None
        return self._speaker(name)

    def _central_bank(self, head) -> Speaker | None:
        """ "the Dutch central bank", "the central bank" after "Chile": the central bank of the country the
        phrase names, else of the country named last before it, by that name ("Dutch Central Bank")."""
        if head is None:
            return None
        span = head.doc[head.left_edge.i:head.i + 1]
        words = [t.text for t in span.doc[head.left_edge.i:head.i] if t.pos_ not in ("DET", "PUNCT", "PART")]
        place = words[:words.index("central")] if "central" in words else []
        if place and all(word[:1].isupper() for word in place):
            return Speaker(" ".join(place) + " Central Bank", "ORG")
        country = self._country_before(span)
        if country is None:
            return None
        name = country.name if country.name != country.name.lower() else country.name.title()  # lower-case copy
        return Speaker(f"{name} Central Bank", "ORG")

    def _earlier_source(self, head) -> Speaker | None:
        """ "the lawyer said" after "a Chicago-based lawyer said": the unnamed source of that noun that spoke
        before in the article."""
        if head.tag_ == "NNS" or not any(child.lower_ == "the" for child in head.children):
            return None
        name = anonymous_name(head)
        return next((earlier for earlier in reversed(self.spoken)
                     if earlier.type == ANONYMOUS and earlier.name == name), None)

    def _organisation_by_last_word(self, span, head) -> Speaker | None:
        """ "the federation said", "the institute said", "the gallery said": the nearest organisation (or facility
        that speaks as its institution: "National Gallery") named before whose name ends in that noun ("Northern
        Rivers Federation")."""
        if head.pos_ != "NOUN" or head.tag_ == "NNS" or not any(child.lower_ == "the" for child in head.children):
            return None
        noun = head.lemma_.lower()
        for name in reversed(self.names.names[:bisect_right(self.names.starts, span.start_char)]):
            if name.type in SPEAKING_PLACES and name.end <= span.start_char \
                    and fold_words(name.canonical)[-1:] == [noun]:
                return self._speaker(name)
        return None

    def _person_by_role(self, span, noun: str) -> Speaker | None:
        """The nearest person named before the span whose role holds the noun ("the minister" → "Finance
        Minister Ali Reza") or an office the noun covers ("the diplomat" → "Foreign Minister Sergey Lavrov"),
        of the span's country when the span and the role both give one ("the Russian diplomat" is no
        "Hungarian Foreign Minister")."""
        offices = [[noun]] + [office.split() for office in roles().get(OFFICES.get(noun, ""), ())]
        country = _country_of([token.text for token in span if token.i < span.root.i])
        for name in reversed(self.names.names[:bisect_right(self.names.starts, span.start_char)]):
            if name.type != PERSON or name.end > span.start_char:
                continue
            role = next((role for role in self._roles_given(name, span.start_char) if _holds_office(role, offices)
                         and _same_country(country, _country_of(_words_before_title(role)))), None)
            if role is not None:
                return Speaker(name.canonical, PERSON, role)
        return None

    def _roles_given(self, person: Name, before: int) -> list[str]:
        """The roles the text gives a person before a position, at every mention of them (a title before the name,
        an appositive after it, or a title the name stands in apposition to), and the role they spoke with."""
        found = [name.role or self._apposed_title(name)
                 for name in self.names.names[:bisect_right(self.names.starts, before)]
                 if name.type == PERSON and name.canonical == person.canonical and name.end <= before]
        return [role for role in found + [self.roles.get(person.canonical)]  # not "the father of" Ann Lo: his
                if role and role.split()[-1].lower() not in ("the", "a", "an", "in", "at", "by", "with", "on")
                and (role.split()[-1].lower() not in ("of", "for", "to")
                     or any(word.lower() in roles()["titles"] for word in role.split()))]  # "narrator in the" Lo ad

    def _apposed_title(self, name: Name) -> str | None:
        """ "Russia's Ambassador to the United Nations, Vitaly Churkin, said", "Russia's envoy in Geneva Alexei
        Borodavkin said": a title written a few words before a name, with no verb, conjunction or stop between,
        is the person's role: the title's phrase up to the name."""
        if name.start not in self.apposed:
            self.apposed[name.start] = None
            words = self.doc.char_span(name.start, name.end, alignment_mode="expand")
            first = words.start if words is not None else 0
            before = [token for token in self.doc[max(words.sent.start if words is not None else 0, first - 8):first]]
            if before and before[-1].pos_ == "ADP":
                before = []  # "the father of Ann Lo": a title of someone else
            for token in reversed(before):
                if token.pos_ in ("VERB", "AUX", "CCONJ", "PRON") or (token.is_punct and token.text not in ",-"):
                    break
                if token.pos_ in ("NOUN", "PROPN") and _is_title_word(token) \
                        and token.lower_ not in roles()["honorifics"]:
                    start = min([child.left_edge.idx for child in token.lefts], default=token.idx)
                    self.apposed[name.start] = _clean(self.doc.text[start:name.start].strip(" ,")) or None
                    break
        return self.apposed[name.start]

    def _organisation_after_noun(self, span) -> Speaker | None:
        """ "state-run oil company Ecopetrol": a capitalised word ending the span after a company's or public
        body's noun is that organisation's name."""
        root = span.root
        before = span.doc[root.i - 1] if root.i > span.start else None
        if root.pos_ == "PROPN" and root.i == span.end - 1 and root.text[:1].isupper() and before is not None \
                and speaker_words().get(before.lemma_.lower()) in ("company", "institution"):
            return Speaker(root.text, "ORG")
        return None

    def _person_after_title(self, span) -> Speaker | None:
        """ "Director General of Mineral Affairs Hendrik Smit", "spokesman de Wit": the capitalised words
        that end the span after a title or a lower-case word (with a surname particle) are a person; after
        "the" alone they are an organisation's name ("The Harlan Valley Royalty Trust")."""
        root = span.root
        if root.pos_ != "PROPN" or root.i != span.end - 1 or not root.is_title:
            return None
        first = root.i
        while first > span.start and span.doc[first - 1].pos_ == "PROPN" and span.doc[first - 1].is_title \
                and not _is_title_word(span.doc[first - 1]):
            first -= 1
        if first == span.start + 1 and span[0].lower_ == "the" and root.i > first:
            return Speaker(span.doc[first:root.i + 1].text, "ORG")  # "The Harlan Valley Royalty Trust": no person
        particle = first > span.start and span.doc[first - 1].lower_ in SURNAME_PARTICLES
        while first > span.start and span.doc[first - 1].lower_ in SURNAME_PARTICLES:
            first -= 1
        words = span.doc[first:root.i + 1]
        before = span.doc[first - 1] if first > span.start else None
        given = len(words) == 1 and before is not None and before.is_lower \
            and (_names_people(before) or _is_title_word(before)) and root.tag_ not in PLURAL_TAGS \
            and not (_names_people(root) or _is_title_word(root))  # "Syrian activist Lubna": one name after a title
        if (first == span.start and not particle) or not (2 <= len(words) <= MAX_NAME_WORDS or given):
            return None
        return self._earlier_person(words.text) or Speaker(words.text, PERSON, _clean(span.doc[span.start:first].text))

    def _acronym_after_the(self, span) -> Speaker | None:
        """ "the FT said": a word in capitals after "the" is the organisation the article names with those
        initials ("Financial Times"), else an organisation of that name."""
        if len(span) != 2 or span[0].lower_ != "the" or not span[1].text.isupper() or not span[1].text.isalpha():
            return None
        letters = span[1].text
        for name in reversed(self.names.names[:bisect_right(self.names.starts, span.start_char)]):
            initials = "".join(word[0] for word in name.canonical.split() if word[:1].isupper())
            if name.type in ISSUER_TYPES and initials == letters:
                return self._speaker(name)
        return Speaker(letters, "ORG")

    def _named_surname(self, span, word: str | None = None) -> Speaker | None:
        """ "Stals said", the parser taking the surname for a plural noun: the person named before
        ("Chris Stals") whose last word it is (or is `word`, the span's word without stray marks); of two people
        of that surname, the one the text points to (see _namesake). A surname in capitals ("HENDRICKS SAID" in a
        story written partly in capitals) is the person of that surname too."""
        if len(span) != 1 or not (span[0].is_title or (span[0].is_upper and span[0].is_alpha and len(span[0]) > 2)):
            return None
        if pair := self._namesakes(word or span.text):
            return self._namesake(word or span.text, span.start_char, pair)
        folded = fold_words(word or span.text)
        for name in reversed(self.names.names[:bisect_right(self.names.starts, span.start_char)]):
            if name.type == PERSON and fold_words(_surname(name.canonical) or "") == folded \
                    and name.end <= span.start_char:
                return self._speaker(name)
        return None

    def _speaker(self, name: Name) -> Speaker:
        """A named entity speaking, with the role the article gave it when it spoke before."""
        return self._with_role(name.canonical, name.type)

    def _with_role(self, canonical: str, kind: str) -> Speaker:
        return Speaker(canonical, kind, self.roles.get(canonical))

    def _written(self, name: Name) -> str:
        """A mention's words as written, without an honorific ("Mr. Reed" → "Reed")."""
        words = self.doc.text[name.start:name.end].split()
        return " ".join(word for word in words if word.lower().rstrip(".") not in HONORIFICS) or " ".join(words)

    def _namesakes(self, word: str) -> set[str]:
        """The people of the article a bare surname may stand for, when there are several ("Tom Reed" and his son
        "Danny Reed" for "Reed"); empty for a word of several words or a surname only one person has."""
        if len(word.split()) != 1:
            return set()
        folded = fold_words(word)
        people = {name.canonical for name in self.names.names if name.type == PERSON and _given_words(name.canonical)
                  and fold_words(_surname(name.canonical) or "") == folded}
        people = {person for person in people if not any(  # "Mohan Bhandari" is "Man Mohan Bhandari"
            other != person and _is_subsequence(person.lower().split(), other.lower().split()) for other in people)}
        return people if len(people) > 1 else set()

    def _namesake(self, word: str, char: int, wanted: set[str]) -> Speaker | None:
        """ "Reed said" where two people are called Reed: the one the text names in full (or by given name) as a
        subject in the paragraph of the words, before them (not "his brother, Danny Reed," named as someone's
        relative); with neither named there, in the paragraph before. A bare surname as written (a person no row of
        the article holds) when both or neither are: no guess between two people. `wanted`: _namesakes(word)."""
        text = self.doc.text
        start = text.rfind("\n", 0, char) + 1
        for _ in range(2):
            named = {name.canonical for name in self.antecedents.people if name.canonical in wanted
                     and start <= name.start and name.end <= char and self._written(name) != word
                     and _subject_or_its_conjunct(self.antecedents.tokens.get(name))
                     and not self.content[0] <= name.start < self.content[1]}
            if len(named) == 1:
                canonical = named.pop()
                return self._with_role(canonical, PERSON)
            if named or start == 0:
                break
            char = len(text[:start].rstrip())
            start = text.rfind("\n", 0, char) + 1
        return Speaker(word, PERSON)

    def _by_age(self, wanted: set[str], elder: bool) -> Speaker | None:
        """ "the elder Reed", "the younger Reed" of two Reeds: the older or younger of them by the ages the text gives
        ("Tom Reed, 62," and "Danny Reed, 30,") or by how it relates them ("his son Danny Reed": Danny the younger);
        None when it gives neither (the caller falls back to _namesake)."""
        ages = {}
        for name in self.names.names:
            if name.canonical in wanted:
                age = AGE_AFTER_NAME.match(self.doc.text, name.end)
                kin = KIN_BEFORE_NAME.search(self.doc.text[max(0, name.start - 40):name.start])
                if age is not None:
                    ages.setdefault(name.canonical, int(age.group(1)))
                elif kin is not None:  # only the order matters: a child below, a parent above any age given
                    ages.setdefault(name.canonical, -1 if kin.group(1).lower() in CHILD_WORDS else 1000)
        if len(ages) != len(wanted) or len(set(ages.values())) != len(ages):
            return None
        chosen = (max if elder else min)(ages, key=ages.get)
        return self._with_role(chosen, PERSON)

    def _earlier_person(self, text: str) -> Speaker | None:
        """ "Sun" after "Sun Xingjie" spoke (whatever the parser made of "Sun"); a surname two people have is the one
        the text points to (see _namesake)."""
        if pair := self._namesakes(text):
            return self._namesake(text, self.content[0], pair)
        words = text.lower().split()
        for earlier in reversed(self.spoken):
            if earlier.type == PERSON and _is_subsequence(words, earlier.name.lower().split()):
                return Speaker(earlier.name, PERSON, earlier.role)
        return None

    def _remember(self, speaker: Speaker, reporting: bool = False) -> None:
        """Note who spoke; an organisation that only reported the news ("the Associated Press reported") is no
        organisation a later "the charity", "it" (beyond the next sentence) or "a spokesman" stands for."""
        self.spoken.append(speaker)
        if speaker.organisation:
            self.organisations.setdefault(speaker.name, speaker.organisation)
        if speaker.role:
            self.roles.setdefault(speaker.name, speaker.role)
        elif speaker.name in self.roles:
            speaker.role = self.roles[speaker.name]
        if speaker.type == PERSON:
            self.last_person = speaker
        elif speaker.type in ORGANISATION_TYPES and not reporting:
            self.last_organisation = speaker


def _reports(span) -> bool:
    """Whether the speaker span is the subject of "reported": a medium passing on the news ("The AP reported")."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() == "report"


def headline_company(headline: str, names: Names) -> Name | None:
    """The company a wire headline is about ("ACME MINES <ACMM> 4TH QTR NET"): the name the body gives it
    when one of the article's organisations has the same words, else the headline's words with their first
    letters capitalised ("Acme Mines"; a capitalised word of up to three letters that is no legal form stays as
    written: "CCX Network", "Hollin Plc")."""
    match = HEADLINE_TICKER.match(headline.strip())
    if not match:
        return None
    written = match.group("marked") or match.group("name")
    words = fold_words(written)
    for name in names.names:
        if name.type in ISSUER_TYPES and fold_words(name.canonical)[:len(words)] == words:
            return name
    text = " ".join(w if len(w) <= 3 and w.isupper() and w.lower() not in LEGAL_FORMS else w[:1].upper() + w[1:].lower()
                    for w in written.split())
    return Name(0, 0, "ORG", text) if words else None


def _company_span(span) -> Name | None:
    """ "US West Inc said", "Fiduciary Hall Co International said": a span of capitalised words with a legal form
    after the first is a company's name, even when it starts with a country's name."""
    text = _clean(span.text)
    words = text.split()
    if len(words) >= 2 and any(w.lower().rstrip(".") in LEGAL_FORMS for w in words[1:]) and all(
            w[:1].isupper() or w.lower() in ("and", "of", "&") for w in words):
        return Name(span.start_char, span.end_char, "ORG", text)
    return None


def _company_of_word(span) -> Speaker | None:
    """ "Halvor said", the parser taking the name for a common noun: a capitalised word the article also writes
    before "and Co" or a legal form ("Halvor and Co said ...") is that company."""
    if len(span) != 1 or not span[0].is_title or span[0].pos_ == "PRON":
        return None
    text = span.doc.text
    for found in re.finditer(rf"(?<!\w){re.escape(span.text)}(?!\w)", text):
        ending = COMPANY_AFTER.match(text, found.end())
        if ending:
            return Speaker(text[found.start():ending.end()], "ORG")
    return None


def _named_after_country(head, names: list[Name]) -> Name | None:
    """ "U.S. Mint said", "U.S. West said": a capitalised word after a country's name that is no noun for
    people or speakers is an organisation named after the country."""
    first = names[0]
    if head.pos_ != "PROPN" or not head.is_title or head.idx < first.end or _inside(head, names) \
            or _lemma(head) in speaker_words() or _names_people(head):
        return None
    return Name(first.start, head.idx + len(head.text), "ORG",
                _clean(head.doc.text[first.start:head.idx + len(head.text)]))


def _pointed_person(token, word: str) -> "Speaker | None":
    """ "Kowalczyk says he will not sign": a capitalised word at a sentence's start, where any word is capitalised,
    is a person's name as written when a given name ("Teodora") or a "he" or "she" after it in its sentence, with no
    other capitalised word between, points to it; never a plural ("Keeps saying she"), a function word, a title, a
    word of the speaker lexicon, a nationality or a word the article also writes in lower case ("Dispatch" beside
    "dispatch")."""
    doc = token.doc
    lower = word.lower()
    if not word[:1].isupper() or token.tag_ in PLURAL_TAGS or token.is_stop or lexicon_word(token) \
            or _is_title_word(token) or any(other.text == lower for other in doc) or word in demonyms():
        return None
    if is_given_name(word):
        return Speaker(word, PERSON)
    for after in doc[token.i + 1:token.sent.end]:
        if after.lower_ in ("he", "she") and after.dep_ in ("nsubj", "nsubjpass"):
            return Speaker(word, PERSON)
        if after.text[:1].isupper() or after.lower_ in ("it", "they", "i", "we", "you"):
            return None
    return None


def _common_use(token) -> bool:
    """A capitalised word written with "a" or an adjective ("a senior Republican"): a common noun, no name ("the
    Guardian" may be one)."""
    return any((child.dep_ == "amod" and child.pos_ == "ADJ") or (child.dep_ == "det" and child.lower_ in ("a", "an"))
               for child in token.children)


def _age_word(doc, start: int) -> bool | None:
    """True for "the elder Reed" ("older", "senior"), False for "the younger Reed" ("junior"), None for neither: only
    "the" and the word right before the name (at character `start`) count, so a title ("Senior Vice President Reed",
    "junior minister Reed") or a word of a longer phrase ("a senior Reed aide") tells no one apart."""
    before = [token.lower_ for token in doc if token.idx + len(token) <= start][-2:]
    if len(before) != 2 or before[0] != "the":
        return None
    return True if before[1] in ELDER_WORDS else False if before[1] in YOUNGER_WORDS else None


def _lemma(head) -> str:
    """The lower-case lemma, also of a capitalised plural the parser took for a name ("U.S. Bankers")."""
    lemma = head.lemma_.lower()
    if lemma not in speaker_words() and head.pos_ == "PROPN" and lemma.endswith("s") \
            and lemma[:-1] in speaker_words():
        return lemma[:-1]
    return lemma


def _gerund_noun(head) -> bool:
    """ "its most recent Form 13F filing": a verb's -ing form with a determiner or an owner is a noun."""
    return head.tag_ == "VBG" and any(child.dep_ in ("det", "poss") for child in head.children)


def _business_name(span, head) -> bool:
    """ "according to ETF Channel": a capitalised business noun after capitalised words no lexicon knows is the end of
    a name the tagger missed, not "the channel" (a company the article named before)."""
    before = [token for token in span if token.i < head.i and token.lower_ != "the"]
    return speaker_words().get(_lemma(head)) == "company" and head.pos_ == "PROPN" and head.is_title and bool(before) \
        and all(token.pos_ == "PROPN" and not token.is_lower and _lemma(token) not in speaker_words()
                and not token.ent_type_ for token in before)


def _bare_legal_form(text: str) -> bool:
    return text.lower().replace(".", "").strip(" ,") in LEGAL_FORMS


def _proper_phrase(subject):
    """A subject's name the tagger missed: the run of capitalised words (joined by "&", "of", "and") that ends in a
    subject noun written with a capital ("Bokf Na", "O Shares Investment Advisers LLC", "Mutual of America Capital
    Management LLC"), without "The"; None for a pronoun, a lexicon word alone ("The Fund") or a bare legal form."""
    doc, first = subject.doc, subject.sent.start
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper():
        return None
    start = subject.i
    while start > first and (_capitalised(doc[start - 1]) or (doc[start - 1].lower_ in NAME_JOINERS
                                                             and start - 1 > first and _capitalised(doc[start - 2]))):
        start -= 1
    while start == first and start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper():
        start = first = start - 1  # "IndexIQ | Advisors LLC": a sentence break the parser put inside the name
    start += doc[start].lower_ == "the"
    words = doc[start:subject.i + 1]
    if not len(words) or _bare_legal_form(words.text) or (len(words) == 1 and _lemma(subject) in speaker_words()):
        return None
    return words


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha or (token.text[:1].isupper() and token.text.endswith("."))


def _inside(token, names: list[Name]) -> bool:
    return any(name.start <= token.idx < name.end for name in names)


def _group_of_country(head, names: list[Name]) -> bool:
    """ "U.S. officials", "U.S. refiners", "US intelligence agencies", "the US army": a common noun that only a place
    modifies names people or a body of that country, not the country speaking (the noun speaks: unnamed officials, the
    army); the country's government ("the Japanese government") and its statements do speak for it."""
    if _inside(head, names) or any(name.type not in ("GPE", "NORP") for name in names):
        return False
    lemma = _lemma(head)
    return lemma not in COUNTRY_GOVERNMENTS and speaker_words().get(lemma) not in ("organisation", "spokesperson",
                                                                                   "document")


def _in_clause_of(head, name: Name, verbs: frozenset | None = None) -> bool:
    """Whether a name sits in a participle's clause that describes the head ("analysts polled by Reuters",
    "traders contacted by the agency"): whoever the clause names did something to the speakers, and is not them.
    With `verbs`, only a clause of one of those verbs counts: "a filing obtained by ABC News" is not the
    broadcaster's, but "figures compiled by the Society" are the Society's."""
    return any(child.dep_ == "acl" and child.tag_ == "VBN" and (verbs is None or child.lemma_.lower() in verbs)
               and child.left_edge.idx <= name.start
               and name.end <= child.right_edge.idx + len(child.right_edge.text) for child in head.rights)


def _beside_agent(head, name: Name) -> bool:
    """Whether a place sits in a participle's clause describing the head but outside its "by" agent ("a lawsuit filed
    by Acme in San Francisco"): where the clause happened, not who wrote the document (a journal it was "published in"
    may be its publisher's)."""
    if name.type != "GPE":
        return False
    for clause in head.rights:
        if clause.dep_ == "acl" and clause.left_edge.idx <= name.start \
                and name.end <= clause.right_edge.idx + len(clause.right_edge.text):
            agents = [child for child in clause.children if child.dep_ == "agent"]
            return not any(agent.left_edge.idx <= name.start
                           and name.end <= agent.right_edge.idx + len(agent.right_edge.text) for agent in agents)
    return False


def _written_lower(span, names: Names) -> "Speaker | None":
    """ "usda said", "the usda said": a word written in lower case (after "the" or not) that is, in capitals,
    an organisation's short name the alias table knows or one the article names ("USDA", "OPEC")."""
    words = list(span)[1:] if len(span) == 2 and span[0].lower_ == "the" else list(span)
    if len(words) != 1 or not words[0].is_lower or len(words[0].text) < 2:
        return None
    upper = words[0].text.upper()
    canonical = alias_for(upper, "ORG")
    if canonical:
        return Speaker(canonical, "ORG")
    for name in names.names:
        if name.type in ISSUER_TYPES and name.canonical == upper:
            return Speaker(name.canonical, name.type)
    return None


def _subject_or_its_conjunct(token) -> bool:
    """Whether a name's head is a subject, or joined or apposed to one ("Tom Reed and his son Danny Reed opened")."""
    while token is not None and token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token is not None and token.dep_ in ("nsubj", "nsubjpass")


def _given_words(name: str) -> list[str]:
    """The words of a person's name before the surname that are no title or honorific: "Francois" of "Francois
    Molins", none of "Prosecutor Molins" (the same person, by title)."""
    table = roles()
    return [word for word in name.split()[:-1] if word.lower().rstrip(".") not in table["titles"]
            and word.lower().rstrip(".") not in table["honorifics"] and word.lower() not in speaker_words()]


def _surname(name: str) -> str | None:
    """The last capitalised word of a person's name: "Reding" of "Carlos Reding - a" (a name the parser ran on)."""
    return next((word for word in reversed(name.split()) if word[:1].isupper()), None)


def anonymous_name(head) -> str:
    """One spelling per kind of unnamed source, in lower case and in the number written: "Analysts" and
    "analysts" → "analysts", "an analyst" → "analyst"; "a spokeswoman" → "spokesperson"."""
    lemma = head.lemma_.lower()
    plural = head.tag_ == "NNS"
    if speaker_words().get(lemma) == "spokesperson":
        return "spokespeople" if plural else "spokesperson"
    return _hyphened(head) + (head.lower_ if plural else lemma)


def document_name(head) -> str:
    """One spelling per kind of document, in lower case and in the number written, with the common nouns written
    right before it that say which kind: "The Report" and "a report" → "report", "a press release" → "press
    release", "opinion polls" → "opinion polls"; a name, a number or an adjective before it is left out ("the
    Facebook post", "a 2014 survey", "a new study", "the 40-page document", "a probable cause affidavit" → "post",
    "survey", "study", "document", "affidavit")."""
    doc, first = head.doc, head.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i >= first \
            and doc[first - 1].pos_ == "NOUN" and (doc[first - 1].is_lower or doc[first - 1].is_sent_start) \
            and not (first >= 2 and doc[first - 2].text == "-" and not doc[first - 2].whitespace_) \
            and not any(True for _ in doc[first - 1].lefts):  # not "40-page", "probable cause" ("affidavit")
        first -= 1
    noun = head.lower_ if head.tag_ in PLURAL_TAGS else head.lemma_.lower()
    return " ".join([token.lower_ for token in head.doc[first:head.i]] + [noun])


def _hyphened(head) -> str:
    """The words a hyphen joins before the head, in lower case ("governor-" of "Governor-General")."""
    doc, first = head.doc, head.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    return doc[first:head.i].text.lower()


def _names_people(noun) -> bool:
    """A noun of the kind that names people by what they do ("critics", "residents", "prosecutors",
    "trustees" in the plural), not things ("findings", "records"); or one the lexicon lists."""
    lemma = noun.lemma_.lower()
    return people_word(lemma) or (speaker_words().get(lemma) is None and noun.tag_ == "NNS"
                                   and len(lemma) > 4 and lemma.endswith("ee"))


def people_word(lemma: str) -> bool:
    """A lower-case singular that names people by what they do: the lexicon's people, or an agent ending."""
    kind = speaker_words().get(lemma)
    return lemma in ("people", "person") or kind in ("anonymous", "role") or (
        kind is None and len(lemma) > 4 and lemma.endswith(PEOPLE_SUFFIXES))


def _document(head) -> str | None:
    """ "the decision said", "the motion said", "the settlement said": a singular common noun ending in -tion,
    -sion or -ment that names no body of people is a text or an act of whoever issued it (kind document)."""
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" and head.tag_ == "NN" and lemma.endswith(DOCUMENT_ENDINGS) \
            and lemma not in AGENT_ABSTRACTS and lemma not in speaker_words():
        return "document"
    return None


def _governing_subjects(pronoun, sentences_back: int = 1) -> list:
    """The subjects a pronoun may stand for, nearest first: those of the clauses its own clause hangs from, before it
    ("Seoul condemned what it called"), then the main subject of each sentence before ("North Korea denied it. It
    said"), never a subject inside another clause ("X said Washington was concerned ... it said" is X)."""
    found = []
    for verb in pronoun.ancestors:
        found += [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i
                  and child is not pronoun]
    return found + _main_subjects_before(pronoun.sent, sentences_back)


def _main_subjects_before(sentence, sentences_back: int) -> list:
    """The subjects of the main clauses of the sentences before one, nearest first."""
    found, first = [], sentence.start
    for _ in range(sentences_back):
        if first == 0:
            break
        before = sentence.doc[first - 1].sent
        found += [child for child in before.root.children if child.dep_ in ("nsubj", "nsubjpass")]
        first = before.start
    return found


def _credits(document, name: Name) -> bool:
    """Whether a name in a document's phrase says whose it is: a word before the noun ("the White House statement",
    "Acme's report") or a "by", "from" or "of" phrase after it ("a statement by the ministry"), not a clause about
    it ("a report that was critical of Israel", "a report seen by Reuters")."""
    holders = [child for child in document.lefts] + [child for child in document.rights if child.dep_ == "prep"
                                                      and child.lower_ in ("by", "from", "of")]
    return any(holder.left_edge.idx <= name.start and name.end <= holder.right_edge.idx + len(holder.right_edge.text)
               for holder in holders)


def _author_body(head):
    """The body a document's own words say wrote it: "an army statement", "a police report", "the ministry's
    report" (a body's common noun before the document's noun); None for anything else ("a news report")."""
    for child in head.lefts:
        if child.dep_ in ("compound", "nmod", "poss") and child.pos_ == "NOUN" and child.tag_ not in PLURAL_TAGS \
                and speaker_words().get(child.lemma_.lower()) in ("company", "institution") \
                and child.lemma_.lower() not in VENUE_BODIES:
            return child
    return None


def _first_modifier(head) -> int:
    """The index of the first word that modifies a noun, past a determiner ("an Israeli army statement": "Israeli")."""
    return min([child.left_edge.i for child in head.lefts if child.dep_ not in ("det", "punct")], default=head.i)


def _spoken_for(head):
    """The noun a spokesperson speaks "for" or is "of" ("leader" of "a spokesman for the British leader"), or None."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            return next((child for child in prep.children if child.dep_ == "pobj"), None)
    return None


def _owner_pronoun(head):
    """The "his"/"her" that owns a noun ("his petition"), or None."""
    return next((child for child in head.children if child.dep_ == "poss" and child.lower_ in ("his", "her")), None)


def _central_bank(head) -> bool:
    return head.lemma_.lower() == "bank" and any(child.lower_ == "central" for child in head.lefts)


def _central_bank_before(span):
    """ "offered by the Emirates central bank ..., the bank said": the last central bank written before "the bank"."""
    return next((token for token in reversed(span.doc[:span.start]) if _central_bank(token)), None)


def _company_written_before(span) -> Speaker | None:
    """ "the company said" when the parser tagged no organisation: the last company name written before it the
    way wire copy writes one ("<Fiduciary Trust Co International>", "E-tron Corp")."""
    found = [match for match in WRITTEN_COMPANY.finditer(span.doc.text[:span.start_char])]
    if not found:
        return None
    name = _clean(found[-1].group("marked") or found[-1].group("name"))
    return Speaker(name, "ORG") if name[:1].isupper() else None


def _initials(span, names: "Names") -> Speaker | None:
    """ "S and P said", "S&P said": single capital letters joined by "and" are the organisation the article
    names with those initials ("Standard and Poor's Corp"), else an organisation of that spelling. A span the
    parser cut after the first letter ("S") takes the rest of the letters after it."""
    doc = span.doc
    if len(span) == 1 and span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", "&"):
        span = doc[span.start:span.end + 2]
    words = [token.text for token in span if token.lower_ not in ("and", "&")]
    if len(words) < 2 or len(words) == len(span) or not all(len(w) == 1 and w.isupper() for w in words):
        return None
    letters = "".join(words)
    for name in names.names:
        initials = "".join(w[0] for w in name.canonical.split()
                           if w[:1].isupper() and w.lower().rstrip(".") not in LEGAL_FORMS)
        if name.type in ISSUER_TYPES and initials == letters:
            return Speaker(name.canonical, name.type)
    return Speaker(_clean(span.text), "ORG")


def _plural_group(head) -> Speaker | None:
    """ "Representatives at the meeting said", "deputies said", "Farm-state Senators said": a plural common noun
    whose singular is a title or a noun for people, or a capitalised plural the parser took for a name whose
    singular is a title ("Senators"; not "Motors"), is an unnamed group, an anonymous source named by that plural
    in lower case ("deputies", "senators"). Called once no name in the article stood for the words."""
    singular = _singular(head)
    if singular is None or speaker_words().get(singular) is not None:
        return None
    if singular in roles()["titles"] or (head.tag_ == "NNS" and people_word(singular)):
        return Speaker(head.lower_, ANONYMOUS)
    if head.text[:-1].isupper() and head.text.endswith("s") and len(head.text) >= 3 \
            or head.text[:-1].capitalize() in demonyms():  # "NGOs said", "Bosnian Serbs say": a group, unnamed
        return Speaker(" ".join(token.lower_ for token in head.doc[head.left_edge.i:head.i + 1]
                                if token.pos_ not in ("DET", "NUM", "PUNCT")), ANONYMOUS)
    return None


def _singular(head) -> str | None:
    """The lower-case singular of a plural noun head ("deputies" → "deputy"), also of one tagged as a proper noun
    ("Senators"); None for a word that is no plural."""
    if head.tag_ == "NNS":
        return head.lemma_.lower()
    word = head.lower_
    if head.tag_ != "NNPS" or not word.endswith("s") or word.endswith("ss"):
        return None
    for plural, single in (("ies", "y"), ("s", "")):
        if word.endswith(plural):
            return word[:-len(plural)] + single
    return None


def _group_or_thing(span, description: "Speaker") -> "Speaker | None":
    """A speaker no name stands for, once more: an unnamed group ("both sides", "member countries",
    "employees", "the opposition", "two of them", "those", "a trade group") is an anonymous source of that
    phrase; a common noun for a thing ("the figures", "the weakness"), a verb, a relative pronoun or a
    lone letter is no speaker at all (None: the quote keeps no speaker);
    anything else stays the description."""
    head = span.root
    group = _plural_group(head)
    if group is not None:
        return group
    if head.pos_ == "NOUN" and head.lemma_.lower() in NON_AGENT_NOUNS:
        return None  # "Ministry figures indicated": a thing, no speaker, whatever names it
    if any(token.pos_ == "PROPN" for token in span):
        return description
    if _after_according_to(span) and head.pos_ == "NOUN" and head.tag_ not in PLURAL_TAGS and not _possessed(head) \
            and speaker_words().get(head.lemma_.lower()) is None \
            and not _names_people(head) and not _is_title_word(head) and head.lemma_.lower() not in AGENT_NOUNS:
        return None  # "according to legend", "according to the lunar calendar": no one's words
    if head.pos_ in ("VERB", "AUX") or head.tag_ in ("WDT", "WP") or (len(head.text) == 1 and head.is_alpha):
        return None  # a verb, a relative pronoun or a lone letter taken for the speaker: a parse slip
    if head.lower_ in DEMONSTRATIVE_PEOPLE:
        return Speaker(head.lower_, ANONYMOUS)
    if head.pos_ in NON_SPEAKER_POS and not any(char.isdigit() or char.isupper() for char in head.text[1:]) \
            and not any(child.dep_ == "prep" and child.lower_ == "of" for child in head.children):  # "any of them"
        return None  # "This suggests", "Let's say", "everyone knows": no one the text quotes
    if head.pos_ not in ("NOUN", "NUM"):
        return description
    if (head.pos_ == "NUM" and not head.is_alpha) or head.text == "%" or (any(
            child.dep_ == "nummod" and not child.is_alpha for child in head.children) and not _names_people(head)):
        return None  # "54%", "282 pages", "20 seats": a count in figures, no speaker ("one veteran" may be)
    lemma = head.lemma_.lower()
    kind = speaker_words().get(lemma)
    plural = head.tag_ == "NNS"
    indefinite = any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in head.children)
    if (head.pos_ == "NUM" and head.is_alpha) or lemma in COLLECTIVE_NOUNS or (plural and (
            lemma in AGENT_NOUNS or kind in ("company", "institution") or _names_people(head))) or (
            indefinite and kind in ("company", "institution")):  # "a trade group said": one not named
        return Speaker(_source_phrase(span), ANONYMOUS)
    if kind is None and not _names_people(head) and lemma not in AGENT_ABSTRACTS | GROUP_NOUNS and (
            lemma in NON_AGENT_NOUNS or lemma.endswith(ABSTRACT_SUFFIXES)):
        return None
    if plural and kind is None and lemma not in AGENT_ABSTRACTS | BODY_NOUNS and not lemma.endswith("ing"):
        return None  # "the rallies", "early investigations": plural things (people and groups were taken above;
        # "findings", "rulings" are records that may speak for whoever made them)
    if kind is None and not _names_people(head) and lemma not in AGENT_ABSTRACTS | BODY_NOUNS | GROUP_NOUNS \
            and any(child.dep_ == "det" and child.lower_ in THING_DETERMINERS for child in head.children):
        return None  # "a winter storm", "this pact": a thing no article names as a source
    return description


def _country(name: str) -> bool:
    """Whether a name's best-known reading is a country."""
    places = get_gazetteer().candidates(name)
    return bool(places) and places[0].feature_code.startswith("PCL")


def _subject_of_cue(span):
    """ "Cembrero told Al Jazeera" taken whole for the speaker: a span whose head is the verb is its subject."""
    root = span.root
    if len(span) == 1 or root.pos_ not in ("VERB", "AUX"):
        return span
    subject = next((child for child in root.children if child.dep_ in ("nsubj", "nsubjpass")
                    and span.start <= child.i < span.end), None)
    return span if subject is None else span.doc[subject.left_edge.i:subject.right_edge.i + 1]


def _nobody(head) -> bool:
    """ "No one wants to say", "nobody said": no speaker at all."""
    return head.lower_ in NOBODY_WORDS or (head.lower_ in ("one", "body") and any(
        child.dep_ == "det" and child.lower_ == "no" for child in head.children))


def _of_things(head) -> bool:
    """ "one of the charges": "one" of a plural noun that names no people."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [child for child in prep.children if child.dep_ == "pobj"]
            return bool(objects) and objects[0].pos_ == "NOUN" and not _names_people(objects[0])
    return False


def _generic_one(head) -> bool:
    """ "One can argue", "one might say": "one" as anybody, the subject of a modal verb."""
    return head.dep_ == "nsubj" and any(child.dep_ == "aux" and child.tag_ == "MD" for child in head.head.children)


def _aged(head) -> bool:
    """ "the 57-year-old", "the 45-year old", "the 29-year-old model": a person named by their age (with a noun
    after the age, only after "the": "a 29-year-old model" is someone else)."""
    if head.lower_ != "old":
        return head.pos_ == "NOUN" and head.tag_ not in PLURAL_TAGS and any(
            child.lower_ == "the" for child in head.children) and any(_aged(child) for child in head.lefts)
    return any(token.lower_ in ("year", "years", "month", "months") for token in head.subtree)


def _is_title_word(token) -> bool:
    return title_word(token.lower_)


def _in_capitals(head) -> str | None:
    """ "AIRCOA said", "the Dutch newsagency ANP said": a head word written in capitals (three letters or
    more, not a word of the speaker lexicon) is an organisation's name, the way wire copy writes them."""
    text = head.text.strip("<>")
    if sum(c.isalpha() for c in text) >= 3 and text.isupper() and head.lower_ not in speaker_words():
        return text
    return None


def _of_unnamed(head) -> bool:
    """ "the chairman of a big bank", "the manager of one of the banks": an office in an organisation the text
    does not name, held by an unnamed source."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [child for child in prep.children if child.dep_ == "pobj"]
            if objects and (objects[0].lower_ == "one" or any(
                    child.dep_ == "det" and child.lower_ in UNNAMED_DETERMINERS for child in objects[0].children)):
                return True
    return False


def _possessed(head) -> bool:
    """ "his office", "the mayor's office": an office of someone the text names, no unnamed source."""
    return any(child.dep_ == "poss" for child in head.children)


def _source_phrase(span) -> str:
    """An unnamed institution as one lower-case spelling: "The Police" → "police", "state radio"; a country or
    nationality before the noun is left out ("US intelligence agencies" → "intelligence agencies"), one joined to
    a word by a hyphen kept ("us-led coalition")."""
    kept = [t for t in span if (t.pos_ not in ("DET", "PUNCT", "PART", "PRON") or t.tag_ == "HYPH")
            and not (t.i < span.root.i and _country_word(t))]
    spaced = [t.lower_ + (t.whitespace_ or (" " if t.i + 1 < span.end and span.doc[t.i + 1] not in kept
                                                and span.doc[t.i + 1].whitespace_ else "")) for t in kept]
    return "".join(spaced).strip(" -") or span.root.lower_  # "us-led coalition"; "moscow authorities"


def _public_body(name: str) -> bool:
    """A name holding a public body's noun ("Transport Department"); not a company's name that ends in a legal
    form ("Federal Paper Board Co", "Acme Agency Inc")."""
    words = fold_words(name)
    if words and words[-1] in LEGAL_FORMS:
        return False
    return any(speaker_words().get(word) == "institution" for word in fold_words(name))


def _apposed_person(head, names: Names) -> Name | None:
    """The person named in apposition to a title ("the ambassador, Joao Cravinho,"), or None."""
    for child in head.rights:
        if child.dep_ == "appos":
            end = child.right_edge.idx + len(child.right_edge.text)
            people = [name for name in names.within(child.left_edge.idx, end) if name.type == PERSON]
            if people:
                return people[0]
    return None


def _prefer(names: list[Name]) -> Name:
    people = [name for name in names if name.type == PERSON]
    return (people or names)[0]


def _role(span, head) -> str | None:
    """What the text calls a named speaker: the words before the name in its noun phrase
    ("U.S. Treasury Secretary Steven Mnuchin") and an appositive after it ("Scott Busby, the …")."""
    doc = span.doc
    phrase = {token.i for token in head.subtree}
    start = span.start
    while start - 1 in phrase and doc[start - 1].text not in ",()" and doc[start - 1].pos_ != "AUX" \
            and doc[start - 1].dep_ not in CLAUSE_DEPS:
        start -= 1
    while start < span.start and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    parts = [doc[start:span.start].text] if start < span.start else []
    parts += [doc[child.left_edge.i:child.right_edge.i + 1].text for child in head.rights
              if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ROLE_PREPOSITIONS
                                           and doc[child.i - 1].text == ",")]
    role = ", ".join(_clean(part.strip(" ,")) for part in parts if part.strip(" ,"))
    return role if role and role.lower().rstrip(".") not in HONORIFICS else None


def _holds_office(role: str, offices: list[list[str]]) -> bool:
    """Whether a role's words hold one of the offices in a row ("Deputy Foreign Minister" holds "foreign minister"),
    not one "for" something else ("Secretary of State for Health" is no secretary of state)."""
    words = re.findall(r"[\w-]+", role.lower())
    for office in offices:
        for i in range(len(words) - len(office) + 1):
            if words[i:i + len(office)] == office and words[i + len(office):i + len(office) + 1] != ["for"]:
                return True
    return False


def _words_before_title(role: str) -> list[str]:
    """The words of a role before its first title or portfolio word: where the office holder is from ("Russia's",
    "Russian" of "Russian Ambassador to Cyprus"; not "Cyprus", where the ambassador serves)."""
    table = roles()
    words = role.split()
    for i, word in enumerate(words):
        plain = word.lower().rstrip(".,")
        if plain in table["titles"] or plain in table["portfolios"]:
            return words[:i]
    return words


def _country_of(words: list[str]) -> str | None:
    """The country that a nationality adjective ("Russian"), a possessive ("Russia's") or a country's short
    name ("U.S.") among the words names; None when none does."""
    for word in words:
        plain = re.sub(r"['’]s$", "", word)
        if not plain[:1].isupper():
            continue
        country = demonyms().get(plain) or alias_for(plain, "GPE") \
            or (plain if plain != word and _country(plain) else None)
        if country:
            return country
    return None


def _same_country(wanted: str | None, given: str | None) -> bool:
    """Two countries agree unless both are known and differ."""
    return wanted is None or given is None or wanted == given


def _called(text: str, name: Name, noun: str) -> bool:
    """Whether the text calls a named organisation by a noun right after or before its name ("AP news agency",
    "the news agency RNA")."""
    return re.match(rf"\s+(?:[a-z]+\s+)?{re.escape(noun)}\b", text[name.end:name.end + 40]) is not None \
        or re.search(rf"\b{re.escape(noun)}\s+$", text[max(0, name.start - 40):name.start]) is not None


def _country_word(token) -> bool:
    """A word of a country's name or a nationality standing alone before a noun ("US", "Chinese", "North Korea"), not
    joined by a hyphen ("US-led", "pro-UK")."""
    doc = token.doc
    joined = (token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_) or (
        token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_)
    if joined or not token.text[:1].isupper():
        return False
    if token.text in demonyms() or alias_for(token.text, "GPE") is not None:
        return True
    entity = next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None) \
        if token.ent_type_ == "GPE" else None
    return entity is not None and _country(_clean(entity.text))  # "North Korea's" → North Korea


def _possessive_after(token) -> str:
    """The "'s" written right after a word ("Britain" of "Britain's finance ministry"), else nothing."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after.text if after is not None and after.tag_ == "POS" else ""


def _after_according_to(span) -> bool:
    """Whether "according to" is written right before the span."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 2].lower_ == "according" and doc[span.start - 1].lower_ == "to"


def _relation_of(head, name: Name) -> bool:
    """Whether a person is named in an "of"/"for" phrase of a noun for how someone stands to them ("the father of
    Ann Lo", "a friend of Ann Lo", "the family of Ann Lo"): the speaker is that other person, not them. A title's
    phrase ("the Governor of the Central Bank Ali Reza") is left alone."""
    lemma = head.lemma_.lower()
    if name.type != PERSON or lemma in roles()["titles"] or (
            speaker_words().get(lemma) != "role" and lemma not in COLLECTIVE_NOUNS):
        return False
    return any(child.dep_ == "prep" and child.lower_ in ("of", "for") and child.idx <= name.start
               and name.end <= child.right_edge.idx + len(child.right_edge.text) for child in head.rights)


def _topic(head, name: Name) -> bool:
    """Whether a name sits in a phrase that says what the head is about ("scandal over EU funds", "a report on China",
    "an inquiry into the FBI"), not who speaks."""
    return any(child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS and child.left_edge.idx <= name.start
               and name.end <= child.right_edge.idx + len(child.right_edge.text) for child in head.rights)


def _in_conjunct(head, name: Name) -> bool:
    """Whether a name sits in a noun joined to the head by "and" ("legal experts and former White House officials",
    "the government and the United Nations"): another speaker beside the head, not the head."""
    if not any(child.dep_ == "cc" for child in head.children):
        return False  # "their allies, members of the Unionist Party": an apposition the parser took for a conjunct
    return any(child.dep_ == "conj" and child.left_edge.idx <= name.start
               and name.end <= child.right_edge.idx + len(child.right_edge.text) for child in head.rights)


def _owner_of_other(head, name: Name) -> bool:
    """Whether a person is named as the owner of another noun in the head's phrase ("a campaign leader for Mr Rutte's
    party"): the speaker is someone of that thing, not its owner."""
    if name.type != PERSON:
        return False
    return any(token.dep_ == "poss" and token.head is not head and name.start <= token.idx < name.end
               for token in head.subtree)


def _someone_of_a_body(head) -> bool:
    """ "the former EU parliamentarian", "the UN envoy": one person named by a noun for people (no unnamed source's or
    spokesperson's noun: "the EU official", "an EU spokesman" are the body's voice) made definite and singular."""
    kind = speaker_words().get(head.lemma_.lower())
    return head.is_lower and head.tag_ not in PLURAL_TAGS and kind not in ("anonymous", "spokesperson") \
        and (_is_title_word(head) or _names_people(head)) \
        and any(child.dep_ == "det" and child.lower_ == "the" for child in head.children)


def _beside_body(head, name: Name) -> bool:
    """Whether an organisation is named in a phrase that says whom a person deals with, not whom they speak for:
    "to" after a title or a noun for people ("the US ambassador to the United Nations", "an adviser to the EU"), or
    "of" after a noun for people no lexicon lists ("supporters of the EU", "critics of the White House")."""
    if name.type == PERSON or not (_is_title_word(head) or _names_people(head)):
        return False
    wanted = ("to",) if speaker_words().get(head.lemma_.lower()) is not None or _is_title_word(head) else ("to", "of")
    return any(child.dep_ == "prep" and child.lower_ in wanted and child.idx <= name.start
               and name.end <= child.right_edge.idx + len(child.right_edge.text) for child in head.rights)


def _in_relative_clause(head, name: Name) -> bool:
    """Whether a name sits in a relative clause on the head ("a leader who knew Ann Lo"): someone else."""
    return any(child.dep_ == "relcl" and child.left_edge.idx <= name.start
               and name.end <= child.right_edge.idx + len(child.right_edge.text) for child in head.rights)
