"""A GPE name the archive's articles resolve to different places is split by place only where an article confirms
the other place itself (its state, county or country named, "Paris, Tenn.", a dateline "PARIS, Texas"): the place
most articles take keeps the bare row ("Paris"), each confirmed other place gets a row of its own ("Paris, Texas"),
and an article whose other reading nothing confirms stays with the bare row."""
import json

from loader import store
from loader.store import FINISHERS
from loader.store.entities import entity_id
from loader.store.gpe_places import qualified_name, split_by_place, split_id

# GeoNames rows (id, name, feature code, country, admin1, population) as the places stage saves them.
FRANCE = (2988507, "Paris", "PPLC", "FR", "Île-de-France", 2138551)
TEXAS = (4717560, "Paris", "PPL", "US", "Texas", 24782)
TENNESSEE = (4647963, "Paris", "PPL", "US", "Tennessee", 10150)
ONTARIO = (6058560, "London", "PPL", "CA", "Ontario", 422324)
ENGLAND = (2643743, "London", "PPLC", "GB", "England", 8961989)
GEORGIA_COUNTRY = (614540, "Georgia", "PCLI", "GE", "", 3704500)
GEORGIA_STATE = (4197000, "Georgia", "ADM1", "US", "Georgia", 4836734)
# Places an article may name beside the shared name, and confirm one reading with.
STATE_OF_TEXAS = (4736286, "Texas", "ADM1", "US", "Texas", 25000000)
LAMAR_COUNTY = (4705086, "Lamar County", "ADM2", "US", "Texas", 49000)
ONTARIO_PROVINCE = (6093943, "Ontario", "ADM1", "CA", "Ontario", 12861940)
CANADA = (6251999, "Canada", "PCLI", "CA", "", 37058856)
FRANCE_COUNTRY = (3017382, "France", "PCLI", "FR", "", 66987244)
UNITED_STATES = (6252001, "United States", "PCLI", "US", "", 327167434)
TBILISI = (611717, "Tbilisi", "PPLC", "GE", "Tbilisi", 1049498)
ATLANTA = (4180439, "Atlanta", "PPL", "US", "Georgia", 510823)
BATUMI = (615532, "Batumi", "PPL", "GE", "Ajaria", 186949)
MINNESOTA = (5037779, "Minnesota", "ADM1", "US", "Minnesota", 4614061)
WASHINGTON_DC = (4140963, "Washington", "PPLC", "US", "District of Columbia", 689545)
WASHINGTON_STATE = (5815135, "Washington", "ADM1", "US", "Washington", 6544495)
ISTANBUL_CITY = (745044, "Istanbul", "PPL", "TR", "İstanbul", 15701602)
ISTANBUL_PROVINCE = (745042, "Istanbul", "ADM1", "TR", "İstanbul", 25255203)
SALEM_OREGON = (5750162, "Salem", "PPL", "US", "Oregon", 175535)
SALEM_INDIANA = (4264334, "Salem", "PPL", "US", "Indiana", 6217)  # in a Washington County, as a Salem in New York
STATE_OF_INDIANA = (4921868, "Indiana", "ADM1", "US", "Indiana", 4629607)
TURKEY = (298795, "Türkiye", "PCLI", "TR", "", 82319724)
UKRAINE = (690791, "Ukraine", "PCLI", "UA", "", 40000000)
STATE_OF_ALABAMA = (4829764, "Alabama", "ADM1", "US", "Alabama", 3226401)
STATE_OF_FLORIDA = (4155751, "Florida", "ADM1", "US", "Florida", 16383160)
# A famous Richmond and a far smaller one, with the towns round each (GeoNames ids: the finisher reads where they lie).
RICHMOND_VIRGINIA = (4781708, "Richmond", "PPL", "US", "Virginia", 226610)
RICHMOND_KENTUCKY = (4305974, "Richmond", "PPL", "US", "Kentucky", 33533)
LEXINGTON_KENTUCKY = (4297983, "Lexington", "PPL", "US", "Kentucky", 320347)
BEREA = (4283974, "Berea", "PPL", "US", "Kentucky", 14882)
WINCHESTER_KENTUCKY = (4313697, "Winchester", "PPL", "US", "Kentucky", 18446)
WINCHESTER_ENGLAND = (2633858, "Winchester", "PPL", "GB", "England", 46074)
SPRINGFIELD_VIRGINIA = (4787117, "Springfield", "PPL", "US", "Virginia", 30484)  # 140 km from Richmond, Virginia
WILLIAMSBURG_VIRGINIA = (4793846, "Williamsburg", "PPL", "US", "Virginia", 15052)  # 70 km from it
STATE_OF_VIRGINIA = (6254928, "Virginia", "ADM1", "US", "Virginia", 5722167)
WOODSTOCK_ONTARIO = (6184365, "Woodstock", "PPL", "CA", "Ontario", 40404)
ST_THOMAS_ONTARIO = (6158357, "St. Thomas", "PPL", "CA", "Ontario", 38909)


