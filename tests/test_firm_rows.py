"""Firms named after people, joined across the archive (loader/store/firms.py): a person row that some article types
as a firm by a firm's cue, and that no article shows as a person, joins the firm's row in every article; a person
shown so stays one, and the join is undone when such an article arrives. Sentences written for these tests."""
import json

from loader.store import ensure_db_shape, open_db
from loader.store.entities import entity_id, merge_short_forms, refresh_entities
from loader.store.firms import _cued_articles, _own_articles, _shown_as_person

FIRM = "Hollis Brandt"
UPGRADE = "Hollis Brandt upgraded shares of Acme Corp. to buy from hold on Tuesday."
TARGET = "Shares of Acme Corp. rose 3% on Tuesday. Hollis Brandt set a price target of $40 on the stock."
NOTE = ("Acme Corp. reported higher sales. Hollis Brandt said in a note to clients that demand for its products was "
        "strong.")
FOUNDER = "Hollis Brandt, 64, founded the firm in 1990. \"We were small then,\" he said."


def load(load_into, tmp_path, name: str, *bodies: str):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps([{"title": f"{name} {i}", "body": body} for i, body in enumerate(bodies)]),
                    encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    return db


def rows(db) -> dict:
    return {(row["name"], row["type"]): (row["article_count"], row["merged_into"]) for row in db.query(
        "select name, type, article_count, merged_into from entities where name = ?", [FIRM])}


def speakers(db) -> list:
    return [tuple(row) for row in db.execute(
        "select speaker, speaker_type, speaker_entity_id from quotes where speaker_name = ? order by content",
        [FIRM])]


def test_a_person_a_firm_cue_types_as_a_firm_elsewhere_joins_the_firm_in_every_article(load_into, tmp_path):
    db = load(load_into, tmp_path, "notes", UPGRADE, TARGET, NOTE)
    firm = entity_id(FIRM, "ORG")
    assert rows(db) == {(FIRM, "PERSON"): (0, firm), (FIRM, "ORG"): (3, None)}
    assert {tuple(row) for row in db.execute("select type, entity_id from mentions where entity_name = ?", [FIRM])} \
        == {("ORG", firm), ("PERSON", firm)}
    assert speakers(db) == [(FIRM, "organisation", firm)]


def test_a_founder_shown_as_a_person_stays_one_and_undoes_the_join(load_into, tmp_path):
    load(load_into, tmp_path, "notes", UPGRADE, TARGET, NOTE)
    db = load(load_into, tmp_path, "profile", FOUNDER)
    person = entity_id(FIRM, "PERSON")
    assert rows(db) == {(FIRM, "PERSON"): (3, None), (FIRM, "ORG"): (1, None)}
    assert speakers(db) == [(FIRM, "person", person), (FIRM, "person", person)]


def archive(path, articles: dict):
    """An archive at `path` of articles: id → (body, [(name, type[, role])]), one mention per name where the body
    writes it."""
    db = open_db(str(path))
    ensure_db_shape(db)
    for article_id, (body, names) in articles.items():
        db["articles"].insert({"id": article_id, "title": article_id, "body": body})
        for name, type_, *role in names:
            db["entities"].insert({"id": entity_id(name, type_), "name": name, "type": type_, "aliases": "[]"},
                                  ignore=True)
            start = body.index(name)
            db["mentions"].insert({"article_id": article_id, "entity_id": entity_id(name, type_), "text": name,
                                   "type": type_, "start": start, "end": start + len(name), "entity_name": name,
                                   "role": role[0] if role else None})
    refresh_entities(db)
    return db


def merged(db) -> dict:
    return {(row[0], row[1]): row[2] for row in db.execute(
        "select e.name, e.type, t.name from entities e left join entities t on t.id = e.merged_into "
        "where e.type = 'PERSON'")}


def test_an_organisation_row_without_a_firms_cue_takes_no_person(tmp_path):
    people = {"a": ("Nora Vance visited Leeds on Monday.", [("Nora Vance", "PERSON")]),
              "b": ("Crowds greeted Nora Vance in York.", [("Nora Vance", "PERSON")])}
    db = archive(tmp_path / "party.db", {**people, "c": ("The party grew under the leadership of Nora Vance.",
                                                         [("Nora Vance", "ORG")])})
    merge_short_forms(db)
    assert merged(db) == {("Nora Vance", "PERSON"): None}
    db = archive(tmp_path / "firm.db", {**people, "c": ("Analysts at Nora Vance expect a loss.", [("Nora Vance", "ORG")])})
    merge_short_forms(db)
    assert merged(db) == {("Nora Vance", "PERSON"): "Nora Vance"}


def test_a_person_joins_the_firm_of_its_name_and_a_legal_form(tmp_path):
    db = archive(tmp_path / "archive.db", {"a": ("Trading was slow, Dorsey Pike said.", [("Dorsey Pike", "PERSON")]),
                                           "b": ("Dorsey Pike sees demand rising.", [("Dorsey Pike", "PERSON")]),
                                           "c": ("Dorsey Pike Inc. reported a loss.", [("Dorsey Pike Inc.", "ORG")])})
    merge_short_forms(db)
    assert merged(db) == {("Dorsey Pike", "PERSON"): "Dorsey Pike Inc."}


