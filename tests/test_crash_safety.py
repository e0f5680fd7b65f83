"""Crash safety: `news-archive load` killed with SIGKILL at random instants, then run again, leaves
exactly what one clean load leaves: no partial file, no partial article, no duplicate, FTS in sync."""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from loader import store

from .processes import alive, descendants

NEWS_ARCHIVE = shutil.which("news-archive", path=os.path.dirname(sys.executable))
KILLS = 5
FEEDS, PER_FEED = 24, 10
ARTICLE_COLUMNS = [column for column in store.TABLES["articles"][0] if column != "loaded_at"]


def write_inputs(directory):
    """Feeds with updates, duplicates across files and bad records, so every path of save is taken."""
    directory.mkdir()
    for feed in range(FEEDS):
        lines = []
        for number in range(PER_FEED):
            story = (feed * PER_FEED + number) % (FEEDS * PER_FEED // 2)  # each story arrives twice
            lines.append(json.dumps({
                "url": f"https://example.com/{story}",
                "title": f"Harbour story {story}",
                "text": f"Ships of fleet {story} docked in feed {feed // 3}. " * 20,  # later feeds update stories
                "date": f"2020-01-{number + 1:02d}"}))
        lines.insert(PER_FEED // 2, '{"title": "broken record"')
        (directory / f"feed{feed:02d}.jsonl").write_text("\n".join(lines) + "\n")
    (directory / "notes.txt").write_text("Harbour notes\n\nThe harbour master filed a short note today.")
    (directory / "empty.txt").write_text("")


def run_load(inputs, db_path, kill=None):
    """Run the real CLI to the end, or SIGKILL it at `kill` = (files, seconds): that many seconds
    after it has reported that many files (each feed has one bad record, warned once the file is
    stored), or `seconds` after starting when files is 0. Returns whether it was killed mid-run."""
    process = subprocess.Popen([NEWS_ARCHIVE, "load", str(inputs), "--db", str(db_path), "--no-nlp", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill is None:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
        return False
    files, seconds = kill
    warned = 0
    while warned < files and process.stderr.readline().startswith(b"warning:"):
        warned += 1
    time.sleep(seconds)
    killed = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.communicate()
    return killed


def state(db_path) -> dict:
    """What a load is meant to leave, without the times and load ids that differ between runs."""
    conn = sqlite3.connect(db_path)
    query = lambda sql: sorted(conn.execute(sql).fetchall())  # noqa: E731
    found = {
        "articles": query(f"select {', '.join(f'[{c}]' for c in ARTICLE_COLUMNS)} from articles"),
        "origins": query("select article_id, origin_path, position, url from article_origins"),
        "errors": sorted(set(query("select origin_path, position, reason, raw from load_errors"))),
        "sources": query("select * from sources"),
    }
    conn.close()
    return found


def assert_consistent(db_path, clean: dict):
    """Whatever instant the kill hit: a sound file, FTS in sync, and each input file all or nothing."""
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    if conn.execute("select 1 from sqlite_master where name = 'articles_fts'").fetchone():
        conn.execute("insert into articles_fts(articles_fts) values('integrity-check')")
        assert conn.execute("select count(*) from articles where id not in "
                            "(select article_id from article_origins)").fetchone()[0] == 0
        assert conn.execute("select count(*) from article_origins where article_id not in "
                            "(select id from articles)").fetchone()[0] == 0
    conn.close()
    if os.path.exists(db_path) and _has_tables(db_path):
        partial = state(db_path)
        for origin in {row[1] for row in partial["origins"]} | {row[0] for row in partial["errors"]}:
            assert _positions(partial, origin) == _positions(clean, origin), origin


def _files_stored(db_path) -> int:
    if not _has_tables(db_path):
        return 0
    found = state(db_path)
    return len({row[1] for row in found["origins"]} | {row[0] for row in found["errors"]})


def _has_tables(db_path) -> bool:
    conn = sqlite3.connect(db_path)
    try:
        return bool(conn.execute("select 1 from sqlite_master where name = 'article_origins'").fetchone())
    finally:
        conn.close()


def _positions(found: dict, origin: str) -> set:
    return {row[2] for row in found["origins"] if row[1] == origin} | \
           {row[1] for row in found["errors"] if row[0] == origin}


@pytest.mark.slow
def test_sigkill_at_random_instants_then_rerun_equals_a_clean_load(tmp_path):
    inputs = tmp_path / "in"
    write_inputs(inputs)
    started = time.monotonic()
    run_load(inputs, tmp_path / "clean.db")
    clean_seconds = time.monotonic() - started
    clean = state(tmp_path / "clean.db")
    assert len(clean["articles"]) == FEEDS * PER_FEED // 2 + 1 and len(clean["errors"]) == FEEDS + 1

    seed = random.randrange(1 << 30)
    chooser = random.Random(seed)
    crashed = tmp_path / "crashed.db"
    per_file = clean_seconds / (FEEDS + 2)
    kills = [(0, round(chooser.uniform(0, 1.0), 3))]  # the first while starting up or creating the schema
    kills += [(chooser.randrange(1, FEEDS), round(chooser.uniform(0, per_file), 3)) for _ in range(KILLS - 1)]
    killed_mid_load, files_done = 0, []
    for kill in kills:
        killed_mid_load += run_load(inputs, crashed, kill)
        assert_consistent(crashed, clean)
        files_done.append(_files_stored(crashed))
    run_load(inputs, crashed)
    assert_consistent(crashed, clean)
    assert state(crashed) == clean, f"random seed {seed}"
    assert killed_mid_load >= KILLS - 1, f"most kills must land while loading (seed {seed})"
    print(f"\nkills survived: {killed_mid_load} of {KILLS} at (files, seconds) {kills}; input files stored "
          f"after each: {files_done} (seed {seed}, clean load {clean_seconds:.1f}s)")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_load_stopped_during_nlp_leaves_no_worker(tmp_path, how):
    """SIGTERM stops like Ctrl-C (no traceback); SIGKILL runs no cleanup, yet the workers still end."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"title": f"Harbour {n}", "text": f"Ships of fleet {n} docked in Hong Kong "
                                        "on Monday, the harbour master John Lee said. " * 40}) + "\n"
                            for n in range(400)))
    process = subprocess.Popen([NEWS_ARCHIVE, "load", str(feed), "--db", str(tmp_path / "a.db"), "--workers", "2",
                                "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while len(descendants(process.pid)) < 3:  # forkserver + 2 workers
        assert process.poll() is None and time.monotonic() < deadline, process.stderr.read().decode()
        time.sleep(0.5)
    children = descendants(process.pid)
    process.send_signal(how)
    _, stderr = process.communicate(timeout=120)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in children if alive(pid)], "workers left running"
    if how == signal.SIGTERM:
        assert "Traceback" not in stderr.decode() and "Aborted!" in stderr.decode(), stderr.decode()
        assert process.returncode == 1


@pytest.mark.slow
def test_a_worker_killed_during_nlp_costs_nothing(tmp_path):
    """The OOM killer's way: one worker SIGKILLed; the pool is restarted, the chunk retried, every article stored."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"title": f"Harbour {n}", "text": f"Ships of fleet {n} docked in Hong Kong "
                                        "on Monday, the harbour master John Lee said. " * 12}) + "\n"
                            for n in range(200)))
    db_path = tmp_path / "a.db"
    process = subprocess.Popen([NEWS_ARCHIVE, "load", str(feed), "--db", str(db_path), "--workers", "2", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while len(children := descendants(process.pid)) < 3:
        assert process.poll() is None and time.monotonic() < deadline, process.stderr.read().decode()
        time.sleep(0.2)
    os.kill(max(children), signal.SIGKILL)  # the last forked: a worker, not the forkserver
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0 and "Traceback" not in stderr.decode(), stderr.decode()
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 200
    assert conn.execute("select count(distinct article_id) from mentions").fetchone()[0] == 200  # all extracted
    assert conn.execute("select count(*) from load_errors").fetchone()[0] == 0
