"""Entities and their mentions: one entities row per real-world entity, merged across articles.

An entity id is a hash of its kind (person or not) and the key of its name (loader/extract/names.py):
"Ku Sung Sop" and "Ku Sung-sop", "U.S." and "United States" share a key, so every article that names
them, loaded in any order or again later, lands on the same row, and ids never change.
save_mentions (a SAVER) writes one article's mentions and marks the entities it touched
by setting mention_count to NULL; refresh_entities (a FINISHER, run at the end of every load)
recomputes the marked rows from their mentions: counts, display name, majority type and aliases, and
drops entities nothing refers to any more. The marks live in the database, so a load killed half way
leaves them for the next load to finish.

merge_short_forms (the FINISHER after it) joins a short form to the full name the archive holds for it
across articles (when several fit, the one its articles' country or a clear majority picks: _choose): a
surname alone ("Reagan") to the one person of that surname, an acronym ("SEC") to the
one organisation with those initials, a single word ("Ford", "Treasury") to the one organisation whose name
holds it; an organisation's name without its legal form ("General Motors") to the one with it; spellings of one
name apart from spaces, "&", an "@", a web domain or a legal form ("LedgerWatch", "Ledger Watch") and a person
with and without the one middle initial the archive writes ("Kevin R. Dorsey") to the one most articles name. The short
form keeps its row and id, with `merged_into` naming the full entity; its mentions
(and quotes) point at the full entity, whose aliases then list the short spelling. When the evidence
changes (a second candidate arrives, the majority goes) the merge is undone: mentions go back to the short
form's own id (the id of their entity_name), so the decision is always the one the whole archive supports.
A merged quote speaker's name follows (quotes.speaker is the full entity's name, quotes.speaker_name the article's).
An acronym needs evidence beyond its initials: an article that writes both, or comparable counts and more: a name
established, sharing the acronym's context, its first words or its country, where the acronym's articles lie clearly
more often than the archive's (not a local archive's own country), and no site's name ("Oak Street")
(_acronym_candidates, _letters_evidence); once joined, an acronym stays apart in its articles that show no tie to the
name's (no rare entity, first words, country or rare topic words in common) when those are most of the two's articles,
and three or more, and joins nothing when none of its articles is tied: "NBA" in five basketball stories beside two
stories of a bar association (_keep_unrelated_acronym_articles, _unrelated_everywhere);
so does a single word: "Budget" or "Congressional" alone is no "Congressional Budget Office", "United" that begins
many names none of them (_stands_for); a public body a region qualifies ("Scottish Parliament") takes its bare noun
only on the region's articles, not its country's (_tied_to_region). A surname is no one's when people whose given
name it is rival its person ("Paul": Rand Paul, Paul Ryan; _surname_target), and stays apart in an article that names
another person of that word or a place whose name holds it ("Clinton County": _keep_other_people). In an archive of
many small local stories the one full name of a surname is often someone else: a surname written alone in articles
that never name the person in full joins only on evidence, its articles no more than the full name's own or sharing
its context (ArticleContext.surname_evidence: "Francis" the pope is no police spokesman one article names). A body's
bare noun stays apart in an article about another division's body ("the Ohio Senate", _keep_other_regions_articles),
and a country's body's noun in a story about one state's politics and nothing of the nation's ("Sen. Joe Park,
R-Lima", the statehouse; no Congress, Washington nor senator for a state: _keep_state_stories; it joins the state's
body the archive names, if one). A body's noun, or a common noun capitalised, merged into one country's body
("Army" → "U.S. Army", "Times" → "New York Times"; the country its name's place is of, by the archive's places or the
gazetteer: "Maltese Parliament") stays apart in an article that does not write the body's name and lies only in
other countries, or that no place locates when the country holds less than half of the archive's located articles
and the article does not write "U.S." (_keep_foreign_articles). A common noun merged into a body whose other words
are no place ("Opposition" → "Joint Opposition": one alliance, not every country's opposition) joins it only in
articles that write its name; one merged into a body a place that is no country qualifies ("European Community"),
not in articles of countries where that body is never named (_keep_other_countries_articles).
A person quoted by a surname that no mention holds ("Nunes said") is linked as the surname's mentions would be
(link_surname_speakers).
"""
import json
from collections import Counter, defaultdict

import re

from ..extract.names import (PERSON, alias_for, contextual_alias, display_preference, entity_id, entity_key,
                             fold_words, fragment_kind, is_country_prefix, LEGAL_FORMS, site_kind, spelling_core,
                             SURNAME_PARTICLES)
from ..extract.gazetteer import get_gazetteer
from ..extract.toponyms import demonyms, institution_words
from .firms import firm_decisions
from .provenance import refresh_group_rows
from .quotes import speaker_entity_id
from .rows import chunks, marks, once_per_pass, replace_article_rows
from .stories import features
from ..text import squash

POSSESSIVE_END = re.compile(r"['’]s?$")  # "Steve King's", "James'"
MENTION_COLUMNS = ("text", "type", "start", "end", "sentence", "role", "used_as")
MAX_ALIASES = 50


def save_mentions(db, article_id: str, rows: list[dict]) -> list[str]:
    """Replace one article's mentions (extract rows); returns the ids of the entities they name."""
    before = {row[0] for row in db.execute("select distinct entity_id from mentions where article_id = ?",
                                           [article_id])}
    entities, mentions = {}, []
    for row in rows:
        key = entity_id(row["entity"], row["type"])
        entities.setdefault(key, {"id": key, "name": row["entity"], "type": row["type"], "aliases": "[]"})
        mentions.append({**{column: row.get(column) for column in MENTION_COLUMNS},
                         "entity_id": key, "entity_name": row["entity"]})
    db["entities"].insert_all(entities.values(), pk="id", ignore=True)
    if replace_article_rows(db, "mentions", article_id, mentions):
        for ids in chunks(sorted(before | set(entities))):
            db.execute(f"update entities set mention_count = null where id in ({marks(ids)})", ids)
    return list(entities)


def refresh_entities(db) -> int:
    """Recompute every entity marked by save_mentions; returns how many were refreshed."""
    stale = [row[0] for row in db.execute("select id from entities where mention_count is null")]
    for ids in chunks(stale):
        _refresh(db, ids)
    return len(stale)


class _Tally:
    """What the mentions of one entity say: counts, and the articles behind each spelling and type."""

    def __init__(self):
        self.mentions = 0
        self.articles = set()
        self.names = defaultdict(set)
        self.spellings = defaultdict(set)
        self.types = Counter()
        self.own_types = Counter()  # the types of the mentions whose own id is this entity's
        self.own_names = set()  # names whose own id is this entity's (not a short form merged into it)

    def add(self, entity: str, article_id: str, name: str, text: str, type_: str) -> None:
        self.mentions += 1
        self.articles.add(article_id)
        self.names[name].add(article_id)
        if entity_id(name, type_) == entity:
            self.own_names.add(name)
            self.own_types[type_] += 1
        self.spellings[squash(text)].add(article_id)  # "Hong\n\nKong" is spelled "Hong Kong"
        self.spellings[name].add(article_id)
        self.types[type_] += 1

    def row(self, current_name: str, current_type: str) -> dict:
        # Ties keep what the row already says, so names and types do not flip between loads.
        name = max(self.names, key=lambda n: (n in self.own_names, display_preference(n), len(self.names[n]),
                                              n == current_name, n))
        # Mentions merged in from the other kind do not vote: "Petrolera" tagged as a person in ten articles and
        # merged into the organisation three articles name stays an organisation.
        types = self.own_types or self.types
        type_ = max(types, key=lambda t: (types[t], t == current_type, t))
        aliases = sorted((s for s in self.spellings if s != name), key=lambda s: (-len(self.spellings[s]), s))
        return {"name": name, "type": type_, "aliases": json.dumps(aliases[:MAX_ALIASES], ensure_ascii=False),
                "article_count": len(self.articles), "mention_count": self.mentions}


def _refresh(db, ids: list[str]) -> None:
    current = {row[0]: row[1:] for row in db.execute(
        f"select id, name, type from entities where id in ({marks(ids)})", ids)}
    tallies = defaultdict(_Tally)
    for entity, article_id, name, text, type_ in db.execute(
            f"select entity_id, article_id, coalesce(entity_name, text), text, type from mentions "
            f"where entity_id in ({marks(ids)})", ids):
        tallies[entity].add(entity, article_id, name, text, type_)
    db.conn.executemany(
        "update entities set name = :name, type = :type, aliases = :aliases, article_count = :article_count, "
        "mention_count = :mention_count where id = :id",
        [{**tally.row(*current[entity]), "id": entity} for entity, tally in tallies.items()])
    unused = [entity for entity in ids if entity not in tallies]
    if unused:
        quoted = {row[0] for row in db.execute(
            f"select speaker_entity_id from quotes where speaker_entity_id in ({marks(unused)})", unused)}
        quoted |= {row[0] for row in db.execute(  # a merged short form keeps its row: its id stays valid
            f"select id from entities where merged_into is not null and id in ({marks(unused)})", unused)}
        for entity in unused:
            if entity in quoted:
                db["entities"].update(entity, {"article_count": 0, "mention_count": 0})
            else:
                db["entities"].delete(entity)


# --- short forms merged across articles --------------------------------------------------------------

ACRONYM = re.compile(r"[A-Z]{2,6}")
# Words an organisation's initials leave out: "Securities and Exchange Commission" = SEC.
INITIALS_SKIP = {"of", "and", "the", "for", "&", "de"} | LEGAL_FORMS


def merge_short_forms(db) -> int:
    """A FINISHER: point each short form at the one full entity the archive holds for it (or back at
    itself when there is no longer exactly one); returns how many short forms changed target."""
    rows = list(db.execute("select id, name, type, merged_into, coalesce(article_count, 0) from entities "
                           "where coalesce(article_count, 1) > 0 or merged_into is not null"))
    context = ArticleContext(db)
    targets = _short_form_targets(rows, context)
    changed = 0
    for short, _name, _type, current, _ in rows:
        wanted = targets.get(short)
        if wanted != current:
            _retarget(db, short, current, wanted)
            changed += 1
        elif wanted is not None:  # mentions saved since the merge arrive on the short form's own id
            _point(db, short, wanted)
    by_id = {row[0]: row for row in rows}
    for short, wanted in targets.items():
        _keep_foreign_articles(db, context, by_id, short, wanted)
        _keep_other_regions_articles(db, context, by_id, short, wanted)
        _keep_state_stories(db, context, by_id, short, wanted)
        _keep_other_countries_articles(db, context, by_id, short, wanted)
        _keep_other_people(db, context, by_id, short, wanted)
        _keep_unrelated_acronym_articles(db, context, by_id, short, wanted)
    if changed or targets:
        refresh_entities(db)
    retype_places(db)
    link_surname_speakers(db, rows, targets, context)
    follow_merges_in_speakers(db)
    return changed


# A place's name run into another's ("Falcon 9", "Maritime and Coastguard Agency") may be resolved once by mistake.
RETYPE_MIN_ARTICLES = 2


def _articles_of(db, entity: str) -> set:
    return {row[0] for row in db.execute("select distinct article_id from mentions where entity_id = ?", [entity])}


def retype_places(db) -> int:
    """An organisation named exactly like a country or first-order division the archive's places resolved ("Nauru",
    "Northern Territory" tagged ORG in most of their mentions) is shown as a GPE, like a peninsula or an island
    ("Crimea") as another place (LOC), when in at least half of its
    articles, and two, the places stage resolved that name to that place ("Granma" the newspaper is not the
    province): only the entity row changes, never a mention or a place. Returns how many rows changed.
    Only the locations of places named like an organisation are read (0.02 s instead of 0.8 s on a generated archive
    of 100,000 articles and 362,593 locations)."""
    organisations = defaultdict(list)  # key → the organisations of that name
    for entity, name in db.execute("select id, name from entities where type = 'ORG' and merged_into is null"):
        organisations[entity_key(name, "ORG")].append(entity)
    resolved, keys = defaultdict(set), {}  # place key → articles where a location of its name resolved to it
    kinds = {}  # place key → the type its organisations are shown as
    for place, name, code in db.execute("select id, name, feature_code from places where feature_code like 'PCL%' "
                                        "or feature_code in ('ADM1', 'PEN', 'ISL')").fetchall():
        key = entity_key(name, "GPE")
        if key not in organisations:
            continue  # only the places named like an organisation are read (by the place_id index)
        kinds[key] = "LOC" if code in ("PEN", "ISL") else "GPE"
        for text, article_id in db.execute("select text, article_id from locations where place_id = ?", [place]):
            if text not in keys:
                keys[text] = entity_key(text, "GPE")
            if keys[text] == key:
                resolved[key].add(article_id)
    found = []
    for key, places in resolved.items():
        for entity in organisations[key] if len(places) >= RETYPE_MIN_ARTICLES else ():
            articles = _articles_of(db, entity)
            if len(places & articles) >= max(RETYPE_MIN_ARTICLES, len(articles) / 2):
                found.append((entity, kinds[key]))
    for kind in ("GPE", "LOC"):
        for ids in chunks([entity for entity, of_kind in found if of_kind == kind]):
            db.execute(f"update entities set type = '{kind}' where id in ({marks(ids)})", ids)
    return len(found)


