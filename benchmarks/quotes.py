"""Quote extraction against the evaluation sets in shared/eval/quotes (read at run time, never copied).

For each dev set: `news-archive extract` on its {"id", "text"} lines, then the set's own scorer
(score.py --json). Prints a markdown table and writes it to benchmarks/results/quotes.md.
Attributed F1 counts a quote only when its span overlaps the gold one enough (0.3 or 0.8 of the gold
length) and the speaker is right; speaker accuracy is attributed / matched at 0.3.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIRS = [ROOT.parent / "shared" / "eval" / "quotes", Path("/work/shared/eval/quotes")]
RESULTS = ROOT / "benchmarks" / "results" / "quotes.md"
TIMING_NOTE = ("extract s is the wall time of `news-archive extract` on the set: spaCy parse and every "
               "extractor (mentions, then quotes), on a machine shared with other jobs.")
# dev set → (description, target attributed F1 at 0.3)
SETS = {
    "ggt_98": ("GGT, quotation marks intact (GGT's own rules: 0.837)", 0.86),
    "ggt_98.stripped": ("GGT, quotation marks removed (rule baseline ≈ 0.67)", 0.80),
    "polnear_dev": ("PolNeAR dev: all attributions, beliefs, intentions (baseline ≈ 0.48)", 0.55),
}


def eval_dir() -> Path:
    for candidate in EVAL_DIRS:
        if (candidate / "score.py").exists():
            return candidate
    sys.exit("no shared/eval/quotes next to the repository or at /work/shared/eval/quotes")


def extract(gold: Path, workdir: Path) -> tuple[Path, float]:
    """Run `news-archive extract` on the gold file's texts; returns the output path and seconds taken."""
    items = workdir / f"{gold.stem}.in.jsonl"
    with gold.open(encoding="utf-8") as source, items.open("w", encoding="utf-8") as target:
        for line in source:
            if line.strip():
                record = json.loads(line)
                target.write(json.dumps({"id": record["id"], "text": record["text"]}, ensure_ascii=False) + "\n")
    output = workdir / f"{gold.stem}.out.jsonl"
    command = [str(Path(sys.executable).with_name("news-archive")), "extract", str(items)]
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        subprocess.run(command, stdout=out, check=True)
    return output, time.perf_counter() - started


def score(scorer: Path, gold: Path, predicted: Path) -> dict:
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(predicted), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def row(name: str, figures: dict, seconds: float) -> str:
    description, target = SETS[name]
    loose, strict = figures["thresholds"]["0.3"], figures["thresholds"]["0.8"]
    f1 = loose["attributed_f1"]
    accuracy = loose["attributed_matched"] / loose["matched"] if loose["matched"] else 0.0
    verdict = "met" if f1 >= target else "**not met**"
    return (f"| {name} | {description} | {figures['gold_quotes']} | {figures['pred_quotes']} | "
            f"{loose['attributed_precision']:.3f} | {loose['attributed_recall']:.3f} | **{f1:.3f}** | "
            f"≥ {target:.2f} {verdict} | {strict['attributed_f1']:.3f} | {loose['f1']:.3f} | {accuracy:.3f} | "
            f"{seconds:.0f} |")


def main() -> int:
    directory = eval_dir()
    lines = [
        "| set | what | gold | predicted | att. P @0.3 | att. R @0.3 | att. F1 @0.3 | target | att. F1 @0.8 "
        "| span F1 @0.3 | speaker accuracy | extract s |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as workdir:
        for name in SETS:
            gold = directory / f"{name}.jsonl"
            predicted, seconds = extract(gold, Path(workdir))
            lines.append(row(name, score(directory / "score.py", gold, predicted), seconds))
            print(lines[-1], flush=True)
    table = "\n".join(lines)
    command = "python benchmarks/quotes.py"
    report = (f"# Quote extraction\n\nCommand: `{command}` (scorer: shared/eval/quotes/score.py). "
              f"{TIMING_NOTE}\n\n{table}\n")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print("\n" + table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