def new_archive(tmp_path):
    return store.open_db(str(tmp_path / "archive.db"))


def save(db, article, names_and_places, *, body=None, dateline=None):
    """One article naming each (name, place or None) once, as the extract stage would save it: a GPE mention and a
    location for each; `body` is written when given (each name is found in it in turn)."""
    text = body or " ".join(f"{name} news." for name, _ in names_and_places)
    db["articles"].upsert({"id": article, "body": text, "dateline": dateline}, pk="id")
    mentions, locations, at = [], [], 0
    for name, place in names_and_places:
        start = text.index(name, at)
        at = start + len(name)
        mentions.append({"entity": name, "type": "GPE", "text": name, "start": start, "end": at, "sentence": 0})
        if place is not None:
            geonameid, place_name, code, country, admin1, population = place
            locations.append({"text": name, "start": start, "end": at, "is_dateline": 0, "score": 1.0,
                              "geonameid": geonameid, "name": place_name, "feature_code": code,
                              "country_code": country, "admin1": admin1, "latitude": 0.0, "longitude": 0.0,
                              "population": population})
    store.save_extraction(db, article, {"mentions": mentions, "locations": locations})


def finish(db):
    for finisher in FINISHERS:
        finisher(db)


def two_in_france_one_in_texas(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("Paris", FRANCE)])
    save(db, "a2", [("Paris", FRANCE)])
    save(db, "a3", [("Paris", TEXAS)], body="A storm hit Paris, Texas, on Monday.")
    finish(db)
    return db


def rows(db):
    return {row["name"]: (row["article_count"], row["mention_count"], row["place_id"], json.loads(row["aliases"]))
            for row in db.query("select * from entities where name not in ('Texas', 'Lamar County', 'Ontario', "
                                "'Canada', 'France', 'United States', 'Tbilisi', 'Batumi', 'Atlanta', 'Seattle', "
                                "'Minnesota') order by id")}


def owners(db, name="Paris"):
    return {(row["article_id"], row["start"]): row["entity_id"] for row in db.query(
        "select * from mentions where text = ?", [name])}


def test_an_article_that_names_the_state_moves_to_its_place_and_an_unconfirmed_reading_stays(tmp_path):
    db = new_archive(tmp_path)
    for n in range(4):
        save(db, f"t{n}", [("Paris", TENNESSEE)])
    save(db, "a1", [("Paris", TENNESSEE)])
    save(db, "a2", [("Paris", TENNESSEE), ("Paris", TENNESSEE)])
    save(db, "a3", [("Paris", TEXAS), ("Paris", TEXAS), ("Texas", STATE_OF_TEXAS)])
    save(db, "a4", [("Paris", TEXAS)])  # the places stage's reading, and nothing in the article names Texas
    save(db, "a5", [("Paris", TEXAS), ("Texas", STATE_OF_TEXAS), ("Minnesota", MINNESOTA)])  # two states, as often
    save(db, "a6", [("Paris", TEXAS), ("Lamar County", LAMAR_COUNTY)])  # its county
    finish(db)
    bare, split = entity_id("Paris", "GPE"), split_id(entity_id("Paris", "GPE"), TEXAS[0])
    assert rows(db) == {"Paris": (8, 9, TENNESSEE[0], []), "Paris, Texas": (2, 3, TEXAS[0], ["Paris"])}
    assert db["entities"].get(split)["split_from"] == bare
    assert owners(db) == {**{(f"t{n}", 0): bare for n in range(4)}, ("a1", 0): bare, ("a2", 0): bare, ("a2", 12): bare, ("a3", 0): split,
                          ("a3", 12): split, ("a4", 0): bare, ("a5", 0): bare, ("a6", 0): split}


