"""A GPE name the archive's articles resolve to different places is split by place: the place most articles take
keeps the bare row ("Paris"), each other place gets a row of its own ("Paris, Texas"), with its articles' mentions."""
import json

from loader import store
from loader.store import FINISHERS
from loader.store.entities import entity_id
from loader.store.gpe_places import qualified_name, split_by_place, split_id

# GeoNames rows (id, name, feature code, country, admin1, population) as the places stage saves them.
FRANCE = (2988507, "Paris", "PPLC", "FR", "Île-de-France", 2138551)
TEXAS = (4717560, "Paris", "PPL", "US", "Texas", 24782)
TENNESSEE = (4646571, "Paris", "PPL", "US", "Tennessee", 10156)
ONTARIO = (6094817, "London", "PPL", "CA", "Ontario", 346765)
ENGLAND = (2643743, "London", "PPLC", "GB", "England", 7556900)


def new_archive(tmp_path):
    return store.open_db(str(tmp_path / "archive.db"))


def save(db, article, names_and_places, *, body=None):
    """One article naming each (name, place or None) once, as the extract stage would save it; `body` is written."""
    text = body or " ".join(f"{name} news." for name, _ in names_and_places)
    db["articles"].upsert({"id": article, "body": text}, pk="id")
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
    save(db, "a3", [("Paris", TEXAS)])
    finish(db)
    return db


def rows(db):
    return {row["name"]: (row["article_count"], row["mention_count"], row["place_id"], json.loads(row["aliases"]))
            for row in db.query("select * from entities order by id")}


def owners(db):
    return {(row["article_id"], row["start"]): row["entity_id"] for row in db.query("select * from mentions")}


def test_the_place_most_articles_take_keeps_the_name_and_each_other_place_gets_a_row(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("Paris", FRANCE)])
    save(db, "a2", [("Paris", FRANCE), ("Paris", FRANCE)])
    save(db, "a3", [("Paris", TEXAS), ("Paris", TEXAS)])
    finish(db)
    bare = entity_id("Paris", "GPE")
    assert rows(db) == {"Paris": (2, 3, FRANCE[0], []), "Paris, United States": (1, 2, TEXAS[0], ["Paris"])}
    split = split_id(bare, TEXAS[0])
    assert db["entities"].get(split)["split_from"] == bare
    assert set(owners(db).items()) == {(("a1", 0), bare), (("a2", 0), bare), (("a2", 12), bare),
                                       (("a3", 0), split), (("a3", 12), split)}


def test_two_places_of_one_country_are_told_apart_by_their_state(tmp_path):
    db = new_archive(tmp_path)
    for n, place in enumerate([TEXAS, TEXAS, TENNESSEE, FRANCE]):
        save(db, f"a{n}", [("Paris", place)])
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Paris": (2, 2, TEXAS[0]), "Paris, Tennessee": (1, 1, TENNESSEE[0]), "Paris, France": (1, 1, FRANCE[0])}


def test_an_article_keeps_its_majority_place_and_unresolved_names_stay_bare(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("London", ENGLAND)])
    save(db, "a2", [("London", None)])  # resolved nowhere: no reading, the bare row keeps it
    save(db, "a3", [("London", ONTARIO), ("London", ONTARIO), ("London", ENGLAND)])
    save(db, "a4", [("London", ONTARIO)])
    finish(db)
    # two articles take Ontario (a3 by two locations to one), one England: Ontario keeps the bare name
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "London": (3, 5, ONTARIO[0]), "London, United Kingdom": (1, 1, ENGLAND[0])}


def test_one_place_everywhere_is_no_split(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("Paris", FRANCE)])
    save(db, "a2", [("Paris", FRANCE), ("Paris", None)])
    finish(db)
    assert rows(db) == {"Paris": (2, 3, None, [])}


def test_finishing_again_changes_nothing_and_a_split_without_evidence_is_undone(tmp_path):
    db = two_in_france_one_in_texas(tmp_path)
    before = (rows(db), owners(db))
    finish(db)
    assert split_by_place(db) == 1
    assert (rows(db), owners(db)) == before
    save(db, "a3", [("Paris", TEXAS)])  # re-extracted: its mentions arrive on the bare row again
    finish(db)
    assert (rows(db), owners(db)) == before
    save(db, "a3", [("Paris", FRANCE)])  # now resolved to France: one place, the split row goes
    finish(db)
    assert rows(db) == {"Paris": (3, 3, None, [])}
    assert set(owners(db).values()) == {entity_id("Paris", "GPE")}


def test_the_majority_moving_to_another_place_renames_the_rows(tmp_path):
    db = two_in_france_one_in_texas(tmp_path)
    save(db, "a4", [("Paris", TEXAS)])
    save(db, "a5", [("Paris", TEXAS)])
    finish(db)
    assert {name: row[:3] for name, row in rows(db).items()} == {
        "Paris": (3, 3, TEXAS[0]), "Paris, France": (2, 2, FRANCE[0])}


def test_a_quote_said_by_the_place_follows_its_article(tmp_path):
    db = new_archive(tmp_path)
    save(db, "a1", [("Georgia", (614540, "Georgia", "PCLI", "GE", "", 3731000))])
    save(db, "a2", [("Georgia", (4197000, "Georgia", "ADM1", "US", "Georgia", 10097343))])
    save(db, "a3", [("Georgia", (4197000, "Georgia", "ADM1", "US", "Georgia", 10097343))])
    db["quotes"].insert({"article_id": "a1", "content": "We will talk.", "speaker": "Georgia",
                         "speaker_entity_id": entity_id("Georgia", "GPE")})
    finish(db)
    country = db.execute("select id, name from entities where split_from is not null").fetchall()
    assert [name for _, name in country] == ["Georgia (country)"]
    assert db.execute("select speaker_entity_id from quotes").fetchone()[0] == country[0][0]


def test_the_qualifier_is_the_country_else_the_division_else_the_kind_else_the_id():
    def place(geonameid, code, country, admin1):
        return (geonameid, "x", code, country, admin1)
    assert qualified_name("Paris", place(1, "PPL", "US", "Texas"), [place(2, "PPLC", "FR", "Île-de-France")]) \
        == "Paris, United States"
    assert qualified_name("Paris", place(1, "PPL", "US", "Texas"), [place(2, "PPL", "US", "Tennessee")]) \
        == "Paris, Texas"
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
    assert found == {"Paris": (2, 4, FRANCE[0]), "Paris, United States": (1, 2, TEXAS[0])}
    texas = db.execute("select id from articles where title = 'Storm hits Texas town'").fetchone()[0]
    assert {row[0] for row in db.execute("select e.name from mentions m join entities e on e.id = m.entity_id "
                                         "where m.article_id = ? and m.text = 'Paris'", [texas])} == {
        "Paris, United States"}
    before = list(db.query("select * from entities order by id")), list(db.query("select * from mentions order by id"))
    db, _ = load_into(path, nlp=True)
    assert (list(db.query("select * from entities order by id")), list(db.query("select * from mentions order by id"))) \
        == before
