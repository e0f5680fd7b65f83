"""Schema evolution: an archive made by an older version is upgraded in place, losing nothing."""
import sqlite3

import pytest
from click.testing import CliRunner

from loader import store
from loader.cli import cli
from loader.model import Article
from loader.store import migrations

from .conftest import DatasetteClient, run_load

# What an archive looked like before user_version: fewer columns, no FTS, no extraction tables.
# `kicker` and `reading_list` are things this version does not know; they must survive untouched.
OLD_SCHEMA = """
create table sources (id text primary key, name text, homepage text, language text, timezone text);
create table articles (id text primary key, source_id text references sources(id), url text, title text,
    subtitle text, section text, byline text, authors text, dateline text, published_at text, updated_at text,
    body text, language text, content_hash text, origin_path text, origin_format text, loaded_at text,
    kicker text);
create table loads (id integer primary key, started_at text, finished_at text, arguments text, files integer,
    inserted integer, updated integer, unchanged integer, errors integer);
create table load_errors (id integer primary key, load_id integer references loads(id), origin_path text,
    position text, reason text, raw text);
create table reading_list (article_id text, note text);
"""
HARBOUR_ID = store.article_id(Article(source_id="scmp", body="", url="https://example.com/harbour"))  # ids never change
OLD_ARTICLES = [
    (HARBOUR_ID, "scmp", "https://example.com/harbour", "Harbour reopens", None, "News", "By A. Writer", '["A. Writer"]',
     "HONG KONG", "2017-10-27T19:50:00+08:00", None, "The harbour reopened after the typhoon passed.", "en",
     "oldhash1", "feeds/old.jsonl", "jsonl", "2017-10-28T00:00:00+00:00", "Exclusive"),
    ("a2", "unknown", None, "Council meets", None, None, None, None, None, None, None,
     "The council met on a Tuesday to discuss dredging.", None, "oldhash2", "page.txt", "text",
     "2017-10-28T00:00:00+00:00", None),
]


def make_old_archive(path):
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA)
    conn.executemany("insert into sources (id, name) values (?, ?)", [("scmp", "SCMP"), ("unknown", "Unknown")])
    conn.executemany(f"insert into articles values ({', '.join('?' * 18)})", OLD_ARTICLES)
    conn.execute("insert into loads values (1, '2017-10-28', '2017-10-28', '[]', 2, 2, 0, 0, 1)")
    conn.execute("insert into load_errors values (1, 1, 'bad.json', 'line 3', 'invalid JSON', '{oops')")
    conn.execute("insert into reading_list values (?, 'read later')", [HARBOUR_ID])
    conn.commit()
    conn.close()


def snapshot(path, tables=("sources", "articles", "loads", "load_errors", "reading_list")):
    """Every old cell of the old tables, by the old columns."""
    conn = sqlite3.connect(path)
    old = sqlite3.connect(":memory:")
    old.executescript(OLD_SCHEMA)
    found = {}
    for table in tables:
        columns = [row[1] for row in old.execute(f"pragma table_info([{table}])")]
        listed = ", ".join(f"[{c}]" for c in columns)
        found[table] = conn.execute(f"select {listed} from [{table}] order by 1").fetchall()
    conn.close()
    return found


