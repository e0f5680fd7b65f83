"""Places stage: recognise toponyms, then pick one GeoNames place for each (toponym resolution).

Every name starts from a prior (feature type and population: "most populous match"), and the article then votes:
the dateline ("WASHINGTON" → Washington, D.C.), "Shenyang, China"-style qualifiers, the countries, first-level
divisions and places its other toponyms resolve to, and distance to those places. A town whose own county the
article names anywhere ("Paris police ... the Henry County Commission": Paris, Tennessee) wins even against a
famous namesake; a county name several states share ("Washington County") counts with the state named. One name
keeps one place per article. A few rounds let the choices settle; `score` is the chosen place's share of the
softmax over its candidates.

Then a small learned model (place_ranker.py) re-ranks each name's candidates on the same evidence and says
how far to trust the pick; a name without a confident match is left out. `score` is then that trust.

A one-word name the model took for a person and the mentions stage for a big town ("shipments from
Rotterdam") is a guess: it stays a place when the article's places back the pick, or when the pick is a big
town of that name, confident, and neither contradicted by the article's other countries nor written anywhere
but where a place goes. A weak pick of it is no place rather than a far-off namesake.
"""
import math
import re

from ..geometry import distance_km
from .gazetteer import Place, get_gazetteer, name_key
from .mentions import CITY_MIN_POPULATION, sports_article
from .place_ranker import NEAR_LIMITS_KM, Model, feature_class, get_model, softmax
from .toponyms import Toponym, recognise

MAX_CANDIDATES = 40
ROUNDS = 3
TYPE_PRIOR = {"PCLI": 5.0, "PCLH": 5.0, "CONT": 4.5, "PPLC": 3.5, "ADM1": 1.5, "ADM2": -1.0}
EXTRA_PRIOR = 10.0  # hand-kept regions ("Korean Peninsula") have no population; the name is all they mean
MAIN_NAME_BONUS = 1.0
PREFERRED_BONUS = 2.0  # our alias table names what a name usually means in the news ("New York": the city)
ALIAS_OVER_NAME_RATIO = 50  # an alternate-name reading survives only if far bigger ("Bombay": Mumbai, not Bombay NZ)
QUALIFIER_BONUS = 6.0  # "Shenyang, China", "Paris, Texas"
COUNTRY_PRESENCE, COUNTRY_SHARE = 2.0, 2.0  # bonus for any other name there, and for the share of them
ADMIN1_PRESENCE, ADMIN1_SHARE = 2.0, 1.5
ADMIN2_PRESENCE = 1.0
NEAR_KM = ((50, 2.0), (200, 1.0))
DATELINE_CITY_BONUS = 5.0  # a dateline names a town: "NEW YORK" is the city, not the state
DATELINE_WEIGHT = 3  # the place a story was filed from counts like this many mentions
SUPPORT_KM = 100
QUALIFIER_GAP = {",", ", ", " , ", " ("}
WEAK_SHARE = 0.5  # a pick with less of its name's belief than this is a guess
FAMOUS_RATIO = 5  # ...that yields to a namesake this many times bigger ("Geneva": Switzerland's, not Illinois')
NAMESAKE_CITY_SHARE = 0.1  # "New York": a state's namesake city this big (by population) is what the name means
# ...when the city's own name is the state's ("São Paulo"), or when the name is only an alternate of a city this big
# ("New York" for New York City; "Oklahoma" stays the state, not Oklahoma City)
NAMESAKE_ALTERNATE_POPULATION = 1_000_000
# Words after which a name is where something is or goes: "flew to Calais", "a port near Calais".
PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|to|into|near|outside|toward|towards|via)\s+$")
DIVISION_WORDS = ("state", "State", "STATE", "province", "Province", "oblast", "Oblast", "prefecture", "Prefecture")
# A team's nickname after its city's name: "Dallas Stars", "Pittsburgh Penguins" (a capitalised plural).
TEAM_NICKNAME = re.compile(r"[ \t]+[A-Z][a-z]*[a-z]s\b")
COUNTY_BONUS = 10.0  # "PARIS — The Henry County Commission ...": the namesake in that county, even a small one
# A second-level division as a local paper names it: "Henry County", "St. Tammany Parish", "Kenai Peninsula Borough".
COUNTY_PHRASE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,3})(County|Parish|Borough|Census Area)\b")


