"""What evidence a short form needs before it joins a full name across the archive (store/entities.py), and before
it joins one in its own article (extract/mentions.py): a region's body, a word that begins many names, a word that
is a surname of one person and the given name of others, an article naming another person of that word, and a
person quoted by a surname that no mention holds."""
import json

import pytest

from loader.extract import extract_items
from loader.store.entities import entity_id
from loader.store.quotes import save_quotes


def write(tmp_path, name, texts):
    path = tmp_path / name
    path.write_text(json.dumps([{"title": f"Story {n}", "body": text} for n, text in enumerate(texts)]),
                    encoding="utf-8")
    return path


def save_tagged(db, tagged, finish=True):
    """Save each article's names as the extract stage would (name, or (name, type); ORG by default), then run
    the store's finishers."""
    from loader.store import FINISHERS
    from loader.store.entities import save_mentions
    for text, names in tagged:
        article = article_of(db, text)
        typed = [name if isinstance(name, tuple) else (name, "ORG") for name in names]
        save_mentions(db, article, [{"entity": name, "type": kind, "text": name, "start": text.index(name),
                                     "end": text.index(name) + len(name), "sentence": 0, "role": None}
                                    for name, kind in typed])
    for step in FINISHERS if finish else ():
        step(db)


def article_of(db, text):
    return db.execute("select id from articles where body = ?", [text]).fetchone()[0]


def merged(db):
    return {row["name"]: row["target"] for row in db.query(
        "select s.name, t.name as target from entities s left join entities t on t.id = s.merged_into "
        "where s.name not like '% %'")}


def place(db, texts_places, places):
    """The places stage's output for these articles: places rows, and each article's locations and countries."""
    db["places"].insert_all(places, pk="id", replace=True)
    codes = {row["id"]: row["country_code"] for row in places}
    for text, ids in texts_places:
        article = article_of(db, text)
        db["locations"].insert_all({"article_id": article, "place_id": place_id, "text": "x"} for place_id in ids)
        db.execute("update articles set country_codes = ? where id = ?",
                   [json.dumps(sorted({codes[place_id] for place_id in ids})), article])


PLACES = [{"id": 1, "name": "United Kingdom", "feature_code": "PCLI", "country_code": "GB", "admin1": "00"},
          {"id": 2, "name": "Scotland", "feature_code": "ADM1", "country_code": "GB", "admin1": "SCT"},
          {"id": 3, "name": "Edinburgh", "feature_code": "PPLA", "country_code": "GB", "admin1": "SCT"},
          {"id": 4, "name": "London", "feature_code": "PPLC", "country_code": "GB", "admin1": "ENG"}]


def parliaments(load_into, tmp_path, bare_cities):
    """One article names the Scottish Parliament in Edinburgh; one "Parliament" article per city in `bare_cities`."""
    texts = ["The Scottish Parliament met in Edinburgh on Monday."] + [
        f"Parliament met in {city} on day {n} to debate the bill." for n, city in enumerate(bare_cities)]
    db, _ = load_into(write(tmp_path, "parliaments.json", texts))
    place(db, [(texts[0], [3])] + [(text, [{"Edinburgh": 3, "London": 4}[city]])
                                   for text, city in zip(texts[1:], bare_cities)], PLACES)
    save_tagged(db, [(texts[0], ["Scottish Parliament"])] + [(text, ["Parliament"]) for text in texts[1:]])
    return db


def test_a_regions_body_does_not_take_the_noun_that_its_countrys_articles_write(load_into, tmp_path):
    """Four "Parliament" articles in London, one in Edinburgh: all lie in the United Kingdom, as Scotland does, but
    the noun there is Westminster's, not the Scottish Parliament's."""
    db = parliaments(load_into, tmp_path, ["London", "London", "London", "Edinburgh", "London"])
    assert merged(db)["Parliament"] is None
    assert db["entities"].get(entity_id("Parliament", "ORG"))["article_count"] == 5


def test_a_regions_body_takes_the_noun_that_the_regions_articles_write(load_into, tmp_path):
    db = parliaments(load_into, tmp_path, ["Edinburgh", "Edinburgh", "London"])
    assert merged(db)["Parliament"] == "Scottish Parliament"


UNITED = ([f"Flights resumed on day {n}, United said." for n in range(2)]
          + [f"The United Nations Security Council met on day {n}." for n in range(3)]
          + [f"The United Nations sent aid on day {n}." for n in range(4)]
          + [f"The United States sent aid on day {n}." for n in range(4)])


def test_a_first_word_that_begins_many_names_stands_for_none_of_them(load_into, tmp_path):
    """ "United" begins the United Nations, the United States and the Security Council's name: the council, with
    three of eleven articles of those names, is not what "United" alone means."""
    db, _ = load_into(write(tmp_path, "united.json", UNITED))
    names = {"Flights": ["United"], "The United Nations Security": ["United Nations Security Council"],
             "The United Nations sent": ["United Nations"], "The United States": [("United States", "GPE")]}
    save_tagged(db, [(text, next(found for start, found in names.items() if text.startswith(start)))
                     for text in UNITED])
    assert merged(db)["United"] is None


