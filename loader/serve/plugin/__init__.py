"""Datasette plugin (registered by entry point): safe full-text queries and highlighted snippets,
and browsing articles by the entities they mention (entities.py)."""
import re
import sqlite3

from datasette import handle_exception as datasette_errors
from datasette import hookimpl
from markupsafe import Markup, escape

from .guards import check_host, clean_search, guard_csv, hide_pages, limit_connection, read_only_methods, user_mistake
from .paging import keep_every_row
from .entities import EntityFacet, entity_cell, entity_filter
from .quotes import extra_template_vars  # noqa: F401  (a hook: pluggy finds it on this module)

# snippet() wraps hits in these private-use characters; render_cell escapes the text, then marks hits.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
OPERATORS = {"AND", "OR", "NOT"}
# Longest string or blob a served query may produce: the longest article (1,000,000 characters,
# at most 4,000,000 bytes of UTF-8) fits four times over.
MAX_VALUE_BYTES = 16_000_000
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
def prepare_connection(conn, database, datasette):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    if getattr(datasette.databases.get(database), "path", None):  # the archive, not Datasette's own
        make_read_only(conn)


def make_read_only(conn) -> None:
    """No statement can write, even on Datasette's write connection (canned writes, plugins), and no
    value may exceed MAX_VALUE_BYTES, so one query cannot build a gigabyte string in memory."""
    conn.execute("pragma query_only = 1")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    limit_connection(conn)


@hookimpl
def extra_css_urls():
    return ["/-/static-plugins/news-archive/archive.css"]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "snippet" and isinstance(value, str) and HIT_OPEN in value:
        html = str(escape(value)).replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>")
        return Markup(html)
    return entity_cell(row, value, column, table, database, datasette)


@hookimpl
def startup(datasette):
    """Datasette 0.65 prints every 4xx error (a mistyped URL, a SELECT-only refusal) as a rich
    traceback with its locals: about a second of CPU per bad request on a small machine, an easy
    way to load the server, and article text in the log. Server errors (500) are still printed, by
    its plain traceback.print_exc(). Also gives every sorted table page a primary-key tiebreak
    (paging.py), so exports and `next` links return each row once."""
    datasette_errors.rich = None
    for database in datasette.databases.values():
        keep_every_row(database)


@hookimpl
def asgi_wrapper():
    return lambda app: check_host(read_only_methods(clean_search(hide_pages(guard_csv(app)))))


@hookimpl
def handle_exception(exception):
    user_mistake(exception)  # returns nothing: Datasette's own handler renders the page


@hookimpl
def register_facet_classes():
    return [EntityFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    return entity_filter(request, database, table, datasette)
