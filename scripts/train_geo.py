"""Train the geocoding ranker (loader/data/place_ranker.tsv) and validate it across sets.

Reads the geoparsing sets in shared/eval/geo (LGL, TR-News, GeoWebNews), runs our own recognition and
resolver on each article, and fits two small linear models with numpy (see loader/extract/place_ranker.py):
a conditional logit over each name's candidates (label: the candidate within 161 km of the gold point)
and a logistic "is the pick right" model whose threshold maximises end-to-end F1 on the training set.

Cross-set validation: a model trained on each set alone is scored on the other two, and every set is also
scored with no model (the resolver's own scores: what ships) and with a model trained on all three (its
figures are in-sample). The table goes to benchmarks/results/geo_training.md. Only weights are written,
no text of the sets, and the weights file is git-ignored: the sets' README forbids shipping anything
derived from them, so the places stage works without it (the resolver's own scores).

    .venv/bin/python scripts/train_geo.py [--limit N] [--no-write]
"""
import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.extract import nlp  # noqa: E402
from loader.extract.gazetteer import cache_dir  # noqa: E402
from loader.extract.mentions import extract_mentions  # noqa: E402
from loader.extract.place_ranker import CONFIDENCE_FEATURES, MODEL_FILE, RANK_FEATURES, Model, softmax  # noqa: E402
from loader.extract.places import distance_km, locations_with, resolver_for  # noqa: E402

EVAL_DIRS = [ROOT.parent / "shared" / "eval" / "geo", Path("/work/shared/eval/geo")]
SETS = ("lgl", "trnews", "geowebnews")
MODEL_PATH = ROOT / "loader" / "data" / MODEL_FILE
REPORT = ROOT / "benchmarks" / "results" / "geo_training.md"
COMMAND = ".venv/bin/python scripts/train_geo.py"
CORRECT_KM = 161
L2 = 1e-2
STEPS = 1500


def eval_dir() -> Path:
    for path in EVAL_DIRS:
        if (path / "score.py").exists():
            return path
    sys.exit("evaluation sets not found in ../shared/eval/geo or /work/shared/eval/geo")


def parse_set(folder: Path, name: str, limit: int | None) -> list[tuple]:
    """(gold article, item, doc, found) for each article; spaCy's parses are kept in the cache dir."""
    lines = [line for line in (folder / f"{name}.jsonl").read_text(encoding="utf-8").split("\n") if line]
    articles = [json.loads(line) for line in lines[:limit]]
    items = [{"id": article["id"], "text": article["text"]} for article in articles]
    docs = parsed_docs([item["text"] for item in items])
    return [(article, item, doc, {"mentions": extract_mentions(item, doc, {})["mentions"]})
            for article, item, doc in zip(articles, items, docs)]