def test_old_archive_is_upgraded_in_place_without_losing_data(tmp_path):
    path = str(tmp_path / "old.db")
    make_old_archive(path)
    before = snapshot(path)
    db = store.open_db(path)
    assert db.execute("pragma user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert snapshot(path) == before
    for name, (columns, _, _) in store.TABLES.items():
        assert set(columns) <= set(db[name].columns_dict), name
    rows = {row["id"]: row for row in db.query("select * from articles")}
    assert rows[HARBOUR_ID]["published_month"] == "2017-10" and rows["a2"]["published_month"] is None
    assert [rows[key]["word_count"] for key in (HARBOUR_ID, "a2")] == [7, 9]
    assert rows[HARBOUR_ID]["title_derived"] == 0 and rows["a2"]["title_derived"] == 0
    assert [row["id"] for row in db.query(
        "select articles.id from articles_fts join articles on articles.rowid = articles_fts.rowid "
        "where articles_fts match 'dredge'")] == ["a2"]
    assert_sound(db)


def test_upgrade_is_idempotent_and_the_archive_keeps_working(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    make_old_archive(str(path))
    schema = store.open_db(str(path)).execute("select sql from sqlite_master order by name").fetchall()
    db = store.open_db(str(path))
    assert db.execute("select sql from sqlite_master order by name").fetchall() == schema
    page = tmp_path / "harbour.jsonl"
    page.write_text('{"url": "https://example.com/harbour", "title": "Harbour reopens", '
                    '"text": "The harbour reopened after the typhoon passed, officials said."}\n')
    db, result = run_load(path, page)
    assert result.counts["updated"] == 1
    assert db.execute("select count(*) from articles where url = 'https://example.com/harbour'").fetchone()[0] == 1
    assert_sound(db)
    client = DatasetteClient(path)
    found = client.get("/old/search.json?q=typhoon&_shape=objects").json()["rows"]
    assert [row["title"] for row in found] == ["Harbour reopens"]


def test_fts_without_triggers_is_repaired(tmp_path):
    path = str(tmp_path / "archive.db")
    db, _ = run_load(path, tmp_path / "nothing")  # a current archive, then a tool drops the triggers
    db.execute("drop trigger articles_ai")
    db.execute("insert into sources (id) values ('unknown')")
    db.execute("insert into articles (id, source_id, title, body) values ('x', 'unknown', 'Lost', 'Unindexed ferry')")
    db.conn.commit()
    db = store.open_db(path)
    assert {"articles_ai", "articles_ad", "articles_au"} <= {t.name for t in db["articles"].triggers}
    assert db.execute("select rowid from articles_fts where articles_fts match 'ferry'").fetchall()
    assert_sound(db)


def test_a_failed_migration_leaves_the_old_version(tmp_path, monkeypatch):
    path = str(tmp_path / "old.db")
    make_old_archive(path)
    before = snapshot(path)

    def broken(db):
        db.execute("update articles set title = 'half done'")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    with pytest.raises(sqlite3.OperationalError):
        store.open_db(path)
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == 0
    assert "published_month" not in {row[1] for row in conn.execute("pragma table_info(articles)")}
    conn.close()
    assert snapshot(path) == before


def test_newer_archive_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("create table articles (id text primary key, body text)")
    conn.execute(f"pragma user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nSome body text about the harbour.")
    result = CliRunner().invoke(cli, ["load", str(page), "--db", str(path), "--no-nlp", "--quiet"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"newer than this news-archive knows ({migrations.SCHEMA_VERSION})" in result.output
    conn = sqlite3.connect(path)
    names = [row[0] for row in conn.execute("select name from sqlite_master")]
    assert names == ["articles", "sqlite_autoindex_articles_1"]


def assert_sound(db):
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    for name in store.FTS:
        db.execute(f"insert into [{name}_fts]([{name}_fts]) values('integrity-check')")


@pytest.mark.parametrize("target, message", [("notes.db", "file is not a database"),
                                             ("missing/archive.db", "cannot write here: No such file or directory")])
def test_a_target_that_cannot_be_an_archive_is_one_clear_line(tmp_path, target, message):
    (tmp_path / "notes.db").write_text("my shopping list, not an archive " * 100)
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nSome body text about the harbour.")
    result = CliRunner().invoke(cli, ["load", str(page), "--db", str(tmp_path / target), "--no-nlp", "--quiet"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"Error: {tmp_path / target}: {message}\n"
    assert (tmp_path / "notes.db").read_text().startswith("my shopping list")


def _mention_indexes(path) -> dict:
    conn = sqlite3.connect(path)
    found = {name: [row[2] for row in conn.execute(f"pragma index_info([{name}])")]
             for (name,) in conn.execute("select name from sqlite_master where type = 'index' and tbl_name = 'mentions'")}
    conn.close()
    return found


def test_mentions_are_indexed_by_entity_then_article(tmp_path):
    """One index answers both "mentions of this entity" and "articles that mention it", without the table."""
    path = str(tmp_path / "new.db")
    store.open_db(path).conn.close()
    assert _mention_indexes(path) == {"idx_mentions_article_id": ["article_id"], "idx_mentions_type": ["type"],
                                      "idx_mentions_entity_id_article_id": ["entity_id", "article_id"],
                                      "idx_mentions_entity_name": ["entity_name"], "idx_mentions_used_as": ["used_as"]}
    conn = sqlite3.connect(path)
    plan = " ".join(row[3] for row in conn.execute(
        "explain query plan select article_id from mentions where entity_id = 'e1'"))
    assert plan == "SEARCH mentions USING COVERING INDEX idx_mentions_entity_id_article_id (entity_id=?)"


def test_an_archive_with_mentions_by_entity_alone_is_reindexed_on_upgrade(tmp_path):
    path = str(tmp_path / "six.db")
    store.open_db(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("drop index idx_mentions_entity_id_article_id")
    conn.execute("create index idx_mentions_entity_id on mentions (entity_id)")  # as version 6 made it
    conn.execute("pragma user_version = 6")
    conn.commit()
    conn.close()
    store.open_db(path).conn.close()
    assert _mention_indexes(path) == {"idx_mentions_article_id": ["article_id"], "idx_mentions_type": ["type"],
                                      "idx_mentions_entity_id_article_id": ["entity_id", "article_id"],
                                      "idx_mentions_entity_name": ["entity_name"], "idx_mentions_used_as": ["used_as"]}
