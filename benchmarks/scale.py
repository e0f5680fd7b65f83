"""Scale: every figure of issue 13 side by side with its reference, measured in one run → benchmarks/RESULTS.md.

- `load --no-nlp` of Reuters-21578 and of a generated archive (benchmarks/generate.py) vs sqlite-utils
  `insert_all` + `enable_fts(porter, triggers)` of the same records, each in its own process;
- database size per byte of body text, for both files;
- the date fast path vs dateutil, and `news-archive --help`;
- HTTP p50/p95 of 200 realistic requests against the biggest annotated archive in benchmarks/data
  (bench-1000000.db, else bench-100000.db, …), served by `news-archive serve`.

    .venv/bin/python benchmarks/scale.py [--sizes 100000] [--http-only]

The machine is shared: the load average is printed before and after each figure.
"""
import argparse
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks/data"
RESULTS = ROOT / "benchmarks/RESULTS.md"
PARTS = ROOT / "benchmarks/results"  # each section kept here, so --http-only keeps the load figures
CLI = Path(sys.executable).with_name("news-archive")
PY = sys.executable
TOPICS = ["oil", "wheat", "coffee", "interest rates", "dollar", "earnings", "merger", "strike", "inflation",
          "gold", "shipping", "tariffs", "sugar", "bank", "budget deficit", "grain exports", "takeover bid",
          "debt", "currency", "copper"]
PHRASES = ['"central bank"', '"crude oil"', '"trade deficit"', '"money supply"', '"net profit"',
           '"stock exchange"', '"finance minister"', '"per share"', '"common stock"', '"joint venture"']
COMMON = ["said", "the", "year", "mln", "pct", "company", "would", "market", "new", "billion"]


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


# ---------------------------------------------------------------- loads

