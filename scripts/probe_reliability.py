"""The wider reliability probe of issue 14, rerun: exports against stored rows, hostile requests against a
real `news-archive serve`, and loads killed during NLP (SIGKILL, SIGTERM, one worker SIGKILLed).

    .venv/bin/python scripts/probe_reliability.py [WORKDIR]

Prints what it tried and what held; exits non-zero if anything was lost or left running.
"""
import csv
import http.client
import io
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.processes import alive, descendants  # noqa: E402

BIN = Path(sys.executable).parent
NEWS_ARCHIVE = str(BIN / "news-archive")
FAILURES = []


def check(ok: bool, what: str) -> None:
    if not ok:
        FAILURES.append(what)
        print("FAILED:", what, flush=True)


def write_feed(path: Path, count: int, dated: bool, seed: int) -> None:
    rng = random.Random(seed)
    days = [f"2017-10-{day:02d}" for day in range(1, 8)]  # a week: ties everywhere
    with path.open("w") as out:
        for number in range(count):
            article = {"title": f"Harbour report {seed}-{number}",
                       "text": f"Ships of fleet {seed}-{number} docked on day {rng.randint(1, 99)}."}
            if dated:
                article["date"] = rng.choice(days)
            out.write(json.dumps(article) + "\n")


def load(db: Path, *paths, nlp=False) -> None:
    """Loaded from the archive's folder by relative names, so pages show no directory (README, Safety)."""
    subprocess.run([NEWS_ARCHIVE, "load", *(os.path.relpath(path, db.parent) for path in paths), "--db", db.name,
                    "--quiet", *([] if nlp else ["--no-nlp"])], check=True, stderr=subprocess.DEVNULL, cwd=db.parent)


