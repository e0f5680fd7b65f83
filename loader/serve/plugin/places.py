"""Datasette plugin for places (its own entry point, beside the main plugin): a distance function for the
"articles near" query, and the list of articles on a place's row page (template
_table-row-archive-places.html)."""
from datasette import hookimpl

from ...extract.places import distance_km

PLACE_ARTICLES_SQL = """select articles.id, articles.title, articles.published_at, count(*) as mentions
from locations join articles on articles.id = locations.article_id
where locations.place_id = ? group by articles.id order by articles.published_at desc limit 200"""


@hookimpl
def prepare_connection(conn):
    conn.create_function("distance_km", 4, distance_or_none, deterministic=True)


def distance_or_none(lat1, lon1, lat2, lon2):
    """Great-circle km; None when a coordinate is missing or not a number."""
    try:
        return distance_km(float(lat1), float(lon1), float(lat2), float(lon2))
    except (TypeError, ValueError):
        return None


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    """A place's row page lists the articles that mention it."""
    if view_name != "row" or table != "places" or request is None:
        return {}

    async def place_articles():
        place_id = request.url_vars.get("pks")
        db = datasette.get_database(database)
        rows = await db.execute(PLACE_ARTICLES_SQL, [place_id])
        name = (await db.execute("select name from places where id = ?", [place_id])).first()
        return {"place_articles": [dict(row) for row in rows], "place_name": name[0] if name else ""}
    return place_articles