def extract_places(item: dict, doc, found: dict) -> dict:
    return locations_with(item, doc, found, get_model())


def locations_with(item: dict, doc, found: dict, model: Model | None) -> dict:
    """extract_places with a given model (None: the resolver's own scores); training compares models."""
    resolver, toponyms, dateline = resolver_for(item, doc, found)
    choices = resolver.choices(model)
    rows = [{**_row(toponym, *choices[name_key(toponym.name)]), "is_dateline": int(toponym.dateline)}
            for toponym in toponyms if choices.get(name_key(toponym.name))]
    if dateline:
        rows.insert(0, {**_row(Toponym(None, None, item["dateline"]), dateline, 1.0), "is_dateline": 1})
    return {"locations": rows}


def resolver_for(item: dict, doc, found: dict):
    """The settled resolver of an article, its toponyms and its dateline place."""
    toponyms = recognise(doc, found.get("mentions") or [], get_gazetteer())
    dateline = resolve_dateline(item.get("dateline"), doc.text)
    resolver = _Resolver(_group(toponyms), doc.text, dateline)
    resolver.run()
    return resolver, toponyms, dateline


def resolve_dateline(dateline: str | None, text: str = "") -> Place | None:
    """The city a story was filed from: "WASHINGTON", "BEIJING/SEOUL", "Hong Kong"; a town whose county the
    story names ("PARIS — The Henry County Commission") before a famous namesake."""
    if not dateline or not dateline.strip():
        return None
    first = dateline.split("/")[0].split(",")[0].strip()
    candidates = get_gazetteer().candidates(first.title()) or get_gazetteer().candidates(first)
    if not candidates:
        return None
    in_county = county_readings(counties_named(text or ""), candidates, set())
    return max(candidates, key=lambda place: prior(place, first) + COUNTY_BONUS * (place.id in in_county)
               + DATELINE_CITY_BONUS * place.feature_code.startswith("PPL"))


def counties_named(text: str) -> set[str]:
    """The name keys of the counties (parishes, boroughs) a text names: "the Henry County Commission" → "henry
    county" (and "the henry county", which is the same key)."""
    found = set()
    for match in COUNTY_PHRASE.finditer(text):
        words = match.group(1).split()
        found.update(name_key(" ".join([*words[-n:], match.group(2)])) for n in range(1, len(words) + 1))
    return found


def county_readings(named: set[str], places: list[Place], states: set[int]) -> set[int]:
    """The ids of the namesakes among `places` whose own county (the GeoNames second-level division the gazetteer
    links each town to) the text names as "<X> County" / "Parish" / "Borough" (`named`: counties_named of the
    text, read once per article). A county name several states'
    namesakes lie in ("Henry County" holds a Paris in Tennessee and one in another state) counts only for those
    whose state is in `states` (admin1 ids the article names)."""
    if not named:
        return set()
    gazetteer = get_gazetteer()
    fitting = {}
    for place in places:
        if place.admin2_id and place.admin2_id != place.id and place.feature_code.startswith("PPL"):
            county = gazetteer.get(place.admin2_id)
            if county is not None and name_key(county.name) in named:
                fitting[place.id] = place.admin1_id
    if len(set(fitting.values())) > 1:
        return {place_id for place_id, state in fitting.items() if state in states}
    return set(fitting)


def prior(place: Place, surface: str) -> float:
    if place.id < 0:
        return EXTRA_PRIOR
    score = math.log10(place.population + 10) + TYPE_PRIOR.get(place.feature_code, 0.0)
    gazetteer = get_gazetteer()
    if gazetteer.is_main_name(place, surface):
        score += MAIN_NAME_BONUS + PREFERRED_BONUS * (gazetteer.preferred.get(name_key(surface)) == place.id)
    return score


def _group(toponyms: list[Toponym]) -> dict[str, list[Toponym]]:
    groups: dict[str, list[Toponym]] = {}
    for toponym in toponyms:
        groups.setdefault(name_key(toponym.name), []).append(toponym)
    return groups


