"""Places that share a name, told apart in the entities: "Paris" the French capital and "Paris, Texas".

Entities are keyed by name (store/entities.py), so every article that names "Paris" lands on one GPE row, while the
places stage resolves each article's "Paris" on its own (locations.place_id). split_by_place (a FINISHER, after the
merges) splits a GPE entity only where an article itself confirms that its name means another place than most
articles take. Each article takes the place most of its locations of that name resolve to (unresolved ones are
ignored); the place most articles take (the dominant reading) keeps the bare row (its id, its name;
entities.place_id names it). An article reading another place moves to that place's row only when it names what
holds that place and not the dominant one (`confirmed_readings`): its state, province or county ("Paris, Tenn.", a
dateline "PARIS, Texas", "Lamar County" elsewhere, even beside a far bigger dominant place), two towns round it and
none round the dominant place (Lexington and Berea beside "Richmond": Kentucky's, not Virginia's), its country when
the dominant place lies in another, or for a country or a state a place inside it; a single article's misreading
("Toronto" as a small US town, with nothing naming Ohio) stays with the bare row. A split row's id is made from the
bare row's id and the place; it is named for a reader (`qualified_name`: "Paris, Texas", "Paris, France", "Georgia
(country)", "Georgia, United States"), and `split_from` names the bare row.
An article's mentions (and quotes said by the entity) follow its place; an article with no resolved location of
that name stays with the bare row. Everything is recomputed from the mentions and locations at every finish, so a
reload gives the same rows, and a split whose evidence is gone is undone (the rows nothing refers to are deleted).
"""
import json
import re
from collections import Counter, defaultdict

from ..extract.gazetteer import get_gazetteer, name_key
from ..extract.names import entity_key
from ..extract.places import DIVISION_WORDS, FAMOUS_RATIO, SUPPORT_KM, counties_named, county_readings
from ..geometry import distance_km
from ..geonames import FEATURE_LABELS, country_name
from .entities import _Tally, entity_id, places_by_spelling, refresh_entities
from .rows import chunks, marks

SPLIT_TYPE = "GPE"
COUNTRY_CODES = ("PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR", "PCLH")
QUALIFIER_REACH = 40  # characters after a name where its qualifier ", Tenn." may stand
AREA_CODES = (*COUNTRY_CODES, "ADM1")
# A name in a list of names is not qualified by the next one: "Maryland, Massachusetts and Virginia".
LIST_BEFORE = re.compile(r"[A-Z][\w.'’-]*(?:\s*,|\s+(?:and|or|&))\s*$")
LIST_AFTER = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)[A-Z]")
QUALIFIER = re.compile(r"\s*,\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")


def split_id(bare: str, place_id: int) -> str:
    """The id of the row of one place a bare GPE row was split by: the same in every load."""
    return entity_id(f"{bare}\x1fplace:{place_id}", SPLIT_TYPE)


def split_by_place(db) -> int:
    """A FINISHER: split (or re-split, or join again) every GPE entity by the places its articles resolve its name
    to; returns how many split rows the archive holds afterwards."""
    families = _families(db)
    readings = _readings(db, families)
    placed = {row[0] for row in db.execute("select id from entities where place_id is not null and split_from is null")}
    usual = usual_places(db) if readings else {}
    plans = {}
    for bare, (name, members) in families.items():
        if bare in readings or len(members) > 1 or bare in placed:  # only these may change
            plans[bare] = _move_family(db, bare, name, members, readings.get(bare, {}), usual)
    refresh_entities(db)  # the counts of the bare rows whose mentions moved (split rows are named below)
    for bare, (main, wanted) in plans.items():
        name, members = families[bare]
        db.execute("update entities set place_id = ? where id = ?", [main if wanted else None, bare])
        _name_splits(db, bare, name, wanted, main)
        for gone in sorted(members - {bare} - set(wanted.values())):
            db.execute("delete from entities where id = ?", [gone])
    return sum(len(wanted) for _, wanted in plans.values())


def _families(db) -> dict[str, tuple[str, set]]:
    """bare id → (its name, the ids of its family: itself and the rows split from it) for every GPE row of two
    articles or more that is nobody's short form, and every row that was split before."""
    families = {row[0]: (row[1], {row[0]}) for row in db.execute(
        "select id, name from entities where type = ? and merged_into is null and split_from is null "
        "and (article_count >= 2 or place_id is not null)", [SPLIT_TYPE])}
    for split, bare in db.execute("select id, split_from from entities where split_from is not null").fetchall():
        if bare not in families:
            found = db.execute("select name from entities where id = ?", [bare]).fetchone()
            families[bare] = (found[0] if found else "", {bare})
        families[bare][1].add(split)
    return families


