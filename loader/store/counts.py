"""Precomputed article counts for the whole archive, so that default facets, charts and the home page
read a few hundred rows instead of grouping a million articles on every page view.

`facet_counts` holds, for each FACETS entry, every value and how many articles have it; the views
`month_counts` and `source_counts` show the two a chart needs. refresh_counts (a FINISHER, run at the end
of every load) recomputes them all from the indexed columns in one transaction: ~1 s at a million
articles (benchmarks/RESULTS.md), and always exactly what a `group by` would say. Counts of entities and
places live on their own rows (`entities.article_count`, `places.article_count`), kept by their stores.
"""

TABLE = "facet_counts"
# facet name → SQL giving (value, article count) over the whole archive. A column facet reads its index;
# an array facet (a JSON array column) expands every article's array, which is why it is precomputed.
FACETS = {
    "published_month": "select published_month, count(*) from articles where published_month is not null group by 1",
    "published_year": "select substr(published_month, 1, 4), count(*) from articles "
                      "where published_month is not null group by 1",
    "source_id": "select source_id, count(*) from articles where source_id is not null group by 1",
    "section": "select section, count(*) from articles where section is not null group by 1",
    "language": "select language, count(*) from articles where language is not null group by 1",
    "country_codes": "select value, count(*) from articles, json_each(articles.country_codes) "
                     "where articles.country_codes like '[_%' group by 1",
    "place_names": "select value, count(*) from articles, json_each(articles.place_names) "
                   "where articles.place_names like '[_%' group by 1",
}
VIEWS = {
    "month_counts": f"select value as month, article_count from {TABLE} where facet = 'published_month'",
    "source_counts": f"select value as source_id, article_count from {TABLE} where facet = 'source_id'",
}


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
