"""Precomputed article counts for the whole archive, so that default facets, charts and the home page
read a few hundred rows instead of grouping a million articles on every page view.

`facet_counts` holds, for each FACETS entry, every value and how many articles have it; the views
`month_counts` and `source_counts` show the two a chart needs. refresh_counts (a FINISHER, run at the end
of every load) recomputes them all from the indexed columns in one transaction: ~1 s at a million
articles (benchmarks/RESULTS.md), and always exactly what a `group by` would say. Counts of entities and
places live on their own rows (`entities.article_count`, `places.article_count`), kept by their stores.
"""

from ..schema import COUNT_FACETS as FACETS, COUNT_VIEWS as VIEWS, COUNTS_TABLE as TABLE


def create_table(db) -> None:
    db.execute(f"create table if not exists [{TABLE}] (facet text not null, value text, article_count integer "
               f"not null, primary key (facet, value)) without rowid")
    for name, select in VIEWS.items():
        db.execute(f"create view if not exists [{name}] as {select}")


def refresh_counts(db) -> None:
    """Recompute every facet's counts (inside the caller's transaction)."""
    create_table(db)
    db.execute(f"delete from [{TABLE}]")
    for facet, select in FACETS.items():
        db.execute(f"insert into [{TABLE}] (facet, value, article_count) select ?, * from ({select})", [facet])