def _candidates(surface: str, as_dateline: bool = False) -> list[Place]:
    """The likeliest places a name can mean, best prior first. A town known under the name only as an
    alternate ("Mexico" for Mexico City) yields to a place whose own name it is (the country Mexico),
    except in a dateline, which always names a town ("NEW YORK —"); a name our own table gives a place
    ("West Germany", "the Gulf") keeps only the places whose own name it is."""
    gazetteer = get_gazetteer()
    places = gazetteer.candidates(surface)
    if any(place.id < 0 and gazetteer.is_main_name(place, surface) for place in places):
        # our own table names the place so ("West Germany", "Persian Gulf"): other readings need the name too
        places = [place for place in places if gazetteer.is_main_name(place, surface)]
    own = [place.population for place in places if gazetteer.is_main_name(place, surface)]
    own_states = {place.id for place in places
                  if place.feature_code == "ADM1" and gazetteer.is_main_name(place, surface)}
    if own and not as_dateline:  # ("New York City" stays for "New York", in the state of that name)
        places = [place for place in places if not place.feature_code.startswith("PPL")
                  or gazetteer.is_main_name(place, surface) or place.population > ALIAS_OVER_NAME_RATIO * max(own)
                  or place.admin1_id in own_states]
    return sorted(places, key=lambda place: -prior(place, surface))[:MAX_CANDIDATES]


