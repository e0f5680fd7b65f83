"""Pages that read as news rather than tables (the `extra_template_vars` hook): the home page, and the
row pages of articles (article.py), entities, places and quotes. Each row template is chosen by table
name in row.html, so it works whatever the database file is called."""
import json
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_decode

from ...geometry import distance_km
from .article import article_context
from .cells import row_href
from .labels import AREA_FEATURES, country_name, human_label

TOP = 10  # entities and places listed per kind on the home page
ENTITY_PAGE_QUOTES = 50  # the full list is one click away (quotes?speaker_entity_id=…)
ENTITY_PAGE_ARTICLES = 50
# An entity page reads the entity's ENTITY_WINDOW most recently added articles (its latest mentions, from
# the entity_id index backwards): all of them for most entities, a bounded sample for one named in a third
# of a million articles, which the page then says. Exact over every article would take seconds at 1M.
ENTITY_WINDOW = 2000
CO_MENTIONED_WINDOW = 500  # the latest articles whose other names are counted (each has ~10 mentions)
ENTITY_WINDOW_SQL = """select distinct article_id from (select article_id from mentions where entity_id = :id
order by rowid desc) limit :window"""
NEARBY_KM = 300
HOME_TYPES = [("PERSON", "People"), ("ORG", "Organisations"), ("GPE", "Countries, cities, states")]
# The speaker's newest quotes among its ENTITY_WINDOW most recently added ones.
SPEAKER_QUOTES_SQL = """with recent as (select id from quotes where speaker_entity_id = :id order by id desc
                    limit :window)
select quotes.id, quotes.content, quotes.direct, quotes.speaker_text, quotes.speaker_role, quotes.cue,
       articles.id as article_id, articles.title, articles.source_id, articles.published_at
from recent join quotes on quotes.id = recent.id join articles on articles.id = quotes.article_id
order by articles.published_at desc, quotes.start
limit :limit"""
ENTITY_MONTHS_SQL = f"""select published_month as month, count(*) as n from articles
where id in ({ENTITY_WINDOW_SQL}) and published_month is not null group by 1 order by 1"""
# Mentions are counted for the page's rows only, through the article_id index (unary + on entity_id).
ENTITY_ARTICLES_SQL = f"""with its as ({ENTITY_WINDOW_SQL}), newest as (
  select articles.id, articles.title, articles.source_id, articles.published_at from its
  cross join articles on articles.id = its.article_id order by articles.published_at desc limit :limit)
select newest.*, (select count(*) from mentions where mentions.article_id = newest.id
                  and +mentions.entity_id = :id) as mentions
from newest order by published_at desc"""
# Entities named in the same articles (CROSS JOIN: from the window's articles to their mentions).
PLACE_OF_ENTITY_SQL = "select id, name, admin1, country_code from places where id = ?"
SPLITS_SQL = "select id, name, article_count from entities where split_from = ? order by article_count desc, name"
CO_MENTIONED_SQL = f"""with its as ({ENTITY_WINDOW_SQL})
select entities.id, entities.name, entities.type, count(distinct mentions.article_id) as n
from its cross join mentions on mentions.article_id = its.article_id
cross join entities on entities.id = mentions.entity_id
where mentions.entity_id != :id group by entities.id order by n desc, entities.name limit 15"""
PLACE_ARTICLES_SQL = """select articles.id, articles.title, articles.source_id, articles.published_at,
       count(*) as mentions
from locations join articles on articles.id = locations.article_id
where locations.place_id = ? group by articles.id order by articles.published_at desc limit 100"""
NEARBY_SQL = """select id, name, feature_code, country_code, latitude, longitude, article_count from places
where latitude between :lat - :deg and :lat + :deg and id != :id
  and feature_code not in ({areas}) limit 2000""".format(areas=", ".join(f"'{code}'" for code in AREA_FEATURES))
# The home page's counts come from facet_counts (store/counts.py, refreshed at the end of every load) when
# the archive has them, so the page reads a few hundred rows at any size; else they are counted here.
COUNTED = "select exists (select 1 from facet_counts where facet = 'source_id')"
MONTHS_SQL = """select published_month as month, count(*) as n from articles
where published_month is not null group by published_month order by published_month"""
COUNTED_MONTHS_SQL = "select month, article_count as n from month_counts order by month"
# One aggregate per subquery, so that SQLite answers min and max from the published_at index.
SUMMARY_SQL = """select (select count(*) from articles) as articles,
       (select min(published_at) from articles) as first, (select max(published_at) from articles) as last,
       (select count(*) from (select distinct source_id from articles)) as sources"""