def test_what_shows_a_name_as_a_persons():
    body = ("Mr. Ames Dole spoke. Ames Dole, 58, left. Ames Dole lost his seat. Ames Dole met Kim Roe, who said "
            "she agreed. Ames Dole raised its target. Ames Dole cut its stake. He left.")
    spans = [(m, m + len("Ames Dole")) for m in range(len(body)) if body.startswith("Ames Dole", m)]
    others = [("Kim Roe", body.index("Kim Roe"))]
    found = [_shown_as_person(body, ("Ames Dole", start, end, None), others) for start, end in spans]
    # honorific; age; "his"; "she" after another person's name; "its", and "its" again in the next sentence; "He" next
    assert found == [True, True, True, False, False, True]
    assert _shown_as_person(body, ("Ames Dole", *spans[4], "chief executive"), others) is True
    assert _shown_as_person(body, ("Ames Dole", *spans[4], "the brokerage"), others) is False


BROKER = "Dunmore Keating"
# Cues the extract stage leaves to the archive (the model's PERSON stands in the article): "... analysts said".
CALLS = ("Acme Corp. shares rose after Dunmore Keating analysts said the outlook was strong.",
         "Dunmore Keating economists expect rates to rise in the spring.",
         "Acme Corp. fell. Dunmore Keating strategists said the stock was cheap.")
RETIRED = "Dunmore Keating, 71, retired from the board of Acme Corp. last year."


def test_a_person_its_own_articles_write_as_a_firm_is_an_organisation_until_one_shows_a_person(load_into, tmp_path):
    db = load(load_into, tmp_path, "calls", *CALLS)
    broker = entity_id(BROKER, "PERSON")
    shown = "select id, type, article_count, merged_into from entities where name = ?"
    assert [tuple(row) for row in db.execute(shown, [BROKER])] == [(broker, "ORG", 3, None)]
    assert {row[0] for row in db.execute("select type from mentions where entity_id = ?", [broker])} == {"PERSON"}
    db = load(load_into, tmp_path, "people", RETIRED)
    assert [tuple(row) for row in db.execute(shown, [BROKER])] == [(broker, "PERSON", 4, None)]


def test_a_name_cued_in_only_one_article_stays_a_person(load_into, tmp_path):
    db = load(load_into, tmp_path, "calls", CALLS[0], *(f"Dunmore Keating visited {town} on Monday." for town in (
        "Leeds", "York", "Hull", "Derby")))
    assert [tuple(row) for row in db.execute("select type, article_count from entities where name = ?", [BROKER])] \
        == [("PERSON", 5)]


def test_a_name_with_a_legal_form_joins_its_firm_whatever_role_it_has(tmp_path):
    managed = {"a": ("The notes were sold, said sole manager Hale Dunn Inc. on Monday.",
                     [("Hale Dunn Inc.", "PERSON", "sole manager")]),
               "b": ("Hale Dunn Inc. priced the notes at par.", [("Hale Dunn Inc.", "PERSON")]),
               "c": ("The issue was led by underwriters at Hale Dunn Inc. in New York.", [("Hale Dunn Inc.", "ORG")])}
    db = archive(tmp_path / "notes.db", managed)
    merge_short_forms(db)
    assert merged(db) == {("Hale Dunn Inc.", "PERSON"): "Hale Dunn Inc."}
    db = archive(tmp_path / "people.db", {key: (body.replace("Hale Dunn Inc.", "Hale Dunn"),
                                                [(name.replace(" Inc.", ""), *rest) for name, *rest in names])
                                          for key, (body, names) in managed.items()})
    merge_short_forms(db)
    assert merged(db) == {("Hale Dunn", "PERSON"): None}  # "sole manager Hale Dunn": a person's role


def test_what_writes_a_name_as_a_firms(tmp_path):
    written = {"holding": ("Shares of Hale Dunn rose 3% on Monday.", "Hale Dunn"),
               "owner": ("Shares of Elon Musk's Tesla fell 2% on Monday.", "Elon Musk"),
               "staff": ("Analysts at Hale Dunn expect a loss.", "Hale Dunn"),
               "staff owner": ("Analysts at Elon Musk's Tesla expect a loss.", "Elon Musk"),
               "target": ("Hale Dunn lifted their price objective on Acme Corp. to $40.", "Hale Dunn"),
               "singular they": ("Sam Smith set their sights on a second album.", "Sam Smith"),
               "its": ("Hale Dunn cut its stake in Acme Corp. by half.", "Hale Dunn"),
               "its, irregular past": ("Hale Dunn began its coverage of Acme Corp. with a buy rating.", "Hale Dunn"),
               "their, irregular past": ("Sam Smith began their tour in May.", "Sam Smith")}
    db = archive(tmp_path / "cues.db", {key: (body, [(name, "PERSON")]) for key, (body, name) in written.items()})
    people = {}
    for name in {name for _, name in written.values()}:
        people.update(_own_articles(db, name, {entity_id(name, "PERSON")})[0])
    assert {article for article, cued in _cued_articles(db, people) if cued} == {
        "holding", "staff", "target", "its", "its, irregular past"}
