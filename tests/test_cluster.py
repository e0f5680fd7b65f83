"""The extraction map on Dask distributed (a LocalCluster of 2 worker processes) stores exactly what the
local path stores; workers of another extractor version are refused; its workers keep glibc's own
memory trimming."""
import pytest

from loader import extract
from loader.extract import cluster, extractor_version
from loader.load import extract_archive

from .conftest import CORPUS, run_load

TABLES = {
    "mentions": "select * from mentions order by id",
    "quotes": "select * from quotes order by id",
    "locations": "select * from locations order by id",
    "entities": "select * from entities order by id",
    "places": "select * from places order by id",
    "articles": "select id, extracted_with, place_names, country_codes from articles order by id",
}


@pytest.fixture(scope="module")
def client():
    client = cluster.connect("local", workers=2)
    yield client
    cluster.close(client)


def _archive(path):
    db, _ = run_load(path, CORPUS)  # stored without NLP: every article pending
    return db


def test_cluster_extraction_equals_local(tmp_path, monkeypatch, client):
    local, remote = _archive(tmp_path / "local.db"), _archive(tmp_path / "cluster.db")
    monkeypatch.setattr(extract, "CHUNK_ITEMS", 1)  # one article per chunk: both workers get some
    assert len(client.scheduler_info()["workers"]) == 2
    here = extract_archive(local, ["test"], workers=1, progress=False)
    there = extract_archive(remote, ["test"], workers=2, progress=False, client=client)
    assert (here.saved, there.saved, there.failed) == (2, 2, 0)
    for table, sql in TABLES.items():
        assert remote.execute(sql).fetchall() == local.execute(sql).fetchall(), table
    assert local.execute("select count(*) from mentions").fetchone()[0] > 10
    assert {row[0] for row in remote.execute("select extracted_with from articles")} == {extractor_version()}


def test_workers_of_another_version_are_refused(client):
    with pytest.raises(cluster.VersionMismatch, match="another extractor version"):
        cluster.check_versions(client, "some-other-version")
    cluster.check_versions(client, extractor_version())


def _malloc_trim_threshold():
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_local_workers_keep_glibc_default_memory_trimming(client):
    """Dask would start them with MALLOC_TRIM_THRESHOLD_=65536, which costs spaCy ~15% more CPU per chunk."""
    assert set(client.run(_malloc_trim_threshold).values()) == {None}