def follow_merges_in_speakers(db) -> int:
    """quotes.speaker names the entity the quote's speaker was merged into ("Trump" → "Donald Trump") or the
    entity's spelling of the same name ("Stephane Bancel" → "Stéphane Bancel", "Moderna Inc" → "Moderna, Inc."):
    one speaker row, when it is of the same kind as the speaker (a person, or not); its own name again once a
    merge is undone or the kinds differ, and where the entity's key only folds another name into it ("Steve King"
    stays, not "Stephen King", unless its row is merged into his on evidence: _given_name_variants).
    quotes.speaker_name keeps the name the article gives.
    Only the quotes SQL cannot tell already show what they should (their own name, where the entity is missing or
    of the other kind; or their entity's name, of their kind) are looked at. Returns how many changed; their quote
    groups are refreshed."""
    _name_quotes_of_older_archives(db)
    kind_sql = "coalesce(quotes.speaker_type = 'person', 0) = coalesce(entities.type = 'PERSON', 0)"
    changed, groups = [], set()
    for quote, speaker, own, linked, name, type_, group, category, target in db.execute(
            "select quotes.id, quotes.speaker, quotes.speaker_name, quotes.speaker_entity_id, entities.name, "
            "entities.type, quotes.group_id, quotes.speaker_type, quotes.speaker_entity_id in (select merged_into "
            "from entities where merged_into is not null) from quotes left join entities on entities.id = "
            "quotes.speaker_entity_id where quotes.speaker_name is not null and not ((quotes.speaker is "
            f"quotes.speaker_name and (entities.name is null or not ({kind_sql}))) or (quotes.speaker is "
            f"entities.name and {kind_sql}))"):
        # a person's quote takes a person's name only ("Howard" said it, not the "Howard Government")
        same_kind = (category == "person") == (type_ == PERSON)
        merged = (target or speaker != own) and entity_id(own, type_) != linked
        wanted = name if name and same_kind and (merged or _one_spelling(own, name)) else own
        if wanted != speaker:
            changed.append((wanted, quote))
            if group is not None:
                groups.add(group)
    db.conn.executemany("update quotes set speaker = ? where id = ?", changed)
    if groups:
        refresh_group_rows(db, groups)
    return len(changed)


def _one_spelling(name: str, other: str) -> bool:
    """Two ways of writing one name: accents, case, hyphens, "&" or a legal form apart (spelling_core)."""
    return spelling_core(name)[0] == spelling_core(other)[0]


def _name_quotes_of_older_archives(db) -> None:
    """An archive from before quotes.speaker_name gets it from quotes.speaker, once: every quote saved since has
    it, and rowids grow, so the first quote with a speaker tells (no scan of every quote at every finish)."""
    first = db.execute("select speaker_name is null from quotes where speaker is not null order by rowid limit 1"
                       ).fetchone()
    if first and first[0]:
        db.execute("update quotes set speaker_name = speaker where speaker_name is null and speaker is not null")


class ArticleContext:
    """Where the articles of a short form are: the countries their places lie in (articles.country_codes),
    and the country a candidate's name is qualified by ("U.K. Treasury" → GB, "Swedish Export Credit
    Corp" → SE, "Federal Reserve" → US through its alias row's context)."""

    def __init__(self, db):
        self.db = db
        self._codes = None
        self._written: dict[str, str | None] = {}
        self._common: dict[str, bool] = {}
        self._regions = None
        self._total = None
        self._shares = None
        self._counts: dict[str, int] = {}
        self._topics: dict[str, set] = {}
        self.place_names = PlaceNames(db)  # read once per run by the per-target checks

    def codes(self) -> dict[str, str]:
        """place key → country code, countries first, from the places the archive resolved."""
        if self._codes is None:
            self._codes = {}
            for name, code, _feature in self.db.execute(
                    "select name, country_code, feature_code from places where country_code is not null "
                    "order by feature_code like 'PCL%'"):
                self._codes[entity_key(name, "GPE")] = code
        return self._codes

    def regions(self) -> dict[str, tuple[str, str]]:
        """place key → (country code, admin1) of the first-order divisions the archive resolved that share no key
        with a country ("Scotland", "Texas"): a body such a region qualifies is no body of the whole country."""
        if self._regions is None:
            rows = self.db.execute("select name, country_code, admin1, feature_code from places where "
                                   "country_code is not null and (feature_code = 'ADM1' or feature_code like 'PCL%')")
            found, countries = {}, set()
            for name, code, admin1, feature in rows.fetchall():
                key = entity_key(name, "GPE")
                if feature == "ADM1" and admin1:
                    found[key] = (code, admin1)
                else:
                    countries.add(key)
            self._regions = {key: region for key, region in found.items() if key not in countries}
        return self._regions

    def region(self, name: str) -> tuple[str, str] | None:
        """The region (not a country) that qualifies the name ("Scottish Parliament", "Texas Senate"), if any: the
        place its qualifier is read from (see qualifier)."""
        words = name.split()
        place = demonyms().get(words[0]) if words else None
        keys = [entity_key(place, "GPE")] if place else [
            entity_key(" ".join(words[:size]), "GPE") for size in range(len(words) - 1, 0, -1)]
        for key in keys:
            if key in self.regions() or key in self.codes():
                return self.regions().get(key)  # the longest prefix that is a place, as for the qualifier
        return None

    def in_region(self, article_ids: set, region: tuple[str, str]) -> set:
        """Those of the articles that name a place of the region (the region itself, or a place in it)."""
        found = set()
        for ids in chunks(sorted(article_ids)):
            found |= {row[0] for row in self.db.execute(
                f"select distinct locations.article_id from locations join places on places.id = locations.place_id "
                f"where places.country_code = ? and places.admin1 = ? and locations.article_id in ({marks(ids)})",
                [*region, *ids])}
        return found

    def articles_naming(self, name: str) -> set:
        """The articles whose mentions resolve to this name (their canonical name)."""
        return self._articles("select distinct article_id from mentions where entity_name = ?", [name])

    def qualifier(self, name: str) -> str | None:
        words = name.split()
        place = demonyms().get(words[0]) if words else None
        if place:
            return self.codes().get(entity_key(place, "GPE")) or self.code_written_as(place)
        for size in range(len(words) - 1, 0, -1):
            code = self.codes().get(entity_key(" ".join(words[:size]), "GPE"))
            if code:
                return code
        alias = contextual_alias(name)
        return self.codes().get(alias[1]) if alias else None

    def code_written_as(self, text: str) -> str | None:
        """The country of the place articles write as `text` when the gazetteer's own name differs ("Turkey"
        for "Türkiye")."""
        if text not in self._written:
            row = self.db.execute("select places.country_code from locations join places on places.id = "
                                  "locations.place_id where locations.text = ? and places.country_code is not null "
                                  "limit 1", [text]).fetchone()
            self._written[text] = row[0] if row else None
        return self._written[text]

    def full_name_holds_its_own(self, short: str, name: str, full: str, current: str | None = None) -> bool:
        """Whether the articles of a person's full name are at least a DOMINANT_RATIO-th as many as those that
        write only the surname, merged now or not, wherever the surname's mentions are now (`current`: a surname
        merged into a place of its name, "Brexit", is counted there, or the next load would decide otherwise):
        "Reagan" alone in 36 articles is not the "Michael Reagan" one article names, but someone better known."""
        counts = dict(self.db.execute(
            "select coalesce(entity_name, text) = ?, count(distinct article_id) from mentions where entity_id in "
            "(?, ?) or (entity_id = ? and coalesce(entity_name, text) = ?) group by 1",
            [name, short, full, current, name]).fetchall())
        return counts.get(0, 0) * DOMINANT_RATIO >= counts.get(1, 0)

    def surname_evidence(self, short: str, name: str, full: str, current: str | None = None) -> bool:
        """Whether a surname written alone in articles that never name the person in full is that person on real
        evidence, not only because the archive holds one person of that surname: the surname's articles are no more
        than the full name's own, and those two or more ("Trump" alone in 61 articles, "Donald Trump" in 185); or at
        least half of the surname's articles share the full name's context, an entity a full name's article names
        that is no everyday name of the archive (_rare_entities_of). "Francis" alone in three articles (the pope) is
        not the police spokesman one article names in full, nor "Anderson" the judge one article calls so."""
        alone = self._articles("select distinct article_id from mentions where entity_id in (?, ?, ?) and "
                               "+entity_name = ?", [short, full, current or short, name])
        own = {article_id for article_id, own_name in self.db.execute(
            "select distinct article_id, entity_name from mentions where entity_id = ?", [full])
            if own_name and entity_id(own_name, PERSON) == full}
        alone -= own  # an article that names the person in full too is the person's
        if not alone or (len(alone) <= len(own) and len(own) >= SURNAME_OWN_MIN):
            return True
        return 2 * len(self.sharing(own, alone, {short, full, current})) >= len(alone)

    def given_name_spellings(self, entities: set, names: set) -> tuple[dict, dict]:
        """For each of the names (people's full names of one folded key, entity_key): the articles whose mentions of
        the entities write it, and the head nouns of the roles written beside it ("secretary" of "U.S. Treasury
        Secretary"). A mention is the name's when its text has the name's words ("Steve King's" is "Steve King")."""
        keys = {" ".join(fold_words(name)): name for name in names}
        written, roles = defaultdict(set), defaultdict(set)
        for ids in chunks(sorted(entities)):
            for article_id, text, role in self.db.execute(
                    f"select article_id, text, role from mentions where entity_id in ({marks(ids)})", ids):
                words = fold_words(POSSESSIVE_END.sub("", text or ""))
                name = keys.get(" ".join(words))
                if name is not None:
                    written[name].add(article_id)
                    roles[name].update(role_head(role))
        return written, roles

    def surname_roles(self, short: str, name: str, full: str, current: str | None = None) -> tuple[dict, set]:
        """(article → the role heads (role_head) of a surname's mentions written alone in it, the role heads of the
        full name's own mentions, surname and all, in the articles that name the person in full)."""
        alone = defaultdict(set)
        for article_id, role in self.db.execute(
                "select article_id, role from mentions where entity_id in (?, ?, ?) and +entity_name = ?",
                [short, full, current or short, name]):
            alone[article_id].update(role_head(role))
        own = set()
        for own_name, role in self.db.execute("select entity_name, role from mentions where entity_id = ? and "
                                              "role is not null", [full]):
            if own_name and entity_id(own_name, PERSON) == full:
                own.update(role_head(role))
        return alone, own

    def sharing(self, own: set, others: set, skip: set) -> set:
        """Those of the `others` articles that name an entity (but those skipped) that the `own` articles name and
        that is no everyday name of the archive (_rare_entities_of)."""
        shared = self._rare_entities_of(own, skip)
        sharing = set()
        for ids in chunks(sorted(shared)):
            for chunk in chunks(sorted(others)):
                sharing |= self._articles(
                    f"select distinct article_id from mentions where entity_id in ({marks(ids)}) and "
                    f"article_id in ({marks(chunk)})", [*ids, *chunk])
        return sharing

    def writing_out(self, entities: set) -> set:
        """The articles whose mentions of the entities write a name of two words or more ("Barclays de Zoete Wedd"
        of "Barclays de Zoete Wedd Ltd"), not a short form merged into them (an acronym, a surname)."""
        found = set()
        for ids in chunks(sorted(entity for entity in entities if entity)):
            found |= self._articles(f"select distinct article_id from mentions where entity_id in ({marks(ids)}) and "
                                    f"text like '% %'", ids)
        return found

    def _rare_entities_of(self, article_ids: set, skip: set) -> set:
        """The entities the articles name, but those that more than a CONTEXT_SHARE of the archive's articles (and
        CONTEXT_MIN) name: a country or the president of every story is no shared context."""
        if self._total is None:
            self._total = self.db.execute("select count(*) from articles").fetchone()[0]
        limit = max(CONTEXT_MIN, CONTEXT_SHARE * self._total)
        found = set()
        for ids in chunks(sorted(article_ids)):
            found |= {row[0] for row in self.db.execute(
                f"select distinct mentions.entity_id from mentions join entities on entities.id = mentions.entity_id "
                f"where mentions.article_id in ({marks(ids)}) and coalesce(entities.article_count, 0) <= ?",
                [*ids, limit])}
        return found - skip

    def acronym_support(self, short: str, current: str | None, name: str, other: str,
                        written: bool = True) -> tuple[int, int, int]:
        """(articles that write the acronym and the organisation's own name, articles of the acronym, articles
        of the organisation's own names): what says that "SEC" is the Securities and Exchange Commission.
        With `written` False (a word, which the name itself holds), only mentions count, not the text."""
        both, own, full = self.support_articles(short, current, name, other, written)
        return len(both), len(own), len(full)

    def support_articles(self, short: str, current: str | None, name: str, other: str,
                         written: bool = True) -> tuple[set, set, set]:
        """The articles acronym_support counts."""
        own = self._articles("select distinct article_id from mentions where entity_id in (?, ?) and "
                             "coalesce(entity_name, text) = ?", [short, current or short, name])
        full, defined = set(), set()  # only the name's own mentions, not those of short forms merged into it
        for article_id, own_name, text, type_ in self.db.execute(
                "select article_id, coalesce(entity_name, text), text, type from mentions where entity_id = ?",
                [other]):
            if entity_id(own_name, type_) == other:
                full.add(article_id)
                if text == name:  # the article resolved the acronym to the name itself
                    defined.add(article_id)
        writing = self.writing(name, full - own - defined) if written else set()
        return (own & full) | defined | writing, own, full

    def lying_in(self, article_ids: set, code: str) -> set:
        """Those of the articles whose places lie (also) in the country `code`."""
        return self._placed(article_ids, lambda codes: code in codes)

    def located(self, article_ids: set) -> set:
        """Those of the articles whose places lie in some country (an article that names none tells no country)."""
        return self._placed(article_ids, bool)

    def _placed(self, article_ids: set, test) -> set:
        found = set()
        for ids in chunks(sorted(article_ids)):
            found |= {row[0] for row in self.db.execute(
                f"select id, country_codes from articles where id in ({marks(ids)})", ids)
                if test(country_codes(row[1]))}
        return found

    def share_in(self, code: str) -> float:
        """The share of the archive's located articles (those whose places lie in some country) that lie (also) in
        the country `code`: the base rate an acronym's articles are compared with (a local archive's nearly all)."""
        if self._shares is None:
            counts, located = Counter(), 0
            for (codes,) in self.db.execute("select country_codes from articles"):
                found = country_codes(codes)
                located += bool(found)
                counts.update(found)
            self._shares = {key: count / located for key, count in counts.items()}
        return self._shares.get(code, 0.0)

    def common_word(self, word: str) -> bool:
        """Whether the archive writes `word` in lower case too, as a word of its own, in at least COMMON_MIN of
        the first COMMON_SAMPLE articles that write it, and a COMMON_SHARE of them: "Budget", "Congressional",
        "Parliament" are common words capitalised; "Harvard", "Microsoft" are not (a URL does not count)."""
        if word not in self._common and not re.search(r"\w", word):
            self._common[word] = True  # no word at all: nothing to search, and no name either
        if word not in self._common:
            low = word.lower()
            pattern = re.compile(rf"(?<![\w./@#-]){re.escape(low)}(?![\w@/-]|\.\w)")
            texts = [f"{row[0] or ''}\n{row[1] or ''}" for row in self.db.execute(
                "select title, body from articles where rowid in (select rowid from articles_fts where articles_fts "
                "match ? limit ?)", [_phrase(low), COMMON_SAMPLE])]
            lower = sum(1 for text in texts if pattern.search(text))
            self._common[word] = lower >= COMMON_MIN and lower >= COMMON_SHARE * len(texts)
        return self._common[word]

    def writing(self, word: str, article_ids: set) -> set:
        """Those of the articles whose text writes `word` as a word, case and all ("the Grain Standards Office
        (GSO)", where the acronym is no mention of its own)."""
        if not article_ids:
            return set()
        pattern = re.compile(rf"(?<![\w.]){re.escape(word)}(?![\w])")
        found = set()
        for ids in chunks(sorted(article_ids)):
            found |= {row[0] for row in self.db.execute(
                f"select id, title, body from articles where id in ({marks(ids)}) and rowid in "
                f"(select rowid from articles_fts where articles_fts match ?)", [*ids, _phrase(word)])
                if pattern.search(f"{row[1] or ''}\n{row[2] or ''}")}
        return found

    def writing_start(self, name: str, article_ids: set) -> set:
        """Those of the articles whose text writes the first two words of the name in a row, case aside and each as a
        stem of STEM letters, words of INITIALS_SKIP between: "initial public offering" (of "Initial Public Offering"),
        "Christian Democrat" ("Christian Democratic Union"), "the Asia-Pacific" ("Asia Pacific Economic Cooperation").
        A name of initials ("A.B. Nobel") has no such words."""
        words = [word for word in re.findall(r"[^\W\d_]+", name) if word.lower() not in INITIALS_SKIP][:2]
        if len(words) < 2 or min(len(word) for word in words) < 3 or not article_ids:
            return set()
        between = "|".join(re.escape(word) for word in sorted(INITIALS_SKIP))
        pattern = re.compile(rf"(?i)(?<!\w){re.escape(words[0][:STEM])}\w*(?:\W+(?:{between}))*\W+"
                             rf"{re.escape(words[1][:STEM])}")
        found = set()
        for ids in chunks(sorted(article_ids)):
            found |= {row[0] for row in self.db.execute(
                f"select id, title, body from articles where id in ({marks(ids)})", ids)
                if pattern.search(f"{row[1] or ''}\n{row[2] or ''}")}
        return found

    def on_topic(self, own: set, others: set, skip: str = "") -> set:
        """Those of the `others` articles whose title and lede (stories.features) share TOPIC_MIN words or more with the
        `own` articles' that are no everyday words of the rest of the archive: written in at most a CONTEXT_SHARE of its
        articles (or CONTEXT_MIN) besides those compared ("wheat", "grades" in all the stories of a grain office;
        "playoffs", "rebounds" in a league's); the words of `skip` (the names compared) do not count."""
        if self._total is None:
            self._total = self.db.execute("select count(*) from articles").fetchone()[0]
        limit = max(CONTEXT_MIN, CONTEXT_SHARE * self._total)
        words = {article_id: self._topic_words(article_id) for article_id in own | others}
        theirs = set().union(*(words[article_id] for article_id in own)) - {key[2:] for key in features(skip, None)}
        shared = set().union(*(words[article_id] & theirs for article_id in others)) if others else set()
        rare = {word for word in shared if self._rare_besides(word, own | others, limit)}
        return {article_id for article_id in others if len(words[article_id] & rare) >= TOPIC_MIN}

    def _rare_besides(self, word: str, article_ids: set, limit: float) -> bool:
        """Whether at most `limit` articles besides `article_ids` write the word; the archive's count (cached) decides
        alone when it is at most the limit, or above it by more than the articles compared."""
        everywhere = self._word_count(word)
        if everywhere <= limit or everywhere - len(article_ids) > limit:
            return everywhere <= limit
        return everywhere - self._word_count(word, article_ids) <= limit

    def _topic_words(self, article_id: str) -> set:
        if article_id not in self._topics:
            row = self.db.execute("select title, body from articles where id = ?", [article_id]).fetchone()
            self._topics[article_id] = {key[2:] for key in features(*row)
                                        if key.startswith("w:") and re.search(r"[^\W\d_]{3}", key)}
        return self._topics[article_id]

    def _word_count(self, word: str, article_ids: set | None = None) -> int:
        """How many of the archive's articles (or of `article_ids`) write the word (FTS, stemmed)."""
        if article_ids is not None:
            return len(self.writing_stem(word, article_ids))
        if word not in self._counts:
            self._counts[word] = self.db.execute("select count(*) from articles_fts where articles_fts match ?",
                                                 [_phrase(word)]).fetchone()[0]
        return self._counts[word]

    def writing_stem(self, word: str, article_ids: set) -> set:
        """Those of the articles that FTS finds writing the word (stemmed, case aside)."""
        found = set()
        for ids in chunks(sorted(article_ids)):
            found |= self._articles(f"select id from articles where id in ({marks(ids)}) and rowid in (select rowid "
                                    f"from articles_fts where articles_fts match ?)", [*ids, _phrase(word)])
        return found

    def _articles(self, sql: str, params: list) -> set:
        return {row[0] for row in self.db.execute(sql, params)}

    def countries(self, name: str) -> tuple[Counter, int]:
        """(country code → how many articles naming `name` (as their canonical name) lie there, how many
        articles name it)."""
        found, articles = Counter(), 0
        for (codes,) in self.db.execute(
                "select country_codes from articles where id in (select article_id from mentions "
                "where entity_name = ?)", [name]):
            articles += 1
            found.update(country_codes(codes))
        return found, articles


