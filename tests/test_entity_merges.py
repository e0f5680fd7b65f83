"""Short forms merged across articles: a surname, an acronym or a single word joins the one full name the
archive holds for it, recorded as an alias, with stable ids; undone when a second candidate arrives."""
import json

from loader.store.entities import _state_form_of, entity_id

FIRST = [
    {"title": "Harlan Voss visits", "body": "President Harlan Voss arrived in Ottawa on Monday for talks.\n\n"
     "The Securities and Exchange Commission opened an inquiry into Dunmore Cable Corp."},
    {"title": "Voss speaks", "body": "Talks with Canada went well, Voss told reporters in Ottawa.\n\n"
     "The SEC declined to comment on the inquiry."},
]
SECOND = [{"title": "Greta Voss visits", "body": "Greta Voss, a painter, opened a show in Ottawa on Monday."}]


def write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def entity(db, name, kind):
    return db["entities"].get(entity_id(name, kind))


def test_surname_and_acronym_join_the_one_full_name(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "first.json", FIRST), nlp=True)
    voss = entity(db, "Harlan Voss", "PERSON")
    assert (voss["name"], voss["article_count"]) == ("Harlan Voss", 2)
    assert "Voss" in json.loads(voss["aliases"])
    short = entity(db, "Voss", "PERSON")  # the short form keeps its id, linked to the full entity
    assert (short["merged_into"], short["article_count"]) == (voss["id"], 0)
    sec = entity(db, "Securities and Exchange Commission", "ORG")
    assert (sec["article_count"], entity(db, "SEC", "ORG")["merged_into"]) == (2, sec["id"])
    assert "SEC" in json.loads(sec["aliases"])
    assert {row["entity_id"] for row in db.query("select entity_id from mentions where text = 'Voss'")} == {voss["id"]}


def test_a_second_candidate_undoes_the_merge(load_into, tmp_path):
    load_into(write(tmp_path, "first.json", FIRST), nlp=True)
    db, _ = load_into(write(tmp_path, "second.json", SECOND), nlp=True)
    short = entity(db, "Voss", "PERSON")
    assert (short["merged_into"], short["article_count"]) == (None, 1)
    assert entity(db, "Harlan Voss", "PERSON")["article_count"] == 1
    assert {row["entity_id"] for row in db.query("select entity_id from mentions where text = 'Voss'")} == {short["id"]}


def test_a_surname_most_articles_write_alone_is_not_the_one_full_name(load_into, tmp_path):
    """Five articles write only "Voss"; one names a "Greta Voss": the surname stays its own person (four to one)."""
    alone = [{"title": f"Voss speaks {n}", "body": f"Talks with Canada went well on day {n}, Voss told reporters in Ottawa."}
             for n in range(1, 6)]
    db, _ = load_into(write(tmp_path, "wire.json", alone + SECOND), nlp=True)
    short = entity(db, "Voss", "PERSON")
    assert (short["merged_into"], short["article_count"]) == (None, 5)
    assert entity(db, "Greta Voss", "PERSON")["article_count"] == 1


THIRD = [
    {"title": "Carmaker cuts output", "body": "Halvorsen Motors Corp said it would cut output at two plants."},
    {"title": "Carmaker hires", "body": "Halvorsen Motors hired 300 workers in Ohio, the union said."},
    {"title": "Carmaker sued", "body": "A dealer sued HMC in a Detroit court. Shares of Halvorsen fell 2 pct."},
]


def test_legal_form_variants_acronym_and_word_join_one_company(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "third.json", THIRD), nlp=True)
    full = entity(db, "Halvorsen Motors Corp", "ORG")
    assert (full["name"], full["article_count"]) == ("Halvorsen Motors Corp", 3)
    for short in ("Halvorsen Motors", "Halvorsen"):
        assert entity(db, short, "ORG")["merged_into"] == full["id"], short
    assert {"Halvorsen Motors", "Halvorsen"} <= set(json.loads(full["aliases"]))
    assert entity(db, "HMC", "ORG")["merged_into"] is None  # the legal form's initial is no initial of the name


BESIDE = [
    {"title": "Insurer", "body": "The Northern Deposit Insurance Corp (NDIC) closed a bank in Ohio on Friday."},
    {"title": "Insurer again", "body": "The NDIC sold the assets of a failed bank in Iowa on Monday."},
    {"title": "Carmaker", "body": "Halvorsen Motors Corp said it would cut output at two plants."},
    {"title": "Chemicals", "body": "HMC said chemical sales rose 12 pct in the first quarter."},
]


