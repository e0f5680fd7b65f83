"""Datasette plugin for stories (its own entry point, beside the main plugin): the story page at
/-/story/<id> (template story.html) — its articles by source and time, a coverage timeline, the
quotes several of its articles report with their first source, the people, organisations and
places it involves and the sources its articles credit — and a link to it from each story's label."""
from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from .pages import archive_database, archive_query

# Most people/organisations and places listed on a story page (by the number of its articles naming them).
STORY_NAMES, STORY_PLACES = 30, 20
STORY_SQL = "select id, label, first_published, last_published, article_count, source_count from stories where id = ?"
ARTICLES_SQL = """select id, title, source_id, published_at, url, near_duplicate_of from articles where story_id = ?
order by source_id, published_at is null, published_at, rowid"""
TIMELINE_SQL = """select coalesce(substr(published_at, 1, 10), 'undated') as day, count(*) as articles,
group_concat(distinct source_id) as sources from articles where story_id = ? group by 1 order by day = 'undated', day"""
QUOTES_SQL = """select quote_groups.id, quote_groups.content, quote_groups.speaker, quote_groups.first_source_id,
quote_groups.first_published, quote_groups.first_article_id, count(distinct quotes.article_id) as articles,
group_concat(distinct quotes.source_id) as sources
from quotes join quote_groups on quote_groups.id = quotes.group_id where quotes.story_id = ?
group by quote_groups.id having count(distinct quotes.article_id) > 1 order by articles desc, quote_groups.id"""
NAMES_SQL = """select entities.id, entities.name, entities.type, count(distinct mentions.article_id) as articles
from mentions join entities on entities.id = mentions.entity_id join articles on articles.id = mentions.article_id
where articles.story_id = ? and entities.type in ('PERSON', 'ORG', 'NORP')
group by entities.id order by articles desc, count(*) desc, entities.name limit ?"""
PLACES_SQL = """select places.id, places.name, places.country_code, count(distinct locations.article_id) as articles
from locations join places on places.id = locations.place_id join articles on articles.id = locations.article_id
where articles.story_id = ? group by places.id order by articles desc, count(*) desc, places.name limit ?"""
CREDITS_SQL = """select article_credits.article_id, article_credits.name, article_credits.source_id
from article_credits join articles on articles.id = article_credits.article_id where articles.story_id = ?
order by article_credits.article_id, article_credits.name"""


@hookimpl
def register_routes():
    return [(r"^/-/story/(?P<story_id>\d+)$", story_page)]


async def story_page(request, datasette):
    db = datasette.get_database(archive_database(datasette, request))
    story_id = int(request.url_vars["story_id"])
    story = (await db.execute(STORY_SQL, [story_id])).first() if await db.table_exists("stories") else None
    if story is None:
        return Response.html(f"<h1>No story {story_id}</h1>", status=404)
    context = {"database": db.name, "story": dict(story), **await _story_parts(db, story_id)}
    return Response.html(await datasette.render_template("story.html", context, request=request))


async def _story_parts(db, story_id: int) -> dict:
    async def rows(sql, *extra):
        return [dict(row) for row in await db.execute(sql, [story_id, *extra])]
    articles = await rows(ARTICLES_SQL)
    by_source: dict = {}
    for article in articles:
        by_source.setdefault(article["source_id"] or "unknown", []).append(article)
    timeline = await rows(TIMELINE_SQL)
    busiest = max((day["articles"] for day in timeline), default=1)
    return {"by_source": by_source, "timeline": timeline, "busiest": busiest,
            "quotes": await rows(QUOTES_SQL), "names": await rows(NAMES_SQL, STORY_NAMES),
            "places": await rows(PLACES_SQL, STORY_PLACES), "credits": await rows(CREDITS_SQL)}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A story's label links to its story page."""
    if table == "stories" and column == "label" and value is not None:
        try:
            story_id = int(row["id"])
        except (IndexError, KeyError, TypeError, ValueError):
            return None
        href = datasette.urls.path(f"/-/story/{story_id}") + archive_query(datasette, database)
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None
