"""Places: toponyms recognised in real articles, geocoded to GeoNames, stored and served on a map."""
import asyncio
import json
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader import store
from loader.store import migrations
from loader.cli import cli
from loader.extract import extract_items
from loader.extract.places import distance_km
from loader.load import LoadOptions, load_paths
from loader.serve import read_metadata

ROOT = Path(__file__).resolve().parent.parent
# Where each seed place really is (GeoNames points; the Korean peninsula by its middle).
SEED_PLACES = {
    "Washington": (38.895, -77.037), "United States": (39.76, -98.5), "North Korea": (40.0, 127.0),
    "China": (35.0, 105.0), "Shenyang": (41.8, 123.4), "Vietnam": (16.17, 107.83), "Beijing": (39.91, 116.4),
    "Algeria": (28.0, 3.0), "Kuwait": (29.5, 47.75), "Oman": (21.0, 57.0), "Qatar": (25.5, 51.25),
    "United Arab Emirates": (24.0, 54.0), "Pyongyang": (39.03, 125.75), "Korean peninsula": (38.0, 127.5),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("places") / "archive.db"
    db = store.open_db(str(path))
    result = load_paths(db, [str(ROOT / "corpus")], LoadOptions(workers=1, progress=False))
    assert result.counts["inserted"] == 2
    db.conn.close()
    return path


def locations(path: Path) -> list[dict]:
    db = sqlite_utils.Database(path)
    return list(db.query("""select locations.*, places.name, places.latitude, places.longitude,
        places.feature_code, places.admin1, articles.dateline from locations
        join places on places.id = locations.place_id join articles on articles.id = locations.article_id"""))


@pytest.mark.slow
@pytest.mark.parametrize("written", sorted(SEED_PLACES))
def test_each_seed_place_is_found_within_161_km(archive, written):
    truth = SEED_PLACES[written]
    found = [row for row in locations(archive) if row["text"].lower() == written.lower()
             or (written == "Washington" and row["is_dateline"])]
    assert found, f"{written} not found"
    for row in found:
        assert distance_km(row["latitude"], row["longitude"], *truth) <= 161, (written, row["name"])


@pytest.mark.slow
def test_shenyang_is_the_one_in_liaoning_and_the_dateline_is_washington_dc(archive):
    rows = locations(archive)
    shenyang = {(row["name"], row["admin1"]) for row in rows if row["text"] == "Shenyang"}
    assert shenyang == {("Shenyang", "Liaoning Sheng")}
    dateline = [row for row in rows if row["is_dateline"]]
    assert [(row["text"], row["name"], row["feature_code"], row["start"]) for row in dateline] == [
        ("WASHINGTON", "Washington", "PPLC", None)]


@pytest.mark.slow
def test_demonyms_stay_entities_and_possessives_are_stripped(archive):
    db = sqlite_utils.Database(archive)
    rows = locations(archive)
    # "North Korean individuals", "Chinese Foreign Ministry": adjectives standing for their country
    demonyms = {(row["text"], row["name"]) for row in rows if row["text"].startswith(("North Korean", "Chinese"))}
    assert demonyms == {("North Korean", "North Korea"), ("Chinese", "China")}
    norp = {row["text"] for row in db.query("select text from mentions where type = 'NORP'")}
    assert {"North Korean", "Chinese"} <= norp  # and still NORP entities
    for row in rows:
        body = next(db.query("select body from articles where id = ?", [row["article_id"]]))["body"]
        if row["start"] is not None:
            assert body[row["start"]:row["end"]] == row["text"]
            assert not row["text"].endswith(("’s", "'s", " s"))
    assert any(row["text"] == "North Korea" for row in rows)


@pytest.mark.slow
def test_places_rows_count_their_articles_and_articles_list_their_countries(archive):
    db = sqlite_utils.Database(archive)
    china = next(db.query("select * from places where name = 'China'"))
    assert (china["id"], china["country_code"], china["feature_code"], china["article_count"]) == (
        1814991, "CN", "PCLI", 2)
    countries = [set(json.loads(row["country_codes"])) for row in db.query("select country_codes from articles")]
    assert all({"CN", "KP", "US"} <= codes for codes in countries)
    view = {row["name"]: row for row in db.query("select * from place_articles")}
    assert view["Shenyang"]["article_count"] == 2 and view["Shenyang"]["mention_count"] >= 3


@pytest.mark.slow
def test_reloading_changes_no_locations(archive):
    before = sorted((row["article_id"], row["place_id"], row["start"]) for row in locations(archive))
    db = store.open_db(str(archive))
    load_paths(db, [str(ROOT / "corpus")], LoadOptions(workers=1, progress=False))
    db.conn.close()
    assert sorted((row["article_id"], row["place_id"], row["start"]) for row in locations(archive)) == before


def get_json(path: Path, url: str):
    from datasette.app import Datasette

    metadata = read_metadata()
    metadata.pop("settings", None)
    datasette = Datasette([str(path)], metadata=metadata)

    async def fetch():
        response = await datasette.client.get(url)
        assert response.status_code == 200, (url, response.text[:500])
        return response.json() if ".json" in url else response.text
    return asyncio.run(fetch())


@pytest.mark.slow
def test_datasette_serves_map_columns_facets_and_articles_near(archive):
    places = get_json(archive, "/archive/places.json?_shape=array&_sort_desc=article_count")
    assert {"latitude", "longitude", "article_count"} <= set(places[0])
    facets = get_json(archive, "/archive/articles.json?_facet_array=country_codes")
    codes = {item["value"] for item in facets["facet_results"]["country_codes"]["results"]}
    assert {"CN", "KP", "US", "VN"} <= codes
    near = get_json(archive, "/archive/articles_near.json?_shape=array&place=Shenyang&km=50")  # by name (issue 12)
    assert len(near) == 2 and {row["place"] for row in near} == {"Shenyang"}
    assert get_json(archive, "/archive/articles_near.json?_shape=array&place=Sydney&km=50") == []
    assert "datasette-cluster-map" in get_json(archive, "/archive/places")  # the map script, served locally


@pytest.mark.slow
def test_place_page_lists_its_articles(archive):
    page = get_json(archive, "/archive/places/2034937")
    assert "Beijing rejects unilateral sanctions" in page and "imposed sanctions" in page


@pytest.mark.slow
def test_extract_command_emits_the_locations_contract(tmp_path):
    infile = tmp_path / "in.jsonl"
    infile.write_text(json.dumps({"id": "a", "text": "Flooding hit Paris, Texas, and towns near Dallas."}) + "\n"
                      + json.dumps({"id": "b", "text": "Talks in Paris brought France and Germany together.",
                                    "dateline": "BERLIN"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(infile)])
    assert result.exit_code == 0, result.output
    first, second = [json.loads(line) for line in result.output.splitlines()]
    keys = {"start", "end", "text", "name", "geonameid", "latitude", "longitude", "country_code"}
    assert all(keys <= set(location) for location in first["locations"] + second["locations"])
    paris = {doc["id"]: next(loc for loc in doc["locations"] if loc["text"] == "Paris") for doc in (first, second)}
    assert (paris["a"]["country_code"], paris["b"]["country_code"]) == ("US", "FR")
    assert distance_km(paris["a"]["latitude"], paris["a"]["longitude"], 33.66, -95.56) < 30
    assert second["locations"][0]["is_dateline"] == 1 and second["locations"][0]["name"] == "Berlin"


@pytest.mark.slow
def test_one_name_one_place_per_article_and_gazetteer_finds_what_the_model_misses():
    text = ("Troops patrolled the DMZ on Monday. Officials in Georgia said the Georgia border with Russia "
            "was calm, and Tbilisi sent envoys to the Korean peninsula.")
    (found,) = extract_items([{"id": "x", "text": text}])
    by_text = {}
    for location in found["locations"]:
        by_text.setdefault(location["text"], set()).add(location["geonameid"])
    assert by_text["Georgia"] == {614540}  # the country, next to Russia and Tbilisi, every time
    assert "DMZ" in by_text and "Korean peninsula" in by_text


@pytest.mark.slow
def test_upgrading_an_older_archive_fills_place_counts_and_article_arrays(archive, tmp_path):
    old = tmp_path / "archive.db"
    old.write_bytes(archive.read_bytes())
    db = sqlite_utils.Database(old)
    expected = {row["id"]: row["article_count"] for row in db.query("select id, article_count from places")}
    db.execute("update places set article_count = null")
    db.execute("update articles set place_names = null, country_codes = null")
    db.execute(f"pragma user_version = {migrations.MIGRATIONS.index(migrations.count_place_articles)}")
    db.conn.commit()
    db.conn.close()
    upgraded = store.open_db(str(old))
    counts = upgraded.query("select id, article_count from places")
    assert {row["id"]: row["article_count"] for row in counts} == expected
    names = [json.loads(row["place_names"]) for row in upgraded.query("select place_names from articles")]
    assert all("Shenyang" in article for article in names)


@pytest.mark.slow
def test_datelines_name_towns_and_saints_days_are_no_places():
    items = [{"id": "a", "text": "NEW YORK — Stocks fell on Monday.", "dateline": None},
             {"id": "b", "text": "Parades marked St. Patrick’s Day.", "dateline": "NEW YORK"}]
    first, second = extract_items(items)
    assert [(loc["name"], loc["feature_code"], loc["is_dateline"]) for loc in first["locations"]] == [
        ("New York City", "PPL", 1)]
    assert [(loc["name"], loc["start"]) for loc in second["locations"]] == [("New York City", None)]


def places_in(*texts: str) -> list[list[tuple]]:
    """(text, place name, feature code, country code) of each location of each text, through extract_items."""
    found = extract_items([{"id": str(number), "text": text} for number, text in enumerate(texts)])
    return [[(loc["text"], loc["name"], loc["feature_code"], loc["country_code"]) for loc in article["locations"]]
            for article in found]


@pytest.mark.slow
def test_historical_countries_and_water_bodies_are_places_of_their_own():
    pact, tankers, boats = places_in(
        "In 1985 West Germany and the Soviet Union signed a trade pact, and East Germany protested.",
        "Oil prices rose after two tankers were hit in the Gulf, shipping agents in London said.",
        "Fishing boats returned to ports on the Caspian Sea after the storm.")
    assert pact == [("West Germany", "West Germany", "PCLH", "DE"), ("Soviet Union", "Soviet Union", "PCLH", "SU"),
                    ("East Germany", "East Germany", "PCLH", "DD")]
    assert tankers == [("Gulf", "Persian Gulf", "GULF", None), ("London", "London", "PPLC", "GB")]
    assert boats == [("Caspian Sea", "Caspian Sea", "SEA", None)]


@pytest.mark.slow
def test_a_bare_name_means_its_prominent_place():
    """A small namesake in the article's country does not beat a famous city abroad, and a city that shares
    its name with its state is the city when the story is about something happening there."""
    talks, shares, state, mayor = places_in(
        "Negotiators from Washington and Moscow resumed arms talks in Geneva on Tuesday.",
        "Shares of the company rose 3 percent in New York on Friday, traders said.",
        "Farmers across New York state asked for drought aid.",
        "The mayor of Geneva, Illinois, opened a new library on Tuesday.")
    assert talks == [("Washington", "Washington", "PPLC", "US"), ("Moscow", "Moscow", "PPLC", "RU"),
                     ("Geneva", "Geneva", "PPL", "CH")]
    assert shares == [("New York", "New York City", "PPL", "US")]
    assert state == [("New York", "New York", "ADM1", "US")]
    assert mayor[0] == ("Geneva", "Geneva", "PPL", "US")  # the small town the text says it is


@pytest.mark.slow
def test_a_town_whose_county_the_article_names_beats_a_famous_namesake():
    """"The Henry County Commission" puts Paris in Tennessee (in Henry County), dateline and body; "Boone County
    deputies" put Lebanon in Indiana, not the country; a county name two states' Salems lie in ("Washington
    County") tells nothing without the state, and a county is no evidence where no namesake lies in it."""
    texts = ("PARIS — The Henry County Commission met on Tuesday to approve a new budget. Paris police said the "
             "bridge on Main Street would close for repairs in March.",
             "Lebanon firefighters put out a barn fire on Sunday night, and Boone County deputies closed the road.",
             "Salem police and Washington County deputies searched the woods on Friday.",
             "Salem police and Washington County deputies searched the woods, Indiana State Police said.",
             "French and German ministers met in Paris on Monday, and a judge from Orange County watched.")
    filed, lebanon, salem, salem_indiana, talks = [
        [(loc["text"], loc["feature_code"], loc["country_code"], loc["admin1"]) for loc in article["locations"]]
        for article in extract_items([{"id": str(number), "text": text} for number, text in enumerate(texts)])]
    tennessee = ("PPL", "US", "Tennessee")
    assert filed == [("PARIS", *tennessee), ("Henry County", "ADM2", "US", "Tennessee"), ("Paris", *tennessee)]
    assert lebanon == [("Lebanon", "PPL", "US", "Indiana"), ("Boone County", "ADM2", "US", "Indiana")]
    assert salem[0] == ("Salem", "ADM2", "IN", "Tamil Nādu")  # the prior's reading, as without the county
    assert salem_indiana[0] == ("Salem", "PPL", "US", "Indiana")
    assert talks[1] == ("Paris", "PPLC", "FR", "Île-de-France")


@pytest.mark.slow
def test_a_town_taken_for_a_person_stays_a_place_only_where_the_article_backs_it():
    """The mentions stage takes a one-word "person" named like a big town for the town; the resolver keeps it
    on a confident pick of that town that the article does not contradict, or where the text puts a place."""
    grain, member, trip, court = places_in(
        "Grain shipments from Rotterdam rose in March, traders said. Vessels loading at Rotterdam waited two days.",
        "Farmers near Sydney and Brisbane want rain, and the member for Kennedy agreed with them.",
        "The band played in Columbus, Ohio, and then went on to Cancun for a week.",
        "Court papers said Darla Smith, 44, of 12 Oak St., Alexandria, hit her son.")
    assert grain == [("Rotterdam", "Rotterdam", "PPL", "NL")] * 2  # no other place says otherwise
    assert member == [("Sydney", "Sydney", "PPL", "AU"), ("Brisbane", "Brisbane", "PPL", "AU")]
    assert trip == [("Columbus", "Columbus", "PPL", "US"), ("Ohio", "Ohio", "ADM1", "US"),
                    ("Cancun", "Cancún", "PPL", "MX")]  # abroad, but where the text puts a place
    assert court == []  # a weak pick among many Alexandrias: no place rather than Egypt's


@pytest.mark.slow
def test_adjectives_of_nationality_stand_for_their_country_and_stay_norp_entities():
    text = "Russian troops crossed the border while Chinese diplomats watched. The Russians said nothing."
    (found,) = extract_items([{"id": "a", "text": text}])
    assert [(loc["text"], loc["country_code"]) for loc in found["locations"]] == [("Russian", "RU"), ("Chinese", "CN")]
    assert {(m["text"], m["type"]) for m in found["mentions"]} >= {("Russian", "NORP"), ("Chinese", "NORP"),
                                                                   ("Russians", "NORP")}


@pytest.mark.slow
def test_an_institution_written_with_the_is_no_town_of_its_name():
    """"At the White House" is the president's office, not White House, Tennessee; a town whose own name
    has the article, or a town's name describing the next noun, is still a place."""
    visit, court, flood = places_in(
        "The Japanese prime minister met President Smith at the White House in Washington on Friday.",
        "Judges at the International Court of Justice in The Hague heard the case.",
        "Floods in Tennessee closed the Maryville church on Sunday.")
    assert visit == [("Japanese", "Japan", "PCLI", "JP"), ("Washington", "Washington", "PPLC", "US")]
    assert court == [("Hague", "The Hague", "PPL", "NL")]
    assert [found[:2] for found in flood] == [("Tennessee", "Tennessee"), ("Maryville", "Maryville")]


def _places_of(text: str) -> list[tuple]:
    return [(loc["text"], loc["name"], loc["country_code"])
            for loc in extract_items([{"id": "t", "text": text}])[0]["locations"]]


def test_a_common_word_inside_a_longer_name_is_no_place():
    # "Coast" (a region of Tanzania) and "Justice" (a town in Illinois) read from inside a body's name, in
    # articles that write "coast" and "justice" as words, are no places
    assert _places_of("The Coast Guard searched the coast near Tampa for the missing boat.") == [
        ("Tampa", "Tampa", "US")]
    assert _places_of("He cited Justice Department data. The Department of Justice said justice would be done "
                      "in Chicago.") == [("Chicago", "Chicago", "US")]
    # the same word written as a town is a place
    assert _places_of("He was a prosecutor in Mobile, Alabama, and later sold mobile phones.") == [
        ("Mobile", "Mobile", "US"), ("Alabama", "Alabama", "US")]
