"""Short forms merged across articles: a surname, an acronym or a single word joins the one full name the
archive holds for it, recorded as an alias, with stable ids; undone when a second candidate arrives."""
import json

from loader.store.entities import entity_id

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


THIRD = [
    {"title": "Carmaker cuts output", "body": "Halvorsen Motors Corp said it would cut output at two plants."},
    {"title": "Carmaker hires", "body": "Halvorsen Motors hired 300 workers in Ohio, the union said."},
    {"title": "Carmaker sued", "body": "A dealer sued HMC in a Detroit court. Shares of Halvorsen fell 2 pct."},
]


def test_legal_form_variants_acronym_and_word_join_one_company(load_into, tmp_path):
    db, _ = load_into(write(tmp_path, "third.json", THIRD), nlp=True)
    full = entity(db, "Halvorsen Motors Corp", "ORG")
    assert (full["name"], full["article_count"]) == ("Halvorsen Motors Corp", 3)
    for short in ("Halvorsen Motors", "HMC", "Halvorsen"):
        assert entity(db, short, "ORG")["merged_into"] == full["id"], short
    assert {"Halvorsen Motors", "HMC", "Halvorsen"} <= set(json.loads(full["aliases"]))


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
