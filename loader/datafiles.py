"""The rule tables under loader/data/ (lexicons, alias lists): one reader for all of them."""
from importlib import resources


def data_lines(name: str) -> list[str]:
    """The lines of loader/data/<name> that carry data: blank lines and '#' comments left out."""
    text = resources.files("loader").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def data_kinds(name: str) -> dict[str, frozenset]:
    """kind → its terms, from a table of loader/data/<name> with one "term<TAB>kind" a line."""
    kinds: dict[str, set] = {}
    for line in data_lines(name):
        term, kind = line.split("\t")
        kinds.setdefault(kind.strip(), set()).add(term.strip())
    return {kind: frozenset(terms) for kind, terms in kinds.items()}
