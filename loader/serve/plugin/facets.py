"""Default facets that stay fast at a million articles (the `register_facet_classes` hook).

Datasette's own column and array facets group every row of the table on every page view: at a million
articles the JSON-array facets (`country_codes`, `place_names`) read every article and time out, and a
`group by` over an indexed column still walks a million index entries. metadata.yml names these facets
`{counted: column}` and `{counted_array: column}` instead:

- on the unfiltered table, the counts are read from what the loader precomputed for the whole archive:
  `facet_counts` (store/counts.py, refreshed at the end of every load) or, for `story_id`, the stories'
  own `article_count` (WHOLE_TABLE below);
- on a filtered view (a filter, a search, an entity), the counts are real, computed over at most SAMPLE
  of the view's rows; when the view holds more, the facet says so ("in 5,000 of 170,000"), so no facet
  ever times out and none pretends to be exact. The page reads its sample's rowids once (`sample_params`)
  and every facet counts those rows: a filter such as "mentions the United States" is not worked out
  again for each of the ten facets.

Clicking a value sets the same filter as Datasette's facets (`column=value`, `column__arraycontains=value`).
"""
import asyncio
import json

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from ...schema import COUNT_FACETS as PRECOMPUTED, COUNTS_TABLE

SAMPLE = 5000  # rows of a filtered view a facet counts at most
# column → SQL giving (value, count) over the whole table, most first (:limit), where facet_counts has none.
WHOLE_TABLE = {
    "story_id": "select id as value, article_count as count from stories where article_count > 0 "
                "order by article_count desc, id limit :limit",
}
COUNTED_SQL = (f"select value, article_count as count from [{COUNTS_TABLE}] where facet = :facet "
               "order by article_count desc, value limit :limit")


def unfiltered(facet: Facet) -> bool:
    """Whether the page shows the whole table: Datasette's facet SQL then has no WHERE clause."""
    return bool(facet.table) and facet.sql.rstrip().endswith(f" from {escape_sqlite(facet.table)}")


SAMPLES = "news_archive.facet_samples"  # the request's own cache of sampled rowids, by view


def sampled_sql(facet: Facet, column: str) -> str:
    """The sampled rows of the page's view (:facet_sample, from sample_params), only the column a facet counts."""
    return (f"select {escape_sqlite(column)} as facet_value from {escape_sqlite(facet.table)} "
            "where rowid in (select value from json_each(:facet_sample))")


async def sample_params(facet: Facet, size: int | None = None) -> dict:
    """The view's parameters and `facet_sample`: the rowids of at most `size` (SAMPLE) of its rows, as JSON.
    Read once per page and view; facets running side by side await the same read."""
    samples = facet.request.scope.setdefault(SAMPLES, {})
    key = (facet.database, facet.sql, json.dumps(dict(facet.params), sort_keys=True, default=str))
    if key not in samples:
        samples[key] = asyncio.ensure_future(_read_sample(facet))
    rowids = await samples[key]
    return {**dict(facet.params), "facet_sample": json.dumps(rowids[:size or SAMPLE])}


async def _read_sample(facet: Facet) -> list[int]:
    """Datasette's facet SQL is `select … from [table] where …`: the same rows, their rowids only."""
    where = facet.sql.split(f" from {escape_sqlite(facet.table)}", 1)[1]
    rows = await facet.ds.execute(facet.database, f"select rowid from {escape_sqlite(facet.table)}{where} "
                                  f"limit {SAMPLE}", facet.params, truncate=False,
                                  custom_time_limit=facet.ds.setting("facet_time_limit_ms"))
    return [row[0] for row in rows.rows]


def sample_note(facet: Facet, size: int | None = None) -> dict:
    """{"sampled": size, "of": rows} when a filtered view holds more rows than a facet counts."""
    size = size or SAMPLE
    if unfiltered(facet) or (facet.row_count is not None and facet.row_count <= size):
        return {}
    return {"sampled": size, "of": facet.row_count}


class CountedFacet(Facet):
    """A column facet read from precomputed counts on the whole table, sampled on a filtered view."""

    type = "counted"

    async def facet_results(self):
        results, timed_out = [], []
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            try:
                rows, exact = await self._counts(column, size + 1)
            except QueryInterrupted:
                timed_out.append(column)
                continue
            labels = await self._labels(column, [row["value"] for row in rows[:size]])
            results.append({
                "name": column, "type": self.type, "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {f"_facet_{self.type}": column})),
                "results": [self._value(column, row, labels) for row in rows[:size]],
                "truncated": len(rows) > size, **({} if exact else sample_note(self)),
            })
        return results, timed_out

    async def _counts(self, column: str, limit: int) -> tuple[list, bool]:
        """(rows of value and count, whether they count the whole view)."""
        if unfiltered(self):
            sql, params = await self._whole_table(column)
            if sql:
                return await self._run(sql, {**params, "limit": limit}), True
        return await self._run(self.sampled(column, limit), await sample_params(self)), False

    async def _whole_table(self, column: str) -> tuple[str | None, dict]:
        if self.table == "articles" and column in PRECOMPUTED and await self._has_counts():
            return COUNTED_SQL, {"facet": column}
        if self.table == "articles" and column in WHOLE_TABLE:
            return WHOLE_TABLE[column], {}
        return None, {}

    async def _has_counts(self) -> bool:
        db = self.ds.get_database(self.database)
        return bool(await db.table_exists(COUNTS_TABLE)) and bool(
            (await db.execute(f"select exists (select 1 from [{COUNTS_TABLE}])")).first()[0])

    async def _run(self, sql: str, params) -> list:
        return (await self.ds.execute(self.database, sql, params, truncate=False,
                                      custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows

    def sampled(self, column: str, limit: int) -> str:
        return (f"select facet_value as value, count(*) as count from ({sampled_sql(self, column)}) "
                f"where facet_value is not null group by facet_value order by count desc, value limit {limit}")

    def parameter(self, column: str) -> str:
        """The filter a value of this facet sets (Datasette's convention for a column facet)."""
        return f"{column}__exact" if column.startswith("_") else column

    async def _labels(self, column: str, values: list) -> dict:
        if not self.table or not values:
            return {}
        return await self.ds.expand_foreign_keys(self.database, self.table, column, values)

    def _value(self, column: str, row, labels: dict) -> dict:
        parameter, value = self.parameter(column), str(row["value"])
        selected = (parameter, value) in self.get_querystring_pairs()
        change = path_with_removed_args if selected else path_with_added_args
        return {"value": row["value"], "label": labels.get((column, row["value"]), row["value"]),
                "count": row["count"], "selected": selected,
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(
                    change(self.request, {parameter: value})))}


class CountedArrayFacet(CountedFacet):
    """The same for a JSON array column: each element of an article's array counts once for it."""

    type = "counted_array"

    def sampled(self, column: str, limit: int) -> str:
        return (f"select element.value as value, count(*) as count from ({sampled_sql(self, column)}) as sample, "
                "json_each(sample.facet_value) as element where sample.facet_value like '[_%' "
                f"group by element.value order by count desc, value limit {limit}")

    def parameter(self, column: str) -> str:
        return f"{column}__arraycontains"

    async def _labels(self, column: str, values: list) -> dict:
        return {}
