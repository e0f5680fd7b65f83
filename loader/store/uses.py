"""Names an archive writes as a law or an office: shown as such, not as organisations.

Extraction drops a name that one article writes as a programme or a law ("repeal ...", "... recipients") or as an
office (before a person's full name: "... Enda Kenny said", and after "the") — but a name written once or twice per
article never gathers that evidence in one article. So each kept mention whose own context writes it so carries
`used_as` ("programme", "office"; loader/extract/mentions.py), and retype_uses (a FINISHER, after the merges) reads
that evidence across the archive: an organisation that at least MIN_ARTICLES articles write so, and at least
MIN_SHARE of its articles, is shown as a law or programme (LAW) or an office (OFFICE; a one-word "person" too).
Only the entity row changes, never a mention, so the evidence stays and the decision is taken again on the whole
archive after every load: a row that no longer qualifies gets its mentions' majority type back (refresh_entities).
"""
from collections import Counter, defaultdict

from .entities import refresh_entities
from .rows import chunks, marks

USED_AS_TYPES = {"programme": "LAW", "office": "OFFICE"}
# The types a use retypes: a one-word "person" may be an office ("Taoiseach"), never a law (a person's surname is
# written "under ..." and "a replacement for ..." too).
RETYPED_FROM = {"programme": ("ORG",), "office": ("ORG", "PERSON")}
MIN_ARTICLES = 2
MIN_SHARE = 0.25


def retype_uses(db) -> int:
    """A FINISHER: retype the entities the archive writes as laws or offices, and give back their type to those it
    no longer does; returns how many rows changed."""
    evidence = _evidence(db)
    changed, lost = 0, []
    for entity, name, type_, articles in _candidates(db, list(evidence)):
        wanted = _wanted_type(name, type_, articles, evidence.get(entity, Counter()))
        if wanted and wanted != type_:
            db.execute("update entities set type = ? where id = ?", [wanted, entity])
            changed += 1
        elif not wanted and type_ in USED_AS_TYPES.values():
            lost.append(entity)
    for ids in chunks(lost):  # the type most of its mentions have, as for any entity
        db.execute(f"update entities set mention_count = null where id in ({marks(ids)})", ids)
    if lost:
        refresh_entities(db)
    return changed + len(lost)


def _evidence(db) -> dict[str, Counter]:
    """entity id → use → how many articles write one of its mentions so."""
    evidence: dict[str, Counter] = defaultdict(Counter)
    for entity, used_as, articles in db.execute(
            "select entity_id, used_as, count(distinct article_id) from mentions where used_as is not null "
            "group by entity_id, used_as"):
        evidence[entity][used_as] = articles
    return evidence


def _candidates(db, ids: list[str]) -> list[tuple]:
    """(id, name, type, article_count) of the entities with evidence and of those retyped before."""
    types = list(USED_AS_TYPES.values())
    rows = list(db.execute(f"select id, name, type, coalesce(article_count, 0) from entities where type in "
                           f"({marks(types)})", types))
    for part in chunks(ids):
        rows += db.execute(f"select id, name, type, coalesce(article_count, 0) from entities where merged_into is null "
                           f"and type not in ({marks(types)}) and id in ({marks(part)})", types + part).fetchall()
    return rows


def _wanted_type(name: str, type_: str, articles: int, uses: Counter) -> str | None:
    if type_ == "PERSON" and " " in name:
        return None  # a person's full name
    for used_as, written in uses.most_common():
        if type_ in RETYPED_FROM[used_as] + (USED_AS_TYPES[used_as],) and written >= MIN_ARTICLES \
                and written >= MIN_SHARE * articles:
            return USED_AS_TYPES[used_as]
    return None
