"""Quotes in the archive: stored rows, links to entities, facets, search, canned queries, entity page."""
import pytest

from loader.store.entities import entity_id

from .conftest import CORPUS, DatasetteClient, run_load

GENG_ID = entity_id("Geng Shuang", "PERSON")


@pytest.fixture(scope="module")
def quotes_archive(tmp_path_factory):
    """The seeds loaded with extraction: the mentions stage stores the entities the speakers link to."""
    path = tmp_path_factory.mktemp("quotes_store") / "archive.db"
    db, _ = run_load(path, CORPUS, nlp=True)
    return db, DatasetteClient(path)


def _json(response):
    assert response.status_code == 200, response.text[:500]
    return response.json()


@pytest.mark.slow
def test_speaker_linked_to_its_entity(quotes_archive):
    db, _ = quotes_archive
    linked = {(row["speaker"], row["speaker_entity_id"]) for row in db.query("select * from quotes")}
    assert ("Geng Shuang", GENG_ID) in linked
    names = {row["id"]: row["name"] for row in db.query("select id, name from entities")}
    assert all(names[entity] == speaker for speaker, entity in linked if entity is not None)


@pytest.mark.slow
def test_quotes_carry_their_articles_source(quotes_archive):
    db, _ = quotes_archive
    counts = {row["source_id"]: row["n"] for row in db.query(
        "select quotes.source_id, count(*) as n from quotes join articles on articles.id = quotes.article_id "
        "where quotes.source_id = articles.source_id group by quotes.source_id")}
    total = next(db.query("select count(*) as n from quotes"))["n"]
    assert set(counts) == {"reuters", "scmp"} and sum(counts.values()) == total


@pytest.mark.slow
def test_reloading_keeps_one_set_of_quotes(tmp_path):
    db, _ = run_load(tmp_path / "archive.db", CORPUS, nlp=True)
    before = [row["content"] for row in db.query("select content from quotes order by article_id, start")]
    assert len(before) == 28  # 14 in each seed
    db, _ = run_load(tmp_path / "archive.db", CORPUS, nlp=True)
    assert [row["content"] for row in db.query("select content from quotes order by article_id, start")] == before


@pytest.mark.slow
def test_quote_facets_on_speaker_and_source(quotes_archive):
    _, client = quotes_archive
    data = _json(client.get("/archive/quotes.json?_shape=objects&_facet=speaker&_facet=source_id"))
    speakers = {item["value"]: item["count"] for item in data["facet_results"]["speaker"]["results"]}
    sources = {item["value"]: item["count"] for item in data["facet_results"]["source_id"]["results"]}
    assert speakers["Geng Shuang"] == 5 and speakers["Scott Busby"] == 4
    assert set(sources) == {"reuters", "scmp"}
    html = client.get("/archive/quotes").text
    for column in ("speaker", "source_id", "direct"):
        assert f'data-column="{column}"' in html


@pytest.mark.slow
def test_quotes_by_speaker_across_sources(quotes_archive):
    _, client = quotes_archive
    rows = _json(client.get("/archive/quotes_by_speaker.json?speaker=Geng&_shape=objects"))["rows"]
    assert {row["speaker"] for row in rows} == {"Geng Shuang"}
    assert {row["source_id"] for row in rows} == {"reuters", "scmp"}
    assert any(row["content"].startswith("China opposes any nation") for row in rows)


@pytest.mark.slow
def test_quotes_mentioning_a_word(quotes_archive):
    _, client = quotes_archive
    rows = _json(client.get("/archive/quotes_mentioning.json?q=repatriation&_shape=objects"))["rows"]
    assert {row["speaker"] for row in rows} == {"U.S. Treasury Department"}
    html = client.get("/archive/quotes_mentioning?q=repatriation").text
    assert "<mark>repatriation</mark>" in html
    assert _json(client.get("/archive/quotes_mentioning.json?q=%22unbalanced&_shape=objects"))["rows"] == []


@pytest.mark.slow
def test_entity_page_lists_its_quotes(quotes_archive):
    _, client = quotes_archive
    html = client.get(f"/archive/entities/{GENG_ID}").text
    assert "<h2>Quotes</h2>" in html
    assert "China opposes any nation imposing unilateral sanctions" in html
    assert "Chinese Foreign Ministry spokesman" in html
    other = client.get("/archive/articles").text
    assert "<h2>Quotes</h2>" not in other
