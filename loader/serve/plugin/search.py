"""The search page and the export of every matching article (the `register_routes` hook).

`/-/search?q=…` ranks articles with bm25 (a title hit weighs 10×, a standfirst hit 4×), shows each
match's headline, source, date and highlighted snippet, facets for the current query (source, month,
people, places; each a filter), a chart of matches per month and pages of PAGE_SIZE.
When more than WINDOW articles match (a very common word in a big archive), the ranking, paging, facets
and chart cover the WINDOW most recently added matches (the highest rowids, which FTS5 reads first
when asked for rowids in descending order), and the page says so: ranking or grouping a million
matches takes seconds, the latest few thousand take milliseconds. The total is counted up to COUNT_CAP.
`/-/search.csv?q=…` and `/-/search.json?q=…` stream every match (no cap), filters included, in
batches of EXPORT_BATCH rows, so memory stays flat whatever the archive's size.
Whatever is typed goes through fts_query, so no query is a syntax error.
"""
import csv
import io
import json
import re

from datasette import hookimpl
from datasette.utils import path_with_replaced_args
from datasette.utils.asgi import AsgiStream, Response

from .cells import row_href, snippet_html
from .guards import defuse
from .labels import human_time, month_label
from .pages import archive_database, archives

PAGE_SIZE = 20
WINDOW = 500  # matches ranked, paged, faceted and charted when more match: the most recently added
COUNT_CAP = 10_000  # matches counted at most ("more than 10,000")
EXPORT_BATCH = 200
FACET_SIZE = 10
SORTS = {"rank": "hits.rank", "newest": "articles.published_at desc", "oldest": "articles.published_at"}
SORT_LABELS = {"rank": "best match", "newest": "newest", "oldest": "oldest"}
# Filters a facet sets: parameter → SQL condition on the matched articles.
FILTERS = {
    "source": "+articles.source_id = :source",  # unary +: match the text first, never walk an index
    "month": "+articles.published_month = :month",
    "entity": "articles.id in (select article_id from mentions where entity_id = :entity)",
    "place": "articles.id in (select article_id from locations where place_id = :place)",
}
# :floor is the lowest rowid of the window (0: every match); FTS5 reads only rowids from there on.
HITS = """(select rowid, bm25(articles_fts, 10.0, 4.0, 1.0) as rank from articles_fts
           where articles_fts match fts_query(:q) and rowid >= :floor) as hits
           join articles on articles.rowid = hits.rowid"""
# The matches of the window (:window, a JSON array of rowids) for facets and the chart: the full-text query
# is not run again for each, and bm25 is worked out only where order matters.
WINDOWED = "articles where articles.rowid in (select value from json_each(:window))"
# Rowids of the matches under the filters (articles joined only when a filter needs them).
MATCHING = "select articles_fts.rowid from articles_fts where articles_fts match fts_query(:q)"
MATCHING_FILTERED = ("select articles_fts.rowid from articles_fts join articles on articles.rowid = articles_fts.rowid "
                     "where articles_fts match fts_query(:q)")
SNIPPETS_SQL = """select rowid, snippet(articles_fts, -1, char(57344), char(57345), '…', 32) as snippet
from articles_fts where articles_fts match fts_query(:q) and rowid in ({rowids})"""
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
EXPORT_COLUMNS = ["id", "url", "source_id", "title", "subtitle", "byline", "section", "dateline", "published_at",
                  "updated_at", "word_count", "language", "body"]
FACETS = {  # name → (heading, SQL over the matches; :limit)
    "source": ("Sources", """select source_id as value,
        coalesce((select name from sources where sources.id = articles.source_id), source_id) as label, count(*) as n
        from {matches} group by source_id order by n desc limit :limit"""),
    "month": ("Months", """select published_month as value, published_month as label, count(*) as n
        from {matches} and published_month is not null group by 1 order by 1"""),
    # CROSS JOIN keeps SQLite's join order: from the matched articles to their mentions, never from every
    # PERSON's mentions to the matches (0.5 s at 100,000 articles, 2 ms this way).
    # Mentions are grouped by entity first, so each entity's row is read once, not once per mention.
    "entity": ("People", """select entities.id as value, entities.name as label, named.n as n
        from (select mentions.entity_id, count(distinct mentions.article_id) as n
              from (select articles.id from {matches}) as hit cross join mentions on mentions.article_id = hit.id
              group by mentions.entity_id) as named
        cross join entities on entities.id = named.entity_id
        where entities.type = 'PERSON' order by n desc, entities.name limit :limit"""),
    "place": ("Places", """select places.id as value, places.name as label, count(distinct locations.article_id) as n
        from (select articles.id from {matches}) as hit cross join locations on locations.article_id = hit.id
        cross join places on places.id = locations.place_id
        group by places.id order by n desc, places.name limit :limit"""),
}


