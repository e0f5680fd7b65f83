"""The core Datasette plugin (a declared entry point, like each module beside it): safe full-text
queries, a read-only archive, browsing articles by entity, friendly errors, the stylesheet and the
template filters the pages use.

The other plugins, each its own entry point in pyproject.toml: cells.py (links and labels in every
table), pages.py (article, entity, place, quote and home pages), search.py (the search page and its
exports), places.py (distances for "articles near"), guards.py's middleware is wired here.
"""
import re
import sqlite3

from datasette import handle_exception as datasette_errors
from datasette import hookimpl

from ..archives import ArchiveDatabase, watch_loads

from .entities import EntityFacet, entity_filter
from .facets import CountedArrayFacet, CountedFacet
from .guards import check_host, clean_search, guard_csv, hide_pages, limit_connection, read_only_methods, user_mistake
from .labels import human_label, human_time, month_label
from .pages import archive_query
from .paging import keep_every_row

OPERATORS = {"AND", "OR", "NOT"}
# Longest string or blob a served query may produce: the longest article (1,000,000 characters,
# at most 4,000,000 bytes of UTF-8) fits four times over.
MAX_VALUE_BYTES = 16_000_000
MMAP_BYTES = 1 << 36  # address space asked for; SQLite caps it at its build's maximum (2 GB for most builds)
TOKEN = re.compile(r'"([^"]*)"|(\S+)')
STATIC = "/-/static-plugins/news-archive/"


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
    served = datasette.databases.get(database)
    if getattr(served, "path", None):  # the archive, not Datasette's own
        make_read_only(conn, mapped=not served.is_mutable)


def make_read_only(conn, mapped: bool = False) -> None:
    """No statement can write, even on Datasette's write connection (canned writes, plugins), and no
    value may exceed MAX_VALUE_BYTES, so one query cannot build a gigabyte string in memory. An
    immutable archive (archives.py: no load is writing it) is read through a memory map (MMAP_BYTES of
    address space, not memory): a page the OS has cached then costs no read() call, which matters to a
    page that reads thousands of scattered rows. A file a load may change is read without one."""
    conn.execute("pragma query_only = 1")
    if mapped:
        conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    limit_connection(conn)


@hookimpl
def extra_css_urls():
    return [STATIC + "vendor/uPlot.min.css", STATIC + "archive.css"]


@hookimpl
def extra_js_urls():
    """uPlot (vendored, see static/vendor/README.md) and the script that draws charts and maps."""
    return [STATIC + "vendor/uPlot.iife.min.js", STATIC + "archive.js"]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["human_label"] = lambda value, column: human_label(column, value) or value
    env.filters["human_time"] = human_time
    env.filters["month_label"] = lambda value: month_label(str(value or "")) or value
    env.filters["archive_query"] = lambda database: archive_query(datasette, database)


@hookimpl
def startup(datasette):
    """Datasette 0.65 prints every 4xx error (a mistyped URL, a SELECT-only refusal) as a rich
    traceback with its locals: about a second of CPU per bad request on a small machine, an easy
    way to load the server, and article text in the log. Server errors (500) are still printed, by
    its plain traceback.print_exc(). Also gives every sorted table page a primary-key tiebreak
    (paging.py), so exports and `next` links return each row once, and counts each immutable
    archive's tables once (archives.py)."""
    datasette_errors.rich = None
    for database in datasette.databases.values():
        keep_every_row(database)

    async def count_tables():
        for database in datasette.databases.values():
            if isinstance(database, ArchiveDatabase):
                await database.cache_counts()

    return count_tables


@hookimpl
def handle_exception(exception):
    """A user's mistake Datasette would answer with a 500 (a bad `_sort`) gets its 400. (A search box
    cannot fail: guards.clean_search drops a query FTS5 could not parse before it reaches SQLite.)"""
    user_mistake(exception)  # returns nothing: Datasette's own handler renders the page


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: check_host(read_only_methods(clean_search(hide_pages(guard_csv(strip_hit_markers(
        watch_loads(app, datasette)))))))


# The private-use characters snippet() marks hits with (cells.py turns them into <mark> on pages); an
# export has no use for them: raw in CSV, escaped in JSON.
HIT_MARKERS = ("\ue000".encode(), "\ue001".encode(), b"\\ue000", b"\\ue001")


def strip_hit_markers(app):
    """ASGI middleware: CSV and JSON responses without snippet hit markers."""
    async def stripped(scope, receive, send):
        path, query = scope.get("path", ""), scope.get("query_string", b"")
        if scope["type"] != "http" or not (path.endswith((".csv", ".json")) or b"_format=" in query):
            return await app(scope, receive, send)

        async def send_stripped(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers") or [] if k.lower() != b"content-length"]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and message.get("body"):
                body = message["body"]
                for marker in HIT_MARKERS:
                    body = body.replace(marker, b"")
                message = {**message, "body": body}
            await send(message)

        await app(scope, receive, send_stripped)

    return stripped


@hookimpl
def register_facet_classes():
    return [CountedFacet, CountedArrayFacet, EntityFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    return entity_filter(request, database, table, datasette)
