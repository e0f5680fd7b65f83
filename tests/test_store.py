"""Store: the DESIGN schema, FTS kept in sync, idempotent loads, updates in place."""
import shutil

from loader import store

from .conftest import CORPUS, run_load


def test_all_design_tables_and_columns_exist(seeds_db):
    for name, (columns, _, _) in store.TABLES.items():
        assert set(columns) <= set(seeds_db[name].columns_dict), name
    assert seeds_db["articles_fts"].exists() and seeds_db["quotes_fts"].exists()
    assert "porter unicode61" in seeds_db["articles_fts"].schema


def test_foreign_keys_are_declared_and_indexed(seeds_db):
    fks = {(fk.column, fk.other_table) for fk in seeds_db["mentions"].foreign_keys}
    assert fks == {("article_id", "articles"), ("entity_id", "entities")}
    indexed = {tuple(index.columns) for index in seeds_db["articles"].indexes}
    assert {("source_id",), ("section",), ("published_month",), ("language",)} <= indexed


def test_ensure_db_shape_is_idempotent(seeds_db):
    before = seeds_db.execute("select sql from sqlite_master order by name").fetchall()
    store.ensure_db_shape(seeds_db)
    store.ensure_db_shape(seeds_db)
    assert seeds_db.execute("select sql from sqlite_master order by name").fetchall() == before


def test_reload_changes_nothing(tmp_path):
    db, first = run_load(tmp_path / "archive.db", CORPUS)
    rows = list(db.query("select id, content_hash, loaded_at from articles order by id"))
    db, second = run_load(tmp_path / "archive.db", CORPUS)
    assert first.counts["inserted"] == 2
    assert second.counts == {"inserted": 0, "updated": 0, "unchanged": 2, "duplicates": 0, "near_duplicates": 0,
                             "errors": 0}
    assert list(db.query("select id, content_hash, loaded_at from articles order by id")) == rows
    loads = list(db.query("select files, inserted, unchanged, finished_at from loads order by id"))
    assert [(r["files"], r["inserted"], r["unchanged"]) for r in loads] == [(2, 2, 0), (2, 0, 2)]
    assert all(r["finished_at"] for r in loads)


def test_changed_article_is_updated_in_place(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    db, _ = run_load(tmp_path / "archive.db", folder)
    scmp = folder / "001_9a71258250b71cd4.txt"
    before = next(db.query("select id, rowid from articles where source_id = 'scmp'"))
    scmp.write_text(scmp.read_text(encoding="utf-8").replace("rare action", "unusual action"), encoding="utf-8")
    db, result = run_load(tmp_path / "archive.db", folder)
    assert result.counts["updated"] == 1 and result.counts["unchanged"] == 1
    after = next(db.query("select id, rowid, body from articles where source_id = 'scmp'"))
    assert (after["id"], after["rowid"]) == (before["id"], before["rowid"])
    assert "unusual action" in after["body"]
    assert db["articles"].count == 2


def test_fts_follows_inserts_and_updates(tmp_path):
    page = tmp_path / "page.txt"
    body = "The {} keeper of the north pier retired on Friday after forty years of service, the harbour board said."
    page.write_text("Harbour news\n\n" + body.format("lighthouse"), encoding="utf-8")
    db, _ = run_load(tmp_path / "archive.db", page)

    def hits(word):
        return db.execute("select count(*) from articles_fts where articles_fts match ?", [word]).fetchone()[0]

    assert hits("lighthouse") == 1
    page.write_text("Harbour news\n\n" + body.format("ferry"), encoding="utf-8")  # corrected: an update
    run_load(tmp_path / "archive.db", page)
    assert db["articles"].count == 1
    assert (hits("lighthouse"), hits("ferry"), hits("retire")) == (0, 1, 1)  # porter stemming: retire ~ retired
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")


def test_origins_recorded_for_every_arrival(seeds_db):
    origins = list(seeds_db.query("select origin_path, position from article_origins order by origin_path"))
    assert [o["origin_path"].rsplit("/", 1)[-1] for o in origins] == [
        "000_d3c3bd6af9a2f2c1.txt", "001_9a71258250b71cd4.txt"]
