"""Serving: the real Datasette app with our metadata.yml, plugin and settings."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from loader.serve import datasette_command

from .conftest import CORPUS, DatasetteClient, run_load

FTS_TRAPS = ['"unbalanced', "sanctions AND", "AND OR NOT", "(((", "title:Beijing", "sanct*", "*", "'; drop table x",
             '"North Korea" NOT Trump', "北朝鮮"]


def _json(response):
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_article_list_sorted_and_faceted(datasette):
    data = _json(datasette.get("/archive/articles.json?_shape=objects&_facet=source_id"))
    assert [row["source_id"] for row in data["rows"]] == ["scmp", "reuters"]  # published_at desc, nulls last
    facet = {item["value"]: item["count"] for item in data["facet_results"]["source_id"]["results"]}
    assert facet == {"reuters": 1, "scmp": 1}


def test_default_facets_from_metadata(datasette):
    html = datasette.get("/archive/articles").text
    for column in ("source_id", "section", "published_month", "language"):
        assert f'data-column="{column}"' in html


def test_ranked_search_with_highlighted_snippets(datasette):
    data = _json(datasette.get("/archive/search.json?q=sanctions+Shenyang&_shape=objects"))
    rows = data["rows"]
    assert {row["source_id"] for row in rows} == {"reuters", "scmp"}
    assert [row["rank"] for row in rows] == sorted(row["rank"] for row in rows)
    html = datasette.get("/archive/search?q=sanctions+Shenyang").text
    assert "<mark>Shenyang</mark>" in html


def test_search_ranks_the_title_match_first(tmp_path):
    # bm25 needs a term to be rarer than half the archive to weigh it, so add stories without it.
    for number, topic in enumerate(["harbour dredging", "school budget", "rail timetable"]):
        (tmp_path / f"other{number}.txt").write_text(f"Local {topic}\n\nThe council discussed the {topic}.")
    run_load(tmp_path / "archive.db", CORPUS, tmp_path)
    client = DatasetteClient(tmp_path / "archive.db")
    rows = _json(client.get("/archive/search.json?q=unilateral&_shape=objects"))["rows"]
    # The SCMP story has the word in its title and body; the Reuters story once in its body.
    assert [row["source_id"] for row in rows] == ["scmp", "reuters"]


def test_empty_search_is_safe(datasette):
    assert _json(datasette.get("/archive/search.json?q=&_shape=objects"))["rows"] == []
    assert datasette.get("/archive/search").status_code == 200


@pytest.mark.parametrize("query", FTS_TRAPS)
def test_search_survives_fts_syntax(datasette, query):
    response = datasette.get("/archive/search.json?_shape=objects&q=" + query.replace(" ", "+").replace("#", "%23"))
    assert response.status_code == 200, response.text[:300]


def test_csv_and_json_export_of_a_filtered_view(datasette):
    response = datasette.get("/archive/articles.csv?source_id=scmp&_stream=on")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["title"] for row in rows] == [
        "Beijing rejects unilateral sanctions as US targets North Korean diplomat in China"]
    assert rows[0]["published_at"] == "2017-10-27T19:50:00+08:00"
    data = _json(datasette.get("/archive/articles.json?source_id=reuters&_shape=array"))
    assert [row["dateline"] for row in data] == ["WASHINGTON"]


def test_fts_tables_are_hidden(datasette):
    tables = {t["name"]: t for t in _json(datasette.get("/archive.json"))["tables"]}
    assert tables["articles_fts"]["hidden"] and tables["articles_fts_data"]["hidden"]
    assert not tables["articles"]["hidden"]


def test_settings_from_metadata_are_applied(datasette):
    settings = _json(datasette.get("/-/settings.json"))
    assert settings["sql_time_limit_ms"] == 3000 and settings["suggest_facets"] is False


def test_article_html_is_escaped(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<script>alert(1)</script> Headline\n\nBody with <img src=x onerror=alert(2)> inside.")
    db, _ = run_load(tmp_path / "archive.db", page)
    client = DatasetteClient(tmp_path / "archive.db")
    html = client.get("/archive/articles").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    search = client.get("/archive/search?q=inside").text
    assert "<img src=x" not in search and "&lt;img src=x" in search and "<mark>inside</mark>" in search


def test_serve_command_is_read_only_and_local():
    command = datasette_command("/data/news/archive.db", "127.0.0.1", 8001)
    assert command[2] == "archive.db" and "-i" not in command  # read-only (the plugin), not immutable
    assert datasette_command("archive.db", "127.0.0.1", 8001, immutable=True)[2:4] == ["-i", "archive.db"]
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert ["--setting", "sql_time_limit_ms", "3000"] == command[command.index("sql_time_limit_ms") - 1:][:3]


def test_datasette_cli_smoke(tmp_path):
    """What `make run` serves, fetched through Datasette's own CLI (`--get`), as the README shows."""
    run_load(tmp_path / "archive.db", CORPUS)
    command = datasette_command(str(tmp_path / "archive.db"), "127.0.0.1", 8001)
    expected = {"/": "News archive", "/archive/articles": "Beijing rejects unilateral sanctions",
                "/archive/search?q=Shenyang": "<mark>Shenyang</mark>"}
    for path, text in expected.items():
        out = subprocess.run(command + ["--get", path], capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert text in out.stdout
