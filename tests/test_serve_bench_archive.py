"""The benchmark archive past 100k (benchmarks/generate.py `replicate`): copies made in SQL of a really
loaded and extracted base archive, each article with its own URL, id, title number and date, its original's
body and annotations at the same offsets, and counts that equal a group by."""
import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from .conftest import ROOT, DatasetteClient, run_load

BODIES = [  # written for this test
    "Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget.\n\n"
    "\"We agreed on the main points,\" Merkel said after the talks.",
    "Shipping rates from Rotterdam rose again, traders in London said on Tuesday.\n\n"
    "Analysts expect the zinc market to stay tight until the spring.",
    "The central bank in Tokyo kept its rates unchanged, Haruhiko Kuroda said.\n\n"
    "Exporters in Osaka welcomed the decision.",
]


def _generate_module():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def copied(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    records = [{"url": f"https://www.reuters.com/2017/05/{10 + i}/story-{i}", "source": "Reuters",
                "title": f"Morning report — Desk {i:,}", "published_at": f"2017-05-{10 + i}T09:00:00+00:00",
                "body": body} for i, body in enumerate(BODIES)]
    (folder / "base.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    base, _ = run_load(folder / "base.db", folder / "base.jsonl", nlp=True, workers=1)
    base.conn.close()
    generate = _generate_module()
    generate.BASE = 3
    timings = generate.replicate(folder / "base.db", 9, folder / "bench-9.db")
    return generate, folder / "base.db", folder / "bench-9.db", timings


def _rows(path: Path, sql: str, params=()):
    return sqlite3.connect(path).execute(sql, params).fetchall()


def test_each_copy_is_an_article_of_its_own(copied):
    _, _, path, timings = copied
    assert set(timings) == {"articles", "annotations", "fts", "indexes", "counts"}
    rows = _rows(path, "select id, url, title, published_at, published_month, identity_key from articles order by rowid")
    assert len(rows) == 9 and len({row[0] for row in rows}) == 9 and all(row[0] == row[5] for row in rows)
    assert rows[3][1:5] == ("https://www.reuters.com/2017/06/15/story-3", "Morning report — Desk 3",
                            "2017-06-15T10:00:07+00:00", "2017-06")  # 36 days, 1 hour and 7 s later
    assert rows[8][1] == "https://www.reuters.com/2017/07/23/story-8" and rows[8][2] == "Morning report — Desk 8"
    bodies = _rows(path, "select body from articles order by rowid")
    assert [body for (body,) in bodies] == BODIES * 3


def test_annotations_are_copied_with_their_offsets_and_counts_multiplied(copied):
    generate, base, path, _ = copied
    base_mentions = _rows(base, "select count(*) from mentions")[0][0]
    assert base_mentions > 0 and _rows(path, "select count(*) from mentions")[0][0] == 3 * base_mentions
    for table in ("quotes", "locations", "article_origins"):
        assert _rows(path, f"select count(*) from {table}")[0][0] == 3 * _rows(base, f"select count(*) from {table}")[0][0]
    assert generate.check_offsets(path, step=1)["mentions"] == 3 * base_mentions
    wrong = _rows(path, """select count(*) from entities where article_count != (select count(distinct article_id)
        from mentions where entity_id = entities.id) or mention_count != (select count(*) from mentions
        where entity_id = entities.id)""")
    assert wrong == [(0,)]
    assert _rows(path, "select count(*) from places where article_count != (select count(distinct article_id) "
                       "from locations where place_id = places.id)") == [(0,)]
    assert _rows(path, "select value, article_count from facet_counts where facet = 'published_month' "
                       "order by 1") == [("2017-05", 3), ("2017-06", 3), ("2017-07", 3)]


def test_a_bad_offset_is_caught(copied, tmp_path):
    generate, _, path, _ = copied
    broken = tmp_path / "broken.db"
    sqlite3.connect(path).backup(target := sqlite3.connect(broken))
    target.execute("update mentions set start = start + 1 where id = (select max(id) from mentions)")
    target.commit()
    with pytest.raises(SystemExit, match="1 of .* mentions checked do not index their article's text"):
        generate.check_offsets(broken, step=1)


def test_the_copies_are_searched_and_served(copied):
    _, _, path, _ = copied
    assert _rows(path, "select count(*) from articles_fts where articles_fts match 'zinc'") == [(3,)]
    client = DatasetteClient(path)
    html = client.get("/-/search?q=zinc").text
    assert "3 matching articles" in html and "Desk 7" in html
