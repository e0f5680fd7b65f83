"""Scale (issue 13): batched writes store exactly what the per-article path stores, the FTS index filled
after a batch is complete, precomputed facet counts equal a group by, search past the common-word
threshold, and a --help that imports none of the heavy stages."""
import json
import subprocess
import sys

import pytest

from loader import load
from loader.store import batch

from .conftest import DatasetteClient, run_load

PLACES = ["harbour", "airport", "railway station", "bridge", "market"]
MONTHS = ["2019-01-05", "2019-02-11", "2020-07-30T09:15:00+08:00", "Mon, 04 Mar 2019 12:34:00 -0500"]


def _records(count, start=0, word="strike"):
    """Articles written for these tests: each its own story, so none is a near-duplicate of another."""
    for i in range(start, start + count):
        place = PLACES[i % len(PLACES)]
        yield {"url": f"https://news.example/{i}", "source": ["Wire One", "Daily Two"][i % 2],
               "title": f"Workers at the {place} number {i} call a {word}",
               "date": MONTHS[i % len(MONTHS)], "section": ["Business", "World", None][i % 3],
               "body": f"Staff at the {place} known as site {i} stopped work on Monday, union number {i * 7} said. "
                       f"Talks with the operator about pay scale {i % 13} and shift pattern {i % 11} broke down, "
                       f"and a meeting is planned for week {i % 52}. " + " ".join(f"w{i}x{k}" for k in range(45))}


