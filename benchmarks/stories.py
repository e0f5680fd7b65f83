"""Story clustering on Reuters-21578: pair precision and recall against hand labels, the size of the
stories, and the time clustering takes per 10,000 articles.

benchmarks/stories_pairs.tsv holds labelled pairs of Reuters-21578 documents by their `id` (NEWID):
1 = the same story (one event, or a directly related development: a reply to a bid, a rating
agency's reaction, a correction, the same day's updates of one money-market operation), 0 = not.
No article text is kept there. The collection is loaded with `news-archive load --no-nlp` (so
stories are built from titles and ledes alone; with extraction, names would add to them), then the
stories are cleared and rebuilt by refresh_stories(unextracted=True), timed.

    .venv/bin/python benchmarks/stories.py [--db existing-reuters.db]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _results import publish

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from loader import store  # noqa: E402
from loader.store import stories  # noqa: E402

DATA = ROOT / "benchmarks/data/reuters-21578"
PAIRS = ROOT / "benchmarks/stories_pairs.tsv"
CLI = Path(sys.executable).with_name("news-archive")
SIZE_BUCKETS = [(1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 10**9)]


def load(db_path: Path) -> None:
    if not (DATA / "reuters-021.json").exists():
        subprocess.run(["bash", str(ROOT / "benchmarks/fetch_reuters.sh")], check=True)
    done = subprocess.run([str(CLI), "load", str(DATA), "--db", str(db_path), "--no-nlp", "--quiet"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    summary = [line for line in done.stderr.splitlines() if line.startswith("Loaded ")]
    if done.returncode or not summary or " 22 file(s)" not in summary[-1]:
        raise SystemExit(f"load failed ({done.returncode}):\n{done.stderr[-2000:]}")


def reset(db) -> None:
    with db.atomic():
        db.execute("update articles set story_id = null")
        for table in ("story_keys", "story_terms", "stories"):
            db.execute(f"delete from [{table}]")


def cluster(db) -> tuple[int, float, float]:
    """(articles clustered, wall seconds, CPU seconds) of one refresh_stories over the whole archive."""
    wall, cpu = time.monotonic(), time.process_time()
    with db.atomic():
        count = stories.refresh_stories(db, unextracted=True)
    return count, time.monotonic() - wall, time.process_time() - cpu


def cluster_in_two_loads(db) -> list[tuple[int, float, float]]:
    """The archive's earlier half by publication, then the later half joining it (as a second load
    would): whether the time per article grows with the archive."""
    reset(db)
    with db.atomic():  # hold the later half back: -1 is no story, and not pending either
        db.execute("""update articles set story_id = -1 where rowid in (select rowid from articles
                      order by published_at is null, published_at, rowid
                      limit -1 offset (select count(*) / 2 from articles))""")
    first = cluster(db)
    with db.atomic():
        db.execute("update articles set story_id = null where story_id = -1")
    return [first, cluster(db)]


def newid_to_story(db) -> dict[str, int]:
    """Reuters NEWID → story id, through the file and item each article was loaded from."""
    newids = {}
    for path in sorted(DATA.glob("reuters-*.json")):
        for index, record in enumerate(json.loads(path.read_text(encoding="utf-8")), start=1):
            newids[(path.name, f"item {index}")] = record["id"]
    found = {}
    for origin, position, story in db.execute(
            "select article_origins.origin_path, article_origins.position, articles.story_id from article_origins "
            "join articles on articles.id = article_origins.article_id"):
        key = (Path(origin).name, position)
        if key in newids:
            found[newids[key]] = story
    return found


def pair_scores(story_of: dict) -> tuple[dict, list]:
    counts, missing = Counter(), []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, label = line.split("\t")[:3]
        if a not in story_of or b not in story_of:
            missing.append((a, b))
            continue
        same = story_of[a] == story_of[b]
        counts[("t" if same == (label == "1") else "f") + ("p" if same else "n")] += 1
    return counts, missing


def size_table(db) -> list[str]:
    sizes = [row[0] for row in db.execute("select article_count from stories")]
    lines = ["| articles in the story | stories | articles |", "|---|---:|---:|"]
    for low, high in SIZE_BUCKETS:
        inside = [size for size in sizes if low <= size <= high]
        label = str(low) if low == high else f"{low}+" if high > 10**8 else f"{low}-{high}"
        lines.append(f"| {label} | {len(inside):,} | {sum(inside):,} |")
    return lines


def largest(db, count: int = 5) -> list[str]:
    lines = ["| story | articles | first | last | label |", "|---:|---:|---|---|---|"]
    rows = list(db.execute("select id, article_count, first_published, last_published, label from stories "
                           "order by article_count desc, id limit ?", [count]))
    for row in rows:
        lines.append(f"| {row[0]} | {row[1]} | {(row[2] or '')[:10]} | {(row[3] or '')[:10]} | {row[4]} |")
    if rows:  # what the largest story holds, so a reader can judge whether it swallowed unrelated news
        titles = [title for (title,) in db.execute("select title from articles where story_id = ? order by "
                                                   "published_at, rowid", [rows[0][0]])]
        lines += ["", f"Headlines of the largest story ({len(titles)}): " + "; ".join(titles)]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a Reuters-21578 archive already loaded (--no-nlp); its stories are rebuilt")
    parser.add_argument("--data", help="the reuters-21578 folder, if not benchmarks/data/reuters-21578")
    parser.add_argument("--sweep", nargs="*", type=float, default=[0.30, 0.35, 0.45, 0.50],
                        help="other SIMILARITY thresholds to score (each re-clusters the archive)")
    args = parser.parse_args()
    global DATA
    DATA = Path(args.data) if args.data else DATA
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(args.db) if args.db else Path(tmp) / "reuters.db"
        if not args.db:
            load(db_path)
        db = store.open_db(str(db_path))
        halves = cluster_in_two_loads(db)
        sweep = [score_at(db, threshold) for threshold in args.sweep]
        reset(db)
        clustered, wall, cpu = cluster(db)
        counts, missing = pair_scores(newid_to_story(db))
        report = "\n".join([render(db, clustered, wall, cpu, counts, missing, args.db), render_halves(halves),
                             render_sweep(sweep)])
        db.close()
    return publish(report, "stories.md")


def render(db, clustered, wall, cpu, counts, missing, given) -> str:
    precision = counts["tp"] / max(counts["tp"] + counts["fp"], 1)
    recall = counts["tp"] / max(counts["tp"] + counts["fn"], 1)
    story_count = db.execute("select count(*) from stories").fetchone()[0]
    load = os.getloadavg()
    command = ".venv/bin/python benchmarks/stories.py" + (" --db …" if given else "")
    return "\n".join([
        "# Stories on Reuters-21578", "",
        f"Command: `{command}`: Reuters-21578 loaded with `--no-nlp` (titles and ledes only, no names), "
        "stories cleared, then rebuilt by `refresh_stories` in one run.", "",
        f"Thresholds (loader/store/stories.py): SIMILARITY {stories.SIMILARITY}, WINDOW_DAYS "
        f"{stories.WINDOW_DAYS}, TITLE_WEIGHT {stories.TITLE_WEIGHT}, LEDE_WORDS {stories.LEDE_WORDS}.", "",
        "## Pairs (benchmarks/stories_pairs.tsv, labelled by hand)", "",
        "| pairs | same story (labelled) | true pos | false pos | false neg | true neg | precision | recall |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {sum(counts.values())} | {counts['tp'] + counts['fn']} | {counts['tp']} | {counts['fp']} | "
        f"{counts['fn']} | {counts['tn']} | {precision:.3f} | {recall:.3f} |", "",
        *([f"Pairs with a document not in the archive: {len(missing)}", ""] if missing else []),
        "## Story sizes", "",
        f"{clustered:,} articles in {story_count:,} stories.", "",
        *size_table(db), "",
        "Largest stories:", "",
        *largest(db), "",
        "## Time", "",
        f"Clustering {clustered:,} articles: {wall:.1f} s wall, {cpu:.1f} s CPU = "
        f"{wall / max(clustered, 1) * 10_000:.1f} s wall / {cpu / max(clustered, 1) * 10_000:.1f} s CPU "
        f"per 10,000 articles (load average {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} on 2 cores).", "",
    ])


def score_at(db, threshold: float) -> tuple:
    """(threshold, pair counts, largest story size) with SIMILARITY set to `threshold` for one run."""
    kept = stories.SIMILARITY
    stories.SIMILARITY = threshold
    try:
        reset(db)
        cluster(db)
    finally:
        stories.SIMILARITY = kept
    largest_size = db.execute("select max(article_count) from stories").fetchone()[0]
    return threshold, pair_scores(newid_to_story(db))[0], largest_size


def render_sweep(sweep) -> str:
    if not sweep:
        return ""
    lines = ["## Other thresholds", "", "The same run with SIMILARITY set to each value (nothing else changed):", "",
             "| SIMILARITY | true pos | false pos | false neg | precision | recall | largest story |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for threshold, counts, largest_size in sweep:
        precision = counts["tp"] / max(counts["tp"] + counts["fp"], 1)
        recall = counts["tp"] / max(counts["tp"] + counts["fn"], 1)
        lines.append(f"| {threshold:.2f} | {counts['tp']} | {counts['fp']} | {counts['fn']} | {precision:.3f} | "
                     f"{recall:.3f} | {largest_size} |")
    return "\n".join(lines + [""])


def render_halves(halves) -> str:
    lines = ["In two loads, the earlier half of the archive (by publication) and then the later half joining it:", "",
             "| load | articles clustered | wall s | CPU s | CPU s per 10,000 |", "|---|---:|---:|---:|---:|"]
    for name, (count, wall, cpu) in zip(("first half", "second half, joining"), halves):
        lines.append(f"| {name} | {count:,} | {wall:.1f} | {cpu:.1f} | {cpu / max(count, 1) * 10_000:.1f} |")
    return "\n".join(lines + [""])


if __name__ == "__main__":
    sys.exit(main())