COUNTED_SUMMARY_SQL = """select (select sum(article_count) from source_counts) as articles,
       (select min(published_at) from articles) as first, (select max(published_at) from articles) as last,
       (select count(*) from source_counts) as sources"""
SOURCES_SQL = """select sources.id, sources.name, count(*) as n from articles
join sources on sources.id = articles.source_id group by sources.id order by n desc limit 20"""
COUNTED_SOURCES_SQL = """select source_counts.source_id as id, sources.name, source_counts.article_count as n
from source_counts left join sources on sources.id = source_counts.source_id order by n desc limit 20"""
TOP_ENTITIES_SQL = """select id, name, article_count from entities
where type = ? and article_count > 0 order by article_count desc limit ?"""
TOP_PLACES_SQL = """select id, name, country_code, feature_code, article_count from places
where article_count > 0 order by article_count desc limit ?"""


DATABASE_PARAMETER = "db"  # ?db=NAME: which archive a page of the plugin's own (search, story) reads


def archives(datasette) -> list[str]:
    """The archives' names in Datasette: the databases backed by a file, in the order served."""
    return [name for name, db in datasette.databases.items() if db.path]


def archive_database(datasette, request=None) -> str | None:
    """The archive a plugin page reads: the one its ?db= names, else the first served."""
    served = archives(datasette)
    wanted = request.args.get(DATABASE_PARAMETER) if request is not None else None
    return wanted if wanted in served else (served[0] if served else None)


def archive_query(datasette, database: str) -> str:
    """The query string that keeps a plugin page on `database` ("" for the first archive)."""
    served = archives(datasette)
    return "" if not served or database == served[0] else "?" + urlencode({DATABASE_PARAMETER: database})


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name == "index":
        async def homes():
            found = [await home_context(datasette, name) for name in archives(datasette)]
            return {"homes": [home for home in found if home]}
        return homes
    if view_name != "row" or request is None or table not in ROW_PAGES:
        return {}
    key = tilde_decode(request.url_vars.get("pks", ""))

    async def context():
        return await ROW_PAGES[table](datasette, database, key)

    return context


async def home_context(datasette, database: str) -> dict:
    db = datasette.get_database(database)
    if not await db.table_exists("articles"):
        return {}
    counted = await db.table_exists("facet_counts") and (await db.execute(COUNTED)).first()[0]
    summary = dict((await db.execute(COUNTED_SUMMARY_SQL if counted else SUMMARY_SQL)).first())
    tops = []
    for entity_type, heading in HOME_TYPES:
        rows = (await db.execute(TOP_ENTITIES_SQL, [entity_type, TOP])).rows
        tops.append({"heading": heading, "items": [
            {"href": row_href(datasette, database, "entities", row["id"]), "name": row["name"],
             "count": row["article_count"]} for row in rows]})
    places = (await db.execute(TOP_PLACES_SQL, [TOP])).rows
    tops.append({"heading": "Places", "items": [
        {"href": row_href(datasette, database, "places", row["id"]), "name": row["name"],
         "detail": country_name(row["country_code"]) if row["feature_code"] not in ("PCLI", "PCL") else "",
         "count": row["article_count"]} for row in places]})
    return {
        "database": database, "summary": summary, "several": len(archives(datasette)) > 1,
        "sources": [dict(row) for row in (await db.execute(COUNTED_SOURCES_SQL if counted else SOURCES_SQL)).rows],
        "months": [[row["month"], row["n"]] for row in
                   (await db.execute(COUNTED_MONTHS_SQL if counted else MONTHS_SQL)).rows],
        "tops": [top for top in tops if top["items"]],
    }