def country_codes(value: str | None) -> set[str]:
    """The country codes an article's places lie in, from articles.country_codes (a JSON list, or empty)."""
    return set(json.loads(value)) if value and value.startswith("[") else set()


def _phrase(word: str) -> str:
    """An FTS5 phrase for a word ("M.D.C." → "M D C")."""
    return '"' + " ".join(re.findall(r"\w+", word)) + '"'


def _one_noun(by_id: dict, short: str, nouns) -> str | None:
    """The short form's one folded word when it is an organisation's and one of `nouns` ("Senate" → "senate"), else
    None: the opening of the _keep_* checks of a public body's noun."""
    words = fold_words(by_id[short][1])
    return words[0] if len(words) == 1 and words[0] in nouns and by_id[short][2] == "ORG" else None


def _articles_merged(db, wanted: str, name: str) -> set:
    """The articles whose mentions written `name` a merge pointed at `wanted` ("+": the entity's index, not the
    name's, which a common noun fills)."""
    return {row[0] for row in db.execute(
        "select distinct article_id from mentions where entity_id = ? and +entity_name = ?", [wanted, name])}


# An article no place locates lies in the country most of the archive's located articles lie in, if one holds this
# share of them: "the Treasury" of an unplaced wire story is the U.S. one in 1987 Reuters (three in five located
# there), not in world or local news from many countries.
UNPLACED_SHARE = 0.5


def _keep_foreign_articles(db, context: ArticleContext, by_id: dict, short: str, wanted: str) -> None:
    """A public body's noun, or a common noun capitalised (ArticleContext.common_word), merged into one country's body
    ("Treasury" → "U.S. Treasury Department", "Army" → "U.S. Army", "Opposition" → "Syrian Opposition"; its country
    by _body_country) is another country's body in an article that does not write the body's name and
    - whose places lie only in other countries, or in that country only in passing (_in_passing: "the Times" of a
      story of forty British places and one American, "Congress" of one of eighteen Indian places and one American),
    - or that no place locates, while that country holds less than an UNPLACED_SHARE of the archive's located
      articles and the article does not write the words before the noun ("U.S." of "U.S. Senate": "U.S. BUDGET
      CLEARED" of a wire story no place locates):
    the body of that country the archive names ("U.K. Treasury"), else the short form itself (its mentions there stay
    apart)."""
    name = by_id[short][1]
    words = fold_words(name)
    if len(words) != 1 or by_id[short][2] != "ORG" or not (
            words[0] in institution_words() or (name[1:].islower() and context.common_word(name))):
        return
    home = _body_country(context, words[0], by_id[wanted][1])
    if home is None:
        return
    named = context.articles_naming(by_id[wanted][1])  # an article that writes the body's name means it
    placed_by = _words_before(words[0], by_id[wanted][1])  # "U.S." of "U.S. Senate"
    unplaced_abroad = context.share_in(home) < UNPLACED_SHARE  # an article no place locates lies where most do
    bodies = defaultdict(set)  # country → the bodies of that noun qualified by it
    for other, other_name, type_, merged, _ in by_id.values():
        if type_ == "ORG" and merged is None and other != wanted and words[0] in fold_words(other_name) \
                and _same_body(words[0], other_name, set()):
            code = context.qualifier(other_name)
            if code:
                bodies[code].add(other)
    for article_id, codes in db.execute(  # "+": the entity's index, not the name's, which a common noun fills
            "select id, country_codes from articles where id in (select article_id from mentions "
            "where entity_id = ? and +entity_name = ?)", [wanted, name]).fetchall():
        found = country_codes(codes)
        if article_id in named or (home in found and not _in_passing(db, article_id, home)):
            continue
        if not found and (not unplaced_abroad or (placed_by and context.writing(placed_by, {article_id}))):
            continue
        there = set().union(*(bodies.get(code, set()) for code in found - {home}))
        _keep_apart(db, there.pop() if len(there) == 1 else short, wanted, name, article_id)


