"""Datasette plugin (registered by entry point): safe full-text queries and highlighted snippets."""
import re

from datasette import hookimpl
from markupsafe import Markup, escape

from .quotes import extra_template_vars  # noqa: F401  (a hook: pluggy finds it on this module)

# snippet() wraps hits in these private-use characters; render_cell escapes the text, then marks hits.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
OPERATORS = {"AND", "OR", "NOT"}
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
def prepare_connection(conn):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)


@hookimpl
def extra_css_urls():
    return ["/-/static-plugins/news-archive/archive.css"]


@hookimpl
def render_cell(value, column):
    if column == "snippet" and isinstance(value, str) and HIT_OPEN in value:
        html = str(escape(value)).replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>")
        return Markup(html)
    return None
