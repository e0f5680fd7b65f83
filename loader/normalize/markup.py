"""HTML that scrapers leave in structured fields ("content": "<p>…</p>") → plain paragraphs.

Whole saved pages go through read/html.py; this is for fragments inside JSON/CSV values.
"""
import html
import re

import lxml.html
from lxml import etree

# A closing tag or a <br>: plain text never has them ("<TCB>"-style tickers and "<" signs do occur).
MARKUP = re.compile(r"</(?:p|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|blockquote|figure|table|section)\s*>|<br\s*/?>",
                    re.I)
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
# Their text is furniture, never article prose.
DROPPED = ("script", "style", "noscript", "template", "iframe", "figure", "figcaption", "aside", "nav", "button",
           "form")
BLOCKS = ("p", "div", "section", "article", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre",
          "ul", "ol", "table", "header", "footer")


def looks_like_markup(text: str) -> bool:
    return "<" in text and bool(MARKUP.search(text))


def markup_to_text(text: str) -> str:
    """Paragraphs of an HTML fragment, separated by blank lines; no tag survives."""
    try:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", text)
    for element in list(root.iter(*DROPPED)):
        element.drop_tree()
    for element in root.iter(*BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    paragraphs = (re.sub(r"[ \t\r\f\v]+", " ", block).strip() for block in re.split(r"\n\s*\n", root.text_content()))
    return "\n\n".join(p for p in paragraphs if p)


def unescape_entities(text: str) -> str:
    """'Tom &amp; Jerry' → 'Tom & Jerry' (only when the text holds entities, so a bare '&' stays)."""
    return html.unescape(text) if "&" in text and ENTITY.search(text) else text