def test_the_state_or_country_written_after_the_name_or_in_the_dateline_confirms_a_famous_places_namesake(tmp_path):
    db = new_archive(tmp_path)
    for n in range(6):
        save(db, f"f{n}", [("Paris", FRANCE)])
    save(db, "a1", [("Paris", TEXAS), ("Texas", STATE_OF_TEXAS)])  # named elsewhere: too weak beside Paris, France
    save(db, "a2", [("Paris", TEXAS)], body="Paris police said the fire was out.")  # nothing: stays
    save(db, "a3", [("Paris", TEXAS)], body="A storm hit Paris, Texas, on Monday.")
    save(db, "a4", [("Paris", TENNESSEE)], body="Flooding closed roads in Paris, Tenn., on Friday.")
    save(db, "a5", [("Paris", TENNESSEE)], body="The mayor of Paris said the plant will close.",
         dateline="PARIS, Tenn.")
    save(db, "a6", [("Paris", TENNESSEE)], body="Police in Paris, Ill., said.")  # Illinois holds no Paris read here
    save(db, "a7", [("Paris", TENNESSEE)], body="Rallies in Memphis, Paris, Tennessee and Ohio.")  # lists
    save(db, "a8", [("Paris", TENNESSEE)], body="Floods hit Paris, Tennessee, Ohio and Iowa.")
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Paris": (11, 11, FRANCE[0]), "Paris, Texas": (1, 1, TEXAS[0]), "Paris, Tennessee": (2, 2, TENNESSEE[0])}


def test_the_towns_county_named_anywhere_confirms_it_even_beside_a_famous_place(tmp_path):
    """"The Henry County Commission" names Paris, Tennessee's county; a county name two states' Salems lie in
    ("Washington County") confirms only with the state named, and a county no namesake lies in confirms none."""
    db = new_archive(tmp_path)
    for n in range(6):
        save(db, f"f{n}", [("Paris", FRANCE)])
        save(db, f"o{n}", [("Salem", SALEM_OREGON)])
    save(db, "a1", [("Paris", TENNESSEE)], body="The Henry County Commission met. Paris police said the road is shut.")
    save(db, "a2", [("Paris", TEXAS)], body="Paris police and Lamar County deputies searched the farm.")
    save(db, "a3", [("Paris", TEXAS)], body="Paris police and Dallas County deputies searched the farm.")
    save(db, "s1", [("Salem", SALEM_INDIANA)], body="Salem police and Washington County deputies searched.")
    save(db, "s2", [("Salem", SALEM_INDIANA), ("Indiana", STATE_OF_INDIANA)],
         body="Salem police and Washington County deputies searched southern Indiana.")
    finish(db)
    got = {name: row[:3] for name, row in rows(db).items() if name != "Indiana"}
    assert got == {"Paris": (7, 7, FRANCE[0]), "Paris, Tennessee": (1, 1, TENNESSEE[0]),
                   "Paris, Texas": (1, 1, TEXAS[0]), "Salem": (7, 7, SALEM_OREGON[0]),
                   "Salem, Indiana": (1, 1, SALEM_INDIANA[0])}
    moved = {article for (article, _), owner in owners(db).items() if owner != entity_id("Paris", "GPE")}
    assert moved == {"a1", "a2"}
    assert {article for (article, _), owner in owners(db, "Salem").items()
            if owner != entity_id("Salem", "GPE")} == {"s2"}


def test_the_country_confirms_when_written_after_the_name_not_elsewhere(tmp_path):
    db = new_archive(tmp_path)
    for n in range(3):
        save(db, f"t{n}", [("Paris", TEXAS)])
    save(db, "a3", [("Paris", FRANCE)], body="Fashion week closed in Paris, France, on Sunday.")
    save(db, "a5", [("Paris", FRANCE), ("France", FRANCE_COUNTRY)])
    save(db, "a4", [("Paris", TENNESSEE)], body="It opened in Paris, United States.")  # Texas is in it too
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Paris": (5, 5, TEXAS[0]), "Paris, France": (1, 1, FRANCE[0])}


