"""Table and query cells (the `render_cell` hook): every id, headline, speaker and place is a link,
codes show human labels, search snippets show their highlights.

Datasette already links a table's declared foreign keys (with the target's label) and primary keys, so
on table pages those columns are left to it; query results (canned queries, SQL) have no such links,
which is where these matter most.
"""
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from ...schema import TABLES
from .labels import human_label

# snippet() wraps hits in these private-use characters; render_cell escapes the text, then marks hits.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
# column → (table it points into, column of the same row holding the id; None: the cell itself)
LINKS = {
    "article_id": ("articles", None), "near_duplicate_of": ("articles", None), "original_id": ("articles", None),
    "original_title": ("articles", "original_id"), "entity_id": ("entities", None),
    "speaker_entity_id": ("entities", None), "place_id": ("places", None), "speaker": ("entities", "speaker_entity_id"),
}
# Columns Datasette links by itself on table pages: primary and foreign keys.
KEYED = {table: {"id"} | {fk[0] for fk in spec[2]} for table, spec in TABLES.items()}
ARTICLE_MARKERS = ("source_id", "published_at")  # an `id` beside these in a query result is an article's


def row_href(datasette, database: str, table: str, key) -> str:
    return datasette.urls.row(database, table, tilde_encode(str(key)))


def snippet_html(value: str) -> Markup:
    return Markup(str(escape(value)).replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if isinstance(value, str) and HIT_OPEN in value:
        return snippet_html(value)
    if table and column in KEYED.get(table, ()):
        return None
    link = _link(row, value, column, table, database, datasette)
    if link is not None:
        return link
    if table == "entities" and column in ("article_count", "mention_count") and value is not None:
        return _entity_count(row, value, column, database, datasette)
    label = human_label(column, value)
    if label and column not in ("published_month",):
        return Markup('<span title="{}">{}</span>').format(value, label)
    return None


def _link(row, value, column, table, database, datasette):
    keys = row.keys()
    if column in ("title", "place") and table is None:
        target, id_column = ("places", "place_id") if column == "place" else ("articles", _article_id_column(keys))
        if id_column in keys and (column == "place" or all(marker in keys for marker in ARTICLE_MARKERS)):
            key = row[id_column]
            return _anchor(row_href(datasette, database, target, key), value) if key is not None else None
    if column == "quote_id" and "article_id" in keys and value is not None and row["article_id"] is not None:
        href = row_href(datasette, database, "articles", row["article_id"]) + f"#quote-{value}"
        return _anchor(href, f"quote {value}")
    if column == "id" and table is None and "title" in keys and all(marker in keys for marker in ARTICLE_MARKERS):
        return _anchor(row_href(datasette, database, "articles", value), value) if value is not None else None
    if column not in LINKS or value is None:
        return None
    target, id_column = LINKS[column]
    key = row[id_column] if id_column and id_column in keys else (None if id_column else value)
    if key is None:
        return None
    return _anchor(row_href(datasette, database, target, key), value)


def _article_id_column(keys) -> str:
    return "id" if "id" in keys else "article_id"


def _anchor(href: str, text) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, "" if text is None else text)


def _entity_count(row, value, column, database, datasette) -> Markup:
    """On entities pages, the counts link to the articles and the mentions behind them."""
    if column == "article_count":
        href = datasette.urls.table(database, "articles") + "?" + urlencode({"_entity": row["id"]})
    else:
        href = datasette.urls.table(database, "mentions") + "?" + urlencode({"entity_id": row["id"]})
    return _anchor(href, value)