def _readings(db, families: dict) -> dict[str, dict[str, int]]:
    """bare id → article → the place most of the article's resolved locations of the bare name resolve to, for
    the articles its family's mentions are in, for the names resolved to two places or more. SQL lists each
    spelling's places once (most of the 1.3 s this takes on 362,593 locations); only the locations of names resolved
    to two places or more are read."""
    by_key = {entity_key(name, SPLIT_TYPE): bare for bare, (name, _) in families.items() if name}
    abbreviations = _abbreviations(db, families, by_key)
    spellings, places_of = defaultdict(list), defaultdict(set)  # bare → spellings of its name, and their places
    for text, places in places_by_spelling(db):
        bare = by_key.get(entity_key(text, SPLIT_TYPE)) or abbreviations.get(text)
        if bare is not None:
            spellings[bare].append(text)
            places_of[bare].update(places)
    shared = {text: bare for bare, places in places_of.items() if len(places) > 1 for text in spellings[bare]}
    located = defaultdict(lambda: defaultdict(Counter))  # bare → article → place → locations
    for texts in chunks(sorted(shared)):
        for text, article, place in db.execute(f"select text, article_id, place_id from locations where place_id "
                                               f"is not null and text in ({marks(texts)})", texts):
            located[shared[text]][article][place] += 1
    found = {}
    for bare, articles in located.items():
        overall = Counter()
        for counts in articles.values():
            overall.update(counts)
        own = _articles_of(db, families[bare][1])
        found[bare] = {article: max(counts, key=lambda p: (counts[p], overall[p], -p))
                       for article, counts in articles.items() if article in own}
    return found


ABBREVIATION_CHARS = 5  # "WA", "N.Y.": the longest spelling read as a family's abbreviation


def _abbreviations(db, families: dict, by_key: dict) -> dict[str, str]:
    """spelling → bare id, for the short spellings ("WA" of "Seattle, WA") the mentions stage gave a family's name
    that are no key of a family's own: a state's postal code named as the state. A spelling two families share is
    left out."""
    bare_of = {member: bare for bare, (_, members) in families.items() for member in members}
    found = defaultdict(set)
    for text, entity in db.execute("select distinct text, entity_id from mentions where length(text) <= ?",
                                   [ABBREVIATION_CHARS]):
        if entity in bare_of and entity_key(text, SPLIT_TYPE) not in by_key:
            found[text].add(bare_of[entity])
    return {text: bares.pop() for text, bares in found.items() if len(bares) == 1}


def usual_places(db) -> dict[str, int]:
    """name key → the place most of the archive's articles read the name as, for the names with one such place (a
    tie between two readings gives none)."""
    counts = defaultdict(Counter)
    for text, place, articles in db.execute("select text, place_id, count(distinct article_id) from locations "
                                            "where place_id is not null group by text, place_id"):
        counts[name_key(text)][place] += articles
    usual = {}
    for key, places in counts.items():
        ranked = places.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            usual[key] = ranked[0][0]
    return usual


def _articles_of(db, members: set) -> set:
    ids = sorted(members)
    return {row[0] for row in db.execute(
        f"select distinct article_id from mentions where entity_id in ({marks(ids)})", ids)}


def _move_family(db, bare: str, name: str, members: set, by_article: dict[str, int],
                 usual: dict[str, int]) -> tuple[int | None, dict[int, str]]:
    """Point each article's mentions of the family at its place's row; returns the bare row's place and the split
    rows wanted (place → id), none when no article confirms a place other than the one most articles take."""
    main = _main_place(db, Counter(by_article.values()))
    by_article = confirmed_readings(db, name, members, by_article, main, usual)
    counts = Counter(by_article.values())
    if not counts:
        main = None
    wanted = {place: split_id(bare, place) for place in counts if place != main} if main is not None else {}
    if _move(db, bare, members, {article: wanted.get(place, bare) for article, place in by_article.items()}):
        db.execute("update entities set mention_count = null where id = ?", [bare])
    return main, wanted