def test_london_in_ontario_by_what_follows_the_name(tmp_path):
    db = new_archive(tmp_path)
    for n in range(4):
        save(db, f"e{n}", [("London", ENGLAND)])
    save(db, "o1", [("London", ONTARIO)], body="Police in London, Ont., said.")
    save(db, "o2", [("London", ONTARIO), ("Ontario", ONTARIO_PROVINCE)])
    save(db, "o3", [("London", ONTARIO), ("London", None)])  # unconfirmed, and one location not resolved
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "London": (6, 7, ENGLAND[0]), "London, Ontario": (1, 1, ONTARIO[0])}


def test_a_country_or_a_state_is_confirmed_by_two_places_inside_it_and_a_quote_follows(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("Georgia", GEORGIA_STATE), ("Atlanta", ATLANTA)])
    save(db, "a2", [("Georgia", GEORGIA_STATE)])
    save(db, "a5", [("Georgia", GEORGIA_STATE)])
    save(db, "a3", [("Georgia", GEORGIA_COUNTRY), ("Tbilisi", TBILISI), ("Batumi", BATUMI)])
    save(db, "a4", [("Georgia", GEORGIA_COUNTRY), ("Tbilisi", TBILISI)])  # one place: not enough
    save(db, "a6", [("Georgia", GEORGIA_COUNTRY), ("Tbilisi", TBILISI), ("Batumi", BATUMI), ("Atlanta", ATLANTA)])
    db["quotes"].insert({"article_id": "a3", "content": "We will talk.", "speaker": "Georgia",
                         "speaker_entity_id": entity_id("Georgia", "GPE")})
    finish(db)
    country = split_id(entity_id("Georgia", "GPE"), GEORGIA_COUNTRY[0])
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Georgia": (5, 5, GEORGIA_STATE[0]), "Georgia (country)": (1, 1, GEORGIA_COUNTRY[0])}
    assert db.execute("select speaker_entity_id from quotes").fetchone()[0] == country


def test_a_country_named_among_countries_or_a_state_among_its_states_is_confirmed(tmp_path):
    """"Turkey, Georgia and Ukraine" is the country; so is it beside the United States itself, but not beside a
    place inside the United States (Atlanta), nor beside one other country. "Georgia" beside Florida and Alabama is
    the US state where most articles read the country."""
    db = new_archive(tmp_path)
    for n in range(5):
        save(db, f"s{n}", [("Georgia", GEORGIA_STATE)])
    save(db, "c1", [("Turkey", TURKEY), ("Georgia", GEORGIA_COUNTRY), ("Ukraine", UKRAINE)])
    save(db, "c2", [("Turkey", TURKEY), ("Georgia", GEORGIA_COUNTRY), ("Ukraine", UKRAINE),
                    ("United States", UNITED_STATES)])
    save(db, "c3", [("Turkey", TURKEY), ("Georgia", GEORGIA_COUNTRY), ("Ukraine", UKRAINE), ("Atlanta", ATLANTA)])
    save(db, "c4", [("Turkey", TURKEY), ("Georgia", GEORGIA_COUNTRY)])
    finish(db)
    assert {name: row[:2] for name, row in rows(db).items() if name.startswith("Georgia")} == {
        "Georgia": (7, 7), "Georgia (country)": (2, 2)}
    country = split_id(entity_id("Georgia", "GPE"), GEORGIA_COUNTRY[0])
    assert sorted(article for (article, _), owner in owners(db, "Georgia").items() if owner == country) == [
        "c1", "c2"]
    (tmp_path / "other").mkdir()
    db = new_archive(tmp_path / "other")
    for n in range(3):
        save(db, f"c{n}", [("Georgia", GEORGIA_COUNTRY)])
    save(db, "s1", [("Florida", STATE_OF_FLORIDA), ("Georgia", GEORGIA_STATE), ("Alabama", STATE_OF_ALABAMA)])
    save(db, "s2", [("Florida", STATE_OF_FLORIDA), ("Georgia", GEORGIA_STATE)])
    finish(db)
    assert {name: row[:2] for name, row in rows(db).items() if name.startswith("Georgia")} == {
        "Georgia": (4, 4), "Georgia, United States": (1, 1)}