# A country an article names less than this share as often as the country it names most is named in passing.
PASSING_SHARE = 0.2


def _in_passing(db, article_id: str, code: str) -> bool:
    """Whether the article's places lie in the country `code` only in passing: fewer than a PASSING_SHARE of the
    mentions of the country its places lie in most (a story of Russia's ties with Washington names both often)."""
    counts = dict(db.execute("select places.country_code, count(*) from locations join places on places.id = "
                             "locations.place_id where locations.article_id = ? and places.country_code is not null "
                             "group by 1", [article_id]).fetchall())
    return counts.get(code, 0) < PASSING_SHARE * max(counts.values(), default=0)


def _body_country(context: ArticleContext, noun: str, name: str) -> str | None:
    """The country of a body whose name is a place and its noun ("U.S. Army", "Sri Lanka Army", "Manitoba
    Legislature"): the place the archive resolved (ArticleContext.qualifier), else the country or first-order division
    the gazetteer knows by the words before the noun, or by the place their nationality is of ("Maltese")."""
    code = context.qualifier(name)
    if code is not None:
        return code
    before = _words_before(noun, name)
    place = demonyms().get(before, before)
    gazetteer = get_gazetteer()
    found = [candidate.country_code for candidate in (gazetteer.candidates(place) if place else [])
             if candidate.country_code and (candidate.feature_code.startswith("PCL")
                                            or candidate.feature_code == "ADM1")
             and gazetteer.is_main_name(candidate, place)]
    return found[0] if found else None


def _words_before(noun: str, name: str) -> str:
    """The words of the name before its noun ("Sri Lanka" of "Sri Lanka Army"); none when it does not hold it."""
    words = name.split()
    folded = [fold_words(word)[:1] for word in words]
    return " ".join(words[:folded.index([noun])]) if [noun] in folded else ""


def _keep_other_regions_articles(db, context: ArticleContext, by_id: dict, short: str, wanted: str) -> None:
    """A public body's noun merged into a body of one place ("Senate" → "U.S. Senate", "Legislature" → "Florida
    Legislature"): in an article that writes the noun after "state" or after the name of a first-order division it
    names ("the state Senate", "the Ohio Senate"), the noun is that division's body, not a country's; and for a
    division's body, in an article whose places lie in other divisions of its country and none in its own, the noun is
    theirs. Its mentions (and quotes) there stay on the short form's own id."""
    name = by_id[short][1]
    if _one_noun(by_id, short, institution_words()) is None:
        return
    body = by_id[wanted][1]
    if context.qualifier(body) is None:
        return
    region = context.region(body)
    articles = sorted(_articles_merged(db, wanted, name) - context.articles_naming(body))
    divisions = _divisions_named(context.place_names, articles)
    if region is None:  # the articles that write the noun after "state" or a division they name (FTS, then the text)
        phrases = {f"{qualifier} {name}" for qualifier in ("state", "State", *set().union(*divisions.values()))}
        elsewhere = set().union(*(context.writing(phrase, set(articles)) for phrase in sorted(phrases)))
    else:
        elsewhere = {article_id for article_id, named in divisions.items() if region not in named.values()}
    for article_id in sorted(elsewhere):
        _keep_apart(db, short, wanted, name, article_id)


# What an article writes about a state's politics: its bare "the Senate" is the state's ("state Sen.", "the
# statehouse", "the General Assembly"), strong enough alone; or, with every place of the article in one division of
# the body's country, a governor or lawmakers. And what it writes about the nation's: Congress, Capitol Hill, a U.S.
# senator, Washington, the federal government. Hand-kept from US wire and local-paper usage.
STATE_POLITICS = re.compile(
    r"\b(?:state ?house|state capitol|general assembly|state (?:sen\.|rep\.|senators?|representatives?|lawmakers|"
    r"legislators?|legislature|house|senate|assembly|budget)|assembly(?:man|men|woman|women|member)|"
    r"legislative session)(?!\w)", re.IGNORECASE)
STATE_HINTS = re.compile(r"\b(?:Gov\.|[Gg]overnor|[Ll]egislat\w+|[Ll]awmakers|Capitol)(?!\w)")
NATIONAL_POLITICS = re.compile(
    r"\b(?:Congress|CONGRESS|congress(?:ional|man|men|woman|women)?|CONGRESSIONAL|Capitol Hill|"
    r"(?i:U\.?S\.? (?:sen\.|rep\.|senate|house|senators?|representatives?|attorney general))|[Ss]enators? (?:from|for)|"
    r"Washington|WASHINGTON)"
    r"(?!\w)")
# A congress another name holds ("the American Congress of Obstetricians") is no word of the nation's.
NAMED_CONGRESS = re.compile(r"\b(?!Republican |Democratic |New )[A-Z][a-z]+ Congress\b|\bCongress of\b")
# "federal law", "federal courts": state stories write it too, so it tells only where the article's places do not.
FEDERAL = re.compile(r"\b[Ff]ederal\b")
# The nouns of bodies a state has as well as the nation ("the Senate", "the Capitol"; not "Army", "Embassy").
STATE_BODY_NOUNS = frozenset({"senate", "house", "assembly", "legislature", "court", "capitol"})
# "R-Lima" names a state legislator by the town; "R-Calif." a member of Congress by the state.
PARTY_PLACE = re.compile(r"(?:\(|, )[RDI]-(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?)")  # after a name: not "D-Day"


def _keep_state_stories(db, context: ArticleContext, by_id: dict, short: str, wanted: str) -> None:
    """A public body's noun merged into a country's body ("Senate" → "U.S. Senate"): in an article that writes about
    one state's politics and nothing of the nation's (_state_story), "the Senate" is the state's: the body of that
    division the archive names ("Ohio Senate") when the article's places lie in one division, else the short form
    itself (its mentions and quotes there stay apart)."""
    name = by_id[short][1]
    noun = _one_noun(by_id, short, STATE_BODY_NOUNS)
    if noun is None:
        return
    body = by_id[wanted][1]
    country = context.qualifier(body)
    if country is None or context.region(body) is not None:
        return
    articles = sorted(_articles_merged(db, wanted, name) - context.articles_naming(body))
    if not articles:
        return
    divisions = _divisions_of(db, articles, country)
    bodies = _division_bodies(context, by_id, noun)
    for ids in chunks(articles):
        for article_id, *texts in db.execute(
                f"select id, dateline, title, body from articles where id in ({marks(ids)})", ids).fetchall():
            division = divisions.get(article_id)
            if _state_story("\n".join(text or "" for text in texts), division, country):
                _keep_apart(db, bodies.get(division) or short, wanted, name, article_id)


def _divisions_of(db, article_ids: list, country: str) -> dict[str, tuple[str, str]]:
    """article → the one first-order division of `country` (country code, admin1) its places of that country lie
    in; an article with places in several divisions, or none below the country, has none."""
    found = defaultdict(set)
    for ids in chunks(sorted(article_ids)):
        for article_id, admin1 in db.execute(
                f"select distinct locations.article_id, places.admin1 from locations join places on places.id = "
                f"locations.place_id where places.country_code = ? and places.feature_code not like 'PCL%' and "
                f"places.admin1 is not null and places.admin1 not in ('', '00') and locations.article_id in "
                f"({marks(ids)})", [country, *ids]):
            found[article_id].add((country, admin1))
    return {article_id: next(iter(divisions)) for article_id, divisions in found.items() if len(divisions) == 1}


def _state_story(text: str, division: tuple[str, str] | None, country: str) -> bool:
    """Whether an article's text is about one state's politics and not the nation's: no word of the nation's
    (NATIONAL_POLITICS, a party label with a division's name, "R-Calif."; "federal" unless its places lie in one
    division), and a word of a state's (STATE_POLITICS, a party label with a town's name, "R-Lima"), or a governor or
    lawmakers when its places lie in one division (`division`)."""
    if NATIONAL_POLITICS.search(NAMED_CONGRESS.sub("", text)) or (division is None and FEDERAL.search(text)):
        return False
    towns = False
    for match in PARTY_PLACE.finditer(text):
        if _a_division(match.group("place"), country):
            return False
        towns = True
    return towns or STATE_POLITICS.search(text) is not None or (
        division is not None and STATE_HINTS.search(text) is not None)


def _a_division(text: str, country: str) -> bool:
    """Whether the words (or the first of them) name a first-order division of the country ("Ohio", "Calif.",
    "N.Y.", "West Virginia"), by the gazetteer or the alias table's abbreviations."""
    gazetteer = get_gazetteer()
    for surface in dict.fromkeys((text.rstrip(",;:)"), text.split()[0].rstrip(",;:)"))):
        canonical = alias_for(surface, "GPE") or surface
        if any(place.feature_code == "ADM1" and place.country_code == country
               for place in gazetteer.candidates(canonical)):
            return True
    return False


def _division_bodies(context: ArticleContext, by_id: dict, word: str) -> dict[tuple[str, str], str]:
    """division → the one body of that noun the archive names qualified by it ("Ohio Senate"), for the divisions
    that have exactly one; read once per noun, not once per article."""
    regions = set(context.regions())
    found = defaultdict(set)
    for other, other_name, type_, merged, _ in by_id.values():
        if type_ == "ORG" and merged is None and word in fold_words(other_name) \
                and _same_body(word, other_name, regions):
            division = context.region(other_name)
            if division is not None:
                found[division].add(other)
    return {division: bodies.pop() for division, bodies in found.items() if len(bodies) == 1}


def _keep_other_countries_articles(db, context: ArticleContext, by_id: dict, short: str, wanted: str) -> None:
    """A common noun capitalised (a word the archive writes in lower case too: "Opposition"; not "DPA", which an
    agency writes "dpa") merged into a body no place nor company form
    qualifies: when the body's name holds the noun after words that are no place ("Joint Opposition": one party's
    alliance, not every country's opposition), the noun is the body only in an article that writes the body's name
    (_keep_unwritten); else ("European Community"), in an article whose places lie only in countries where no article
    of the body's own name lies, the noun is that country's. Its mentions (and quotes) elsewhere stay on the short
    form's own id."""
    name = by_id[short][1]
    body = by_id[wanted][1]
    if len(fold_words(name)) != 1 or by_id[short][2] != "ORG" or not name[1:].islower() \
            or context.qualifier(body) is not None or set(fold_words(body)) & COMPANY_FORMS \
            or not context.common_word(name):
        return
    noun = fold_words(name)[0]
    if noun in fold_words(body) and not _a_place(context, _words_before(noun, body)):
        _keep_unwritten(db, context, short, wanted, name, body)
        return
    home = set()
    for (codes,) in db.execute("select country_codes from articles where id in (select article_id from mentions "
                               "where entity_id = ? and +entity_name != ?)", [wanted, name]):
        home |= country_codes(codes)
    if not home:
        return
    for article_id, codes in db.execute(
            "select id, country_codes from articles where id in (select article_id from mentions "
            "where entity_id = ? and +entity_name = ?)", [wanted, name]).fetchall():
        if country_codes(codes) and not country_codes(codes) & home:
            _keep_apart(db, short, wanted, name, article_id)


def _a_place(context: ArticleContext, words: str) -> bool:
    """Whether the words name a place, or are a nationality: a place the archive resolved, a country's initials,
    a place the gazetteer knows by that main name ("Joint", "Catholic" are none)."""
    if not words:
        return False
    if words in demonyms() or is_country_prefix(words) or entity_key(words, "GPE") in context.codes():
        return True
    gazetteer = get_gazetteer()
    return any(gazetteer.is_main_name(place, words) for place in gazetteer.candidates(words))


def _keep_unwritten(db, context: ArticleContext, short: str, wanted: str, name: str, body: str) -> None:
    """The mentions (and quotes) of `name` merged into `body` stay on the short form's own id in every article that
    does not write the body's name, as a mention or in its text."""
    articles = _articles_merged(db, wanted, name)
    for article_id in sorted(articles - context.articles_naming(body) - context.writing(body, articles)):
        _keep_apart(db, short, wanted, name, article_id)


def _divisions_named(places: "PlaceNames", article_ids: list) -> dict[str, dict[str, tuple[str, str]]]:
    """article → {the text it writes a first-order division as: (country code, admin1)}."""
    found = places.division_texts()
    return {article_id: found[article_id] for article_id in article_ids if article_id in found}


