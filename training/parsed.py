"""Parsed evaluation sets, cached: spaCy parses each set of shared/eval/quotes once and keeps the Docs
in a git-ignored DocBin under build/quotes/ (parsing PolNeAR train takes minutes on a shared CPU).

Read at run time from ../shared/eval/quotes; nothing from those sets is written anywhere but build/.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "quotes"
EVAL_DIRS = [ROOT.parent / "shared" / "eval" / "quotes", Path("/work/shared/eval/quotes")]


def eval_dir() -> Path:
    for candidate in EVAL_DIRS:
        if (candidate / "score.py").exists():
            return candidate
    sys.exit("no shared/eval/quotes next to the repository or at /work/shared/eval/quotes")


def records(name: str) -> list[dict]:
    with (eval_dir() / f"{name}.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def parsed(name: str) -> list[tuple[dict, object]]:
    """(gold record, spaCy Doc) for every article of the set, parsing only what is not cached."""
    from spacy.tokens import DocBin

    from loader.extract import nlp

    gold = records(name)
    path = CACHE / f"{name}.spacy"
    language = nlp.get_nlp()
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(language.vocab))
        if [doc.text for doc in docs] == [record["text"] for record in gold]:
            return list(zip(gold, docs))
    docs = list(nlp.parse([record["text"] for record in gold]))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return list(zip(gold, docs))