def test_an_acronym_with_the_legal_forms_initial_needs_an_article_that_writes_both(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "beside.json", BESIDE), nlp=True)
    assert entity(db, "NDIC", "ORG")["merged_into"] == entity(db, "Northern Deposit Insurance Corp", "ORG")["id"]
    assert entity(db, "HMC", "ORG")["merged_into"] is None


def test_an_acronym_is_exactly_the_initials_of_the_name_without_its_legal_form():
    from loader.store.entities import _short_form_targets
    rows = [("full", "Kessler Motor Co", "ORG", None, 6), ("with_form", "KMC", "ORG", None, 2),
            ("exact", "KM", "ORG", None, 2), ("bank", "Varga Trust and Savings Bank", "ORG", None, 3),
            ("vtsb", "VTSB", "ORG", None, 1), ("vts", "VTS", "ORG", None, 1)]
    # a public body's or bank's noun is part of the name's initials; only the legal form is left out
    assert _short_form_targets(rows) == {"exact": "full", "vtsb": "bank"}


def test_what_is_not_merged():
    from loader.store.entities import _short_form_targets
    rows = [("opec", "OPEC", "ORG", None, 5), ("typo", "Organisaton of Petroleum Exporting Countries", "ORG", None, 1),
            ("word", "Kestrel", "ORG", None, 3), ("product", "Kestrel K300s", "ORG", None, 2),
            ("baker", "Baker", "PERSON", None, 4), ("b1", "Anne Baker", "PERSON", None, 1),
            ("b2", "Tom Baker", "PERSON", None, 1), ("lower", "treasury", "ORG", None, 2),
            ("t1", "Treasury Board", "ORG", None, 1)]
    # an acronym the alias table knows; a word in a name that is no organisation's form; a surname of
    # two people; a lower-case word
    assert _short_form_targets(rows) == {}


def test_a_misspelt_name_joins_the_spelling_most_articles_use():
    from loader.store.entities import _short_form_targets
    rows = [("right", "Northern Grain Marketing Board", "ORG", None, 12),
            ("typo", "Northern Grain Marketting Board", "ORG", None, 1),
            ("p1", "Ingrid Halvarsen", "PERSON", None, 9), ("p2", "Ingrid Halvorsen", "PERSON", None, 1),
            ("even", "Northern Grain Marketing Boards", "ORG", None, 5),  # 12 is not 3 times 5
            ("short", "Tom Baker", "PERSON", None, 9), ("other", "Tom Barker", "PERSON", None, 1)]
    # a short word differing by one letter is another name, not a typo ("Baker", "Barker")
    assert _short_form_targets(rows) == {"typo": "right", "p2": "p1"}


def test_a_clear_majority_decides_between_candidates():
    from loader.store.entities import _short_form_targets
    rows = [("short", "Tarrant", "PERSON", None, 3), ("big", "Eliza Tarrant", "PERSON", None, 20),
            ("small", "Joel Tarrant", "PERSON", None, 2),
            ("acronym", "NGB", "ORG", None, 4), ("full", "National Grain Board", "ORG", None, 7),
            ("rare", "Nordic Glass Bank", "ORG", None, 2)]  # 7 is not 4 times 2: no majority
    assert _short_form_targets(rows) == {"short": "big"}


def test_a_word_for_a_stance_towards_a_group_is_no_fuller_name_of_it():
    from loader.store.entities import _short_form_targets
    rows = [("group", "Varkan", "ORG", None, 3), ("stance", "Anti-Varkan", "ORG", None, 9),
            ("word", "Brenner", "ORG", None, 2), ("company", "Brenner-Hall Corp", "ORG", None, 4)]
    # "anti-Varkan forces" are Varkan's enemies; a hyphenated company's name still holds its word
    assert _short_form_targets(rows) == {"word": "company"}


def test_a_fragment_joining_two_names_is_no_candidate():
    from loader.store.entities import _short_form_targets
    rows = [("word", "Parliament", "ORG", None, 3), ("full", "Swedish Parliament", "ORG", None, 3),
            ("joined", "Palace-Parliament", "ORG", None, 1), ("palace", "Palace", "ORG", None, 2),
            ("lone", "Hewlett-Parliament", "ORG", None, 1)]  # "Hewlett" is no entity: a candidate
    assert _short_form_targets(rows) == {}
    assert _short_form_targets(rows[:4]) == {"word": "full"}


TREASURIES = [
    {"title": "Budget", "body": "The U.K. Treasury said in London that spending would rise next year."},
    {"title": "Bonds", "body": "The U.S. Treasury Department sold new bonds in Washington on Monday."},
    {"title": "Bills", "body": "The U.S. Treasury Department sold bills in Chicago on Tuesday."},
    {"title": "Auction", "body": "Dealers in New York and Boston said the Treasury would sell more notes."},
    {"title": "Notes", "body": "Traders in Chicago said the Treasury planned a larger auction of notes."},
]


