"""Serving: the real Datasette app with our metadata.yml, plugin and settings."""
import csv
import io
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from loader.serve import make_datasette, metadata_for, settings
from loader.serve.plugin import fts_query

from .conftest import CORPUS, DatasetteClient, run_load

NEWS_ARCHIVE = str(Path(sys.executable).with_name("news-archive"))

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


def _facet(data: dict, name: str) -> dict:
    return {item["value"]: item["count"] for item in data["facet_results"][name]["results"]}


def test_default_facets_of_the_whole_table_read_the_precomputed_counts(seeds_db, datasette):
    assert _facet(_json(datasette.get("/archive/articles.json?_extra=facet_results")), "source_id") == {
        "reuters": 1, "scmp": 1}
    # Counts the loader did not make prove where the page reads them from: facet_counts, not the rows.
    with seeds_db.conn:
        seeds_db.execute("update facet_counts set article_count = 7 where facet = 'source_id' and value = 'reuters'")
        seeds_db.execute("insert into facet_counts values ('country_codes', 'ZZ', 3)")
    whole = _json(datasette.get("/archive/articles.json?_extra=facet_results"))
    assert _facet(whole, "source_id") == {"reuters": 7, "scmp": 1} and _facet(whole, "country_codes") == {"ZZ": 3}
    filtered = _json(datasette.get("/archive/articles.json?_extra=facet_results&source_id=reuters"))
    assert _facet(filtered, "source_id") == {"reuters": 1} and _facet(filtered, "country_codes") == {}
    assert "sampled" not in filtered["facet_results"]["source_id"]
    html = datasette.get("/archive/articles?source_id=reuters").text
    assert 'data-column="country_codes"' in html and "country_codes (array)" in html


def test_facets_of_a_big_filtered_view_count_a_sample_and_say_so(many, monkeypatch):
    from loader.serve.plugin import facets

    monkeypatch.setattr(facets, "SAMPLE", 50)
    data = _json(many.get("/archive/articles.json?_extra=facet_results&published_month=2024-03"))
    assert _facet(data, "published_month") == {"2024-03": 50}
    assert data["facet_results"]["published_month"]["sampled"] == 50
    assert data["facet_results"]["published_month"]["of"] == 130
    assert "in 50 of 130 rows" in many.get("/archive/articles?published_month=2024-03").text
    monkeypatch.setattr(facets, "SAMPLE", 500)
    assert _facet(_json(many.get("/archive/articles.json?_extra=facet_results&published_month=2024-03")),
                  "published_month") == {"2024-03": 130}


def test_facets_of_a_filtered_view_share_one_sample(many, monkeypatch):
    """The view's filter is read once per page, not once per facet; every facet counts the same rows."""
    from datasette.app import Datasette

    from loader.serve.plugin import facets

    monkeypatch.setattr(facets, "SAMPLE", 50)
    reads, execute = [], Datasette.execute

    async def counting(self, database, sql, *args, **kwargs):
        reads.extend([sql] if sql.startswith("select rowid from articles where") else [])
        return await execute(self, database, sql, *args, **kwargs)

    monkeypatch.setattr(Datasette, "execute", counting)
    data = _json(many.get("/archive/articles.json?_extra=facet_results&published_month=2024-03"))
    assert len(reads) == 1 and reads[0].endswith("limit 50")
    assert sum(_facet(data, "published_month").values()) == 50 and sum(_facet(data, "source_id").values()) == 50


def test_entity_facets_of_a_filtered_view_count_the_mentions_of_a_sample(nlp_archive, monkeypatch):
    from loader.serve.plugin import entities

    path, client = nlp_archive
    url = "/archive/articles.json?_extra=facet_results&id__not=none"  # a filter that keeps both articles
    people = _json(client.get(url))["facet_results"]["PERSON"]
    assert "sampled" not in people and people["results"]
    monkeypatch.setattr(entities, "SAMPLE", 1)
    sampled = _json(client.get(url))["facet_results"]["PERSON"]
    (first,), = _stored(path, "select id from articles order by rowid limit 1")
    named = {row[0] for row in _stored(path, "select distinct e.name from mentions m join entities e "
                                             "on e.id = m.entity_id where m.article_id = ? and e.type = 'PERSON'",
                                       [first])}
    assert (sampled["sampled"], sampled["of"]) == (1, 2)
    assert {item["label"] for item in sampled["results"]} <= named and {item["count"] for item in sampled["results"]} == {1}


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


