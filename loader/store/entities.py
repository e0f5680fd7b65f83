"""Entities and their mentions: one entities row per real-world entity, merged across articles.

An entity id is a hash of its kind (person or not) and the key of its name (loader/extract/names.py):
"Ku Sung Sop" and "Ku Sung-sop", "U.S." and "United States" share a key, so every article that names
them, loaded in any order or again later, lands on the same row, and ids never change.
save_mentions (a SAVER) writes one article's mentions and marks the entities it touched
by setting mention_count to NULL; refresh_entities (a FINISHER, run at the end of every load)
recomputes the marked rows from their mentions: counts, display name, majority type and aliases, and
drops entities nothing refers to any more. The marks live in the database, so a load killed half way
leaves them for the next load to finish.
"""
import hashlib
import json
from collections import Counter, defaultdict

from ..extract.names import PERSON, display_preference, entity_key
from .rows import chunks, marks, replace_article_rows

MENTION_COLUMNS = ("text", "type", "start", "end", "sentence", "role")
MAX_ALIASES = 50


def entity_id(name: str, type_: str) -> str:
    """The id of the entity a canonical name of this type belongs to (also for quotes' speakers)."""
    kind = PERSON if type_ == PERSON else "OTHER"
    return hashlib.sha256(f"{kind}\x1f{entity_key(name, type_)}".encode("utf-8")).hexdigest()[:16]


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

    def add(self, article_id: str, name: str, text: str, type_: str) -> None:
        self.mentions += 1
        self.articles.add(article_id)
        self.names[name].add(article_id)
        self.spellings[" ".join(text.split())].add(article_id)  # "Hong\n\nKong" is spelled "Hong Kong"
        self.spellings[name].add(article_id)
        self.types[type_] += 1

    def row(self, current_name: str, current_type: str) -> dict:
        # Ties keep what the row already says, so names and types do not flip between loads.
        name = max(self.names, key=lambda n: (display_preference(n), len(self.names[n]), n == current_name, n))
        type_ = max(self.types, key=lambda t: (self.types[t], t == current_type, t))
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
        tallies[entity].add(article_id, name, text, type_)
    db.conn.executemany(
        "update entities set name = :name, type = :type, aliases = :aliases, article_count = :article_count, "
        "mention_count = :mention_count where id = :id",
        [{**tally.row(*current[entity]), "id": entity} for entity, tally in tallies.items()])
    unused = [entity for entity in ids if entity not in tallies]
    if unused:
        quoted = {row[0] for row in db.execute(
            f"select speaker_entity_id from quotes where speaker_entity_id in ({marks(unused)})", unused)}
        for entity in unused:
            if entity in quoted:
                db["entities"].update(entity, {"article_count": 0, "mention_count": 0})
            else:
                db["entities"].delete(entity)