def test_a_short_form_joins_the_candidate_of_its_articles_country(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "treasuries.json", TREASURIES), nlp=True)
    us = entity(db, "U.S. Treasury Department", "ORG")
    assert entity(db, "Treasury", "ORG")["merged_into"] == us["id"]
    assert us["article_count"] == 4
    assert entity(db, "U.K. Treasury", "ORG")["article_count"] == 1


FOREIGN_TREASURIES = TREASURIES + [
    {"title": "Yields", "body": "Brokers in Boston said the Treasury would sell bonds next week."},
    {"title": "Gilts", "body": "Dealers in London said the Treasury would sell more gilts in June."},
    {"title": "Lira", "body": "Bankers in Rome and Milan said the Treasury would sell bills to banks."},
]


def test_in_an_article_of_another_country_the_noun_is_that_countrys_body(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "foreign.json", FOREIGN_TREASURIES), nlp=True)
    us, uk = entity(db, "U.S. Treasury Department", "ORG"), entity(db, "U.K. Treasury", "ORG")
    short = entity(db, "Treasury", "ORG")
    assert short["merged_into"] == us["id"]  # the id stays stable and points at the body most articles mean
    assert (us["article_count"], uk["article_count"], short["article_count"]) == (5, 2, 1)  # Rome: no Italian one
    assert "Treasury" in json.loads(uk["aliases"])


CONGRESSES = [
    {"title": "Farm bill", "body": "The U.S. Congress passed a farm bill in Washington on Friday."},
    {"title": "Doctors", "body": "The American Congress met in Des Moines, Iowa, to discuss doctors' fees."},
    {"title": "Vote", "body": "Lawmakers in Washington said Congress would vote on the trade bill in May."},
]


def test_on_a_tie_of_countries_the_alias_rows_candidate_wins(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "congresses.json", CONGRESSES), nlp=True)
    assert entity(db, "American Congress", "ORG")["article_count"] == 1  # a second candidate, also American
    assert entity(db, "Congress", "ORG")["merged_into"] == entity(db, "U.S. Congress", "ORG")["id"]


def test_a_person_named_like_a_place_or_company_that_more_articles_name_joins_it():
    from loader.store.entities import _short_form_targets
    rows = [("p1", "Halmstad", "PERSON", None, 2), ("g1", "Halmstad", "GPE", None, 9),
            ("p2", "Vessel Nordahl", "PERSON", None, 3), ("o2", "Vessel Nordahl", "ORG", None, 3),
            ("p3", "Lena Marsh", "PERSON", None, 6), ("o3", "Lena Marsh", "ORG", None, 1),  # mostly a person
            ("p4", "Ostrava", "PERSON", None, 4), ("g4", "Ostrava", "GPE", None, 1),  # one word: the place
            ("p5", "Kessler", "PERSON", None, 3), ("g5", "Kessler", "GPE", None, 1),
            ("full5", "Anna Kessler", "PERSON", None, 6)]  # a surname that fits a person stays a person
    assert _short_form_targets(rows) == {"p1": "g1", "p2": "o2", "p4": "g4", "p5": "full5"}


def test_a_public_bodys_noun_alone_is_no_body_inside_another():
    from loader.store.entities import _short_form_targets
    rows = [("senate", "Senate", "ORG", None, 4), ("committee", "Senate Finance Committee", "ORG", None, 6),
            ("house", "House", "ORG", None, 5), ("white", "White House", "ORG", None, 9),
            ("houses", "Dobbin Houses Inc", "ORG", None, 30),
            ("treasury", "Treasury", "ORG", None, 3), ("full", "Ruritania Treasury Department", "ORG", None, 8),
            ("place", "Ruritania", "GPE", None, 2)]
    assert _short_form_targets(rows) == {"treasury": "full"}


FEW_PLACES = [
    {"title": "Budget", "body": "The U.K. Treasury said in London that spending would rise next year."},
    {"title": "Bonds", "body": "The U.S. Treasury Department sold new bonds in Washington on Monday."},
    {"title": "Gilts", "body": "Dealers in London said the Treasury would sell more gilts."},
    {"title": "Notes", "body": "The Treasury sold notes on Monday, dealers said."},
    {"title": "Bills", "body": "The Treasury planned a larger sale of bills, traders said."},
]


def test_a_country_only_a_minority_of_its_articles_show_decides_nothing(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "few_places.json", FEW_PLACES), nlp=True)
    assert entity(db, "Treasury", "ORG")["merged_into"] is None
    assert entity(db, "U.K. Treasury", "ORG")["article_count"] == 1