def _short_form_targets(rows: list[tuple], context: ArticleContext | None = None) -> dict[str, str]:
    """short form id → full entity id. Near-spellings of one name ("Exchance") and organisations that
    differ only by a legal form ("General Motors", "General Motors Corp") join the one most articles
    name; then a one-word name joins the full entity that fits: a person by surname; an organisation by
    initials (an acronym) or, for a word, an organisation whose name holds it and ends in a legal form,
    a public body's noun or the word; or the entity an alias row names for it in some context ("Fed").
    Several fit: see _choose."""
    targets = _spelling_variants(rows)
    for found in (_labelled_names(rows), _legal_form_variants(rows), _middle_initial_variants(rows),
                  _given_name_variants(rows, context), _people_named_like_things(rows),
                  _names_of_one_place(rows, context)):
        targets.update((short, full) for short, full in found.items() if short not in targets)
    _firms_named_like_people(context, rows, targets)
    surnames, initials, words = _surnames(rows, targets), defaultdict(set), defaultdict(set)
    with_forms = defaultdict(set)  # initials with the legal form ("FDIC"): only where an article names both
    by_key, places = {}, set()
    for entity, name, type_, _merged, _ in rows:
        if type_ != PERSON:
            by_key.setdefault(entity_key(name, type_), entity)
        if type_ == "GPE":
            places.add(entity_key(name, type_))
        folded = fold_words(name)
        if len(folded) < 2 or entity in targets:
            continue
        if type_ == "ORG":
            # "GM" for "General Motors Corp": the legal form's initial does not count ("FMC" is not "Ford Motor
            # Co"), unless an article writes the acronym beside the name ("Federal Deposit Insurance Corp", "FDIC")
            initials[_initials(name, INITIALS_SKIP)].add(entity)
            with_forms[_initials(name, INITIALS_SKIP - LEGAL_FORMS)].add(entity)
            if folded[-1] in LEGAL_FORMS or fragment_kind(folded[-1]) == "generic":
                for word in set(folded[:-1]):
                    words[word].add(entity)
            words[folded[-1]].add(entity)
    by_id = {row[0]: row for row in rows}
    leading = _leading_words(context, rows) if context is not None else Counter()
    given = _surnames(rows, targets, at=0)
    for entity, name, type_, _, _ in rows:
        folded = fold_words(name)
        if len(folded) != 1 or not name[:1].isupper() or alias_for(name, None):
            continue  # a name the alias table knows ("OPEC") is already one entity with its expansion
        preferred, unconfirmed = None, set()
        if type_ == PERSON:
            found = set(surnames.get(folded[0], set()))
        elif type_ == "ORG":
            # "Moody" is what is left of "Moody's" once the possessive is trimmed: also the word with an s
            if ACRONYM.fullmatch(name):
                found, unconfirmed = _acronym_candidates(by_id[entity], initials, with_forms, context, by_id, targets)
            else:
                found = words.get(folded[0], set()) | {
                    other for other in words.get(folded[0] + "s", set()) if _possessive_of(name, by_id[other][1])}
            alias = contextual_alias(name)
            preferred = by_key.get(entity_key(alias[0], type_)) if alias else None
            if preferred not in (None, entity):
                found.add(preferred)
        else:
            continue
        found = {other for other in found if not _joined_names(by_id[other][1], by_key)
                 and not STANCE_PREFIX.match(by_id[other][1])
                 and (type_ != "ORG" or _same_body(folded[0], by_id[other][1], places))}
        if type_ == "ORG" and not ACRONYM.fullmatch(name):
            found, unconfirmed = _word_candidates(by_id[entity], found - {preferred}, by_id, context, leading)
            found |= {preferred} - {None}
        if type_ == PERSON:
            chosen = _surname_target(entity, name, found, by_id, context, given=given.get(folded[0], set()))
        else:
            chosen = _choose(name, found, by_id, context, preferred)
        if type_ == "ORG" and chosen is not None and context is not None and chosen != preferred \
                and not _body_of_its_country(context, name, by_id[chosen][1]):
            chosen = None
        if chosen is not None and chosen not in unconfirmed:
            targets[entity] = chosen
    targets.update(_things_named_like_people(rows, targets))
    return _follow_chains(targets)


def role_head(role: str | None) -> set:
    """The head noun of a role, as a set of none or one folded word: "secretary" of "U.S. Treasury Secretary" and of
    "Secretary of State", "president" of "only President"."""
    words = fold_words(re.split(r"(?i)\s+of\s+", role or "")[0])
    return set(words[-1:])


def _same_role(context: ArticleContext, short: str, name: str, full: str, current: str | None) -> bool:
    """Whether a surname written alone far more often than its one full name is still that person because it bears
    the person's role ("President Reagan" in 17 articles, "President Ronald Reagan" in one): in at least a
    DOMINANT_RATIO-th of the surname's articles its mentions carry a role whose head noun the full name's own mentions
    carry, and in none a role of another head ("Reagan, the comet" is not the president)."""
    alone, own = context.surname_roles(short, name, full, current)
    heads = [found for found in alone.values() if found]
    same = sum(1 for found in heads if found <= own)
    return bool(own) and same == len(heads) and same * DOMINANT_RATIO >= len(alone)


def _surname_target(short: str, name: str, found: set, by_id: dict, context: ArticleContext | None,
                   quoted: int = 0, given: frozenset | set = frozenset()) -> str | None:
    """The one person a surname stands for among those of that surname (_choose), if that person's articles hold their
    own beside the surname's (ArticleContext.full_name_holds_its_own and surname_evidence), or the surname bears the
    person's role (_same_role); `quoted`: articles that quote the surname as a speaker and name no one of it count
    with the surname's. The people whose given name the word is (`given`:
    "Paul Ryan" for "Paul", "Zeid Ra'ad al-Hussein" for "Zeid") compete for it but are never chosen: the surname's
    person then needs a clear majority of their articles."""
    chosen = _choose(name, found | set(given), by_id, None)
    if chosen is not None and chosen not in found:
        return None
    current = by_id[short][3] if short in by_id else None
    if chosen is not None and context is not None and not (
            ((context.full_name_holds_its_own(short, name, chosen, current)
              and context.surname_evidence(short, name, chosen, current))
             or _same_role(context, short, name, chosen, current))
            and by_id[chosen][4] * DOMINANT_RATIO >= quoted):
        return None
    return chosen


def _surnames(rows: list[tuple], targets: dict[str, str], at: int = -1) -> dict[str, set]:
    """surname (the word `at` 0: given name) → the people of two words or more who have it, except those merged
    into another."""
    found = defaultdict(set)
    for entity, name, type_, _merged, _ in rows:
        folded = fold_words(name)
        if type_ == PERSON and len(folded) > 1 and entity not in targets:
            found[folded[at]].add(entity)
    return found


def _other_people(db, article_ids: set, word: str, person: str, name: str) -> set:
    """Those of the articles that name another person than `person` (of this name) whose name holds `word`
    ("Winchman Paul Ormsby" beside a "Paul" the archive takes for Rand Paul; "Kim Jong Un" beside a "Kim" taken for
    someone else); a name that holds the person's own ("Donald Trump-complained", "Bashar al-Assad" for "Bashar al
    Assad") or a stance ("Anti-Trump") is no other person."""
    found = set()
    for ids in chunks(sorted(article_ids)):
        found |= {article_id for article_id, other in db.execute(
            f"select distinct article_id, entity_name from mentions where article_id in ({marks(ids)}) and "
            f"type = 'PERSON' and entity_id is not ?", [*ids, person])
            if other and _another_person(word, fold_words(other), fold_words(name)) and not STANCE_PREFIX.match(other)}
    return found


def _another_person(word: str, other: list[str], known: list[str]) -> bool:
    """Whether a name (folded words) that holds the word is not the known person's: neither holds the other's words
    in a row."""
    def holds(a: list[str], b: list[str]) -> bool:
        return any(a[i:i + len(b)] == b for i in range(len(a) - len(b) + 1))
    return word in other and len(other) > 1 and not holds(other, known) and not holds(known, other)


def _keep_other_people(db, context: ArticleContext, by_id: dict, short: str, wanted: str) -> None:
    """A surname merged into one person ("Paul" → "Rand Paul"): in an article that names another person whose name
    holds that word ("Winchman Paul Ormsby"), or a place whose name holds it (_places_of_the_word), the word is not the
    archive's candidate: its mentions (and quotes) there stay on the short form's own id."""
    name = by_id[short][1]
    words = fold_words(name)
    if len(words) != 1 or by_id[short][2] != PERSON or by_id[wanted][2] != PERSON:
        return
    articles = _articles_merged(db, wanted, name)
    others = _other_people(db, articles, words[0], wanted, by_id[wanted][1])
    for article_id in sorted(others | _places_of_the_word(db, context.place_names, words[0], articles - others)):
        _keep_apart(db, short, wanted, name, article_id)


def _places_of_the_word(db, places: "PlaceNames", word: str, article_ids: set) -> set:
    """Those of the articles that name a place whose name holds the word among others ("Clinton County", "Sault Ste.
    Marie"): there the word is as likely the place or a fragment of it as the person. A place named by the word alone
    does not count: the model and the geocoder take the person's own name for a place too often ("Erdogan" tagged
    LOC, "Clinton" resolved to a town in an article about Hillary Clinton); nor a building ("Trump Tower"), named
    after the person."""
    if not article_ids:
        return set()
    place_ids, entity_ids = places.holding(word)  # the places and place entities of such a name, then their articles
    placed = set()
    for column, table, ids in (("place_id", "locations", place_ids), ("entity_id", "mentions", entity_ids)):
        for chunk in chunks(ids):
            placed |= {row[0] for row in db.execute(
                f"select distinct article_id from {table} where {column} in ({marks(chunk)})", chunk)}
    return placed & article_ids


class PlaceNames:
    """What the per-target checks of a merge read of the archive's places, read once per finisher run
    (ArticleContext holds one): the texts articles write first-order divisions as (_divisions_named), and the places
    and place entities whose name of several words holds a word (_places_of_the_word). A merge's own updates touch
    neither (they move mentions, which are read per target)."""

    def __init__(self, db):
        self.db = db
        self._divisions = None
        self._holding = None

    def division_texts(self) -> dict[str, dict[str, tuple[str, str]]]:
        """article → {the text it writes a first-order division as: (country code, admin1)}, for every article. The
        divisions first (a small table), then their locations (by the place_id index)."""
        if self._divisions is None:
            divisions = {row[0]: row[1:] for row in self.db.execute(
                "select id, country_code, admin1 from places where feature_code = 'ADM1' and country_code is not null "
                "and admin1 is not null")}
            self._divisions = defaultdict(dict)
            for ids in chunks(sorted(divisions)):
                for article_id, text, place in self.db.execute(
                        f"select article_id, text, place_id from locations where place_id in ({marks(ids)})", ids):
                    if text:
                        self._divisions[article_id][text] = divisions[place]
        return self._divisions

    def holding(self, word: str) -> tuple[list, list]:
        """(place ids, GPE and LOC entity ids) whose name of several words holds the folded word, and holds it as
        SQL's `name like '%word%'` does (_like_holds: "Brännock County" does not hold "brannock")."""
        if self._holding is None:
            self._holding = defaultdict(lambda: ([], []))
            for at, query in enumerate((
                    "select id, name from places where name like '% %'",
                    "select id, name from entities where type in ('GPE', 'LOC') and name like '% %'")):
                for id_, name in self.db.execute(query):
                    for folded in dict.fromkeys(fold_words(name)):
                        if _like_holds(name, folded):
                            self._holding[folded][at].append(id_)
        return self._holding.get(word, ([], []))


def _like_holds(name: str, word: str) -> bool:
    """Whether SQLite's `name like '%word%'` holds: ASCII letters match in either case, other characters only
    themselves, "_" any one character (a folded word holds no "%")."""
    pattern = "".join("." if char == "_" else re.escape(char) for char in word)
    return re.search(pattern, name, re.IGNORECASE | re.ASCII | re.DOTALL) is not None


def _keep_apart(db, short: str, wanted: str, name: str, article_id: str) -> None:
    """The mentions (and quotes) of `name` in one article go back from the merge's target to the short form."""
    db.execute("update mentions set entity_id = ? where entity_id = ? and +entity_name = ? and article_id = ?",
               [short, wanted, name, article_id])
    db.execute("update quotes set speaker_entity_id = ? where speaker_entity_id = ? and "
               "coalesce(speaker_name, speaker) = ? and article_id = ?", [short, wanted, name, article_id])
    db.execute("update entities set mention_count = null where id in (?, ?)", [wanted, short])


# A speaker's name that may be a surname: a capitalised word of letters (the punctuation a quote's edge leaves
# after it, "Zaki.-", aside).
SURNAME = re.compile(r"[A-Z][a-z]*(?:['’-]?[A-Z]?[a-z]+)+[.,;:-]*")


