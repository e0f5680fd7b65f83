"""Article extraction from saved pages: our loader against bare trafilatura, on the same dev pages.

Loads shared/eval/extraction/html/ with `load_paths` into a real SQLite file in a temp dir (no NLP:
extraction of fields and body is what is measured), writes the scorer's prediction lines from the
`articles` rows (body = subtitle + body, since the gold bodies include the standfirst), computes bare
trafilatura's predictions (`bare_extraction` with metadata) on the same pages, and prints the
scorer's table for both; the tables also go to benchmarks/results/extraction.md.

    .venv/bin/python benchmarks/extraction.py
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from loader import store  # noqa: E402
from loader.load import LoadOptions, load_paths  # noqa: E402
from _results import publish  # noqa: E402

EVAL = next((p for p in (ROOT.parent / "shared/eval/extraction", Path("/work/shared/eval/extraction"))
             if p.exists()), None)
TARGETS = "body F1 ≥ 0.97, title exact ≥ 0.85, authors F1 ≥ 0.90, date ≥ 0.99, instant ≥ 0.90"


def page_id(path: str) -> str:
    return Path(path).name.removesuffix(".gz").removesuffix(".html")


def loader_predictions(workdir: Path) -> tuple[list[dict], float, object]:
    db = store.open_db(str(workdir / "archive.db"))
    started = time.monotonic()
    result = load_paths(db, [str(EVAL / "html")], LoadOptions(nlp=False, progress=False),
                        warn=lambda message: None)
    seconds = time.monotonic() - started
    rows = db.query("""select o.origin_path, a.title, a.subtitle, a.body, a.authors, a.published_at
                       from article_origins o join articles a on a.id = o.article_id""")
    predictions = [{"id": page_id(row["origin_path"]), "title": row["title"],
                    "body": "\n\n".join(filter(None, [row["subtitle"], row["body"]])),
                    "authors": json.loads(row["authors"] or "[]"), "published": row["published_at"]}
                   for row in rows]
    return predictions, seconds, result


def bare_predictions() -> tuple[list[dict], float]:
    predictions, started = [], time.monotonic()
    for path in sorted((EVAL / "html").glob("*.html.gz")):
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        document = trafilatura.bare_extraction(page, with_metadata=True)
        found = document.as_dict() if document is not None else {}
        predictions.append({"id": page_id(path.name), "title": found.get("title"), "body": found.get("text") or "",
                            "authors": found.get("author"), "published": found.get("date")})
    return predictions, time.monotonic() - started


def score(predictions: list[dict], workdir: Path, name: str) -> str:
    path = workdir / f"{name}.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8")
    command = [sys.executable, str(EVAL / "score.py"), str(EVAL / "gold.jsonl"), str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.rstrip()


def main() -> int:
    if EVAL is None:
        print("shared/eval/extraction not found: nothing to measure", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        ours, our_seconds, result = loader_predictions(workdir)
        bare, bare_seconds = bare_predictions()
        report = "\n".join([
            "# Article extraction (shared/eval/extraction dev pages)", "",
            f"Command: `.venv/bin/python benchmarks/extraction.py` (load average {os.getloadavg()[0]:.1f} at the "
            f"end). Targets: {TARGETS}.", "",
            f"## news-archive loader (`news-archive load --no-nlp`, {our_seconds:.0f} s)", "",
            f"Load summary: {result.summary()}", "",
            "```", score(ours, workdir, "loader"), "```", "",
            f"## bare trafilatura {trafilatura.__version__} (`bare_extraction(with_metadata=True)`, "
            f"{bare_seconds:.0f} s)", "",
            "```", score(bare, workdir, "bare"), "```", "",
            *cross_validated(),
        ])
    return publish(report, "extraction.md")


def cross_validated() -> list[str]:
    """The dev figure beside the publisher-level cross-validated one, from benchmarks/fields_cv.py."""
    import fields_cv
    figures, rules = fields_cv.figures()
    return ["## Title, authors, date: dev figure and publisher-level cross-validated figure", "",
            "From `.venv/bin/python benchmarks/fields_cv.py` (details and the per-rule table in fields_cv.md): "
            "rules chosen on half of the publishers, scored on the other half.", "", *figures, "", rules, ""]


if __name__ == "__main__":
    sys.exit(main())
