"""Plain-text page dumps and Markdown/text with YAML front matter: one article per file."""
import re

import yaml

from ..model import Record



class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as the text written: `date: 2017-02-30` is then the date's problem
    (a warning, the article kept), not a ValueError that loses the file."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def read_text(text: str, origin: str) -> list[Record]:
    match = FRONT_MATTER.match(text)
    if not match:
        return [Record(origin, "file", "text", text=text)]
    try:
        fields = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except (yaml.YAMLError, ValueError) as error:  # ValueError: an explicit `!!timestamp 2017-02-30`
        mark = getattr(error, "problem_mark", None)
        where = f"front matter line {mark.line + 2}" if mark else "front matter"
        return [Record(origin, where, "markdown", error=f"invalid YAML front matter: {_first_line(error)}",
                       raw=match.group(1))]
    if not isinstance(fields, dict):
        return [Record(origin, "front matter", "markdown", error="front matter is not a mapping",
                       raw=match.group(1))]
    return [Record(origin, "file", "markdown", text=text[match.end():], fields=fields)]


def _first_line(error) -> str:
    return str(error).strip().splitlines()[0]
