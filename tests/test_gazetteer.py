"""The gazetteer index: one SQLite file per version in the cache dir, opened read-only by every process."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from loader.extract import gazetteer
from loader.extract.gazetteer import get_gazetteer

ROOT = Path(__file__).resolve().parent.parent
MEASURE = """
import json, resource
def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
from loader.extract.gazetteer import get_gazetteer
before = peak()
found = {name: [p.name for p in get_gazetteer().candidates(name)][:3]
         for name in ("Paris", "Springfield", "Shenyang", "U.S.", "Kiev")}
print(json.dumps({"grew_mb": peak() - before, "found": found}))
"""


def test_the_index_is_a_read_only_sqlite_file_in_the_cache_dir():
    index = get_gazetteer()
    path = gazetteer._cache_path()
    assert path.parent == gazetteer.cache_dir() and path.suffix == ".sqlite" and path.exists()
    with pytest.raises(sqlite3.OperationalError):  # opened read-only: no process can change it
        index.conn.execute("delete from preferred")
    assert [place.name for place in index.candidates("Shenyang")][:1] == ["Shenyang"]
    assert index.get(1816670).name == "Beijing"
    assert index.get(-1) is None
    assert index.preferred["us"] == 6252001  # the hand-kept alias table travels in the index


def test_a_process_opening_the_index_stays_small():
    """The old per-process pickle cost ~250 MB of memory in every worker; the mapped file costs pages only."""
    get_gazetteer()  # built (if needed) by this process, so the child only opens it
    run = subprocess.run([sys.executable, "-c", MEASURE], capture_output=True, text=True, check=True, cwd=ROOT)
    measured = json.loads(run.stdout)
    assert measured["grew_mb"] < 40, measured
    assert measured["found"]["Shenyang"][0] == "Shenyang"
    assert "United States" in measured["found"]["U.S."]
    assert "Kyiv" in measured["found"]["Kiev"]


def test_a_stale_or_broken_index_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_ARCHIVE_CACHE", str(tmp_path))
    good = gazetteer._cache_path()
    good.write_bytes(b"not a database")
    (tmp_path / "gazetteer-0000000000000000.sqlite").write_bytes(b"an older version")
    assert not gazetteer._usable(good)
    small = ({1816670: get_gazetteer().get(1816670)}, {"beijing": (1816670,)}, {"peking": 1816670})
    path = gazetteer._write_index(good, small)
    assert path == good and gazetteer._usable(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [good.name]  # the old version's file is gone
    index = gazetteer.Gazetteer(path)
    assert [place.name for place in index.candidates("Beijing")] == ["Beijing"]
    assert index.candidates("Paris") == []