def parsed_docs(texts: list[str]) -> list:
    """spaCy Docs of the texts, parsed once per model version and kept (DocBin) in the cache dir."""
    from spacy.tokens import DocBin

    language = nlp.get_nlp()
    digest = hashlib.sha256(json.dumps([language.meta["name"], language.meta["version"], spacy.__version__,
                                        texts]).encode()).hexdigest()[:16]
    path = cache_dir() / f"geo-train-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(language.vocab))
    docs = nlp.parse(texts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    except OSError:
        pass
    return docs


class Group:
    """One name of one article: its candidates' features and points, its gold point, its resolver."""

    def __init__(self, resolver, key: str, gold: list[dict], beliefs: dict):
        self.resolver, self.key, self.beliefs = resolver, key, beliefs
        self.rows = resolver.features(key, beliefs)
        self.points = [(place.latitude, place.longitude) for place in resolver.options[key]]
        members = resolver.groups[key]
        matched = [g for g in gold if any(t.start is not None and t.start < g["end"] and g["start"] < t.end
                                          for t in members)]
        self.size = len(members)
        self.matched = len(matched)
        self.gold = (matched[0]["latitude"], matched[0]["longitude"]) if matched else None
        self.labels = [float(self.gold is not None and distance_km(*point, *self.gold) <= CORRECT_KM)
                       for point in self.points]
        self.kept_without_trust = bool(resolver.weights[key])


def groups_of(parsed: list[tuple]) -> list[Group]:
    groups = []
    for article, item, doc, found in parsed:
        resolver, _, _ = resolver_for(item, doc, found)
        beliefs = {key: softmax(scores) for key, scores in resolver.scores.items()}
        groups.extend(Group(resolver, key, article["toponyms"], beliefs) for key in resolver.options)
    return groups


def matrix(rows: list[dict], names: tuple) -> np.ndarray:
    return np.array([[row.get(name, 0.0) for name in names] for row in rows], dtype=float)


def fit_ranker(groups: list[Group]) -> dict[str, float]:
    """Conditional logit: maximise the probability mass on the right candidates of each name."""
    usable = [g for g in groups if any(g.labels) and len(g.rows) > 1]
    if not usable:  # nothing to learn from: the resolver's own scores
        return {"rule": 1.0}
    x = matrix([row for g in usable for row in g.rows], RANK_FEATURES)
    y = np.array([label for g in usable for label in g.labels])
    starts = np.cumsum([0] + [len(g.rows) for g in usable])[:-1]
    weights = np.array([g.size for g in usable], dtype=float)
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    group_of = np.repeat(np.arange(len(usable)), [len(g.rows) for g in usable])

    def loss_grad(w):
        s = z @ w
        s = s - np.maximum.reduceat(s, starts)[group_of]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group_of]
        pos = np.add.reduceat(p * y, starts)
        q = p * y / pos[group_of]
        loss = -(weights * np.log(pos)).sum() / weights.sum() + L2 * w @ w
        grad = ((p - q) * weights[group_of]) @ z / weights.sum() + 2 * L2 * w
        return loss, grad

    w = adam(loss_grad, np.zeros(len(RANK_FEATURES)))
    raw = w / scale  # back to unscaled features; the shift is the same for every candidate of a name
    return dict(zip(RANK_FEATURES, raw))


