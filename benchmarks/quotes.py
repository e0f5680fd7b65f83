"""Quote extraction against the evaluation sets in shared/eval/quotes (read at run time, never copied).

For each dev set: `news-archive extract` on its {"id", "text"} lines, once with the rules alone
(NEWS_ARCHIVE_QUOTE_MODEL=none) and once with the learned model in loader/data/quote_model.json when
there is one, then the set's own scorer (score.py --json). The model is trained on PolNeAR train
(`make train`), so GGT figures are cross-corpus and PolNeAR dev figures a held-out split of the
training corpus. A second table scores each rule (the `rule` key of every quote) on its own: the
precision of the quotes it produced. Prints markdown and writes it to benchmarks/results/quotes.md.
Attributed F1 counts a quote only when its span overlaps the gold one enough (0.3 or 0.8 of the gold
length) and the speaker is right; speaker accuracy is attributed / matched at 0.3.

    python benchmarks/quotes.py [--sample N]   (N articles of each set; all by default)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIRS = [ROOT.parent / "shared" / "eval" / "quotes", Path("/work/shared/eval/quotes")]
RESULTS = ROOT / "benchmarks" / "results" / "quotes.md"
MODEL = ROOT / "loader" / "data" / "quote_model.json"
TIMING_NOTE = ("articles/s is the article count over the wall time of `news-archive extract` on the set "
               "(spaCy parse and every extractor: mentions, quotes, places), on a machine shared with other jobs.")
# dev set → (description, target attributed F1 at 0.3)
SETS = {
    "ggt_98": ("GGT, quotation marks intact (GGT's own rules: 0.837)", 0.86),
    "ggt_98.stripped": ("GGT, quotation marks removed (rule baseline ≈ 0.67)", 0.80),
    "polnear_dev": ("PolNeAR dev: all attributions, beliefs, intentions (first rules 0.48)", 0.62),
}


def eval_dir() -> Path:
    for candidate in EVAL_DIRS:
        if (candidate / "score.py").exists():
            return candidate
    sys.exit("no shared/eval/quotes next to the repository or at /work/shared/eval/quotes")


def gold_sample(gold: Path, workdir: Path, sample: int | None) -> tuple[Path, Path]:
    """The set's first `sample` articles: the gold file to score against and the extractor's input."""
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()][:sample]
    kept, items = workdir / f"{gold.stem}.gold.jsonl", workdir / f"{gold.stem}.in.jsonl"
    kept.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    items.write_text("".join(json.dumps({"id": record["id"], "text": record["text"]}, ensure_ascii=False) + "\n"
                             for record in records), encoding="utf-8")
    return kept, items


def extract(items: Path, output: Path, model: str) -> float:
    """Run `news-archive extract` (model: "none" or a model path); returns the seconds taken."""
    command = [str(Path(sys.executable).with_name("news-archive")), "extract", str(items)]
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        subprocess.run(command, stdout=out, check=True, env={**os.environ, "NEWS_ARCHIVE_QUOTE_MODEL": model})
    return time.perf_counter() - started


def score(gold: Path, predicted: Path) -> dict:
    result = subprocess.run([sys.executable, str(eval_dir() / "score.py"), str(gold), str(predicted), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def by_rule(gold: Path, predicted: Path, workdir: Path) -> dict:
    """rule → (quotes it produced, their attributed precision at 0.3), each rule scored on its own."""
    rows = [json.loads(line) for line in predicted.open(encoding="utf-8") if line.strip()]
    rules = sorted({quote.get("rule", "-") for row in rows for quote in row["quotes"]})
    found = {}
    for rule in rules:
        only = workdir / f"{predicted.stem}.{rule}.jsonl"
        only.write_text("".join(json.dumps({"id": row["id"], "quotes": [q for q in row["quotes"]
                                                                           if q.get("rule", "-") == rule]}) + "\n"
                                for row in rows), encoding="utf-8")
        loose = score(gold, only)["thresholds"]["0.3"]
        found[rule] = (sum(1 for row in rows for q in row["quotes"] if q.get("rule", "-") == rule),
                       loose["attributed_precision"])
    return found


def row(name: str, rules: dict, learned: dict | None, counts: tuple) -> str:
    description, target = SETS[name]
    best = learned or rules
    loose, strict = best["thresholds"]["0.3"], best["thresholds"]["0.8"]
    f1 = loose["attributed_f1"]
    accuracy = loose["attributed_matched"] / loose["matched"] if loose["matched"] else 0.0
    verdict = "met" if f1 >= target else "**not met**"
    rules_f1 = rules["thresholds"]["0.3"]["attributed_f1"]
    speeds = " / ".join(f"{count / seconds:.2f}" for count, seconds in counts)
    return (f"| {name} | {description} | {best['gold_quotes']} | {rules_f1:.3f} | {best['pred_quotes']} | "
            f"{loose['attributed_precision']:.3f} | {loose['attributed_recall']:.3f} | **{f1:.3f}** | "
            f"≥ {target:.2f} {verdict} | {strict['attributed_f1']:.3f} | {loose['f1']:.3f} | {accuracy:.3f} | "
            f"{speeds} |")


def model_header() -> str | None:
    if not MODEL.exists():
        return None
    return MODEL.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=None, help="first N articles of each set")
    sample = parser.parse_args().sample
    directory, header = eval_dir(), model_header()
    lines = [
        "| set | what | gold | rules alone att. F1 @0.3 | predicted | att. P @0.3 | att. R @0.3 | att. F1 @0.3 "
        "| target | att. F1 @0.8 | span F1 @0.3 | speaker accuracy | articles/s rules / with model |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    per_rule = defaultdict(dict)
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        for name in SETS:
            gold, items = gold_sample(directory / f"{name}.jsonl", work, sample)
            articles = sum(1 for _ in items.open(encoding="utf-8"))
            plain = work / f"{name}.rules.jsonl"
            counts = [(articles, extract(items, plain, "none"))]
            learned = None
            if header:
                with_model = work / f"{name}.model.jsonl"
                counts.append((articles, extract(items, with_model, str(MODEL))))
                learned = score(gold, with_model)
            rules = score(gold, plain)
            for rule, figures in by_rule(gold, with_model if header else plain, work).items():
                per_rule[rule][name] = figures
            lines.append(row(name, rules, learned, counts))
            print(lines[-1], flush=True)
    rule_lines = ["| rule | " + " | ".join(f"{name} quotes | {name} att. P @0.3" for name in SETS) + " |",
                  "|---|" + "---:|---:|" * len(SETS)]
    for rule, figures in sorted(per_rule.items()):
        cells = [f"{figures[name][0]} | {figures[name][1]:.3f}" if name in figures else "0 | –" for name in SETS]
        rule_lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    command = "python benchmarks/quotes.py" + (f" --sample {sample}" if sample else "")
    model_note = (f"Learned model: {header}" if header else
                  "No learned model in loader/data (run `make train`): every figure is the rules alone.")
    report = (f"# Quote extraction\n\nCommand: `{command}` (scorer: shared/eval/quotes/score.py). "
              f"{TIMING_NOTE} Load average at the end: {os.getloadavg()[0]:.1f}.\n\n{model_note}\n\n"
              + "\n".join(lines) + "\n\n## Each rule on its own (with the model when there is one)\n\n"
              + "\n".join(rule_lines) + "\n")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print("\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