def test_two_towns_round_a_smaller_namesake_and_none_round_the_famous_one_confirm_it(tmp_path):
    """"Richmond" beside Lexington and Berea (both within 100 km of Richmond, Kentucky, none near Virginia's) is
    Richmond, Kentucky, though Virginia's is nearly seven times bigger, and "London" beside Woodstock and St. Thomas
    is London, Ontario; one town is not enough, two mentions of one town count once, a town near the famous place
    undoes it and so does the famous one's state named, but not a town read far off (Springfield, Virginia); a
    neighbour counts only as the archive usually reads its name (Winchester, England: the stage may have read a
    cluster of towns together in the wrong place)."""
    db = new_archive(tmp_path)
    for n in range(9):
        save(db, f"v{n}", [("Richmond", RICHMOND_VIRGINIA)])
        save(db, f"e{n}", [("London", ENGLAND)])
    save(db, "k1", [("Richmond", RICHMOND_KENTUCKY), ("Lexington", LEXINGTON_KENTUCKY), ("Berea", BEREA)])
    save(db, "k2", [("Richmond", RICHMOND_KENTUCKY), ("Lexington", LEXINGTON_KENTUCKY)])  # one town
    save(db, "k3", [("Richmond", RICHMOND_KENTUCKY), ("Lexington", LEXINGTON_KENTUCKY),
                    ("Lexington", LEXINGTON_KENTUCKY)])  # one town twice
    save(db, "k4", [("Richmond", RICHMOND_KENTUCKY), ("Lexington", LEXINGTON_KENTUCKY), ("Berea", BEREA),
                    ("Williamsburg", WILLIAMSBURG_VIRGINIA)])  # and a town near Virginia's Richmond
    save(db, "k5", [("Richmond", RICHMOND_KENTUCKY), ("Lexington", LEXINGTON_KENTUCKY), ("Berea", BEREA),
                    ("Springfield", SPRINGFIELD_VIRGINIA)])  # Springfield lies 140 km from Virginia's
    save(db, "k7", [("Richmond", RICHMOND_KENTUCKY), ("Winchester", WINCHESTER_KENTUCKY), ("Berea", BEREA)])
    save(db, "w1", [("Winchester", WINCHESTER_ENGLAND)])  # the archive reads "Winchester" as England's twice:
    save(db, "w2", [("Winchester", WINCHESTER_ENGLAND)])  # k7's Winchester is no sure neighbour
    save(db, "k6", [("Richmond", RICHMOND_KENTUCKY), ("Lexington", LEXINGTON_KENTUCKY), ("Berea", BEREA),
                    ("Virginia", STATE_OF_VIRGINIA)])  # the famous one's state named: the stage may have misread all
    save(db, "o1", [("London", ONTARIO), ("Woodstock", WOODSTOCK_ONTARIO), ("St. Thomas", ST_THOMAS_ONTARIO)])
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items() if name.startswith(("Richmond", "London"))} == {
        "Richmond": (14, 14, RICHMOND_VIRGINIA[0]), "Richmond, Kentucky": (2, 2, RICHMOND_KENTUCKY[0]),
        "London": (9, 9, ENGLAND[0]), "London, Ontario": (1, 1, ONTARIO[0])}
    kentucky = split_id(entity_id("Richmond", "GPE"), RICHMOND_KENTUCKY[0])
    assert sorted(article for (article, _), owner in owners(db, "Richmond").items() if owner == kentucky) == [
        "k1", "k5"]


def test_the_word_state_after_the_name_confirms_a_state_even_beside_its_namesake_city(tmp_path):
    db = new_archive(tmp_path)
    save(db, "w0", [("Washington", WASHINGTON_DC)])
    save(db, "w1", [("Washington", WASHINGTON_DC)])
    save(db, "w2", [("Washington", WASHINGTON_DC)])
    save(db, "w3", [("Washington", WASHINGTON_STATE)], body="It was sued by Washington state on Monday.")
    save(db, "w4", [("Washington", WASHINGTON_STATE)], body="Officials in Washington said.")
    save(db, "i0", [("Istanbul", ISTANBUL_CITY)])
    save(db, "i1", [("Istanbul", ISTANBUL_CITY)])
    save(db, "i2", [("Istanbul", ISTANBUL_CITY)])
    save(db, "i3", [("Istanbul", ISTANBUL_PROVINCE)], body="Schools in Istanbul province closed.")
    save(db, "i4", [("Istanbul", ISTANBUL_PROVINCE)], body="Schools in Istanbul closed.")  # nothing says province
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Washington": (4, 4, WASHINGTON_DC[0]), "Washington (state / province)": (1, 1, WASHINGTON_STATE[0]),
        "Istanbul": (4, 4, ISTANBUL_CITY[0]), "Istanbul (state / province)": (1, 1, ISTANBUL_PROVINCE[0])}


