"""Score the quote extractor on cached parses of the eval sets (fast iteration; the benchmark of record
is benchmarks/quotes.py, which runs `news-archive extract` end to end).

    python training/score_cached.py ggt_98 ggt_98.stripped polnear_dev
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loader.extract.mentions import extract_mentions  # noqa: E402
from loader.extract.quotes import extract_quotes  # noqa: E402
from training.parsed import eval_dir, parsed  # noqa: E402


def predict(name: str) -> list[dict]:
    out = []
    for record, doc in parsed(name):
        found = {"id": record["id"], "mentions": [], "quotes": []}
        found.update(extract_mentions(record, doc, found))
        found.update(extract_quotes(record, doc, found))
        out.append({"id": record["id"], "quotes": found["quotes"]})
    return out


def score(name: str, predictions: list[dict]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for line in predictions:
            handle.write(json.dumps(line) + "\n")
    result = subprocess.run([sys.executable, str(eval_dir() / "score.py"), str(eval_dir() / f"{name}.jsonl"),
                             handle.name, "--json"], capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    return json.loads(result.stdout)


def main(names: list[str]) -> None:
    for name in names:
        figures = score(name, predict(name))
        loose = figures["thresholds"]["0.3"]
        print(f"{name:18} pred {figures['pred_quotes']:5} attP {loose['attributed_precision']:.3f} "
              f"attR {loose['attributed_recall']:.3f} attF1 {loose['attributed_f1']:.3f} "
              f"spanF1 {loose['f1']:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["ggt_98", "ggt_98.stripped", "polnear_dev"])