BASELINE = r"""
import json, sys, time
from pathlib import Path
import sqlite_utils
started = time.monotonic()
db = sqlite_utils.Database(sys.argv[2])
rows = []
for path in sorted(Path(sys.argv[1]).rglob("*.json*")):
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip()] if path.suffix == ".jsonl" \
        else json.loads(text)
    rows += [{"title": r.get("title"), "published_at": r.get("date") or r.get("published_at"),
              "url": r.get("url"), "source": r.get("source"), "body": r.get("body")} for r in records if r.get("body")]
    if len(rows) >= 20000:
        db["articles"].insert_all(rows, batch_size=1000)
        rows = []
db["articles"].insert_all(rows, batch_size=1000)
db["articles"].enable_fts(["title", "body"], tokenize="porter", create_triggers=True)
print(time.monotonic() - started)
"""


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def run_ours(folder: Path, db: Path) -> float:
    _remove(db)
    started = time.monotonic()
    done = subprocess.run([str(CLI), "load", str(folder), "--db", str(db), "--no-nlp", "--quiet"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return time.monotonic() - started


def run_baseline(folder: Path, db: Path) -> float:
    _remove(db)
    started = time.monotonic()
    subprocess.run([PY, "-c", BASELINE, str(folder), str(db)], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def body_bytes(db: Path) -> int:
    return sqlite3.connect(db).execute("select sum(length(cast(body as blob))) from articles").fetchone()[0]


def articles(db: Path) -> int:
    return sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0]


def table_bytes(db: Path) -> dict:
    """Bytes per table and index (dbstat), for the size breakdown."""
    try:
        rows = sqlite3.connect(db).execute("select name, sum(pgsize) from dbstat group by name order by 2 desc")
        return dict(rows.fetchall())
    except sqlite3.OperationalError:
        return {}


def compare_loads(name: str, folder: Path, tmp: Path) -> list[str]:
    ours_db, base_db = tmp / f"ours-{name}.db", tmp / f"base-{name}.db"
    before = load_average()
    ours = run_ours(folder, ours_db)
    base = run_baseline(folder, base_db)
    after = load_average()
    sqlite3.connect(ours_db).execute("pragma wal_checkpoint(truncate)")
    body = body_bytes(ours_db)
    ours_size, base_size = ours_db.stat().st_size, base_db.stat().st_size
    top = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in list(table_bytes(ours_db).items())[:5])
    return [f"| {name} ({articles(ours_db):,} articles) | {ours:.1f} s | {base:.1f} s | **{ours / base:.2f}×** "
            f"| {ours_size / body:.2f}× ({ours_size / 1e6:.0f} MB) | {base_size / body:.2f}× "
            f"| {before} → {after} |", f"- {name}, largest parts of ours: {top}"]


# ---------------------------------------------------------------- micro

def micro() -> list[str]:
    code = r"""
import random, time, warnings
from loader.normalize import dates
texts = ["2019-03-04T12:34:00Z", "2019-03-04T12:34:00+08:00", "Mon, 04 Mar 2019 12:34:00 -0500",
         "26-FEB-1987 15:01:01.79", "2019-03-04"] * 2000
t = time.perf_counter(); fast = [dates.parse_date(x) for x in texts]; fast_s = time.perf_counter() - t
dates.parse_common_date = lambda text, zone=None: None
t = time.perf_counter(); slow = [dates.parse_date(x) for x in texts]; slow_s = time.perf_counter() - t
assert fast == slow
print(f"{fast_s / len(texts) * 1e6:.1f} {slow_s / len(texts) * 1e6:.1f}")
"""
    fast, slow = subprocess.run([PY, "-c", code], check=True, stdout=subprocess.PIPE, text=True,
                                cwd=ROOT).stdout.split()
    helps = []
    for _ in range(3):
        started = time.monotonic()
        subprocess.run([str(CLI), "--help"], check=True, stdout=subprocess.DEVNULL)
        helps.append(time.monotonic() - started)
    return [f"| date parsing, 10,000 ISO/RFC/wire dates | {fast} µs each | dateutil path: {slow} µs each "
            f"| {float(slow) / float(fast):.0f}× faster, same output | {load_average()} |",
            f"| `news-archive --help` (median of 3) | {statistics.median(helps):.2f} s | | | {load_average()} |"]


# ---------------------------------------------------------------- HTTP

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def requests_for(db: Path, count: int = 200) -> list[tuple[str, str]]:
    """(kind, path): searches for names, places, topics, phrases and very common words, the articles
    table's default page, entity pages and article pages; drawn from the archive itself, seeded."""
    conn = sqlite3.connect(db)
    rng = random.Random(13)
    names = [r[0] for r in conn.execute("select name from entities where type in ('PERSON', 'ORG') "
                                        "order by article_count desc limit 200")]
    places = [r[0] for r in conn.execute("select name from places order by article_count desc limit 100")]
    entity_ids = [r[0] for r in conn.execute("select id from entities order by article_count desc limit 300")]
    last = conn.execute("select max(rowid) from articles").fetchone()[0]
    article_ids = [conn.execute("select id from articles where rowid >= ? limit 1",
                                [rng.randint(1, last)]).fetchone()[0] for _ in range(30)]
    name = Path(db).stem

    def search(q):
        return f"/{name}/search?" + urllib.parse.urlencode({"q": q})
    def page(q):
        return "/-/search?" + urllib.parse.urlencode({"q": q})
    plan = ([("search (canned query): name", search(rng.choice(names))) for _ in range(30)]
            + [("search (canned query): place", search(rng.choice(places))) for _ in range(25)]
            + [("search (canned query): topic", search(rng.choice(TOPICS))) for _ in range(25)]
            + [("search (canned query): phrase", search(rng.choice(PHRASES))) for _ in range(20)]
            + [("search (canned query): very common word", search(rng.choice(COMMON))) for _ in range(20)]
            + [("search page /-/search (counts, facets)", page(rng.choice(names + places + TOPICS + COMMON)))
               for _ in range(20)]
            + [("articles table, default page", f"/{name}/articles") for _ in range(20)]
            + [("entity page", f"/{name}/entities/{rng.choice(entity_ids)}") for _ in range(20)]
            + [("article page", f"/{name}/articles/{rng.choice(article_ids)}") for _ in range(20)])
    rng.shuffle(plan)
    return plan[:count]


def http_figures(db: Path) -> list[str]:
    port = free_port()
    server = subprocess.Popen([str(CLI), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
                break
            except OSError:
                if time.monotonic() - started > 300 or server.poll() is not None:
                    raise SystemExit("server did not start: " + (server.stderr.read().decode()[-2000:]))
                time.sleep(0.5)
        startup = time.monotonic() - started
        timings, failures = {}, []
        before = load_average()
        for kind, path in requests_for(db):
            begun = time.monotonic()
            try:
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    page = response.read().decode("utf-8", "replace")
                    if "timed out" in page.lower() or "time limit" in page.lower():
                        failures.append(f"{kind}: timeout notice on {path}")
            except Exception as error:  # noqa: BLE001 - a failed request is a finding, listed
                failures.append(f"{kind}: {error} on {path}")
            timings.setdefault(kind, []).append((time.monotonic() - begun) * 1000)
        after = load_average()
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = [f"Served by `news-archive serve --db {db.name}` (ready after {startup:.1f} s); load average "
             f"{before} → {after}.", "", "| request | n | p50 | p95 | max |", "|---|---:|---:|---:|---:|"]
    for kind, values in sorted(timings.items()):
        values.sort()
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        lines.append(f"| {kind} | {len(values)} | {statistics.median(values):.0f} ms | {p95:.0f} ms "
                     f"| {values[-1]:.0f} ms |")
    everything = sorted(v for values in timings.values() for v in values)
    lines.append(f"| **all** | {len(everything)} | {statistics.median(everything):.0f} ms | "
                 f"{everything[int(round(0.95 * (len(everything) - 1)))]:.0f} ms | {everything[-1]:.0f} ms |")
    seen = Counter(failures)
    lines += [""] + ([f"- {failure} ({count}×)" for failure, count in seen.most_common(20)]
                     or ["No request failed or showed a timeout."])
    return lines


def biggest_archive() -> Path | None:
    found = sorted((p for p in DATA.glob("bench-*.db") if p.stem.split("-")[1].isdigit()),
                   key=lambda p: int(p.stem.split("-")[1]))
    return found[-1] if found else None


# ---------------------------------------------------------------- report

def machine() -> list[str]:
    code = ("import sqlite3, importlib.metadata as m; "
            "print(sqlite3.sqlite_version, m.version('datasette'), m.version('sqlite-utils'))")
    versions = subprocess.run([PY, "-c", code], stdout=subprocess.PIPE, text=True).stdout.split()
    return [f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other agents, Python "
            f"{platform.python_version()}, SQLite {versions[0]}, Datasette {versions[1]}, sqlite-utils {versions[2]}."]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000", help="generated archive sizes to load, comma-separated")
    parser.add_argument("--http-only", action="store_true", help="only the HTTP figures (keeps the load figures)")
    parser.add_argument("--archive", type=Path, help="archive for the HTTP figures (default: the biggest bench-N.db)")
    args = parser.parse_args()
    PARTS.mkdir(parents=True, exist_ok=True)
    if not args.http_only:
        (PARTS / "scale-load.md").write_text("\n".join(load_section(args.sizes)) + "\n", encoding="utf-8")
    archive = args.archive or biggest_archive()
    if archive and archive.exists():
        (PARTS / "scale-http.md").write_text("\n".join(http_section(archive)) + "\n", encoding="utf-8")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = ["# Scale benchmarks (issue 13)", "", *machine(),
              f"Written {started}. Load averages (1/5/15 min) are given beside each figure: this 2-core machine "
              "is shared with other agents, so ratios measured side by side matter more than absolute times.", ""]
    parts = [(PARTS / name).read_text(encoding="utf-8") for name in ("scale-load.md", "scale-http.md", "scale-notes.md", "nlp-load.md")
             if (PARTS / name).exists()]
    text = "\n".join(header) + "\n" + "\n".join(parts)
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


def load_section(sizes: str) -> list[str]:
    report = ["## Load without NLP vs sqlite-utils", "",
              f"Command: `.venv/bin/python benchmarks/scale.py --sizes {sizes}`. Ours: `news-archive load "
              "DIR --no-nlp --quiet` (read, normalize, ids, near-duplicates, versions, FTS). Reference: "
              "`insert_all` of the same records' title, date, url, source and body, then "
              "`enable_fts(['title', 'body'], tokenize='porter', create_triggers=True)`, in its own process.",
              "", "| input | ours | sqlite-utils | ratio | ours: file / body text | sqlite-utils: file / body "
              "| load avg before → after |", "|---|---:|---:|---:|---:|---:|---|"]
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        row, note = compare_loads("Reuters-21578", DATA / "reuters-21578", Path(tmp))
        report, notes = report + [row], notes + [note]
        for size in [int(s) for s in sizes.split(",") if s]:
            folder = DATA / f"generated-{size}"
            if not folder.exists():
                subprocess.run([PY, str(ROOT / "benchmarks/generate.py"), str(size)], check=True)
            row, note = compare_loads(f"generated {size:,}", folder, Path(tmp))
            report, notes = report + [row], notes + [note]
    return report + [""] + notes + ["", "## Small things", "", "| measure | ours | reference | ratio | load avg |",
                     "|---|---:|---:|---:|---|", *micro(), ""]


def http_section(archive: Path) -> list[str]:
    return [f"## HTTP: 200 requests against {archive.name} ({articles(archive):,} articles, "
            f"{archive.stat().st_size / 1e9:.1f} GB, annotated)", "",
            f"Command: `.venv/bin/python benchmarks/scale.py --http-only --archive {archive}`.",
            "", *http_figures(archive), "", *search_sql_figures(archive), ""]


RANK_ALL = """select articles.id, snippet(articles_fts, -1, char(57344), char(57345), '…', 32),
  bm25(articles_fts, 10.0, 4.0, 1.0) as rank from articles_fts join articles on articles.rowid = articles_fts.rowid
  where articles_fts match fts_query(:q) order by rank limit 100"""


def search_sql_figures(archive: Path) -> list[str]:
    """The canned search query (ranking at most the 2,000 latest matches) against ranking every match."""
    from loader.serve import read_metadata
    from loader.serve.plugin import fts_query

    canned = read_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    lines = ["Search SQL alone (in-process, best of 3), the canned query against ranking every match:", "",
             "| query | matches | rank every match | canned query (≤ 2,000 latest ranked) |", "|---|---:|---:|---:|"]
    for q in ["said", "the", "oil", "coffee", '"central bank"', "Volcker"]:
        count = conn.execute("select count(*) from articles_fts where articles_fts match fts_query(?)",
                             [q]).fetchone()[0]
        times = []
        for sql in (RANK_ALL, canned):
            best = []
            for _ in range(3):
                begun = time.perf_counter()
                conn.execute(sql, {"q": q}).fetchall()
                best.append((time.perf_counter() - begun) * 1000)
            times.append(min(best))
        lines.append(f"| {q} | {count:,} | {times[0]:.0f} ms | {times[1]:.0f} ms |")
    return lines + ["", f"Load average after: {load_average()}."]


if __name__ == "__main__":
    sys.exit(main())