def test_an_acronym_with_several_candidates_by_either_initials_is_decided_by_majority_or_not_at_all():
    from loader.store.entities import _short_form_targets
    rows = [("acronym", "NMC", "ORG", None, 4), ("college", "North Maple College", "ORG", None, 1),
            ("mills", "Nordic Mills Corp", "ORG", None, 3)]
    # the mills' initials hold their legal form and no article writes both: no merge, nor to the college
    assert _short_form_targets(rows) == {}


CREDIT = [
    {"title": "Loans", "body": "The Farm Credit Corporation (FCC) made new loans to growers in Iowa."},
    {"title": "Loans again", "body": "The Farm Credit Corporation said loans to growers rose in Kansas."},
    {"title": "More loans", "body": "The Farm Credit Corporation cut its rate on loans in Nebraska."},
    {"title": "Farm debt", "body": "The Farm Credit Corporation sold bonds to fund loans in Ohio."},
    {"title": "Rates", "body": "The FCC said its loan rate would stay at 7 pct in April."},
    {"title": "Clinic", "body": "The Fairview Cancer Center opened a new wing in Denver on Monday."},
]


def test_an_acronym_written_beside_a_name_with_a_legal_form_beats_a_name_it_fits_without(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "credit.json", CREDIT), nlp=True)
    corporation = entity(db, "Farm Credit Corporation", "ORG")
    assert entity(db, "FCC", "ORG")["merged_into"] == corporation["id"]
    assert corporation["article_count"] == 5


TAKEN_FOR_A_PERSON = [
    {"title": "Guarantees refused", "body": "The Saudis refused credit guarantees, a Kessling official said."},
    {"title": "Talks fail", "body": "Talks between Kessling and the Saudis failed, Santos said."},
    {"title": "Saudis give way",
     "body": "After Kessling threatened to cancel the contract, the Saudis changed their minds."},
    {"title": "Crude", "body": "Santana told reporters that Kessling would buy crude elsewhere."},
]


def test_a_company_the_model_took_for_a_person_in_most_articles_stays_a_company(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "person.json", TAKEN_FOR_A_PERSON), nlp=True)
    types = sorted(row["type"] for row in db.query("select type from mentions where text = 'Kessling'"))
    assert types == ["ORG", "PERSON", "PERSON", "PERSON"]  # one article shows the company, three the model's slip
    company = entity(db, "Kessling", "ORG")
    assert (company["type"], company["article_count"]) == ("ORG", 4)  # merged-in mentions of a person do not vote
    assert entity(db, "Kessling", "PERSON")["merged_into"] == company["id"]


EVIDENCE = [
    {"title": f"Debate {n}",
     "body": f"A spokeswoman for the broadcaster VTR said on day {n} that VTR would air the debate live."}
    for n in range(1, 6)
] + [
    {"title": "Tin", "body": "Valdor Tin Resources said output rose 4 pct at its mine in Ontario."},
    {"title": "Grain", "body": "The Grain Standards Office (GSO) tightened wheat grading rules in Kansas."},
] + [
    {"title": f"Wheat {n}", "body": f"The GSO said on day {n} that wheat grades would be checked twice in Kansas."}
    for n in range(1, 5)
] + [
    {"title": "Harbour", "body": "The Harlow Port Authority raised berth fees in Maine on Friday, Agnes Morrow said."},
    {"title": "Berths", "body": "Agnes Morrow said the HPA would raise fees again next year."},
    {"title": "Berths again", "body": "The HPA said on Monday that a new crane had arrived."},
]


def test_an_acronym_joins_a_name_with_its_initials_only_on_evidence(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "evidence.json", EVIDENCE), nlp=True)
    # five articles of a broadcaster "VTR" and one of a mining firm with those initials: no article writes both
    assert (entity(db, "VTR", "ORG")["merged_into"], entity(db, "VTR", "ORG")["article_count"]) == (None, 5)
    assert entity(db, "Valdor Tin Resources", "ORG")["article_count"] == 1
    # one article defines the acronym in brackets (no mention of its own): its four other articles follow
    office = entity(db, "Grain Standards Office", "ORG")
    assert (entity(db, "GSO", "ORG")["merged_into"], office["article_count"]) == (office["id"], 5)
    # never written together, but as rare as the name (two articles to one) and one shares its context: joined
    authority = entity(db, "Harlow Port Authority", "ORG")
    assert (entity(db, "HPA", "ORG")["merged_into"], authority["article_count"]) == (authority["id"], 3)