NEW_YORK_CITY = (5128581, "New York City", "PPL", "US", "New York", 8804190)
NEW_YORK_STATE = (5128638, "New York", "ADM1", "US", "New York", 19274244)


def test_a_state_written_only_as_its_abbreviation_is_apart_from_its_namesake_city(tmp_path):
    """"Albany, N.Y." and a postal code the mentions stage named as the state ("Seattle, WA" → Washington) read the
    state: a row of its own beside the city's ("New York") or the capital's ("Washington"); an article writing the
    name in full as the state's reading, with nothing to confirm it, stays with the city."""
    db = new_archive(tmp_path)
    for n in range(3):
        save(db, f"c{n}", [("New York", NEW_YORK_CITY)])
        save(db, f"w{n}", [("Washington", WASHINGTON_DC)])
    save(db, "n1", [("N.Y.", NEW_YORK_STATE)], body="Trains run to Albany, N.Y., twice a day.")
    save(db, "n2", [("New York", NEW_YORK_STATE)], body="Farms near New York went dry.")
    body = "A lab in Seattle, WA opened."
    db["articles"].upsert({"id": "s1", "body": body, "dateline": None}, pk="id")
    start = body.index("WA")
    store.save_extraction(db, "s1", {"mentions": [
        {"entity": "Washington", "type": "GPE", "text": "WA", "start": start, "end": start + 2, "sentence": 0}],
        "locations": [{"text": "WA", "start": start, "end": start + 2, "is_dateline": 0, "score": 1.0,
                       "geonameid": WASHINGTON_STATE[0], "name": "Washington", "feature_code": "ADM1",
                       "country_code": "US", "admin1": "Washington", "latitude": 0.0, "longitude": 0.0,
                       "population": WASHINGTON_STATE[5]}]})
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "New York": (4, 4, NEW_YORK_CITY[0]), "New York (state / province)": (1, 1, NEW_YORK_STATE[0]),
        "Washington": (3, 3, WASHINGTON_DC[0]), "Washington (state / province)": (1, 1, WASHINGTON_STATE[0])}


def test_readings_nothing_confirms_are_no_split(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("Paris", FRANCE)])
    save(db, "a2", [("Paris", FRANCE), ("Paris", None)])
    save(db, "a3", [("Paris", TEXAS)])
    finish(db)
    assert rows(db) == {"Paris": (3, 4, None, [])}


def test_finishing_again_changes_nothing_and_a_split_without_evidence_is_undone(tmp_path):
    db = two_in_france_one_in_texas(tmp_path)
    before = (rows(db), owners(db))
    finish(db)
    assert split_by_place(db) == 1
    assert (rows(db), owners(db)) == before
    save(db, "a3", [("Paris", TEXAS)], body="A storm hit Paris, Texas, on Monday.")  # re-extracted: mentions on the bare row
    finish(db)
    assert (rows(db), owners(db)) == before
    save(db, "a3", [("Paris", TEXAS)], body="A storm hit Paris on Monday.")  # nothing confirms it: the split row goes
    finish(db)
    assert rows(db) == {"Paris": (3, 3, None, [])}
    assert set(owners(db).values()) == {entity_id("Paris", "GPE")}


def test_the_majority_moving_to_another_place_renames_the_rows(tmp_path):
    db = two_in_france_one_in_texas(tmp_path)
    save(db, "a4", [("Paris", TEXAS)])
    save(db, "a5", [("Paris", TEXAS)])
    save(db, "a1", [("Paris", FRANCE)], body="Fashion week closed in Paris, France, on Sunday.")
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Paris": (4, 4, TEXAS[0]), "Paris, France": (1, 1, FRANCE[0])}