@pytest.mark.parametrize("typed, query", [
    ("sanctions Shenyang", '"sanctions" "Shenyang"'),
    ('"North Korea" NOT Trump', '"North Korea" NOT "Trump"'),
    ("sanct*", '"sanct"*'),
    ('"unbalanced', '"unbalanced"'),
    ("sanctions AND", '"sanctions"'),
    ("AND OR NOT", '""'),
    ("(((", '""'),
    ("title:Beijing", '"title:Beijing"'),
    ("*", '""'),
    ("'; drop table x", '"\';" "drop" "table" "x"'),
    ("a AND AND b", '"a" AND "b"'),
    ("\u201csmart quotes\u201d", '"smart quotes"'),
    ("", '""'),
    (None, '""'),
    ("北朝鮮", '"北朝鮮"'),
    ("-minus +plus", '"minus" "plus"'),
])
def test_fts_query_keeps_phrases_prefixes_and_operators_and_quotes_the_rest(typed, query):
    assert fts_query(typed) == query


@pytest.mark.parametrize("query", FTS_TRAPS)
def test_search_survives_fts_syntax(datasette, query):
    response = datasette.get("/archive/search.json?_shape=objects&q=" + query.replace(" ", "+").replace("#", "%23"))
    assert response.status_code == 200, response.text[:300]
    expected = {"sanct*": 2, '"North Korea" NOT Trump': 1, "title:Beijing": 0, "北朝鮮": 0}
    if query in expected:
        assert len(response.json()["rows"]) == expected[query], query


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




# --- pages that read as news (plugin/pages.py, article.py, search.py, cells.py) ---------------------------

def _stored(db_path, sql, params=()):
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def nlp_archive(tmp_path_factory):
    """The seeds loaded with extraction (mentions, quotes, places), served in-process."""
    path = tmp_path_factory.mktemp("nlp") / "archive.db"
    run_load(path, CORPUS, nlp=True, workers=1)
    return path, DatasetteClient(path)


def test_article_page_reads_as_an_article(nlp_archive):
    path, client = nlp_archive
    (article_id, body), = _stored(path, "select id, body from articles where source_id = 'scmp'")
    html = client.get(f"/archive/articles/{article_id}").text
    assert "<h1>Beijing rejects unilateral sanctions as US targets North Korean diplomat in China</h1>" in html
    assert "South China Morning Post" in html and "27 October 2017, 19:50 (UTC+08:00)" in html
    assert html.count("<p>", html.index('class="article-body"'), html.index('class="article-panel"')) == \
        len([p for p in body.split("\n\n") if p.strip()])
    quotes = _stored(path, "select id from quotes where article_id = ?", [article_id])
    assert quotes and all(f'id="quote-{quote_id}"' in html for (quote_id,) in quotes)
    (entity_id,), = _stored(path, "select id from entities where name = 'Geng Shuang'")
    assert f'class="mention person" href="/archive/entities/{entity_id}"' in html
    (place_id,), = _stored(path, "select id from places where name = 'Shenyang'")
    assert f'class="place" href="/archive/places/{place_id}"' in html
    assert '<details class="raw-row">' in html and "Extraction pending" not in html


def test_entity_place_and_quote_pages_are_headed_by_names(nlp_archive):
    path, client = nlp_archive
    (entity_id,), = _stored(path, "select id from entities where name = 'Geng Shuang'")
    html = client.get(f"/archive/entities/{entity_id}").text
    assert "<h1>Geng Shuang</h1>" in html and 'data-chart="months"' in html
    (quote_id, article_id), = _stored(path, "select id, article_id from quotes where speaker_entity_id = ? "
                                            "and content like 'China opposes%'", [entity_id])
    assert f'href="/archive/articles/{article_id}#quote-{quote_id}"><q>China opposes' in html
    place = client.get("/archive/places/2034937").text  # Shenyang
    assert "<h1>Shenyang</h1>" in place and "town in China" in place
    assert 'data-map="/-/static-plugins/news-archive/countries-110m.geojson"' in place
    quote = client.get(f"/archive/quotes/{quote_id}").text
    assert f'<a href="/archive/entities/{entity_id}">Geng Shuang</a>' in quote and "Direct quote" in quote


def test_home_page_has_a_search_box_size_chart_and_top_entities(nlp_archive):
    path, client = nlp_archive
    html = " ".join(client.get("/").text.split())
    assert 'action="/-/search"' in html and "2 articles from 2 sources" in html
    assert '[["2017-10", 1]]' in html  # the chart's data: articles per month (the Reuters seed is undated)
    (entity_id,), = _stored(path, "select id from entities where name = 'Geng Shuang'")
    assert f'<a href="/archive/entities/{entity_id}">Geng Shuang</a>' in html


