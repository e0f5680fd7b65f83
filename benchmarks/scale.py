"""Scale: every figure of issue 13 side by side with its reference, measured in one run → benchmarks/RESULTS.md.

- `load --no-nlp` of Reuters-21578 and of a generated archive (benchmarks/generate.py) vs sqlite-utils
  `insert_all` + `enable_fts(porter, triggers)` of the same records, each in its own process;
- database size per byte of body text, for both files;
- the date fast path vs dateutil, and `news-archive --help`;
- HTTP p50/p95 of 200 realistic requests against the biggest annotated archive in benchmarks/data
  (bench-1000000.db, else bench-100000.db, …), served by `news-archive serve`.

    .venv/bin/python benchmarks/scale.py [--sizes 20000] [--million] [--http-only]

The machine is shared: the load average is printed before and after each figure.
"""
import argparse
import os
import platform
import random
import resource
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


class Timed:
    """Wall time and CPU time (user + system of the child process) of one command: on a machine shared
    with other agents the CPU ratio says more than the wall ratio, so both are reported."""

    def __init__(self, command: list[str], watch: Path | None = None):
        self.command, self.watch, self.samples = command, watch, []

    def run(self) -> "Timed":
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        with tempfile.TemporaryFile("w+") as errors:  # a file, not a pipe: thousands of warnings never block it
            child = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=errors, text=True)
            while child.poll() is None:  # the archive's article count once a second (WAL: readers take no lock)
                time.sleep(1)
                self.samples.append((time.monotonic() - started, _stored(self.watch)))
            if child.returncode:
                errors.seek(0)
                raise SystemExit(errors.read()[-2000:])
        self.samples.append((time.monotonic() - started, _stored(self.watch)))  # the end, finishers included
        self.wall = time.monotonic() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return self

    def rate(self, low: int, high: int) -> float | None:
        """Articles stored per second while the archive grew from `low` to `high` articles (sampled)."""
        inside = [(t, n) for t, n in self.samples if n is not None]
        first = next(((t, n) for t, n in inside if n >= low), None)
        last = next(((t, n) for t, n in inside if n >= high), None)
        if not first or not last or last[0] <= first[0]:
            return None
        return (last[1] - first[1]) / (last[0] - first[0])