def confirmed_readings(db, name: str, members: set, by_article: dict[str, int], main: int | None,
                       usual: dict[str, int] | None = None) -> dict[str, int]:
    """The articles (→ place) that read the name as a place other than the main one and confirm it themselves:
    the places stage's lone misreading ("Toronto" a small US town) stays with the main row. `usual`: usual_places of
    the archive (read here when not given)."""
    gazetteer = get_gazetteer()
    usual = usual_places(db) if usual is None else usual
    main_place = gazetteer.get(main) if main is not None else None
    kept = {}
    for article, place_id in by_article.items():
        place = gazetteer.get(place_id) if place_id != main else None
        if place is not None and main_place is not None and _confirms(db, gazetteer, name, members, article, place,
                                                                      main_place, usual):
            kept[article] = place_id
    return kept


def _confirms(db, gazetteer, name: str, members: set, article: str, place, main, usual: dict[str, int]) -> bool:
    """Whether the article itself says the name means `place`, not `main`. Written after the name: the place's
    state, province, county or (when `main` lies in another) country ("Paris, Tenn.", a dateline "PARIS, Texas"),
    or for a state the word ("Washington state"). Elsewhere in the article: the place's county; two towns round
    it and none round `main` (`_among_neighbours`); its state or province when no other is named as often; for a
    state or a country, two places in it and none in `main`, or two of its peers (`_among_peers`). A town named
    like the state or country `main` is ("England and Wales") takes only what follows the name; one far smaller
    than `main` ("the Paris climate agreement" in an article that names Texas) that and its county or neighbouring
    towns; a place that holds `main` or lies in it ("Istanbul" the city and the province) is never split from it, unless
    the article shows a state ("New York state", or the name written only as the state's abbreviation: "Albany,
    N.Y.", "Seattle, WA"), which is then apart from its namesake city.
    The places the stage read near the name are no evidence by themselves: it read them together."""
    tails = _tails(db, name, members, article)
    if place.feature_code == "ADM1" and (any(tail.lstrip().startswith(DIVISION_WORDS) for tail in tails)
                                         or _only_abbreviated(db, name, members, article)):
        return True  # "New York state", "Albany, N.Y.": the state, even beside its namesake city
    if main.id in (place.admin1_id, place.admin2_id) or place.id in (main.admin1_id, main.admin2_id):
        return False  # the city and its province of one name ("Istanbul"): one row
    holders = {place.admin1_id, place.admin2_id} - {0, place.id, main.admin1_id, main.admin2_id}
    countries = {place.country_code} - {main.country_code}
    if any(found.id in holders or (found.feature_code in COUNTRY_CODES and found.country_code in countries)
           for qualifier in _qualifiers(tails) for found in gazetteer.candidates(qualifier)):
        return True
    if _in_named_county(db, gazetteer, name, article, place, main):
        return True
    if main.feature_code in AREA_CODES and place.feature_code not in AREA_CODES:
        return False
    key = name_key(name)
    located = [(text, found) for text, place_id in db.execute(
        "select text, place_id from locations where article_id = ? and place_id is not null and is_dateline = 0",
        [article]).fetchall() if name_key(text) != key and (found := gazetteer.get(place_id)) is not None]
    others = [found for _, found in located]
    if _among_neighbours(place, main, located, usual):
        return True
    if main.population > FAMOUS_RATIO * place.population:
        return False
    if place.feature_code in AREA_CODES:
        inside = {found.id for found in others if found.id != place.id and _within(found, place)}
        return (len(inside) >= 2 and not any(_within(found, main) for found in others)) or _among_peers(
            place, main, others)
    if any(found.id == place.admin2_id != main.admin2_id for found in others if found.id):
        return True
    named = Counter(found.id for found in others if found.feature_code == "ADM1").most_common(2)
    return bool(named) and named[0][0] == place.admin1_id != main.admin1_id and (
        len(named) == 1 or named[0][1] > named[1][1])


def _only_abbreviated(db, name: str, members: set, article: str) -> bool:
    """Whether the article writes the name only in abbreviations ("N.Y.", "WA" after a town), which name a state."""
    ids = sorted(members)
    texts = {row[0] for row in db.execute(
        f"select distinct text from mentions where article_id = ? and entity_id in ({marks(ids)})", [article, *ids])}
    return bool(texts) and all(name_key(text) != name_key(name) and len(text) <= ABBREVIATION_CHARS for text in texts)