def test_home_page_reads_the_precomputed_counts(seeds_db, datasette):
    assert "2 articles from 2 sources" in " ".join(datasette.get("/").text.split())
    with seeds_db.conn:  # counts no load made: the page must be reading facet_counts
        seeds_db.execute("update facet_counts set article_count = 5 where facet = 'source_id' and value = 'scmp'")
        seeds_db.execute("update facet_counts set article_count = 4 where facet = 'published_month'")
    html = " ".join(datasette.get("/").text.split())
    assert "6 articles from 2 sources" in html and '[["2017-10", 4]]' in html


def test_entity_page_of_a_much_named_entity_reads_its_latest_articles_and_says_so(nlp_archive, monkeypatch):
    from loader.serve.plugin import pages

    path, client = nlp_archive
    (entity_id, name), = _stored(path, "select id, name from entities where article_count = 2 "
                                       "and type = 'PERSON' order by name limit 1")
    whole = client.get(f"/archive/entities/{entity_id}").text
    assert whole.count('<li><a href="/archive/articles/') == 2 and "most recently added" not in whole
    monkeypatch.setattr(pages, "ENTITY_WINDOW", 1)
    html = client.get(f"/archive/entities/{entity_id}").text
    (latest,), = _stored(path, "select article_id from mentions where entity_id = ? order by id desc limit 1",
                         [entity_id])
    assert html.count('<li><a href="/archive/articles/') == 1 and f'<a href="/archive/articles/{latest}">' in html
    assert f"drawn from the 1 articles that mention {name} most recently added" in html
    monkeypatch.setattr(pages, "CO_MENTIONED_WINDOW", 1)
    assert "in the 1 most recently added</p>" in client.get(f"/archive/entities/{entity_id}").text
    assert '2 articles</a>' in html  # the count is still every article


def test_query_results_link_every_id_and_speaker(nlp_archive):
    path, client = nlp_archive
    (entity_id,), = _stored(path, "select id from entities where name = 'Geng Shuang'")
    html = client.get("/archive/quotes_by_speaker?speaker=Geng").text
    assert f'<a href="/archive/entities/{entity_id}">Geng Shuang</a>' in html
    assert "#quote-" in html and html.count('href="/archive/articles/') >= 2 * html.count("#quote-") > 0
    near = client.get("/archive/articles_near?place=Shenyang&km=300").text
    assert '<a href="/archive/places/2034937">Shenyang</a>' in near
    assert "North Korea</a>" not in near  # a country's centre is near nothing


def test_codes_show_human_labels(nlp_archive):
    _, client = nlp_archive
    places = client.get("/archive/places?_facet=country_code&_facet=feature_code").text
    assert ">China</a>" in places and ">capital</a>" in places and ">PPLC</a>" not in places
    quotes = client.get("/archive/quotes?_facet=direct").text
    assert ">direct quote</a>" in quotes and ">reported speech</a>" in quotes


def test_every_feature_code_of_the_shipped_gazetteer_additions_has_a_label():
    """Water bodies and regions added by hand (gulfs, straits, bays) are named, not shown as GeoNames codes."""
    from loader.datafiles import data_lines
    from loader.serve.plugin.labels import FEATURE_LABELS

    rows = [line.split("\t") for line in data_lines("places_extra.tsv")]
    codes = {row[3] for row in rows if len(row) > 3 and row[0] == "place" and row[3]}
    assert {"GULF", "STRT", "SEA", "PCLH"} <= codes and codes - set(FEATURE_LABELS) == set()


def test_every_entity_type_the_archive_writes_has_a_label():
    """Laws and offices the archive retypes (store/uses.py) are named like the model's types, not shown as codes."""
    from loader.serve.plugin.labels import human_label
    from loader.store.uses import USED_AS_TYPES

    types = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", *sorted(USED_AS_TYPES.values())]
    assert [human_label("type", kind) for kind in types] == [
        "person", "organisation", "country, city or state", "place", "nationality or group", "building or facility",
        "product", "law or programme", "office"]


def test_codes_of_countries_that_are_gone_show_their_names():
    from loader.serve.plugin.labels import human_label

    assert [human_label("country_codes", code) for code in ("SU", "DD", "YU", "DE")] == [
        "Soviet Union", "East Germany", "Yugoslavia", "Germany"]


