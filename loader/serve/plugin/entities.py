"""Browsing by entity: an "entity" facet on articles, the ?_entity= filter it sets, and entity links.

Articles have no entity column; they are linked to entities through `mentions`. The facet counts,
among the articles a page currently shows, how many mention each entity of one type (metadata.yml:
`facets: [{entity: PERSON}, …]`); clicking a value adds `_entity=<id>`, which filters_from_request
turns into a subquery on mentions. Several `_entity` values mean articles that mention all of them.
On the whole table the counts are the entities' own `article_count`; on a filtered view they count the
mentions of at most SAMPLE of its articles, and say so.
"""
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_added_args, path_with_removed_args

from .facets import sample_note, sample_params, sampled_sql, unfiltered

PARAMETER = "_entity"
SAMPLE = 1000  # articles of a filtered view whose mentions an entity facet counts (~10 mentions each)
FACETED_TABLE = "articles"


class EntityFacet(Facet):
    type = "entity"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = [], []
        for source_and_config in self.get_configs():
            entity_type = source_and_config["config"]["simple"]
            try:
                rows, exact = await self._top_entities(entity_type)
            except QueryInterrupted:
                timed_out.append(entity_type)
                continue
            size = self.get_facet_size()
            results.append({
                "name": entity_type, "type": self.type, "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_entity": entity_type})),
                "results": [self._value(row) for row in rows[:size]], "truncated": len(rows) > size,
                **({} if exact else sample_note(self, SAMPLE)),
            })
        return results, timed_out

    async def _top_entities(self, entity_type: str):
        limit = self.get_facet_size() + 1
        exact = unfiltered(self)
        view = dict(self.params) if exact else await sample_params(self, SAMPLE)
        params = {**view, "facet_entity_type": entity_type}
        if exact:
            # article_count is NULL while a load has yet to refresh the entity: not in the facet yet.
            sql = ("select id as value, name as label, article_count as count from entities "
                   "where type = :facet_entity_type and article_count is not null "
                   f"order by count desc, name limit {limit}")
        else:
            # From the sampled articles to their mentions (CROSS JOIN keeps that order: SQLite would
            # otherwise start from every mention of every entity of the type), grouped before naming.
            sql = ("select e.id as value, e.name as label, named.count as count from (select m.entity_id, "
                   f"count(distinct m.article_id) as count from ({sampled_sql(self, 'id')}) as hit "
                   "cross join mentions m on m.article_id = hit.facet_value group by m.entity_id) as named "
                   "cross join entities e on e.id = named.entity_id where e.type = :facet_entity_type "
                   f"order by count desc, e.name limit {limit}")
        return (await self.ds.execute(self.database, sql, params, truncate=False,
                                      custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows, exact

    def _value(self, row) -> dict:
        selected = (PARAMETER, row["value"]) in self.get_querystring_pairs()
        change = path_with_removed_args if selected else path_with_added_args
        path = change(self.request, {PARAMETER: row["value"]})
        return {"value": row["value"], "label": row["label"], "count": row["count"], "selected": selected,
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path))}


def entity_filter(request, database, table, datasette):
    """?_entity=<id> on the articles table: only articles that mention that entity (all of them, if repeated)."""
    ids = request.args.getlist(PARAMETER)
    if table != FACETED_TABLE or not ids:
        return None

    async def inner():
        params = {f"entity_{index}": value for index, value in enumerate(ids)}
        names = await datasette.execute(database, "select id, name from entities where id in ({})".format(
            ",".join(f":{key}" for key in params)), params)
        name_of = {row["id"]: row["name"] for row in names.rows}
        return FilterArguments(
            [f"id in (select article_id from mentions where entity_id = :{key})" for key in params],
            params, [f'mentions "{name_of.get(value, value)}"' for value in ids])

    return inner