def test_the_qualifier_reads_for_a_user():
    def place(geonameid, code, country, admin1):
        return (geonameid, "x", code, country, admin1)
    france = place(2, "PPLC", "FR", "Île-de-France")
    assert qualified_name("Paris", place(1, "PPL", "US", "Texas"), [france]) == "Paris, Texas"
    assert qualified_name("Paris", france, [place(1, "PPL", "US", "Texas")]) == "Paris, France"
    assert qualified_name("Paris", place(1, "PPL", "US", "Texas"), [place(2, "PPL", "US", "Tennessee")]) \
        == "Paris, Texas"
    assert qualified_name("London", place(1, "PPL", "CA", "Ontario"), [place(2, "PPLC", "GB", "England")]) \
        == "London, Ontario"
    assert qualified_name("Georgia", place(1, "PCLI", "GE", ""), [place(2, "ADM1", "US", "Georgia")]) \
        == "Georgia (country)"
    assert qualified_name("Georgia", place(2, "ADM1", "US", "Georgia"), [place(1, "PCLI", "GE", "")]) \
        == "Georgia, United States"
    assert qualified_name("New York", place(3, "ADM1", "US", "New York"), [place(4, "PPL", "US", "New York")]) \
        == "New York (state / province)"
    assert qualified_name("Springfield", place(5, "PPL", "US", "Ohio"), [place(6, "PPL", "US", "Ohio")]) \
        == "Springfield (place 5)"


PARIS_NEWS = [
    {"title": "Museum reopens in Paris", "body": "The Louvre reopened in Paris on Tuesday after a strike by guards, "
     "the French culture ministry said.\n\nVisitors queued along the Seine as Paris police closed two streets."},
    {"title": "Fashion week ends", "body": "Designers closed fashion week in Paris on Sunday, and buyers from Milan "
     "and London said orders rose.\n\nHotels in Paris were full, the city's tourism office said."},
    {"title": "Storm hits Texas town", "body": "A tornado damaged 40 homes in Paris, Texas, on Monday, the Lamar "
     "County sheriff said.\n\nSchools in Paris stayed closed while crews from Dallas cleared roads in northeast Texas."},
]


def test_a_load_with_two_towns_of_one_name_shows_two_entities_and_a_reload_keeps_them(load_into, tmp_path):
    path = tmp_path / "paris.json"
    path.write_text(json.dumps(PARIS_NEWS), encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    found = {row["name"]: (row["article_count"], row["mention_count"], row["place_id"]) for row in db.query(
        "select * from entities where name like 'Paris%' and type = 'GPE'")}
    assert found == {"Paris": (2, 4, FRANCE[0]), "Paris, Texas": (1, 2, TEXAS[0])}
    texas = db.execute("select id from articles where title = 'Storm hits Texas town'").fetchone()[0]
    assert {row[0] for row in db.execute("select e.name from mentions m join entities e on e.id = m.entity_id "
                                         "where m.article_id = ? and m.text = 'Paris'", [texas])} == {
        "Paris, Texas"}
    before = list(db.query("select * from entities order by id")), list(db.query("select * from mentions order by id"))
    db, _ = load_into(path, nlp=True)
    assert (list(db.query("select * from entities order by id")), list(db.query("select * from mentions order by id"))) \
        == before


def test_the_entity_pages_of_a_split_name_link_its_place_and_each_other(tmp_path):
    from .conftest import DatasetteClient
    db = two_in_france_one_in_texas(tmp_path)
    db["places"].upsert_all([{"id": FRANCE[0], "name": "Paris", "admin1": "Île-de-France", "country_code": "FR"},
                             {"id": TEXAS[0], "name": "Paris", "admin1": "Texas", "country_code": "US"}], pk="id")
    db.conn.commit()
    bare, split = entity_id("Paris", "GPE"), split_id(entity_id("Paris", "GPE"), TEXAS[0])
    client = DatasetteClient(tmp_path / "archive.db")
    plain_page = client.get(f"/archive/entities/{bare}").text
    assert (f'The place: <a href="/archive/places/{FRANCE[0]}">Paris</a> (Île-de-France, France)'
            in plain_page)
    assert ('Other places of this name, in articles that say which: '
            f'<a href="/archive/entities/{split}">Paris, Texas</a> (1)') in plain_page
    split_page = client.get(f"/archive/entities/{split}").text
    assert (f'The place: <a href="/archive/places/{TEXAS[0]}">Paris</a> (Texas, United States), split from '
            f'<a href="/archive/entities/{bare}">Paris</a>, whose other articles mean another place') in split_page
    assert "Other places of this name" not in split_page