def test_article_page_shows_pending_versions_and_same_story(tmp_path):
    """What other stages write (extracted_with, article_versions, stories) as the article page shows it;
    the rows are written here the way the store's contract (DESIGN.md) describes them."""
    db, _ = run_load(tmp_path / "my news.db", CORPUS)
    scmp, reuters = (article_by_id(db, source) for source in ("scmp", "reuters"))
    db["article_versions"].insert({"article_id": scmp, "version": 1, "content_hash": "x",
                                   "title": "An earlier headline", "body": "Earlier text.",
                                   "loaded_at": "2017-10-27T12:00:00+00:00", "origin_path": "feed/early.txt"})
    db["stories"].insert({"id": 7, "label": "Sanctions on a diplomat", "article_count": 2, "source_count": 2})
    db.execute("update articles set story_id = 7, extracted_with = null")
    db.conn.commit()
    client = DatasetteClient(tmp_path / "my news.db")
    html = client.get(f"/my~20news/articles/{scmp}").text
    assert "Extraction pending" in html and "Other versions" in html and "An earlier headline" in html
    assert '<a href="/-/story/7">The same story</a>' in html
    assert f'<a href="/my+news/articles/{reuters}">' in html.split("The same story")[1]


def article_by_id(db, source_id):
    return db.execute("select id from articles where source_id = ?", [source_id]).fetchone()[0]


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """130 short articles of one month, all about a harbour: more than a page and more than any cap."""
    folder = tmp_path_factory.mktemp("many")
    for number in range(130):
        day = 1 + number % 28
        (folder / f"a{number:03}.md").write_text(
            f"---\ntitle: Harbour note {number}\npublished: 2024-03-{day:02}\n---\n\n"
            f"=cmd|' /C calc'!A0 The harbour master logged ship {number} at the quay.\n", encoding="utf-8")
    run_load(folder / "archive.db", *sorted(folder.glob("*.md")))
    return DatasetteClient(folder / "archive.db")


def test_search_page_pages_through_all_matches(many):
    first = many.get("/-/search?q=harbour").text
    assert "130 matching articles, page 1 of 7" in first and first.count('<li><h2><a href="/archive/articles/') == 20
    assert '<a rel="next" href="/-/search?q=harbour&amp;page=2">' in first
    last = many.get("/-/search?q=harbour&page=7").text
    assert last.count('<li><h2><a href="/archive/articles/') == 10 and 'rel="next"' not in last
    assert "<mark>harbour</mark>" in first.lower() and "March 2024" in first
    march_first = many.get("/-/search?q=harbour&source=unknown&month=2024-03&sort=oldest").text
    assert "130 matching articles" in march_first and "Only articles with" in march_first
    assert many.get("/-/search?q=harbour&month=2024-04").text.count("No article matches") == 1
    empty = many.get("/-/search?q=").text
    assert "Type the words to look for" in empty
    nothing = many.get("/-/search?q=zeppelin").text
    assert "No article matches <strong>zeppelin</strong>" in nothing


def test_search_page_ranks_and_facets_the_latest_matches_when_too_many_match(many, monkeypatch):
    from loader.serve.plugin import search

    monkeypatch.setattr(search, "WINDOW", 50)
    monkeypatch.setattr(search, "COUNT_CAP", 100)
    first = many.get("/-/search?q=harbour").text
    assert "More than 100 matching articles, page 1 of 3." in first
    assert "cover the 50 most recently added of them" in first
    assert '<span class="count">50</span>' in first  # the month facet counts the window: all 50 in March 2024
    last = many.get("/-/search?q=harbour&page=3&sort=oldest").text
    assert last.count('<li><h2><a href="/archive/articles/') == 10 and 'rel="next"' not in last
    # the window is the 50 latest loaded (highest rowids): notes 80 to 129 (loaded in file-name order)
    titles = set()
    for page in (1, 2, 3):
        html = many.get(f"/-/search?q=harbour&page={page}").text
        titles |= {int(n) for n in re.findall(r">Harbour note (\d+)</a></h2>", html)}
    assert titles == set(range(80, 130))
    monkeypatch.setattr(search, "COUNT_CAP", 1000)
    assert "130 matching articles, page 1 of 3." in many.get("/-/search?q=harbour").text
    assert len(many.get("/-/search.json?q=harbour").json()) == 130  # exports still give every match


