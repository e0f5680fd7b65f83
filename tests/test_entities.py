"""Canonical entities: cross-article merging in a real SQLite file, stable ids, refreshed counts, serving."""
import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette

from loader import store
from loader.extract.names import display_preference, entity_key
from loader.load import LoadOptions, load_paths
from loader.serve import metadata_for
from loader.store.entities import entity_id, refresh_entities, save_mentions

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED_PEOPLE = {"Steven Mnuchin", "Ku Sung Sop", "Kim Min Chol", "Scott Busby", "Geng Shuang", "Wang Sheng",
               "Sun Xingjie", "Donald Trump", "James Mattis", "Kim Jong-un"}


def load(db_path, *paths):
    db = store.open_db(str(db_path))
    load_paths(db, [str(p) for p in paths], LoadOptions(progress=False, workers=1), warn=lambda message: None)
    return db


def copy_db(source, target) -> None:
    """A consistent copy of a WAL-mode file (copying the bare file would miss what is still in the WAL)."""
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)


def entities(db, type_=None) -> dict:
    sql = "select * from entities" + (" where type = ?" if type_ else "")
    return {row["name"]: row for row in db.query(sql, [type_] if type_ else [])}


def titles_of(db, entity: str) -> set:
    return {row["source_id"] for row in db.query(
        "select distinct articles.source_id from mentions join articles on articles.id = mentions.article_id "
        "where mentions.entity_id = ?", [entity])}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "archive.db"
    load(path, CORPUS)
    return path


def test_seed_people_are_exactly_one_row_each(seeded):
    db = store.open_db(str(seeded))
    people = entities(db, "PERSON")
    assert set(people) == SEED_PEOPLE
    assert json.loads(people["Ku Sung Sop"]["aliases"]) == ["Ku", "Ku Sung-sop"]
    assert "Kim Min-chol" in json.loads(people["Kim Min Chol"]["aliases"])
    assert "Jim Mattis" in json.loads(people["James Mattis"]["aliases"])


def test_seed_people_link_to_the_right_articles(seeded):
    db = store.open_db(str(seeded))
    people = entities(db, "PERSON")
    both = {"Ku Sung Sop", "Kim Min Chol", "Scott Busby", "Geng Shuang"}
    for name, row in people.items():
        expected = {"reuters", "scmp"} if name in both else {"reuters"} if name == "Steven Mnuchin" else {"scmp"}
        assert titles_of(db, row["id"]) == expected, name
        assert row["article_count"] == len(expected)
    assert people["Ku Sung Sop"]["mention_count"] == 6


def test_acronyms_and_departments_merge(seeded):
    db = store.open_db(str(seeded))
    rows = entities(db)
    assert {"U.S.", "US"} <= set(json.loads(rows["United States"]["aliases"]))
    assert rows["United States"]["type"] == "GPE" and rows["United States"]["article_count"] == 2
    treasury = json.loads(rows["U.S. Treasury Department"]["aliases"])
    assert {"Treasury", "US Treasury Department", "U.S. Treasury"} <= set(treasury)
    assert rows["U.S. Treasury Department"]["article_count"] == 2
    assert "Ministry of People’s Security" in rows  # the clean spelling wins over "People s"


def test_name_keys():
    assert entity_key("Ku Sung Sop", "PERSON") == entity_key("Ku Sung-sop", "PERSON")
    assert entity_key("Jim Mattis", "PERSON") == entity_key("James Mattis", "PERSON")
    assert entity_key("Steve Mnuchin", "PERSON") == entity_key("Steven Mnuchin", "PERSON")
    assert entity_key("Kim Jong-un", "PERSON") != entity_key("Kim Min-chol", "PERSON")
    assert entity_key("U.S.", "GPE") == entity_key("US", "ORG") == entity_key("United States", "GPE")
    assert entity_key("the US Treasury Department", "ORG") == entity_key("U.S. Treasury Department", "ORG")
    assert entity_key("Treasury", "ORG") != entity_key("U.S. Treasury Department", "ORG")  # needs context
    assert entity_id("Washington", "PERSON") != entity_id("Washington", "GPE")


def test_reloading_changes_nothing_and_order_does_not_matter(seeded, tmp_path):
    before = {row["id"]: row for row in store.open_db(str(seeded)).query("select * from entities")}
    copy = tmp_path / "copy.db"
    copy_db(seeded, copy)
    again = {row["id"]: row for row in load(copy, CORPUS).query("select * from entities")}
    assert again == before
    reverse = load(tmp_path / "reverse.db", *sorted(CORPUS.iterdir(), reverse=True))
    assert {row["id"] for row in reverse.query("select id from entities")} == set(before)