def people(db, tagged):
    save_tagged(db, [(text, [(name, "PERSON") for name in names]) for text, names in tagged])


def test_a_surname_that_others_have_as_a_given_name_needs_a_clear_majority(load_into, tmp_path):
    """ "Pell" is the surname of Rand Pell (two articles) and the given name of Pell Ryland (three): neither; "Ryland"
    is the surname of Pell Ryland and the given name of Ryland Oste (one article), a fifth of his: Pell Ryland."""
    tagged = ([(f"Senator Rand Pell spoke on day {n}.", ["Rand Pell"]) for n in range(2)]
              + [(f"Speaker Pell Ryland spoke on day {n}.", ["Pell Ryland"]) for n in range(4)]
              + [(f"Ryland Oste sang on day {n}.", ["Ryland Oste"]) for n in range(1)]
              + [(f"Pell said so on day {n}.", ["Pell"]) for n in range(2)]
              + [(f"Ryland said so on day {n}.", ["Ryland"]) for n in range(2)])
    db, _ = load_into(write(tmp_path, "pell.json", [text for text, _ in tagged]))
    people(db, tagged)
    assert (merged(db)["Pell"], merged(db)["Ryland"]) == (None, "Pell Ryland")


def test_a_surname_stays_apart_in_an_article_that_names_another_person_of_that_word(load_into, tmp_path):
    """ "Voss" is Harlan Voss across the archive, but not in the article that names Winchman Voss Ardley."""
    tagged = [("President Harlan Voss arrived in Ottawa.", ["Harlan Voss"]),
              ("Harlan Voss left Ottawa on Friday.", ["Harlan Voss"]),
              ("Talks went well, Voss told reporters.", ["Voss"]),
              ("Winchman Voss Ardley flew the helicopter. Voss had flown it before.", ["Winchman Voss Ardley", "Voss"])]
    db, _ = load_into(write(tmp_path, "voss.json", [text for text, _ in tagged]))
    people(db, tagged)
    assert merged(db)["Voss"] == "Harlan Voss"
    assert where_written(db, "Voss") == {article_of(db, tagged[2][0]): entity_id("Harlan Voss", "PERSON"),
                                         article_of(db, tagged[3][0]): entity_id("Voss", "PERSON")}
    harlan = db["entities"].get(entity_id("Harlan Voss", "PERSON"))
    assert (harlan["article_count"], harlan["mention_count"]) == (3, 3)


def quote(text, speaker):
    return {"content": text, "direct": 1, "speaker": speaker, "speaker_type": "PERSON", "speaker_text": speaker,
            "cue": "said", "start": 0, "end": len(text), "speaker_start": None, "speaker_end": None}


def test_a_person_quoted_by_a_surname_no_mention_holds_is_the_one_person_of_that_surname(load_into, tmp_path):
    """ "Tarrant said" where no mention was tagged: the quote is Devlin Tarrant's, the archive's one Tarrant, until a
    second Tarrant with as many articles arrives; "Director said" is nobody's surname."""
    tagged = [(f"Devlin Tarrant chaired the committee on day {n}.", ["Devlin Tarrant"]) for n in range(2)]
    texts = [text for text, _ in tagged] + ["The files were not given to us, Tarrant said.",
                                            "The director of the plant said the plant was safe, Director said."]
    db, _ = load_into(write(tmp_path, "tarrant.json", texts))
    save_quotes(db, article_of(db, texts[2]), [quote("The files were not given to us", "Tarrant")])
    save_quotes(db, article_of(db, texts[3]), [quote("The plant was safe", "Director")])
    people(db, tagged)
    shown = {row["speaker_name"]: (row["speaker"], row["speaker_entity_id"]) for row in db.query(
        "select speaker_name, speaker, speaker_entity_id from quotes")}
    assert shown == {"Tarrant": ("Devlin Tarrant", entity_id("Devlin Tarrant", "PERSON")),
                     "Director": ("Director", None)}
    second = [(f"Mira Tarrant painted on day {n}.", ["Mira Tarrant"]) for n in range(2)]
    db.conn.commit()  # the load runner commits the finishers' writes
    load_into(write(tmp_path, "second.json", [text for text, _ in second]))
    people(db, second)
    assert db.execute("select speaker, speaker_entity_id from quotes where speaker_name = 'Tarrant'").fetchone() \
        == ("Tarrant", None)


def persons(item):
    [found] = extract_items([item])
    return [(m["text"], m["entity"]) for m in found["mentions"] if m["type"] == "PERSON"]


