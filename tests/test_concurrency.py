"""Concurrency: Datasette serving while a load writes sees whole files only (WAL), and a second load
on the same archive refuses at once with a clear message instead of racing the first."""
import json
import os
import shutil
import subprocess
import sys
import time

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader.cli import cli
from loader.lock import exclusive_writer

from .conftest import DatasetteClient, run_load

NEWS_ARCHIVE = shutil.which("news-archive", path=os.path.dirname(sys.executable))
FEEDS, PER_FEED = 60, 10
# One snapshot of what a page reader can see; every article mentions the harbour.
SNAPSHOT_SQL = """select
  (select count(*) from articles) as articles,
  (select count(distinct article_id) from article_origins) as with_origin,
  (select count(*) from articles_fts where articles_fts match 'harbour') as indexed,
  (select count(*) from article_origins) as origins"""


def write_feeds(directory):
    directory.mkdir()
    for feed in range(FEEDS):
        lines = [json.dumps({"url": f"https://example.com/{feed}/{number}", "title": f"Harbour story {feed}.{number}",
                             "text": f"The harbour took in {number} ships from fleet {feed}. " * 30})
                 for number in range(PER_FEED)]
        (directory / f"feed{feed:02d}.jsonl").write_text("\n".join(lines) + "\n")


def start_load(inputs, db_path):
    return subprocess.Popen([NEWS_ARCHIVE, "load", str(inputs), "--db", str(db_path), "--no-nlp", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_pages_stay_consistent_while_a_load_runs_and_a_second_load_refuses(tmp_path):
    inputs = tmp_path / "feeds"
    write_feeds(inputs)
    db_path = tmp_path / "archive.db"
    run_load(db_path, tmp_path / "absent")  # the archive exists (empty) before serving starts
    client = DatasetteClient(db_path)  # as `news-archive serve` opens it: mode=ro plus query_only
    first = start_load(inputs, db_path)
    snapshots, second = [], None
    while first.poll() is None:
        response = client.get("/archive.json?_shape=objects&sql=" + SNAPSHOT_SQL.replace("\n", " "))
        assert response.status_code == 200, response.text[:300]
        snapshots.append(response.json()["rows"][0])
        page = client.get("/archive/articles?_size=5")
        assert page.status_code == 200
        if second is None and snapshots[-1]["articles"]:
            second = start_load(inputs, db_path)
    assert first.wait() == 0, first.stderr.read()
    refusal = second.communicate(timeout=60)[1] if second else ""
    final = client.get("/archive.json?_shape=objects&sql=" + SNAPSHOT_SQL.replace("\n", " ")).json()["rows"][0]
    snapshots.append(final)
    for seen in snapshots:  # each page saw whole files: every article with its origin, all indexed
        assert seen["articles"] == seen["with_origin"] == seen["indexed"] == seen["origins"]
        assert seen["articles"] % PER_FEED == 0
    counts = [seen["articles"] for seen in snapshots]
    assert counts == sorted(counts) and counts[-1] == FEEDS * PER_FEED
    assert len(set(counts)) > 2, f"the pages should have seen the load in progress: {counts}"
    assert second is not None and "Traceback" not in refusal
    if second.returncode == 0:  # it reached the lock only after the first had finished: serialized
        assert "0 inserted, 0 updated, 600 unchanged" in refusal
    else:
        assert f"another `news-archive load` (pid {first.pid}) is writing to {db_path}" in refusal
    print(f"\npages read during the load: {len(snapshots)}, article counts seen: {sorted(set(counts))}")


def test_second_load_refuses_while_the_archive_is_locked(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe harbour reopened on Monday.")
    db_path = str(tmp_path / "archive.db")
    with exclusive_writer(db_path):
        refused = CliRunner().invoke(cli, ["load", str(page), "--db", db_path, "--no-nlp", "--quiet"])
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert f"another `news-archive load` (pid {os.getpid()}) is writing to {db_path}" in refused.output
    assert not os.path.exists(db_path)  # refused before touching the archive
    loaded = CliRunner().invoke(cli, ["load", str(page), "--db", db_path, "--no-nlp", "--quiet"])
    assert loaded.exit_code == 0, loaded.output


def test_the_lock_dies_with_a_killed_loader(tmp_path):
    db_path = str(tmp_path / "archive.db")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from loader.lock import exclusive_writer\n"
                               f"with exclusive_writer({db_path!r}):\n    print('held', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(Exception, match="is writing to"):
        with exclusive_writer(db_path):
            pass
    holder.kill()
    holder.wait()
    deadline = time.monotonic() + 5
    while True:
        try:
            with exclusive_writer(db_path):
                break
        except Exception:
            assert time.monotonic() < deadline, "lock still held after its holder was killed"
            time.sleep(0.05)


def test_the_lock_is_keyed_on_the_real_file(tmp_path):
    """A symlinked name of a busy archive is refused like its own name, before any `loads` row is started."""
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe harbour reopened on Monday.")
    db_path = str(tmp_path / "archive.db")
    assert CliRunner().invoke(cli, ["load", str(page), "--db", db_path, "--no-nlp", "--quiet"]).exit_code == 0
    (tmp_path / "link.db").symlink_to(db_path)
    with exclusive_writer(db_path):
        refused = CliRunner().invoke(cli, ["load", str(page), "--db", str(tmp_path / "link.db"), "--no-nlp", "--quiet"])
    assert refused.exit_code == 1 and "is writing to" in refused.output, refused.output
    rows = list(sqlite_utils.Database(db_path).query("select finished_at from loads"))
    assert len(rows) == 1 and rows[0]["finished_at"]
