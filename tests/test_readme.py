"""The README stays true: its --help blocks, its SQL and its profile example all run as shown."""
import re

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.normalize.paragraphs import split_paragraphs

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


@pytest.mark.parametrize("command", [[], ["load"], ["extract"], ["serve"]])
def test_help_output_in_readme_is_current(command):
    output = CliRunner().invoke(cli, command + ["--help"], prog_name="news-archive").output
    assert f"```\n{output.rstrip()}\n```" in README, f"README is missing current help for {command}:\n{output}"


def test_readme_sql_runs_on_the_seed_archive(seeds_db):
    statements = [s.strip() for s in "\n".join(_blocks("sql")).split(";") if s.strip()]
    assert len(statements) == 3
    results = [list(seeds_db.query(statement)) for statement in statements]
    assert results[0] and results[1]
    assert results[2] == []  # load_errors is empty after a clean load
    assert "[" in results[1][0]["hit"]


def test_readme_profile_example_works():
    namespace = {}
    source = _blocks("python")[0].replace("from .base import", "from loader.normalize.profiles.base import")
    exec(compile(source, "README.md", "exec"), namespace)
    profile = namespace["HARBOUR"]
    page = "Harbour Gazette | Ports\n\nFerry fares rise\n\nPublished: 2 May 2022 09:00\n\nFares rose by a tenth."
    paragraphs = split_paragraphs(page)
    assert profile.detect(paragraphs, {})
    draft = profile.parse(paragraphs, {})
    assert (draft["section"], draft["title"]) == ("Ports", "Ferry fares rise")
    assert draft["body"] == ["Fares rose by a tenth."]
    assert draft["published"] == "2022-05-02T09:00:00+01:00"
