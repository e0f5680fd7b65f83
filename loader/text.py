"""Small text helpers every stage uses: one home, so a comparison means the same thing everywhere."""
import re
import unicodedata

SPACES = re.compile(r"\s+")
# The whitespace squash changes: runs of two or more, or a lone newline, tab… (a lone space stays; matching
# each of them too rebuilt every string).
NOT_ONE_SPACE = re.compile(r"\s{2,}|[^\S ]")
NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
LOWER_CASE_WORD = re.compile(r"\b[a-z][\w'-]*")


def squash(text: str | None) -> str:
    """Runs of whitespace (newlines included) as one space, ends trimmed: "Hong\\n\\nKong" → "Hong Kong"."""
    return NOT_ONE_SPACE.sub(" ", text or "").strip()


def lower_case_words(text: str) -> set[str]:
    """The words a text writes starting in lower case, folded ("the", "radio", "iphone"): to tell a capitalised
    name from a common word the same text also writes ("Radio Kerry" beside "radio")."""
    return {word.lower() for word in LOWER_CASE_WORD.findall(text)}


def loose(text: str | None) -> str:
    """Only the letters and digits, case folded: for comparing headlines and paragraphs loosely."""
    return NOT_ALPHANUMERIC.sub("", (text or "").casefold())


def strip_accents(text: str) -> str:
    """The text without combining accents (NFKD): "Zürich" → "Zurich"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