def fit_logistic(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    if x.ndim < 2 or len(set(y)) < 2:  # nothing to learn from: keep every pick
        return np.r_[10.0, np.zeros(len(CONFIDENCE_FEATURES) - 1)]
    mean, scale = x.mean(0), x.std(0) + 1e-9
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays as it is
    z = (x - mean) / scale

    def loss_grad(w):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        loss = -(weights * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() / weights.sum()
        return loss + L2 * w[1:] @ w[1:], (weights * (p - y)) @ z / weights.sum() + 2 * L2 * np.r_[0, w[1:]]

    w = adam(loss_grad, np.zeros(x.shape[1]))
    raw = w / scale
    raw[0] = w[0] - (w[1:] * mean[1:] / scale[1:]).sum()
    return raw


def adam(loss_grad, w: np.ndarray, rate: float = 0.05) -> np.ndarray:
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        _, grad = loss_grad(w)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w = w - rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def fit(groups: list[Group], gold_count: int) -> Model:
    rank = fit_ranker(groups)
    model = Model({"rank": rank, "confidence": {"bias": 10.0}, "threshold": {"confidence": 0.0}})
    rows, labels, sizes, always, exempt = [], [], [], [], []
    for g in groups:
        best, _ = g.resolver.decide(g.key, model, g.beliefs)
        probabilities = model.probabilities(g.rows)
        rows.append(g.resolver.confidence_features(g.key, g.rows[best], probabilities, best, g.beliefs))
        labels.append(float(g.labels[best] > 0))
        sizes.append(g.size)
        exempt.append(g.resolver.options[g.key][best].id < 0)
        always.append(g.kept_without_trust or g.resolver._supported(g.key, g.resolver.options[g.key][best],
                                                                    g.beliefs))
    x, y, n = matrix(rows, CONFIDENCE_FEATURES), np.array(labels), np.array(sizes, dtype=float)
    confidence = dict(zip(CONFIDENCE_FEATURES, fit_logistic(x, y, n)))
    trusted = Model({"rank": rank, "confidence": confidence, "threshold": {"confidence": 0.0}})
    trust = np.array([trusted.trust(row) for row in rows])
    kept = np.array(always, dtype=bool)
    threshold = best_threshold(trust[kept], y[kept], n[kept], np.array(exempt, dtype=bool)[kept], gold_count)
    return Model({"rank": rank, "confidence": confidence, "threshold": {"confidence": threshold}})


def best_threshold(trust: np.ndarray, right: np.ndarray, sizes: np.ndarray, exempt: np.ndarray,
                   gold_count: int) -> float:
    """The trust cut that maximises end-to-end F1 (right places among predictions and among gold names)."""
    best, best_f1 = 0.0, -1.0
    for cut in np.arange(0.0, 0.95, 0.025):
        keep = (trust >= cut) | exempt
        correct, predicted = (sizes * right)[keep].sum(), sizes[keep].sum()
        f1 = 2 * correct / (predicted + gold_count) if predicted else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(cut), f1
    return round(best, 3)


def score(folder: Path, name: str, parsed: list[tuple], model: Model | None, work: Path) -> dict:
    gold, predicted = work / f"{name}.gold.jsonl", work / f"{name}.pred.jsonl"
    gold.write_text("".join(json.dumps(article) + "\n" for article, *_ in parsed), encoding="utf-8")
    with open(predicted, "w", encoding="utf-8") as out:
        for _, item, doc, found in parsed:
            out.write(json.dumps({"id": item["id"], **locations_with(item, doc, found, model)}) + "\n")
    run = subprocess.run([sys.executable, str(folder / "score.py"), str(gold), str(predicted), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def write_model(model_weights: Model, sets: tuple, articles: int) -> None:
    lines = [f"# Geocoding ranker for loader/extract/place_ranker.py: weights only. Written by `make train` "
             f"({COMMAND}),",
             f"# trained on our own features of the geoparsing sets {', '.join(sets)} in shared/eval/geo "
             f"({articles} articles); no text of them.",
             "model\tfeature\tweight"]
    lines += [f"rank\t{name}\t{weight:.6g}" for name, weight in zip(RANK_FEATURES, model_weights.rank)]
    lines += [f"confidence\t{name}\t{weight:.6g}"
              for name, weight in zip(CONFIDENCE_FEATURES, model_weights.confidence)]
    lines.append(f"threshold\tconfidence\t{model_weights.threshold:.6g}")
    MODEL_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def cell(scores: dict) -> str:
    return f"{scores['resolution_on_matched']['acc_at_161']:.3f} / {scores['recognition']['f1']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles of each set (a quick check)")
    parser.add_argument("--no-write", action="store_true", help="write neither the model nor the report")
    args = parser.parse_args()
    folder, started = eval_dir(), time.monotonic()
    parsed = {name: parse_set(folder, name, args.limit) for name in SETS}
    gold_counts = {name: sum(len(article["toponyms"]) for article, *_ in items) for name, items in parsed.items()}
    groups = {name: groups_of(items) for name, items in parsed.items()}
    models = {name: fit(groups[name], gold_counts[name]) for name in SETS}
    models["all three"] = fit([g for name in SETS for g in groups[name]], sum(gold_counts.values()))
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        ranker_only = Model({"rank": dict(zip(RANK_FEATURES, models["all three"].rank)),
                             "confidence": {"bias": 10.0}, "threshold": {"confidence": 0.0}})
        for trained, model in [("no model (resolver scores)", None), *models.items(),
                               ("all three, ranker only (every name kept)", ranker_only)]:
            cells = [cell(score(folder, name, parsed[name], model, Path(scratch))) for name in SETS]
            rows.append(f"| {trained} | " + " | ".join(
                cells[i] + (" (in-sample)" if trained.startswith((SETS[i], "all three")) else "")
                for i in range(len(SETS)))
                + " |")
    table = "\n".join(["| trained on | " + " | ".join(SETS) + " |", "|---|" + "---:|" * len(SETS), *rows])
    print(table)
    if not args.no_write and args.limit is None:
        write_model(models["all three"], SETS, sum(len(items) for items in parsed.values()))
        REPORT.write_text(
            "# Geocoding ranker: cross-set validation\n\n"
            f"`{COMMAND}` (trains, writes loader/data/{MODEL_FILE}, and this table; "
            f"{time.monotonic() - started:.0f} s).\n\n"
            "Each cell: Acc@161 on recognised toponyms / recognition F1, scored by shared/eval/geo/score.py. "
            "A model trained on one set is scored on the other two (out of sample); the model trained on all "
            "three (what `make train-geo` writes; git-ignored, not shipped) is scored in-sample.\n\n"
            + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