class Server:
    def __init__(self, db: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen([NEWS_ARCHIVE, "serve", "--db", str(db), "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.statuses = Counter()
        deadline = time.monotonic() + 120
        while True:
            try:
                self.get("/-/versions.json")
                break
            except OSError:
                assert self.process.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)

    def get(self, path: str, host: str | None = None, method: str = "GET") -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, headers={"Host": host or f"127.0.0.1:{self.port}"})
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        self.statuses[response.status] += 1
        return response.status, body

    def peak_mb(self) -> int:
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
        return 0

    def stop(self) -> str:
        self.process.terminate()
        _, stderr = self.process.communicate(timeout=30)
        return stderr.decode(errors="replace")


def stored_ids(db: Path) -> list[str]:
    return [row[0] for row in sqlite3.connect(db).execute("select id from articles")]


def walk_json(server: Server, query: str) -> list[str]:
    ids, path = [], f"/archive/articles.json?_shape=objects&_col=id&{query}"
    while path:
        status, body = server.get(path)
        check(status == 200, f"{path} answered {status}")
        page = json.loads(body)
        ids += [row["id"] for row in page["rows"]]
        nxt = page.get("next_url")
        path = f"{urlsplit(nxt).path}?{urlsplit(nxt).query}" if nxt else None
    return ids


def stream_csv(server: Server, query: str) -> list[str]:
    status, body = server.get(f"/archive/articles.csv?_stream=on&_col=id&{query}")
    check(status == 200, f"csv {query} answered {status}")
    return [row["id"] for row in csv.DictReader(io.StringIO(body.decode()))]


def probe_exports(work: Path, walk: bool = True) -> None:
    for name, count, dated in (("undated", 3_000, False), ("wide", 20_001, False), ("dated", 11_410, True)):
        db = work / name / "archive.db"
        db.parent.mkdir()
        write_feed(db.parent / "feed.jsonl", count, dated, seed=count)
        load(db, db.parent / "feed.jsonl")
        if not walk:
            return  # the requests probe needs only the first archive
        stored = sorted(stored_ids(db))
        server = Server(db)
        try:
            for query in ("", "_sort=published_at", "_sort_desc=title", "_sort=word_count"):
                streamed, walked = stream_csv(server, query), walk_json(server, f"_size=1000&{query}")
                for how, got in (("csv stream", streamed), ("json next walk", walked)):
                    print(f"exports: {name:8} {how:14} {query or 'default sort':22} {len(got):6} rows, "
                          f"{len(set(got)):6} distinct, of {len(stored)} stored", flush=True)
                    check(sorted(got) == stored, f"{name} {how} {query}: {len(got)} rows of {len(stored)}")
            print(f"exports: {name} requests {sum(server.statuses.values())}, statuses {dict(server.statuses)}")
        finally:
            server.stop()


HOSTILE_REQUESTS = [
    ("GET", "/archive.json?sql=" + quote("with recursive r(n) as (select 1 union all select n + 1 from r where "
                                         "n < 1000) select printf('%.*c', 10000000, 'x') as x from r"), None, 400),
    ("GET", "/archive.json?_shape=array&sql=" + quote("select file from pragma_database_list"), None, 200),
    ("GET", "/archive/articles.json", "evil.example:8001", 400),
    ("GET", "/archive/articles.json", "localhost.evil.example", 400),
    ("POST", "/archive/articles", None, 405),
    ("POST", "/archive", None, 405),
    ("PUT", "/", None, 405),
    ("GET", "/archive/articles?_sort=nope", None, 400),
    ("GET", "/archive/articles.json?_sort_desc=nope", None, 400),
    ("GET", "/archive/articles?_sort=title&_sort_desc=title", None, 400),
    ("GET", "/archive/articles?_search=%20", None, 200),
    ("GET", "/archive/articles?_search=%22", None, 200),
    ("GET", "/archive/articles?_search=harbour%22", None, 200),
    ("GET", "/archive/articles?_search_title=%22%22", None, 200),
    ("GET", "/archive/articles?_search=x&_searchmode=raw&_search=NEAR(", None, 200),
    ("GET", "/-/threads", None, 404),
]


def probe_requests(work: Path) -> None:
    db = work / "undated" / "archive.db"
    server = Server(db)
    served = 0
    try:
        for _ in range(10):
            for method, path, host, expected in HOSTILE_REQUESTS:
                status, body = server.get(path, host=host, method=method)
                served += 1
                check(status == expected, f"{method} {path[:80]} (Host {host}) answered {status}, not {expected}")
                check(str(work) not in body.decode(errors="replace"), f"{path[:60]} shows the archive's path")
        peak = server.peak_mb()
    finally:
        log = server.stop()
    check("Traceback" not in log, "the server printed a traceback")
    check(peak < 1000, f"server peaked at {peak} MB")
    print(f"requests: {served} hostile requests ({len(HOSTILE_REQUESTS)} kinds × 10) answered as expected: "
          f"{served - sum(1 for f in FAILURES if 'answered' in f)}; server peak {peak} MB; tracebacks in its log: "
          f"{log.count('Traceback')}", flush=True)


def probe_kills(work: Path, rounds: int) -> None:
    feed = work / "nlp.jsonl"
    with feed.open("w") as out:
        for number in range(240):
            out.write(json.dumps({"title": f"Port {number}", "text": f"Ships of fleet {number} docked in Hong Kong "
                                  "on Monday, the harbour master John Lee said. " * 10}) + "\n")
    rng = random.Random(14)
    survived = 0
    for round_ in range(rounds):
        how = ("SIGKILL", "SIGTERM", "worker")[round_ % 3]
        db = work / f"kill{round_}.db"
        process = subprocess.Popen([NEWS_ARCHIVE, "load", str(feed), "--db", str(db), "--workers", "2", "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 300
        while len(descendants(process.pid)) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(rng.uniform(0, 3))
        children = descendants(process.pid)
        if how == "worker":
            os.kill(max(children), signal.SIGKILL)
        else:
            process.send_signal(signal.SIGKILL if how == "SIGKILL" else signal.SIGTERM)
        _, stderr = process.communicate(timeout=900)
        end = time.monotonic() + 30
        while any(alive(pid) for pid in children) and time.monotonic() < end:
            time.sleep(0.2)
        left = [pid for pid in children if alive(pid)]
        traceback = "Traceback" in stderr.decode(errors="replace")
        ok = not left and not traceback and (how != "worker" or process.returncode == 0)
        if how != "worker":  # run it again: the archive must then hold every article, extracted
            load(db, feed, nlp=True)
        conn = sqlite3.connect(db)
        count = conn.execute("select count(*) from articles").fetchone()[0]
        extracted = conn.execute("select count(distinct article_id) from mentions").fetchone()[0]
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
        ok = ok and count == extracted == 240 and integrity == "ok"
        survived += ok
        check(ok, f"kill round {round_} ({how}): left {left}, traceback {traceback}, exit {process.returncode}, "
                  f"{count} articles, {extracted} extracted, {integrity}")
        print(f"kills: round {round_} {how:7} exit {process.returncode}, processes left {len(left)}, "
              f"articles {count}/240 extracted {extracted}/240 after {'the rerun' if how != 'worker' else 'the load'}",
              flush=True)
    print(f"kills: {survived} of {rounds} survived", flush=True)


def main() -> int:
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="probe-"))
    started = time.monotonic()
    parts = os.environ.get("PROBE_PARTS", "exports,requests,kills").split(",")
    if "exports" in parts or "requests" in parts:
        probe_exports(work, "exports" in parts)
    if "requests" in parts:
        probe_requests(work)
    if "kills" in parts:
        probe_kills(work, int(os.environ.get("PROBE_KILLS", "6")))
    print(f"probe finished in {time.monotonic() - started:.0f} s, load average {os.getloadavg()[0]:.1f}; "
          f"failures: {len(FAILURES)}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
