"""The quotes an entity is credited with, listed on its row page (entities/<id>)."""
from datasette import hookimpl
from datasette.utils import tilde_decode

# Most quotes shown on an entity page; the full list is one click away (quotes?speaker_entity_id=…).
ENTITY_PAGE_QUOTES = 50
SPEAKER_QUOTES_SQL = """
select quotes.id, quotes.content, quotes.direct, quotes.speaker_text, quotes.speaker_role, quotes.cue,
       articles.id as article_id, articles.title, articles.source_id, articles.published_at
from quotes join articles on articles.id = quotes.article_id
where quotes.speaker_entity_id = ?
order by articles.published_at desc, quotes.start
limit ?
"""


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "entities" or request is None:
        return {}

    async def speaker_quotes():
        entity_id = tilde_decode(request.url_vars["pks"])
        db = datasette.get_database(database)
        if not await db.table_exists("quotes"):
            return {"speaker_quotes": []}
        result = await db.execute(SPEAKER_QUOTES_SQL, [entity_id, ENTITY_PAGE_QUOTES])
        return {"speaker_quotes": [dict(row) for row in result.rows]}

    return speaker_quotes