def test_export_streams_every_match_as_csv_and_json(many):
    response = many.get("/-/search.csv?q=harbour")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 130 and len({row["id"] for row in rows}) == 130
    assert all(row["body"].startswith("'=cmd") for row in rows)  # a spreadsheet shows it, does not run it
    assert "\ue000" not in response.text and rows[0]["link"].startswith("http://localhost/archive/articles/")
    data = many.get("/-/search.json?q=harbour+12*").json()
    assert sorted(item["title"] for item in data) == ["Harbour note 12", "Harbour note 120", "Harbour note 121",
                                                       "Harbour note 122", "Harbour note 123", "Harbour note 124",
                                                       "Harbour note 125", "Harbour note 126", "Harbour note 127",
                                                       "Harbour note 128", "Harbour note 129"]
    assert data[0]["body"].startswith("=cmd")  # JSON keeps values exactly
    assert many.get("/-/search.csv?q=").status_code == 400


def test_table_search_box_takes_a_lone_quote_without_an_error(datasette):
    response = datasette.get("/archive/articles?_search=%22")
    assert response.status_code == 200 and "fts5" not in response.text
    assert response.text.count("<li><h3><a href=") == 2  # nothing searchable: every article listed


def test_articles_table_is_a_compact_list(datasette):
    html = datasette.get("/archive/articles").text
    assert '<ol class="article-list compact">' in html and 'class="col-content_hash"' not in html
    assert 'class="col-content_hash"' in datasette.get("/archive/articles?_table=1").text


# --- the UI contract and the schema check each other ---------------------------------------------------------

def _indexed_first_columns(db, table: str) -> set:
    found = {"rowid"} | ({db[table].pks[0]} if len(db[table].pks) == 1 else set())
    for index in db[table].indexes:
        found.add(index.columns[0])
    return found


def test_metadata_describes_every_column_and_indexes_faceted_and_sorted_columns(tmp_path):
    from loader import store

    db = store.open_db(str(tmp_path / "archive.db"))
    tables = metadata_for("archive.db")["databases"]["archive"]["tables"]
    fts_shadows = {name for name in db.table_names() if any(name.startswith(f"{t}_fts") for t in store.FTS)}
    undescribed, unindexed = [], []
    for name in [*db.table_names(), *db.view_names()]:
        if name in fts_shadows:
            continue
        described = (tables.get(name) or {}).get("columns") or {}
        undescribed += [f"{name}.{column}" for column in db[name].columns_dict if column not in described]
        if name in db.view_names():
            continue
        config = tables.get(name) or {}
        wanted = [f for f in config.get("facets", []) if isinstance(f, str)]
        wanted += [f["counted"] for f in config.get("facets", []) if isinstance(f, dict) and "counted" in f]
        wanted += [config[key] for key in ("sort", "sort_desc") if key in config]
        unindexed += [f"{name}.{column}" for column in wanted if column not in _indexed_first_columns(db, name)]
    assert undescribed == [] and unindexed == []
    assert set(tables) - set(db.table_names()) - set(db.view_names()) == set()  # nothing described that is not there


# --- the serve command: packaged metadata, no temp files, a busy port explained -------------------------------

def test_serve_writes_nothing_and_explains_a_busy_port(tmp_path):
    import tempfile
    import time
    import urllib.request

    run_load(tmp_path / "archive.db", CORPUS)
    temp = tmp_path / "temp"  # the server's temp folder: other processes on the machine use the shared one
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([NEWS_ARCHIVE, "serve", "--db", str(tmp_path / "archive.db"), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/-/search?q=Shenyang", timeout=5).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert b"<mark>Shenyang</mark>" in page
        second = subprocess.run([NEWS_ARCHIVE, "serve", "--db", str(tmp_path / "archive.db"), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1 and "Traceback" not in second.stderr
        assert f"port {port} on 127.0.0.1 is already in use" in second.stderr and f"--port {port + 1}" in second.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert os.listdir(temp) == [] and tempfile.gettempdir() != str(temp)
    assert set(os.listdir(tmp_path)) <= {"archive.db", "archive.db-shm", "archive.db-wal", "temp"}


def test_settings_come_from_the_packaged_metadata():
    assert settings()["sql_time_limit_ms"] == 3000
    datasette = make_datasette("archive.db")
    assert datasette.setting("default_page_size") == 50 and "archive" in datasette.metadata()["databases"]


def test_exports_of_the_search_query_carry_no_hit_markers(datasette):
    text = datasette.get("/archive/search.csv?q=Shenyang").text
    assert "Shenyang" in text and "\ue000" not in text and "\ue001" not in text
    rows = datasette.get("/archive/search.json?q=Shenyang&_shape=array").json()
    assert rows and all("\ue000" not in row["snippet"] and "Shenyang" in row["snippet"] for row in rows)
    assert "<mark>Shenyang</mark>" in datasette.get("/archive/search?q=Shenyang").text  # pages keep them
