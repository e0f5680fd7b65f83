"""Keyset paging that loses no row, for every table page, JSON `next` link and CSV stream.

Datasette 0.65 orders a sorted table's later pages by (sort column, primary key), and its `_next`
token resumes after (value, key); but it orders the first page by the sort column alone, so rows
tied on that value (every undated article under the default `published_at` sort) come back in
whatever order SQLite finds them, and the second page resumes from the wrong place: rows are lost
and repeated. Here the first page's ORDER BY gets the same primary-key tiebreak. The statement is
matched by the exact shape Datasette writes; anything else (a user's SQL, facets, counts) is
left as it is.
"""
import re

from datasette.utils import escape_sqlite

# select <columns> from <table> [where …] order by <one column> [desc] limit <n>
FIRST_SORTED_PAGE = re.compile(
    r"\A(?P<head>select .+? from (?P<table>\[[^\]]+\]|\w+) (?:where .+ )?order by )"
    r"(?P<order>(?P<column>\[[^\]]+\]|\w+)(?: desc)?)(?P<tail> limit \d+)\Z", re.S)


def keep_every_row(database) -> None:
    """Wrap database.execute so that a sorted table page is ordered by its primary key too."""
    execute = database.execute

    async def execute_with_tiebreak(sql, *args, **kwargs):
        return await execute(await with_tiebreak(database, sql), *args, **kwargs)

    database.execute = execute_with_tiebreak


async def with_tiebreak(database, sql: str) -> str:
    match = FIRST_SORTED_PAGE.match(sql)
    if not match:
        return sql
    table = _bare(match["table"])
    if table not in await database.table_names():  # a view: Datasette pages those by offset
        return sql
    keys = await database.primary_keys(table) or ["rowid"]
    if keys == [_bare(match["column"])]:
        return sql  # sorted by the key itself: already unique
    tiebreak = ", ".join(escape_sqlite(key) for key in keys)
    return f"{match['head']}{match['order']}, {tiebreak}{match['tail']}"


def _bare(name: str) -> str:
    return name[1:-1] if name.startswith("[") else name