def link_surname_speakers(db, rows: list[tuple], targets: dict[str, str], context: ArticleContext | None) -> int:
    """A person quoted by a surname no person row of the archive holds ("Nunes said", in an article where no mention
    was tagged) is linked to the one person of that surname, as that surname's mentions would be (_surname_target),
    except in an article that names another person whose name holds the word; else the quote keeps the link its
    name gives (quotes.speaker_entity_id at save, followed through a merge). Returns how many quotes changed."""
    quotes = defaultdict(list)  # surname → (quote, article, current link, speaker shown)
    for quote, article_id, name, linked, shown, group in db.execute(
            "select id, article_id, speaker_name, speaker_entity_id, speaker, group_id from quotes where "
            "speaker_type = 'person' and speaker_name not like '% %' and speaker_name glob '[A-Z]*'"):
        if SURNAME.fullmatch(name):
            quotes[name].append((quote, article_id, linked, shown, group))
    ids = {name: entity_id(name, PERSON) for name in quotes}
    known = set()
    for chunk in chunks(sorted(set(ids.values()))):
        known |= {row[0] for row in db.execute(f"select id from entities where id in ({marks(chunk)})", chunk)}
    surnames, given = _surnames(rows, targets), _surnames(rows, targets, at=0)
    by_id, changed, groups = {row[0]: row for row in rows}, [], set()
    for name, found in quotes.items():
        if ids[name] in known or speaker_entity_id(db, name, PERSON) is not None or (
                context is not None and context.common_word(name)):
            continue  # a row of that name decides ("Israel", merged or not), and "Director" is nobody's surname
        articles = {article_id for _, article_id, *_ in found}
        word = fold_words(name)[0]
        chosen = _surname_target(ids[name], name, surnames.get(word, set()), by_id, context, len(articles),
                                 given.get(word, set()))
        others = _other_people(db, articles, word, chosen, by_id[chosen][1]) if chosen else set()
        for quote, article_id, linked, shown, group in found:
            wanted = chosen if chosen and article_id not in others else None
            speaker = by_id[wanted][1] if wanted else name
            if (wanted, speaker) != (linked, shown):
                changed.append((wanted, speaker, quote))
                groups.add(group)
    db.conn.executemany("update quotes set speaker_entity_id = ?, speaker = ? where id = ?", changed)
    if groups - {None}:
        refresh_group_rows(db, groups - {None})
    return len(changed)


# "the Trump budget": an organisation named like a person whom at least this many times its articles name joins him.
PERSON_RATIO = 3


def _things_named_like_people(rows: list[tuple], targets: dict[str, str]) -> dict[str, str]:
    """An organisation's one-word name that is also a person's row ("Trump" typed ORG in "the Trump budget",
    "Trump's first 100 days") joins the person that row stands for, when that person's articles are at least
    PERSON_RATIO times the organisation's and the word joins no organisation ("Ford" → Ford Motor Co stays)."""
    by_id = {row[0]: row for row in rows}
    found = {}
    for entity, name, type_, _, articles in rows:
        if type_ != "ORG" or entity in targets or len(fold_words(name)) != 1 or name.isupper():  # "starting XI"
            continue
        person, seen = entity_id(name, PERSON), set()
        while person in targets and person not in seen:
            seen.add(person)
            person = targets[person]
        row = by_id.get(person)
        if row and row[2] == PERSON and row[4] >= PERSON_RATIO * max(articles, 1):
            found[entity] = person
    return found


def _follow_chains(targets: dict[str, str]) -> dict[str, str]:
    """A short form whose target is itself a short form joins that one's target ("Haley" the person → "Haley"
    the organisation → its fuller name), so that the next load, seeing the middle row merged, decides the same;
    a cycle is no merge."""
    final = {}
    for short in targets:
        seen, at = {short}, targets[short]
        while at in targets and at not in seen:
            seen.add(at)
            at = targets[at]
        if at not in seen:
            final[short] = at
    return final


# An acronym no article writes beside a name with its initials joins that name only if the acronym's articles are
# at most this many times the name's: "CNN" in 46 articles is not the "China National Nuclear Corp" one names.
ACRONYM_RATIO = 3
# Two capitals fit too many names ("CA", "CB"): one that short joins a name only where an article writes both.
COUNTED_ACRONYM = 3
# A name in this many articles is established enough for an acronym of its initials without other evidence.
ESTABLISHED_MIN = 2
# The country that qualifies a name is evidence for an acronym only where the acronym's located articles lie in it at
# least this many times as often as the archive's do: in world news whose articles lie half in the US, "ACLU" needs
# 3 of 4 of its articles there; a country that holds two thirds of the archive's articles or more is no evidence at
# all (a local archive at 0.9: 3 of 3 articles lie there by chance alone in nearly 3 of 4 draws).
COUNTRY_LIFT = 1.5
# An article that writes an acronym alone is on the topic of a name's articles when their titles and ledes share this
# many rare words.
TOPIC_MIN = 2
# Articles of an acronym with no tie to its name are another body's only when they are this many or more: two short
# items ("said on NBC's Today program") may share nothing with the one article of the name by chance.
UNRELATED_MIN = 3
# Words compared by their first this many letters: "Democrat" for "Democratic", "offering" for "Offering".
STEM = 5


def _acronym_candidates(short: tuple, initials: dict, with_forms: dict, context: ArticleContext | None,
                        by_id: dict, targets: dict | None = None) -> tuple:
    """The organisations whose initials are the acronym, without the legal form ("GM": General Motors Corp) or
    with it ("CCC": Commodity Credit Corp), and those of the second kind no article writes beside the acronym
    ("FMC" is not Ford Motor Co): they compete with the others for it but are never chosen.

    Initials alone are weak evidence: a candidate needs an article that writes both names ("the Securities and
    Exchange Commission (SEC)"), or, for an acronym of COUNTED_ACRONYM letters or more, as many articles as the
    acronym within ACRONYM_RATIO and evidence beyond the letters (_letters_evidence); when some candidates are
    written beside the acronym, only those most often so remain ("SEC" beside "Snyder Exploration Co" in the one
    article about its filing, beside the commission in many). A country's public body needs more: half of the
    acronym's articles name it or lie in its country (_body_where_its_articles_lie).
    A name holding the acronym as a word is a candidate only when the rest is company forms ("NEC Corp", not
    'CFPB "Averheated', a fragment), and no article's text "writes it beside" the acronym: only mentions tell.
    `targets`: the short forms and spellings merged so far ("Barclays de Zoete Wedd" → "... Ltd")."""
    entity, name, _type, current, _ = short
    found = {other for other in initials.get(name, set()) | with_forms.get(name, set())
             if name not in by_id[other][1].split() or _company_of(name, by_id[other][1])}
    if context is None:
        together = {other: 0 for other in found}
    else:
        sets = {other: context.support_articles(entity, current, name, other,
                                                written=name not in by_id[other][1].split()) for other in found}
        support = {other: (len(both), len(own), len(full)) for other, (both, own, full) in sets.items()}
        found = {other for other, (both, own, full) in support.items()
                 if (both or (len(name) >= COUNTED_ACRONYM and own <= ACRONYM_RATIO * full
                              and _letters_evidence(context, name, by_id[other][1], *sets[other][1:],
                                                    ids=(entity, other, current), targets=targets or {})))
                 and _body_where_its_articles_lie(context, by_id[other][1], *sets[other][:2])}
        found = {other for other in found if not _unrelated_everywhere(context, name, (other, by_id[other][1]),
                                                                     *sets[other], ids={entity, other, current})}
        together = {other: support[other][0] for other in found}
    best = max(together.values(), default=0)
    if best:
        found = {other for other in found if together[other] == best}
    unconfirmed = {other for other in found - initials.get(name, set()) if not together[other]}
    return found, unconfirmed


# A word is written in lower case in at least COMMON_MIN of the first COMMON_SAMPLE articles that write it, and a
# COMMON_SHARE of them: a common word capitalised ("Budget"), not a name ("Harvard").
COMMON_SAMPLE = 100
COMMON_MIN = 2
COMMON_SHARE = 0.1
# A word's articles that also name the organisation (or resolve the word to it) are at least 1/WORD_EVIDENCE_SHARE
# of the word's own: "Community" beside "European Community" in 1987 EC news, not "Parliament" once beside the
# "European Parliament" among many articles of other parliaments.
WORD_EVIDENCE_SHARE = 4
# A word that begins names stands for one of them only if that one has at least this share of their articles.
LEADING_SHARE = 0.5
# What a company's name adds to the word it is known by: "Reuters Holdings PLC" is "Reuters".
COMPANY_FORMS = LEGAL_FORMS | {"group", "holdings"}


def _word_candidates(short: tuple, found: set, by_id: dict, context: ArticleContext | None,
                     leading: Counter | None = None) -> tuple[set, set]:
    """The organisations whose name holds a single word, and those of them the word does not stand for on the
    evidence (_stands_for): they compete for the word but are never chosen ("State" among the "U.S. State
    Department" and other states' bodies is none of them)."""
    entity, name, _type, current, _ = short
    if context is None or not found:
        return found, set()
    support = {other: context.acronym_support(entity, current, name, other, written=False) for other in found}
    total = (leading or Counter()).get(fold_words(name)[0], 0)
    share = {other: by_id[other][4] / total if total else 1.0 for other in found}
    return found, {other for other in found
                   if not _stands_for(context, name, by_id[other][1], *support[other], leading=share[other])}


def _company_of(word: str, name: str) -> bool:
    """Whether the name is the word and company forms ("Microsoft Corp", "NEC Corp", "Reuters Holdings PLC")."""
    folded, key = fold_words(name), fold_words(word)
    while len(folded) > 1 and folded[-1] in COMPANY_FORMS:
        folded = folded[:-1]
    return folded == key


def _stands_for(context: ArticleContext, word: str, name: str, both: int, own: int, full: int,
                leading: float = 1.0) -> bool:
    """Whether a single word alone stands for the organisation whose name holds it:
    - articles write both, a WORD_EVIDENCE_SHARE-th of the word's;
    - or the name is the word and company forms ("Microsoft Corp", "Reuters Holdings PLC");
    - or the word is a public body's noun and a country qualifies the body: the countries of its articles decide
      (_body_of_its_country; a region's, the region's articles);
    - or the word is the name's first (after a country: "U.S.", "Korean"; not after a region: "Scottish"), no common
      word capitalised, at most ACRONYM_RATIO times as many articles write it as the name ("Harvard" of "Harvard
      University"), and the name holds at least LEADING_SHARE of the articles of the names that begin with the word
      (`leading`): "United" begins the United States, the United Nations and United Airlines, none of them alone.
    Not "Labour" of "Labour Court", nor "Congressional" or "Budget" of "Congressional Budget Office", nor "Hill", the
    head of "Capitol Hill", which names one hill among many."""
    if both and WORD_EVIDENCE_SHARE * both >= own:
        return True
    if _company_of(word, name):
        return True
    key = fold_words(word)[0]
    if key in institution_words() and context.qualifier(name) is not None:
        return True
    first = fold_words(_after_country(context, name))
    return (first[:1] == [key] and own <= ACRONYM_RATIO * max(full, 1) and leading >= LEADING_SHARE
            and not context.common_word(word))


def _after_country(context: ArticleContext, name: str) -> str:
    """The name without the country's initials or nationality it begins with ("U.S. Treasury" → "Treasury"); a
    region's stays ("Scottish Parliament")."""
    words = name.split()
    while words and (is_country_prefix(words[0]) or (words[0] in demonyms() and context.region(words[0]) is None)):
        words = words[1:]
    return " ".join(words)


def _leading_words(context: ArticleContext, rows: list[tuple]) -> Counter:
    """first word (after a country) → the articles of the names of things (not people) that begin with it."""
    found = Counter()
    for _entity, name, type_, _merged, articles in rows:
        first = fold_words(_after_country(context, name)) if type_ != PERSON and len(name.split()) > 1 else []
        if first:
            found[first[0]] += articles
    return found