def test_initials_of_a_dotted_abbreviation_are_all_its_letters_and_a_countrys_none():
    from loader.store.entities import INITIALS_SKIP, _initials
    assert _initials("U.S. Central Command", INITIALS_SKIP) == "CC"
    assert _initials("U.S. Senate", INITIALS_SKIP) == "S"
    assert _initials("M.D.C. Holdings Inc.", INITIALS_SKIP) == "MDCH"
    assert _initials("Securities and Exchange Commission", INITIALS_SKIP) == "SEC"
    assert _initials("St. Kilda Football Club", INITIALS_SKIP) == "SKFC"


def quotes_of(db, text):
    return [(row["speaker"], row["speaker_name"], row["speaker_entity_id"]) for row in db.query(
        "select speaker, speaker_name, speaker_entity_id from quotes where content like ?", [f"%{text}%"])]


def test_a_quotes_speaker_follows_the_merge_of_its_entity_and_its_undoing(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "first.json", FIRST), nlp=True)
    voss = entity(db, "Harlan Voss", "PERSON")["id"]
    assert quotes_of(db, "Talks with Canada") == [("Harlan Voss", "Voss", voss)]
    group = db.execute("select quote_groups.speaker from quote_groups join quotes on quotes.group_id = "
                       "quote_groups.id where quotes.content like '%Talks with Canada%'").fetchall()
    assert group in ([], [("Harlan Voss",)])
    # a second Voss: the surname is no longer one person's; the quote is the surname's again
    db, _ = load_into(write(tmp_path, "second.json", SECOND), nlp=True)
    assert quotes_of(db, "Talks with Canada") == [("Voss", "Voss", entity_id("Voss", "PERSON"))]


def test_a_reloaded_article_keeps_its_speaker_on_the_merged_entity(load_into, tmp_path):
    load_into(write(tmp_path, "first.json", FIRST), nlp=True)
    changed = [dict(FIRST[1], body=FIRST[1]["body"].replace("went well", "went very well"))]
    db, _ = load_into(write(tmp_path, "changed.json", [FIRST[0], *changed]), nlp=True)
    voss = entity(db, "Harlan Voss", "PERSON")["id"]
    assert quotes_of(db, "Talks with Canada") == [("Harlan Voss", "Voss", voss)]
    assert db.execute("select count(*) from quotes where speaker = 'Voss'").fetchone()[0] == 0


def test_an_organisation_named_like_a_much_more_named_person_joins_him_and_chains_end_at_the_last_target():
    from loader.store.entities import _short_form_targets
    rows = [(entity_id(name, kind), name, kind, None, articles) for name, kind, articles in [
        ("Harlan Voss", "PERSON", 12), ("Voss", "PERSON", 5), ("Voss", "ORG", 3),  # "the Voss budget"
        ("Kestrel Motors Corp", "ORG", 6), ("Kestrel", "ORG", 4), ("Kestrel", "PERSON", 1),
        ("Ada Brenner", "PERSON", 8), ("Brenner", "PERSON", 2), ("Brenner", "ORG", 5),
        ("Quill Tarn", "PERSON", 30), ("Tarn", "PERSON", 3), ("TARN", "ORG", 2)]]
    names = {entity: (name, kind) for entity, name, kind, _, _ in rows}
    targets = {names[short]: names[full] for short, full in _short_form_targets(rows).items()}
    assert targets == {
        ("Voss", "PERSON"): ("Harlan Voss", "PERSON"),
        ("Voss", "ORG"): ("Harlan Voss", "PERSON"),  # 12 articles, at least three times its 3
        ("Kestrel", "ORG"): ("Kestrel Motors Corp", "ORG"),
        ("Kestrel", "PERSON"): ("Kestrel Motors Corp", "ORG"),  # through "Kestrel" the company, not to it
        ("Brenner", "PERSON"): ("Ada Brenner", "PERSON"),  # the company "Brenner" (5) stays: 8 is not 3 times 5
        ("Tarn", "PERSON"): ("Quill Tarn", "PERSON"),  # an all-capitals word is an acronym, no surname
    }


def test_a_credit_label_run_into_a_name_joins_the_name_and_two_agencies_joined_by_a_slash_take_neither():
    from loader.store.entities import _short_form_targets
    rows = [(entity_id(name, "ORG"), name, "ORG", None, articles) for name, articles in [
        ("Harbour Wire", 12), ("Source:-Harbour Wire", 5), ("Photo: Harbour Wire", 2), ("Credit:-Nobody Known", 3),
        ("Ravel", 6), ("Harbour Wire/Ravel", 9)]]
    names = {entity: name for entity, name, *_ in rows}
    targets = {names[short]: names[full] for short, full in _short_form_targets(rows).items()}
    assert targets == {"Source:-Harbour Wire": "Harbour Wire", "Photo: Harbour Wire": "Harbour Wire"}


