"""Places stage: recognise toponyms, then pick one GeoNames place for each (toponym resolution).

Every name starts from a prior (feature type and population: "most populous match"), and the article then
votes: the dateline ("WASHINGTON" → Washington, D.C.), "Shenyang, China"-style qualifiers, the countries,
first-level divisions and places its other toponyms resolve to, and distance to those places. One name
keeps one place per article. A few rounds let the choices settle; `score` is the chosen place's share of
the softmax over its candidates.
"""
import math

from .gazetteer import Place, get_gazetteer, name_key
from .toponyms import Toponym, recognise

MAX_CANDIDATES = 40
ROUNDS = 3
TYPE_PRIOR = {"PCLI": 5.0, "CONT": 4.5, "PPLC": 3.5, "ADM1": 1.5, "ADM2": -1.0}
EXTRA_PRIOR = 10.0  # hand-kept regions ("Korean Peninsula") have no population; the name is all they mean
MAIN_NAME_BONUS = 1.0
QUALIFIER_BONUS = 6.0  # "Shenyang, China", "Paris, Texas"
SAME_COUNTRY_BONUS = 2.5
MAIN_COUNTRY_BONUS = 1.0
SAME_ADMIN1_BONUS = 2.5
SAME_ADMIN2_BONUS = 1.0
NEAR_KM = ((50, 2.0), (200, 1.0))
DATELINE_CITY_BONUS = 3.0
DATELINE_WEIGHT = 3  # the place a story was filed from counts like this many mentions
SUPPORT_KM = 100
EARTH_RADIUS_KM = 6371.0088
QUALIFIER_GAP = {",", ", ", " , ", " ("}


def extract_places(item: dict, doc, found: dict) -> dict:
    gazetteer = get_gazetteer()
    toponyms = recognise(doc, found.get("mentions") or [], gazetteer)
    dateline = resolve_dateline(item.get("dateline"))
    groups = _group(toponyms)
    choices = _resolve(groups, doc.text, dateline)
    rows = [{**_row(toponym, *choices[name_key(toponym.text)]), "is_dateline": int(toponym.dateline)}
            for toponym in toponyms if choices.get(name_key(toponym.text))]
    if dateline:
        rows.insert(0, {**_row(Toponym(None, None, item["dateline"]), dateline, 1.0), "is_dateline": 1})
    return {"locations": rows}


def resolve_dateline(dateline: str | None) -> Place | None:
    """The city a story was filed from: "WASHINGTON", "BEIJING/SEOUL", "Hong Kong"."""
    if not dateline or not dateline.strip():
        return None
    first = dateline.split("/")[0].split(",")[0].strip()
    candidates = get_gazetteer().candidates(first.title()) or get_gazetteer().candidates(first)
    if not candidates:
        return None
    return max(candidates, key=lambda place: prior(place, first) + DATELINE_CITY_BONUS * place.feature_code.startswith("PPL"))


def prior(place: Place, surface: str) -> float:
    if place.id < 0:
        return EXTRA_PRIOR
    score = math.log10(place.population + 10) + TYPE_PRIOR.get(place.feature_code, 0.0)
    if name_key(place.name) == name_key(surface):
        score += MAIN_NAME_BONUS
    return score


def _group(toponyms: list[Toponym]) -> dict[str, list[Toponym]]:
    groups: dict[str, list[Toponym]] = {}
    for toponym in toponyms:
        groups.setdefault(name_key(toponym.text), []).append(toponym)
    return groups


def _candidates(surface: str) -> list[Place]:
    places = get_gazetteer().candidates(surface)
    places = _drop_shadowed_divisions(places)
    return sorted(places, key=lambda place: -prior(place, surface))[:MAX_CANDIDATES]


def _drop_shadowed_divisions(places: list[Place]) -> list[Place]:
    """A city and the division named after it ("Beijing", "New York"): news means the city."""
    cities = [place for place in places if place.feature_code.startswith("PPL")]
    shadowed = {place.id for place in places if place.feature_code in ("ADM1", "ADM2") and any(
        city.admin1_id == place.id or city.admin2_id == place.id for city in cities)}
    return [place for place in places if place.id not in shadowed]


def _resolve(groups: dict[str, list[Toponym]], text: str, dateline: Place | None) -> dict:
    """name key → (place, score); rounds of re-scoring against the other names' current choices."""
    options = {key: _candidates(members[0].text) for key, members in groups.items()}
    options = {key: places for key, places in options.items() if places}
    qualifiers = _qualifiers(groups, text)
    choices = {key: (places[0], 0.0) for key, places in options.items()}
    for _ in range(ROUNDS):
        choices = {key: _choose(key, places, groups, choices, qualifiers, dateline) for key, places in options.items()}
    return {key: choice for key, choice in choices.items()
            if not _is_weak(groups[key]) or _supported(key, choice[0], groups, choices, qualifiers, dateline)}