@hookimpl
def register_routes():
    return [(r"^/-/search$", search_page), (r"^/-/search\.(?P<format>csv|json)$", search_export)]


def query_of(request) -> tuple[str, dict, list[str]]:
    """(query text, SQL parameters, SQL conditions) from the request's q and facet filters."""
    text = (request.args.get("q") or "").strip()
    params, conditions = {"q": text, "floor": 0}, []
    for name, condition in FILTERS.items():
        value = request.args.get(name)
        if value:
            params[name] = value
            conditions.append(condition)
    return text, params, conditions


def matches_sql(conditions: list[str]) -> str:
    """Ranked matches (FROM clause, with hits.rank) under the facet filters."""
    return HITS + (" where " + " and ".join(conditions) if conditions else "")


def matching_sql(conditions: list[str]) -> str:
    """Rowids of every match under the facet filters (a SELECT, open to order by and limit)."""
    return (MATCHING_FILTERED if conditions else MATCHING) + "".join(f" and {c}" for c in conditions)


async def search_page(datasette, request):
    database = archive_database(datasette, request)
    text, params, conditions = query_of(request)
    context = {"q": text, "database": database, "sort": request.args.get("sort") or "rank",
               "search_database": database if len(archives(datasette)) > 1 else None,
               "export_csv": _export_url(request, "csv"), "export_json": _export_url(request, "json"),
               "filters": await _active_filters(datasette, database, params, request),
               "sorts": [{"key": key, "label": label,
                          "url": path_with_replaced_args(request, {"sort": key, "page": None})}
                         for key, label in SORT_LABELS.items()]}
    if text and database:
        context.update(await _results(datasette, database, request, params, conditions))
    html = await datasette.render_template("search.html", context, request=request, view_name="search")
    return Response.html(html)


async def _window(db, params: dict, conditions: list[str]) -> tuple[list[int], bool]:
    """(rowids of the latest WINDOW matches under the filters, newest first; whether more match)."""
    sql = f"{matching_sql(conditions)} order by articles_fts.rowid desc limit :limit"
    rowids = [row[0] for row in (await db.execute(sql, {**params, "limit": WINDOW + 1})).rows]
    return rowids[:WINDOW], len(rowids) > WINDOW


async def _total(db, params: dict, conditions: list[str]) -> tuple[int, bool]:
    """(matches counted, whether there are more than COUNT_CAP)."""
    sql = f"select count(*) from ({matching_sql(conditions)} limit :limit)"
    counted = (await db.execute(sql, {**params, "limit": COUNT_CAP + 1})).first()[0]
    return min(counted, COUNT_CAP), counted > COUNT_CAP


