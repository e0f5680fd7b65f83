"""Extraction results are saved in plain SQL (rows.insert_rows, places.save_place) for speed; what they store
is what sqlite-utils' insert_all and upsert store for the same rows."""
import sqlite_utils

from loader import store
from loader.store.places import save_place
from loader.store.rows import insert_rows

ROWS = [{"text": "Mr. Ortega", "start": 4, "end": 14, "roles": ["speaker", "subject"], "score": 0.5},
        {"text": "Managua", "start": 30, "end": 37, "roles": None, "extra": {"a": "é"}}]


def _table(db):
    db["things"].create({"id": int, "text": str, "start": int, "end": int, "roles": str, "score": float,
                         "extra": str}, pk="id")
    return db


def test_insert_rows_stores_what_insert_all_stores():
    ours, theirs = _table(sqlite_utils.Database(memory=True)), _table(sqlite_utils.Database(memory=True))
    insert_rows(ours, "things", ROWS)
    theirs["things"].insert_all(ROWS)
    sql = "select * from things order by id"
    assert ours.execute(sql).fetchall() == theirs.execute(sql).fetchall()
    assert ours.execute(sql).fetchall()[0] == (1, "Mr. Ortega", 4, 14, '["speaker", "subject"]', 0.5, None)
    assert ours.execute(sql).fetchall()[1][6] == '{"a": "é"}'


def test_save_place_inserts_then_updates_and_keeps_the_article_count(tmp_path):
    db = store.open_db(str(tmp_path / "archive.db"))
    place = {"geonameid": 3617763, "name": "Managua", "feature_code": "PPLC", "country_code": "NI",
             "admin1": "Managua", "latitude": 12.13282, "longitude": -86.2504, "population": 973087}
    assert save_place(db, place) == 3617763
    db.execute("update places set article_count = 7 where id = 3617763")
    save_place(db, {**place, "population": 1000000, "admin1": None})
    assert db.execute("select id, name, admin1, population, article_count from places").fetchall() == [
        (3617763, "Managua", None, 1000000, 7)]


def test_once_per_pass_reads_once_in_a_finisher_pass_and_afresh_after_it():
    from loader.store.rows import finisher_pass, once_per_pass
    db = sqlite_utils.Database(memory=True)
    reads = []

    def read():
        reads.append(1)
        return len(reads)

    assert [once_per_pass(db, ("k",), read), once_per_pass(db, ("k",), read)] == [1, 2]  # outside a pass: each time
    with finisher_pass(db):
        assert [once_per_pass(db, ("k",), read), once_per_pass(db, ("k",), read)] == [3, 3]
        assert once_per_pass(db, ("other",), read) == 4
    assert once_per_pass(db, ("k",), read) == 5  # the next pass (the next load) reads afresh
