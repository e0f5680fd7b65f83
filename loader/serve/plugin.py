"""Datasette plugin (registered by entry point): safe full-text queries, highlighted snippets, distances."""
import re

from datasette import hookimpl
from markupsafe import Markup, escape

from ..extract.places import distance_km

# snippet() wraps hits in these private-use characters; render_cell escapes the text, then marks hits.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
OPERATORS = {"AND", "OR", "NOT"}
TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text) -> str:
    """Turn whatever a user typed into a valid FTS5 query.

    Kept: "quoted phrases", prefix* searches and AND/OR/NOT between terms. Everything else is
    quoted as a plain term, so stray brackets, colons or quotes cannot cause a syntax error.
    An empty query matches nothing.
    """
    terms = []
    for phrase, word in TOKEN.findall(str(text or "").replace("\u201c", '"').replace("\u201d", '"')):
        if phrase:
            terms.append(_quote(phrase))
        elif word in OPERATORS:
            terms.append(word)
        else:
            prefix = word.endswith("*")
            core = word.strip('"*()^:+-')
            if core:
                terms.append(_quote(core) + ("*" if prefix else ""))
    while terms and terms[0] in OPERATORS:
        terms.pop(0)
    while terms and terms[-1] in OPERATORS:
        terms.pop()
    cleaned = []
    for term in terms:
        if not (term in OPERATORS and cleaned and cleaned[-1] in OPERATORS):
            cleaned.append(term)
    return " ".join(cleaned) or '""'


def _quote(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


@hookimpl
def prepare_connection(conn):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("distance_km", 4, distance_or_none, deterministic=True)


def distance_or_none(lat1, lon1, lat2, lon2):
    """Great-circle km for the "articles near" query; None when a coordinate is missing or not a number."""
    try:
        return distance_km(float(lat1), float(lon1), float(lat2), float(lon2))
    except (TypeError, ValueError):
        return None


@hookimpl
def render_cell(value, column):
    if column == "snippet" and isinstance(value, str) and HIT_OPEN in value:
        html = str(escape(value)).replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>")
        return Markup(html)
    return None


PLACE_ARTICLES_SQL = """select articles.id, articles.title, articles.published_at, count(*) as mentions
from locations join articles on articles.id = locations.article_id
where locations.place_id = ? group by articles.id order by articles.published_at desc limit 200"""


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    """A place's row page lists the articles that mention it (template _table-row-archive-places.html)."""
    if view_name != "row" or table != "places" or request is None:
        return {}

    async def place_articles():
        place_id = request.url_vars.get("pks")
        db = datasette.get_database(database)
        rows = await db.execute(PLACE_ARTICLES_SQL, [place_id])
        name = await db.execute("select name from places where id = ?", [place_id])
        return {"place_articles": [dict(row) for row in rows], "place_name": name.first()[0] if name.first() else ""}
    return place_articles