def test_an_organisation_the_places_stage_resolved_as_a_country_in_two_of_its_articles_is_shown_as_a_place(tmp_path):
    from loader.store import open_db
    from loader.store.entities import retype_places
    db = open_db(str(tmp_path / "archive.db"))
    db["places"].insert_all([{"id": 1, "name": "Norland", "feature_code": "PCLI"},
                             {"id": 2, "name": "Granby", "feature_code": "ADM1"},
                             {"id": 3, "name": "Tarnby", "feature_code": "PPL"},
                             {"id": 4, "name": "Skarn", "feature_code": "PEN"}])
    rows = {"Norland": ["a1", "a2", "a3"], "Granby": ["a1", "a4"], "Tarnby": ["a2", "a3"], "Skarn": ["a1", "a2"]}
    # Granby: once, the newspaper
    resolved = {"Norland": ["a1", "a2"], "Granby": ["a1"], "Tarnby": ["a2", "a3"], "Skarn": ["a1", "a2"]}
    for name, articles in rows.items():
        db["entities"].insert({"id": entity_id(name, "ORG"), "name": name, "type": "ORG", "aliases": "[]"})
        db["mentions"].insert_all({"article_id": article, "entity_id": entity_id(name, "ORG"), "text": name,
                                   "type": "ORG", "entity_name": name} for article in articles)
        place = {"Norland": 1, "Granby": 2, "Tarnby": 3, "Skarn": 4}[name]
        db["locations"].insert_all({"article_id": article, "place_id": place, "text": name}
                                   for article in resolved[name])
    assert retype_places(db) == 2
    assert {row["name"]: row["type"] for row in db.query("select name, type from entities")} == {
        "Norland": "GPE", "Granby": "ORG", "Tarnby": "ORG",  # a town's name may be a firm's: not retyped
        "Skarn": "LOC"}  # a peninsula: another place


def test_an_archive_from_before_speaker_name_gets_it_from_speaker_at_the_next_finish(load_into, tmp_path):
    from loader.store.entities import merge_short_forms
    db, _ = load_into(write(tmp_path, "first.json", FIRST), nlp=True)
    db.execute("update quotes set speaker_name = null")  # no quote of an older archive has it
    db.execute("update quotes set speaker = 'Voss' where speaker = 'Harlan Voss'")
    merge_short_forms(db)
    voss = entity(db, "Harlan Voss", "PERSON")["id"]
    assert quotes_of(db, "Talks with Canada") == [("Harlan Voss", "Voss", voss)]


PARLIAMENTS = [
    {"title": "Delhi vote", "body": "The Indian Parliament passed the bill in New Delhi, India, on Monday."},
    {"title": "London debate", "body": "Members of Parliament in London, Britain, debated the bill."},
    {"title": "Wellington law", "body": "In Wellington, New Zealand, Parliament passed the law."},
    {"title": "Ottawa deal", "body": "Parliament in Ottawa, Canada, backed the trade deal, officials said."},
]


def test_a_bodys_noun_alone_joins_a_countrys_body_only_where_its_articles_lie(load_into, tmp_path):
    """Every country has a parliament: "Parliament" of British, New Zealand and Canadian stories is no Indian one."""
    db, _ = load_into(write(tmp_path, "parliaments.json", PARLIAMENTS), nlp=True)
    assert entity(db, "Indian Parliament", "ORG")["article_count"] == 1
    parliament = entity(db, "Parliament", "ORG")
    assert (parliament["merged_into"], parliament["article_count"]) == (None, 3)


def test_a_word_joins_the_name_that_writes_it_with_a_possessive_not_another_word_ending_in_s():
    from loader.store.entities import _short_form_targets
    rows = [("agency", "Halvard", "ORG", None, 4), ("full", "Halvard's Ratings Inc", "ORG", None, 6),
            ("magazine", "Ledger", "ORG", None, 3), ("paper", "Ashford Ledgers Inc", "ORG", None, 9)]
    assert _short_form_targets(rows) == {"agency": "full"}