async def entity_context(datasette, database: str, entity_id: str) -> dict:
    db = datasette.get_database(database)
    entity = (await db.execute("select * from entities where id = ?", [entity_id])).first()
    if entity is None:
        return {}
    link = lambda table, key: row_href(datasette, database, table, key)  # noqa: E731
    window = {"id": entity_id, "window": ENTITY_WINDOW}
    quotes = (await db.execute(SPEAKER_QUOTES_SQL, {**window, "limit": ENTITY_PAGE_QUOTES})).rows
    return {"entity_page": {
        **dict(entity), "type_label": human_label("type", entity["type"]) or entity["type"],
        "aliases_list": _aliases(entity["aliases"], entity["name"]),
        "window": ENTITY_WINDOW if (entity["article_count"] or 0) > ENTITY_WINDOW else None,
        "co_window": CO_MENTIONED_WINDOW if (entity["article_count"] or 0) > CO_MENTIONED_WINDOW else None,
        "months": [[row["month"], row["n"]] for row in (await db.execute(ENTITY_MONTHS_SQL, window)).rows],
        "quotes": [{**dict(row), "href": link("articles", row["article_id"]) + f"#quote-{row['id']}"}
                   for row in quotes],
        "co_mentioned": [{**dict(row), "href": link("entities", row["id"])}
                         for row in (await db.execute(CO_MENTIONED_SQL, {
                             **window, "window": min(ENTITY_WINDOW, CO_MENTIONED_WINDOW)})).rows],
        "articles": [{**dict(row), "href": link("articles", row["id"])} for row in
                     (await db.execute(ENTITY_ARTICLES_SQL, {**window, "limit": ENTITY_PAGE_ARTICLES})).rows],
        **await _places_of_the_name(db, dict(entity), link),
    }}


async def _places_of_the_name(db, entity: dict, link) -> dict:
    """A place row's GeoNames place, the plain row it was split from ("Paris, Texas" from "Paris") and the rows
    split from it (store/gpe_places.py), so a reader can go from one place of a name to the others. Archives
    from before the split have none of these columns."""
    found = {}
    if entity.get("place_id") is not None:
        place = (await db.execute(PLACE_OF_ENTITY_SQL, [entity["place_id"]])).first()
        if place is not None:
            parts = (place["admin1"], country_name(place["country_code"]))
            found["place"] = {"href": link("places", place["id"]), "name": place["name"],
                              "detail": ", ".join(part for part in parts if part and part != place["name"])}
    if entity.get("split_from"):
        parent = (await db.execute("select id, name from entities where id = ?", [entity["split_from"]])).first()
        if parent is not None:
            found["split_parent"] = {"href": link("entities", parent["id"]), "name": parent["name"]}
    if "split_from" in entity:
        found["splits"] = [{**dict(row), "href": link("entities", row["id"])}
                           for row in (await db.execute(SPLITS_SQL, [entity["id"]])).rows]
    return found


def _aliases(value, name) -> list[str]:
    try:
        aliases = json.loads(value or "[]")
    except ValueError:
        return []
    return [alias for alias in aliases if isinstance(alias, str) and alias != name]


async def place_context(datasette, database: str, place_id: str) -> dict:
    db = datasette.get_database(database)
    place = (await db.execute("select * from places where id = ?", [place_id])).first()
    if place is None:
        return {}
    place = dict(place)
    link = lambda table, key: row_href(datasette, database, table, key)  # noqa: E731
    return {"place_page": {
        **place, "country": country_name(place["country_code"]),
        "feature": human_label("feature_code", place["feature_code"]) or place["feature_code"],
        "articles": [{**dict(row), "href": link("articles", row["id"])}
                     for row in (await db.execute(PLACE_ARTICLES_SQL, [place["id"]])).rows],
        "nearby": [{**row, "href": link("places", row["id"])} for row in await _nearby(db, place)],
    }}


async def _nearby(db, place: dict) -> list[dict]:
    if place["latitude"] is None or place["longitude"] is None:
        return []
    rows = (await db.execute(NEARBY_SQL, {"lat": place["latitude"], "deg": NEARBY_KM / 110.0,
                                          "id": place["id"]})).rows
    found = []
    for row in rows:
        km = distance_km(place["latitude"], place["longitude"], row["latitude"], row["longitude"])
        if km <= NEARBY_KM:
            found.append({**dict(row), "km": round(km)})
    return sorted(found, key=lambda row: row["km"])[:15]


async def quote_context(datasette, database: str, quote_id: str) -> dict:
    db = datasette.get_database(database)
    quote = (await db.execute(
        "select quotes.*, articles.title, articles.published_at from quotes "
        "left join articles on articles.id = quotes.article_id where quotes.id = ?", [quote_id])).first()
    if quote is None:
        return {}
    link = lambda table, key: row_href(datasette, database, table, key)  # noqa: E731
    return {"quote_page": {
        **dict(quote), "kind": human_label("direct", quote["direct"]) or "",
        "article_href": link("articles", quote["article_id"]) + f"#quote-{quote['id']}",
        "speaker_href": link("entities", quote["speaker_entity_id"]) if quote["speaker_entity_id"] else None,
    }}


# table → the function that gathers its row page (templates: row.html picks one per table).
ROW_PAGES = {"articles": article_context, "entities": entity_context, "places": place_context,
             "quotes": quote_context}
