"""Exports and paging: every row exactly once, through JSON `next` links and CSV streams, in any sort order,
however many NULLs and ties the sorted column holds (Datasette's keyset paging needs a primary-key
tiebreak on every page, the first one included)."""
import asyncio
import csv
import io
from urllib.parse import urlsplit

import pytest
import sqlite_utils
from datasette.app import Datasette
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loader import store
from loader.serve import metadata_for
from loader.serve import settings as serve_settings

PAGE_ROWS = 7  # max_returned_rows here, so that a stream of a few dozen rows takes several pages


class Archive:
    """A real archive file served by a real Datasette, its articles replaced per example."""

    def __init__(self, path):
        self.db = sqlite_utils.Database(str(path))
        store.ensure_db_shape(self.db)
        metadata = metadata_for(str(path))
        metadata["databases"]["archive"]["tables"]["articles"]["size"] = PAGE_ROWS  # as served, in small pages
        self.ds = Datasette([str(path)], metadata=metadata,
                            settings={**serve_settings(), "max_returned_rows": PAGE_ROWS})

    def fill(self, rows: list[dict]) -> None:
        with self.db.conn:
            self.db.execute("delete from articles")
            for row in rows:
                self.db["articles"].insert({"body": "Text.", "source_id": "test", **row})

    def get(self, path: str):
        response = asyncio.run(self.ds.client.get(path))
        assert response.status_code == 200, (path, response.text[:500])
        return response

    def walk_json(self, query: str) -> list[str]:
        ids, path = [], f"/archive/articles.json?_shape=objects&{query}"
        while path:
            page = self.get(path).json()
            ids += [row["id"] for row in page["rows"]]
            path = _path(page.get("next_url"))
            assert len(ids) <= 10_000, "paging does not end"
        return ids

    def stream_csv(self, query: str) -> list[str]:
        text = self.get(f"/archive/articles.csv?_stream=on&{query}").text
        return [row["id"] for row in csv.DictReader(io.StringIO(text))]


def _path(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return Archive(tmp_path_factory.mktemp("export") / "archive.db")


def test_undated_articles_are_all_exported_once(archive):
    """Issue 14: 3,000 undated articles streamed as 405 rows; the default sort is published_at desc."""
    archive.fill([{"id": f"a{number:04d}", "title": f"T{number % 3}"} for number in range(150)])
    expected = sorted(f"a{number:04d}" for number in range(150))
    assert sorted(archive.stream_csv("")) == expected
    assert sorted(archive.walk_json("_size=5")) == expected


def test_ties_and_nulls_in_the_sort_column(archive):
    dates = [None, "2017-01-02", "2017-01-02", "2017-01-03T10:00:00+08:00"]
    archive.fill([{"id": f"b{number:03d}", "published_at": dates[number % 4]} for number in range(90)])
    expected = sorted(f"b{number:03d}" for number in range(90))
    for query in ("", "_sort=published_at", "_sort_desc=published_at", "_sort=title"):
        assert sorted(archive.stream_csv(query)) == expected, query
        assert sorted(archive.walk_json(f"_size=4&{query}")) == expected, query


ROW = st.fixed_dictionaries({
    "published_at": st.sampled_from([None, "2017-01-01", "2017-01-02", "2017-01-02T10:00:00+08:00"]),
    "title": st.sampled_from([None, "", "A", "B"]),
    "word_count": st.sampled_from([None, 0, 5, 12]),
    "source_id": st.sampled_from(["reuters", "scmp", None]),
})
SORTS = st.sampled_from([""] + [f"{how}={column}" for how in ("_sort", "_sort_desc")
                                for column in ("published_at", "title", "word_count", "source_id", "id")])


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(ROW, max_size=40), sort=SORTS, size=st.integers(1, PAGE_ROWS))
def test_every_row_exactly_once_in_any_sort_order(archive, rows, sort, size):
    archive.fill([{"id": f"r{number:03d}", **row} for number, row in enumerate(rows)])
    expected = sorted(f"r{number:03d}" for number in range(len(rows)))
    assert sorted(archive.walk_json(f"_size={size}&{sort}")) == expected
    assert sorted(archive.stream_csv(sort)) == expected