class _Resolver:
    """Soft voting: each name spreads its belief over its candidates; every round, each candidate is
    re-scored by how much of the other names' belief falls in its country, division and neighbourhood."""

    def __init__(self, groups: dict[str, list[Toponym]], text: str, dateline: Place | None):
        self.groups = groups
        self.text = text
        self.dateline = dateline
        options = {key: _candidates(members[0].name, any(t.dateline for t in members))
                   for key, members in groups.items()}
        self.options = {key: places for key, places in options.items() if places}
        self.weights = {key: 0 if _is_weak(groups[key]) else
                        len(groups[key]) + DATELINE_WEIGHT * any(t.dateline for t in groups[key])
                        for key in self.options}
        self.qualifiers = _qualifiers(groups, text)
        self.in_county = self._county_readings()
        self.scores = {key: [prior(place, groups[key][0].name) for place in places]
                       for key, places in self.options.items()}
        self.sports = sports_article(text)

    def _county_readings(self) -> dict[str, set[int]]:
        """name key → the ids of its candidates whose county the article names (a county name many states share
        counting with the state named, as the prior reads the article's other names)."""
        named = counties_named(self.text)
        if not named:
            return {}
        states = {places[0].id for places in self.options.values() if places[0].feature_code == "ADM1"}
        if self.dateline is not None:
            states.add(self.dateline.admin1_id)
        found = {key: county_readings(named, places, states) for key, places in self.options.items()}
        return {key: ids for key, ids in found.items() if ids}

    def run(self) -> None:
        for _ in range(ROUNDS):
            beliefs = {key: softmax(scores) for key, scores in self.scores.items()}
            self.scores = {key: self._rescore(key, beliefs) for key in self.options}

    def choices(self, model: Model | None) -> dict:
        """name key → (place, score) for the names that get a (confident) match."""
        beliefs = {key: softmax(scores) for key, scores in self.scores.items()}
        chosen = {}
        for key, places in self.options.items():
            if model is None:
                best = self._prominent_reading(key, _argmax(beliefs[key]), beliefs)
                if best is not None:
                    chosen[key] = (places[self._team_city(key, self._namesake_city(key, best), beliefs)],
                                   round(beliefs[key][best], 3))
                continue
            best, trust = self.decide(key, model, beliefs)
            if trust >= model.threshold or places[best].id < 0:  # our own table's places are exempt
                chosen[key] = (places[self._team_city(key, self._namesake_city(key, best), beliefs)], round(trust, 3))
        return {key: choice for key, choice in chosen.items()
                if (self.weights[key] or self._supported(key, choice[0], beliefs))
                and (not self._town_guess(key) or self._town_backed(key, *choice, beliefs))}

    def _town_guess(self, key: str) -> bool:
        members = self.groups[key]
        return any(toponym.town_guess for toponym in members) and all(toponym.town_guess or toponym.weak
                                                                        for toponym in members)

    def _town_backed(self, key: str, place: Place, score: float, beliefs: dict) -> bool:
        """A one-word "person" taken for a big town stays a place if the article's places back the pick, or if
        the pick is a big town of that name, confident, and not contradicted: the article's other places lie in
        its country (or nowhere), or the name is written where a place goes ("to Calais", "in Calais")."""
        if self._locally_supported(key, place, beliefs):
            return True
        surface = self.groups[key][0].name
        if place.population < CITY_MIN_POPULATION or not get_gazetteer().is_main_name(place, surface) \
                or score < WEAK_SHARE:
            return False
        countries = self._votes(key, beliefs)["country"]
        if countries.get(place.country_code, 0) >= 1 or sum(countries.values()) < 1:
            return True
        return any(PLACE_PREPOSITION.search(self.text, max(0, toponym.start - 12), toponym.start)
                   for toponym in self.groups[key] if toponym.start)

    def _prominent_reading(self, key: str, best: int, beliefs: dict) -> int | None:
        """A weak pick of a small place that only the article's country supports (no qualifier, same state or
        nearby place) yields to a far bigger namesake, or, without one, is no confident match."""
        places, place = self.options[key], self.options[key][best]
        if (beliefs[key][best] >= WEAK_SHARE or not place.feature_code.startswith(("PPL", "ADM2"))
                or place.id < 0 or self._locally_supported(key, place, beliefs)):
            return best
        biggest = max(range(len(places)), key=lambda index: places[index].population)
        if biggest == best or places[biggest].population >= FAMOUS_RATIO * max(place.population, 1):
            return biggest  # the famous reading (or the pick is the famous one)
        return None

    def _locally_supported(self, key: str, place: Place, beliefs: dict) -> bool:
        if place.id in self.in_county.get(key, ()):
            return True
        if any(_within(place, q) for q in self._qualifier_places(key, beliefs)):
            return True
        votes = self._votes(key, beliefs)
        return votes["admin1"].get(place.admin1_id, 0) >= 1 or any(
            distance_km(place.latitude, place.longitude, *point) <= SUPPORT_KM for point in votes["points"])

    def _namesake_city(self, key: str, best: int) -> int:
        """A state named like its own big city ("New York", "São Paulo") means the city, unless the text
        names the division ("New York state"). A city the name is only an alternate of means it only when it is a
        city of NAMESAKE_ALTERNATE_POPULATION or more: "Oklahoma" is the state, not Oklahoma City."""
        places, division = self.options[key], self.options[key][best]
        if division.feature_code != "ADM1" or any(
                self.text[toponym.end:toponym.end + 12].lstrip().startswith(DIVISION_WORDS)
                for toponym in self.groups[key] if toponym.end is not None):
            return best
        surface, gazetteer = self.groups[key][0].name, get_gazetteer()
        cities = [index for index, place in enumerate(places) if place.feature_code.startswith("PPL")
                  and place.admin1_id == division.id and place.population >= NAMESAKE_CITY_SHARE * division.population
                  and (place.population >= NAMESAKE_ALTERNATE_POPULATION or gazetteer.is_main_name(place, surface))]
        return cities[0] if cities else best

    def _team_city(self, key: str, best: int, beliefs: dict) -> int:
        """In a sports report (mentions.sports_article) a town's name written before a team's nickname ("the Dallas
        Stars beat the Pittsburgh Penguins") is the team's city: a small town picked because the article's other
        teams' cities lie in its state yields to a namesake city of its country FAMOUS_RATIO times bigger and of
        CITY_MIN_POPULATION or more, unless the article itself places the small one: its state or county written
        after it, its county named, the dateline."""
        places, place = self.options[key], self.options[key][best]
        if not self.sports or not place.feature_code.startswith("PPL") or place.id < 0 \
                or not any(toponym.end is not None and TEAM_NICKNAME.match(self.text, toponym.end)
                           for toponym in self.groups[key]) \
                or any(toponym.dateline for toponym in self.groups[key]) \
                or place.id in self.in_county.get(key, ()) \
                or any(_within(place, qualifier) for qualifier in self._qualifier_places(key, beliefs)):
            return best
        surface, gazetteer = self.groups[key][0].name, get_gazetteer()
        famous = [index for index, other in enumerate(places) if other.feature_code.startswith("PPL")
                  and other.country_code == place.country_code
                  and other.population >= max(CITY_MIN_POPULATION, FAMOUS_RATIO * max(place.population, 1))
                  and gazetteer.is_main_name(other, surface)]
        return max(famous, key=lambda index: places[index].population) if famous else best

    def decide(self, key: str, model: Model, beliefs: dict) -> tuple[int, float]:
        """The model's pick among a name's candidates and its trust in it."""
        rows = self.features(key, beliefs)
        probabilities = model.probabilities(rows)
        best = _argmax(probabilities)
        return best, model.trust(self.confidence_features(key, rows[best], probabilities, best, beliefs))

    def features(self, key: str, beliefs: dict) -> list[dict]:
        """Ranking features of each candidate of a name (place_ranker.RANK_FEATURES)."""
        gazetteer = get_gazetteer()
        votes = self._votes(key, beliefs)
        surface = self.groups[key][0].name
        is_dateline = any(toponym.dateline for toponym in self.groups[key])
        qualifier_places = self._qualifier_places(key, beliefs)
        top = _argmax(self.scores[key])
        places = self.options[key]
        biggest = max(place.population for place in places)
        rows = []
        for index, place in enumerate(places):
            row = {"rule": self.scores[key][index], "rule_top": float(index == top), "prior_top": float(index == 0),
                   "pop_share": math.log10((place.population + 10) / (biggest + 10)),
                   "logpop": math.log10(place.population + 10), feature_class(place.feature_code, place.id): 1.0,
                   "main_name": float(gazetteer.is_main_name(place, surface)),
                   "preferred": float(gazetteer.preferred.get(key) == place.id),
                   "names": math.log1p(place.name_count),
                   "qualifier": float(any(_within(place, q) for q in qualifier_places)),
                   "dateline_town": float(is_dateline and place.feature_code.startswith("PPL"))}
            row.update(_vote_features(place, votes))
            if self.dateline:
                row["dateline_country"] = float(bool(place.country_code) and
                                                place.country_code == self.dateline.country_code)
                row["dateline_near"] = float(distance_km(place.latitude, place.longitude, self.dateline.latitude,
                                                         self.dateline.longitude) <= 161)
            rows.append(row)
        return rows

    def confidence_features(self, key: str, row: dict, probabilities: list[float], best: int,
                            beliefs: dict) -> dict:
        """Confidence features of a name's pick (place_ranker.CONFIDENCE_FEATURES)."""
        place, members = self.options[key][best], self.groups[key]
        ordered = sorted(probabilities, reverse=True)
        margin = ordered[0] - (ordered[1] if len(ordered) > 1 else 0.0)
        return {"bias": 1.0, "probability": ordered[0], "margin": margin, "weak": float(_is_weak(members)),
                "supported": float(self._supported(key, place, beliefs)),
                "adjectival": float(all(toponym.adjectival for toponym in members)),
                "mentions": math.log1p(len(members)), "single_word": float(" " not in members[0].text.strip()),
                **{name: row.get(name, 0.0) for name in ("logpop", "pcl", "cont", "adm1", "adm2", "pplc", "ppl",
                                                         "region", "water", "main_name", "country", "admin1",
                                                         "near161")}}

    def _rescore(self, key: str, beliefs: dict) -> list[float]:
        votes = self._votes(key, beliefs)
        surface = self.groups[key][0].name
        as_dateline = DATELINE_CITY_BONUS * any(toponym.dateline for toponym in self.groups[key])
        qualifier_places = self._qualifier_places(key, beliefs)
        return [prior(place, surface) + _vote_score(place, votes)
                + as_dateline * place.feature_code.startswith("PPL")
                + QUALIFIER_BONUS * any(_within(place, q) for q in qualifier_places)
                + COUNTY_BONUS * (place.id in self.in_county.get(key, ()))
                for place in self.options[key]]

    def _qualifier_places(self, key: str, beliefs: dict) -> list[Place]:
        return [self.options[other][_argmax(beliefs[other])] for other in self.qualifiers.get(key, ())
                if other in self.options]

    def _votes(self, key: str, beliefs: dict) -> dict:
        """Where the other names' belief (and the dateline) lies: country, admin1, admin2 masses; points."""
        votes = {"country": {}, "admin1": {}, "admin2": {}, "points": []}
        for other, places in self.options.items():
            weight = self.weights[other]
            if other == key or not weight:
                continue
            for place, belief in zip(places, beliefs[other]):
                _add_vote(votes, place, weight * belief)
            best = _argmax(beliefs[other])
            if (beliefs[other][best] >= 0.5 and places[best].feature_code not in ("PCLI", "CONT")
                    and places[best].id > 0):
                votes["points"].append((places[best].latitude, places[best].longitude))
        if self.dateline:
            _add_vote(votes, self.dateline, DATELINE_WEIGHT)
            votes["points"].append((self.dateline.latitude, self.dateline.longitude))
        return votes

    def _supported(self, key: str, place: Place, beliefs: dict) -> bool:
        """A guessed toponym stays if the article's sure places agree: same division, nearby, or a qualifier."""
        if place.feature_code in ("PCLI", "CONT", "ADM1") or place.id < 0:
            return (place.id < 0 or self._votes(key, beliefs)["country"].get(place.country_code, 0) >= 1
                    or any(_within(place, q) for q in self._qualifier_places(key, beliefs)))
        return self._locally_supported(key, place, beliefs)