def test_a_lone_word_that_fits_people_by_a_first_word_is_the_headlines_person():
    """ "Kim" fits the headline's Kim Jong Nam and the body's Kim Jong Un: the headline's, not the nearest; with no such
    headline, the nearest as before. A surname two people share ("Clinton") goes to the nearest, also beside a
    headline that writes the word before another noun ("Clinton Foundation")."""
    body = ("Police said tests on Kim's eyes found the poison. Kim, the half-brother of North Korean leader Kim Jong "
            "Un, died on February 13. North Korea denies a part in Kim's death.")
    kim = persons({"id": "a", "title": "Kim Jong Nam investigation: police find poison", "text": body})
    assert kim == [("Kim", "Kim Jong Nam"), ("Kim", "Kim Jong Nam"), ("Kim Jong Un", "Kim Jong Un"),
                   ("Kim", "Kim Jong Nam")]
    nearest = persons({"id": "b", "title": "Poison found, police say", "text": body})
    assert nearest == [("Kim", "Kim Jong Un"), ("Kim", "Kim Jong Un"), ("Kim Jong Un", "Kim Jong Un"),
                       ("Kim", "Kim Jong Un")]
    same = persons({"id": "c", "title": "Kim Jong Un's rocket test",
                    "text": "North Korean leader Kim Jong Un watched the test. Kim said the engine was a success."})
    assert same == [("Kim Jong Un", "Kim Jong Un"), ("Kim", "Kim Jong Un")]
    clinton = persons({"id": "d", "title": "Clinton Foundation: a review",
                       "text": "Hillary Clinton spoke in Ohio. Her husband Bill Clinton stayed home. Clinton said "
                               "he would rest."})
    assert clinton[-1] == ("Clinton", "Bill Clinton")


def test_a_surname_alone_in_more_articles_than_its_one_full_name_joins_no_one(load_into, tmp_path):
    """ "Quist" alone in three articles (a bishop) is not the police spokesman one article names in full: the surname's
    articles outnumber the full name's and share none of its context."""
    tagged = ([("Constable Orla Quist of the Harbor Police said the road was closed.", ["Orla Quist", "Harbor Police"])]
              + [(f"Bishop Quist blessed the pilgrims in Varno on day {n}.", ["Quist"]) for n in range(3)])
    db, _ = load_into(write(tmp_path, "quist.json", [text for text, _ in tagged]))
    people(db, [(text, [name for name in names if name != "Harbor Police"]) for text, names in tagged])
    assert merged(db)["Quist"] is None
    assert db["entities"].get(entity_id("Quist", "PERSON"))["article_count"] == 3


def test_a_surname_alone_joins_the_person_whose_articles_are_at_least_as_many(load_into, tmp_path):
    """ "Dellow" alone in three articles, "Mara Dellow" in three others: the well-known person, counts suffice."""
    tagged = ([(f"President Mara Dellow spoke in Varno on day {n}.", ["Mara Dellow"]) for n in range(3)]
              + [(f"Dellow signed a decree on day {n}.", ["Dellow"]) for n in range(3)])
    db, _ = load_into(write(tmp_path, "dellow.json", [text for text, _ in tagged]))
    people(db, tagged)
    assert merged(db)["Dellow"] == "Mara Dellow"
    assert db["entities"].get(entity_id("Mara Dellow", "PERSON"))["article_count"] == 6


