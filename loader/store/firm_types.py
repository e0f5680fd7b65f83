"""Firms named after people that no organisation row shares a name with: the FINISHER type_firms (the evidence is
store/firms.py's).

A person row that no organisation row shares a name with is a firm when its own articles write it with a firm's cue
often enough ("... lifted their price target", "analysts at ...") and none shows it as a person's: type_firms (a
FINISHER, after the merges) shows it as an organisation, only the row's type changing (so a row that no longer
qualifies gets its mentions' type back, as store/uses.py does), and gives the quotes of the firms found, joined or
retyped, the speaker_type "organisation" ("person" again once undone).
"""
from ..extract.names import PERSON, entity_id, fold_words
from .entities import refresh_entities
from .firms import _cued_in, _own_articles, _shown_as_a_person, firm_decisions
from .rows import chunks, marks

# A person row with no organisation row of its name is a firm when at least this many of its articles, and this share,
# write a firm's cue at its name (and none shows it as a person's): "Hale Dunn lifted their price target" in 8 of 9.
FIRM_CUED_MIN = 2
FIRM_CUED_SHARE = 0.25


def type_firms(db) -> int:
    """A FINISHER (after the merges): a person row no organisation row shares a name with, that its own articles write
    with a firm's cue (FIRM_BEFORE, FIRM_AFTER: "... lifted their price target") in at least FIRM_CUED_MIN of them and a
    FIRM_CUED_SHARE, and that no article shows as a person's, is shown as an organisation (only the row's type changes,
    as store/uses.py does: a row that no longer qualifies gets its mentions' type back); and the quotes of the firms
    found (joined or retyped) are an organisation's (type_speakers). Returns how many rows and quotes changed."""
    wanted, retyped, lost = _retype_cued(db)
    return len(retyped) + len(lost) + type_speakers(db, wanted, lost)


def _retype_cued(db) -> tuple[set, set, set]:
    """(the person rows shown as organisations, those of them shown so since this run, those shown as people again)."""
    shown = {entity for entity, name in db.execute("select id, name from entities where type = 'ORG' and merged_into "
                                                   "is null") if entity_id(name, PERSON) == entity}
    candidates = [row for row in db.execute("select id, name from entities where type = 'PERSON' and merged_into is "
                                            "null and article_count >= ?", [FIRM_CUED_MIN]).fetchall()
                  if not db.execute("select 1 from entities where id = ?", [entity_id(row[1], "ORG")]).fetchone()]
    candidates += list(db.execute(f"select id, name from entities where id in ({marks(sorted(shown))})",
                                  sorted(shown)))
    wanted = {entity for entity, name in candidates if _cued_firm(db, entity, name)}
    retyped, lost = wanted - shown, shown - wanted
    for ids in chunks(sorted(retyped)):
        db.execute(f"update entities set type = 'ORG' where id in ({marks(ids)})", ids)
    for ids in chunks(sorted(lost)):  # the type most of its mentions have, as for any entity
        db.execute(f"update entities set mention_count = null where id in ({marks(ids)})", ids)
    if lost:
        refresh_entities(db)
    return wanted, retyped, lost


def _cued_firm(db, entity: str, name: str) -> bool:
    people, _ = _own_articles(db, name, {entity})
    wanted = max(FIRM_CUED_MIN, FIRM_CUED_SHARE * len(people))
    return len(people) >= wanted and _cued_in(db, people, wanted) \
        and not _shown_as_a_person(db, name, {entity}, people)


def type_speakers(db, retyped: set = frozenset(), lost: set = frozenset()) -> int:
    """A quote said by a person row that joined a firm (firm_decisions) or was retyped as one (`retyped`) shows the
    speaker_type of what it is now ("organisation"); one whose person row is apart again (the join undone: an
    organisation's quote, written with the name or a word of it, in an article that types the name only as a
    person's), or a person again (`lost`), is a person's quote again, linked to the person row (or where that row is
    merged). Returns how many quotes changed; their groups are refreshed."""
    from .provenance import refresh_group_rows
    from .quotes import SPEAKER_TYPES
    rows = list(db.execute("select id, name, type, merged_into, coalesce(article_count, 0) from entities "
                           "where type = 'PERSON' and merged_into is not null or type != 'PERSON'"))
    joined = {person: firm for person, (firm, joins) in firm_decisions(db, rows).items() if joins}
    joined.update((entity, entity) for entity in retyped)
    changed, groups = [], set()
    for ids in chunks(sorted(set(joined.values()))):
        for quote, name, linked, type_, group in db.execute(
                f"select quotes.id, coalesce(quotes.speaker_name, quotes.speaker), quotes.speaker_entity_id, "
                f"entities.type, quotes.group_id from quotes join entities on entities.id = quotes.speaker_entity_id "
                f"where quotes.speaker_type = 'person' and quotes.speaker_entity_id in ({marks(ids)})", ids).fetchall():
            if name and joined.get(entity_id(name, PERSON)) == linked:
                changed.append((SPEAKER_TYPES.get(type_, "organisation"), linked, quote))
                groups.add(group)
    for quote, name, text, group in db.execute(
            "select id, coalesce(speaker_name, speaker), speaker_text, group_id from quotes where "
            "speaker_type = 'organisation' and "
            "exists (select 1 from mentions where mentions.entity_name = coalesce(quotes.speaker_name, quotes.speaker) "
            "and mentions.article_id = quotes.article_id and mentions.type = 'PERSON') and not exists (select 1 from "
            "mentions where mentions.entity_name = coalesce(quotes.speaker_name, quotes.speaker) and "
            "mentions.article_id = quotes.article_id and mentions.type != 'PERSON')").fetchall():
        if not name or not set(fold_words(text or "")) <= set(fold_words(name)) or not fold_words(text or ""):
            continue  # "It said": a quote the organisation said, not one a person's row brought
        person = entity_id(name, PERSON)
        row = db.execute("select type, merged_into from entities where id = ?", [person]).fetchone()
        target = row[1] or person if row else None
        if row and row[0] == PERSON and _type_of(db, target) == PERSON:
            changed.append(("person", target, quote))
            groups.add(group)
    for ids in chunks(sorted(lost)):
        for quote, name, text, linked, group in db.execute(
                f"select id, coalesce(speaker_name, speaker), speaker_text, speaker_entity_id, group_id from quotes "
                f"where speaker_type = 'organisation' and speaker_entity_id in ({marks(ids)})", ids).fetchall():
            if name and fold_words(text or "") and set(fold_words(text or "")) <= set(fold_words(name)):
                changed.append(("person", linked, quote))
                groups.add(group)
    db.conn.executemany("update quotes set speaker_type = ?, speaker_entity_id = ? where id = ?", changed)
    if groups - {None}:
        refresh_group_rows(db, groups - {None})
    return len(changed)


def _type_of(db, entity: str) -> str | None:
    row = db.execute("select type from entities where id = ?", [entity]).fetchone()
    return row[0] if row else None