def _add_vote(votes: dict, place: Place, mass: float) -> None:
    for kind, value in (("country", place.country_code), ("admin1", place.admin1_id), ("admin2", place.admin2_id)):
        if value:
            votes[kind][value] = votes[kind].get(value, 0.0) + mass


def _vote_score(place: Place, votes: dict) -> float:
    score = 0.0
    for kind, value, presence, share in (("country", place.country_code, COUNTRY_PRESENCE, COUNTRY_SHARE),
                                         ("admin1", place.admin1_id, ADMIN1_PRESENCE, ADMIN1_SHARE),
                                         ("admin2", place.admin2_id, ADMIN2_PRESENCE, 0.0)):
        masses = votes[kind]
        if value and value in masses:
            score += presence * min(1.0, masses[value]) + share * masses[value] / sum(masses.values())
    if place.feature_code.startswith(("PPL", "ADM2")) and votes["points"]:
        nearest = min(distance_km(place.latitude, place.longitude, *point) for point in votes["points"])
        score += next((bonus for limit, bonus in NEAR_KM if nearest <= limit), 0.0)
    return score


def _vote_features(place: Place, votes: dict) -> dict:
    """How much of the article's other belief lies in the place's country, division, neighbourhood."""
    row = {}
    for kind, value in (("country", place.country_code), ("admin1", place.admin1_id), ("admin2", place.admin2_id)):
        mass = votes[kind].get(value, 0.0) if value else 0.0
        row[kind] = min(1.0, mass)
        if kind != "admin2":
            row[f"{kind}_share"] = mass / sum(votes[kind].values()) if mass else 0.0
    if votes["points"] and place.feature_code not in ("PCLI", "PCLH", "CONT"):
        nearest = min(distance_km(place.latitude, place.longitude, *point) for point in votes["points"])
        for limit in NEAR_LIMITS_KM:
            row[f"near{limit}"] = float(nearest <= limit)
    return row