def test_updated_article_refreshes_counts_and_drops_orphans(seeded, tmp_path):
    copy = tmp_path / "copy.db"
    copy_db(seeded, copy)
    source = next(CORPUS.glob("000_*.txt"))
    kept = [line for line in source.read_text(encoding="utf-8").splitlines()
            if "Busby" not in line and "Algeria" not in line]
    edited = tmp_path / source.name
    edited.write_text("\n".join(kept), encoding="utf-8")
    db = load(copy, edited)
    rows = entities(db)
    assert rows["Scott Busby"]["article_count"] == 1 and rows["Scott Busby"]["mention_count"] == 1
    assert "Algeria" not in rows
    assert rows["Ku Sung Sop"]["id"] == entities(store.open_db(str(seeded)))["Ku Sung Sop"]["id"]


def test_interrupted_refresh_is_finished_later(tmp_path):
    db = store.open_db(str(tmp_path / "a.db"))
    db["articles"].insert({"id": "a1", "body": "Angela Merkel"})
    save_mentions(db, "a1", [{"start": 0, "end": 13, "text": "Angela Merkel", "type": "PERSON",
                              "entity": "Angela Merkel", "sentence": 0, "role": None}])
    row = db["entities"].get(entity_id("Angela Merkel", "PERSON"))
    assert row["mention_count"] is None  # marked, not yet refreshed: a load stopped here
    assert refresh_entities(db) == 1
    assert db["entities"].get(row["id"])["mention_count"] == 1
    assert refresh_entities(db) == 0


def fetch(db_path, *paths) -> list:
    """GET each path from a real Datasette over the file, with our metadata and plugin."""
    async def run():
        datasette = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
        return [await datasette.client.get(path) for path in paths]

    return asyncio.run(run())


def entity_ids(db_path) -> dict:
    return {name: row["id"] for name, row in entities(store.open_db(str(db_path))).items()}


def test_entity_facets_and_filter_on_articles(seeded):
    mnuchin = entity_ids(seeded)["Steven Mnuchin"]
    everything, filtered = fetch(seeded, "/archive/articles.json?_extra=facet_results",
                                 f"/archive/articles.json?_entity={mnuchin}&_shape=objects")
    people = everything.json()["facet_results"]["PERSON"]["results"]
    assert {"label": "Scott Busby", "count": 2} in [{"label": v["label"], "count": v["count"]} for v in people]
    data = filtered.json()
    assert [row["source_id"] for row in data["rows"]] == ["reuters"]
    assert "Steven Mnuchin" in data["human_description_en"]
    counts = {v["label"]: v["count"] for v in data["facet_results"]["PERSON"]["results"]}
    assert "Sun Xingjie" not in counts and counts["Ku Sung Sop"] == 1


def test_entity_page_links_to_its_articles_and_mentions(seeded):
    busby = entity_ids(seeded)["Scott Busby"]
    page, mentions = fetch(seeded, f"/archive/entities/{busby}", f"/archive/mentions.json?entity_id={busby}")
    assert f"/archive/articles?_entity={busby}" in page.text and f"/archive/mentions?entity_id={busby}" in page.text
    assert len(mentions.json()["rows"]) == 3


def test_canned_query_articles_mentioning_x_and_y(seeded):
    both, one, none = fetch(seeded, "/archive/articles_mentioning.json?x=jim+mattis&y=Ku&_shape=objects",
                            "/archive/articles_mentioning.json?x=U.S.&y=&_shape=objects",
                            "/archive/articles_mentioning.json?x=Steven+Mnuchin&y=Wang+Sheng&_shape=objects")
    assert [row["source_id"] for row in both.json()["rows"]] == ["scmp"]
    assert "James Mattis" in both.json()["rows"][0]["entities"]
    assert len(one.json()["rows"]) == 2
    assert none.json()["rows"] == []


def test_display_name_prefers_the_cleanest_spelling():
    assert max(["Labor department", "Labor Department"], key=display_preference) == "Labor Department"
    assert max(["Jim Mattis", "James Mattis"], key=display_preference) == "James Mattis"
    assert max(["Ministry of People s Security", "Ministry of People’s Security"],
               key=display_preference) == "Ministry of People’s Security"
    assert max(["THAILAND", "Thailand"], key=display_preference) == "Thailand"