# Each article: its text and the organisations the model would tag in it (saved with the real saver below).
WORDS = [
    ("The Halden Budget Office said the deficit would widen next year.", ["Halden Budget Office"]),
    ("The Halden Budget Office cut its growth forecast for Ruritania.", ["Halden Budget Office"]),
    ("The minister will present the Budget on Tuesday; the budget cuts taxes.", ["Budget"]),
    ("Critics said the Budget raised spending, and the budget deficit grew.", ["Budget"]),
    ("Students at Marlow University protested against higher fees.", ["Marlow University"]),
    ("Marlow said on Friday that its fees would rise by 4 pct.", ["Marlow"]),
    ("Reporters on Tessel Hill said the vote in the chamber was close.", ["Tessel Hill"]),
    ("Tessel Hill was quiet on Sunday before the vote.", ["Tessel Hill"]),
    ("The Hill reported on Monday that the vote was close.", ["Hill"]),
    ("Korvex Inc reported a profit; shares of Korvex rose 3 pct.", ["Korvex Inc", "Korvex"]),
    ("Korvex said on Monday that sales rose 5 pct.", ["Korvex"]),
    ("Korvex hired 200 workers in Ohio.", ["Korvex"]),
    ("Korvex shares fell in early trading.", ["Korvex"]),
    ("Korvex cut its dividend.", ["Korvex"]),
]


def save_tagged(db, tagged):
    """Save each article's organisations as the extract stage would, then run the store's finishers."""
    from loader.store import FINISHERS
    from loader.store.entities import save_mentions
    for text, names in tagged:
        article = db.execute("select id from articles where body = ?", [text]).fetchone()[0]
        typed = [name if isinstance(name, tuple) else (name, "ORG") for name in names]
        save_mentions(db, article, [{"entity": name, "type": kind, "text": name, "start": text.index(name),
                                     "end": text.index(name) + len(name), "sentence": 0, "role": None}
                                    for name, kind in typed])
    for finish in FINISHERS:
        finish(db)


def test_a_single_word_joins_an_organisations_name_only_on_evidence(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "words.json", [{"title": f"Story {n}", "body": text}
                                                    for n, (text, _) in enumerate(WORDS)]))
    save_tagged(db, WORDS)
    merged = {row["name"]: row["target"] for row in db.query(
        "select s.name, t.name as target from entities s left join entities t on t.id = s.merged_into "
        "where s.name not like '% %'")}
    # a common word written in lower case too, the middle of the name, never written beside it: its own row
    # a name's first word, no common word, as many articles as the name: the university
    # the head of a name that picks one hill among many, never written beside it: its own row
    # written beside the name in one article of five (a quarter is enough), and the name is the word and its legal form
    assert merged == {"Budget": None, "Marlow": "Marlow University", "Hill": None, "Korvex": "Korvex Inc"}


VEXIT = [(f"Talks on Vexit stalled again on day {n}.", [("Vexit", "GPE" if n % 3 == 0 else "PERSON")])
         for n in range(1, 10)] + [
    ("The Tory Vexit campaigner spoke in Leeds.", [("Tory Vexit", "PERSON")])]


def test_a_surname_merged_into_a_place_of_its_name_stays_there_at_the_next_finish(load_into, tmp_path):
    """Six articles write "Vexit" as a person's name, one names a "Tory Vexit": the word is the place that three
    other articles name, at the first finish and at every later one (its mentions, now on the place, still count)."""
    from loader.store import FINISHERS
    db, _ = load_into(write(tmp_path, "vexit.json", [{"title": f"Story {n}", "body": text}
                                                    for n, (text, _) in enumerate(VEXIT)]))
    save_tagged(db, VEXIT)
    for _ in range(2):
        assert entity(db, "Vexit", "PERSON")["merged_into"] == entity(db, "Vexit", "GPE")["id"]
        for finish in FINISHERS:
            finish(db)


def test_initials_take_a_capitalised_abbreviation_whole_and_a_lower_case_word_leaves_none():
    from loader.store.entities import INITIALS_SKIP, _initials
    assert _initials("Kestrel Development Properties", INITIALS_SKIP) == "KDP"
    assert _initials("KDE Development Properties", INITIALS_SKIP) == "KDEDP"  # no "KDP"
    assert _initials("NEC Corp", INITIALS_SKIP) == "NEC"
    assert _initials("Harlow island militia", INITIALS_SKIP) == ""  # a description, not a name
    assert _initials("Bank of Ruritania", INITIALS_SKIP) == "BR"


AGENCIES = [
    ("The Danish National Police (DNP) arrested two men in Aarhus.", ["Danish National Police"], ["DK"]),
    ("Police in Aarhus said on Monday that the DNP had made a third arrest.", ["DNP"], ["DK"]),
] + [
    (f"A spokesman told the DNP news agency on day {n} that talks had failed.", ["DNP"], [code])
    for n, code in enumerate(["FR", "DE", "BR", "IN"])
] + [
    ("Kessel Aviation said its fleet would grow.", ["Kessel Aviation"], []),
    ("KA said the strike had ended.", ["KA"], []),
    ("Kessel Aviation Board said its rules would change.", ["Kessel Aviation Board"], []),
    ("KAB said the rules would change next year.", ["KAB"], []),
]