def _argmax(values: list[float]) -> int:
    return max(range(len(values)), key=values.__getitem__)


def _is_weak(members: list[Toponym]) -> bool:
    return all(toponym.weak for toponym in members)


def _qualifiers(groups: dict[str, list[Toponym]], text: str) -> dict[str, set[str]]:
    """name key → keys of names written right after it as its qualifier ("Shenyang, China")."""
    ordered = sorted((toponym, key) for key, members in groups.items() for toponym in members)
    qualifiers: dict[str, set[str]] = {}
    for (first, first_key), (second, second_key) in zip(ordered, ordered[1:]):
        if text[first.end:second.start] in QUALIFIER_GAP and first_key != second_key:
            qualifiers.setdefault(first_key, set()).add(second_key)
    return qualifiers


def _within(place: Place, container: Place) -> bool:
    if container.feature_code == "PCLI":
        return place.country_code == container.country_code and place.id != container.id
    if container.feature_code == "ADM1":
        return place.admin1_id == container.id and place.id != container.id
    return container.feature_code == "ADM2" and place.admin2_id == container.id


def _row(toponym: Toponym, place: Place, score: float) -> dict:
    return {"start": toponym.start, "end": toponym.end, "text": toponym.text, "name": place.name,
            "geonameid": place.id, "latitude": place.latitude, "longitude": place.longitude,
            "country_code": place.country_code or None, "feature_code": place.feature_code,
            "admin1": place.admin1 or None, "population": place.population, "score": score, "is_dateline": 0}