def _letters_evidence(context: ArticleContext, acronym: str, name: str, own: set, full: set, ids: tuple,
                      targets: dict) -> bool:
    """Whether an acronym no article writes beside the name may still stand for it, beyond its initials and counts:
    the name holds the acronym as a word ("NEC Corp"); or it is established, written out in ESTABLISHED_MIN articles
    or more ("European Central Bank"); or an article of the acronym shares the name's context, an entity that is no
    everyday name of the archive (ArticleContext.sharing: "the HFC meeting" in a story that names the caucus's
    chairman); or an article of the acronym writes the name's first two words, in lower case or as part of another
    name (ArticleContext.writing_start: "an initial public offering", "Christian Democrat"); or half of the acronym's
    articles lie in the country that qualifies the name, and the share of its located articles there is at least
    COUNTRY_LIFT times the archive's (ArticleContext.share_in): "ACLU" in the US stories of world news; in a local
    archive whose articles nearly all lie in one country, that country says nothing ("NBA" is no "Nashville Bar
    Association of America" there).
    A name one article writes is, for its letters alone, as likely another body: "DPA" of German news is no "Drug
    Policy Alliance", "MHS Aviation" no "Municipal Health Secretariat". `own`, `full`: the articles of the acronym and
    of the name (ArticleContext.support_articles); `ids`: the acronym's, the name's and the acronym's current target;
    `targets`: spellings merged into names (a spelling's articles write the name out too).
    A site's or an address's name (_a_site: "S. Main St.", "Oak Street") takes no acronym on any such evidence: only an
    article that writes both ("Occupy Wall Street (OWS)") joins them."""
    if _a_site(name):
        return False
    if acronym in name.split():
        return True
    spellings = {ids[1]} | {spelling for spelling, target in targets.items() if target == ids[1]}
    if len(full | context.writing_out(spellings)) >= ESTABLISHED_MIN or context.sharing(full, own, set(ids)) \
            or context.writing_start(_after_country(context, name), own):
        return True
    country = context.qualifier(name)
    if country is None:
        return False
    there = len(context.lying_in(own, country))
    return bool(there) and 2 * there >= len(own) \
        and there >= COUNTRY_LIFT * context.share_in(country) * len(context.located(own))


def _keep_unrelated_acronym_articles(db, context: ArticleContext, by_id: dict, short: str, wanted: str) -> None:
    """An acronym joined to a name with its initials ("NBA" → "National Bar Association"): when most of the articles of
    the acronym and the name are articles that write the acronym alone and show no tie to the name
    (_unrelated_acronym_articles), those are another, better-known body's ("NBA" the basketball league's in five
    sports stories, beside two local stories of the lawyers): their mentions (and quotes) stay on the acronym's own
    row. Where the tied articles are as many, all of them join ("Deutsche Welle" once, "told DW" in 22 stories that
    mostly lie where it does)."""
    name, target = by_id[short][1], by_id[wanted][1]
    if by_id[short][2] != "ORG" or not ACRONYM.fullmatch(name) or name in target.split():
        return
    both, own, full = context.support_articles(short, wanted, name, wanted)
    named = both | full | context.writing_out({wanted})
    unrelated = _unrelated_acronym_articles(context, name, target, own - named, named, {short, wanted})
    for article_id in sorted(unrelated):
        _keep_apart(db, short, wanted, name, article_id)


def _unrelated_everywhere(context: ArticleContext, acronym: str, candidate: tuple, both: set, own: set, full: set,
                          ids: set) -> bool:
    """Whether every article of the acronym would stay apart from the candidate (its id, its name) by
    _unrelated_acronym_articles, none of them writing the name: then the acronym is no short form of it at all (it
    competes for none and joins none). `both`, `own`, `full`: ArticleContext.support_articles."""
    other, name = candidate
    named = both | full | context.writing_out({other})
    alone = own - named
    return bool(alone) and alone == own and \
        _unrelated_acronym_articles(context, acronym, name, alone, named, ids - {None}) == alone


def _unrelated_acronym_articles(context: ArticleContext, acronym: str, name: str, alone: set, named: set,
                                ids: set) -> set:
    """Those of the articles that write the acronym alone (`alone`) that show no tie to the articles that write the
    name (`named`), when they are more than half of the two together and UNRELATED_MIN or more; else none. A tie: the
    article names a rare entity the name's articles name (ArticleContext.sharing), writes the name's first two words
    (writing_start), lies in a country the name's articles lie in (_name_countries), or shares TOPIC_MIN rare words
    of its title and lede with theirs, the words of the two names aside (ArticleContext.on_topic). `ids`: the
    acronym's and the name's entities (no shared context)."""
    def most(found: set) -> bool:
        return 2 * len(found) > len(alone | named) and len(found) >= UNRELATED_MIN

    unrelated = alone - context.sharing(named, alone, ids)
    if most(unrelated):
        unrelated -= context.writing_start(_after_country(context, name), unrelated)
    for code in sorted(_name_countries(context, name, named)) if most(unrelated) else ():
        unrelated -= context.lying_in(unrelated, code)
    if most(unrelated):
        unrelated -= context.on_topic(named, unrelated, skip=f"{acronym} {name}")
    return unrelated if most(unrelated) else set()


def _name_countries(context: ArticleContext, name: str, named: set) -> set:
    """The countries that tie an article to a name: the one that qualifies it, and those at least half of the located
    articles writing it lie in; but a country the archive's articles lie in too often to tell (COUNTRY_LIFT times its
    share would pass all of them: a local archive's own)."""
    found = Counter()
    for ids in chunks(sorted(named)):
        for (codes,) in context.db.execute(f"select country_codes from articles where id in ({marks(ids)})", ids):
            found.update(country_codes(codes))
    located = len(context.located(named))
    codes = {code for code, count in found.items() if 2 * count >= located} | {context.qualifier(name)} - {None}
    return {code for code in codes if COUNTRY_LIFT * context.share_in(code) <= 1}


def _a_site(name: str) -> bool:
    """Whether an organisation's name is a site's or an address's, its last word a road's or an area's
    (loader/data/name_fragments.tsv: "Oak Street", "S. Main St.", "Elm Ave.", "Capitol Hill"): no acronym stands
    for it ("SMS" is no "S. Main St.")."""
    words = fold_words(name)
    return len(words) >= 2 and site_kind(words[-1]) is not None


def _body_where_its_articles_lie(context: ArticleContext, name: str, both: set, own: set) -> bool:
    """Whether an acronym may stand for this name as far as countries tell: a public body a country qualifies (its
    name ends in a body's noun: "Australian Federal Police") only when at least half of the acronym's articles name
    the body too or lie in that country ("AFP" elsewhere is the news agency, also in an article that names the police);
    any other name always."""
    folded = [word for word in fold_words(name) if word not in LEGAL_FORMS]
    country = context.qualifier(name) if folded and folded[-1] in institution_words() else None
    if country is None:
        return True
    region = context.region(name)  # a region's body: the region's articles ("SP" is no Scottish Parliament in London)
    there = context.in_region(own - both, region) if region else context.lying_in(own - both, country)
    return 2 * len(both | there) >= len(own | both)


# A surname alone joins its person on counts alone only where the full name's own articles are at least as many, and
# at least this many; else the articles must share context: an entity named by at most a CONTEXT_SHARE of the
# archive's articles (or CONTEXT_MIN).
SURNAME_OWN_MIN = 2
CONTEXT_SHARE = 0.02
CONTEXT_MIN = 3
# A clear majority: the dominant candidate has this many times the articles of the next, and at least MIN.
DOMINANT_RATIO = 4
DOMINANT_MIN_ARTICLES = 4


def _choose(name: str, found: set, by_id: dict, context: ArticleContext | None,
            preferred: str | None = None) -> str | None:
    """The one candidate a short form stands for: the only one; else the one whose country (its name's
    qualifier) most of the short form's articles lie in, twice as many as another candidate's (on a tie, the
    one an alias row names for that country: "Congress" → "U.S. Congress" before "American Pork Congress");
    else the one most articles name by a clear majority; else none."""
    if len(found) <= 1:
        return next(iter(found), None)
    if context is not None:
        countries, articles = context.countries(name)
        support = {other: countries.get(context.qualifier(by_id[other][1]), 0) for other in found}
        ranked = sorted(found, key=lambda other: (-support[other], other != preferred, other))
        best, second = support[ranked[0]], support[ranked[1]]
        if 2 * best > articles and (best >= 2 * second or (best == second and ranked[0] == preferred)):
            return ranked[0]  # most of its articles lie in that country, twice as many as in another's
    ranked = sorted(found, key=lambda other: (-by_id[other][4], other))
    first, second = by_id[ranked[0]][4], by_id[ranked[1]][4]
    return ranked[0] if first >= DOMINANT_MIN_ARTICLES and first >= DOMINANT_RATIO * second else None


def _same_body(word: str, name: str, places: set) -> bool:
    """A public body's noun alone ("Senate", "Treasury") is the body whose name is that noun with only a
    place (a country's initials, a nationality, a place the archive names) before it and organisation nouns
    after it ("U.S. Treasury Department"), not a body inside it
    ("Senate Agriculture Committee") or another one ("White House" for "House")."""
    if word not in institution_words():
        return True
    words = name.split()
    folded = [fold_words(w)[0] if fold_words(w) else "" for w in words]
    forms = [w for w in (word, word + "s") if w in folded]  # "House" is not "Dobbs Houses" either
    if not forms:
        return True  # initials: nothing to check
    at = folded.index(forms[0])
    before = " ".join(words[:at])
    before_ok = not before or entity_key(before, "GPE") in places or all(
        is_country_prefix(w) or w in demonyms() for w in words[:at])
    after_ok = all(fragment_kind(w) == "generic" or w in LEGAL_FORMS for w in folded[at + 1:])
    return before_ok and after_ok


def _possessive_of(word: str, name: str) -> bool:
    """Whether `name` writes `word` with a possessive ("Moody" of "Moody's Investors Service"), not as another
    word ending in s ("Time" is no "New York Times")."""
    return re.search(rf"(?i)\b{re.escape(word)}['’]s\b", name) is not None


def _body_of_its_country(context: "ArticleContext", word: str, name: str) -> bool:
    """A public body's noun alone ("Cabinet", "Parliament") stands for a body a country qualifies ("Turkish
    Cabinet", "Indian Parliament") only when most of the noun's articles lie in that country: every country
    has a cabinet, and the one the archive happens to name in full is not all of them. A body no country
    qualifies ("European Community" for "the Community") keeps the join."""
    folded = fold_words(name)
    if fold_words(word)[0] not in institution_words() or not folded or folded[0] == fold_words(word)[0]:
        return True
    country = context.qualifier(name)
    if country is None:
        return True
    region = context.region(name)
    if region is not None:
        return _tied_to_region(context, word, name, region)
    countries, articles = context.countries(word)
    return 2 * countries.get(country, 0) > articles


def _tied_to_region(context: "ArticleContext", word: str, name: str, region: tuple[str, str]) -> bool:
    """A body a region qualifies ("Scottish Parliament") is the noun alone ("Parliament") only when most of the noun's
    articles name the body too or a place of the region: its country is no evidence ("Parliament" in British news is
    mostly Westminster's)."""
    own = context.articles_naming(word)
    both = own & context.articles_naming(name)
    return 2 * len(both | context.in_region(own - both, region)) > len(own)


HYPHEN_JOIN = re.compile(r"(?<=\w)[-/](?=[A-Z])")  # "White House-Congress", "AFP/Reuters"


# "Anti-Taliban", "pro-Moscow": a name made into a word for a stance towards it is no fuller name of it.
STANCE_PREFIX = re.compile(r"(?i)(?:anti|pro|non|ex|counter|post|pre)-")


def _joined_names(name: str, by_key: dict) -> bool:
    """ "White House-Congress": a fragment that joins two names the archive holds on their own."""
    parts = HYPHEN_JOIN.split(name)
    return len(parts) > 1 and all(entity_key(part, "ORG") in by_key for part in parts)


# A misspelt word ("Exchance") joins the spelling that has this many times its articles.
VARIANT_RATIO = 3
VARIANT_MIN_WORD = 6


def _spelling_variants(rows: list[tuple]) -> dict[str, str]:
    """A name of several words that differs from another of the same type in one letter of one long
    word ("Securities and Exchance Commission") joins it when that one has far more articles."""
    buckets = defaultdict(list)
    for entity, name, type_, _, articles in rows:
        folded = fold_words(name)
        if type_ in (PERSON, "ORG") and len(folded) > 1:
            for i, word in enumerate(folded):
                if len(word) >= VARIANT_MIN_WORD:
                    buckets[(type_, i, *folded[:i], "*", *folded[i + 1:])].append((articles, word, entity))
    targets = {}
    for members in buckets.values():
        members.sort(reverse=True)
        for articles, word, entity in members[1:]:
            for top_articles, top_word, top in members:
                if top_articles < VARIANT_RATIO * max(articles, 1):
                    break
                if top != entity and top not in targets and _one_edit(word, top_word):
                    targets.setdefault(entity, top)
                    break
    return targets


# The words a state's or a region's formal name adds to its short name (folded: "People's" is "peoples").
STATE_FORM_WORDS = frozenset({"the", "of", "republic", "kingdom", "federation", "federal", "peoples", "democratic",
                              "islamic", "socialist", "commonwealth", "principality", "sultanate", "state", "province",
                              "region", "prefecture", "autonomous"})