def _stored(db: Path | None) -> int | None:
    if db is None or not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("select coalesce(max(rowid), 0) from articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def run_ours(folder: Path, db: Path) -> Timed:
    _remove(db)
    return Timed([str(CLI), "load", str(folder), "--db", str(db), "--no-nlp", "--quiet"], watch=db).run()


def run_baseline(folder: Path, db: Path) -> Timed:
    _remove(db)
    return Timed([PY, "-c", BASELINE, str(folder), str(db)]).run()


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


# What extraction (NLP) writes; the rest of the file is what a load without NLP writes. An archive's size
# is reported with and without these.
NLP_TABLES = ("entities", "mentions", "quotes", "quote_groups", "places", "locations", "stories", "story_keys",
              "story_terms", "article_credits", "facet_counts")


def nlp_bytes(db: Path) -> int:
    """Bytes of the NLP tables, their indexes and the quotes' FTS index."""
    names = {row[0] for row in sqlite3.connect(db).execute(
        f"select name from sqlite_master where tbl_name in ({','.join('?' * len(NLP_TABLES))}) "
        f"or name like 'quotes_fts%'", NLP_TABLES)}
    return sum(size for name, size in table_bytes(db).items() if name in names)


def band_filter_recall(db: Path, bodies: int = 3000, edits: int = 6) -> list[str]:
    """How often a pair of bodies shares the MIN_SHARED_BANDS bands that make it a near-duplicate
    candidate, by the pair's exact Jaccard similarity: pairs made from the archive's bodies (60 words or
    more) by replacing random words with new ones, seeded. Above SIMILARITY this is the recall of
    near-duplicate detection (a candidate is then compared exactly); below it, the share of pairs read
    and compared for nothing."""
    from loader.store import duplicates

    rng = random.Random(13)
    found: dict = {}
    for (body,) in sqlite3.connect(db).execute("select body from articles where word_count >= 60 order by rowid "
                                               "limit ?", [bodies]):
        words, parts = body.split(), duplicates.shingle_hashes(body)
        keys = set(duplicates.band_keys(parts))
        for _ in range(edits):
            changed = list(words)
            for index in rng.sample(range(len(words)), rng.randint(1, max(1, len(words) // 8))):
                changed[index] = f"zq{rng.randrange(10**9)}"
            other = duplicates.shingle_hashes(" ".join(changed))
            shared = len(keys & set(duplicates.band_keys(other)))
            found.setdefault(min(int(duplicates.hash_similarity(parts, other) * 10), 9), []).append(shared)
    need = duplicates.MIN_SHARED_BANDS
    lines = [f"Near-duplicate band filter (`{need}` of {duplicates.BANDS} bands shared), pairs made from "
             f"{bodies:,} Reuters-21578 bodies by replacing random words; share of pairs that become candidates "
             f"(two shared bands, the earlier setting, for comparison):", "",
             "| Jaccard of the pair | pairs | candidates | with two bands |", "|---|---:|---:|---:|"]
    for tenth in sorted(found):
        shares = found[tenth]
        lines.append(f"| {tenth / 10:.1f}–{(tenth + 1) / 10:.1f} | {len(shares):,} | "
                     f"{sum(s >= need for s in shares) / len(shares):.2%} | "
                     f"{sum(s >= 2 for s in shares) / len(shares):.2%} |")
    return lines + [""]


def compare_loads(name: str, folder: Path, tmp: Path, also=None) -> tuple[list[str], list[str]]:
    """One input loaded by ours and by the baseline, one after the other; (table row, notes). `also(db)`
    adds lines measured on our archive before it is removed."""
    ours_db, base_db = tmp / f"ours-{name}.db", tmp / f"base-{name}.db"
    before = load_average()
    ours = run_ours(folder, ours_db)
    base = run_baseline(folder, base_db)
    after = load_average()
    sqlite3.connect(ours_db).execute("pragma wal_checkpoint(truncate)").fetchall()
    body, count = body_bytes(ours_db), articles(ours_db)
    ours_size, base_size = ours_db.stat().st_size, base_db.stat().st_size
    top = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in list(table_bytes(ours_db).items())[:6])
    row = (f"| {name} ({count:,} articles) | {ours.wall:.1f} s / {ours.cpu:.1f} s | {base.wall:.1f} s / "
           f"{base.cpu:.1f} s | **{ours.wall / base.wall:.2f}×** / **{ours.cpu / base.cpu:.2f}×** | "
           f"{count / ours.wall:,.0f} | {ours_size / body:.2f}× ({ours_size / 1e6:.0f} MB) | "
           f"{base_size / body:.2f}× | {before} → {after} |")
    notes = [f"- {name}, largest parts of ours: {top}"]
    if count >= 100_000:
        rates = [(f"{low // 1000:,}k–{high // 1000:,}k", ours.rate(low, high)) for low, high in
                 ((0, 100_000), (count - 100_000, count))]
        notes.append(f"- {name}, load rate as the archive grows (articles/s, sampled once a second): " +
                     ", ".join(f"{span}: {rate:,.0f}" if rate else f"{span}: not sampled" for span, rate in rates))
    notes += [""] + also(ours_db) if also else []
    for path in (ours_db, base_db):
        _remove(path)
    return [row], notes


def generated_input(size: int) -> Path:
    """benchmarks/data/generated-N, written by benchmarks/generate.py when missing."""
    import generate

    folder = generate.input_dir(size)
    return folder if folder.exists() else generate.write_input(size, generate.read_originals())


def annotated_sizes() -> list[str]:
    """File / body for the annotated benchmark archives in benchmarks/data, with and without NLP tables."""
    lines = []
    for db in sorted(DATA.glob("bench-*.db"), key=lambda p: p.stat().st_size):
        try:
            size, body, nlp = db.stat().st_size, body_bytes(db), nlp_bytes(db)
        except sqlite3.Error:
            continue
        lines.append(f"- {db.name} (annotated, {articles(db):,} articles): {size / body:.2f}× body with NLP "
                     f"tables, {(size - nlp) / body:.2f}× without them ({size / 1e9:.2f} GB, NLP tables "
                     f"{nlp / 1e9:.2f} GB)")
    return lines


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
    """(kind, path): the search page and the canned search query for names, places, topics, phrases and very
    common words, the home page, the articles table's default page, entity pages and article pages; drawn
    from the archive itself, seeded."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rng = random.Random(13)
    names = [r[0] for r in conn.execute("select name from entities where type in ('PERSON', 'ORG') "
                                        "order by article_count desc limit 200")]
    places = [r[0] for r in conn.execute("select name from places order by article_count desc limit 100")]
    entity_ids = [r[0] for r in conn.execute("select id from entities order by article_count desc limit 300")]
    last = conn.execute("select max(rowid) from articles").fetchone()[0]
    article_ids = [conn.execute("select id from articles where rowid >= ? limit 1",
                                [rng.randint(1, last)]).fetchone()[0] for _ in range(30)]
    name = Path(db).stem
    words = {"name": names, "place": places, "topic": TOPICS, "phrase": PHRASES, "very common word": COMMON}

    def page(q):
        return "/-/search?" + urllib.parse.urlencode({"q": q})

    def canned(q):
        return f"/{name}/search?" + urllib.parse.urlencode({"q": q})

    plan = [(f"search page: {kind}", page(rng.choice(words[kind])))
            for kind, n in [("name", 20), ("place", 15), ("topic", 15), ("phrase", 15), ("very common word", 15)]
            for _ in range(n)]
    plan += [("search (canned query), any kind", canned(rng.choice(rng.choice(list(words.values())))))
             for _ in range(40)]
    plan += ([("home page", "/") for _ in range(20)]
             + [("articles table, default page", f"/{name}/articles") for _ in range(20)]
             + [("entity page", f"/{name}/entities/{rng.choice(entity_ids)}") for _ in range(20)]
             + [("article page", f"/{name}/articles/{rng.choice(article_ids)}") for _ in range(20)])
    rng.shuffle(plan)
    return plan[:count]


def http_figures(db: Path) -> list[str]:
    port = free_port()
    said = tempfile.TemporaryFile()  # a file, not a pipe: a live server's pipe is never closed
    server = subprocess.Popen([str(CLI), "serve", "--db", str(db), "--port", str(port)],
                              stdout=said, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
                break
            except OSError:
                if time.monotonic() - started > 600 or server.poll() is not None:
                    said.seek(0)
                    raise SystemExit("server did not start: " + said.read().decode()[-2000:])
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
        said.seek(0)
        announced = said.read().decode("utf-8", "replace").strip().splitlines()[:1]
    lines = [f"Served by `news-archive serve --db {db.name}` (ready after {startup:.1f} s; it said "
             f"\"{' '.join(announced)}\"); load average {before} → {after}.", "",
             "| request | n | p50 | p95 | max |", "|---|---:|---:|---:|---:|"]
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
    parser.add_argument("--sizes", default="20000", help="generated archive sizes to load, comma-separated")
    parser.add_argument("--million", action="store_true",
                        help="also load a generated million (1.6 GB of input; ~25 min on a quiet 2-core machine)")
    parser.add_argument("--http-only", action="store_true", help="only the HTTP figures (keeps the load figures)")
    parser.add_argument("--archive", type=Path, help="archive for the HTTP figures (default: the biggest bench-N.db)")
    args = parser.parse_args()
    PARTS.mkdir(parents=True, exist_ok=True)
    if not args.http_only:
        sizes = args.sizes + (",1000000" if args.million and "1000000" not in args.sizes.split(",") else "")
        (PARTS / "scale-load.md").write_text("\n".join(load_section(sizes)) + "\n", encoding="utf-8")
    archive = args.archive or biggest_archive()
    if archive and archive.exists():
        (PARTS / "scale-http.md").write_text("\n".join(http_section(archive)) + "\n", encoding="utf-8")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = ["# Scale benchmarks (issue 13)", "", *machine(),
              f"Written {started}. Load averages (1/5/15 min) are given beside each figure: this 2-core machine "
              "is shared with other agents, so ratios measured side by side matter more than absolute times.", ""]
    names = ("scale-load.md", "scale-http.md", "scale-http-notes.md", "scale-notes.md", "nlp-load.md", "nlp-memory.md")
    parts = [(PARTS / name).read_text(encoding="utf-8") for name in names if (PARTS / name).exists()]
    text = "\n".join(header) + "\n" + "\n".join(parts)
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


def load_section(sizes: str) -> list[str]:
    command = f".venv/bin/python benchmarks/scale.py --sizes {sizes}".replace("--sizes 20000,1000000", "--million")
    report = ["## Load without NLP vs sqlite-utils", "",
              f"Command: `{command}`. Ours: `news-archive load DIR --no-nlp --quiet` (read, normalize, ids, "
              "near-duplicates, versions, FTS). Reference: `insert_all` of the same records' title, date, url, "
              "source and body, then `enable_fts(['title', 'body'], tokenize='porter', create_triggers=True)`, "
              "in its own process, right after ours. Times are wall / CPU (user + system of the process): the "
              "machine is shared, so the CPU ratio is the steadier one. File / body is the whole file (WAL "
              "checkpointed) over the bytes of the stored bodies; a load without NLP writes no NLP tables.",
              "", "| input | ours (wall / CPU) | sqlite-utils (wall / CPU) | ratio (wall / CPU) | ours: articles/s "
              "| ours: file / body | sqlite-utils: file / body | load avg before → after |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    notes = []
    inputs = [("Reuters-21578", DATA / "reuters-21578")] + \
        [(f"generated {size:,}", generated_input(size)) for size in (int(s) for s in sizes.split(",") if s)]
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:  # a million articles' files are a few GB: not /tmp
        for name, folder in inputs:
            row, note = compare_loads(name, folder, Path(tmp), band_filter_recall if name == "Reuters-21578" else None)
            report, notes = report + row, notes + note
    return report + [""] + notes + annotated_sizes() + ["", "## Small things", "",
                                                        "| measure | ours | reference | ratio | load avg |",
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