def _among_neighbours(place, main, located: list[tuple], usual: dict[str, int]) -> bool:
    """A town the article's other towns and counties surround: two of them (by name) lie within SUPPORT_KM of it
    and none within SUPPORT_KM of `main` ("Richmond" beside Lexington, Berea and Winchester is Richmond, Kentucky,
    not Virginia's; "London" beside Woodstock and St. Thomas is London, Ontario), even where `main` is famous. The
    stage reads a cluster of towns together and may read it in the wrong state ("Columbia" and "Georgetown" the
    universities as two towns in Pennsylvania), so only the neighbours read as the archive usually reads their
    names count (`usual`), and none where the article names a state or country that holds `main`
    and not `place` ("Virginia")."""
    if not place.feature_code.startswith("PPL") or any(
            found.feature_code in AREA_CODES and _within(main, found) and not _within(place, found)
            for _, found in located):
        return False
    local = [(text, found) for text, found in located
             if found.feature_code.startswith(("PPL", "ADM2")) and found.id != place.id]
    near = {name_key(found.name) for text, found in local
            if usual.get(name_key(text)) == found.id and _distance(found, place) <= SUPPORT_KM}
    return len(near) >= 2 and not any(_distance(found, main) <= SUPPORT_KM for _, found in local)


def _among_peers(place, main, others: list) -> bool:
    """A country or a state named among its peers, where `main` (an area too) lies in another country: two other
    countries for a country ("Turkey, Georgia and Ukraine": the country, not the US state), two other states or
    provinces of its country for a state, and no place in `main`'s country but that country itself."""
    if main.feature_code not in AREA_CODES or main.country_code == place.country_code:
        return False
    if place.feature_code in COUNTRY_CODES:
        peers = {found.id for found in others if found.feature_code in COUNTRY_CODES
                 and found.country_code not in (place.country_code, main.country_code)}
    else:
        peers = {found.id for found in others if found.feature_code == "ADM1" and found.id != place.id
                 and found.country_code == place.country_code}
    return len(peers) >= 2 and not any(found.country_code == main.country_code
                                       and found.feature_code not in COUNTRY_CODES for found in others)


def _distance(one, other) -> float:
    return distance_km(one.latitude, one.longitude, other.latitude, other.longitude)


def _in_named_county(db, gazetteer, name: str, article: str, place, main) -> bool:
    """The article names `place`'s county and not `main`'s (places.county_readings among the name's namesakes,
    with the states the article's locations resolve to)."""
    body = (db.execute("select body from articles where id = ?", [article]).fetchone() or ("",))[0] or ""
    states = {row[0] for row in db.execute(
        "select place_id from locations join places on places.id = locations.place_id "
        "where article_id = ? and places.feature_code = 'ADM1'", [article])}
    readings = county_readings(counties_named(body or ""), gazetteer.candidates(name), states)
    return place.id in readings and main.id not in readings


def _within(found, area) -> bool:
    """`found` lies in `area` (a country or a state), or is that place."""
    if area.feature_code in COUNTRY_CODES:
        return found.country_code == area.country_code
    if area.feature_code == "ADM1":
        return found.admin1_id == area.id
    return found.id == area.id


def _tails(db, name: str, members: set, article: str) -> list[str]:
    """What follows the name in the article's body (where the name stands in no list of names: "New York,
    Washington, Massachusetts and Virginia") and in its dateline ("PARIS, Tenn." → ", Tenn.")."""
    body, dateline = db.execute("select body, dateline from articles where id = ?", [article]).fetchone() or ("", "")
    body = body or ""
    ids = sorted(members)
    spans = db.execute(f"select start, end from mentions where article_id = ? and entity_id in ({marks(ids)})",
                       [article, *ids]).fetchall()
    tails = [body[end:end + QUALIFIER_REACH] for start, end in spans
             if not LIST_BEFORE.search(body[max(0, start - QUALIFIER_REACH):start])]
    for part in (dateline or "").split("/"):
        head, _, rest = part.partition(",")
        if rest and name_key(head) == name_key(name):
            tails.append("," + rest)
    return tails


