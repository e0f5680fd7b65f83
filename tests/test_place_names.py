"""The place names a merge's per-target checks read once per finisher run (store/entities.py PlaceNames): the same
answers as the SQL each check ran per target before. Names written for these tests."""
import sqlite3

import pytest

from loader import store
from loader.extract.names import fold_words
from loader.store.entities import PlaceNames, _divisions_named, _like_holds

PAIRS = [("Brannock County", "brannock", True), ("BRANNOCK county", "brannock", True),
         ("Brännock County", "brannock", False),  # SQL's like folds the case of ASCII letters only
         ("Sao Vale Falls", "sao", True), ("São Vale", "sao", False), ("Öster Vale", "öster", False),
         ("Upper öster Vale", "öster", True),
         ("Fen_Marsh Lake", "fen_marsh", True), ("FenXMarsh Lake", "fen_marsh", True),
         ("Fen Marsh", "fen_marsh", True), ("Fenmarsh Lake", "fen_marsh", False)]


@pytest.mark.parametrize("name, word, holds", PAIRS)
def test_a_name_holds_a_word_exactly_where_sql_like_says_so(name, word, holds):
    like = sqlite3.connect(":memory:").execute("select ? like ?", [name, f"%{word}%"]).fetchone()[0]
    assert _like_holds(name, word) is holds is bool(like)


@pytest.fixture
def db(tmp_path):
    db = store.open_db(str(tmp_path / "places.db"))
    store.ensure_db_shape(db)
    return db


def test_the_places_and_place_entities_holding_a_word_are_those_the_sql_found(db):
    db["places"].insert_all([{"id": 1, "name": "Brannock County", "feature_code": "ADM2"},
                             {"id": 2, "name": "Brannock", "feature_code": "PPL"},  # the word alone: no
                             {"id": 3, "name": "Brännock Falls", "feature_code": "PPL"},
                             {"id": 4, "name": "Upper Brannockville", "feature_code": "PPL"}])  # another word
    db["entities"].insert_all([{"id": "e1", "name": "Brannock Bay", "type": "LOC"},
                               {"id": "e2", "name": "Brannock Tower", "type": "ORG"},  # no place
                               {"id": "e3", "name": "Lake of Brannock", "type": "GPE"}], alter=True)
    places = PlaceNames(db)
    def held(word):  # in any order: each check reads a set of articles
        return tuple(sorted(ids) for ids in places.holding(word))
    assert held("brannock") == ([1], ["e1", "e3"])
    assert held("brannockville") == ([4], [])
    assert held("falls") == ([3], [])
    assert held("tower") == ([], [])
    for word in ("brannock", "brannockville", "falls", "tower", "county"):  # the SQL each call ran before
        queries = ("select id, name from places where name like ? and name like '% %'",
                   "select id, name from entities where type in ('GPE', 'LOC') and name like ? and name like '% %'")
        before = tuple(sorted(row[0] for row in db.execute(query, [f"%{word}%"]) if word in fold_words(row[1]))
                       for query in queries)
        assert held(word) == before


def test_the_divisions_an_article_writes_are_read_once_for_every_article(db):
    db["places"].insert_all([{"id": 11, "name": "Ohio", "feature_code": "ADM1", "country_code": "US", "admin1": "OH"},
                             {"id": 12, "name": "Lagos", "feature_code": "ADM1", "country_code": "NG", "admin1": "05"},
                             {"id": 13, "name": "Lagos", "feature_code": "PPLA", "country_code": "NG", "admin1": "05"}])
    db["locations"].insert_all([{"article_id": "a", "place_id": 11, "text": "Ohio"},
                                {"article_id": "a", "place_id": 12, "text": "Lagos State"},
                                {"article_id": "b", "place_id": 13, "text": "Lagos"},  # a city: no division
                                {"article_id": "c", "place_id": 11, "text": "OHIO"}], alter=True)
    places = PlaceNames(db)
    assert _divisions_named(places, ["a", "b"]) == {"a": {"Ohio": ("US", "OH"), "Lagos State": ("NG", "05")}}
    db["locations"].insert({"article_id": "b", "place_id": 11, "text": "Ohio"}, alter=True)
    assert _divisions_named(places, ["b", "c"]) == {"c": {"OHIO": ("US", "OH")}}  # read once: the new row unseen
