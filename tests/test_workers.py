"""Extraction workers: a worker lost mid-chunk (the OOM killer's SIGKILL) is replaced and its chunk retried,
then recorded per item; a loader killed or stopped takes its forkserver and workers with it."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from loader.extract.workers import ChunkRunner

from .processes import alive

def echo(items: list) -> list:
    """Stands in for extract_chunk: one result per item; an item may ask to kill its worker."""
    for item in items:
        time.sleep(item.get("sleep", 0))
        if item.get("die_always") or (item.get("die_once") and _first_time(item["die_once"])):
            os.kill(os.getpid(), signal.SIGKILL)
    return [{"id": item["id"], "pid": os.getpid()} for item in items]


def _first_time(mark: str) -> bool:
    try:
        Path(mark).touch(exist_ok=False)
        return True
    except FileExistsError:
        return False


def lost(item, reason):
    return {"id": item["id"], "error": reason}


def run_chunks(chunks: list[list[dict]], workers: int = 2) -> list[list]:
    owners = drive(ChunkRunner(echo, workers, failed=lost), chunks)
    return [[results[0] for results in owner] for owner in owners]


def drive(runner: ChunkRunner, chunks: list[list[dict]]) -> list[list[list]]:
    """Submit and collect as extract_groups does; for each chunk, each item's list of results."""
    owners = [[[] for _ in chunk] for chunk in chunks]
    try:
        for chunk, owner in zip(chunks, owners):
            runner.submit(chunk, owner)
            runner.collect(until=runner.has_room)
        runner.collect(until=lambda: False)
    finally:
        runner.close()
    return owners


def test_a_killed_worker_is_replaced_and_its_chunk_retried(tmp_path):
    chunks = [[{"id": f"{c}-{i}"} for i in range(3)] for c in range(6)]
    chunks[2][1]["die_once"] = str(tmp_path / "died")
    results = run_chunks(chunks)
    assert [[found["id"] for found in chunk] for chunk in results] == [[i["id"] for i in c] for c in chunks]
    assert not any("error" in found for chunk in results for found in chunk)
    assert (tmp_path / "died").exists()


def test_a_chunk_that_kills_its_worker_twice_is_recorded_per_item():
    chunks = [[{"id": f"{c}-{i}"} for i in range(3)] for c in range(6)]
    chunks[3][0]["die_always"] = True
    results = run_chunks(chunks)
    for number, chunk in enumerate(results):
        if number == 3:
            assert chunk == [{"id": f"3-{i}", "error": "the worker process died twice on this chunk "
                                                           "(out of memory?)"} for i in range(3)]
        else:
            assert [found["id"] for found in chunk] == [f"{number}-{i}" for i in range(3)]
            assert not any("error" in found for found in chunk)


HOLDER = textwrap.dedent("""
    import multiprocessing.forkserver, os, sys, time
    from loader.extract.workers import ChunkRunner
    from tests.test_workers import echo
    runner = ChunkRunner(echo, 2)
    owners = [[[]], [[]], [[]]]
    for owner in owners:
        runner.submit([{"id": 1}], owner)
    runner.collect(until=lambda: False)
    pids = {owner[0][0]["pid"] for owner in owners}
    for _ in range(4):
        runner.submit([{"id": 2, "sleep": 120}], [[]])
    print(multiprocessing.forkserver._forkserver._forkserver_pid, *pids, flush=True)
    runner.collect(until=lambda: False)
""")


def _wait_gone(pids, seconds=15) -> set:
    deadline = time.monotonic() + seconds
    while (running := {pid for pid in pids if alive(pid)}) and time.monotonic() < deadline:
        time.sleep(0.2)
    return running


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_and_forkserver_end_with_their_loader(how):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=Path(__file__).resolve().parents[1])
    try:
        line = holder.stdout.readline()
        assert line, holder.stderr.read()
        pids = {int(pid) for pid in line.split()}
        assert len(pids) >= 2 and all(alive(pid) for pid in pids)
        holder.send_signal(how)
        holder.wait(timeout=30)
        assert _wait_gone(pids) == set(), "left running after the loader ended"
    finally:
        if holder.poll() is None:
            holder.kill()


def echo_logged(items: list) -> list:
    """echo, writing down each item it is given (to see that none is done twice)."""
    with open(items[0]["log"], "a", encoding="utf-8") as log:
        log.write("".join(f"{item['id']}\n" for item in items))
    return echo(items)


def test_the_pool_is_renewed_after_its_share_of_text_and_no_item_is_lost_or_repeated(tmp_path):
    log = str(tmp_path / "done")
    chunks = [[{"id": f"{c}-{i}", "text": "x" * 100, "log": log, "sleep": 0.01} for i in range(3)] for c in range(12)]
    runner = ChunkRunner(echo_logged, 2, failed=lost, renew_chars=500)  # a new pool every 1,000 characters
    owners = drive(runner, chunks)
    assert [[found["id"] for found in results] for owner in owners for results in owner] == \
        [[item["id"]] for chunk in chunks for item in chunk]
    assert sorted(Path(log).read_text().split()) == sorted(item["id"] for chunk in chunks for item in chunk)
    assert runner.renewals == 2  # 4 chunks of 300 characters to each pool
    pids = {results[0]["pid"] for owner in owners for results in owner}
    assert len(pids) > 2 and not any(alive(pid) for pid in pids)


def extract_where(items: list) -> list:
    """extract_chunk, saying which process ran it."""
    from loader.extract import extract_chunk

    return [{**found, "pid": os.getpid()} for found in extract_chunk(items)]


@pytest.mark.slow
def test_spacy_workers_are_replaced_after_the_bound_and_extract_every_article_once():
    from loader.extract import extract_items, nlp

    paragraphs = [line for path in sorted(Path("corpus").glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 80]
    items = [{"id": f"p{number}", "text": text} for number, text in enumerate(paragraphs)]
    chunks = [items[start:start + 4] for start in range(0, len(items), 4)]
    runner = ChunkRunner(extract_where, 2, initializer=nlp.get_nlp, renew_chars=1_500)
    owners = drive(runner, chunks)
    found = [results for owner in owners for results in owner]
    assert all(len(results) == 1 for results in found)  # each article extracted exactly once
    pids = {results[0].pop("pid") for results in found}
    # new worker processes took over: every pool ran at least one chunk, though one of a pool's two workers
    # may have taken all of its chunks
    assert runner.renewals >= 2 and len(pids) >= runner.renewals + 1
    assert not any(alive(pid) for pid in pids)
    assert [results[0] for results in found] == extract_items(items)  # the same output as in one process
