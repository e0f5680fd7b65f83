"""The archive's schema, as data: tables, full-text indexes, indexes, views, and the mark of a failed extraction.

Its own module, below every stage, so that serve reads the schema without importing the store (which imports extract).
"""

# table → (columns, primary key, foreign keys). Names are the contract in DESIGN.md.
TABLES = {
    "sources": ({"id": str, "name": str, "homepage": str, "language": str, "timezone": str}, "id", []),
    "stories": ({"id": int, "label": str, "first_published": str, "last_published": str, "article_count": int,
                 "source_count": int}, "id", []),
    "articles": ({
        "id": str, "source_id": str, "url": str, "title": str, "title_derived": int, "subtitle": str,
        "section": str, "byline": str, "authors": str, "dateline": str, "published_at": str,
        "published_month": str, "updated_at": str, "body": str, "word_count": int, "language": str,
        "credits": str, "related_headlines": str, "content_hash": str, "story_id": int,
        "origin_path": str, "origin_format": str, "loaded_at": str, "near_duplicate_of": str,
        "near_duplicate_score": float, "place_names": str, "country_codes": str, "identity_key": str,
        "extracted_with": str,
    }, "id", [("source_id", "sources", "id"), ("story_id", "stories", "id"), ("near_duplicate_of", "articles", "id")]),
    "entities": ({"id": str, "name": str, "type": str, "aliases": str, "article_count": int,
                  "mention_count": int, "merged_into": str, "place_id": int, "split_from": str}, "id",
                 [("merged_into", "entities", "id")]),
    "mentions": ({"id": int, "article_id": str, "entity_id": str, "text": str, "type": str, "start": int,
                  "end": int, "sentence": int, "role": str, "entity_name": str, "used_as": str}, "id",
                 [("article_id", "articles", "id"), ("entity_id", "entities", "id")]),
    # Provenance (store/provenance.py): one row per quote said once and reported by one or more articles.
    "quote_groups": ({"id": int, "key": str, "content": str, "speaker": str, "first_article_id": str,
                      "first_source_id": str, "first_published": str, "quote_count": int, "article_count": int,
                      "source_count": int}, "id",
                     [("first_article_id", "articles", "id"), ("first_source_id", "sources", "id")]),
    "quotes": ({"id": int, "article_id": str, "source_id": str, "content": str, "direct": int, "speaker": str,
                "speaker_entity_id": str, "speaker_text": str, "speaker_role": str, "cue": str, "start": int,
                "end": int, "speaker_start": int, "speaker_end": int, "speaker_type": str, "group_id": int,
                "story_id": int, "speaker_name": str}, "id",
               [("article_id", "articles", "id"), ("source_id", "sources", "id"),
                ("speaker_entity_id", "entities", "id"), ("group_id", "quote_groups", "id"),
                ("story_id", "stories", "id")]),
    "places": ({"id": int, "name": str, "feature_code": str, "country_code": str, "admin1": str,
                "latitude": float, "longitude": float, "population": int, "article_count": int}, "id", []),
    "locations": ({"id": int, "article_id": str, "place_id": int, "text": str, "start": int, "end": int,
                   "is_dateline": int, "score": float}, "id",
                  [("article_id", "articles", "id"), ("place_id", "places", "id")]),
    "article_origins": ({"article_id": str, "origin_path": str, "position": str, "url": str,
                         "loaded_at": str}, ("article_id", "origin_path", "position"),
                        [("article_id", "articles", "id")]),
    "loads": ({"id": int, "started_at": str, "finished_at": str, "arguments": str, "files": int,
               "inserted": int, "updated": int, "unchanged": int, "duplicates": int, "near_duplicates": int,
               "errors": int, "extractor_version": str}, "id", []),
    # Every earlier content of an article: an update or an older snapshot never loses a text.
    "article_versions": ({"article_id": str, "version": int, "content_hash": str, "title": str, "subtitle": str,
                          "body": str, "published_at": str, "updated_at": str, "loaded_at": str,
                          "origin_path": str}, ("article_id", "version"), [("article_id", "articles", "id")]),
    # MinHash LSH bands of each article's body, for finding near-duplicates (store/duplicates.py).
    # Created WITHOUT ROWID by duplicates.create_table: 31-bit integer keys and the article's rowid, no index.
    "article_bands": ({"band": int, "article_rowid": int}, ("band", "article_rowid"), []),
    # Story clustering (store/stories.py): each clustered article's keys, and how many articles have each feature.
    "story_keys": ({"key": str, "day": str, "article_id": str}, ("key", "day", "article_id"),
                   [("article_id", "articles", "id")]),
    "story_terms": ({"term": str, "df": int}, "term", []),
    "article_credits": ({"article_id": str, "name": str, "source_id": str}, ("article_id", "name"),
                        [("article_id", "articles", "id"), ("source_id", "sources", "id")]),
    "load_errors": ({"id": int, "load_id": int, "origin_path": str, "position": str, "reason": str,
                     "raw": str}, "id", [("load_id", "loads", "id")]),
}
FTS = {
    "articles": ["title", "subtitle", "body"],
    "quotes": ["content", "speaker"],
}
FTS_TOKENIZER = "porter unicode61"
# Foreign keys are indexed by ensure_db_shape (unless an index below leads with them); these are the other
# columns people facet or sort on.
INDEXES = {
    "articles": [["section"], ["published_month"], ["language"], ["published_at"], ["content_hash"], ["url"],
                 ["identity_key"], ["extracted_with"]],
    "article_versions": [["content_hash"]],
    "entities": [["type"], ["name"], ["article_count"], ["type", "article_count"], ["split_from"]],
    # an entity's articles read from the index alone (?_entity=, entity pages); it also serves the foreign key
    # merges read a short form's mentions by name; the uses finisher reads mentions by their use
    "mentions": [["type"], ["entity_id", "article_id"], ["entity_name"], ["used_as"]],
    "quotes": [["speaker"], ["direct"], ["speaker_type"]],
    "places": [["country_code"], ["feature_code"], ["admin1"], ["article_count"]],
    "locations": [["is_dateline"]],
    "load_errors": [["reason"]],
    "stories": [["article_count"], ["first_published"]],
    "quote_groups": [["key"], ["article_count"], ["source_count"]],
}
# SQL views, created by ensure_db_shape when missing (name → select).
VIEWS = {
    # Places with how many articles and mentions name them, for the map and for "where is the news".
    "place_articles": """select places.id, places.name, places.feature_code, places.country_code, places.admin1,
    places.latitude, places.longitude, count(distinct locations.article_id) as article_count,
    count(*) as mention_count, sum(locations.is_dateline) as dateline_count
from places join locations on locations.place_id = places.id
group by places.id""",
}

# Extraction is a versioned derivation of stored articles: `extracted_with` names the extractor version
# that made an article's mentions, quotes and places; any other value (NULL: never extracted, or changed
# since) means pending. A failure is remembered as FAILED + version, so it is retried only by a new version.
FAILED = "failed:"

# Precomputed article counts, kept by store/counts.py: the table, what each facet counts, and two views of it.
COUNTS_TABLE = "facet_counts"
# facet name → SQL giving (value, article count) over the whole archive. A column facet reads its index;
# an array facet (a JSON array column) expands every article's array, which is why it is precomputed.
COUNT_FACETS = {
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
COUNT_VIEWS = {
    "month_counts": f"select value as month, article_count from {COUNTS_TABLE} where facet = 'published_month'",
    "source_counts": f"select value as source_id, article_count from {COUNTS_TABLE} where facet = 'source_id'",
}