def _write(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _snapshot(db):
    """Everything a load writes, without the load's own timestamps and ids."""
    return {
        "articles": db.execute("select id, title, body, published_at, published_month, section, source_id, "
                               "content_hash, identity_key, near_duplicate_of from articles order by id").fetchall(),
        "origins": db.execute("select article_id, origin_path, position from article_origins "
                              "order by 1, 2, 3").fetchall(),
        "bands": db.execute("select band, articles.id from article_bands join articles "
                            "on articles.rowid = article_rowid order by 1, 2").fetchall(),
        "sources": db.execute("select * from sources order by id").fetchall(),
        "fts": db.execute("select rowid from articles_fts where articles_fts match 'union' order by rowid").fetchall(),
        "facets": db.execute("select * from facet_counts order by 1, 2").fetchall(),
    }


def _feed(tmp_path):
    """A first file of new articles, then one with repeats, an update and new ones mixed."""
    first = _write(tmp_path / "a.jsonl", _records(150))
    changed = dict(next(_records(1, start=3)), body="A corrected report: " + next(_records(1, start=3))["body"])
    second = _write(tmp_path / "b.jsonl", [*_records(5, start=140), changed, *_records(20, start=150),
                                           next(_records(1, start=160))])
    return first, second


def test_batched_and_per_article_paths_store_the_same(tmp_path, monkeypatch, load_into):
    first, second = _feed(tmp_path)
    db, one = load_into(first)
    db, two = load_into(second)
    batched = _snapshot(db)
    assert one.counts["inserted"] == 150 and two.counts == {"inserted": 20, "updated": 1, "unchanged": 0,
                                                            "duplicates": 6, "near_duplicates": 0, "errors": 0}

    def refuse(*args):
        raise RuntimeError("batch refused")
    monkeypatch.setattr(load, "save_fresh", refuse)  # every article goes the per-article way
    slow = tmp_path / "slow"
    slow.mkdir()
    db_slow, one_slow = run_load(slow / "archive.db", first)
    db_slow, two_slow = run_load(slow / "archive.db", second)
    assert (one_slow.counts, two_slow.counts) == (one.counts, two.counts)
    assert _snapshot(db_slow) == batched


def test_fts_index_filled_after_a_batch_is_complete(tmp_path, load_into):
    assert batch.INDEX_AFTER_ROWS <= 150
    db, _ = load_into(_write(tmp_path / "a.jsonl", _records(150)))
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    for word in ("harbour", "union", "w7x3"):
        found = db.execute("select count(*) from articles_fts where articles_fts match ?", [word]).fetchone()[0]
        expected = db.execute("select count(*) from articles where title like ? or body like ?",
                              [f"%{word}%", f"%{word}%"]).fetchone()[0]
        assert found == expected > 0, word
    assert db.execute("select count(*) from sqlite_master where name = 'articles_ai'").fetchone()[0] == 1


def test_facet_counts_equal_a_group_by(tmp_path, load_into):
    db, _ = load_into(_write(tmp_path / "a.jsonl", _records(40)))
    counts = {facet: dict(db.execute("select value, article_count from facet_counts where facet = ?", [facet]))
              for facet in ("published_month", "source_id", "section", "published_year")}
    assert counts["published_month"] == dict(db.execute(
        "select published_month, count(*) from articles group by 1"))
    assert counts["published_month"] == {"2019-01": 10, "2019-02": 10, "2020-07": 10, "2019-03": 10}
    assert counts["published_year"] == {"2019": 30, "2020": 10}
    assert counts["source_id"] == {"wire-one": 20, "daily-two": 20}
    assert counts["section"] == dict(db.execute("select section, count(*) from articles "
                                                "where section is not null group by 1"))
    assert dict(db.execute("select month, article_count from month_counts")) == counts["published_month"]
    db, _ = load_into(_write(tmp_path / "b.jsonl", _records(10, start=40)))  # kept current by every load
    assert dict(db.execute("select source_id, article_count from source_counts")) == {"wire-one": 25, "daily-two": 25}


def test_search_ranks_the_latest_matches_past_the_common_word_threshold(tmp_path, load_into):
    """2,001 articles say "strike": the first one loaded, though its title matches, is past the 2,000
    most recently loaded matches, so it is not ranked; narrowing the search brings it back."""
    _write(tmp_path / "a.jsonl", [{"title": "Strike strike strike", "url": "https://news.example/first",
                                   "body": "The first strike report, about the walkout at the quarry. " * 3}])
    load_into(tmp_path / "a.jsonl")
    db, _ = load_into(_write(tmp_path / "b.jsonl", _records(2000)))
    client = DatasetteClient(tmp_path / "archive.db")
    rows = client.get("/archive/search.json?q=strike&_shape=objects").json()["rows"]
    assert len(rows) == 100 and "Strike strike strike" not in [row["title"] for row in rows]
    rows = client.get("/archive/search.json?q=strike+quarry&_shape=objects").json()["rows"]
    assert [row["title"] for row in rows] == ["Strike strike strike"]


def test_help_imports_no_stage():
    code = ("import sys, loader.cli; print(sorted(m for m in ('sqlite_utils', 'trafilatura', 'dateutil', "
            "'spacy', 'lxml', 'datasette', 'tqdm') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_serving_imports_no_earlier_stage():
    """serve reads what the store wrote: importing every serve module loads no read, normalize, extract or store
    module (the schema and the writer's lock live below the stages, in loader/schema.py and loader/lock.py)."""
    code = ("import sys, importlib, pkgutil, loader.serve\n"
            "for m in pkgutil.walk_packages(loader.serve.__path__, 'loader.serve.'): importlib.import_module(m.name)\n"
            "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('loader.') "
            "and m.split('.')[1] in ('read', 'normalize', 'extract', 'store')}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("bad", [{"title": "No body at all", "url": "https://news.example/x"}])
def test_a_bad_record_in_a_batch_costs_only_itself(tmp_path, load_into, bad):
    db, result = load_into(_write(tmp_path / "a.jsonl", [*_records(120), bad, *_records(5, start=120)]))
    assert (result.counts["inserted"], result.counts["errors"]) == (125, 1)
    assert db.execute("select position, reason from load_errors").fetchall() == [("line 121", "no article text")]


def test_a_big_first_load_makes_the_facet_indexes_once_at_the_end(tmp_path, monkeypatch, load_into):
    """With the threshold at 0 every first load defers the articles' facet and sort indexes: they are
    gone while the files are stored and back afterwards, and the archive is the same as without."""
    from loader.store import batch as batch_module

    first, second = _feed(tmp_path)
    db_kept, _ = load_into(first)
    db_kept, _ = load_into(second)
    indexes = "select name, sql from sqlite_master where type = 'index' and tbl_name = 'articles' order by name"
    kept = db_kept.execute(indexes).fetchall()
    monkeypatch.setattr(batch_module, "DEFER_MIN_BYTES", 0)
    seen = []
    real = load._store_file

    def store_file(db, *args):
        seen.append({name for name, _ in db.execute(indexes)})
        return real(db, *args)
    monkeypatch.setattr(load, "_store_file", store_file)
    deferred = tmp_path / "deferred"
    deferred.mkdir()
    db, _ = run_load(deferred / "archive.db", first)
    assert seen and not seen[0] & {"idx_articles_published_at", "idx_articles_section", "idx_articles_url"}
    assert "idx_articles_content_hash" in seen[0] and "idx_articles_identity_key" in seen[0]  # the load reads these
    assert db.execute(indexes).fetchall() == kept  # made again by the load itself, not by the next open
    db, _ = run_load(deferred / "archive.db", second)  # the archive is now bigger than the file: nothing deferred
    assert "idx_articles_published_at" in seen[-1]
    assert db.execute(indexes).fetchall() == kept
    assert _snapshot(db) == _snapshot(db_kept)