async def _results(datasette, database, request, params, conditions) -> dict:
    db = datasette.get_database(database)
    window, windowed = await _window(db, params, conditions)
    shown = len(window)
    total, more = await _total(db, params, conditions) if windowed else (shown, False)
    params = {**params, "floor": window[-1] if windowed else 0}
    matches = matches_sql(conditions)
    page = _page_number(request.args.get("page"), shown)
    order = SORTS.get(request.args.get("sort"), SORTS["rank"])
    ranked = [row[0] for row in (await db.execute(
        f"select articles.rowid from {matches} order by {order}, articles.rowid "
        f"limit {PAGE_SIZE} offset {(page - 1) * PAGE_SIZE}", params)).rows]
    rows = await _page_rows(db, ranked)
    snippets = await _snippets(db, params["q"], [row["rowid"] for row in rows])
    facets = await _facets(db, WINDOWED, {**params, "window": json.dumps(window)}, request)
    return {
        "total": total, "more": more, "windowed": windowed, "window": shown,
        "page": page, "pages": max(1, -(-shown // PAGE_SIZE)),
        "results": [{"href": row_href(datasette, database, "articles", row["id"]), "title": row["title"] or row["id"],
                     "source": row["source_name"] or row["source_id"], "published": human_time(row["published_at"]),
                     "snippet": snippets.get(row["rowid"]) or row["lede"]} for row in rows],
        "facets": facets, "months": [[f["value"], f["n"]] for f in _facet(facets, "month")],
        "previous_url": path_with_replaced_args(request, {"page": page - 1}) if page > 1 else None,
        "next_url": path_with_replaced_args(request, {"page": page + 1}) if page * PAGE_SIZE < shown else None,
    }


async def _page_rows(db, rowids: list[int]) -> list:
    """One page's articles, in rank order (fetched after ranking, so only these rows are read whole)."""
    if not rowids:
        return []
    rows = (await db.execute(
        "select articles.rowid, articles.id, articles.title, articles.source_id, articles.published_at, "
        "(select name from sources where sources.id = articles.source_id) as source_name, "
        "substr(articles.body, 1, 240) as lede from articles where rowid in "
        f"({','.join(str(int(rowid)) for rowid in rowids)})")).rows
    by_rowid = {row["rowid"]: row for row in rows}
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


def _page_number(value, total: int) -> int:
    try:
        page = int(value or 1)
    except ValueError:
        page = 1
    return max(1, min(page, max(1, -(-total // PAGE_SIZE))))


async def _snippets(db, text: str, rowids: list[int]) -> dict:
    if not rowids:
        return {}
    sql = SNIPPETS_SQL.format(rowids=",".join(str(int(rowid)) for rowid in rowids))
    return {row["rowid"]: snippet_html(row["snippet"]) for row in (await db.execute(sql, {"q": text})).rows}


async def _facets(db, matches: str, params: dict, request) -> list[dict]:
    tables = set(await db.table_names())
    found = []
    for name, (heading, sql) in FACETS.items():
        if name in ("entity", "place") and not {"mentions", "locations"} & tables:
            continue
        rows = (await db.execute(sql.format(matches=matches), {**params, "limit": FACET_SIZE})).rows
        values = [{"value": row["value"], "n": row["n"],
                   "label": month_label(row["label"]) if name == "month" else row["label"],
                   "selected": params.get(name) == str(row["value"]),
                   "url": path_with_replaced_args(request, {name: None if params.get(name) == str(row["value"])
                                                              else row["value"], "page": None})}
                  for row in rows]
        if values:
            found.append({"name": name, "heading": heading, "values": values})
    return found


def _facet(facets: list[dict], name: str) -> list[dict]:
    return next((facet["values"] for facet in facets if facet["name"] == name), [])


async def _active_filters(datasette, database, params: dict, request) -> list[dict]:
    """The facet filters in force, named (an entity's name, not its id), each with a link to drop it."""
    names = {"entity": "select name from entities where id = ?", "place": "select name from places where id = ?"}
    found = []
    for name in FILTERS:
        if name not in params:
            continue
        label = params[name]
        if name in names and database:
            row = (await datasette.get_database(database).execute(names[name], [label])).first()
            label = row[0] if row else label
        found.append({"name": name, "label": month_label(label) if name == "month" else label,
                      "remove_url": path_with_replaced_args(request, {name: None, "page": None})})
    return found


def _export_url(request, extension: str) -> str:
    path = path_with_replaced_args(request, {"page": None, "sort": None})
    base, _, query = path.partition("?")
    return f"{base}.{extension}" + (f"?{query}" if query else "")


async def search_export(datasette, request):
    database = archive_database(datasette, request)
    extension = request.url_vars["format"]
    text, params, conditions = query_of(request)
    if not text or database is None:
        return Response.text("Give the words to search for: ?q=…\n", status=400)
    db = datasette.get_database(database)
    ordered = (await db.execute(f"select articles.rowid from {matches_sql(conditions)} order by hits.rank, "
                                f"articles.rowid", params)).rows
    rowids = [row[0] for row in ordered]
    writer = _csv_stream if extension == "csv" else _json_stream
    filename = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "search"
    return AsgiStream(lambda out: writer(out, db, rowids, datasette, database, request),
                      headers={"content-disposition": f'attachment; filename="search-{filename}.{extension}"'},
                      content_type=CONTENT_TYPES[extension])


async def _batches(db, rowids: list[int]):
    columns = ", ".join(f"[{column}]" for column in EXPORT_COLUMNS)
    for start in range(0, len(rowids), EXPORT_BATCH):
        batch = rowids[start:start + EXPORT_BATCH]
        rows = (await db.execute(f"select rowid, {columns} from articles where rowid in "
                                 f"({','.join(str(int(rowid)) for rowid in batch)})")).rows
        by_rowid = {row["rowid"]: row for row in rows}
        yield [by_rowid[rowid] for rowid in batch if rowid in by_rowid]


def _link(datasette, database, request, article_id) -> str:
    return datasette.absolute_url(request, row_href(datasette, database, "articles", article_id))


async def _csv_stream(out, db, rowids, datasette, database, request):
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(EXPORT_COLUMNS + ["link"])
    async for rows in _batches(db, rowids):
        for row in rows:
            cells = ["" if row[column] is None else str(row[column]) for column in EXPORT_COLUMNS]
            table.writerow([defuse(cell) for cell in cells] + [_link(datasette, database, request, row["id"])])
        await out.write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        await out.write(buffer.getvalue())


async def _json_stream(out, db, rowids, datasette, database, request):
    await out.write("[")
    first = True
    async for rows in _batches(db, rowids):
        for row in rows:
            item = {column: row[column] for column in EXPORT_COLUMNS}
            item["link"] = _link(datasette, database, request, row["id"])
            await out.write(("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False))
            first = False
    await out.write("\n]\n")