def _is_weak(members: list[Toponym]) -> bool:
    return all(toponym.weak for toponym in members)


def _supported(key, place: Place, groups, choices, qualifiers, dateline) -> bool:
    """A guessed toponym stays if the article's sure places agree: same division, nearby, or a qualifier."""
    if any(_within(place, choices[other][0]) for other in qualifiers.get(key, ()) if other in choices):
        return True
    context = _context(key, groups, choices, dateline)
    if place.feature_code in ("PCLI", "CONT") or place.id < 0:
        return place.country_code in context["countries"] or place.id < 0
    if place.admin1_id and place.admin1_id in context["admin1s"]:
        return True
    return any(distance_km(place.latitude, place.longitude, *point) <= SUPPORT_KM for point in context["points"])


def _qualifiers(groups: dict[str, list[Toponym]], text: str) -> dict[str, set[str]]:
    """name key → keys of names written right after it as its qualifier ("Shenyang, China")."""
    ordered = sorted((toponym, key) for key, members in groups.items() for toponym in members)
    qualifiers: dict[str, set[str]] = {}
    for (first, first_key), (second, second_key) in zip(ordered, ordered[1:]):
        if text[first.end:second.start] in QUALIFIER_GAP and first_key != second_key:
            qualifiers.setdefault(first_key, set()).add(second_key)
    return qualifiers


def _choose(key, places, groups, choices, qualifiers, dateline) -> tuple[Place, float]:
    context = _context(key, groups, choices, dateline)
    surface = groups[key][0].text
    qualifier_places = [choices[other][0] for other in qualifiers.get(key, ()) if other in choices]
    as_dateline = DATELINE_CITY_BONUS * any(toponym.dateline for toponym in groups[key])
    scores = [prior(place, surface) + _context_score(place, context) + as_dateline * place.feature_code.startswith("PPL")
              + QUALIFIER_BONUS * any(_within(place, q) for q in qualifier_places) for place in places]
    best = max(range(len(places)), key=scores.__getitem__)
    total = sum(math.exp(score - scores[best]) for score in scores)
    return places[best], round(1.0 / total, 3)


def _context(key: str, groups, choices, dateline: Place | None) -> dict:
    """What the article's other names (and its dateline) currently resolve to, weighted by mentions."""
    countries: dict[str, float] = {}
    admin1s, admin2s, points = set(), set(), []
    others = [(place, len(groups[other]) + DATELINE_WEIGHT * any(t.dateline for t in groups[other]))
              for other, (place, _) in choices.items() if other != key and not _is_weak(groups[other])]
    if dateline:
        others.append((dateline, DATELINE_WEIGHT))
    for place, weight in others:
        if place.country_code:
            countries[place.country_code] = countries.get(place.country_code, 0) + weight
        admin1s.add(place.admin1_id or None)
        admin2s.add(place.admin2_id or None)
        if place.feature_code not in ("PCLI", "CONT") and place.id > 0:
            points.append((place.latitude, place.longitude))
    main_country = max(countries, key=countries.get) if countries else None
    return {"countries": countries, "main_country": main_country, "admin1s": admin1s - {None},
            "admin2s": admin2s - {None}, "points": points}


def _context_score(place: Place, context: dict) -> float:
    score = 0.0
    if place.country_code in context["countries"]:
        score += SAME_COUNTRY_BONUS + MAIN_COUNTRY_BONUS * (place.country_code == context["main_country"])
    if place.feature_code != "ADM1" and place.admin1_id in context["admin1s"]:
        score += SAME_ADMIN1_BONUS
    if place.feature_code != "ADM2" and place.admin2_id in context["admin2s"]:
        score += SAME_ADMIN2_BONUS
    if place.feature_code.startswith(("PPL", "ADM2")) and context["points"]:
        nearest = min(distance_km(place.latitude, place.longitude, *point) for point in context["points"])
        score += next((bonus for limit, bonus in NEAR_KM if nearest <= limit), 0.0)
    return score


def _within(place: Place, container: Place) -> bool:
    if container.feature_code == "PCLI":
        return place.country_code == container.country_code and place.id != container.id
    if container.feature_code == "ADM1":
        return place.admin1_id == container.id and place.id != container.id
    return container.feature_code == "ADM2" and place.admin2_id == container.id


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _row(toponym: Toponym, place: Place, score: float) -> dict:
    return {"start": toponym.start, "end": toponym.end, "text": toponym.text, "name": place.name,
            "geonameid": place.id, "latitude": place.latitude, "longitude": place.longitude,
            "country_code": place.country_code or None, "feature_code": place.feature_code,
            "admin1": place.admin1 or None, "population": place.population, "score": score, "is_dateline": 0}
