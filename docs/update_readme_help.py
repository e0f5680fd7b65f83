"""Rewrite the `news-archive … --help` blocks in README.md from the real CLI (`make readme`)."""
import re
from pathlib import Path

from click.testing import CliRunner

from loader.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(`news-archive (?P<args>[a-z ]*)--help`\n\n```\n)(.*?)(```)", re.S)


def _help(match: re.Match) -> str:
    args = match.group("args").split()
    output = CliRunner().invoke(cli, args + ["--help"], prog_name="news-archive").output
    return match.group(1) + output.rstrip() + "\n" + match.group(4)


if __name__ == "__main__":
    README.write_text(BLOCK.sub(_help, README.read_text(encoding="utf-8")), encoding="utf-8")