def _names_of_one_place(rows: list[tuple], context: "ArticleContext | None") -> dict[str, str]:
    """A state's formal name and its short one ("People's Republic of China" and "China", "Zhejiang province" and
    "Zhejiang"): a GPE row whose names the places stage resolves, in every article, to one place that another GPE
    row's names also always resolve to joins it, the one of more articles taking the other, when one name is the
    other with words of a state's form only (STATE_FORM_WORDS). Names of one place that are not (a club's "Bayern"
    resolved as Bavaria, an airline's "Emirates") are left apart, as is a name read as two places anywhere (its
    readings are split_by_place's to tell apart)."""
    if context is None:
        return {}
    rows_by_key = {entity_key(name, "GPE"): (articles, entity, name) for entity, name, type_, merged, articles in rows
                   if type_ == "GPE" and merged is None}
    places_of = defaultdict(set)
    for text, places in places_by_spelling(context.db):
        found = rows_by_key.get(entity_key(text, "GPE"))
        if found is not None:
            places_of[found].update(places)
    by_place = defaultdict(list)
    for found, places in places_of.items():
        if len(places) == 1:
            by_place[places.pop()].append(found)
    targets = {}
    for names in by_place.values():
        names.sort(reverse=True)
        for at, (_, entity, name) in enumerate(names):
            top = next((other for _, other, other_name in names[:at] if _state_form_of(name, other_name)), None)
            if top is not None:
                targets[entity] = top
    return targets


def places_by_spelling(db) -> list[tuple[str, list[str]]]:
    """(a name as the articles write it, the ids of the places the places stage resolves it to) for every resolved
    name: SQL lists each spelling's places once (one pass over the locations, once per finisher pass: no finisher
    writes a location)."""
    return once_per_pass(db, ("places_by_spelling",), lambda: [
        (text, places.split(",")) for text, places in db.execute(
            "select text, group_concat(distinct place_id) from locations where place_id is not null group by text")])


def _state_form_of(name: str, other: str) -> bool:
    """One name is the other with only words of a state's form around it: "Republic of Ireland", "Ireland"."""
    short, long_ = sorted((fold_words(name), fold_words(other)), key=len)
    for start in range(len(long_) - len(short) + 1):
        if short and long_[start:start + len(short)] == short:
            return all(word in STATE_FORM_WORDS for word in long_[:start] + long_[start + len(short):])
    return False


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = a[first + 2:] == b[first + 2:] and a[first:first + 2] == b[first:first + 2][::-1]
        return a[first + 1:] == b[first + 1:] or swapped
    return a[first + 1:] == b[first:] if len(a) > len(b) else a[first:] == b[first + 1:]


def _people_named_like_things(rows: list[tuple]) -> dict[str, str]:
    """ "Rotterdam", "Petrobras", "Townsend Thoresen" tagged as people in a few articles: a person whose name
    is, by the same key, a place or organisation that at least as many articles name joins that one; a
    one-word name joins it whatever the counts (a surname that fits a person is decided after this)."""
    others = {}  # a short form merged elsewhere still counts (its target is followed: _follow_chains)
    for entity, name, type_, merged, articles in rows:
        if type_ != PERSON:
            key = entity_key(name, type_)
            if key not in others or (articles, merged is None) > others[key][:2]:
                others[key] = (articles, merged is None, entity)
    targets = {}
    for entity, name, type_, _, articles in rows:
        found = others.get(entity_key(name, PERSON)) if type_ == PERSON else None
        one_word = len(fold_words(name)) == 1  # no given name: "Rotterdam" is the port wherever it is tagged so
        if found and (one_word or found[0] >= max(articles, 1)):
            targets[entity] = found[2]
    return targets


def _firms_named_like_people(context: "ArticleContext | None", rows: list[tuple], targets: dict[str, str]) -> None:
    """A person row that fewer articles name as an organisation, and none shows as a person, joins the organisation;
    one that some article shows as a person stays apart from it (store/firms.py)."""
    for short, (full, joins) in (firm_decisions(context.db, rows) if context is not None else {}).items():
        if joins:
            targets.setdefault(short, full)
        elif targets.get(short) == full:
            del targets[short]


# "Source:-Al Jazeera", "Photo: Reuters": a one-word label with a colon before a name.
LABELLED = re.compile(r"[A-Z][a-z]+:\W*(?P<name>[A-Z].*)")


def _labelled_names(rows: list[tuple]) -> dict[str, str]:
    """A credit line's label run into a name ("Source:-Al Jazeera") joins the name, when the archive holds it."""
    by_key = {}
    for entity, name, type_, _, articles in rows:
        if type_ != PERSON and articles >= by_key.get(entity_key(name, type_), (0, None))[0]:
            by_key[entity_key(name, type_)] = (articles, entity)
    targets = {}
    for entity, name, type_, _, _ in rows:
        found = LABELLED.fullmatch(name) if type_ != PERSON else None
        target = by_key.get(entity_key(found["name"], type_), (0, None))[1] if found else None
        if target not in (None, entity):
            targets[entity] = target
    return targets


def _legal_form_variants(rows: list[tuple]) -> dict[str, str]:
    """Names of one type whose spellings have one core (`spelling_core`) join the one most articles name; on a
    tie, the spelling `display_preference` puts first, then the one of more words ("Theresa May", not the hashtag
    "TheresaMay"; "South East Asian Nations" keeps the initials of "ASEAN"). A plain word is one name with
    words written apart by spaces only if it is a town or country ("Hongkong") or shows the join by a capital inside
    ("LedgerWatch"): "Whitehouse" is a surname or a firm as often as the White House."""
    groups = defaultdict(list)
    for entity, name, type_, _, articles in rows:
        core, lone = spelling_core(name)
        if core:
            groups[(type_, core, lone)].append((articles, display_preference(name), len(name.split()), len(name), name,
                                                entity))
    targets = {}
    for (type_, _, _), members in groups.items():
        if any(" " in member[-2] for member in members) and type_ not in SPACED_NAME_TYPES:
            members = [member for member in members if not _plain_word(member[-2])]
        if len(members) > 1:
            *_, target = max(members)
            targets.update((entity, target) for *_, entity in members if entity != target)
    return targets


SPACED_NAME_TYPES = ("GPE",)  # a plain word of these types may join its spaced spelling ("Hongkong"); "Southeast"
# (of a country) is not the "South East" of another
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _plain_word(name: str) -> bool:
    """One word with no capital inside, hyphen, apostrophe or dot: "Whitehouse", not "LedgerWatch" or "Wal-Mart"."""
    return len(fold_words(name)) == 1 and name.isalpha() and not INNER_CAPITAL.search(name)


# A lower-case word between a given name and a surname that belongs to the surname: "Bashar al-Assad" = "Bashar Assad".
MIDDLE_PARTICLES = SURNAME_PARTICLES | {"al", "el"}


def _middle_initial_variants(rows: list[tuple]) -> dict[str, str]:
    """ "Kevin R. Dorsey" and "Kevin Dorsey" (or "Hana al-Rashed" and "Hana Rashed") are one person when every
    person of that given name and surname the archive holds is written either without a middle word or with that
    one initial (or particle): they join the one most articles name. A second initial ("Kevin T. Dorsey") or a
    middle name written out keeps them all apart."""
    groups = defaultdict(list)
    for entity, name, type_, _, articles in rows:
        words = fold_words(name) if type_ == PERSON else []  # "Jr" is no surname: a son stays apart
        if len(words) in (2, 3):
            groups[(words[0], words[-1])].append((articles, display_preference(name), len(name), name, entity,
                                                  _middle(name, words)))
    targets = {}
    for members in groups.values():
        middles = {member[-1] for member in members} - {()}
        if len(middles) == 1 and len(middles) < len(members) and _initial_or_particle(*next(iter(middles))):
            *_, target, _ = max(members)
            targets.update((member[-2], target) for member in members if member[-2] != target)
    return targets


def _given_name_variants(rows: list[tuple], context: "ArticleContext | None") -> dict[str, str]:
    """People whose names differ only in a given name that nicknames.tsv folds into one class ("Steve King", "Stephen
    King", "Steven King") are two rows (entity_id) unless the archive shows they are one person
    (_one_bearer): each joins the spelling `display_preference` puts first, then the one of more articles."""
    groups = defaultdict(list)
    for entity, name, type_, _, articles in rows:
        if type_ == PERSON and len(fold_words(name)) > 1:
            groups[entity_key(name, PERSON)].append((display_preference(name), articles, name, entity))
    targets = {}
    for members in groups.values():
        if len(members) > 1 and context is not None:
            *_, top = max(members)
            by_id = {member[-1]: member for member in members}
            targets.update((entity, top) for *_, entity in members if entity != top
                           and _one_bearer(context, by_id[entity], by_id[top], rows))
    return targets


def _one_bearer(context: "ArticleContext", variant: tuple, top: tuple, rows: list[tuple]) -> bool:
    """Whether two spellings of a name that differ in a folded given name are one person (each: the display
    preference, articles, name, id): an article writes both; or the two share a role's head noun ("Rep. Steve
    King", "U.S. Rep. Stephen King"); or, when no roles tell them apart (both written, no head noun in common: the
    author is not the congressman), at least half of the articles of the one of fewer share the other's context
    (ArticleContext.sharing: a rare entity both name). Counts alone are no evidence: "Dan Green" voicing a cartoon in
    one article is not the "Danny Green" of four basketball stories. Else they are two people who bear names of one
    class."""
    current = {row[0]: row[3] for row in rows}
    ids = {variant[-1], top[-1], current.get(variant[-1]), current.get(top[-1])} - {None}
    written, roles = context.given_name_spellings(ids, {variant[2], top[2]})
    if written[variant[2]] & written[top[2]] or roles[variant[2]] & roles[top[2]]:
        return True
    if roles[variant[2]] and roles[top[2]]:
        return False
    fewer, more = sorted((written[variant[2]], written[top[2]]), key=len)
    return 2 * len(context.sharing(more, fewer, ids)) >= len(fewer) > 0


def _middle(name: str, words: list[str]) -> tuple:
    """The key's middle word; a particle only as written in lower case ("Wang Der-wei" has none)."""
    middle = tuple(words[1:-1])
    if len(words) == 3 and len(words[1]) > 1 and f" {words[1]} " not in f" {name.replace('-', ' ')} ":
        return (words[1].upper(),)
    return middle


def _initial_or_particle(word: str) -> bool:
    return len(word) == 1 or word in MIDDLE_PARTICLES


def _initials(name: str, skip: set) -> str:
    """ "Securities and Exchange Commission" → SEC; a country's abbreviation gives none ("U.S. Central Command" is
    not "UCC", nor "U.S. Senate" the "USS"), another abbreviation, with dots or in capitals, all its letters
    ("M.D.C.", "BCE Development Properties" is no "BDP"); a name with a lower-case word other than those skipped
    none ("Guadalcanal militia", "English at Emory University")."""
    letters = []
    for word in name.split():
        bare = word.replace(".", "")
        if bare.lower() in skip or not bare[:1].isalpha() or is_country_prefix(word):
            continue
        if bare[:1].islower():
            return ""
        whole = bare.isupper() and ("." in word[:-1] or (len(bare) > 1 and bare.isalpha()))
        letters.append(bare.upper() if whole else bare[0].upper())
    return "".join(letters)


def _retarget(db, short: str, current: str | None, wanted: str | None) -> None:
    if current is not None:  # undo: the mentions whose own entity is the short form come back to it
        name = db.execute("select name from entities where id = ?", [short]).fetchone()
        back = [row[0] for row in db.execute(  # also those an article's own country sent elsewhere
            "select id, coalesce(entity_name, text), type from mentions where entity_id = ? or "
            "(entity_name = ? and entity_id != ?)", [current, name[0] if name else None, short])
            if entity_id(row[1], row[2]) == short]
        for ids in chunks(back):
            db.execute(f"update mentions set entity_id = ? where id in ({marks(ids)})", [short, *ids])
        quotes = [row[0] for row in db.execute(
            "select id, coalesce(speaker_name, speaker), speaker_type from quotes where speaker_entity_id = ?",
            [current]) if row[1] and entity_id(row[1], PERSON if row[2] == "person" else "ORG") == short]
        for ids in chunks(quotes):
            db.execute(f"update quotes set speaker_entity_id = ? where id in ({marks(ids)})", [short, *ids])
        db.execute("update entities set mention_count = null where id = ?", [current])
    if wanted is not None:
        _point(db, short, wanted)
    db.execute("update entities set merged_into = ?, mention_count = null where id = ?", [wanted, short])


def _point(db, short: str, wanted: str) -> None:
    moved = db.execute("update mentions set entity_id = ? where entity_id = ?", [wanted, short]).rowcount
    db.execute("update quotes set speaker_entity_id = ? where speaker_entity_id = ?", [wanted, short])
    if moved:
        db.execute("update entities set mention_count = null where id in (?, ?)", [wanted, short])
