"""What a saved page says about itself: JSON-LD, OpenGraph and <meta> tags, canonical link, <time>.

Publishers fill these for search engines and social cards, so they are usually more exact than any
heuristic on the visible text: ISO dates with the UTC offset, author names, the headline without the
" | Site" suffix. `page_metadata` gathers every candidate; `html.py` chooses between them.
"""
import json
import re
from ..text import squash  # noqa: F401  (pagemeta's callers take it from here too)

# schema.org types that describe the article itself (not the page, the site or a breadcrumb).
ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "socialmediaposting", "report", "techarticle", "scholarlyarticle", "satiricalarticle", "medicalscholarlyarticle",
}
# <meta name|property|itemprop=…> → our field; the first tag found for a field wins, in this order.
META_FIELDS = {
    "title": ["og:title", "twitter:title", "dc.title", "headline", "parsely-title", "sailthru.title"],
    "description": ["og:description", "description", "twitter:description", "dc.description"],
    "published": ["article:published_time", "datepublished", "og:article:published_time",
                  "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date",
                  "publish-date", "publishdate", "pubdate", "publication_date", "date", "article.published",
                  "cxenseparse:recs:publishtime", "article:published"],
    "updated": ["article:modified_time", "datemodified", "og:updated_time", "og:article:modified_time",
                "dcterms.modified", "last-modified", "article.updated"],
    "authors": ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
                "cxenseparse:author", "og:article:author"],
    "section": ["article:section", "parsely-section", "og:article:section", "articlesection", "section"],
    "site_name": ["og:site_name", "application-name", "publisher", "twitter:site"],
    "url": ["og:url", "twitter:url"],
    "language": ["og:locale", "content-language", "dc.language", "language"],
}
_META_LOOKUP = {name: field for field, names in META_FIELDS.items() for name in names}
URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.", re.I)


def page_metadata(tree) -> dict:
    """Candidates per field, best source first: {"jsonld": {...}, "meta": {...}, "page": {...}}."""
    return {"jsonld": jsonld_article(tree), "meta": meta_tags(tree), "page": page_facts(tree)}


# ---------------------------------------------------------------- JSON-LD
def jsonld_article(tree) -> dict:
    """Fields of the page's main article object in its JSON-LD blocks ({} if there is none)."""
    nodes = [node for block in _jsonld_blocks(tree) for node in _nodes(block)]
    articles = [node for node in nodes if _types(node) & ARTICLE_TYPES]
    if not articles:
        return {}
    node = max(articles, key=_article_weight)
    return {
        "title": _text(node.get("headline")) or _text(node.get("name")),
        "description": _text(node.get("description")),
        "authors": _names(node.get("author")) or _names(node.get("creator")),
        "published": _text(node.get("datePublished")) or _text(node.get("dateCreated")),
        "updated": _text(node.get("dateModified")),
        "section": _first_text(node.get("articleSection")),
        "language": _language(node.get("inLanguage")),
        "url": _url(node.get("url")) or _url(node.get("mainEntityOfPage")),
        "site_name": _first_text(_names(node.get("publisher"))),
        "body": _text(node.get("articleBody")),
    }


def _jsonld_blocks(tree):
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        text = (script.text or "").strip()
        if not text:
            continue
        try:
            yield json.loads(text, strict=False)
        except (json.JSONDecodeError, RecursionError):
            continue  # a broken block is the page's problem; the other sources still count


def _nodes(value, depth: int = 0):
    """Every object in a JSON-LD value, through lists and @graph, a few levels deep."""
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "hasPart", "itemListElement"):
            if key in value:
                yield from _nodes(value[key], depth + 1)


def _types(node: dict) -> set:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).rsplit("/", 1)[-1].lower() for kind in kinds if kind}


def _article_weight(node: dict) -> tuple:
    """News types first, then the object that says most (a page may also list related articles)."""
    news = any("news" in kind or kind == "liveblogposting" for kind in _types(node))
    return (news, bool(node.get("headline")), bool(node.get("articleBody")), bool(node.get("datePublished")))


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _first_text(value) -> str | None:
    return _text(value[0] if isinstance(value, list) and value else value)


def _names(value) -> list[str]:
    """Author/publisher names from a string, an object with `name`, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not URL_LIKE.match(name) and name not in names:
            names.append(name)
    return names


def _language(value) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value)


def _url(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    text = _text(value)
    return text if text and text.startswith("http") else None


# ---------------------------------------------------------------- <meta>
def meta_tags(tree) -> dict:
    found: dict = {}
    for tag in tree.xpath("//meta[@content]"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv") or "")
        field = _META_LOOKUP.get(key.strip().lower())
        content = (tag.get("content") or "").strip()
        if not field or not content:
            continue
        if field == "authors":
            found.setdefault("author_tags", []).append(content)
        else:
            rank = META_FIELDS[field].index(key.strip().lower())
            if field not in found or rank < found[field][0]:
                found[field] = (rank, content)
    fields = {field: value for field, (rank, value) in ((k, v) for k, v in found.items() if k != "author_tags")}
    fields["authors"] = [name for name in found.get("author_tags", []) if not URL_LIKE.match(name)]
    return fields


# ---------------------------------------------------------------- the page itself
def page_facts(tree) -> dict:
    """Facts from the markup rather than from metadata: canonical link, lang, <h1>, <title>, <time>."""
    return {
        "url": _first(tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')),
        "language": _first(tree.xpath("/html/@lang | /html/@xml:lang",
                                      namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})),
        "headings": [squash(h.text_content()) for h in tree.xpath("//h1")[:5]],
        "html_title": squash(_first(tree.xpath("//title/text()")) or ""),
        "times": _times(tree),
    }


def _times(tree) -> list[tuple[str, str]]:
    """(itemprop or class, datetime) of <time datetime> elements and datePublished microdata."""
    found = []
    for element in tree.xpath("//time[@datetime] | //*[@itemprop='datePublished'][@datetime]")[:20]:
        label = " ".join(filter(None, [element.get("itemprop"), element.get("class"), element.get("pubdate")]))
        found.append((label.lower(), element.get("datetime").strip()))
    return found


def _first(values) -> str | None:
    for value in values:
        if str(value).strip():
            return str(value).strip()
    return None