def test_a_surname_alone_joins_a_rare_full_name_whose_context_its_articles_share(load_into, tmp_path):
    """ "Tamsin Oyelaran" is named in one article about the Kestrel Mill; "Oyelaran" alone in two more that name the
    mill too joins her; with a mill no article of hers names, it would not (the first test)."""
    tagged = ([("Tamsin Oyelaran bought the Kestrel Mill on Monday.", [("Tamsin Oyelaran", "PERSON"), "Kestrel Mill"])]
              + [(f"Oyelaran reopened the Kestrel Mill on day {n}.", [("Oyelaran", "PERSON"), "Kestrel Mill"])
                 for n in range(2)])
    db, _ = load_into(write(tmp_path, "mill.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["Oyelaran"] == "Tamsin Oyelaran"
    assert db["entities"].get(entity_id("Tamsin Oyelaran", "PERSON"))["article_count"] == 3


def test_a_surname_stays_apart_in_an_article_that_names_a_place_holding_the_word(load_into, tmp_path):
    """ "Brannock" is Ilse Brannock across the archive, but not in the article about Brannock County."""
    tagged = ([(f"Governor Ilse Brannock spoke on day {n}.", [("Ilse Brannock", "PERSON")]) for n in range(3)]
              + [("Brannock vetoed the bill.", [("Brannock", "PERSON")]),
                 ("Brannock County fairs opened; Brannock voters queued.",
                  [("Brannock County", "GPE"), ("Brannock", "PERSON")])])
    db, _ = load_into(write(tmp_path, "brannock.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["Brannock"] == "Ilse Brannock"
    assert where_written(db, "Brannock") == {article_of(db, tagged[3][0]): entity_id("Ilse Brannock", "PERSON"),
                                             article_of(db, tagged[4][0]): entity_id("Brannock", "PERSON")}


US_PLACES = [{"id": 10, "name": "United States", "feature_code": "PCLI", "country_code": "US", "admin1": "00"},
             {"id": 11, "name": "Ohio", "feature_code": "ADM1", "country_code": "US", "admin1": "OH"},
             {"id": 12, "name": "Florida", "feature_code": "ADM1", "country_code": "US", "admin1": "FL"},
             {"id": 13, "name": "Georgia", "feature_code": "ADM1", "country_code": "US", "admin1": "GA"},
             {"id": 14, "name": "Washington, D.C.", "feature_code": "PPLC", "country_code": "US", "admin1": "DC"}]


def placed_as_written(db, texts_places):
    """Like place(), with each location's text as the article writes it."""
    db["places"].insert_all(US_PLACES, pk="id", replace=True)
    for text, ids in texts_places:
        article = article_of(db, text)
        db["locations"].insert_all({"article_id": article, "place_id": place_id,
                                    "text": next(row["name"] for row in US_PLACES if row["id"] == place_id).split(",")[0]}
                                   for place_id in ids)
        db.execute("update articles set country_codes = ? where id = ?", [json.dumps(["US"]), article])


def bodies(load_into, tmp_path, tagged, located):
    db, _ = load_into(write(tmp_path, "bodies.json", [text for text, _ in tagged]))
    placed_as_written(db, [(text, ids) for (text, _), ids in zip(tagged, located)])
    save_tagged(db, tagged)
    return db


def where_written(db, name):
    return {row["article_id"]: row["entity_id"] for row in db.query(
        "select article_id, entity_id from mentions where text = ?", [name])}


def test_a_bare_senate_in_an_article_about_a_states_senate_is_not_the_countrys(load_into, tmp_path):
    """ "Senate" joins the U.S. Senate in national stories, but not in the article that writes "the Ohio Senate"
    (nor "the state Senate")."""
    tagged = ([("The U.S. Senate met in Washington, United States.", ["U.S. Senate", ("United States", "GPE")])]
              + [(f"The Senate confirmed judge {n} in Washington.", ["Senate"]) for n in range(3)]
              + [("The Ohio Senate met in Ohio. The Senate passed the budget.", ["Senate", ("Ohio", "GPE")]),
                 ("In Georgia the state Senate voted. The Senate adjourned.", ["Senate"])])
    db = bodies(load_into, tmp_path, tagged, [[10, 14], [14], [14], [14], [11], [13]])
    assert merged(db)["Senate"] == "U.S. Senate"
    senate = entity_id("U.S. Senate", "ORG")
    assert where_written(db, "Senate") == {
        **{article_of(db, text): senate for text, _ in tagged[1:4]},
        article_of(db, tagged[4][0]): entity_id("Senate", "ORG"), article_of(db, tagged[5][0]): entity_id("Senate", "ORG")}


def test_a_bare_legislature_in_another_states_article_is_not_the_one_states(load_into, tmp_path):
    """ "Legislature" joins the Florida Legislature in Florida's stories, not in the one that lies in Georgia only."""
    tagged = ([("The Florida Legislature met in Florida.", ["Florida Legislature", ("Florida", "GPE")])]
              + [(f"The Legislature passed bill {n} in Florida.", ["Legislature"]) for n in range(3)]
              + [("The Legislature passed a bill in Georgia.", ["Legislature"])])
    db = bodies(load_into, tmp_path, tagged, [[12], [12], [12], [12], [13]])
    assert merged(db)["Legislature"] == "Florida Legislature"
    legislature = entity_id("Florida Legislature", "ORG")
    assert where_written(db, "Legislature") == {
        **{article_of(db, text): legislature for text, _ in tagged[1:4]},
        article_of(db, tagged[4][0]): entity_id("Legislature", "ORG")}


def test_a_common_noun_stays_apart_in_articles_of_countries_where_its_body_is_never_named(load_into, tmp_path):
    """ "Opposition" joins the Joint Opposition of the Colombo stories that name it, not in the Nairobi story: no
    article of the Joint Opposition lies in Kenya (the archive writes "opposition" in lower case too)."""
    tagged = ([(f"The Joint Opposition rallied on day {n}. The Opposition walked out; the opposition was angry.",
                ["Joint Opposition", "Opposition"]) for n in range(3)]
              + [("The Opposition in Nairobi walked out; the opposition was angry.", ["Opposition"])])
    db, _ = load_into(write(tmp_path, "opposition.json", [text for text, _ in tagged]))
    place(db, [(text, [21 if "Nairobi" in text else 20]) for text, _ in tagged],
          [{"id": 20, "name": "Colombo", "feature_code": "PPLC", "country_code": "LK", "admin1": "36"},
           {"id": 21, "name": "Nairobi", "feature_code": "PPLC", "country_code": "KE", "admin1": "05"}])
    save_tagged(db, tagged)
    assert merged(db)["Opposition"] == "Joint Opposition"
    assert where_written(db, "Opposition") == {
        **{article_of(db, text): entity_id("Joint Opposition", "ORG") for text, _ in tagged[:3]},
        article_of(db, tagged[3][0]): entity_id("Opposition", "ORG")}


DENMARK = [{"id": 20, "name": "Denmark", "feature_code": "PCLI", "country_code": "DK", "admin1": "00"},
           {"id": 21, "name": "France", "feature_code": "PCLI", "country_code": "FR", "admin1": "00"}]


def letters_only(load_into, tmp_path, league, acronym_texts, league_texts=1, located=None):
    """`league_texts` articles name the league in full, never beside its acronym; each of `acronym_texts` writes the
    acronym alone (with the other names it is tagged with); `located`: the places (DENMARK ids) of those articles."""
    tagged = ([(f"The {league} opened its season in Varno on day {n}, said coach Jory Stane.",
                [league, ("Jory Stane", "PERSON")]) for n in range(league_texts)]
              + [(text, names) for text, names in acronym_texts])
    db, _ = load_into(write(tmp_path, "league.json", [text for text, _ in tagged]))
    if located:
        place(db, [(text, ids) for (text, _), ids in zip(acronym_texts, located)], DENMARK)
    save_tagged(db, tagged)
    return db


def test_an_acronym_of_other_things_does_not_join_a_name_one_article_writes(load_into, tmp_path):
    """ "Norland Paddle League" in one article; "NPL" in two others (an airline, a lab) that share nothing with it:
    letters and counts alone no longer join them."""
    db = letters_only(load_into, tmp_path, "Norland Paddle League", [
        ("NPL Aviation flew its first route on Monday.", ["NPL"]),
        ("Tests at the NPL laboratory showed the clock was exact.", ["NPL"])])
    assert merged(db)["NPL"] is None
    assert db["entities"].get(entity_id("NPL", "ORG"))["article_count"] == 2
    assert db["entities"].get(entity_id("Norland Paddle League", "ORG"))["article_count"] == 1


def test_an_acronym_joins_a_name_one_article_writes_when_an_article_shares_its_context(load_into, tmp_path):
    """One "NPL" article names the league's coach too: the acronym is the league's, in both its articles."""
    db = letters_only(load_into, tmp_path, "Norland Paddle League", [
        ("Jory Stane said the NPL final would sell out.", ["NPL", ("Jory Stane", "PERSON")]),
        ("The NPL final sold out on Sunday.", ["NPL"])])
    assert merged(db)["NPL"] == "Norland Paddle League"
    assert db["entities"].get(entity_id("Norland Paddle League", "ORG"))["article_count"] == 3


def test_an_acronym_joins_a_name_written_out_in_two_articles(load_into, tmp_path):
    """Two articles name the league in full (an established name), two write "NPL" alone: counts suffice."""
    db = letters_only(load_into, tmp_path, "Norland Paddle League", [
        ("NPL Aviation flew its first route on Monday.", ["NPL"]),
        ("Tests at the NPL laboratory showed the clock was exact.", ["NPL"])], league_texts=2)
    assert merged(db)["NPL"] == "Norland Paddle League"


def in_archive_of(load_into, tmp_path, acronym_texts, located, background):
    """The "Danish Paddle League" once, the acronym's articles at `located` places (DENMARK ids), and one article of
    other news at each of the `background` places: the archive the acronym's countries are compared with."""
    others = [(f"Talks on the fishing quota opened on day {n}.", []) for n in range(len(background))]
    return letters_only(load_into, tmp_path, "Danish Paddle League", acronym_texts + others,
                        located=located + [[place_id] for place_id in background])


DPL_TWICE = [("The DPL final sold out on Sunday.", ["DPL"]), ("DPL clubs signed two players.", ["DPL"])]


@pytest.mark.parametrize("place_id, target", [(20, "Danish Paddle League"), (21, None)])
def test_an_acronym_joins_a_countrys_name_when_its_articles_lie_in_that_country(load_into, tmp_path, place_id, target):
    """ "Danish Paddle League" once; "DPL" in two articles: both in Denmark, it is the league's; both in France, not
    (the archive's three other articles lie in France)."""
    db = in_archive_of(load_into, tmp_path, DPL_TWICE, [[place_id], [place_id]], [21, 21, 21])
    assert merged(db)["DPL"] == target


@pytest.mark.parametrize("background, target", [([21, 21, 21], "Danish Paddle League"), ([20, 20, 20], None)])
def test_a_country_most_of_the_archives_articles_lie_in_is_no_evidence_for_an_acronym(load_into, tmp_path,
                                                                                     background, target):
    """The same two "DPL" articles in Denmark: in an archive whose other articles lie in France, the league's; in a
    Danish local archive (its other three articles in Denmark too: five of six), no more than any story there."""
    db = in_archive_of(load_into, tmp_path, DPL_TWICE, [[20], [20]], background)
    assert merged(db)["DPL"] == target


@pytest.mark.parametrize("background, target", [([20, 21, 21, 21, 21], "Danish Paddle League"),
                                                ([20, 20, 20, 21, 21, 21], None)])
def test_an_acronyms_share_in_the_country_must_be_COUNTRY_LIFT_times_the_archives(load_into, tmp_path,
                                                                                background, target):
    """Two of three "DPL" articles in Denmark (0.67, above half): where three of the archive's eight located articles
    lie in Denmark (0.375; the league's article names no place), 1.78 times that share, the league's; where five of
    nine do (0.56), less than 1.5 times it, not."""
    texts = [(f"The DPL round {n} sold out on Sunday.", ["DPL"]) for n in range(3)]
    db = in_archive_of(load_into, tmp_path, texts, [[20], [20], [21]], background)
    assert merged(db)["DPL"] == target


SITES = [("Sun Mill Street", True), ("S. Main St.", True), ("Oak Ave.", True), ("Cedar Hill", True),
         ("Sun Mill Society", False), ("Main Street Bank", False), ("Street Artists Union", False)]


@pytest.mark.parametrize("name, site", SITES)
def test_a_name_ending_in_a_roads_or_an_areas_word_is_a_site(name, site):
    from loader.store.entities import _a_site
    assert _a_site(name) is site


@pytest.mark.parametrize("name, target", [("Sun Mill Street", None), ("S. Mill St.", None),
                                          ("Sun Mill Society", "Sun Mill Society")])
def test_an_acronym_does_not_join_a_sites_name(load_into, tmp_path, name, target):
    """A name written out in two articles (established) and "SMS" alone in two: a society's acronym, no street's."""
    tagged = ([(f"Neighbours met at {name} in Varno on day {n}.", [name]) for n in range(2)]
              + [(f"The SMS report {n} came out on Monday.", ["SMS"]) for n in range(2)])
    db, _ = load_into(write(tmp_path, "sites.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["SMS"] == target


def test_an_acronym_joins_a_sites_name_an_article_writes_beside_it(load_into, tmp_path):
    """ "Occupy Elm Street (OES)" in one article, "OES" alone in another: the article said so."""
    tagged = [("Occupy Elm Street (OES) marched in Varno on Monday.", ["Occupy Elm Street", "OES"]),
              ("OES tents came down on Friday.", ["OES"])]
    db, _ = load_into(write(tmp_path, "oes.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["OES"] == "Occupy Elm Street"


def test_an_acronym_joins_a_name_whose_first_words_its_article_writes_in_lower_case(load_into, tmp_path):
    """ "Harbor Pilots Union" once; "HPU" in an article that writes "harbor pilots" (the name's first two words, case
    aside): the union's acronym. An article writing only "pilots" is no such evidence."""
    tagged = [("The Harbor Pilots Union met in Varno on Monday.", ["Harbor Pilots Union"]),
              ("Striking harbor pilots said the HPU would vote again.", ["HPU"])]
    db, _ = load_into(write(tmp_path, "hpu.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["HPU"] == "Harbor Pilots Union"


def test_an_acronym_does_not_join_a_name_when_its_article_writes_one_of_the_names_words(load_into, tmp_path):
    tagged = [("The Harbor Pilots Union met in Varno on Monday.", ["Harbor Pilots Union"]),
              ("Striking pilots said the HPU would vote again.", ["HPU"])]
    db, _ = load_into(write(tmp_path, "hpu.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["HPU"] is None


def test_an_acronym_joins_a_name_written_out_in_two_articles_in_two_spellings(load_into, tmp_path):
    """ "Norland Paddle League Ltd" in one article, "Norland Paddle League" (its spelling without the legal form,
    merged into it) in another: a name written out in two articles, established; "NPL" alone in two joins it."""
    tagged = [("Norland Paddle League Ltd filed its accounts on Monday.", ["Norland Paddle League Ltd"]),
              ("The Norland Paddle League opened its season on Sunday.", ["Norland Paddle League"]),
              ("NPL Aviation flew its first route on Monday.", ["NPL"]),
              ("Tests at the NPL laboratory showed the clock was exact.", ["NPL"])]
    db, _ = load_into(write(tmp_path, "league.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    assert merged(db)["NPL"] == "Norland Paddle League Ltd"


STATE_STORY = ("The Senate voted 20-12 on Tuesday to send Gov. Ann Lee's budget back to the House. "
               "Sen. Joe Park, R-Lima, said the plan shortchanged schools in Ohio.")
HINTED_STORY = "The Senate voted on Gov. Ann Lee's school plan in Ohio on Wednesday; the Buckeye Congress of Parents cheered."
NATIONAL_STORIES = ["The Senate confirmed the nominee; Sen. Dale Moss, R-Ohio, said the governor of Ohio agreed.",
                    "The Senate passed the farm bill in Ohio, and Congress went home.",
                    "The Senate voted on the governor's pick, lawmakers in Ohio and Georgia said.",
                    "Gov. Ann Lee named Tom Hale to the vacant Senate seat: a fine senator for Ohio, she said.",
                    "The Senate honoured the veterans of D-Day on Tuesday, Gov. Ann Lee said."]
COMPARED_STORY = "The Senate passed it 20-12, state Sen. Joe Park said; Ohio follows Georgia."


def test_a_bare_senate_in_a_states_political_story_is_not_the_countrys(load_into, tmp_path):
    """ "the Senate" of a story about Ohio's politics (a legislator by his town, "R-Lima"; a governor with every place
    in Ohio) stays apart from the U.S. Senate; national stories keep it: a member of Congress by the state
    ("R-Ohio"), Congress, a governor with places in two states, or a senator for the state; "D-Day" is no party label.
    A state senator's words keep it apart with places in two states too."""
    tagged = ([("The U.S. Senate met in Washington, United States.", ["U.S. Senate", ("United States", "GPE")])]
              + [(f"The Senate confirmed judge {n} in Washington.", ["Senate"]) for n in range(3)]
              + [(text, ["Senate"]) for text in (STATE_STORY, HINTED_STORY, *NATIONAL_STORIES, COMPARED_STORY)])
    db = bodies(load_into, tmp_path, tagged,
                [[10, 14], [14], [14], [14], [11], [11], [11], [11], [11, 13], [11], [10], [11, 13]])
    assert merged(db)["Senate"] == "U.S. Senate"
    senate, own = entity_id("U.S. Senate", "ORG"), entity_id("Senate", "ORG")
    assert where_written(db, "Senate") == {**{article_of(db, text): senate for text, _ in tagged[1:4] + tagged[6:-1]},
                                           **{article_of(db, text): own for text in (STATE_STORY, HINTED_STORY,
                                                                                    COMPARED_STORY)}}


def test_a_bare_senate_in_a_states_political_story_joins_the_states_senate_the_archive_names(load_into, tmp_path):
    """The archive names the Ohio Senate elsewhere: the Ohio story's bare "Senate" goes there; a state story whose
    places lie in no one division (none resolved) stays on the short form."""
    unplaced = "The Senate adjourned after the General Assembly voted on Tuesday."
    tagged = ([(f"The U.S. Senate met on day {n} in Washington, United States.",
                ["U.S. Senate", ("United States", "GPE")]) for n in range(4)]
              + [(f"The Senate confirmed judge {n} in Washington.", ["Senate"]) for n in range(3)]
              + [("The Ohio Senate met in Ohio.", ["Ohio Senate", ("Ohio", "GPE")]),
                 (STATE_STORY, ["Senate"]), (unplaced, ["Senate"])])
    db = bodies(load_into, tmp_path, tagged, [[10, 14]] * 4 + [[14], [14], [14], [11], [11], []])
    assert merged(db)["Senate"] == "U.S. Senate"
    senate = entity_id("U.S. Senate", "ORG")
    assert where_written(db, "Senate") == {**{article_of(db, text): senate for text, _ in tagged[4:7]},
                                           article_of(db, STATE_STORY): entity_id("Ohio Senate", "ORG"),
                                           article_of(db, unplaced): entity_id("Senate", "ORG")}


def test_federal_tells_a_national_story_only_where_the_places_do_not(load_into, tmp_path):
    """ "federal law" in a story whose places lie in Ohio alone leaves its "House" Ohio's; in a story with no place
    below the country it keeps the U.S. House. A noun no state has a body of ("Army") keeps its join anywhere."""
    placed = "The state Senate backed the bill; the House waits, though federal law allows it, in Ohio."
    unplaced = "The state Senate backed the bill; the House waits, though federal law allows it."
    army = "The Army base near Lima gets a new road, Gov. Ann Lee said in Ohio."
    tagged = ([(f"The U.S. House and the U.S. Army met on day {n} in Washington, United States.",
                ["U.S. House", "U.S. Army", ("United States", "GPE")]) for n in range(2)]
              + [(f"The House and the Army met in Washington on day {n}.", ["House", "Army"]) for n in range(3)]
              + [(placed, ["House"]), (unplaced, ["House"]), (army, ["Army"])])
    db = bodies(load_into, tmp_path, tagged, [[10, 14]] * 2 + [[14]] * 3 + [[11], [], [11]])
    assert merged(db)["House"] == "U.S. House" and merged(db)["Army"] == "U.S. Army"
    house, army_id = entity_id("U.S. House", "ORG"), entity_id("U.S. Army", "ORG")
    assert where_written(db, "House") == {**{article_of(db, text): house for text, _ in tagged[2:5]},
                                          article_of(db, placed): entity_id("House", "ORG"),
                                          article_of(db, unplaced): house}
    assert where_written(db, "Army") == {**{article_of(db, text): army_id for text, _ in tagged[2:5]},
                                         article_of(db, army): army_id}


BAR_STORIES = [("The Varno Bar Association opened a free legal clinic for tenants, attorney Dana Whitlow said.",
                ["Varno Bar Association", ("Dana Whitlow", "PERSON")]),
               ("Lawyers of the Varno Bar Association elected attorney Dana Whitlow as president.",
                ["Varno Bar Association", ("Dana Whitlow", "PERSON")])]
LEAGUE_STORIES = [("Guard Terrence Oakes scored 30 points, his best since he entered the VBA.", ["VBA"]),
                  ("The VBA playoffs begin on Friday after a rainy week.", ["VBA"]),
                  ("Coach Rick Dunlow said rebounds decided the VBA final.", ["VBA"]),
                  ("A VBA arena could seat 18,000 fans downtown.", ["VBA"])]
# Shares the bar stories' words "tenants" and "clinic" (each in at most CONTEXT_MIN articles of the archive).
TENANTS_STORY = ("VBA volunteers ran a clinic for tenants on Monday.", ["VBA"])


def acronym_of_stories(load_into, tmp_path, tagged):
    """The stories, and twelve of other news (every "Story n" title: "story" is an everyday word of the archive)."""
    tagged = tagged + [(f"Talks on the fishing quota opened on day {n}.", []) for n in range(12)]
    db, _ = load_into(write(tmp_path, "vba.json", [text for text, _ in tagged]))
    save_tagged(db, tagged)
    return db


def test_an_acronym_stays_apart_in_articles_unrelated_to_the_name_when_they_are_most(load_into, tmp_path):
    """ "Varno Bar Association" written out in two stories (established, the row joins); "VBA" alone in four stories
    of a basketball league that share no entity, place or rare word with the lawyers': they are more than half of
    the six, another body's; as none of them is tied to the lawyers, the acronym joins nothing at all."""
    db = acronym_of_stories(load_into, tmp_path, BAR_STORIES + LEAGUE_STORIES)
    assert merged(db)["VBA"] is None
    assert set(where_written(db, "VBA").values()) == {entity_id("VBA", "ORG")}
    assert db["entities"].get(entity_id("VBA", "ORG"))["article_count"] == 4
    assert db["entities"].get(entity_id("Varno Bar Association", "ORG"))["article_count"] == 2


def test_an_acronyms_article_on_the_names_topic_joins_it_while_the_unrelated_stay_apart(load_into, tmp_path):
    """The same, and a fifth "VBA" story about the clinic for tenants (two rare words of the lawyers' stories): that
    one joins the association (the acronym's row does); the four league stories (four of seven) stay apart."""
    db = acronym_of_stories(load_into, tmp_path, BAR_STORIES + LEAGUE_STORIES + [TENANTS_STORY])
    assert merged(db)["VBA"] == "Varno Bar Association"
    found = where_written(db, "VBA")
    assert found == {**{article_of(db, text): entity_id("VBA", "ORG") for text, _ in LEAGUE_STORIES},
                     article_of(db, TENANTS_STORY[0]): entity_id("Varno Bar Association", "ORG")}
    assert db["entities"].get(entity_id("Varno Bar Association", "ORG"))["article_count"] == 3


def test_an_acronyms_unrelated_articles_join_when_no_more_than_the_tied(load_into, tmp_path):
    """Three league stories against the two lawyers' and the tenants' story: three of six are not most; every "VBA"
    joins, as the row does (an established name is not split by a minority of stories)."""
    db = acronym_of_stories(load_into, tmp_path, BAR_STORIES + LEAGUE_STORIES[:3] + [TENANTS_STORY])
    assert set(where_written(db, "VBA").values()) == {entity_id("Varno Bar Association", "ORG")}
    assert db["entities"].get(entity_id("Varno Bar Association", "ORG"))["article_count"] == 6


@pytest.mark.parametrize("shared, unrelated, joined", [(0, 3, 1), (1, 2, 4), (2, 1, 4), (0, 2, 3)])
def test_an_acronym_written_beside_the_name_once_joins_in_its_articles_that_share_the_names_context(
        load_into, tmp_path, shared, unrelated, joined):
    """ "Kessel Farm Guild (KFG)" in one story naming its chairman; "KFG" alone in stories that name the chairman too
    (`shared`) and in stories of drones (`unrelated`): three unrelated of four stay apart, the story that writes both
    joins; with one story or more sharing the chairman, the unrelated are no more than half and all join; two unrelated
    of three are fewer than UNRELATED_MIN (two short items may share nothing by chance): all three join."""
    named = [("The Kessel Farm Guild (KFG) met in Varno, chairman Ole Brask said.",
              ["Kessel Farm Guild", "KFG", ("Ole Brask", "PERSON")])]
    alone = [(f"Ole Brask said the KFG vote {n} would wait.", ["KFG", ("Ole Brask", "PERSON")]) for n in range(shared)]
    alone += [(f"A KFG drone crashed on runway {n}.", ["KFG"]) for n in range(unrelated)]
    db = acronym_of_stories(load_into, tmp_path, named + alone)
    assert merged(db)["KFG"] == "Kessel Farm Guild"
    assert list(where_written(db, "KFG").values()).count(entity_id("Kessel Farm Guild", "ORG")) == joined


@pytest.mark.parametrize("background, apart", [(21, 0), (20, 4)])
def test_an_acronyms_articles_in_the_country_of_the_names_are_tied_to_it_unless_the_archive_lies_there(
        load_into, tmp_path, background, apart):
    """The lawyers' two stories and the four league stories all lie in Denmark: where the archive's other twelve lie in
    France, Denmark ties them (every "VBA" joins); in a Danish local archive (all in Denmark) it tells nothing, and
    the four stay apart."""
    tagged = BAR_STORIES + LEAGUE_STORIES
    db = acronym_of_stories(load_into, tmp_path, tagged)
    others = [row[0] for row in db.execute("select body from articles where body like 'Talks on the fishing%'")]
    place(db, [(text, [20]) for text, _ in tagged] + [(text, [background]) for text in others], DENMARK)
    save_tagged(db, [])
    found = list(where_written(db, "VBA").values())
    assert (found.count(entity_id("VBA", "ORG")), len(found)) == (apart, 4)
    assert merged(db)["VBA"] == (None if apart else "Varno Bar Association")