def test_an_acronym_of_two_letters_or_of_a_countrys_body_needs_more_than_initials(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "agencies.json", [{"title": f"Story {n}", "body": text}
                                                       for n, (text, *_) in enumerate(AGENCIES)]))
    db["places"].insert({"id": 1, "name": "Denmark", "country_code": "DK", "feature_code": "PCLI"})
    for text, _, codes in AGENCIES:
        db.execute("update articles set country_codes = ? where body = ?", [json.dumps(codes), text])
    save_tagged(db, [(text, names) for text, names, _ in AGENCIES])
    merged = {row["name"]: row["target"] for row in db.query(
        "select s.name, t.name as target from entities s left join entities t on t.id = s.merged_into "
        "where s.name not like '% %'")}
    # the news agency of four foreign stories is not the police of the two home ones, though one names both;
    # one article each, never written together: no join, of two letters or of three (letters and counts alone)
    assert merged == {"DNP": None, "KA": None, "KAB": None}


def test_a_name_holding_the_acronym_is_its_candidate_only_as_a_company_of_that_name():
    from loader.store.entities import _short_form_targets
    rows = [("acronym", "KDB", "ORG", None, 2), ("bank", "Kessler Development Bank", "ORG", None, 2),
            ("fragment", 'KDB "Overheated', "ORG", None, 1),  # a cut sentence, no rival of the bank
            ("word", "VTX", "ORG", None, 3), ("company", "VTX Corp", "ORG", None, 2)]
    assert _short_form_targets(rows) == {"acronym": "bank", "word": "company"}


SPELLINGS = [
    {"title": "Museum plans", "body": "\"We will open the new wing in May,\" said Renée Calloway, the museum's director."},
    {"title": "Museum wing", "body": "\"The wing cost less than planned,\" said Renée Calloway, the museum's director."},
    {"title": "Museum opens", "body": "\"Visitors came from three states,\" said Renee Calloway, the museum's director."},
    {"title": "Council vote", "body": "\"The budget passed easily,\" said Stephen Hollin, a councillor."},
    {"title": "Shop prices", "body": "\"We cut the road fund,\" said Steve Hollin, a bookseller."},
]


def test_a_speakers_spelling_of_the_same_name_shows_the_entitys_and_a_folded_nickname_keeps_its_own(
        load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "spellings.json", SPELLINGS), nlp=True)
    calloway = entity(db, "Renée Calloway", "PERSON")["id"]
    assert quotes_of(db, "three states") == [("Renée Calloway", "Renee Calloway", calloway)]
    assert [row[:2] for row in quotes_of(db, "road fund")] == [("Steve Hollin", "Steve Hollin")]
    assert [row[:2] for row in quotes_of(db, "budget passed")] == [("Stephen Hollin", "Stephen Hollin")]


STATE_FORMS = [
    {"title": "Trade talks", "body": "Officials from China met traders in Geneva on Monday to discuss steel."},
    {"title": "Steel exports", "body": "Steel exports from China rose in March, customs data showed."},
    {"title": "Treaty signed", "body": "The People's Republic of China signed the treaty in Geneva on Friday."},
]


def test_a_states_formal_name_resolved_to_the_same_place_joins_its_short_name(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "forms.json", STATE_FORMS), nlp=True)
    china = entity(db, "China", "GPE")
    assert entity(db, "People's Republic of China", "GPE")["merged_into"] == china["id"]
    assert china["article_count"] == 3 and "People's Republic of China" in json.loads(china["aliases"])


def test_only_a_states_form_words_make_two_names_of_one_place_one():
    assert _state_form_of("Kingdom of Saudi Arabia", "Saudi Arabia")
    assert _state_form_of("Zhejiang", "Zhejiang province")
    assert not _state_form_of("Emirates", "United Arab Emirates")
    assert not _state_form_of("Bayern", "Bavaria")


def test_britain_and_the_united_kingdom_are_one_country_row(load_into, tmp_path):
    records = [{"title": "Rates", "body": "Britain raised its base rate on Monday, the central bank said in London."},
               {"title": "Trade", "body": "Exports from the United Kingdom rose in May, figures showed in London."},
               {"title": "Ships", "body": "Two ships from Great Britain docked in Lagos, Nigeria, on Friday."}]
    db, _ = load_into(write(tmp_path, "uk.json", records), nlp=True)
    rows = db.query("select name, article_count from entities where type = 'GPE' and merged_into is null "
                    "and (name like '%Brit%' or name like '%Kingdom%')")
    assert [(row["name"], row["article_count"]) for row in rows] == [("United Kingdom", 3)]
