"""Serving archive files: immutable while no load runs on them, live from the moment one does, and several
files side by side (`news-archive serve a.db b.db`), each with the whole UI."""
import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from loader.serve import make_datasette
from loader.serve.plugin import MMAP_BYTES
from loader.lock import exclusive_writer, load_running

from .conftest import CORPUS, run_load

NEWS_ARCHIVE = str(Path(sys.executable).with_name("news-archive"))
ZEPPELIN = "---\ntitle: Zeppelin hangar reopens\npublished: 2017-05-02\n---\n\nThe zeppelin hangar in Friedrichshafen reopened.\n"
HARBOUR = "---\ntitle: Harbour dues rise\npublished: 2016-03-01\n---\n\nThe harbour board raised its dues again.\n"


def _archive(path: Path, *sources: Path) -> Path:
    """A loaded archive at path, closed (its write-ahead log checkpointed), as a finished load leaves it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db, _ = run_load(path, *sources)
    db.conn.close()
    return path


def _markdown(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


class InProcess:
    """make_datasette's app, as `news-archive serve` builds it, called in-process from the files' directory."""

    def __init__(self, paths, live=False):
        self.ds = make_datasette([str(path) for path in paths], live=live)
        asyncio.run(self.ds.invoke_startup())

    def get(self, path):
        return asyncio.run(self.ds.client.get(path))

    def modes(self) -> dict:
        return {db["name"]: db["is_mutable"] for db in self.get("/-/databases.json").json()}


def test_load_running_reads_the_lock_without_taking_it(tmp_path):
    db = str(tmp_path / "archive.db")
    assert load_running(db) is False  # no load ever ran: no lock file
    with exclusive_writer(db):
        assert load_running(db) is True
        assert load_running(str(tmp_path / "other.db")) is False
    assert load_running(db) is False


def test_an_archive_is_served_immutable_until_a_load_starts_then_live(tmp_path, monkeypatch):
    path = _archive(tmp_path / "archive.db", CORPUS)
    monkeypatch.chdir(tmp_path)
    client = InProcess(["archive.db"])
    assert client.modes() == {"archive": False}
    assert client.ds.inspect_data["archive"]["tables"]["articles"]["count"] == 2  # counted once, at startup
    assert "2 rows" in client.get("/archive/articles?_table=1").text
    mapped = asyncio.run(client.ds.databases["archive"].execute("pragma mmap_size")).first()[0]
    assert 0 < mapped <= MMAP_BYTES  # an immutable file is read through a memory map (SQLite caps its size)
    with exclusive_writer(str(path)):  # what `news-archive load` holds while it writes
        assert client.modes() == {"archive": True}  # the first request after the load began switched it
        run_load(path, _markdown(tmp_path / "new", "z.md", ZEPPELIN))[0].conn.close()
        assert "3 rows" in client.get("/archive/articles?_table=1").text
        assert asyncio.run(client.ds.databases["archive"].execute("pragma mmap_size")).first()[0] == 0
        found = client.get("/-/search.json?q=zeppelin").json()
        assert [item["title"] for item in found] == ["Zeppelin hangar reopens"]
    assert client.modes() == {"archive": True}  # live to the end of this serve
    waiting = InProcess(["archive.db"])
    assert waiting.modes() == {"archive": True}  # the load's last commits wait in the log: read live
    for server in (client, waiting):
        server.ds.databases["archive"].close()
    checkpoint = sqlite3.connect(path)  # the last connection to close writes the log into the file
    checkpoint.execute("select count(*) from articles").fetchone()
    checkpoint.close()
    assert InProcess(["archive.db"]).modes() == {"archive": False}  # the next serve is immutable again
    assert InProcess(["archive.db"], live=True).modes() == {"archive": True}


def test_a_file_with_an_unflushed_write_ahead_log_is_served_live(tmp_path, monkeypatch):
    db, _ = run_load(tmp_path / "archive.db", CORPUS)  # still open: its last commits are in archive.db-wal
    monkeypatch.chdir(tmp_path)
    assert os.path.getsize(tmp_path / "archive.db-wal") > 0
    assert InProcess(["archive.db"]).modes() == {"archive": True}
    db.conn.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def two_archives(tmp_path):
    """`news-archive serve x/2016.db y/2017.db` on a free port: two files from two directories."""
    first = _archive(tmp_path / "x" / "2016.db", _markdown(tmp_path / "in16", "h.md", HARBOUR), CORPUS)
    second = _archive(tmp_path / "y" / "2017.db", _markdown(tmp_path / "in17", "z.md", ZEPPELIN))
    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as stderr:
        server = subprocess.Popen([NEWS_ARCHIVE, "serve", str(first), str(second), "--port", str(port)],
                                  stdout=stderr, stderr=stderr, cwd="/")
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
            time.sleep(0.2)
    try:
        yield base, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read().decode("utf-8")


@pytest.mark.slow
def test_several_archives_are_served_side_by_side_each_with_the_whole_ui(two_archives, tmp_path):
    base, log = two_archives
    databases = json.loads(_get(base, "/-/databases.json"))
    assert [(db["name"], db["path"], db["is_mutable"]) for db in databases] == [
        ("2016", "x/2016.db", False), ("2017", "y/2017.db", False)]  # no directory above the two shown
    assert "Serving 2016 (immutable), 2017 (immutable) on" in log.read_text()
    home = " ".join(_get(base, "/").split())
    assert '<a href="/2016">2016</a>' in home and '<a href="/2017">2017</a>' in home
    assert "3 articles from 3 sources" in home and "1 article from 1 source" in home
    assert '<input type="hidden" name="db" value="2017">' in home
    # Search reads the archive its ?db= names (the first without one), and links into that archive.
    assert "No article matches" in _get(base, "/-/search?q=zeppelin")
    found = _get(base, "/-/search?q=zeppelin&db=2017")
    assert "1 matching article" in found and '<input type="hidden" name="db" value="2017">' in found
    (article,) = {part.split('"')[0] for part in found.split('href="/2017/articles/')[1:]}
    page = _get(base, f"/2017/articles/{article}")
    assert "<h1>Zeppelin hangar reopens</h1>" in page and "Friedrichshafen" in page
    exported = json.loads(_get(base, "/-/search.json?" + urllib.parse.urlencode({"q": "zeppelin", "db": "2017"})))
    assert [item["link"] for item in exported] == [f"{base}/2017/articles/{article}"]
    assert "1 matching article" in _get(base, "/-/search?q=harbour+dues")
    assert "Harbour dues rise" in _get(base, "/2016/articles?_search=harbour")
    assert "Zeppelin" not in _get(base, "/2016/articles")
