"""Store quotes: one row per quote, with the article's source for faceting and the speaker linked to
the entities table when the entities store has that speaker."""
from ..extract.names import entity_id  # every canonical name of a type has one stable id
from .rows import replace_article_rows

# Keys of an extracted quote row that are stored as they are (the `extract` contract plus the
# speaker as written and the role).
QUOTE_COLUMNS = ("content", "direct", "speaker", "speaker_text", "speaker_role", "cue", "start", "end",
                 "speaker_start", "speaker_end")
# The extract row's speaker_type (the speaker's entity type, ANONYMOUS for an unnamed source such as "analysts",
# DOCUMENT for a document no issuer is named for: "the report said") → the stored category; a speaker with no type
# is a description ("company", "a witness").
SPEAKER_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "FAC": "organisation",
                 "NORP": "organisation", "LOC": "organisation", "ANONYMOUS": "anonymous",
                 "DOCUMENT": "document"}
# Extract speaker types that are a category, never an entity.
UNNAMED_KINDS = ("ANONYMOUS", "DOCUMENT")


def save_quotes(db, article_id: str, rows: list[dict]) -> list[int]:
    """Replace the article's quotes with these; returns the new quote ids."""
    source_id = _source_of(db, article_id)
    stored = [{**{column: row.get(column) for column in QUOTE_COLUMNS}, "speaker_name": row.get("speaker"),
               "source_id": source_id,
               "speaker_entity_id": speaker_entity_id(db, row.get("speaker"), row.get("speaker_type")),
               "speaker_type": speaker_category(row)}
              for row in rows]
    replace_article_rows(db, "quotes", article_id, stored)
    return [row["id"] for row in db.query("select id from quotes where article_id = ? order by id", [article_id])]


def speaker_category(row: dict) -> str | None:
    if not row.get("speaker"):
        return None
    return SPEAKER_TYPES.get(row.get("speaker_type") or "", "description")


def speaker_entity_id(db, name: str | None, kind: str | None):
    """The entities row of this canonical name (of this type when there are several), if stored;
    never for an unnamed source ("analysts") or a document ("report")."""
    if not name or kind in UNNAMED_KINDS or not db["entities"].exists():
        return None
    if kind:
        wanted = entity_id(name, kind)
        if next(db.query("select 1 from entities where id = ?", [wanted]), None):
            return wanted
    found = list(db.query("select id, type from entities where name = ?", [name]))
    typed = [row for row in found if row["type"] == kind]
    chosen = typed or found
    return chosen[0]["id"] if chosen else None


def _source_of(db, article_id: str):
    row = next(db.query("select source_id from articles where id = ?", [article_id]), None)
    return row["source_id"] if row else None
