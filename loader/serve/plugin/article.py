"""What the article page shows (row template `_article.html`): the article read as an article, its body
with quotes, mentions and places marked and linked (markup.py), the people, organisations, places and
quotes beside it, and its relations: related headlines, near-duplicates, earlier versions, the same
story from other sources, whether extraction is pending."""
import json

from ...schema import FAILED
from .cells import row_href
from .labels import human_time
from .markup import Span, body_html

MENTIONS_SQL = """select mentions.start, mentions."end", mentions.entity_id, mentions.type,
       coalesce(entities.name, mentions.text) as name
from mentions left join entities on entities.id = mentions.entity_id where mentions.article_id = ?"""
LOCATIONS_SQL = """select locations.start, locations."end", locations.place_id, locations.is_dateline,
       places.name, places.country_code
from locations left join places on places.id = locations.place_id where locations.article_id = ?"""
QUOTES_SQL = """select id, start, "end", content, direct, speaker, speaker_entity_id, speaker_role, cue
from quotes where article_id = ? order by start"""
NEAR_SQL = """select id, title, source_id, published_at, near_duplicate_score from articles
where near_duplicate_of = :id or id = :original order by published_at limit 20"""
VERSIONS_SQL = """select version, title, loaded_at, origin_path, content_hash from article_versions
where article_id = ? order by version desc"""
STORY_SQL = """select articles.id, articles.title, articles.source_id, sources.name as source_name,
       articles.published_at
from articles left join sources on sources.id = articles.source_id
where articles.story_id = :story and articles.id != :id order by articles.published_at limit 30"""
# Entity types listed in the side panel, in this order, with their headings.
PANEL_TYPES = [("PERSON", "People"), ("ORG", "Organisations"), ("NORP", "Groups and nationalities"),
               ("FAC", "Buildings and facilities"), ("PRODUCT", "Products")]


async def article_context(datasette, database: str, article_id: str) -> dict:
    db = datasette.get_database(database)
    article = (await db.execute("select * from articles where id = ?", [article_id])).first()
    if article is None:
        return {}
    article = dict(article)
    tables = set(await db.table_names())
    mentions = await _rows(db, tables, "mentions", MENTIONS_SQL, [article_id])
    locations = await _rows(db, tables, "locations", LOCATIONS_SQL, [article_id])
    quotes = await _rows(db, tables, "quotes", QUOTES_SQL, [article_id])
    link = lambda table, key: row_href(datasette, database, table, key)  # noqa: E731
    source = (await db.execute("select * from sources where id = ?", [article["source_id"]])).first()
    return {"article": {
        **article, "source": dict(source) if source else {"name": article["source_id"]},
        "link": article["url"] if _is_web_address(article.get("url")) else None,
        "published": human_time(article["published_at"]), "updated": human_time(article["updated_at"]),
        "authors_list": _json_list(article.get("authors")),
        "related": _json_list(article.get("related_headlines")),
        "paragraphs": body_html(article["body"] or "", _quote_spans(quotes, link),
                                _inline_spans(mentions, locations, link)),
        "panel": _panel(mentions, locations, link),
        "quotes": [{**quote, "anchor": f"quote-{quote['id']}"} for quote in quotes],
        "near": [dict(row) for row in (await db.execute(NEAR_SQL, {
            "id": article_id, "original": article.get("near_duplicate_of")})).rows if row["id"] != article_id],
        "versions": await _rows(db, tables, "article_versions", VERSIONS_SQL, [article_id]),
        "story": await _story(db, article),
        "extraction": await _extraction_state(db, article),
    }}


async def _rows(db, tables: set, table: str, sql: str, params) -> list[dict]:
    if table not in tables:
        return []
    return [dict(row) for row in (await db.execute(sql, params)).rows]


def _is_web_address(url) -> bool:
    """Only http(s) addresses become links: a stored "javascript:…" URL stays text."""
    return isinstance(url, str) and url.strip().lower().startswith(("http://", "https://"))


def _json_list(value) -> list:
    try:
        found = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return found if isinstance(found, list) else []


def _quote_spans(quotes, link) -> list[Span]:
    return [Span(q["start"], q["end"], "quote", label=q["speaker"] or "", anchor=f"quote-{q['id']}",
                 speaker_href=link("entities", q["speaker_entity_id"]) if q["speaker_entity_id"] else None)
            for q in quotes if q["start"] is not None and q["end"] is not None]


def _inline_spans(mentions, locations, link) -> list[Span]:
    """Places first, so that a name that is both a mention and a place links to the place (sorted
    spans keep the first of two with the same extent)."""
    places = [Span(row["start"], row["end"], "place", link("places", row["place_id"]), row["name"] or "")
              for row in locations if row["start"] is not None and row["place_id"] is not None]
    covered = {(span.start, span.end) for span in places}
    named = [Span(row["start"], row["end"], "mention " + (row["type"] or "").lower(),
                  link("entities", row["entity_id"]) if row["entity_id"] else None, row["name"] or "")
             for row in mentions if (row["start"], row["end"]) not in covered]
    return places + named


def _panel(mentions, locations, link) -> list[dict]:
    """Side panel groups: each entity or place once, most mentioned first."""
    groups = []
    for entity_type, heading in PANEL_TYPES:
        counts = {}
        for row in mentions:
            if row["type"] == entity_type and row["entity_id"]:
                key = (row["entity_id"], row["name"])
                counts[key] = counts.get(key, 0) + 1
        items = [{"href": link("entities", key[0]), "name": key[1], "count": n}
                 for key, n in sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))]
        if items:
            groups.append({"heading": heading, "kind": entity_type.lower(), "items": items})
    places = {}
    for row in locations:
        if row["place_id"] is not None:
            key = (row["place_id"], row["name"] or "")
            places[key] = places.get(key, 0) + 1
    if places:
        groups.append({"heading": "Places", "kind": "place", "items": [
            {"href": link("places", key[0]), "name": key[1], "count": n}
            for key, n in sorted(places.items(), key=lambda item: (-item[1], item[0][1]))]})
    return groups


async def _story(db, article: dict) -> list[dict]:
    if not article.get("story_id"):
        return []
    return [dict(row) for row in (await db.execute(STORY_SQL, {"story": article["story_id"],
                                                                 "id": article["id"]})).rows]


async def _extraction_state(db, article: dict) -> str | None:
    """None when mentions, quotes and places are from the extractor the last extracting run used (serving
    does not import the extractor: `loads.extractor_version` says which it was); else what to tell the reader."""
    if "extracted_with" not in article:
        return None
    value = article["extracted_with"]
    if value is None:
        return "pending"
    if value.startswith(FAILED):
        return "failed"
    latest = (await db.execute("select extractor_version from loads where extractor_version is not null "
                               "order by id desc limit 1")).first()
    return "outdated" if latest and latest[0] != value else None
