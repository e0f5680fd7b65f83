import asyncio
from pathlib import Path

import pytest
from datasette.app import Datasette

from loader import store
from loader.load import LoadOptions, load_paths
from loader.serve import metadata_for, settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
REUTERS_SEED = CORPUS / "000_d3c3bd6af9a2f2c1.txt"
SCMP_SEED = CORPUS / "001_9a71258250b71cd4.txt"


def run_load(db_path, *paths, warnings=None, **options):
    """Load paths into the SQLite file at db_path with the real loader; returns (db, result)."""
    db = store.open_db(str(db_path))
    options.setdefault("nlp", False)
    result = load_paths(db, [str(p) for p in paths], LoadOptions(progress=False, **options),
                        warn=(warnings.append if warnings is not None else lambda message: None))
    return db, result


@pytest.fixture
def load_into(tmp_path):
    def load(*paths, **options):
        return run_load(tmp_path / "archive.db", *paths, **options)
    return load


@pytest.fixture
def seeds_db(tmp_path):
    db, _ = run_load(tmp_path / "archive.db", CORPUS)
    return db


def article_by_source(db, source_id):
    rows = list(db.query("select * from articles where source_id = ?", [source_id]))
    assert len(rows) == 1, rows
    return rows[0]


class DatasetteClient:
    """The real Datasette app, configured as `news-archive serve` configures it, called in-process."""

    def __init__(self, db_path):
        self.ds = Datasette([str(db_path)], immutables=[], metadata=metadata_for(str(db_path)),
                            settings=settings())

    def get(self, path):
        return asyncio.run(self.ds.client.get(path))


@pytest.fixture
def datasette(seeds_db):
    return DatasetteClient(seeds_db.conn.execute("pragma database_list").fetchone()[2])