def _qualifiers(tails: list[str]) -> list[str]:
    """The qualifier each tail starts with (", Tenn., police said" → "Tenn."), one to three capitalised words,
    the longest first; none where it goes on as a list (", Maryland, Massachusetts and Virginia")."""
    found = []
    for tail in tails:
        match = QUALIFIER.match(tail)
        if match and not LIST_AFTER.match(tail, match.end()):
            words = match.group(1).split()
            found += [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    return found


def _main_place(db, counts: Counter) -> int | None:
    """The place most articles resolve the name to (then the more populous, then the smaller id)."""
    if not counts:
        return None
    population = {row[0]: row[1] or 0 for row in db.execute(
        f"select id, population from places where id in ({marks(list(counts))})", list(counts))}
    return max(counts, key=lambda place: (counts[place], population.get(place, 0), -place))


def _move(db, bare: str, members: set, targets: dict[str, str]) -> int:
    """Give each article's mentions and quotes of the family to its row (the bare row when the article has no
    reading); returns how many mentions moved."""
    ids = sorted(members)
    moved = 0
    rows = db.execute(f"select id, article_id, entity_id from mentions where entity_id in ({marks(ids)})", ids)
    changes = defaultdict(list)
    for mention, article, current in rows.fetchall():
        target = targets.get(article, bare)
        if target != current:
            changes[target].append(mention)
    for target, mentions in changes.items():
        _ensure_row(db, bare, target)
        for part in chunks(mentions):
            moved += db.execute(f"update mentions set entity_id = ? where id in ({marks(part)})",
                                [target, *part]).rowcount
    quotes = defaultdict(list)
    for quote, article, current in db.execute(
            f"select id, article_id, speaker_entity_id from quotes where speaker_entity_id in ({marks(ids)})",
            ids).fetchall():
        if targets.get(article, bare) != current:
            quotes[targets.get(article, bare)].append(quote)
    for target, moving in quotes.items():
        for part in chunks(moving):
            db.execute(f"update quotes set speaker_entity_id = ? where id in ({marks(part)})", [target, *part])
    return moved


def _ensure_row(db, bare: str, target: str) -> None:
    if target != bare:
        db.execute("insert or ignore into entities (id, name, type, aliases, split_from) values (?, '', ?, '[]', ?)",
                   [target, SPLIT_TYPE, bare])


def _name_splits(db, bare: str, name: str, wanted: dict[int, str], main: int | None) -> None:
    """Counts, aliases (the bare spelling first) and the qualified name of every split row, from its mentions."""
    if not wanted:
        return
    places = {row[0]: row for row in db.execute(
        f"select id, name, feature_code, country_code, admin1 from places where id in ({marks([main, *wanted])})",
        [main, *wanted])}
    for place, split in wanted.items():
        tally = _Tally()
        for article, spelling, text, type_ in db.execute(
                "select article_id, coalesce(entity_name, text), text, type from mentions where entity_id = ?",
                [split]):
            tally.add(split, article, spelling, text, type_)
        row = tally.row(name, SPLIT_TYPE)
        others = [places[other] for other in (main, *wanted) if other != place and other in places]
        aliases = [row["name"], *(a for a in json.loads(row["aliases"]) if a != row["name"])]
        label = qualified_name(name, places.get(place), others)
        db.execute("update entities set name = ?, type = ?, aliases = ?, article_count = ?, mention_count = ?, "
                   "place_id = ?, split_from = ? where id = ?",
                   [label, SPLIT_TYPE, json.dumps(aliases, ensure_ascii=False), row["article_count"],
                    row["mention_count"], place, bare, split])


def qualified_name(name: str, place, others: list) -> str:
    """The bare name with what a reader tells this place (id, name, feature_code, country_code, admin1) apart by
    from the other places of that name: a country is "Georgia (country)"; a state or province, or a capital, takes
    its country ("Georgia, United States", "Paris, France"); any other place its state or province ("Paris,
    Texas", "London, Ontario"), or its country when it has none. The GeoNames id when another place of the name
    would read the same and its kind does not tell it ("New York (state / province)" beside the city), the GeoNames id
    last ("Springfield (place 4409896)")."""
    if place is None:
        return name
    _, _, code, country, admin1 = place
    if code in COUNTRY_CODES:
        return f"{name} (country)"
    by_country = code in ("ADM1", "PPLC") or not admin1 or (
        entity_key(admin1, SPLIT_TYPE) == entity_key(name, SPLIT_TYPE))
    qualifier = country_name(country) if by_country else admin1
    twins = [other for other in others if other[3] == country and (by_country or other[4] == admin1)
             and other[2] not in COUNTRY_CODES]
    if qualifier and not twins:
        return f"{name}, {qualifier}"
    kind = FEATURE_LABELS.get(code or "")
    if kind and not any(FEATURE_LABELS.get(other[2] or "") == kind for other in others):
        return f"{name} ({kind})"
    return f"{name} (place {place[0]})"
