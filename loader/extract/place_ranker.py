"""The learned part of toponym resolution: which candidate a name means, and whether to trust the pick.

Two small linear models, read from loader/data/place_ranker.tsv (written by `make train`,
scripts/train_geo.py):
- `rank`: a conditional logit over one name's candidates — softmax of w·f, where f are the features
  below (population, feature class, name exactness, alternate-name count, the article's country /
  division / neighbourhood votes, qualifier, dateline, and the hand-weighted resolver score itself);
- `confidence`: a logistic model of "the pick is within 161 km of the right place", from the pick's
  probability, its margin, its kind and how the name was recognised. Below `threshold` the name gets no
  confident match and is left out of `locations` (a wrong place on the map is worse than none). Places
  of our own table (regions, seas, historical countries) are exempt: the name is all they mean, and the
  training sets hardly have them.

Without the file (the package never ships it: it is derived from evaluation sets whose README forbids
that) the resolver's own scores decide.
"""
import math
from functools import lru_cache

from ..datafiles import data_lines

MODEL_FILE = "place_ranker.tsv"
NEAR_LIMITS_KM = (50, 161, 500)
CLASS_FEATURES = ("pcl", "cont", "adm1", "adm2", "pplc", "ppl", "region", "water")
WATER_CODES = {"SEA", "GULF", "OCN", "STRT", "BAY", "LK", "CHN", "SD"}
RANK_FEATURES = ("rule", "rule_top", "prior_top", "pop_share", "logpop", *CLASS_FEATURES, "main_name", "preferred",
                 "names",
                 "country", "country_share", "admin1", "admin1_share", "admin2",
                 *(f"near{limit}" for limit in NEAR_LIMITS_KM), "qualifier",
                 "dateline_town", "dateline_country", "dateline_near")
CONFIDENCE_FEATURES = ("bias", "probability", "margin", "weak", "supported", "adjectival", "mentions",
                       "logpop", *CLASS_FEATURES, "main_name", "country", "admin1", "near161", "single_word")


def feature_class(feature_code: str, place_id: int) -> str:
    if feature_code in ("PCLI", "PCLH"):
        return "pcl"
    if feature_code in WATER_CODES:
        return "water"
    if place_id < 0 or feature_code in ("RGN", "PEN", "ZNB"):
        return "region"
    if feature_code in ("CONT", "ADM1", "ADM2", "PPLC"):
        return feature_code.lower()
    return "ppl"


class Model:
    def __init__(self, weights: dict[str, dict[str, float]]):
        self.rank = [weights["rank"].get(name, 0.0) for name in RANK_FEATURES]
        self.confidence = [weights["confidence"].get(name, 0.0) for name in CONFIDENCE_FEATURES]
        self.threshold = weights["threshold"]["confidence"]

    def probabilities(self, rows: list[dict]) -> list[float]:
        return softmax([sum(w * row.get(name, 0.0) for w, name in zip(self.rank, RANK_FEATURES)) for row in rows])

    def trust(self, row: dict) -> float:
        z = sum(w * row.get(name, 0.0) for w, name in zip(self.confidence, CONFIDENCE_FEATURES))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def get_model() -> Model | None:
    try:
        lines = data_lines(MODEL_FILE)
    except FileNotFoundError:
        return None
    weights: dict[str, dict[str, float]] = {}
    for line in lines[1:]:  # after the column header
        model, feature, weight = line.split("\t")
        weights.setdefault(model, {})[feature] = float(weight)
    return Model(weights)


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]
